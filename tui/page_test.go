package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// withGoals is a copy of snapshot b with n more goals, built in memory.
func withGoals(b *board.Board, n int) *board.Board {
	c := withActions(b, 0)
	c.Goals = append([]board.Goal(nil), b.Goals...)
	for i := range n {
		g := board.Goal{Title: fmt.Sprintf("Extra doel %02d", i), ByWhen: day(30)}
		g.ID = uint64(2_000_000 + i)
		c.Goals = append(c.Goals, g)
	}
	return c
}

// reload hands the model the store's snapshot of board id now, without
// waiting for the notices of the writes before it.
func (h *harness) reload(id uint64) {
	h.t.Helper()
	snap, err := h.s.Board(id)
	if err != nil {
		h.t.Fatal(err)
	}
	h.send(snapshotMsg{snap})
}

// lines checks the frame has exactly h lines and returns them plain.
func lines(t *testing.T, h *harness, height int) []string {
	t.Helper()
	out := strings.Split(h.plain(), "\n")
	if len(out) != height {
		t.Fatalf("%d lines, want %d", len(out), height)
	}
	return out
}

// TestPageBoardArea: PgDn moves the selection a page of the focused area
// on, PgUp back, and the selected row is on screen, at both sizes.
func TestPageBoardArea(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			h, _ := demo(t, i18n.NL, sz.w, sz.h)
			h.send(snapshotMsg{withActions(h.board(), 500)})
			h.press("4", "home")
			page := h.m.board.pageRows()
			if page < 5 {
				t.Fatalf("a page of %d rows", page)
			}
			h.press("pgdown", "pgdown")
			if got := h.m.board.sel[board.AreaAction]; got != 2*(page-1) {
				t.Errorf("two pages down selects row %d, want %d", got, 2*(page-1))
			}
			a := h.selectedAction()
			if !strings.Contains(strings.Join(lines(t, h, sz.h), "\n"), a.What[:12]) {
				t.Errorf("the selected %q is not on screen:\n%s", a.What, h.plain())
			}
			h.press("pgup")
			if got := h.m.board.sel[board.AreaAction]; got != page-1 {
				t.Errorf("a page up selects row %d, want %d", got, page-1)
			}
			h.press("pgup", "pgup")
			if got := h.m.board.sel[board.AreaAction]; got != 0 {
				t.Errorf("paging past the top selects row %d", got)
			}
			h.press("?")
			mustContain(t, h.plain(), "pgup/pgdn")
		})
	}
}

// TestPageRetroList: the list of retrospectives scrolls with its cursor
// (it ran off the screen) and pages.
func TestPageRetroList(t *testing.T) {
	h, info := demo(t, i18n.EN, 80, 24)
	for i := range 40 {
		if _, err := h.s.CreateRetro(me, info.ID, fmt.Sprintf("Retro nummer %02d", i), "", nil, day(-28), day(0), false, 0); err != nil {
			t.Fatal(err)
		}
	}
	h.reload(info.ID)
	h.press("R")
	if h.m.screen != screenRetros {
		t.Fatalf("not on the retrospectives:\n%s", h.plain())
	}
	page := h.m.listPage()
	for i, want := range []string{"Retro nummer 20", "Retro nummer 01"} {
		h.press("pgdown")
		if h.m.retros.cursor != (i+1)*(page-1) {
			t.Errorf("cursor %d, want %d", h.m.retros.cursor, (i+1)*(page-1))
		}
		sel := ""
		for _, s := range lines(t, h, 24) {
			if strings.HasPrefix(s, "› ") {
				sel = s
			}
		}
		if !strings.Contains(sel, want) {
			t.Fatalf("page %d: the cursor is on %q, want %q:\n%s", i+1, sel, want, h.plain())
		}
		if i == 0 {
			mustContain(t, h.plain(), "+20 more")
		}
	}
	h.press("?")
	mustContain(t, h.plain(), "pgup/pgdn")
}

// TestPageChooser: a chooser longer than the screen scrolls and pages
// instead of running off it.
func TestPageChooser(t *testing.T) {
	h, _ := demo(t, i18n.NL, 80, 24)
	h.send(snapshotMsg{withGoals(h.board(), 40)})
	h.press("4", "home", "g")
	if h.m.choose == nil {
		t.Fatalf("no goal chooser:\n%s", h.plain())
	}
	h.press("home", "pgdown", "pgdown", "pgdown")
	c := h.m.choose
	want := c.options[c.cursor]
	if c.cursor < 20 {
		t.Errorf("three pages down the cursor is at %d", c.cursor)
	}
	found := false
	for _, l := range lines(t, h, 24) {
		if strings.Contains(l, "› ") && strings.Contains(l, want) {
			found = true
		}
	}
	if !found {
		t.Errorf("the chosen %q is not on screen:\n%s", want, ansi.Strip(h.view()))
	}
}

// TestPageArenaQuestions: PgDn pages an arena's list of questions.
func TestPageArenaQuestions(t *testing.T) {
	h, info := demo(t, i18n.NL, 80, 24)
	a, err := h.s.CreateArena(me, info.ID, "Uitleg", fixedNow(), "groep 7", 6, me, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		h.arenaOp(me, info.ID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: fmt.Sprintf("Vraag nummer %02d?", i)})
	}
	h.reload(info.ID)
	h.press("A", "enter")
	if h.m.screen != screenArena {
		t.Fatalf("the arena is not open:\n%s", h.plain())
	}
	h.press("pgdown")
	if got, want := h.m.arena.as.sel[0], h.m.panelPage()-1; got != want {
		t.Errorf("a page down selects question %d, want %d", got, want)
	}
	mustContain(t, strings.Join(lines(t, h, 24), "\n"), fmt.Sprintf("›%d. Vraag nummer %02d?", h.m.panelPage(), h.m.panelPage()-1))
	h.press("pgup")
	if got := h.m.arena.as.sel[0]; got != 0 {
		t.Errorf("a page up selects question %d", got)
	}
}
