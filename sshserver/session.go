package sshserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/gliderlabs/ssh"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui"
	"github.com/verbeterbord/bord/tui/i18n"
)

// session is one connected terminal.
type session struct {
	sess    ssh.Session
	msg     *i18n.Messages
	program *tea.Program
	ready   chan struct{} // closed once program is set

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
		ss.program.Quit()
	}
}

func (ss *session) goodbye() string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.bye
}

// handle is the session chain: recover → identify → exec or TUI.
func (s *Server) handle(sess ssh.Session) {
	fp := ""
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("session panic", "key", fp, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			_ = sess.Exit(1)
		}
	}()
	msg := i18n.For(langOf(sess.Environ()))
	key := sess.PublicKey()
	if key == nil {
		_ = sess.Exit(1)
		return
	}
	fp = Fingerprint(key)
	// Checked again: the key gliderlabs reports must be the one whose
	// possession the handshake proved (the last one auth was called for).
	if sess.Context().Permissions().Extensions["bord-fp"] != fp {
		s.log.Warn("refused", "reason", "key mismatch", "key", fp)
		_ = sess.Exit(1)
		return
	}
	ip := hostOf(sess.RemoteAddr())
	if !s.perKey.allow(fp) {
		s.log.Warn("refused", "reason", "rate limit per key", "key", fp, "ip", ip)
		fmt.Fprintln(sess.Stderr(), msg.ErrTooMany)
		_ = sess.Exit(1)
		return
	}
	id, known := s.cfg.Store.Identify(fp)
	// Before the first read or write of sess: until then the winch guard
	// (server.go) keeps gliderlabs from writing the size Pty reads.
	pty, winch, isPty := sess.Pty()
	if !isPty {
		code := s.exec(sess, msg, id, known, fp)
		_ = sess.Exit(code)
		return
	}
	ss := &session{sess: sess, msg: msg, ready: make(chan struct{})}
	if !s.track(ss) {
		fmt.Fprintln(sess, msg.Goodbye)
		_ = sess.Exit(1)
		return
	}
	defer s.untrack(ss)
	s.log.Info("join", "key", fp, "member", id.Name, "ip", ip)
	defer func() { s.log.Info("leave", "key", fp, "member", id.Name) }()
	s.runTUI(ss, pty, winch, id, known, fp)
}

// runTUI runs one tea.Program on the session until the user quits, the
// client goes away, the session is idle or too long, or the server stops.
func (s *Server) runTUI(ss *session, pty ssh.Pty, winch <-chan ssh.Window, id store.Identity, known bool, fp string) {
	sess := ss.sess
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()

	var pres *presence
	var app *tui.Model
	newApp := func(name string, teams []uint64) *tui.Model {
		pres = s.hub.join(name)
		app = tui.New(tui.Config{Store: s.cfg.Store, User: name, Lang: ss.msg.Lang, Teams: teams, Presence: pres, Now: s.cfg.Now})
		return app
	}
	var model tea.Model
	if known {
		model = newApp(id.Name, id.Teams)
	} else {
		ip := hostOf(sess.RemoteAddr())
		model = tui.NewInvite(tui.InviteConfig{
			Lang: ss.msg.Lang, Fingerprint: fp,
			Redeem: func(code, name string) error { return s.redeem(ss.msg, fp, ip, code, name) },
			Next: func(name string) *tui.Model {
				id, _ := s.cfg.Store.Identify(fp)
				return newApp(name, id.Teams)
			},
		})
	}
	defer func() {
		if app != nil {
			app.Close()
		}
		if pres != nil {
			pres.leave()
		}
	}()

	env := append(sess.Environ(), "TERM="+pty.Term)
	ss.lastInput.Store(time.Now().UnixNano())
	in := &inputTracker{r: sess, last: &ss.lastInput, onEOF: cancel}
	ss.program = tea.NewProgram(model,
		tea.WithInput(in),
		tea.WithOutput(sess),
		tea.WithEnvironment(env),
		// Detect would find no TTY on the server side and strip colour.
		tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithWindowSize(pty.Window.Width, pty.Window.Height),
		tea.WithContext(ctx),
		tea.WithoutSignalHandler(),
		tea.WithFilter(noSuspend),
	)
	close(ss.ready)

	go func() {
		// Always drain window changes; their end is the session's end.
		for w := range winch {
			ss.program.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		}
		cancel()
	}()
	go s.watchdog(ctx, ss)

	if _, err := ss.program.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		s.log.Warn("session ended with error", "key", fp, "err", err.Error())
	}
	if bye := ss.goodbye(); bye != "" {
		fmt.Fprint(sess, "\r\n"+bye+"\r\n")
	}
	_ = sess.Exit(0)
}

// watchdog ends a session that is idle (no keypress) or too long.
func (s *Server) watchdog(ctx context.Context, ss *session) {
	start := time.Now()
	tick := time.NewTicker(min(s.cfg.Idle/4, time.Second*15))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
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

// redeem checks the rate limit and uses an invite code.
func (s *Server) redeem(msg *i18n.Messages, fp, ip, code, name string) error {
	if !s.invites.allow(fp+" "+ip) || !s.invites.allow("ip "+ip) {
		s.log.Warn("refused", "reason", "invite rate limit", "key", fp, "ip", ip)
		return errors.New(msg.ErrTooMany)
	}
	_, err := s.cfg.Store.RedeemInvite(code, fp, name)
	switch {
	case err == nil:
		s.log.Info("invite used", "key", fp)
		return nil
	case errors.Is(err, store.ErrInvite):
		s.log.Warn("refused", "reason", "bad invite code", "key", fp, "ip", ip)
		return errors.New(msg.ErrInvite)
	case errors.Is(err, board.ErrExists):
		return errors.New(msg.ErrNameTaken)
	case errors.Is(err, store.ErrKeyTaken):
		return errors.New(msg.ErrKeyTaken)
	}
	return errors.New(msg.Err(err))
}

// noSuspend turns ctrl+z into nothing: suspending would stop the whole
// server process, not the user's session.
func noSuspend(_ tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.SuspendMsg); ok {
		return tea.ResumeMsg{}
	}
	return msg
}

// inputTracker notes when the user last typed, and ends the program when
// the client closes its side: ssh multiplexing can close the channel while
// the connection stays, and without this the session would live on.
type inputTracker struct {
	r     io.Reader
	last  *atomic.Int64
	onEOF func()
}

func (t *inputTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.last.Store(time.Now().UnixNano())
	}
	if err != nil {
		t.onEOF()
	}
	return n, err
}

// langOf picks the language from the client's environment (LANG, LC_*).
func langOf(env []string) i18n.Lang {
	return i18n.FromEnv(func(k string) string {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	})
}
