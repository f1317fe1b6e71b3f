package sshserver_test

import (
	"fmt"
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
	for _, s := range secrets {
		a.send("a", s, "\r")
		a.waitFor(s)
	}
	b.waitFor("Marieke") // the count of A's cards is all B may see
	if !eventually(func() bool {
		got, _ := e.st.Board(e.boardID)
		return len(got.Retros[0].Cards) == 2
	}) {
		t.Fatal("A's cards were not stored")
	}
	time.Sleep(300 * time.Millisecond) // let B's screen catch up with both
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
	a.waitFor("7/8") // A's own screen has caught up with the quick presses
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
	e := startServer(t, nil)
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
	// Both clocks count down from the same stored start: the time each
	// shows for a moment is the same to the second, give or take one.
	clock := func(tm *term) string {
		txt := tm.text()
		i := strings.LastIndex(txt, "nog ")
		if i < 0 || i+9 > len(txt) {
			return ""
		}
		return txt[i+4 : i+9]
	}
	time.Sleep(1500 * time.Millisecond)
	la, oa := clock(lead), clock(other)
	if la == "" || oa == "" {
		t.Fatalf("no clocks: %q %q", la, oa)
	}
	var lm, ls, om, os int
	fmt.Sscanf(la, "%d:%d", &lm, &ls)
	fmt.Sscanf(oa, "%d:%d", &om, &os)
	if d := (lm*60 + ls) - (om*60 + os); d < -1 || d > 1 {
		t.Errorf("clocks differ: leader %s, other %s", la, oa)
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
	for _, tm := range []*term{a, b} {
		tm.waitFor(demoAction)
		tm.send("A", "\r", "2")
		tm.waitFor("WAT HELPT JOU")
	}
	const n = 8
	done := make(chan struct{})
	go func() {
		for i := range n {
			b.send(fmt.Sprintf("notitie-b-%d", i), "\r")
			time.Sleep(15 * time.Millisecond)
		}
		close(done)
	}()
	for i := range n {
		a.send(fmt.Sprintf("L%d: notitie-a-%d", i%8+1, i), "\r")
		time.Sleep(15 * time.Millisecond)
	}
	<-done
	for i := range n {
		a.waitFor(fmt.Sprintf("notitie-b-%d", i))
		b.waitFor(fmt.Sprintf("notitie-a-%d", i))
	}
	got, _ := e.st.Board(e.boardID)
	arena, _ := got.Arena(ar.ID)
	if len(arena.Notes) != 2*n {
		t.Errorf("%d notes stored, want %d", len(arena.Notes), 2*n)
	}
}
