package sshserver_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// Every edit carries the version its user saw (issue 8). Two members edit
// the same thing from their own screens over real SSH and press enter at
// the same moment: one edit is stored, the other person sees a conflict
// that names who changed it, and the store holds exactly one of the two
// texts. Which of the two wins is the server's business; the test waits
// for the outcome and then checks that it is one of the two, never a
// silent overwrite.

// race sends each terminal its last keys at once and waits for both sends.
func race(keys map[*term]string) {
	var wg sync.WaitGroup
	for tm, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Not tm.send: t.Fatalf may not run outside the test's goroutine.
			_, _ = tm.in.Write([]byte(k))
		}()
	}
	wg.Wait()
}

// outcome waits until the store holds one of texts (by the function
// stored) and exactly one terminal shows conflict naming the other; it
// returns the winner. conflict is a format with the changer's name.
func outcome(t *testing.T, a, b *term, texts map[*term]string, stored func() string, conflict func(by string) string, anchor string) *term {
	t.Helper()
	var winner, loser *term
	if !eventually(func() bool {
		got := stored()
		switch got {
		case texts[a]:
			winner, loser = a, b
		case texts[b]:
			winner, loser = b, a
		default:
			return false
		}
		return strings.Contains(loser.repaint(anchor), conflict(winner.name))
	}) {
		t.Fatalf("no single winner with a conflict for the other: stored %q\nA:\n%s\nB:\n%s", stored(), tail(a.text()), tail(b.text()))
	}
	if got := stored(); got != texts[winner] {
		t.Fatalf("the losing edit overwrote the winner's after all: %q", got)
	}
	if s := winner.repaint(anchor); strings.Contains(s, conflict(loser.name)) {
		t.Errorf("%s, whose edit was stored, is told of a conflict:\n%s", winner.name, tail(s))
	}
	return winner
}

func TestArenaNoteEditVersionsOverSSH(t *testing.T) {
	e := startServer(t, nil)
	a := openWith(t, e.mustDial(t, e.member("Marieke")), termOpts{w: 120, h: 40})
	b := openWith(t, e.mustDial(t, e.member("Fatima")), termOpts{w: 120, h: 40})
	a.name, b.name = "Marieke", "Fatima"
	ar, err := e.st.CreateArena("Marieke", e.boardID, "Uitleg", time.Now(), "groep 7", 6, "Marieke", []string{"Fatima", "Joost"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ar, err = e.st.ChangeArena("Marieke", e.boardID, ar.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest om de uitleg te begrijpen?"}); err != nil {
		t.Fatal(err)
	}
	// Joost's note, saved over the name guard: flagged, so any member may
	// rephrase it, and both do.
	if _, err = e.st.ChangeArena("Joost", e.boardID, ar.ID, board.ArenaOp{Kind: board.OpAddNote, Question: ar.Questions[0].ID,
		Text: "eerste versie van de notitie", Flagged: true, Suspect: []string{"versie"}}); err != nil {
		t.Fatal(err)
	}
	texts := map[*term]string{a: "notitie herschreven door de een", b: "notitie herschreven door de ander"}
	for _, tm := range []*term{a, b} {
		tm.openCapture()
		tm.send("\x1b") // stop typing: the cursor is on the note
		tm.waitFor("e wijzigen")
		tm.send("e")
		tm.waitFor("✎")
		tm.send("\x15", texts[tm]) // ctrl+u empties the line
		tm.waitFor(texts[tm])
	}
	race(map[*term]string{a: "\r", b: "\r"})
	stored := func() string {
		got, err := e.st.Board(e.boardID)
		if err != nil {
			return ""
		}
		arena, _ := got.Arena(ar.ID)
		if len(arena.Notes) != 1 {
			return "" // a second note would be a copy, not an edit
		}
		return arena.Notes[0].Text
	}
	outcome(t, a, b, texts, stored, func(by string) string { return by + " heeft dit om" }, "WAT HELPT JOU")
}

func TestRetroGroupRenameVersionsOverSSH(t *testing.T) {
	e := startServer(t, nil)
	a := openWith(t, e.mustDial(t, e.member("Marieke")), termOpts{w: 140, h: 40})
	b := openWith(t, e.mustDial(t, e.member("Fatima")), termOpts{w: 140, h: 40})
	a.name, b.name = "Marieke", "Fatima"
	r, err := e.st.CreateRetro("Marieke", e.boardID, "Samenwerken", "", nil, time.Time{}, time.Time{}, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	change := func(by string, op board.RetroOp) board.Retro {
		t.Helper()
		r, err := e.st.ChangeRetro(by, e.boardID, r.ID, op)
		if err != nil {
			t.Fatalf("%s %+v: %v", by, op, err)
		}
		return r
	}
	change("Marieke", board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite})
	for _, text := range []string{"kaart-een", "kaart-twee", "kaart-drie"} {
		r = change("Joost", board.RetroOp{Kind: board.OpAddCard, Text: text})
	}
	change("Marieke", board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseReveal})
	change("Marieke", board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseGroup})
	change("Joost", board.RetroOp{Kind: board.OpGroup, Card: r.Cards[1].ID, Into: r.Cards[0].ID, Text: "oude titel"})

	// Both group the card under their cursor into the first group offered
	// (the same one on both screens) and retitle that group.
	texts := map[*term]string{a: "titel van de een", b: "titel van de ander"}
	for _, tm := range []*term{a, b} {
		tm.waitFor(demoAction)
		tm.send("R")
		tm.waitFor("Samenwerken")
		tm.send("\r")
		tm.waitFor("4/8")
		tm.send("g")
		tm.waitFor("Bij welke kaart hoort deze?")
		tm.send("1")
		tm.waitFor("Titel van de groep")
		tm.send("\x15", texts[tm])
		tm.waitFor(texts[tm])
	}
	race(map[*term]string{a: "\x13", b: "\x13"}) // ctrl+s
	stored := func() string {
		got, err := e.st.Board(e.boardID)
		if err != nil {
			return ""
		}
		rr, _ := got.Retro(r.ID)
		title := ""
		for _, c := range rr.Roots() {
			if c.Title == texts[a] || c.Title == texts[b] {
				if title != "" {
					return "" // both titles stored: two groups renamed
				}
				title = c.Title
			}
		}
		return title
	}
	outcome(t, a, b, texts, stored, func(by string) string { return "Ondertussen gewijzigd door " + by }, "Samenwerken")
}
