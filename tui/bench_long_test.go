package tui

import (
	"fmt"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// withActions is a copy of snapshot b with n more actions under its first
// goal, built in memory: 10,000 writes through the store would take the
// benchmark minutes of fsyncs, and the screen only sees the snapshot.
func withActions(b *board.Board, n int) *board.Board {
	c := *b
	c.Version++
	c.Actions = make([]board.Action, 0, len(b.Actions)+n)
	c.Actions = append(c.Actions, b.Actions...)
	members := b.Team.MemberNames()
	for i := range n {
		a := board.Action{What: fmt.Sprintf("Actie %05d: casus bespreken met school en ouders", i),
			Who: members[i%len(members)], When: day(i%90 - 10), Status: board.StatusTodo}
		a.ID = uint64(1_000_000 + i)
		if len(b.Goals) > 0 {
			a.GoalID = b.Goals[i%len(b.Goals)].ID
		}
		c.Actions = append(c.Actions, a)
	}
	return &c
}

// BenchmarkKeyLongBoard measures what one ↓ costs on a board with 10,000
// actions: the key's Update and the frame drawn after it. Issue 14: it took
// about 100 ms, so 50 quick presses took 4 s to settle.
func BenchmarkKeyLongBoard(b *testing.B) {
	for _, sz := range []struct{ w, h int }{{140, 40}, {80, 24}} {
		b.Run(fmt.Sprintf("10k/%dx%d", sz.w, sz.h), func(b *testing.B) {
			clearPanels()
			h, _ := demo(b, i18n.NL, sz.w, sz.h)
			h.send(snapshotMsg{withActions(h.board(), 10_000)})
			h.press("4")
			b.ReportAllocs()
			for b.Loop() {
				h.send(keyMsg("down"))
				_ = h.m.View()
			}
		})
	}
}

// TestLongBoardKeyCostsTheVisibleRows: a key and its frame cost the rows on
// screen, not the rows of the area. Counted in allocations, which do not
// depend on the machine's speed: ten times the actions may not cost more.
func TestLongBoardKeyCostsTheVisibleRows(t *testing.T) {
	perKey := func(n int) float64 {
		clearPanels() // each store's board starts at the same version
		h, _ := demo(t, i18n.NL, 140, 40)
		h.send(snapshotMsg{withActions(h.board(), n)})
		h.press("4", "down")
		_ = h.m.View()
		return testing.AllocsPerRun(20, func() {
			h.send(keyMsg("down"))
			_ = h.m.View()
		})
	}
	small, large := perKey(1_000), perKey(10_000)
	if large > small*1.2+20 {
		t.Errorf("a key on 10,000 actions makes %.0f allocations, on 1,000 %.0f: the work grows with the area", large, small)
	}
}
