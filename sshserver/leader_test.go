package sshserver_test

import (
	"net"
	"strings"
	"sync"
	"testing"
	"time"

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

// cable is a loopback proxy to the server that can go dead the way a
// dropped wifi does: it stops carrying bytes and closes nothing.
type cable struct {
	addr string
	dead chan struct{} // closed by cut
	done chan struct{} // closed when the test ends
}

func newCable(t *testing.T, to string) *cable {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &cable{addr: l.Addr().String(), dead: make(chan struct{}), done: make(chan struct{})}
	var conns []net.Conn
	var mu sync.Mutex
	t.Cleanup(func() {
		close(c.done)
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, x := range conns {
			x.Close()
		}
	})
	go func() {
		for {
			in, err := l.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", to)
			if err != nil {
				in.Close()
				return
			}
			mu.Lock()
			conns = append(conns, in, out)
			mu.Unlock()
			go c.carry(out, in)
			go c.carry(in, out)
		}
	}()
	return c
}

// carry copies src to dst until the cable dies; then it holds the bytes.
func (c *cable) carry(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		select {
		case <-c.dead:
			<-c.done // hold on to the bytes, answer nothing
			return
		default:
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (c *cable) cut() { close(c.dead) }

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
