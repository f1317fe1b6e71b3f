package sshserver

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/gliderlabs/ssh"
	"github.com/spf13/pflag"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// exec serves a session without a PTY: a few commands, each printing plain
// text, and a clear message with exit status 1 for anything else.
// Logs name the command only: its arguments can be a board's or a topic's
// name, which are content.
func (s *Server) exec(sess ssh.Session, msg *i18n.Messages, id store.Identity, known bool, fp, ip string) int {
	args := sess.Command()
	if len(args) == 0 {
		s.log.Info("exec", "key", fp, "member", id.Name, "ip", ip, "command", "")
		fmt.Fprintln(sess.Stderr(), msg.NoPTY)
		return 1
	}
	switch args[0] {
	case "help", "whoami", "export", "invite":
		s.log.Info("exec", "key", fp, "member", id.Name, "ip", ip, "command", args[0])
	default:
		s.log.Warn("unknown command", "key", fp, "member", id.Name, "ip", ip, "command", board.CleanLine(args[0], 40))
	}
	notMember := func() int {
		s.log.Warn("refused", "reason", "not a member", "key", fp, "ip", ip, "command", args[0])
		fmt.Fprintln(sess.Stderr(), msg.NotMember)
		return 1
	}
	switch args[0] {
	case "help":
		fmt.Fprintln(sess, msg.ExecHelp)
		return 0
	case "whoami":
		if !known {
			fmt.Fprintln(sess, msg.Fingerprint+": "+fp)
			fmt.Fprintln(sess, msg.NotMember)
			return 0
		}
		var names []string
		for _, t := range id.Teams {
			if team, err := s.cfg.Store.Team(t); err == nil {
				names = append(names, team.Name)
			}
		}
		fmt.Fprintf(sess, msg.WhoamiF+"\n", id.Name, strings.Join(names, ", "))
		return 0
	case "export":
		if !known {
			return notMember()
		}
		if err := s.export(sess, msg, id, args[1:]); err != nil {
			fmt.Fprintln(sess.Stderr(), err)
			return 1
		}
		s.log.Info("export", "key", fp, "member", id.Name)
		return 0
	case "invite":
		if !known {
			return notMember()
		}
		if err := s.invite(sess, msg, id, args[1:]); err != nil {
			fmt.Fprintln(sess.Stderr(), err)
			return 1
		}
		s.log.Info("invite made", "key", fp, "member", id.Name)
		return 0
	}
	fmt.Fprintf(sess.Stderr(), msg.UnknownCommandF+"\n", board.CleanLine(args[0], 40))
	return 1
}

// invite makes a one-time code for one of the member's own teams, so a team
// can let a colleague in while the server runs.
func (s *Server) invite(w io.Writer, msg *i18n.Messages, id store.Identity, args []string) error {
	fs := pflag.NewFlagSet("invite", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	team := fs.String("team", "", "")
	ttl := fs.Duration("ttl", 72*time.Hour, "")
	if err := fs.Parse(args); err != nil || *ttl <= 0 || *ttl > 30*24*time.Hour {
		return errors.New(msg.ExecHelp)
	}
	var names []string
	for _, t := range id.Teams {
		tm, err := s.cfg.Store.Team(t)
		if err != nil {
			return err
		}
		names = append(names, tm.Name)
		if strings.EqualFold(tm.Name, *team) || (*team == "" && len(id.Teams) == 1) {
			code, exp, err := s.cfg.Store.CreateInvite(id.Name, tm.ID, *ttl)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s\n(%s, %s)\n", code, tm.Name, exp.Format("2006-01-02 15:04"))
			return err
		}
	}
	return fmt.Errorf(msg.ErrChooseTeamF, strings.Join(names, ", "))
}

// export writes a board of the member's own teams as markdown.
func (s *Server) export(w io.Writer, msg *i18n.Messages, id store.Identity, args []string) error {
	fs := pflag.NewFlagSet("export", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	name := fs.String("board", "", "")
	what := fs.String("what", "actions", "")
	topic := fs.String("topic", "", "")
	if err := fs.Parse(args); err != nil {
		return errors.New(msg.ExecHelp)
	}
	var infos []board.Info
	for _, t := range id.Teams {
		in, err := s.cfg.Store.Boards(t)
		if err != nil {
			return err
		}
		infos = append(infos, in...)
	}
	info, names, ok := board.PickBoard(infos, *name)
	switch {
	case !ok && *name == "" && len(infos) > 1:
		return fmt.Errorf(msg.ErrChooseBoardF, strings.Join(names, ", "))
	case !ok:
		return fmt.Errorf(msg.ErrNoBoardF, board.CleanLine(*name, 60))
	}
	b, err := s.cfg.Store.Board(info.ID)
	if err != nil {
		return err
	}
	out, err := msg.Report(b, *what, *topic, s.cfg.Now())
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}
