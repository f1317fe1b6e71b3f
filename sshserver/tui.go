package sshserver

import (
	"context"
	"errors"
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/gliderlabs/ssh"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui"
	"github.com/verbeterbord/bord/tui/i18n"
)

// serveTUI runs the board (or, for a stranger, the invite screen) in a
// session with a PTY, until the user quits, the client goes away, the
// session is idle or too long, or the server stops.
func (s *Server) serveTUI(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		c := callerOf(sess)
		ss := &session{sess: sess, msg: c.msg, local: c.local, ready: make(chan struct{})}
		defer ss.setReady()
		if !s.track(ss) {
			fmt.Fprintln(sess, c.msg.Goodbye)
			_ = sess.Exit(1)
			return
		}
		defer s.untrack(ss)
		s.runTUI(ss, c)
		next(sess)
	}
}

func (s *Server) runTUI(ss *session, c *caller) {
	sess := ss.sess
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()

	if s.cfg.hooks.beforeTUI != nil {
		s.cfg.hooks.beforeTUI()
	}
	var apps memberApp
	newApp := func(id store.Identity) *tui.Model {
		// The member's view of the store reaches their own teams only (no
		// team: nothing) and the duos they are in, below the screens,
		// whatever keys are pressed.
		pres := s.hub.Join(id.Name)
		cfg := tui.Config{Store: s.cfg.Store.ForPerson(id), User: id.Name, Lang: c.msg.Lang, Presence: pres, Now: s.cfg.Now}
		if c.local {
			// The owner's own user: the whole file, as bord on the
			// command line, joining a board's team as it opens.
			cfg.Store, cfg.AutoJoin = s.cfg.Store, true
		}
		app := tui.New(cfg)
		apps.set(app, pres)
		return app
	}
	var model tea.Model
	if id, known := c.member(); known {
		model = newApp(id)
	} else {
		model = s.inviteScreen(ss, c, newApp)
	}
	defer apps.close()

	ss.program = s.newProgram(ctx, ss, c, model, cancel)
	ss.setReady()
	go s.watchdog(ctx, ss, c.fp)
	go s.keepalive(ctx, sess, c.fp)

	if _, err := ss.program.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		s.log.Warn("session ended with error", "key", c.fp, "err", err.Error())
	}
	ss.scr.close() // the client's terminal back, before the goodbye
	if bye := ss.goodbye(); bye != "" {
		fmt.Fprint(sess, "\r\n"+bye+"\r\n")
	}
	_ = sess.Exit(0)
}

// inviteScreen asks a stranger for an invite code and a name, and opens the
// board once the code worked.
func (s *Server) inviteScreen(ss *session, c *caller, newApp func(store.Identity) *tui.Model) tea.Model {
	// Who the store made of the key: looked up in Redeem, which the screen
	// runs in a tea.Cmd, so Next (called in Update) does no I/O. Redeem's
	// result reaches Update as a message, after these are written.
	var id store.Identity
	var ok bool
	return tui.NewInvite(tui.InviteConfig{
		Lang: c.msg.Lang, Fingerprint: c.fp,
		Redeem: func(code, name string) error {
			if err := s.redeem(c.msg, c.fp, c.ip, code, name); err != nil {
				return err
			}
			if s.cfg.hooks.afterRedeem != nil {
				s.cfg.hooks.afterRedeem(c.fp)
			}
			id, ok = s.cfg.Store.Identify(c.fp)
			return nil
		},
		Next: func(string) *tui.Model {
			if !ok {
				// Fail closed: the key is no member (removed just now, or
				// the lookup failed). Next must return a model, so an
				// empty one, and the session ends. In a goroutine: Next
				// runs inside the program's Update, and Quit waits for
				// that loop.
				s.log.Warn("refused", "reason", "no member after invite", "key", c.fp, "ip", c.ip)
				go ss.end(noAccess(c.msg.Lang))
				return newApp(store.Identity{})
			}
			if tc := connOf(ss.sess); tc != nil {
				tc.isMember()
			}
			// The stored identity, not the name as typed: the store cleans
			// it ("Gina  de Wit" is stored as "Gina de Wit"), and a
			// session running under the typed name could not write.
			c.becameMember(id)
			return newApp(id)
		},
	})
}

// redeem checks the rate limit and uses an invite code.
func (s *Server) redeem(msg *i18n.Messages, fp, ip, code, name string) error {
	wait := s.invites.wait(fp + " " + ip)
	if wait == 0 {
		wait = s.invites.wait("ip " + ip)
	}
	if wait > 0 {
		s.log.Warn("refused", "reason", "invite rate limit", "key", fp, "ip", ip)
		return errors.New(msg.TooMany(wait))
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

// memberApp is the member's app of a session and its presence, closed when
// the session ends. After an invite, the app is made in a tea.Cmd's
// goroutine, which can still run when the program has ended: an app made
// after close is closed at once, so no presence outlives its session.
type memberApp struct {
	mu     sync.Mutex
	app    *tui.Model
	pres   *tui.Here
	closed bool
}

func (a *memberApp) set(app *tui.Model, pres *tui.Here) {
	a.mu.Lock()
	closed := a.closed
	if !closed {
		a.app, a.pres = app, pres
	}
	a.mu.Unlock()
	if closed {
		app.Close()
		pres.Leave()
	}
}

func (a *memberApp) close() {
	a.mu.Lock()
	app, pres := a.app, a.pres
	a.closed = true
	a.mu.Unlock()
	if app != nil {
		app.Close()
	}
	if pres != nil {
		pres.Leave()
	}
}
