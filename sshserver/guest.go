package sshserver

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui"
)

// Guests over SSH: a key that is no member but a guest of one open
// retrospective or arena (store.IdentifyGuest) gets the app on the guest's
// view of the store, opened on that record. The session ends, with a
// word, the moment the record closes; from then on the key is a stranger.
// Exec commands treat a guest as a stranger: guests get no exports.

// guestOf is the caller's guest identity, when the key is a guest's.
func (c *caller) guestOf() (g store.Guest, ok bool) {
	c.locked(func() { g, ok = c.guest, c.isGuest })
	return g, ok
}

func (c *caller) becameGuest(g store.Guest) { c.locked(func() { c.guest, c.isGuest = g, true }) }

// locked runs f under the caller's lock: an invite turns a stranger into a
// guest while the session runs.
func (c *caller) locked(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f()
}

// guestApp is the app of guest g: their view, their name, their record.
func (s *Server) guestApp(ctx context.Context, ss *session, c *caller, g store.Guest, apps *memberApp) *tui.Model {
	cfg := tui.Config{Store: s.cfg.Store.ForGuest(g), User: g.Name, Lang: c.msg.Lang, Now: s.cfg.Now, BoardID: g.Scope.BoardID}
	if g.Scope.Kind == store.GuestRetro {
		cfg.OpenRetro = g.Scope.ID
	} else {
		cfg.OpenArena = g.Scope.ID
	}
	app := tui.New(cfg)
	apps.set(app, nil)
	go s.guestWatch(ctx, ss, g)
	return app
}

// guestWatch ends the guest's session once their record closed: every
// change of the board is a moment to look.
func (s *Server) guestWatch(ctx context.Context, ss *session, g store.Guest) {
	ch, stop := s.cfg.Store.Watch(g.Scope.BoardID)
	defer stop()
	for {
		if _, ok := s.cfg.Store.IdentifyGuest(g.Key); !ok {
			ss.end(ss.msg.Handover.GuestEnded)
			return
		}
		select {
		case <-ctx.Done():
			return
		case _, ok := <-ch:
			if !ok {
				return
			}
		}
	}
}

// guestModel is the model for a caller who is a guest, or nil.
func (s *Server) guestModel(ctx context.Context, ss *session, c *caller, apps *memberApp) tea.Model {
	if g, ok := c.guestOf(); ok {
		return s.guestApp(ctx, ss, c, g, apps)
	}
	return nil
}

// CreateGuestInvite is capped like CreateInvite: each code is a way in.
func (v memberView) CreateGuestInvite(by string, scope store.GuestScope, ttl time.Duration) (string, time.Time, error) {
	return v.capped(by, "board", scope.BoardID, func() (string, time.Time, error) { return v.View.CreateGuestInvite(by, scope, ttl) })
}
