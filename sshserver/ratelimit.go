package sshserver

import (
	"fmt"

	"github.com/gliderlabs/ssh"
)

// limits refuses sessions opened too fast: per key for a member, per IP
// address for a key that is no member (a new key costs nothing to make,
// so only the address can hold a stranger back; and members behind one
// school address must not lock each other out). The caps on connections
// are in admit, before the handshake.
func (s *Server) limits(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		c := callerOf(sess)
		if c.local {
			// The owner's own user, who could open the file anyway.
			next(sess)
			return
		}
		_, known := c.member()
		ok, reason := s.perKey.allow(c.fp), "rate limit per key"
		if !known {
			ok, reason = s.perIP.allow(c.ip), "rate limit per ip"
		}
		if !ok {
			s.log.Warn("refused", "reason", reason, "key", c.fp, "ip", c.ip)
			fmt.Fprintln(sess.Stderr(), c.msg.ErrTooMany)
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}
