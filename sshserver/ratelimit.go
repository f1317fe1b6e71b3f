package sshserver

import (
	"fmt"

	"github.com/gliderlabs/ssh"
	"github.com/verbeterbord/bord/tui/i18n"
)

// limits ends the handshake deadline (a session runs now; Idle and
// MaxSession apply from here) and refuses a key that opens sessions too
// fast. The caps on connections are in admit, before the handshake.
func (s *Server) limits(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if tc := connOf(sess); tc != nil {
			tc.started()
		}
		fp := provenKey(sess)
		if !s.perKey.allow(fp) {
			s.log.Warn("refused", "reason", "rate limit per key", "key", fp, "ip", hostOf(sess.RemoteAddr()))
			fmt.Fprintln(sess.Stderr(), i18n.For(langOf(sess.Environ())).ErrTooMany)
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// connOf is the tracked connection admit made for this session.
func connOf(sess ssh.Session) *trackedConn {
	tc, _ := sess.Context().Value(connKey{}).(*trackedConn)
	return tc
}
