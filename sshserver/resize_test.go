package sshserver_test

import (
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/sshserver"
	gossh "golang.org/x/crypto/ssh"
)

// sizeLog records the window sizes one session's model was given.
type sizeLog struct {
	mu    sync.Mutex
	sizes []tea.WindowSizeMsg
}

func (l *sizeLog) add(m tea.WindowSizeMsg) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sizes = append(l.sizes, m)
}

func (l *sizeLog) get() []tea.WindowSizeMsg {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]tea.WindowSizeMsg(nil), l.sizes...)
}

type sizeRecorder struct {
	tea.Model
	log *sizeLog
}

func (r sizeRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		r.log.add(m)
	}
	m, cmd := r.Model.Update(msg)
	return sizeRecorder{m, r.log}, cmd
}

// The last window change a client sent is the size the screen ends with,
// always. A session that changes its size between the PTY request and the
// shell gets three size messages: bubbletea's first (the PTY's size, sent
// from a goroutine of its own), the PTY's size again from gliderlabs' queue,
// and the change. bubbletea's could arrive last and shrink the screen back
// (TestWindowChanges/before_shell failed 1 in ~40 runs on a busy machine).
// Many sessions at once make that order likely without the fix.
func TestLastWindowSizeWins(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var logs []*sizeLog
	e := startServer(t, func(c *sshserver.Config) {
		c.SessionsPerKey = 1000
		sshserver.SetWrapModel(c, func(m tea.Model) tea.Model {
			l := &sizeLog{}
			mu.Lock()
			logs = append(logs, l)
			mu.Unlock()
			return sizeRecorder{m, l}
		})
	})
	const n = 16
	key := e.member("Anna")
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := e.dial(key)
			if err != nil {
				t.Error(err)
				return
			}
			t.Cleanup(func() { c.Close() })
			tm, err := startTerm(c, termOpts{beforeShell: func(s *gossh.Session) error { return s.WindowChange(40, 140) }})
			if err != nil {
				t.Error(err)
				return
			}
			t.Cleanup(func() { tm.sess.Close() })
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	all := func() []*sizeLog {
		mu.Lock()
		defer mu.Unlock()
		return append([]*sizeLog(nil), logs...)
	}
	if !eventually(func() bool {
		ls := all()
		if len(ls) < n {
			return false
		}
		for _, l := range ls {
			if len(l.get()) < 3 {
				return false
			}
		}
		return true
	}) {
		for i, l := range all() {
			t.Logf("session %d: sizes %v", i, l.get())
		}
		t.Fatalf("not every one of %d sessions got its three sizes", n)
	}
	want := tea.WindowSizeMsg{Width: 140, Height: 40}
	for i, l := range all() {
		sizes := l.get()
		if got := sizes[len(sizes)-1]; got != want {
			t.Errorf("session %d ends at %dx%d, want %dx%d (sizes in order: %v)", i, got.Width, got.Height, want.Width, want.Height, sizes)
		}
	}
}
