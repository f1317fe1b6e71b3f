package sshserver

import "github.com/gliderlabs/ssh"

// logging notes when a terminal session joins and leaves. It must never log
// what people type or see: only who (key, member name) and from where.
// Exec commands are logged by name in exec.go.
func (s *Server) logging(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		c := callerOf(sess)
		if !c.isPty {
			next(sess)
			return
		}
		id, _ := c.member()
		s.log.Info("join", "key", c.fp, "member", id.Name, "ip", c.ip)
		defer func() {
			// The name now: a stranger who used an invite code has one.
			id, _ := c.member()
			s.log.Info("leave", "key", c.fp, "member", id.Name)
		}()
		next(sess)
	}
}
