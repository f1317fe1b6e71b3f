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
		wait, reason := s.perKey.wait(c.fp), "rate limit per key"
		if !known {
			wait, reason = s.perIP.wait(c.ip), "rate limit per ip"
		}
		if wait > 0 {
			s.log.Warn("refused", "reason", reason, "key", c.fp, "ip", c.ip)
			fmt.Fprintln(sess.Stderr(), c.msg.TooMany(wait))
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}
