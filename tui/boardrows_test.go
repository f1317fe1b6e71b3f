package tui

import (
	"slices"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// TestRowsFollowFilterAndSnapshot: the rows are kept between keys, so a
// kept list must never outlive its filter or its snapshot, or the cursor
// would select an item the screen does not show.
func TestRowsFollowFilterAndSnapshot(t *testing.T) {
	h, _ := demo(t, i18n.NL, 140, 40)
	m := h.m.board
	b := h.board()
	goal := uint64(0)
	if len(b.Goals) > 0 {
		goal = b.Goals[0].ID
	}
	ids := func(rows []row) []uint64 {
		var out []uint64
		for _, r := range rows {
			out = append(out, r.id)
		}
		return out
	}
	all := ids(m.rows(b, board.AreaAction))
	for _, f := range []filter{{}, {kind: filterMine}, {kind: filterOverdue}, {kind: filterGoal, goalID: goal}} {
		m.filter = f
		for _, a := range board.Areas {
			kept, fresh := ids(m.rows(b, a)), ids(m.list(b, a))
			if len(fresh) == 0 && a != board.AreaCheckIn {
				t.Errorf("filter %v, area %v: the demo board shows nothing; the test compares nothing", f, a)
			}
			if !slices.Equal(kept, fresh) {
				t.Errorf("filter %v, area %v: kept rows %v, the list now %v", f, a, kept, fresh)
			}
		}
		if f.kind != filterAll && slices.Equal(ids(m.rows(b, board.AreaAction)), all) {
			t.Errorf("filter %v lists every action", f)
		}
	}
	m.filter = filter{}
	more := withActions(b, 3)
	if got := len(m.rows(more, board.AreaAction)); got != len(all)+3 {
		t.Errorf("a newer snapshot lists %d actions, want %d", got, len(all)+3)
	}
}
