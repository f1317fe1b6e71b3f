package sshserver

import "github.com/gliderlabs/ssh"

// Middleware is one step of the session path. It is the shape of wish's
// and soft-serve's middlewares (wish.Middleware is this very type), so a
// move to wish is handing the same list to wish.WithMiddleware, which runs
// its last one first.
type Middleware = func(next ssh.Handler) ssh.Handler

// handler is the session path, outermost first: recover from a panic,
// identify the key, limits (per member's key, or per address for a
// stranger), log join and leave, serve exec commands or, with a PTY, the
// TUI. Connection caps run before all of it, in admit.
func (s *Server) handler() ssh.Handler {
	return chain(func(ssh.Session) {}, // gliderlabs exits 0 after the handler
		s.recoverer, s.identify, s.limits, s.logging, s.execCommands, s.serveTUI)
}

// chain wraps h in mws; the first one runs first.
func chain(h ssh.Handler, mws ...Middleware) ssh.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}
