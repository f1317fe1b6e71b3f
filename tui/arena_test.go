package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// An arena from the keyboard: prepare with the question bank, capture with
// speaker labels while a second note-taker writes too, the name guard
// warns before a name is saved, and an idea becomes an action.
func TestArenaFlow(t *testing.T) {
	h, info := demo(t, i18n.NL, 120, 36)
	other := start(t, h.s, Config{Lang: i18n.NL, User: "Fatima"}, 120, 36)

	toArena(t, h)
	h.press("b", "1", "a")
	h.typeText("Is het leuk?")
	h.press("enter")
	mustContain(t, h.plain(), "1. Wat helpt jou het meest", "gesloten vraag?")

	h.press("2")
	h.typeText("L2: de uitleg gaat soms te snel")
	h.press("enter")
	b, _ := h.s.Board(info.ID)
	a := b.Arenas[0]
	if len(a.Notes) != 1 || a.Notes[0].Speaker != "L2" || a.Notes[0].Text != "de uitleg gaat soms te snel" {
		t.Fatalf("note: %+v", a.Notes)
	}
	// The name guard: warned, nothing saved, the text kept; Enter again saves.
	h.typeText("Sanne zegt dat het fijn is")
	h.press("enter")
	mustContain(t, h.plain(), "Dit lijkt een naam te bevatten: Sanne")
	b, _ = h.s.Board(info.ID)
	if len(b.Arenas[0].Notes) != 1 {
		t.Fatal("a note with a name was saved without a second Enter")
	}
	h.press("enter")
	b, _ = h.s.Board(info.ID)
	if len(b.Arenas[0].Notes) != 2 {
		t.Fatal("the override did not save")
	}

	// A second note-taker sees the notes live and adds her own.
	other.awaitChange()
	other.press("A", "enter", "2")
	mustContain(t, other.plain(), "L2: de uitleg gaat soms te snel")
	other.typeText("meer voorbeelden op het bord")
	other.press("enter")
	h.awaitChange()
	mustContain(t, h.plain(), "meer voorbeelden op het bord")

	// Themes, an idea, promote it, report back.
	h.press("esc", "3", "n")
	h.typeText("Tempo van de uitleg")
	h.press("enter", "down", "t", "2")
	h.press("4", "a")
	h.typeText("Uitleg in blokjes van 10 minuten")
	h.press("enter")
	h.typeText("Tempo")
	h.press("enter")
	h.typeText("3")
	h.press("enter")
	h.typeText("3")
	h.press("enter")
	mustContain(t, h.plain(), "[H 3 · E 3] Uitleg in blokjes", "eerst doen: 1")
	h.press("p", "enter")
	h.typeText("volgende week")
	h.press("enter", "enter")
	b, _ = h.s.Board(info.ID)
	a = b.Arenas[0]
	if a.Ideas[0].Action == 0 || a.Notes[0].Theme == 0 {
		t.Fatalf("idea or theme missing: %+v", a)
	}
	if act := b.Find(board.AreaAction, a.Ideas[0].Action).(*board.Action); act.Origin != board.OriginArena {
		t.Errorf("origin %s", act.Origin)
	}
	h.press("esc", "esc")
	mustContain(t, h.plain(), "1 arena open")
	h.press("A", "enter", "5", "a")
	h.typeText("In de klas verteld wat we gaan doen")
	h.press("enter")
	b, _ = h.s.Board(info.ID)
	if b.Arenas[0].Open() {
		t.Error("still open after reporting back")
	}
}

// No field of an arena asks for a pupil's name: the forms' labels say so,
// and the report has no names at all, not even the teachers'.
func TestArenaNoNamesInReport(t *testing.T) {
	h, info := demo(t, i18n.NL, 80, 24)
	a, err := h.s.CreateArena(me, info.ID, "Uitleg", fixedNow(), "groep 7", 6, "Fatima", []string{"Joost"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	a, _ = h.s.ChangeArena(me, info.ID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest?"})
	h.s.ChangeArena("Joost", info.ID, a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: "meer oefenen", Speaker: "L1"})
	b, _ := h.s.Board(info.ID)
	md, err := i18n.For(i18n.NL).Report(b, "arena", "", fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Fatima", "Joost", me} {
		if strings.Contains(md, name) {
			t.Errorf("report names %s:\n%s", name, md)
		}
	}
	if !strings.Contains(md, "- L1: meer oefenen") || !strings.Contains(md, "groep 7") {
		t.Errorf("report:\n%s", md)
	}
	h.awaitChange()
	h.press("A", "n")
	for _, fl := range h.m.form.fields {
		if strings.Contains(strings.ToLower(fl.label), "naam") {
			t.Errorf("the arena form asks for a name: %q", fl.label)
		}
	}
}

// TestGoldenArena keeps the capture screen and the follow-up screens
// (themes, ideas with the 2×2, report back) at both sizes and languages.
func TestGoldenArena(t *testing.T) {
	for _, tab := range []string{"2", "3", "4", "5"} {
		for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
			for _, size := range goldenSizes {
				t.Run(fmt.Sprintf("tab%s_%s_%dx%d", tab, lang, size[0], size[1]), func(t *testing.T) {
					t.Parallel()
					h, info := demo(t, lang, size[0], size[1])
					arenaFixture(t, h, info.ID)
					h.awaitChange()
					h.press("A", "enter", tab)
					if tab == "2" {
						h.typeText("L4: we willen vaker samenwerken")
					}
					golden.RequireEqual(t, []byte(ascii(t, h.view())))
				})
			}
		}
	}
}

// toArena makes a leerlingarena from the keyboard and leaves it open.
func toArena(t *testing.T, h *harness) {
	t.Helper()
	arenaForm(h)
	h.press("enter", "enter", "enter", "enter", "enter")
	if h.m.screen != screenArena {
		t.Fatalf("arena not open:\n%s", h.plain())
	}
}

// arenaForm opens the new-arena form and fills its topic, day and group.
func arenaForm(h *harness) {
	h.press("A", "n")
	h.typeText("Uitleg bij rekenen")
	h.press("enter")
	h.typeText("vr")
	h.press("enter")
	h.typeText("groep 7")
}

// arenaWithIdea opens the demo board (Dutch, 140×40) and makes an arena
// from the keyboard with one idea, rated rating for both feasibility and
// impact, on its ideas screen.
func arenaWithIdea(t *testing.T, rating string) (*harness, board.Info) {
	t.Helper()
	h, info := demo(t, i18n.NL, 140, 40)
	toArena(t, h)
	h.press("4", "a")
	h.typeText("Vaker samenwerken")
	h.press("enter", "enter")
	h.typeText(rating)
	h.press("enter")
	h.typeText(rating)
	h.press("enter")
	return h, info
}

func arenaFixture(t *testing.T, h *harness, boardID uint64) {
	t.Helper()
	s := h.s
	a, err := s.CreateArena(me, boardID, "Uitleg bij rekenen", fixedNow(), "groep 7", 6, me, []string{"Fatima"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	do := func(who string, op board.ArenaOp) board.Arena {
		t.Helper()
		return h.arenaOp(who, boardID, a.ID, op)
	}
	a = do(me, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest om de uitleg te begrijpen?"})
	a = do(me, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wanneer leer je het meest in de les?"})
	q := a.Questions[0].ID
	do("Fatima", board.ArenaOp{Kind: board.OpAddNote, Question: q, Text: "voorbeelden op het bord", Speaker: "L1"})
	do(me, board.ArenaOp{Kind: board.OpAddNote, Question: q, Text: "de uitleg gaat soms te snel", Speaker: "L3"})
	a = do(me, board.ArenaOp{Kind: board.OpAddTheme, Text: "Tempo van de uitleg"})
	do(me, board.ArenaOp{Kind: board.OpSetTheme, ID: a.Notes[1].ID, Theme: a.Themes[0].ID})
	do(me, board.ArenaOp{Kind: board.OpAddIdea, Text: "Uitleg in blokjes van 10 minuten", Theme: a.Themes[0].ID, Feasibility: 3, Impact: 3})
	do(me, board.ArenaOp{Kind: board.OpAddIdea, Text: "Nieuwe methode kiezen", Feasibility: 1, Impact: 3})
}

// openCapture makes an arena with one question on the demo board and opens
// its capture line.
func openCapture(t *testing.T, h *harness, boardID uint64) board.Arena {
	t.Helper()
	a, err := h.s.CreateArena(me, boardID, "Uitleg", fixedNow(), "groep 7", 6, me, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	a = h.arenaOp(me, boardID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest bij de uitleg?"})
	h.awaitChange()
	h.press("A", "enter", "2")
	return a
}

func arenaNow(t *testing.T, h *harness, boardID, id uint64) *board.Arena {
	t.Helper()
	b, err := h.s.Board(boardID)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := b.Arena(id)
	return a
}

// A note saved over the name guard is flagged: marked on screen, masked in
// the report. At 80 columns the warning still says how to save anyway.
func TestArenaOverrideFlagsNote(t *testing.T) {
	h, info := demo(t, i18n.NL, 80, 24)
	a := openCapture(t, h, info.ID)
	h.typeText("L2: Sanne en wouter vinden het te snel")
	h.press("enter")
	if flat := strings.Join(strings.Fields(h.plain()), " "); !strings.Contains(flat, "of druk nogmaals Enter om toch op te slaan.") {
		t.Errorf("the override hint is cut at 80 columns:\n%s", h.plain())
	}
	h.press("enter")
	got := arenaNow(t, h, info.ID, a.ID)
	if len(got.Notes) != 1 || !got.Notes[0].Flagged || !slices.Contains(got.Notes[0].Suspect, "Sanne") {
		t.Fatalf("override not flagged: %+v", got.Notes)
	}
	mustContain(t, h.plain(), "⚠ naam? L2: Sanne en wouter")
	h.typeText("meer voorbeelden")
	h.press("enter")
	if got := arenaNow(t, h, info.ID, a.ID); len(got.Notes) != 2 || got.Notes[1].Flagged {
		t.Errorf("a clean note flagged: %+v", got.Notes)
	}
	b, _ := h.s.Board(info.ID)
	md, _ := i18n.For(i18n.NL).Report(b, "arena", "", fixedNow())
	if strings.Contains(md, "Sanne") || !strings.Contains(md, "vinden het te snel") {
		t.Errorf("report of a flagged note:\n%s", md)
	}
}

// Off the capture line, the cursor picks a note: d deletes it after a yes,
// e puts it back on the line to rephrase.
func TestArenaDeleteAndEditNote(t *testing.T) {
	h, info := demo(t, i18n.NL, 120, 36)
	a := openCapture(t, h, info.ID)
	for _, s := range []string{"L1: te snel", "L2: meer voorbeelden"} {
		h.typeText(s)
		h.press("enter")
	}
	h.press("esc", "up", "d")
	mustContain(t, h.plain(), "Notitie verwijderen: te snel?")
	h.press("2") // no
	if n := len(arenaNow(t, h, info.ID, a.ID).Notes); n != 2 {
		t.Fatalf("deleted without a yes: %d notes", n)
	}
	h.press("d", "1")
	got := arenaNow(t, h, info.ID, a.ID)
	if len(got.Notes) != 1 || got.Notes[0].Text != "meer voorbeelden" {
		t.Fatalf("after delete: %+v", got.Notes)
	}
	h.press("e")
	if v := h.m.arena.as.input.Value(); v != "L2: meer voorbeelden" {
		t.Fatalf("edit line %q", v)
	}
	h.typeText(" op het bord")
	h.press("enter")
	got = arenaNow(t, h, info.ID, a.ID)
	if len(got.Notes) != 1 || got.Notes[0].Text != "meer voorbeelden op het bord" || got.Notes[0].Speaker != "L2" {
		t.Fatalf("after edit: %+v", got.Notes)
	}
	if h.m.arena.as.input.Value() != "" || h.m.arena.as.editing != 0 {
		t.Error("the line still holds the edit")
	}
}

// A failed save keeps the typed note: the line is cleared only after the
// commit. Here the arena was reported back meanwhile.
func TestArenaFailedSaveKeepsText(t *testing.T) {
	h, info := demo(t, i18n.NL, 80, 24)
	a := openCapture(t, h, info.ID)
	h.arenaOp("Fatima", info.ID, a.ID, board.ArenaOp{Kind: board.OpReportBack, Text: "verteld", Date: fixedNow()})
	h.typeText("de uitleg gaat te snel")
	h.press("enter")
	if v := h.m.arena.as.input.Value(); v != "de uitleg gaat te snel" {
		t.Errorf("typed note lost after a failed save: %q", v)
	}
	if !h.m.statusErr {
		t.Errorf("no error shown:\n%s", h.plain())
	}
	// A speaker label beyond L8 is refused with the text kept too.
	h.press("ctrl+u")
	h.m.arena.as.input.SetValue("L9: te druk")
	h.press("enter")
	mustContain(t, h.plain(), "Sprekers heten L1…L8")
	if v := h.m.arena.as.input.Value(); v != "L9: te druk" {
		t.Errorf("text lost after a bad speaker: %q", v)
	}
}

// Only a 3 is high in the 2×2: an idea rated 2 ("midden") on both is not
// "eerst doen".
func TestArenaIdeaGridBoundary(t *testing.T) {
	h, info := demo(t, i18n.NL, 120, 36)
	a, _ := h.s.CreateArena(me, info.ID, "Uitleg", fixedNow(), "groep 7", 6, me, nil, 0)
	for _, r := range [][2]int{{3, 3}, {2, 2}, {3, 2}, {2, 3}} {
		h.arenaOp(me, info.ID, a.ID, board.ArenaOp{Kind: board.OpAddIdea, Text: "idee", Feasibility: r[0], Impact: r[1]})
	}
	h.awaitChange()
	grid := strings.Join(h.m.arena.ideaGrid(arenaNow(t, h, info.ID, a.ID)), "\n")
	for _, want := range []string{"eerst doen: 1 ", "later: 4 ", "laten: 2 ", "snel erbij: 3 "} {
		if !strings.Contains(ansi.Strip(grid), want) {
			t.Errorf("grid lacks %q:\n%s", want, ansi.Strip(grid))
		}
	}
}

// More than 8 pupils: the form warns on the field, a second Enter saves.
func TestArenaFormWarnsTooManyPupils(t *testing.T) {
	h, _ := demo(t, i18n.NL, 100, 30)
	arenaForm(h)
	h.press("enter")
	h.fill("pupils", "12")
	mustForm(t, h, "saved 12 pupils without a warning", "enter", "enter", "enter", "enter")
	if flat := strings.Join(strings.Fields(h.plain()), " "); !strings.Contains(flat, "Meer dan 8 leerlingen") {
		t.Errorf("no warning in the form:\n%s", h.plain())
	}
	h.press("enter")
	if h.m.screen != screenArena {
		t.Fatalf("the second Enter did not save:\n%s", h.plain())
	}
}

// Deleting a question with notes asks first, and its notes go with it.
func TestArenaDeleteQuestionWithNotes(t *testing.T) {
	h, info := demo(t, i18n.NL, 120, 36)
	a := openCapture(t, h, info.ID)
	h.typeText("te snel")
	h.press("enter", "esc", "1", "d")
	mustContain(t, h.plain(), "Vraag met 1 notitie verwijderen?")
	h.press("2")
	if got := arenaNow(t, h, info.ID, a.ID); len(got.Questions) != 1 {
		t.Fatal("deleted without a yes")
	}
	h.press("d", "1")
	if got := arenaNow(t, h, info.ID, a.ID); len(got.Questions) != 0 || len(got.Notes) != 0 {
		t.Errorf("after delete: %+v", got)
	}
}
