package sshserver

import (
	"errors"
	"fmt"
	"time"

	"github.com/gliderlabs/ssh"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/cmd/commands"
	"github.com/verbeterbord/bord/tui/i18n"
)

// MaxCommand is the longest exec command read, in bytes. gliderlabs splits
// a command into words in time quadratic in its length (100 KB took 2 s of
// CPU), and any key, a stranger's too, may send one; bord's longest real
// command is under 200 bytes.
const MaxCommand = 1024

// execCommands serves a session without a PTY: the commands of package
// commands, the same ones the command line runs, each printing plain text,
// and a clear message with exit status 1 for anything else. Logs name the
// command only: its arguments can be a board's or a topic's name, which are
// content.
func (s *Server) execCommands(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		c := callerOf(sess)
		switch {
		case c.isPty:
			next(sess)
		case c.local:
			_ = sess.Exit(s.localExec(sess, c))
		default:
			_ = sess.Exit(s.exec(sess, c))
		}
	}
}

func (s *Server) exec(sess ssh.Session, c *caller) int {
	id, known := c.member()
	// Measured on the raw text, before anything splits it into words.
	if raw := sess.RawCommand(); len(raw) > MaxCommand {
		s.log.Warn("refused", "reason", "command too long", "key", c.fp, "member", id.Name, "ip", c.ip, "bytes", len(raw))
		fmt.Fprintln(sess.Stderr(), tooLong(c.msg.Lang))
		return 1
	}
	args := sess.Command()
	name := ""
	if len(args) > 0 {
		name = args[0]
	}
	if name == "" || commands.Remote(name) {
		s.log.Info("exec", "key", c.fp, "member", id.Name, "ip", c.ip, "command", name)
	} else {
		s.log.Warn("unknown command", "key", c.fp, "member", id.Name, "ip", c.ip, "command", board.CleanLine(name, 40))
	}
	env := &commands.Env{
		// A stranger's Teams are nil: a view that reaches nothing.
		View: memberView{View: commands.Person(s.cfg.Store, id), s: s, c: c},
		Who:  commands.Identity{Name: id.Name, Known: known, Fingerprint: c.fp},
		Msg:  c.msg,
		Now:  s.cfg.Now,
	}
	err := commands.Run(env, args, sess, sess.Stderr())
	var stranger commands.NotMemberError
	switch {
	case errors.As(err, &stranger):
		s.log.Warn("refused", "reason", "not a member", "key", c.fp, "ip", c.ip, "command", name)
	case err == nil && name == "export":
		s.log.Info("export", "key", c.fp, "member", id.Name)
	}
	if err != nil {
		fmt.Fprintln(sess.Stderr(), err)
		return 1
	}
	return 0
}

// memberView is a member's view of the store for exec commands, with a cap
// on the invite codes one member makes: each is a way in for a new key.
type memberView struct {
	commands.View
	s *Server
	c *caller
}

func (v memberView) CreateInvite(by string, teamID uint64, ttl time.Duration) (string, time.Time, error) {
	return v.capped(by, "team", teamID, func() (string, time.Time, error) { return v.View.CreateInvite(by, teamID, ttl) })
}

// CreateDuoInvite is capped with the team invites: a duo's code is a way in
// for a new key too.
func (v memberView) CreateDuoInvite(by string, duoID uint64, partner string, ttl time.Duration) (string, time.Time, error) {
	return v.capped(by, "duo", duoID, func() (string, time.Time, error) { return v.View.CreateDuoInvite(by, duoID, partner, ttl) })
}

func (v memberView) capped(by, into string, id uint64, mk func() (string, time.Time, error)) (string, time.Time, error) {
	if wait := v.s.invitesMade.wait(by); wait > 0 {
		v.s.log.Warn("refused", "reason", "invite cap per member", "key", v.c.fp, "member", by, "ip", v.c.ip, "max", v.s.cfg.InvitesMade)
		return "", time.Time{}, tooManyInvites(v.c.msg, wait)
	}
	code, exp, err := mk()
	if err == nil {
		v.s.log.Info("invite made", "key", v.c.fp, "member", by, into, id)
	}
	return code, exp, err
}

func tooLong(l i18n.Lang) string {
	if l == i18n.EN {
		return fmt.Sprintf("That command is too long (at most %d bytes). Try: ssh <server> help", MaxCommand)
	}
	return fmt.Sprintf("Die opdracht is te lang (hoogstens %d bytes). Probeer: ssh <server> help", MaxCommand)
}

// tooManyInvites is printed to the member as it is: a sentence.
func tooManyInvites(msg *i18n.Messages, wait time.Duration) error {
	if msg.Lang == i18n.EN {
		//lint:ignore ST1005 shown to the user as a sentence
		return fmt.Errorf("You have made many invite codes in a short time. Wait %s, or ask whoever runs bord serve: bord invite --team TEAM", msg.Wait(wait))
	}
	//lint:ignore ST1005 shown to the user as a sentence
	return fmt.Errorf("Je hebt in korte tijd veel uitnodigingscodes gemaakt. Wacht %s, of vraag wie bord serve draait: bord invite --team TEAM", msg.Wait(wait))
}
