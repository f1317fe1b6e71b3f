package tui

import (
	"fmt"
	"strings"
	"testing"

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

	h.press("A", "n")
	h.typeText("Uitleg bij rekenen")
	h.press("enter")
	h.typeText("vr")
	h.press("enter")
	h.typeText("groep 7")
	h.press("enter", "enter", "enter", "enter", "enter")
	if h.m.screen != screenArena {
		t.Fatalf("arena not open:\n%s", h.plain())
	}
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

func arenaFixture(t *testing.T, h *harness, boardID uint64) {
	t.Helper()
	s := h.s
	a, err := s.CreateArena(me, boardID, "Uitleg bij rekenen", fixedNow(), "groep 7", 6, me, []string{"Fatima"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	do := func(who string, op board.ArenaOp) board.Arena {
		t.Helper()
		a, err := s.ChangeArena(who, boardID, a.ID, op)
		if err != nil {
			t.Fatalf("%s: %v", op.Kind, err)
		}
		return a
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
