package sshserver

import (
	"sync"

	"github.com/gliderlabs/ssh"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// caller is who and what is on the other end of a session, as identify
// found it; the later middlewares read it from the session's context.
type caller struct {
	fp, ip string
	msg    *i18n.Messages
	pty    ssh.Pty
	winch  <-chan ssh.Window
	isPty  bool
	local  bool // over the owner's Unix socket (local.go)

	mu    sync.Mutex
	id    store.Identity
	known bool
}

type callerKey struct{}

func callerOf(sess ssh.Session) *caller {
	c, _ := sess.Context().Value(callerKey{}).(*caller)
	return c
}

// member is the caller's identity now: a stranger becomes a member when an
// invite code works.
func (c *caller) member() (store.Identity, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.id, c.known
}

func (c *caller) becameMember(id store.Identity) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.id, c.known = id, true
}

// identify finds the member a session's key belongs to, once the
// handshake is over. A key that is no member goes on too: it gets the
// invite screen, or help and whoami.
func (s *Server) identify(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if tc := connOf(sess); tc != nil {
			// The handshake is over: from here Idle and MaxSession apply.
			tc.started()
		}
		if sessionIsLocal(sess) {
			c := localCaller(sess)
			if tc := connOf(sess); tc != nil {
				tc.isMember()
			}
			c.pty, c.winch, c.isPty = sess.Pty()
			sess.Context().SetValue(callerKey{}, c)
			next(sess)
			return
		}
		key := sess.PublicKey()
		if key == nil {
			_ = sess.Exit(1)
			return
		}
		fp := Fingerprint(key)
		// Checked again: the key gliderlabs reports (the last one
		// offered) must be the one whose signature x/crypto verified.
		if provenKey(sess) != fp {
			s.log.Warn("refused", "reason", "key mismatch", "key", fp)
			_ = sess.Exit(1)
			return
		}
		c := &caller{fp: fp, ip: hostOf(sess.RemoteAddr()), msg: i18n.For(langOf(sess.Environ()))}
		c.id, c.known = s.cfg.Store.Identify(fp)
		if tc := connOf(sess); c.known && tc != nil {
			tc.isMember()
		}
		// Before the first read or write of sess: until then the winch
		// guard (winch.go) keeps gliderlabs from writing the size Pty
		// reads. Read once, here, for everyone after.
		c.pty, c.winch, c.isPty = sess.Pty()
		sess.Context().SetValue(callerKey{}, c)
		next(sess)
	}
}

// connOf is the tracked connection admit made for this session.
func connOf(sess ssh.Session) *trackedConn {
	tc, _ := sess.Context().Value(connKey{}).(*trackedConn)
	return tc
}
