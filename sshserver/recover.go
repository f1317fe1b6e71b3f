package sshserver

import (
	"fmt"
	"runtime/debug"

	"github.com/gliderlabs/ssh"
)

// recoverer ends a session that panicked with exit status 1 and one
// structured log line, instead of taking the whole server down: gliderlabs
// does not recover. Panics inside the program are caught in program.go.
func (s *Server) recoverer(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.logPanic(provenKey(sess), r, debug.Stack())
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

// logPanic is the one way a recovered panic is logged: which key, what, and
// where (the stack), as fields a log search can use.
func (s *Server) logPanic(fp string, r any, stack []byte) {
	s.log.Error("panic", "key", fp, "panic", fmt.Sprint(r), "stack", string(stack))
}

// provenKey is the fingerprint of the key whose possession the handshake
// proved (server.go's VerifiedPublicKeyCallback), or "" when none was.
func provenKey(sess ssh.Session) string {
	fp, _ := sess.Context().Value(provenKeyKey{}).(string)
	return fp
}

type provenKeyKey struct{}
