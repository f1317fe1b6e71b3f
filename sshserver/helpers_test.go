package sshserver_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	gossh "golang.org/x/crypto/ssh"
)

// wait is how long any test waits for something that should happen at
// once; generous, because -race on a small machine is slow, and a pass
// never waits this long.
const wait = 10 * time.Second

// demoAction is text from the demo board: seeing it means board data was
// sent to the terminal.
const demoAction = "Casusoverleg"

// env is one running server on a real store with the demo team.
type env struct {
	t       *testing.T
	st      *store.Store
	srv     *sshserver.Server
	addr    string
	teamID  uint64
	boardID uint64
	served  chan error // Serve's result
	stopped bool       // Shutdown was called
	closed  bool       // the test closed the store itself
}

// startServer opens a store in a temporary directory, makes the demo team
// and board, and serves it on a loopback port. change adjusts the config
// (limits, idle time) before New. The cleanup shuts the server down, checks
// that Serve ended cleanly and closes the store.
func startServer(t *testing.T, change func(*sshserver.Config)) *env {
	t.Helper()
	dir := t.TempDir()
	st, info := openDemo(t, filepath.Join(dir, "bord.db"))
	return serve(t, st, info, change)
}

// fromLoopback is a config change for a test that connects many times:
// set makes its own changes (the caps under test), and the per-address
// connection rate is lifted, since every test connection comes from
// 127.0.0.1 and only set's caps may turn anyone away.
func fromLoopback(set func(*sshserver.Config)) func(*sshserver.Config) {
	return func(c *sshserver.Config) {
		set(c)
		c.ConnsPerIP = 10000
	}
}

// startServerAt is startServer with the store and the screens on clk, for
// tests that wait for time to pass (an expiry, a meeting's clock): they move
// clk instead of sleeping.
func startServerAt(t *testing.T, clk *clock, change func(*sshserver.Config)) *env {
	t.Helper()
	st, info := openDemoWith(t, filepath.Join(t.TempDir(), "bord.db"), store.Options{Now: clk.Now})
	return serve(t, st, info, func(c *sshserver.Config) {
		c.Now = clk.Now
		if change != nil {
			change(c)
		}
	})
}

// tomorrow is the day after today, at midnight, as the board keeps dates:
// a due date the store takes from any test.
func tomorrow() time.Time { return board.Day(time.Now()).AddDate(0, 0, 1) }

// clock is a clock a test moves by hand.
type clock = storetest.Clock

func newClock() *clock { return storetest.NewClock(time.Now()) }

// openDemo opens a store at path and makes the demo team and board.
func openDemo(t *testing.T, path string) (*store.Store, board.Info) {
	t.Helper()
	return openDemoWith(t, path, store.Options{})
}

// openDemoWith is openDemo with store options.
func openDemoWith(t *testing.T, path string, opts store.Options) (*store.Store, board.Info) {
	t.Helper()
	st, err := store.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.CreateDemo("Marieke")
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	return st, info
}

// serve serves st, whose demo board is info, as startServer does.
func serve(t *testing.T, st *store.Store, info board.Info, change func(*sshserver.Config)) *env {
	t.Helper()
	cfg := sshserver.Config{
		Store:       st,
		HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519"),
		// Card contents must never be logged, but joins and refusals
		// are; the tests do not need to see them.
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if change != nil {
		change(&cfg)
	}
	srv, err := sshserver.New(cfg)
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	e := &env{t: t, st: st, srv: srv, addr: l.Addr().String(), teamID: info.TeamID, boardID: info.ID, served: make(chan error, 1)}
	go func() { e.served <- srv.Serve(l) }()
	t.Cleanup(func() {
		if !e.stopped {
			e.shutdown()
		}
		if !e.closed {
			if err := st.Close(); err != nil {
				t.Errorf("closing the store: %v", err)
			}
		}
	})
	return e
}

// shutdown stops the server and checks that Serve returned without error.
func (e *env) shutdown() {
	e.t.Helper()
	e.stopped = true
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := e.srv.Shutdown(ctx); err != nil {
		e.t.Errorf("Shutdown: %v", err)
	}
	select {
	case err := <-e.served:
		if err != nil {
			e.t.Errorf("Serve: %v", err)
		}
	case <-time.After(wait):
		e.t.Error("Serve did not return after Shutdown")
	}
}

// term is a client terminal: a session with a PTY and a shell, whose
// output is collected as it comes.
type term struct {
	t      *testing.T
	name   string
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser

	w, h int // the size last asked for

	mu   sync.Mutex
	buf  bytes.Buffer
	eof  chan struct{} // closed when the output ended
	exit chan error    // the session's Wait result
}

type termOpts struct {
	w, h int
	// zero requests a 0x0 PTY, as ssh -tt from a script does (w and h
	// 0 alone mean 80x24).
	zero bool
	env  map[string]string
	// beforeShell runs after the PTY request and before the shell.
	beforeShell func(*gossh.Session) error
}

// open starts a terminal session for key on a new connection, 80x24.
func (e *env) open(t *testing.T, key gossh.Signer) *term {
	t.Helper()
	return openWith(t, e.mustDial(t, key), termOpts{})
}

// join opens a member's terminal and waits until the board is on it.
func (e *env) join(t *testing.T, name string) *term {
	t.Helper()
	tm := e.open(t, e.member(name))
	tm.name = name
	tm.waitFor(demoAction)
	return tm
}

// openWith starts a terminal session on client c.
func openWith(t *testing.T, c *gossh.Client, o termOpts) *term {
	t.Helper()
	tm, err := startTerm(c, o)
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	t.Cleanup(func() { tm.sess.Close() })
	return tm
}

// startTerm opens a session with a PTY and a shell on c.
func startTerm(c *gossh.Client, o termOpts) (*term, error) {
	if o.w == 0 && !o.zero {
		o.w, o.h = 80, 24
	}
	sess, err := c.NewSession()
	if err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	for k, v := range o.env {
		if err := sess.Setenv(k, v); err != nil {
			sess.Close()
			return nil, fmt.Errorf("setenv %s: %w", k, err)
		}
	}
	tm := &term{client: c, sess: sess, w: o.w, h: o.h, eof: make(chan struct{}), exit: make(chan error, 1)}
	out, err := sess.StdoutPipe()
	if err != nil {
		sess.Close()
		return nil, err
	}
	if tm.in, err = sess.StdinPipe(); err != nil {
		sess.Close()
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", o.h, o.w, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		sess.Close()
		return nil, fmt.Errorf("pty: %w", err)
	}
	if o.beforeShell != nil {
		if err := o.beforeShell(sess); err != nil {
			sess.Close()
			return nil, err
		}
	}
	// Wait may only run once Shell has returned (x/crypto sets the
	// session's started flag there): a session that ends at once, before
	// Shell returns, would otherwise race with it.
	shellDone := make(chan struct{})
	go func() {
		p := make([]byte, 32<<10)
		for {
			n, err := out.Read(p)
			tm.mu.Lock()
			tm.buf.Write(p[:n])
			tm.mu.Unlock()
			if err != nil {
				close(tm.eof)
				<-shellDone
				tm.exit <- sess.Wait()
				return
			}
		}
	}()
	err = sess.Shell()
	close(shellDone)
	if err != nil {
		sess.Close()
		return nil, fmt.Errorf("shell: %w", err)
	}
	return tm, nil
}

// raw is every byte the terminal received so far.
func (tm *term) raw() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.buf.String()
}

// text is the output without escape sequences. The renderer sends only
// changed cells, so only text new to the screen can be looked for.
func (tm *term) text() string { return ansi.Strip(tm.raw()) }

// textSince is the text of what arrived after the first n bytes.
func (tm *term) textSince(n int) string { return ansi.Strip(tm.raw()[n:]) }

// waitFor waits until the text contains s.
func (tm *term) waitFor(s string) {
	tm.t.Helper()
	if !eventually(func() bool { return strings.Contains(tm.text(), s) }) {
		tm.t.Fatalf("%s: %q did not appear; the screen so far:\n%s", tm.name, s, tail(tm.text()))
	}
}

// eventually polls cond until it holds or the wait is over.
func eventually(cond func() bool) bool {
	deadline := time.Now().Add(wait)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// repaint makes the server send the whole screen again and returns the
// text of that repaint once it shows anchor. The renderer sends only the
// cells that change, so a count going from 1 to 2 arrives as "2" alone; a
// new size (one line taller, or back) repaints everything.
func (tm *term) repaint(anchor string) string {
	tm.t.Helper()
	from := len(tm.raw())
	if tm.h%2 == 0 {
		tm.h++
	} else {
		tm.h--
	}
	if err := tm.sess.WindowChange(tm.h, tm.w); err != nil {
		tm.t.Fatalf("%s: window change: %v", tm.name, err)
	}
	if !eventually(func() bool { return strings.Contains(tm.textSince(from), anchor) }) {
		tm.t.Fatalf("%s: no repaint with %q; the screen so far:\n%s", tm.name, anchor, tail(tm.text()))
	}
	return tm.textSince(from)
}

// send types keys, as bytes a terminal sends.
func (tm *term) send(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(tm.in, k); err != nil {
			tm.t.Fatalf("%s: typing %q: %v", tm.name, k, err)
		}
	}
}

// ended waits until the session is over and returns Wait's result.
func (tm *term) ended() error {
	tm.t.Helper()
	select {
	case err := <-tm.exit:
		return err
	case <-time.After(wait):
		tm.t.Fatalf("%s: session did not end; the screen so far:\n%s", tm.name, tail(tm.text()))
		return nil
	}
}

// tail is the end of a long text, for failure messages.
func tail(s string) string {
	if len(s) <= 3000 {
		return s
	}
	i := len(s) - 3000
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return "…" + s[i:]
}

// run runs one exec command without a PTY and returns its output and exit
// status.
// whoamiOn runs whoami in a new session on a connection that must still
// serve one (conn says which), and fails unless it answers want.
func whoamiOn(t *testing.T, c *gossh.Client, conn, want string) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatalf("%s: %v", conn, err)
	}
	defer sess.Close()
	if out, err := sess.Output("whoami"); err != nil || !strings.Contains(string(out), want) {
		t.Errorf("whoami on %s: %q, %v", conn, out, err)
	}
}

func (e *env) run(t *testing.T, key gossh.Signer, cmd string) (stdout, stderr string, status int) {
	t.Helper()
	c := e.mustDial(t, key)
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errb
	err = sess.Run(cmd)
	var exit *gossh.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		status = exit.ExitStatus()
	default:
		t.Fatalf("%s: %v", cmd, err)
	}
	return out.String(), errb.String(), status
}

// exitStatus is the remote exit status in a session's error (0 for nil,
// -1 when there is none).
func exitStatus(err error) int {
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitStatus()
	}
	return -1
}

// openCapture goes from the board to the capture tab of the arena "Uitleg"
// with its question on screen, each step once the screen shows the one
// before: an enter before the list has loaded opens nothing.
func (tm *term) openCapture() {
	tm.t.Helper()
	tm.waitFor(demoAction)
	tm.send("A")
	tm.waitFor("Uitleg")
	tm.send("\r")
	tm.waitFor("Vastleggen")
	tm.send("2")
	tm.waitFor("WAT HELPT JOU")
}
