package sshserver

import (
	"fmt"
	"io"
	"net"

	"github.com/gliderlabs/ssh"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui"
	"github.com/verbeterbord/bord/tui/i18n"
)

// LocalExec runs a command of the local user (bord's command line, args
// without the program name) for a connection over the owner's Unix socket,
// writing to out and errOut, and returns the exit status.
type LocalExec func(args []string, out, errOut io.Writer) int

// A connection is local when it came in over a Unix socket (package
// owner): the listener has checked that the process at the other end is
// the owner's own user, who may open the database file anyway. So a local
// session reaches the whole database, as bord on the command line does,
// under the name the client sends as its SSH user, and runs the whole
// command line (Config.LocalExec) instead of the few remote commands.
type localKey struct{}

func isLocal(conn net.Conn) bool {
	_, ok := conn.LocalAddr().(*net.UnixAddr)
	return ok
}

func sessionIsLocal(sess ssh.Session) bool {
	local, _ := sess.Context().Value(localKey{}).(bool)
	return local
}

// localCaller is identify's caller for a local session: known, whole
// database, no key to look up.
func localCaller(sess ssh.Session) *caller {
	name := board.CleanName(sess.User())
	if name == "" {
		name = "ik"
	}
	c := &caller{fp: "local", ip: "local", msg: i18n.For(langOf(sess.Environ())), local: true}
	c.id, c.known = store.Identity{Name: name}, true
	return c
}

// Join puts the owner's own terminal (a bord TUI that owns the file) in
// the presence line of the sessions on its board, and them in its line. It
// returns the terminal's presence and what to call when it ends.
func (s *Server) Join(name string) (tui.Presence, func()) {
	p := s.hub.Join(name)
	return p, p.Leave
}

// goodbyeAtShutdown is the line a session ends with when the server stops:
// for a window over the socket, that the bord owning the file stopped.
func (ss *session) goodbyeAtShutdown() string {
	if !ss.local {
		return ss.msg.Goodbye
	}
	if ss.msg.Lang == i18n.EN {
		return "The bord that had this database open has stopped. Start bord again to go on: it then opens the file itself."
	}
	return "De bord die deze database open had, is gestopt. Start bord opnieuw om verder te gaan: dan opent hij het bestand zelf."
}

// localExec runs the local user's command line in the owner's process.
func (s *Server) localExec(sess ssh.Session, c *caller) int {
	s.log.Info("exec", "key", c.fp, "member", c.id.Name, "ip", c.ip, "command", "local")
	if s.cfg.LocalExec == nil {
		fmt.Fprintln(sess.Stderr(), c.msg.NoPTY)
		return 1
	}
	return s.cfg.LocalExec(sess.Command(), sess, sess.Stderr())
}
