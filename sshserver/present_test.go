package sshserver_test

import (
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// TestPresentOverSSH: the presentation view of a bordsessie reaches a
// member's terminal over SSH like any screen: big clock, step, way back.
func TestPresentOverSSH(t *testing.T) {
	e := startServerAt(t, newClock(), nil)
	tm := e.join(t, "Joost")
	if _, err := e.st.StartMeeting("Fatima", e.boardID, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("Bordsessie")
	tm.send("p")
	tm.waitFor("p of esc = terug naar het bord")
	tm.waitFor("CHECK-IN · stap 1 van 6")
	tm.waitFor("████")
	n := len(tm.raw())
	tm.send("p") // back to the board: its panels come again
	if !eventually(func() bool { return strings.Contains(tm.textSince(n), "▶ Check-in") }) {
		t.Fatalf("not back on the board:\n%s", tail(tm.text()))
	}
}

// TestLocalSessionInPresence: a terminal of the serving process joined
// through Server.Join is on the board for the SSH members, and leaves it.
func TestLocalSessionInPresence(t *testing.T) {
	e := startServer(t, nil)
	tm := e.join(t, "Joost")
	here, leave := e.srv.Join("Fatima")
	here.Move(e.boardID, board.AreaAction)
	tm.waitFor("Hier: Fatima")
	leave()
	if !eventually(func() bool { return len(e.srv.OnBoard(e.boardID)) == 1 }) {
		t.Fatalf("on the board: %v", e.srv.OnBoard(e.boardID))
	}
}
