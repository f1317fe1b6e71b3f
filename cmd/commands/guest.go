package commands

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// guestFlags are invite's flags for a guest: the one retrospective or
// arena (by the start of its topic) and its board.
type guestFlags struct{ retro, arena, board string }

func (g *guestFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&g.retro, "retro", "", "a guest code for the open retrospective with this topic (the start is enough)")
	cmd.Flags().StringVar(&g.arena, "arena", "", "a guest code for the open pupil arena with this topic (the start is enough)")
	cmd.Flags().StringVar(&g.board, "board", "", "with --retro or --arena: the board (default: the only board)")
}

// guestInvite prints a code that lets one new key into one open
// retrospective or arena as a guest, and nothing else.
func guestInvite(w io.Writer, env *Env, g guestFlags, ttl time.Duration) error {
	en := env.Msg.Lang == i18n.EN
	if g.retro != "" && g.arena != "" {
		if en {
			return errors.New("a guest code is for one retrospective or one arena: give --retro or --arena, not both")
		}
		return errors.New("een gastcode is voor één retrospective of één leerlingarena: geef --retro of --arena, niet allebei")
	}
	if ttl <= 0 || ttl > MaxInviteTTL {
		return badTTL(env.Msg.Lang, ttl)
	}
	infos, err := env.View.Boards()
	if err != nil {
		return err
	}
	info, names, ok := board.PickBoard(infos, g.board)
	switch {
	case !ok && g.board == "" && len(infos) > 1:
		return fmt.Errorf(env.Msg.ErrChooseBoardF, strings.Join(names, ", "))
	case !ok:
		return fmt.Errorf(env.Msg.ErrNoBoardF, board.CleanLine(g.board, 60))
	}
	b, err := env.View.Board(info.ID)
	if err != nil {
		return err
	}
	scope, topic, ok := openRecord(b, g)
	if !ok {
		var open []string
		for _, r := range b.Retros {
			if r.Running() && g.retro != "" {
				open = append(open, r.Topic)
			}
		}
		for _, a := range b.Arenas {
			if a.Open() && g.arena != "" {
				open = append(open, a.Topic)
			}
		}
		asked := board.CleanLine(g.retro+g.arena, 60)
		if en {
			return fmt.Errorf("no open retrospective or arena on %s starts with %q; open ones: %s", b.Name, asked, orNone(open, "none"))
		}
		return fmt.Errorf("geen open retrospective of leerlingarena op %s begint met %q; open zijn: %s", b.Name, asked, orNone(open, "geen"))
	}
	code, exp, err := env.View.CreateGuestInvite(env.Who.Name, scope, ttl)
	if err != nil {
		return err
	}
	line := "(gast in %s, geldig tot %s; alleen kaartjes, stemmen of notities, tot het afgesloten is)"
	if en {
		line = "(guest in %s, valid until %s; cards, votes or notes only, until it closes)"
	}
	_, err = fmt.Fprintf(w, "%s\n"+line+"\n", code, topic, exp.Format("2006-01-02 15:04"))
	return err
}

// openRecord finds the newest open retrospective or arena whose topic
// starts with the one asked for.
func openRecord(b *board.Board, g guestFlags) (store.GuestScope, string, bool) {
	match := func(topic, asked string) bool {
		return strings.HasPrefix(strings.ToLower(topic), strings.ToLower(strings.TrimSpace(asked)))
	}
	for i := len(b.Retros) - 1; g.retro != "" && i >= 0; i-- {
		if r := b.Retros[i]; r.Running() && match(r.Topic, g.retro) {
			return store.GuestScope{BoardID: b.ID, Kind: store.GuestRetro, ID: r.ID}, r.Topic, true
		}
	}
	for i := len(b.Arenas) - 1; g.arena != "" && i >= 0; i-- {
		if a := b.Arenas[i]; a.Open() && match(a.Topic, g.arena) {
			return store.GuestScope{BoardID: b.ID, Kind: store.GuestArena, ID: a.ID}, a.Topic, true
		}
	}
	return store.GuestScope{}, "", false
}

func orNone(list []string, none string) string {
	if len(list) == 0 {
		return none
	}
	return strings.Join(list, ", ")
}

func (v teamsView) CreateGuestInvite(by string, scope store.GuestScope, ttl time.Duration) (string, time.Time, error) {
	if _, err := v.Board(scope.BoardID); err != nil {
		return "", time.Time{}, err
	}
	return v.s.CreateGuestInvite(by, scope, ttl)
}
