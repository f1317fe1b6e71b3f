package board

import (
	"errors"
	"strings"
	"testing"
)

// The report masks with the guard as it is at export time: a note that
// was saved without a warning (the guard then missed the name, or the
// note-taker typed fast) is masked all the same, and so is a team
// member's name.
func TestMarkdownArenaMasksWithTheCurrentGuard(t *testing.T) {
	now := arenaDay
	a := &Arena{Topic: "Uitleg", Date: now, Group: "groep 7", Pupils: 6, Leader: "Fatima", NextID: 1}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddQuestion, Text: "Wat helpt jou het meest?"}, now))
	q := a.Questions[0].ID
	// saved unflagged: no warning was shown or heeded
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "Kiki wil meer tijd", Speaker: "L1"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "de uitleg van wouter is fijn"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "we gingen naar Amsterdam met Squla"}, now))
	md := MarkdownArena(a, ArenaLabels{NameMask: "[naam]", Members: []string{"Wouter Bakker"}})
	for _, name := range []string{"Kiki", "wouter"} {
		if strings.Contains(md, name) {
			t.Errorf("report names %s:\n%s", name, md)
		}
	}
	for _, want := range []string{`- L1: \[naam\] wil meer tijd`, `- de uitleg van \[naam\] is fijn`, "- we gingen naar Amsterdam met Squla"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}

func TestMaskText(t *testing.T) {
	checkMasks(t, "MaskText", func(text string) string { return MaskText(text, []string{"Marieke de Boer"}, "[naam]") }, [][2]string{
		{"Aylin zegt dat Milans jas weg is", "[naam] zegt dat [naam] jas weg is"},
		{"juf Ouali en meester D. zijn streng", "juf [naam] en meester [naam]. zijn streng"},
		{"marieke legt het uit in Magister", "[naam] legt het uit in Magister"},
		{"met Pasen naar de Efteling", "met Pasen naar de Efteling"},
	})
}

// checkMasks checks that mask, called name in the message, turns each
// case's text into its want.
func checkMasks(t *testing.T, name string, mask func(string) string, cases [][2]string) {
	t.Helper()
	for _, c := range cases {
		if got := mask(c[0]); got != c[1] {
			t.Errorf("%s(%q) = %q, want %q", name, c[0], got, c[1])
		}
	}
}

// The report-back closes the outcome, not the raw notes: a note can be
// rephrased or deleted after it, and nothing can be added.
func TestArenaNotesChangeAfterReportBack(t *testing.T) {
	now := arenaDay
	a := &Arena{Topic: "Uitleg", Date: now, Pupils: 6, Leader: "Fatima", NextID: 1}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddQuestion, Text: "Wat helpt?"}, now))
	q := a.Questions[0].ID
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "Jip wil meer tijd"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "Kiki ook"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpReportBack, Text: "In de klas verteld", Date: now}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpEditNote, ID: a.Notes[0].ID, Text: "een leerling wil meer tijd"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpDeleteNote, ID: a.Notes[1].ID}, now))
	if len(a.Notes) != 1 || a.Notes[0].Text != "een leerling wil meer tijd" {
		t.Errorf("notes after report-back: %+v", a.Notes)
	}
	if err := a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "laat"}, now); !errors.Is(err, ErrReported) {
		t.Errorf("a note added after reporting back: %v", err)
	}
	if err := a.Apply("Joost", ArenaOp{Kind: OpAddTheme, Text: "Tempo"}, now); !errors.Is(err, ErrReported) {
		t.Errorf("a theme added after reporting back: %v", err)
	}
}
