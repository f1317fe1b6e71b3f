package store_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// TestModelRetro: a retrospective through every phase and back, three
// people writing, grouping, renaming, voting and promoting from the board
// as they last saw it.
func TestModelRetro(t *testing.T) {
	runModel(t, 150, func(m *model, steps int) {
		s, bid := m.f.s, m.f.board.ID
		r, err := s.CreateRetro("Anna", bid, "Rekenen", "", nil, time.Time{}, time.Time{}, false, 0)
		if err != nil {
			t.Fatal(err)
		}
		names := []string{"Anna", "Bram", "Chris"}
		views := map[string]board.Retro{}
		for _, n := range names {
			views[n] = r
		}
		for m.step = 0; m.step < steps; m.step++ {
			who, _ := pick(m, names)
			view := views[who]
			cur := m.retro(r.ID)
			change := func(op board.RetroOp) error {
				_, err := s.ChangeRetro(who, bid, r.ID, op)
				m.did("%s %s card=%d into=%d phase=%s text=%q seen=%d: %v", who, op.Kind, op.Card, op.Into, op.Phase, op.Text, op.Seen, err)
				var already *board.AlreadyActionError
				var conflict *board.ConflictError
				switch {
				case err == nil, errors.Is(err, board.ErrPhase), errors.Is(err, board.ErrNotYours), errors.Is(err, board.ErrNotFound),
					errors.Is(err, board.ErrNoVotesLeft), errors.Is(err, board.ErrNotFacilitator),
					errors.As(err, &already), errors.As(err, &conflict),
					isValidation(err) && !m.snap().Team.HasMember(who) || isValidation(err) && op.Kind == board.OpMakeAction:
				default:
					m.fail("%s: unexpected %v", op.Kind, err)
				}
				return err
			}
			card, _ := pick(m, view.Cards)
			m.oneOf(
				weighted{12, func() { views[who] = *m.retro(r.ID); m.did("%s looks", who) }},
				weighted{8, func() {
					p, _ := pick(m, board.Phases[:len(board.Phases)-1])
					if m.step > steps*9/10 && m.rng.IntN(4) == 0 {
						p = board.PhaseClosed
					}
					change(board.RetroOp{Kind: board.OpPhase, Phase: p, From: view.Phase})
					if cur.Running() && !m.snap().Team.HasMember(cur.Facilitator) && m.rng.IntN(2) == 0 {
						change(board.RetroOp{Kind: board.OpTakeOver})
					}
				}},
				weighted{14, func() {
					change(board.RetroOp{Kind: board.OpAddCard, Column: m.rng.IntN(view.ColumnCount()), Text: fmt.Sprintf("kaart %d van %s", m.step, who)})
				}},
				weighted{6, func() {
					change(board.RetroOp{Kind: board.OpEditCard, Card: card.ID, Text: fmt.Sprintf("anders %d", m.step), Seen: card.Version})
				}},
				weighted{6, func() { change(board.RetroOp{Kind: board.OpDeleteCard, Card: card.ID}) }},
				weighted{12, func() {
					into, ok := pick(m, view.Roots())
					if !ok {
						return
					}
					title := ""
					if m.rng.IntN(2) == 0 {
						title = fmt.Sprintf("groep %d", m.step)
					}
					stored, had := cur.Card(into.ID)
					err := change(board.RetroOp{Kind: board.OpGroup, Card: card.ID, Into: into.ID, Text: title, Seen: into.Version})
					if err == nil && had && stored.Parent == 0 && title != "" && title != stored.Title && stored.Version != into.Version {
						m.fail("a rename from version %d went over version %d by %s", into.Version, stored.Version, stored.ChangedBy)
					}
				}},
				weighted{4, func() { change(board.RetroOp{Kind: board.OpUngroup, Card: card.ID}) }},
				weighted{12, func() {
					left := cur.VotesLeft(who)
					if change(board.RetroOp{Kind: board.OpVote, Card: card.ID}) == nil && m.retro(r.ID).VotesLeft(who) != left-1 {
						m.fail("a vote did not count")
					}
				}},
				weighted{4, func() { change(board.RetroOp{Kind: board.OpUnvote, Card: card.ID}) }},
				weighted{3, func() {
					gone, _ := pick(m, names)
					if m.snap().Team.HasMember(gone) {
						_, err := s.RemoveMember("Bram", m.f.team.ID, gone)
						m.allowed("remove "+gone, err)
						m.did("%s leaves the team", gone)
					} else {
						_, err := s.AddMember("Bram", m.f.team.ID, gone)
						m.allowed("add "+gone, err)
						m.did("%s joins again", gone)
					}
				}},
				weighted{2, func() { change(board.RetroOp{Kind: board.OpTakeOver}) }},
				weighted{8, func() {
					owner, _ := pick(m, names)
					change(board.RetroOp{Kind: board.OpMakeAction, Card: card.ID, Action: m.f.action("actie "+fmt.Sprint(m.step), owner, 7)})
				}},
			)
			m.retroInvariants(r.ID, names)
		}
	})
}

func (m *model) retro(id uint64) *board.Retro {
	m.t.Helper()
	r, ok := m.snap().Retro(id)
	if !ok {
		m.fail("retro %d gone", id)
	}
	return r
}

// retroInvariants: every card is reachable (a first card, or under one),
// seen by its author and by all after reveal; every vote is on a card
// there, by a member, within the budget; no reference to a missing card or
// action; no action made twice or left behind.
func (m *model) retroInvariants(id uint64, members []string) {
	m.t.Helper()
	b := m.snap()
	r, _ := b.Retro(id)
	ids := map[uint64]bool{}
	for _, c := range r.Cards {
		if ids[c.ID] || c.ID >= r.NextID {
			m.fail("card id %d twice or not below next %d", c.ID, r.NextID)
		}
		ids[c.ID] = true
	}
	roots := 0
	for _, c := range r.Cards {
		if c.Parent != 0 {
			p, ok := r.Card(c.Parent)
			if !ok || p.Parent != 0 {
				m.fail("card %d is under %d, which is not a first card (%+v)", c.ID, c.Parent, p)
			}
		} else {
			roots++
		}
		if !r.CardsVisible(c, c.Author) {
			m.fail("card %d hidden from its author", c.ID)
		}
		for _, who := range members {
			if r.PhaseIndex() >= slices.Index(board.Phases, board.PhaseReveal) && !r.CardsVisible(c, who) {
				m.fail("card %d hidden from %s after reveal", c.ID, who)
			}
		}
	}
	if n := len(r.Discussion()); n != roots {
		m.fail("discussion lists %d groups, there are %d", n, roots)
	}
	for _, o := range r.Order {
		if !ids[o] {
			m.fail("discussion order names missing card %d", o)
		}
	}
	used := map[string]int{}
	for _, v := range r.Ballots {
		c, ok := r.Card(v.Card)
		if !ok || c.Parent != 0 {
			m.fail("a vote of %s is on card %d, which is not a first card", v.Voter, v.Card)
		}
		if r.Running() && !b.Team.HasMember(v.Voter) { // a closed one is history
			m.fail("a vote by non-member %q", v.Voter)
		}
		used[strings.ToLower(v.Voter)]++
	}
	for who, n := range used {
		if n > r.Votes {
			m.fail("%s used %d votes of %d", who, n, r.Votes)
		}
	}
	made := map[uint64]bool{}
	for _, a := range r.Actions {
		if b.Find(board.AreaAction, a) == nil {
			m.fail("retro action %d is not on the board", a)
		}
		made[a] = true
	}
	fromCard := map[uint64]uint64{}
	for _, c := range r.Cards {
		if c.Action == 0 {
			continue
		}
		if !made[c.Action] {
			m.fail("card %d points to action %d the retro did not make", c.ID, c.Action)
		}
		if other, ok := fromCard[c.Action]; ok {
			m.fail("cards %d and %d both became action %d", other, c.ID, c.Action)
		}
		fromCard[c.Action] = c.ID
	}
	n := 0
	for _, a := range b.Actions {
		if a.Origin == board.OriginRetro {
			n++
		}
	}
	if n != len(r.Actions) {
		m.fail("%d retro actions on the board, the retro made %d", n, len(r.Actions))
	}
}
