// Package commands holds the commands bord runs both on the command line and
// over SSH without a terminal (`ssh host export`): export (also the plan's
// account and the measurements as CSV), invite, whoami and, over SSH, help.
// Each one is handed a store view, an identity and its cobra command's
// writers, so the same code answers locally and remotely. It also reads a
// measurements CSV (from a reader) for `bord import measurements`.
//
// It is not package main so that sshserver can use it; it depends only on
// board, store and the message catalog, never on sshserver. It must never
// reach past its View (over SSH: the member's own teams), write a file, or
// show a key that is no member anything of a board.
package commands

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// Identity is who runs a command.
type Identity struct {
	// Name is the member's name (the login name on the command line).
	Name string
	// Known: the key is a member's. A stranger may only ask whoami and
	// help.
	Known bool
	// Fingerprint is the SSH key's; empty on the command line.
	Fingerprint string
}

// Env is what a command runs with.
type Env struct {
	View View
	Who  Identity
	Msg  *i18n.Messages
	Now  func() time.Time
}

// Runner runs f with the command's Env: on the command line it opens the
// database first (and words its errors), over SSH the Env is there.
type Runner func(cmd *cobra.Command, f func(*Env) error) error

// NotMemberError refuses a command to a key that is no member.
type NotMemberError struct{ Text string }

func (e NotMemberError) Error() string { return e.Text }

// noArgs runs f only when no words follow the command: `ssh host export
// $(id)` used to export, silently ignoring what followed.
func noArgs(run Runner, f func(c *cobra.Command, env *Env) error) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, args []string) error {
		return run(c, func(env *Env) error {
			if len(args) > 0 {
				return extraWords(env.Msg.Lang, c.Name(), args[0])
			}
			return f(c, env)
		})
	}
}

// member refuses f to a stranger.
func member(f func(c *cobra.Command, env *Env) error) func(c *cobra.Command, env *Env) error {
	return func(c *cobra.Command, env *Env) error {
		if !env.Who.Known {
			return NotMemberError{env.Msg.NotMember}
		}
		return f(c, env)
	}
}

// Export is `export`: a board of the teams in reach, as markdown.
func Export(run Runner) *cobra.Command {
	var boardName, what, topic, format, duo string
	var year int
	cmd := &cobra.Command{
		Use:   "export",
		Short: "write actions or a whole board as markdown / exporteer",
		RunE: noArgs(run, member(func(c *cobra.Command, env *Env) error {
			if err := checkFormat(env, format, what); err != nil {
				return err
			}
			if what == "duo" {
				return exportDuo(c.OutOrStdout(), env, duo)
			}
			return export(c.OutOrStdout(), env, boardName, what, topic, year)
		})),
	}
	f := cmd.Flags()
	f.StringVar(&boardName, "board", "", "board name / naam van het bord (default: the only board)")
	f.StringVar(&what, "what", "actions", "actions, board, session (the last bordsessie), retro, arena, plan (the year's account), measurements (CSV) or duo")
	f.StringVar(&duo, "duo", "", "with --what duo: its name (the start is enough); default every duo in reach")
	f.StringVar(&topic, "topic", "", "with --what retro or arena: its topic (the start is enough); default the latest")
	f.IntVar(&year, "year", 0, "with --what plan: the plan year (default: this year)")
	f.StringVar(&format, "format", "md", "md, or csv (with --what measurements)")
	return cmd
}

func export(w io.Writer, env *Env, name, what, topic string, year int) error {
	infos, err := env.View.Boards()
	if err != nil {
		return err
	}
	if len(infos) == 0 {
		return nothingYet(env.Msg.Lang, env.Who.Fingerprint == "")
	}
	info, names, ok := board.PickBoard(infos, name)
	switch {
	case !ok && name == "" && len(infos) > 1:
		return fmt.Errorf(env.Msg.ErrChooseBoardF, strings.Join(names, ", "))
	case !ok:
		return fmt.Errorf(env.Msg.ErrNoBoardF, board.CleanLine(name, 60))
	}
	b, err := env.View.Board(info.ID)
	if err != nil {
		return err
	}
	switch what {
	case "plan":
		_, err := io.WriteString(w, env.Msg.PlanReport(b, year, env.Now()))
		return err
	case "measurements", "metingen":
		return WriteMeasurementsCSV(w, b, env.Msg)
	}
	out, err := env.Msg.Report(b, what, topic, env.Now())
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

// MaxInviteTTL is the longest an invite code may stay valid.
const MaxInviteTTL = 30 * 24 * time.Hour

// Invite is `invite`: a one-time code that lets a new SSH key join one of
// the teams in reach, so a team can let a colleague in while bord serves.
func Invite(run Runner) *cobra.Command {
	var team, duo, partner string
	var ttl time.Duration
	cmd := &cobra.Command{
		Use:   "invite [--team TEAM] [--ttl 72h]",
		Short: "print a one-time code that lets a new SSH key join a team",
		RunE: noArgs(run, member(func(c *cobra.Command, env *Env) error {
			if duo != "" {
				return inviteDuo(c.OutOrStdout(), env, duo, partner, ttl)
			}
			return invite(c.OutOrStdout(), env, team, ttl)
		})),
	}
	cmd.Flags().StringVar(&team, "team", "", "team name, case and kind of dash do not matter (default: the only team)")
	cmd.Flags().StringVar(&duo, "duo", "", "a code into this duo only, for --partner (the duo's coordinator)")
	cmd.Flags().StringVar(&partner, "partner", "", "with --duo: the partner who joins")
	cmd.Flags().DurationVar(&ttl, "ttl", 72*time.Hour, "how long the code is valid (at most 720h)")
	return cmd
}

func invite(w io.Writer, env *Env, name string, ttl time.Duration) error {
	if ttl <= 0 || ttl > MaxInviteTTL {
		return badTTL(env.Msg.Lang, ttl)
	}
	teams, err := env.View.Teams()
	if err != nil {
		return err
	}
	i := slices.IndexFunc(teams, func(t board.Team) bool { return board.SameName(t.Name, name) })
	if name == "" && len(teams) == 1 {
		i = 0
	}
	if i < 0 {
		names := make([]string, len(teams))
		for j, t := range teams {
			names[j] = t.Name
		}
		return fmt.Errorf(env.Msg.ErrChooseTeamF, strings.Join(names, ", "))
	}
	code, exp, err := env.View.CreateInvite(env.Who.Name, teams[i].ID, ttl)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n"+validUntilF(env.Msg.Lang)+"\n", code, teams[i].Name, exp.Format("2006-01-02 15:04"))
	return err
}

// Whoami is `whoami`: the member's name and teams. A stranger gets the
// key's fingerprint, to pass on to whoever can add it, and a non-zero exit.
func Whoami(run Runner) *cobra.Command {
	return &cobra.Command{
		Use:   "whoami",
		Short: "who am I, in which teams / wie ben ik",
		RunE: noArgs(run, func(c *cobra.Command, env *Env) error {
			if !env.Who.Known {
				return NotMemberError{env.Msg.Fingerprint + ": " + env.Who.Fingerprint + "\n" + env.Msg.NotMember}
			}
			teams, err := env.View.Teams()
			if err != nil {
				return err
			}
			names := make([]string, len(teams))
			for i, t := range teams {
				names[i] = t.Name
			}
			_, err = fmt.Fprintf(c.OutOrStdout(), env.Msg.WhoamiF+"\n", env.Who.Name, strings.Join(names, ", "))
			return err
		}),
	}
}
