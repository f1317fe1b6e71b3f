package sshserver_test

import (
	"bufio"
	"errors"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
)

// Negative limits are refused by New: they used to mean "no cap"
// (MaxSessions) or a panic at the first join (Idle).
func TestConfigRefusesNegative(t *testing.T) {
	t.Parallel()
	st, err := store.Open(filepath.Join(t.TempDir(), "bord.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for name, change := range map[string]func(*sshserver.Config){
		"MaxSessions":    func(c *sshserver.Config) { c.MaxSessions = -1 },
		"OpenPerIP":      func(c *sshserver.Config) { c.OpenPerIP = -1 },
		"ConnsPerIP":     func(c *sshserver.Config) { c.ConnsPerIP = -1 },
		"SessionsPerKey": func(c *sshserver.Config) { c.SessionsPerKey = -1 },
		"InviteTries":    func(c *sshserver.Config) { c.InviteTries = -1 },
		"Idle":           func(c *sshserver.Config) { c.Idle = -time.Second },
		"MaxSession":     func(c *sshserver.Config) { c.MaxSession = -time.Second },
		"Handshake":      func(c *sshserver.Config) { c.Handshake = -time.Second },
	} {
		cfg := sshserver.Config{Store: st, HostKeyPath: filepath.Join(t.TempDir(), "host")}
		change(&cfg)
		if _, err := sshserver.New(cfg); !errors.Is(err, sshserver.ErrConfig) {
			t.Errorf("%s negative: New gave %v, want ErrConfig", name, err)
		}
	}
}

// A tiny Idle ends the session with the idle goodbye; it used to panic the
// whole server (a ticker of Idle/4 = 0).
func TestTinyIdleDoesNotPanic(t *testing.T) {
	t.Parallel()
	e := startServer(t, func(c *sshserver.Config) { c.Idle = time.Nanosecond })
	key := e.member("Anna")
	tm := e.open(t, key)
	tm.ended()
	tm.waitFor("niet actief")
	if out, _, status := e.run(t, key, "whoami"); status != 0 || !strings.Contains(out, "Anna") {
		t.Errorf("the server after a tiny idle: whoami %d %q", status, out)
	}
}

// Silent TCP connections are closed at the handshake deadline, so two of
// them no longer hold every place; a real client then gets in, and its
// session outlives that deadline.
func TestSilentConnectionsTimeOut(t *testing.T) {
	t.Parallel()
	// Long enough for a real client's handshake under -race on a busy
	// machine (300 ms was not); a silent connection waits it out.
	const handshake = 2 * time.Second
	e := startServer(t, fromLoopback(func(c *sshserver.Config) {
		c.MaxSessions = 2
		c.Handshake = handshake
	}))
	key := e.member("Anna")
	silent := func() {
		t.Helper()
		conn, err := net.Dial("tcp", e.addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetReadDeadline(time.Now().Add(wait))
		_, err = io.ReadAll(conn) // the version line, then the server's close
		conn.Close()
		if err != nil {
			t.Fatalf("a silent connection was not closed by the server: %v", err)
		}
	}
	silent()
	silent()
	tm := e.open(t, key)
	tm.waitFor(demoAction)
	// A silent connection made after the session's is closed at its own
	// deadline, later than the session's: by then the session's deadline
	// has passed too.
	silent()
	select {
	case <-tm.eof:
		t.Fatalf("the handshake deadline ended a running session:\n%s", tail(tm.text()))
	default:
	}
	whoamiOn(t, tm.client, "the connection after the handshake deadline", "Anna")
}

// OpenPerIP caps the connections from one address that are not a member's
// session; members' sessions do not count, so a team behind one NAT is not
// locked out by its own colleagues. A connection over the cap waits for a
// place instead of being refused; twice the cap may wait, more are closed
// at once.
func TestOpenPerIPCap(t *testing.T) {
	t.Parallel()
	e := startServer(t, fromLoopback(func(c *sshserver.Config) { c.OpenPerIP = 2 }))
	key := e.member("Anna")
	raw := func() net.Conn {
		t.Helper()
		conn, err := net.Dial("tcp", e.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		conn.SetReadDeadline(time.Now().Add(wait))
		return conn
	}
	silent := func() net.Conn {
		t.Helper()
		conn := raw()
		// The version line: the server took it in.
		if line, err := bufio.NewReader(conn).ReadString('\n'); err != nil || !strings.HasPrefix(line, "SSH-2.0-") {
			t.Fatalf("a connection under the cap: %q %v", line, err)
		}
		return conn
	}
	waiting := func(n int) {
		t.Helper()
		if !eventually(func() bool { return sshserver.Waiting(e.srv, "127.0.0.1") == n }) {
			t.Fatalf("%d connections wait, want %d", sshserver.Waiting(e.srv, "127.0.0.1"), n)
		}
	}
	first, _ := silent(), silent()

	// Anna over the cap waits, and gets in when a place is free.
	joined := make(chan *term, 1)
	go func() {
		c, err := e.dial(key)
		if err != nil {
			t.Errorf("Anna waiting for a place: %v", err)
			close(joined)
			return
		}
		t.Cleanup(func() { c.Close() })
		tm, err := startTerm(c, termOpts{})
		if err != nil {
			t.Error(err)
		}
		joined <- tm
	}()
	waiting(1)
	first.Close()
	tm := <-joined
	if tm == nil {
		t.FailNow()
	}
	tm.t, tm.name = t, "Anna"
	t.Cleanup(func() { tm.sess.Close() })
	tm.waitFor(demoAction)
	// Anna's session is a member's: it gave its place back.
	silent()

	// Both places held again: four may wait, the fifth is closed at once.
	for range 4 {
		raw()
	}
	waiting(4)
	got, err := io.ReadAll(raw())
	if err != nil || len(got) != 0 {
		t.Errorf("the connection past the waiting ones got %q (%v), want it closed at once", got, err)
	}
}

// A 0x0 PTY (ssh -tt from a script) gets an 80x24 screen, not a blank one.
func TestZeroWindowSize(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	tm := openWith(t, e.mustDial(t, e.member("Anna")), termOpts{zero: true})
	tm.name = "0x0"
	tm.waitFor(demoAction)
}

// Board access fails closed: a key that is no member by the time its
// board opens (removed right after using its invite) sees no board, and
// the session ends with a message. tui reads nil teams as "all teams".
func TestNoMemberAfterInviteSeesNoBoard(t *testing.T) {
	t.Parallel()
	st, info := openDemo(t, filepath.Join(t.TempDir(), "bord.db"))
	e := serve(t, st, info, func(c *sshserver.Config) {
		sshserver.SetAfterRedeem(c, func(string) {
			if _, err := st.RemoveMember("Marieke", info.TeamID, "Nieuwkomer"); err != nil {
				t.Errorf("removing the new member: %v", err)
			}
		})
	})
	tm := e.open(t, newKey(t))
	tm.name = "removed"
	tm.waitFor(askInviteNL)
	tm.enterCode(e.invite(time.Hour), "Nieuwkomer")
	tm.ended()
	tm.waitFor("toegang tot de borden")
	tm.assertNoBoardData()
}

// syncBuffer is a bytes.Buffer for a logger written from many goroutines;
// the package's own tests use the same one.
type syncBuffer = sshserver.SyncBuffer

// The log tells who joined, left and was refused, and which commands ran,
// but never card text or a command's arguments.
func TestLogHasEventsNotContent(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	e := startServer(t, func(c *sshserver.Config) {
		c.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	})
	const marker = "Logmerk9k"
	a := e.join(t, "Anna")
	a.send("a")
	a.waitFor("Acties: nieuw")
	// Pasted, as escape_test does: typed fast, keys can outrun the form.
	a.send("\x1b[200~"+marker+"\x1b[201~", "\r", "\r", "morgen", "\r", "\r")
	if !eventually(func() bool {
		b, err := e.st.Board(e.boardID)
		return err == nil && slices.ContainsFunc(b.Actions, func(x board.Action) bool { return x.What == marker })
	}) {
		t.Fatalf("the card was not added:\n%s", tail(a.text()))
	}
	a.send("q")
	a.ended()

	unknown := newKey(t)
	if _, _, status := e.run(t, unknown, "export --board Geheimbord"); status != 1 {
		t.Errorf("export by an unknown key: status %d", status)
	}
	if _, _, status := e.run(t, unknown, "bogus Geheimarg"); status != 1 {
		t.Errorf("an unknown command: status %d", status)
	}
	if !eventually(func() bool { return strings.Contains(logs.String(), "msg=leave") }) {
		t.Fatalf("no leave in the log:\n%s", logs.String())
	}
	out := logs.String()
	for _, want := range []string{
		"msg=join", "member=Anna", "msg=leave",
		"msg=exec", "command=export",
		"msg=refused", `reason="not a member"`,
		`msg="unknown command"`, "command=bogus",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the log lacks %s:\n%s", want, out)
		}
	}
	for _, never := range []string{marker, "Geheimbord", "Geheimarg"} {
		if strings.Contains(out, never) {
			t.Errorf("the log contains %q:\n%s", never, out)
		}
	}
}
