package sshserver_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// The retrospective over real SSH with three people: while writing, B's
// byte stream holds none of A's card texts; after reveal it holds all of
// them; an action made from a card appears on C's board without a key.
func TestRetroOverSSH(t *testing.T) {
	e := startServer(t, nil)
	a := openWith(t, e.mustDial(t, e.member("Marieke")), termOpts{w: 140, h: 40})
	b := openWith(t, e.mustDial(t, e.member("Fatima")), termOpts{w: 140, h: 40})
	c := openWith(t, e.mustDial(t, e.member("Joost")), termOpts{w: 140, h: 40})
	a.name, b.name, c.name = "A", "B", "C"
	for _, tm := range []*term{a, b, c} {
		tm.waitFor(demoAction)
	}
	r, err := e.st.CreateRetro("Marieke", e.boardID, "Gedrag in de klas", "", nil, time.Time{}, time.Time{}, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.ChangeRetro("Marieke", e.boardID, r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite}); err != nil {
		t.Fatal(err)
	}
	// Open the list, and the retrospective once the list shows it: an
	// enter before the list has loaded opens nothing.
	for _, tm := range []*term{a, b} {
		tm.send("R")
		tm.waitFor("Gedrag in de klas")
		tm.send("\r")
		tm.waitFor("2/8")
	}

	secrets := []string{"GEHEIM-EEN-van-A", "GEHEIM-TWEE-van-A"}
	for i, s := range secrets {
		a.send("a", s, "\r")
		a.waitFor(s)
		// The next card once this one is stored: keys typed while a save
		// is still under way were lost on a busy machine (the screen
		// shows the text before the store has it).
		if !eventually(func() bool {
			got, _ := e.st.Board(e.boardID)
			return len(got.Retros[0].Cards) == i+1
		}) {
			t.Fatalf("A's card %d was not stored:\n%s", i+1, tail(a.text()))
		}
	}
	b.waitFor("Marieke") // the count of A's cards is all B may see
	// B's screen has caught up with both cards once it counts them.
	if !eventually(func() bool { return strings.Contains(b.repaint("Anderen schreven"), "Marieke 2") }) {
		t.Fatalf("B's screen does not count A's two cards:\n%s", tail(b.text()))
	}
	for _, s := range secrets {
		if strings.Contains(b.raw(), s) {
			t.Fatalf("B received %q before reveal", s)
		}
	}
	a.send("]") // reveal
	for _, s := range secrets {
		b.waitFor(s)
	}

	// To the actions phase, and one card becomes an action.
	a.send("]", "]", "]", "]")
	if !eventually(func() bool {
		got, _ := e.st.Board(e.boardID)
		return got.Retros[0].Phase == board.PhaseActions
	}) {
		t.Fatal("the retrospective did not reach the actions phase")
	}
	// A's own screen has caught up with the quick presses. From a whole
	// repaint: over "6/8" only the "7" would be sent.
	if !eventually(func() bool { return strings.Contains(a.repaint("fase "), "fase 7/8") }) {
		t.Fatalf("A's screen is not in the actions phase:\n%s", tail(a.text()))
	}
	a.send("a")
	a.waitFor("Kaart → verbeteractie")
	a.send("\r", "morgen", "\r", "\r")
	c.waitFor(secrets[0]) // on C's board, without C pressing anything
	got, _ := e.st.Board(e.boardID)
	found := false
	for _, act := range got.Actions {
		found = found || (act.What == secrets[0] && act.Origin == board.OriginRetro)
	}
	if !found {
		t.Error("no action with origin retro on the board")
	}
}

// The bordsessie over SSH: the leader's step change reaches everyone, and
// everyone's clock shows the same time left.
func TestMeetingOverSSH(t *testing.T) {
	clk := newClock()
	e := startServerAt(t, clk, nil)
	lead := openWith(t, e.mustDial(t, e.member("Marieke")), termOpts{w: 140, h: 40})
	other := openWith(t, e.mustDial(t, e.member("Fatima")), termOpts{w: 140, h: 40})
	lead.name, other.name = "leader", "other"
	lead.waitFor(demoAction)
	other.waitFor(demoAction)
	lead.send("S", "\r")
	other.waitFor("Bordsessie · nog")
	lead.waitFor("Bordsessie · nog") // as a leader would: the session is on screen
	lead.send("]", "]")
	if !eventually(func() bool {
		b, _ := e.st.Board(e.boardID)
		return b.Meeting() != nil && b.Meeting().Step == board.StepGoals
	}) {
		t.Fatal("the step did not change")
	}
	// The renderer sends only changed cells; a new size repaints the whole
	// screen, so the other's view of the step can be read whole.
	if err := other.sess.WindowChange(41, 140); err != nil {
		t.Fatal(err)
	}
	other.waitFor("3/6 Doelen")
	m, _ := e.st.Board(e.boardID)
	mt := m.Meeting()
	if mt == nil || mt.Step != board.StepGoals {
		t.Fatalf("meeting in the store: %+v", mt)
	}
	// Both clocks count down from the same stored start, on the server's
	// clock: moved on by a minute and a half, both show the time left.
	clk.Add(90 * time.Second)
	left := mt.Remaining(clk.Now())
	s := int(left.Round(time.Second).Seconds())
	want := fmt.Sprintf("nog %02d:%02d", s/60, s%60)
	for _, tm := range []*term{lead, other} {
		if !eventually(func() bool { return strings.Contains(tm.repaint("Bordsessie · nog"), want) }) {
			t.Errorf("%s's clock does not show %q:\n%s", tm.name, want, tail(tm.text()))
		}
	}
	other.send("]")
	other.waitFor("Alleen de bordleider")
}

// Two note-takers capture at the same time over SSH: both see all notes,
// nothing is lost.
func TestArenaNoteTakersOverSSH(t *testing.T) {
	e := startServer(t, nil)
	a := openWith(t, e.mustDial(t, e.member("Marieke")), termOpts{w: 120, h: 40})
	b := openWith(t, e.mustDial(t, e.member("Fatima")), termOpts{w: 120, h: 40})
	a.name, b.name = "A", "B"
	ar, err := e.st.CreateArena("Marieke", e.boardID, "Uitleg", time.Now(), "groep 7", 6, "Marieke", []string{"Fatima"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.ChangeArena("Marieke", e.boardID, ar.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest om de uitleg te begrijpen?"}); err != nil {
		t.Fatal(err)
	}
	// Each step once the screen shows the one before: an enter before
	// the list has loaded opens nothing.
	for _, tm := range []*term{a, b} {
		tm.openCapture()
	}
	// stored waits until a note with text is in the store.
	stored := func(text string) bool {
		return eventually(func() bool {
			got, err := e.st.Board(e.boardID)
			if err != nil {
				return false
			}
			arena, _ := got.Arena(ar.ID)
			return slices.ContainsFunc(arena.Notes, func(n board.Note) bool { return strings.Contains(n.Text, text) })
		})
	}
	// Both type at once, each note once the one before it is stored, as a
	// note-taker does (fast typing within one note is issue 13's, in tui).
	const n = 8
	lost := make(chan string, n)
	go func() {
		defer close(lost)
		for i := range n {
			b.send(fmt.Sprintf("notitie-b-%d", i), "\r")
			if !stored(fmt.Sprintf("notitie-b-%d", i)) {
				lost <- fmt.Sprintf("notitie-b-%d", i)
				return
			}
		}
	}()
	for i := range n {
		a.send(fmt.Sprintf("L%d: notitie-a-%d", i%8+1, i), "\r")
		if !stored(fmt.Sprintf("notitie-a-%d", i)) {
			t.Fatalf("A's note %d was not stored:\n%s", i, tail(a.text()))
		}
	}
	for note := range lost {
		t.Fatalf("B's %s was not stored:\n%s", note, tail(b.text()))
	}
	got, _ := e.st.Board(e.boardID)
	arena, _ := got.Arena(ar.ID)
	if len(arena.Notes) != 2*n {
		t.Errorf("%d notes stored, want %d", len(arena.Notes), 2*n)
	}
	// Both screens show every note: read from a whole repaint, as only
	// changed cells are sent and notes shift as others arrive.
	for _, tm := range []*term{a, b} {
		missing := ""
		if !eventually(func() bool {
			screen := tm.repaint("WAT HELPT JOU")
			for i := range n {
				for _, who := range []string{"a", "b"} {
					if note := fmt.Sprintf("notitie-%s-%d", who, i); !strings.Contains(screen, note) {
						missing = note
						return false
					}
				}
			}
			return true
		}) {
			t.Errorf("%s's screen lacks %s:\n%s", tm.name, missing, tail(tm.text()))
		}
	}
}
