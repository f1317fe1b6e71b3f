package main

// The team and member commands: who is in which team, with which key.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
	gossh "golang.org/x/crypto/ssh"
)

func newTeam(o *options) *cobra.Command {
	team := &cobra.Command{Use: "team", Short: "teams: add, list"}
	var boardName string
	var members []string
	add := &cobra.Command{
		Use:   "add NAME",
		Short: "add a team with its first board / voeg een team toe",
		Args:  cobra.ExactArgs(1),
		RunE: createStore(o, func(cmd *cobra.Command, s *store.Store, _ *i18n.Messages, args []string) error {
			t, err := s.CreateTeam(o.user(), args[0], members...)
			if err != nil {
				return err
			}
			name := boardName
			if name == "" {
				name = t.Name
			}
			b, err := s.CreateBoard(o.user(), t.ID, name)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s · %s\n", t.Name, b.Name)
			return nil
		}),
	}
	add.Flags().StringVar(&boardName, "board", "", "name of the first board (default: the team's name)")
	add.Flags().StringSliceVar(&members, "member", nil, "member names (repeat or separate by commas)")
	list := listTeams(o, "list teams, boards and members", nil, func(w io.Writer, s *store.Store, t board.Team) {
		infos, _ := s.Boards(t.ID)
		var boards []string
		for _, in := range infos {
			boards = append(boards, in.Name)
		}
		fmt.Fprintf(w, "%s\n  %s: %s\n  %s: %s\n", t.Name, "boards", strings.Join(boards, ", "), "members", strings.Join(t.MemberNames(), ", "))
	})
	team.AddCommand(add, list)
	return team
}

// teamNamed is the team called name (case and kind of dash do not count),
// or an error that says there is no such team and lists the ones there are.
func teamNamed(s *store.Store, lang i18n.Lang, name string) (board.Team, error) {
	t, err := s.TeamByName(name)
	if !errors.Is(err, store.ErrNotFound) {
		return t, err
	}
	teams, err := s.Teams()
	if err != nil {
		return t, err
	}
	if len(teams) == 0 {
		return t, txtNoTeams.Errorf(lang, board.CleanLine(name, 60))
	}
	names := make([]string, len(teams))
	for i, t := range teams {
		names[i] = t.Name
	}
	return t, txtNoTeam.Errorf(lang, board.CleanLine(name, 60), strings.Join(names, ", "))
}

// onTeam is a command on one NAME in the team its required --team names;
// a --team that names no team is refused with the teams there are.
func onTeam(o *options, use, short string, run func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, t board.Team, name string) error) *cobra.Command {
	var teamName string
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: withStore(o, func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, args []string) error {
			t, err := teamNamed(s, msg.Lang, teamName)
			if err != nil {
				return err
			}
			return run(cmd, s, msg, t, args[0])
		}),
	}
	cmd.Flags().StringVar(&teamName, "team", "", "team name (case and kind of dash do not matter)")
	_ = cmd.MarkFlagRequired("team")
	return cmd
}

// listTeams is a "list" command that writes every team with each, after
// check (if any) said yes.
func listTeams(o *options, short string, check func(*store.Store, *i18n.Messages) error, each func(w io.Writer, s *store.Store, t board.Team)) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: short,
		Args:  cobra.NoArgs,
		RunE: readStore(o, func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, _ []string) error {
			if check != nil {
				if err := check(s, msg); err != nil {
					return err
				}
			}
			teams, err := s.Teams()
			if err != nil {
				return err
			}
			for _, t := range teams {
				each(cmd.OutOrStdout(), s, t)
			}
			return nil
		}),
	}
}

func newMember(o *options) *cobra.Command {
	member := &cobra.Command{Use: "member", Short: "members: add, list, remove"}
	var keyText string
	add := onTeam(o, "add NAME --team TEAM [--key 'ssh-ed25519 AAAA…']", "add a member, optionally with their SSH public key",
		func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, t board.Team, name string) error {
			fp := ""
			if keyText != "" {
				key, err := parseKey(keyText)
				if err != nil {
					return txtBadKey.Errorf(msg.Lang, board.CleanLine(keyText, 60))
				}
				fp = sshserver.Fingerprint(key)
			}
			if _, err := s.AddMemberKey(o.user(), t.ID, name, fp); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s → %s %s\n", board.CleanName(name), t.Name, fp)
			return nil
		})
	add.Flags().StringVar(&keyText, "key", "", "SSH public key, as in authorized_keys, or the .pub file that holds it")
	var listTeam string
	// A --team that names no team says so, rather than listing nothing.
	knownTeam := func(s *store.Store, msg *i18n.Messages) error {
		if listTeam == "" {
			return nil
		}
		_, err := teamNamed(s, msg.Lang, listTeam)
		return err
	}
	list := listTeams(o, "list members and their key fingerprints", knownTeam, func(w io.Writer, _ *store.Store, t board.Team) {
		if listTeam != "" && !board.SameName(t.Name, listTeam) {
			return
		}
		fmt.Fprintln(w, t.Name)
		for _, m := range t.Members {
			fmt.Fprintf(w, "  %s %s\n", m.Name, strings.Join(m.Keys, " "))
		}
	})
	list.Flags().StringVar(&listTeam, "team", "", "only this team (case and kind of dash do not matter)")
	remove := onTeam(o, "remove NAME --team TEAM", "remove a member (and their keys) from a team",
		func(_ *cobra.Command, s *store.Store, _ *i18n.Messages, t board.Team, name string) error {
			_, err := s.RemoveMember(o.user(), t.ID, name)
			return err
		})
	member.AddCommand(add, list, remove)
	return member
}

// parseKey reads an SSH public key given as the line of an authorized_keys
// or .pub file, or as the name of such a file: people give the file.
func parseKey(text string) (gossh.PublicKey, error) {
	key, _, _, _, err := gossh.ParseAuthorizedKey([]byte(text))
	if err == nil {
		return key, nil
	}
	if b, ferr := os.ReadFile(text); ferr == nil && len(b) < 64<<10 {
		key, _, _, _, err = gossh.ParseAuthorizedKey(b)
	}
	return key, err
}
