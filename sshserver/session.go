package sshserver

import (
	"context"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/gliderlabs/ssh"
	"github.com/verbeterbord/bord/tui/i18n"
)

// session is one connected terminal.
type session struct {
	sess      ssh.Session
	msg       *i18n.Messages
	local     bool // over the owner's socket (local.go)
	program   *tea.Program
	scr       *screen       // draws the program's frames (screen.go)
	ready     chan struct{} // closed once program is set, or never will be
	readyOnce sync.Once

	lastInput atomic.Int64 // unix nanos of the last byte the user typed
	mu        sync.Mutex
	bye       string
}

// end stops the program the normal way (restoring the terminal) and
// remembers the line to say goodbye with. The first reason wins.
func (ss *session) end(bye string) {
	ss.mu.Lock()
	first := ss.bye == ""
	if first {
		ss.bye = bye
	}
	ss.mu.Unlock()
	if first {
		<-ss.ready
		// nil when the session failed before its program existed.
		if ss.program != nil {
			ss.program.Quit()
		}
	}
}

// setReady lets end go on. It runs on every path out of handle (deferred),
// so a panic before the program exists cannot leave end waiting forever.
func (ss *session) setReady() { ss.readyOnce.Do(func() { close(ss.ready) }) }

// setBye sets the goodbye line without stopping the program: for code that
// runs inside the program's loop, which Quit would wait for.
func (ss *session) setBye(bye string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.bye == "" {
		ss.bye = bye
	}
}

func (ss *session) goodbye() string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.bye
}

// watchdog ends a session that is idle (no keypress) or too long.
// Times are on the server's clock (Config.Now), so tests move a clock
// instead of waiting; fp names the session for a test's ticks.
func (s *Server) watchdog(ctx context.Context, ss *session, fp string) {
	start := s.cfg.Now()
	var ticks <-chan time.Time
	if s.cfg.hooks.ticks != nil {
		ticks = s.cfg.hooks.ticks(fp)
	} else {
		// NewTicker panics on a non-positive period: a tiny Idle must
		// not crash the server, and a short MaxSession wants a check as
		// often.
		tick := time.NewTicker(max(min(s.cfg.Idle/4, s.cfg.MaxSession/4, 15*time.Second), 10*time.Millisecond))
		defer tick.Stop()
		ticks = tick.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
			now := s.cfg.Now()
			if now.Sub(time.Unix(0, ss.lastInput.Load())) > s.cfg.Idle {
				ss.end(ss.msg.IdleBye)
				return
			}
			if now.Sub(start) > s.cfg.MaxSession {
				ss.end(ss.msg.TooLongBye)
				return
			}
		}
	}
}

// noAccess ends a session whose key turned out not to be a member. Here,
// not in i18n (package tui's), because only the server can say it.
func noAccess(l i18n.Lang) string {
	if l == i18n.EN {
		return "Your access to the boards could not be confirmed; the connection was closed. Connect again, or ask your team for a new invite."
	}
	return "Je toegang tot de borden kon niet worden bevestigd; de verbinding is gesloten. Verbind opnieuw of vraag je team om een nieuwe uitnodiging."
}

// inputTracker notes when the user last typed, and ends the program when
// the client closes its side: ssh multiplexing can close the channel while
// the connection stays, and without this the session would live on.
type inputTracker struct {
	r     io.Reader
	now   func() time.Time
	last  *atomic.Int64
	onEOF func()
}

func (t *inputTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.last.Store(t.now().UnixNano())
	}
	if err != nil {
		t.onEOF()
	}
	return n, err
}

// langOf picks the language from the client's environment (LANG, LC_*).
// A name sent twice (ssh's SendEnv LANG, then SetEnv LANG=…) counts as the
// last one sent, as in a shell.
func langOf(env []string) i18n.Lang {
	return i18n.FromEnv(func(k string) string {
		for _, kv := range slices.Backward(env) {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	})
}
