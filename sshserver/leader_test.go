package sshserver_test

import (
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/sshserver"
)

// TestLeaderDropsOverSSH: the bordsessie leader's connection ends; another
// member's screen says so without a key, the first key offers the role,
// and after yes that member leads (issue 14). Real server on loopback,
// real clients; the screens run on a clock the test holds.
func TestLeaderDropsOverSSH(t *testing.T) {
	clk := newClock()
	e := startServerAt(t, clk, nil)
	bert := e.join(t, "Fatima")
	me := e.ledBy(t, "Fatima")
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

// ledBy opens Joost's terminal at 140x40 once leader's session is on the
// board, starts a bordsessie led by leader and waits until Joost's screen
// shows it and the server counts both sessions on the board.
func (e *env) ledBy(t *testing.T, leader string) *term {
	t.Helper()
	me := openWith(t, e.mustDial(t, e.member("Joost")), termOpts{w: 140, h: 40})
	me.name = "Joost"
	me.waitFor(demoAction)
	if _, err := e.st.StartMeeting(leader, e.boardID, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	me.waitFor("bordleider: " + leader)
	if !eventually(func() bool { return len(e.srv.OnBoard(e.boardID)) == 2 }) {
		t.Fatalf("sessions on the board: %v", e.srv.OnBoard(e.boardID))
	}
	return me
}

// TestLeaderDropsSilently: the leader's network goes away without closing
// anything; the server's keepalive notices within two intervals, and the
// others see the leader gone.
func TestLeaderDropsSilently(t *testing.T) {
	e := startServerAt(t, newClock(), func(c *sshserver.Config) { c.KeepAlive = 100 * time.Millisecond })
	wire := newCable(t, e.addr)
	via := *e
	via.addr = wire.addr
	lead := openWith(t, via.mustDial(t, e.member("Fatima")), termOpts{})
	lead.name = "Fatima"
	lead.waitFor(demoAction)
	me := e.ledBy(t, "Fatima")
	wire.cut()
	if !eventually(func() bool { return len(e.srv.OnBoard(e.boardID)) == 1 }) {
		t.Fatalf("the silent leader is still on the board: %v", e.srv.OnBoard(e.boardID))
	}
	me.waitFor("Fatima is weg")
}

// TestLocalLeaderQuits: the leader is the terminal of the process that
// owns the file (joined through Server.Join, as bord does); when that bord
// quits, the SSH members see the leader gone, as for a dropped connection.
func TestLocalLeaderQuits(t *testing.T) {
	e := startServerAt(t, newClock(), nil)
	here, leave := e.srv.Join("Fatima")
	here.Move(e.boardID, board.AreaAction)
	me := e.ledBy(t, "Fatima")
	leave() // bord quits: its model's Close, or the deferred leave
	me.waitFor("Fatima is weg")
	me.send("j")
	me.waitFor("Wil jij de bordsessie leiden?")
}
