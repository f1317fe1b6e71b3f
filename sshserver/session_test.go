package sshserver_test

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/sshserver"
	gossh "golang.org/x/crypto/ssh"
)

// onBoard waits until the people on the board are exactly want.
func (e *env) onBoard(t *testing.T, want ...string) {
	t.Helper()
	slices.Sort(want)
	if !eventually(func() bool { return slices.Equal(e.srv.OnBoard(e.boardID), want) }) {
		t.Fatalf("on the board: %v, want %v", e.srv.OnBoard(e.boardID), want)
	}
}

// sessions waits until the server serves exactly n sessions.
func (e *env) sessions(t *testing.T, n int) {
	t.Helper()
	if !eventually(func() bool { return e.srv.Sessions() == n }) {
		t.Fatalf("%d sessions, want %d", e.srv.Sessions(), n)
	}
}

// A client that ends its session but keeps the connection (as ssh
// multiplexing does) leaves the board: by closing its input (EOF) or by
// closing the channel. The connection itself stays usable.
func TestSessionEndKeepsConnectionLeavesBoard(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	c := e.mustDial(t, e.member("Anna"))

	for _, how := range []string{"eof", "close"} {
		tm := openWith(t, c, termOpts{})
		tm.name = how
		tm.waitFor(demoAction)
		e.onBoard(t, "Anna")
		e.sessions(t, 1)

		switch how {
		case "eof":
			if err := tm.in.Close(); err != nil {
				t.Fatal(err)
			}
			if err := tm.ended(); err != nil {
				t.Errorf("after EOF the session ended with %v", err)
			}
		case "close":
			if err := tm.sess.Close(); err != nil {
				t.Fatal(err)
			}
		}
		e.onBoard(t)
		e.sessions(t, 0)
	}

	// The same connection still serves a new session.
	whoamiOn(t, c, "the connection is gone", "Anna")
}

// Two members on one board see each other's name on the presence line
// without touching a key, and the server lists both; when one moves or
// leaves, the other sees that too.
func TestPresence(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	a := e.join(t, "Anna")
	b := e.join(t, "Bert")

	a.waitFor("Hier: Bert (Acties)")
	b.waitFor("Hier: Anna (Acties)")
	e.onBoard(t, "Anna", "Bert")

	// Bert moves on to planning (tab). Only the changed cells are sent,
	// so the line is read from a whole repaint of Anna's screen.
	b.send("\t")
	if !eventually(func() bool { return strings.Contains(a.repaint("Hier: Bert"), "Hier: Bert (Planning)") }) {
		t.Fatalf("Anna does not see Bert move to planning:\n%s", tail(a.text()))
	}

	t.Run("rapid moves", func(t *testing.T) {
		// Through actions to goals. When Anna's screen drew the step
		// between, only "Doel" and "n" of "Doelen)" were sent over
		// "Acties)", and a test reading the stream failed on a busy
		// machine.
		b.send("\x1b[Z\x1b[Z")
		if !eventually(func() bool { return strings.Contains(a.repaint("Hier: Bert"), "Hier: Bert (Doelen)") }) {
			t.Fatalf("Anna does not see Bert in goals:\n%s", tail(a.text()))
		}
	})

	b.send("q")
	if err := b.ended(); err != nil {
		t.Errorf("q ended Bert's session with %v", err)
	}
	e.onBoard(t, "Anna")
}

// A change made in one member's TUI appears on another's screen without a
// key pressed there.
func TestLiveChanges(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	a, b := e.join(t, "Anna"), e.join(t, "Bert")

	// a: new action; its text; enter past who (Anna) to when; tomorrow;
	// enter to goal (none); enter saves.
	const marker = "Livemerk3x"
	a.send("a", marker+" regelen", "\r", "\r", "morgen", "\r", "\r")
	b.waitFor(marker)
	a.waitFor(marker)

	bd, err := e.st.Board(e.boardID)
	if err != nil {
		t.Fatal(err)
	}
	tomorrow := tomorrow()
	i := slices.IndexFunc(bd.Actions, func(a board.Action) bool { return a.What == marker+" regelen" })
	if i < 0 {
		t.Fatal("the action is not in the store")
	}
	if act := bd.Actions[i]; act.Who != "Anna" || !board.Day(act.When).Equal(tomorrow) || act.CreatedBy != "Anna" {
		t.Errorf("stored action: who %q, when %v, by %q; want Anna, %v, Anna", act.Who, act.When, act.CreatedBy, tomorrow)
	}
}

// A window change sent after the PTY request and before the shell used to
// block the session's request loop in gliderlabs v0.3.8: the shell must
// start, and the early size must be applied. One right after the shell
// must not race with the handler reading the size. Later resizes are
// applied too.
func TestWindowChanges(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	const (
		wideTitle = "Parkeerplaats (2)" // the panel title; the narrow tab says "6 Parkeerplaats"
		parked    = "betrekken"         // in a parked item, shown only in the wide layout here
	)
	// widened sends a 140-column window change and waits for the wide
	// layout, which only such a window gets.
	widened := func(t *testing.T, tm *term) {
		t.Helper()
		if err := tm.sess.WindowChange(40, 140); err != nil {
			t.Fatal(err)
		}
		tm.waitFor(wideTitle)
		tm.waitFor(parked)
	}

	t.Run("before shell", func(t *testing.T) {
		c := e.mustDial(t, e.member("Anna"))
		type started struct {
			tm  *term
			err error
		}
		done := make(chan started, 1)
		go func() {
			tm, err := startTerm(c, termOpts{beforeShell: func(s *gossh.Session) error { return s.WindowChange(40, 140) }})
			done <- started{tm, err}
		}()
		var tm *term
		select {
		case r := <-done:
			if r.err != nil {
				t.Fatal(r.err)
			}
			tm = r.tm
		case <-time.After(wait):
			t.Fatal("Shell did not return after an early window change")
		}
		tm.t, tm.name = t, "early"
		t.Cleanup(func() { tm.sess.Close() })
		tm.waitFor(demoAction)
		tm.waitFor(wideTitle)
		tm.waitFor(parked)
	})

	t.Run("right after shell", func(t *testing.T) {
		// The handler reads the PTY size as it starts; gliderlabs writes
		// it for every window change, without a lock (-race sees it).
		tm := e.open(t, e.member("Carla"))
		tm.name = "right after"
		widened(t, tm)
	})

	t.Run("after start", func(t *testing.T) {
		tm := e.open(t, e.member("Bert"))
		tm.name = "late"
		tm.waitFor(demoAction)
		tm.waitFor("6 Parkeerplaats")
		if s := tm.text(); strings.Contains(s, wideTitle) || strings.Contains(s, parked) {
			t.Fatalf("the wide layout at 80x24:\n%s", s)
		}
		widened(t, tm)
	})
}

// ticker drives the sessions' watchdogs by hand, one channel per key.
type ticker struct {
	mu sync.Mutex
	ch map[string]chan time.Time
}

func newTicker() *ticker { return &ticker{ch: map[string]chan time.Time{}} }

func (tk *ticker) ticks(fp string) <-chan time.Time { return tk.of(fp) }

func (tk *ticker) of(fp string) chan time.Time {
	tk.mu.Lock()
	defer tk.mu.Unlock()
	if tk.ch[fp] == nil {
		tk.ch[fp] = make(chan time.Time)
	}
	return tk.ch[fp]
}

// look makes the watchdog of tm (whose key is key) look. A second tick is
// taken only once the first look is done, so on return the session was
// checked on the clock as it is now: it either took that tick or ended.
func (tk *ticker) look(tm *term, key gossh.Signer) {
	tm.t.Helper()
	for i := range 2 {
		select {
		case tk.of(fp(key)) <- time.Time{}:
		case <-tm.eof:
			if i == 0 {
				tm.t.Fatalf("%s: the session had ended before its watchdog looked", tm.name)
			}
		case <-time.After(wait):
			tm.t.Fatalf("%s: the watchdog does not look", tm.name)
		}
	}
}

// Idleness counts from the last keypress: a session nobody types in ends
// with the idle goodbye even though colleagues' changes reach it; one that
// typed meanwhile stays. The watchdog runs on a clock the test moves.
func TestIdleFromLastKeypress(t *testing.T) {
	t.Parallel()
	const idle = time.Minute
	clk, tk := newClock(), newTicker()
	e := startServerAt(t, clk, func(c *sshserver.Config) {
		c.Idle = idle
		sshserver.SetWatchdogTicks(c, tk.ticks)
	})
	quietKey, busyKey := e.member("Stil"), e.member("Druk")
	quiet := e.open(t, quietKey)
	quiet.name = "quiet"
	busy := e.open(t, busyKey)
	busy.name = "busy"
	quiet.waitFor(demoAction)
	busy.waitFor(demoAction)

	// A colleague's change reaches both: a broadcast is no keypress.
	tomorrow := tomorrow()
	if _, err := e.st.Add("Marieke", e.boardID, &board.Action{What: "Omroepbericht", Who: "Marieke", When: tomorrow}); err != nil {
		t.Fatal(err)
	}
	quiet.waitFor("Omroep")
	busy.waitFor("Omroep")

	clk.Add(idle * 2 / 3)
	busy.send("?") // a keypress, seen once the help is on screen
	busy.waitFor("Toetsen")
	clk.Add(idle * 2 / 3) // quiet: 80 s without a key; busy: 40 s

	tk.look(busy, busyKey)
	select {
	case <-busy.eof:
		t.Fatalf("the session that typed was ended:\n%s", tail(busy.text()))
	default:
	}
	tk.look(quiet, quietKey)
	if err := quiet.ended(); err != nil {
		t.Errorf("the idle session ended with %v", err)
	}
	quiet.waitFor("niet actief")
	if raw := quiet.raw(); strings.LastIndex(raw, "niet actief") < strings.LastIndex(raw, "\x1b[?1049l") {
		t.Error("the idle goodbye came before the terminal was restored")
	}
	if strings.Contains(busy.text(), "niet actief") {
		t.Error("the typing session got the idle goodbye")
	}
	e.onBoard(t, "Druk")
}

// MaxSession ends even a session that was just typed in, with its own
// goodbye; before that it lives on.
func TestMaxSessionLength(t *testing.T) {
	t.Parallel()
	clk, tk := newClock(), newTicker()
	e := startServerAt(t, clk, func(c *sshserver.Config) {
		c.MaxSession = time.Hour
		c.Idle = 24 * time.Hour
		sshserver.SetWatchdogTicks(c, tk.ticks)
	})
	key := e.member("Anna")
	tm := e.open(t, key)
	tm.name = "Anna"
	tm.waitFor(demoAction)
	clk.Add(59 * time.Minute)
	tk.look(tm, key)
	select {
	case <-tm.eof:
		t.Fatalf("the session ended before its maximum:\n%s", tail(tm.text()))
	default:
	}
	clk.Add(2 * time.Minute)
	tm.send("?")
	tm.waitFor("Toetsen")
	tk.look(tm, key)
	if err := tm.ended(); err != nil {
		t.Errorf("the session ended with %v", err)
	}
	tm.waitFor("maximale sessieduur")
	e.sessions(t, 0)
}

// Sessions of keys that are no member's are limited per IP address (a new
// key costs nothing), members' sessions per key; one key's limit leaves
// other keys alone, and strangers at one address do not lock out the
// members behind it.
func TestRateLimits(t *testing.T) {
	t.Parallel()
	t.Run("per ip", func(t *testing.T) {
		e := startServer(t, func(c *sshserver.Config) {
			c.ConnsPerIP = 2
			c.ConnRefill = time.Hour
		})
		for range 2 {
			if _, errOut, status := e.run(t, newKey(t), "help"); status != 0 {
				t.Fatalf("a stranger's help: status %d, %q", status, errOut)
			}
		}
		out, errOut, status := e.run(t, newKey(t), "help")
		if status != 1 || out != "" || !strings.Contains(errOut, tooManyNL) {
			t.Errorf("a third stranger from one address with ConnsPerIP 2: status %d, stdout %q, stderr %q", status, out, errOut)
		}
		for _, name := range []string{"Anna", "Bert", "Carla"} {
			if out, _, status := e.run(t, e.member(name), "whoami"); status != 0 || !strings.Contains(out, name) {
				t.Errorf("member %s behind the same address: status %d, %q", name, status, out)
			}
		}
	})
	t.Run("per key", func(t *testing.T) {
		e := startServer(t, func(c *sshserver.Config) {
			c.SessionsPerKey = 2
			c.SessionRefill = time.Hour
		})
		anna := e.member("Anna")
		for range 2 {
			if out, _, status := e.run(t, anna, "whoami"); status != 0 || !strings.Contains(out, "Anna") {
				t.Fatalf("whoami: status %d, %q", status, out)
			}
		}
		out, errOut, status := e.run(t, anna, "whoami")
		// It says truthfully how long: one session more per hour.
		if status != 1 || out != "" || !strings.Contains(errOut, "Te veel pogingen. Probeer het over 60 minuten opnieuw.") {
			t.Errorf("third session: status %d, stdout %q, stderr %q; want 1 and too many", status, out, errOut)
		}
		if out, _, status := e.run(t, e.member("Bert"), "whoami"); status != 0 || !strings.Contains(out, "Bert") {
			t.Errorf("another key after Anna's limit: status %d, %q", status, out)
		}
	})
}
