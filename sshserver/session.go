package sshserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
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
	sess      ssh.Session
	msg       *i18n.Messages
	program   *tea.Program
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
	tc, _ := sess.Context().Value(connKey{}).(*trackedConn)
	if tc != nil {
		// The handshake is over; from here Idle and MaxSession apply.
		tc.started()
	}
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
	if known && tc != nil {
		tc.isMember()
	}
	// Before the first read or write of sess: until then the winch guard
	// (server.go) keeps gliderlabs from writing the size Pty reads.
	pty, winch, isPty := sess.Pty()
	if !isPty {
		code := s.exec(sess, msg, id, known, fp, ip)
		_ = sess.Exit(code)
		return
	}
	ss := &session{sess: sess, msg: msg, ready: make(chan struct{})}
	defer ss.setReady()
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

	if s.cfg.hooks.beforeTUI != nil {
		s.cfg.hooks.beforeTUI()
	}
	var pres *presence
	var app *tui.Model
	newApp := func(name string, teams []uint64) *tui.Model {
		// tui reads nil Teams as "every team" (the local app): a member
		// with no team must see nothing, not everything.
		if teams == nil {
			teams = []uint64{}
		}
		pres = s.hub.join(name)
		app = tui.New(tui.Config{Store: s.cfg.Store.For(teams), User: name, Lang: ss.msg.Lang, Presence: pres, Now: s.cfg.Now})
		return app
	}
	var model tea.Model
	if known {
		model = newApp(id.Name, id.Teams)
	} else {
		ip := hostOf(sess.RemoteAddr())
		model = tui.NewInvite(tui.InviteConfig{
			Lang: ss.msg.Lang, Fingerprint: fp,
			Redeem: func(code, name string) error {
				err := s.redeem(ss.msg, fp, ip, code, name)
				if err == nil && s.cfg.hooks.afterRedeem != nil {
					s.cfg.hooks.afterRedeem(fp)
				}
				return err
			},
			Next: func(name string) *tui.Model {
				id, ok := s.cfg.Store.Identify(fp)
				if !ok {
					// Fail closed: the key is no member (removed just
					// now, or the lookup failed). Next must return a
					// model, so an empty one, and the session ends. In a
					// goroutine: Next runs inside the program's Update,
					// and Quit waits for that loop.
					s.log.Warn("refused", "reason", "no member after invite", "key", fp, "ip", ip)
					go ss.end(noAccess(ss.msg.Lang))
					return newApp(name, []uint64{})
				}
				if tc, _ := sess.Context().Value(connKey{}).(*trackedConn); tc != nil {
					tc.isMember()
				}
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
		tea.WithWindowSize(size(pty.Window)),
		tea.WithContext(ctx),
		tea.WithoutSignalHandler(),
		tea.WithFilter(noSuspend),
	)
	ss.setReady()

	go func() {
		// Always drain window changes; their end is the session's end.
		for w := range winch {
			width, height := size(w)
			ss.program.Send(tea.WindowSizeMsg{Width: width, Height: height})
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
	// NewTicker panics on a non-positive period: a tiny Idle must not
	// crash the server, and a short MaxSession wants a check as often.
	tick := time.NewTicker(max(min(s.cfg.Idle/4, s.cfg.MaxSession/4, 15*time.Second), 10*time.Millisecond))
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

// size is the terminal's size, 80x24 for a side it does not report: ssh -tt
// from a script sends 0x0, and bubbletea draws nothing in a 0-wide window.
func size(w ssh.Window) (width, height int) {
	width, height = w.Width, w.Height
	if width <= 0 {
		width = 80
	}
	if height <= 0 {
		height = 24
	}
	return width, height
}

// noAccess ends a session whose key turned out not to be a member. Here,
// not in i18n (package tui's), because only the server can say it.
func noAccess(l i18n.Lang) string {
	if l == i18n.EN {
		return "Your access to the boards could not be confirmed; the connection was closed. Connect again, or ask your team for a new invite."
	}
	return "Je toegang tot de borden kon niet worden bevestigd; de verbinding is gesloten. Verbind opnieuw of vraag je team om een nieuwe uitnodiging."
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
