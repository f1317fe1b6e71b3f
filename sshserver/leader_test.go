package sshserver_test

import (
	"strings"
	"testing"
	"time"
)

// TestLeaderDropsOverSSH: the bordsessie leader's connection ends; another
// member's screen says so without a key, the first key offers the role,
// and after yes that member leads (issue 14). Real server on loopback,
// real clients; the screens run on a clock the test holds.
func TestLeaderDropsOverSSH(t *testing.T) {
	clk := newClock()
	e := startServerAt(t, clk, nil)
	bert := e.join(t, "Fatima")
	me := openWith(t, e.mustDial(t, e.member("Joost")), termOpts{w: 140, h: 40})
	me.name = "Joost"
	me.waitFor(demoAction)
	if _, err := e.st.StartMeeting("Fatima", e.boardID, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	me.waitFor("bordleider: Fatima")
	// Joost's session has seen Fatima's on the board: the server counts both.
	if !eventually(func() bool { return len(e.srv.OnBoard(e.boardID)) == 2 }) {
		t.Fatalf("sessions on the board: %v", e.srv.OnBoard(e.boardID))
	}
	bert.client.Close() // the leader's connection ends

	if !eventually(func() bool { return strings.Contains(me.repaint("Bordsessie"), "Fatima is weg") }) {
		t.Fatalf("the leader's leaving is not shown:\n%s", tail(me.text()))
	}
	me.send("j")
	me.waitFor("Fatima is weg. Wil jij de bordsessie leiden?")
	me.send("\r")
	if !eventually(func() bool {
		b, err := e.st.Board(e.boardID)
		return err == nil && b.Meeting() != nil && b.Meeting().IsLeader("Joost")
	}) {
		t.Fatalf("Joost does not lead:\n%s", tail(me.text()))
	}
	me.waitFor("Bordleider is nu Joost")
}
