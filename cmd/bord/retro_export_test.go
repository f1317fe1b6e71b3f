package main

import (
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest/storefix"
)

// retroDB is the demo database with one whole retrospective on the demo
// board: cards from two people, a group, votes, an action, closed.
func retroDB(t *testing.T, format string) string {
	t.Helper()
	path := demoDB(t)
	s, err := store.Open(path, store.Options{Now: func() time.Time { return fixed }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	infos, err := s.Boards(0)
	if err != nil || len(infos) != 1 {
		t.Fatalf("boards %v, %v", infos, err)
	}
	bid := infos[0].ID
	r, err := s.CreateRetro("Marieke", bid, "Ondersteuning gedrag", format, nil, fixed.AddDate(0, 0, -21), fixed.AddDate(0, 0, -2), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	do := storefix.ChangeRetro(t, s, bid, r.ID)
	phase := func(p board.Phase) { do("Marieke", board.RetroOp{Kind: board.OpPhase, Phase: p}) }
	phase(board.PhaseWrite)
	do("Marieke", board.RetroOp{Kind: board.OpAddCard, Column: 0, Text: "Korte lijnen met de ouders"})
	do("Sanne", board.RetroOp{Kind: board.OpAddCard, Column: 1, Text: "OPP te laat gestart"})
	got := do("Joost", board.RetroOp{Kind: board.OpAddCard, Column: 1, Text: "OPP pas na de herfstvakantie"})
	late, first := got.Cards[len(got.Cards)-1].ID, got.Cards[len(got.Cards)-2].ID
	phase(board.PhaseReveal)
	phase(board.PhaseGroup)
	do("Marieke", board.RetroOp{Kind: board.OpGroup, Card: late, Into: first, Text: "OPP op tijd"})
	phase(board.PhaseVote)
	do("Sanne", board.RetroOp{Kind: board.OpVote, Card: first})
	do("Joost", board.RetroOp{Kind: board.OpVote, Card: first})
	phase(board.PhaseDiscuss)
	phase(board.PhaseActions)
	do("Marieke", board.RetroOp{Kind: board.OpMakeAction, Card: first, Action: &board.Action{What: "OPP starten in week 2", Who: "Sanne", When: fixed.AddDate(0, 0, 14)}})
	phase(board.PhaseClosed)
	return path
}

// The retrospective report, as a team lead files it: topic, period, the
// columns, votes, the actions with owners; no authors (not named).
func TestExportRetroGolden(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		db := retroDB(t, "")
		out, errOut, err := run(t, "--db", db, "--lang", lang, "export", "--what", "retro")
		if err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, errOut)
		}
		golden(t, "retro_"+lang+".md", out)
		for _, author := range []string{"Sanne", "Joost"} {
			// Sanne owns the action, so she may appear there only.
			if author == "Joost" && strings.Contains(out, author) {
				t.Errorf("%s: an anonymous retrospective's report names an author:\n%s", lang, out)
			}
		}
	}
}

// Every format's columns are named in both languages in the report.
func TestExportRetroFormats(t *testing.T) {
	want := map[string][]string{
		board.FormatPlusDelta: {"Plus", "Delta"},
		board.FormatSSC:       {"Start", "Stop"},
		board.Format4L:        {"Liked", "Learned", "Lacked", "Longed for"},
	}
	for format, cols := range want {
		db := retroDB(t, format)
		out, errOut, err := run(t, "--db", db, "--lang", "en", "export", "--what", "retro")
		if err != nil {
			t.Fatalf("%s: %v\n%s", format, err, errOut)
		}
		for _, c := range cols {
			if !strings.Contains(out, c) {
				t.Errorf("%s: column %q missing from:\n%s", format, c, out)
			}
		}
	}
}
