package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

var sizes = []struct{ w, h int }{
	{80, 24}, {100, 30}, {119, 40}, {120, 40}, {140, 40}, {200, 60}, {40, 12}, {30, 8}, {20, 5},
}

// misfit says how view is not exactly w×h cells, "" when it is: as many
// lines as the height, each exactly as wide as the screen, so the terminal
// never wraps a line and the frame never scrolls.
func misfit(view string, w, ht int) string {
	lines := strings.Split(view, "\n")
	if len(lines) != ht {
		return fmt.Sprintf("%d lines", len(lines))
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			return fmt.Sprintf("line %d is %d wide: %q", i, got, ansi.Strip(l))
		}
	}
	return ""
}

// checkSize fails unless the view is exactly w×h cells (misfit).
func checkSize(t *testing.T, h *harness, w, ht int) {
	t.Helper()
	if why := misfit(h.view(), w, ht); why != "" {
		t.Errorf("%dx%d: %s\n%s", w, ht, why, h.plain())
	}
}

// onDemo is a layout state: the demo board at 140x40 after keys.
func onDemo(keys ...string) func(t *testing.T, lang i18n.Lang) *harness {
	return func(t *testing.T, lang i18n.Lang) *harness {
		h, _ := demo(t, lang, 140, 40)
		h.press(keys...)
		return h
	}
}

func TestLayoutSizes(t *testing.T) {
	t.Parallel()
	// Each state is set up once at 140x40 and then drawn at every size.
	states := []struct {
		name  string
		setup func(t *testing.T, lang i18n.Lang) *harness
	}{
		{"welcome", func(t *testing.T, lang i18n.Lang) *harness {
			return start(t, openStore(t), Config{Lang: lang}, 140, 40)
		}},
		{"picker", func(t *testing.T, lang i18n.Lang) *harness {
			s, _, _ := twoBoards(t)
			return start(t, s, Config{Lang: lang}, 140, 40)
		}},
		{"new board form", func(t *testing.T, lang i18n.Lang) *harness {
			h := start(t, openStore(t), Config{Lang: lang}, 140, 40)
			h.press("n", "ctrl+s") // with an error on the team field
			return h
		}},
		{"board", onDemo()},
		{"board, status line", onDemo("space")},
		{"action form", func(t *testing.T, lang i18n.Lang) *harness {
			h, _ := adding(t, lang)
			h.typeText(strings.Repeat("lange tekst ", 12))
			h.fill("when", "week 50")
			return h
		}},
		{"goal form", onDemo("3", "e")},
		{"form with errors", func(t *testing.T, lang i18n.Lang) *harness {
			h, _ := adding(t, lang)
			h.fill("who", "Kees")
			h.fill("when", "gisteren")
			h.press("ctrl+s")
			return h
		}},
		{"conflict form", func(t *testing.T, lang i18n.Lang) *harness {
			h, info := demo(t, lang, 140, 40)
			saveAfterOther(t, h, info.ID)
			if h.m.form == nil || h.m.form.note == "" {
				t.Fatal("no conflict")
			}
			return h
		}},
		{"help", onDemo("?")},
		{"filter chooser", onDemo("f")},
		{"mood chooser", onDemo("c")},
		{"long list", func(t *testing.T, lang i18n.Lang) *harness {
			h, info := demo(t, lang, 140, 40)
			for i := range 60 {
				a := &board.Action{What: fmt.Sprintf("Actie %02d met een lange omschrijving die niet past", i), Who: "Sanne", When: day(i % 20)}
				if _, err := h.s.Add("Sanne", info.ID, a); err != nil {
					t.Fatal(err)
				}
			}
			h.press("u") // nothing to undo: a status line
			h.send(snapshotMsg{h.board()})
			h.press("end")
			return h
		}},
	}
	for _, st := range states {
		for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
			t.Run(st.name+"/"+string(lang), func(t *testing.T) {
				t.Parallel()
				h := st.setup(t, lang)
				for _, sz := range sizes {
					h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
					checkSize(t, h, sz.w, sz.h)
				}
			})
		}
	}
}

func TestLayoutWideAndNarrow(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 120, 40)
	screen := h.plain()
	for _, title := range []string{"Check-in (4)", "Successen (3)", "Doelen (3)", "Acties (7)", "Planning (4)", "Parkeerplaats (2)"} {
		mustContain(t, screen, title)
	}
	h.send(tea.WindowSizeMsg{Width: 119, Height: 40})
	screen = h.plain()
	mustContain(t, screen, "[4 Acties]", "1 Check-in", "6 Parkeerplaats", "Acties (7)")
	mustNotContain(t, screen, "Successen (3)", "Doelen (3)")
	// Tiny screens say so instead of drawing garbage (issue 13: they said
	// "(nog leeg)", as if the board were empty).
	h.send(tea.WindowSizeMsg{Width: 29, Height: 20})
	mustContain(t, h.plain(), "Venster te klein")
}

// addExtraActions adds 40 actions of Sanne, more than an 80x24 screen
// shows, and hands the screen the new snapshot.
func addExtraActions(t *testing.T, h *harness, boardID uint64) {
	t.Helper()
	for i := range 40 {
		if _, err := h.s.Add("Sanne", boardID, &board.Action{What: fmt.Sprintf("Extra actie %02d", i), Who: "Sanne", When: day(30 + i)}); err != nil {
			t.Fatal(err)
		}
	}
	h.send(snapshotMsg{h.board()})
}

func TestLayoutScrollKeepsSelectionVisible(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 80, 24)
	addExtraActions(t, h, info.ID)
	h.press("end")
	screen := h.plain()
	mustContain(t, screen, "›[x] 17 nov   Ahmed") // the last row, selected and on screen
	h.press("home")
	screen = h.plain()
	mustContain(t, screen, "›[ ] 21 nov ! Joost", "+30 meer")
}

func TestLayoutSelectionNeverHidden(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 80, 24)
	addExtraActions(t, h, info.ID)
	h.press("home")
	for i := range 47 {
		if !strings.Contains(h.plain(), "›[") {
			t.Fatalf("row %d selected but not on screen\n%s", i, h.plain())
		}
		h.press("down")
	}
}

func TestMouseInScrolledList(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 80, 24)
	addExtraActions(t, h, info.ID)
	h.press("home")
	for range 30 {
		h.press("down")
	}
	// Click the first visible row: the row under the pointer is selected.
	first := strings.Split(h.plain(), "\n")[3]
	h.click(10, 3)
	row := h.m.board.rows(h.m.b, board.AreaAction)[h.m.board.sel[board.AreaAction]]
	if !strings.Contains(first, ansi.Strip(row.text())[10:]) {
		t.Errorf("clicked %q, selected %q", first, row.text())
	}
	// The frame selects nothing.
	sel := h.m.board.sel[board.AreaAction]
	h.click(10, 2)
	h.click(10, 22)
	if h.m.board.sel[board.AreaAction] != sel {
		t.Errorf("a click on the frame moved the selection to %d", h.m.board.sel[board.AreaAction])
	}
}
