package sshserver

import (
	"context"
	"time"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// keepalive ends the connection of a client that stopped answering: a
// closed laptop or a dropped wifi sends no FIN, and TCP would keep the
// session, and its member on the board, for many minutes. Then a bordsessie
// leader who left stayed its leader for everyone (issue 14). Every
// KeepAlive the server asks the client for an answer, as OpenSSH's
// ClientAliveInterval does; any answer counts (an SSH client refuses an
// unknown request, which is an answer). No answer within two intervals
// closes the connection, the session ends, and presence tells the others.
func (s *Server) keepalive(ctx context.Context, sess ssh.Session, fp string) {
	conn, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn)
	if !ok || s.cfg.KeepAlive <= 0 {
		return
	}
	tick := time.NewTicker(s.cfg.KeepAlive)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		answered := make(chan struct{})
		go func() {
			// Returns with an error when the connection is closed, so
			// this goroutine never outlives it.
			if _, _, err := conn.SendRequest("keepalive@openssh.com", true, nil); err == nil {
				close(answered)
			}
		}()
		wait := time.NewTimer(2 * s.cfg.KeepAlive)
		select {
		case <-answered:
			wait.Stop()
		case <-ctx.Done():
			wait.Stop()
			return
		case <-wait.C:
			s.log.Info("client stopped answering; connection closed", "key", fp)
			conn.Close()
			return
		}
	}
}
