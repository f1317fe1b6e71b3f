package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/cellwidth"
	"github.com/verbeterbord/bord/tui/i18n"
)

// TestRowLines: a long row wraps to at most three lines of the panel's
// width, the last one cut; a coloured row is coloured on every line and
// no colour runs past a line's end into the frame.
func TestRowLines(t *testing.T) {
	st := newStyles()
	long := st.done.Render(strings.Repeat("Minder thuiszitters in de regio ", 8))
	lines := rowLines(long, 40, true)
	if len(lines) != maxRowLines {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	for i, l := range lines {
		if w := cellwidth.String(l); w > 40 {
			t.Errorf("line %d is %d wide: %q", i, w, l)
		}
		if openStyle(l) != "" {
			t.Errorf("line %d leaves its colour on: %q", i, l)
		}
		if !strings.Contains(l, st.done.on) {
			t.Errorf("line %d lost the row's colour: %q", i, l)
		}
	}
	if !strings.HasSuffix(ansi.Strip(lines[2]), "…") {
		t.Errorf("the cut is not marked: %q", ansi.Strip(lines[2]))
	}
	if got := rowLines(long, 40, false); len(got) != 1 {
		t.Errorf("without wrapping %d lines", len(got))
	}
	if got := rowLines("kort", 40, true); len(got) != 1 || got[0] != " kort" {
		t.Errorf("a short row: %q", got)
	}
}

// TestBandsFollowContent: at 140x40 the band with more to show gets the
// height; the one with little keeps what it needs. At 80x24 nothing wraps.
func TestBandsFollowContent(t *testing.T) {
	h, _ := demo(t, i18n.NL, 140, 40)
	rects, _ := h.m.board.layout()
	before := rects[0].h
	h.send(snapshotMsg{withActions(h.board(), 60)})
	rects, _ = h.m.board.layout()
	if rects[0].h >= before {
		t.Errorf("60 actions below, the top band stays %d high (was %d)", rects[0].h, before)
	}
	if need := needLines(h.m.board.rows(h.board(), board.AreaGoal), 0, rects[2].w, 40); rects[0].h < need {
		t.Errorf("the goals need %d lines and get %d", need, rects[0].h)
	}
	lines := strings.Split(h.plain(), "\n")
	// A goal's row is its own lines (goalrows.go): its numbers stand on
	// the line under its title, inside the band.
	if !strings.Contains(strings.Join(lines[:rects[0].h+1], "\n"), "38 → 35 → 30 leerlingen") {
		t.Errorf("the goal's numbers are not in the top band:\n%s", h.plain())
	}
	h.send(snapshotMsg{withGoals(h.board(), 30)})
	rects, _ = h.m.board.layout()
	if rects[0].h <= before {
		t.Errorf("30 more goals above, the top band is %d high (was %d)", rects[0].h, before)
	}

	small, _ := demo(t, i18n.NL, 80, 24)
	mustContain(t, small.plain(), "Casusoverleg plannen met leerplicht voor de 5 langste t…")
}

// TestWrappedPanelsAreNotShared: a panel drawn for a session at 140
// columns (rows wrap) is not handed to one at 139 (rows cut) that draws
// the same area at the same panel size (panelcache.go): at 140x26 and
// 139x28 the successes panel is 46x10 in both.
func TestWrappedPanelsAreNotShared(t *testing.T) {
	clearPanels()
	wide, _ := demo(t, i18n.NL, 140, 26)
	mustContain(t, wide.plain(), "   termijn besloten")
	narrow := start(t, wide.s, Config{Lang: i18n.NL}, 139, 28)
	if w, n := layoutOf(wide.m.board, board.AreaSuccess), layoutOf(narrow.m.board, board.AreaSuccess); w.w != n.w || w.h != n.h {
		t.Fatalf("the panels differ in size (%dx%d, %dx%d); the test compares nothing", w.w, w.h, n.w, n.h)
	}
	if narrow.m.b != wide.m.b {
		t.Fatal("the two sessions do not share the snapshot; the test compares nothing")
	}
	mustNotContain(t, narrow.plain(), "   termijn besloten")
	mustContain(t, narrow.plain(), "★ Alle aanvragen van oktober binnen de ter…")
}

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

// layoutOf is area a's place in the current layout.
func layoutOf(m *boardScreen, a board.Area) rect {
	rects, _ := m.layout()
	for _, r := range rects {
		if r.area == a {
			return r
		}
	}
	return rect{}
}
