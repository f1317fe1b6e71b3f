package sshserver_test

import (
	"bytes"
	"context"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/sshserver"
)

// panicky is a session's model that panics on "!", as a screen with a bug
// would (an index out of range on an empty chooser).
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "!" {
		panic("test: a key that crashes")
	}
	m, cmd := p.Model.Update(msg)
	return panicky{m}, cmd
}

// A panic in a session's program ends that session with a goodbye and is
// logged as one structured line: the key, the panic value and the stack.
// The server and other sessions go on.
func TestPanicInProgramIsLogged(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	e := startServer(t, func(c *sshserver.Config) {
		c.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
		sshserver.SetWrapModel(c, func(m tea.Model) tea.Model { return panicky{m} })
	})
	other := e.join(t, "Bert")
	key := e.member("Anna")
	tm := e.open(t, key)
	tm.name = "Anna"
	tm.waitFor(demoAction)
	tm.send("!")
	tm.waitFor("Er ging iets mis")
	tm.ended()

	line := ""
	if !eventually(func() bool {
		for _, l := range strings.Split(logs.String(), "\n") {
			if strings.Contains(l, `"msg":"panic"`) {
				line = l
				return true
			}
		}
		return false
	}) {
		t.Fatalf("no panic line in the log:\n%s", logs.String())
	}
	for _, want := range []string{`"key":"` + fp(key) + `"`, `"panic":"test: a key that crashes"`, `"stack":"goroutine `, `panicky.Update`} {
		if !strings.Contains(line, want) {
			t.Errorf("the panic line lacks %s:\n%s", want, line)
		}
	}
	// Bert's session still works.
	const marker = "Napaniek5"
	other.send("a")
	other.waitFor("Acties: nieuw")
	other.send("\x1b[200~"+marker+"\x1b[201~", "\r", "\r", "morgen", "\r", "\r")
	other.waitFor(marker)
}

// A member who used an invite code with two spaces in their name works as
// the member the store made ("Gina de Wit"): they can write in that first
// session, and the leave line names them.
func TestInviteNameIsTheStoredOne(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	e := startServer(t, func(c *sshserver.Config) { c.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	code := e.invite(time.Hour)
	tm := e.open(t, newKey(t))
	tm.name = "Gina"
	tm.waitFor(askInviteNL)
	tm.enterCode(code, "Gina  de Wit")
	tm.waitFor(demoAction)
	tm.send("a")
	tm.waitFor("Acties: nieuw")
	const marker = "Ginamerk7q"
	tm.send("\x1b[200~"+marker+"\x1b[201~", "\r", "\r", "morgen", "\r", "\r")
	if !eventually(func() bool {
		b, err := e.st.Board(e.boardID)
		return err == nil && slices.ContainsFunc(b.Actions, func(a board.Action) bool { return a.What == marker && a.CreatedBy == "Gina de Wit" })
	}) {
		t.Fatalf("Gina's action was not stored:\n%s", tail(tm.text()))
	}
	tm.send("q")
	tm.ended()
	if !eventually(func() bool { return strings.Contains(logs.String(), `msg=leave`) }) {
		t.Fatalf("no leave line:\n%s", logs.String())
	}
	leave := slices.IndexFunc(strings.Split(logs.String(), "\n"), func(l string) bool {
		return strings.Contains(l, "msg=leave") && strings.Contains(l, `member="Gina de Wit"`)
	})
	if leave < 0 {
		t.Errorf("the leave line does not name Gina:\n%s", logs.String())
	}
}

// A panic before a session's program exists (tui.New, the hub) must not
// leave Shutdown's goodbye goroutine waiting for that program forever.
func TestPanicBeforeProgram(t *testing.T) {
	// Not parallel: it looks at the whole process's goroutines.
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	var logs syncBuffer
	e := startServer(t, func(c *sshserver.Config) {
		c.Logger = slog.New(slog.NewTextHandler(&logs, nil))
		sshserver.SetBeforeTUI(c, func() {
			once.Do(func() { close(entered) })
			<-release
			panic("test: the model could not be made")
		})
	})
	tm := e.open(t, e.member("Anna"))
	select {
	case <-entered:
	case <-time.After(wait):
		t.Fatal("the session did not start")
	}
	e.stopped = true
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		done <- e.srv.Shutdown(ctx)
	}()
	// Shutdown has told the session to end: that goroutine waits for the
	// program, which will never be made.
	if !eventually(func() bool { return goroutinesIn("sshserver.(*session).end(") > 0 }) {
		t.Fatal("Shutdown did not end the session")
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := <-e.served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	tm.ended()
	if !eventually(func() bool { return goroutinesIn("sshserver.(*session).end(") == 0 }) {
		t.Error("a goroutine still waits for the program of a session that panicked")
	}
	// The recover middleware logs it as one structured line.
	for _, want := range []string{"msg=panic", "key=SHA256:", `panic="test: the model could not be made"`, `stack="goroutine `} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %s:\n%s", want, logs.String())
		}
	}
}

// goroutinesIn counts the goroutines whose stack contains fn.
func goroutinesIn(fn string) int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		if bytes.Contains(g, []byte(fn)) {
			n++
		}
	}
	return n
}
