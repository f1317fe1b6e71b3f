package tui

import (
	"slices"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// TestIdsListTheRowsInOrder: the selection is kept across changes with ids
// (no text), the screen draws rows; both must list the same items in the
// same order, under every filter, or a change would move the cursor.
func TestIdsListTheRowsInOrder(t *testing.T) {
	h, _ := demo(t, i18n.NL, 140, 40)
	m := h.m.board
	b := h.board()
	goal := uint64(0)
	if len(b.Goals) > 0 {
		goal = b.Goals[0].ID
	}
	for _, f := range []filter{{}, {kind: filterMine}, {kind: filterOverdue}, {kind: filterGoal, goalID: goal}} {
		m.filter = f
		for _, a := range board.Areas {
			rows, ids := m.rows(b, a), m.ids(b, a)
			if len(rows) == 0 && a != board.AreaCheckIn {
				t.Errorf("filter %v, area %v: the demo board shows nothing; the test compares nothing", f, a)
			}
			if !slices.EqualFunc(rows, ids, func(r, i row) bool { return r.id == i.id && i.text == "" }) {
				t.Errorf("filter %v, area %v: rows %v, ids %v", f, a, rows, ids)
			}
		}
	}
}
