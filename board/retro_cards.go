package board

import (
	"slices"
	"strings"
	"time"
)

// AddCard adds a card by author. Cards may be written before the meeting
// (review phase) and during writing; after reveal only during grouping, so
// a late thought still gets in before the votes.
func (r *Retro) AddCard(author string, column int, text string, now time.Time) (Card, error) {
	switch r.Phase {
	case PhaseReview, PhaseWrite, PhaseReveal, PhaseGroup:
	default:
		return Card{}, ErrPhase
	}
	text = CleanText(text, MaxText)
	if text == "" {
		return Card{}, invalid("text", ProblemEmpty)
	}
	if column < 0 || column >= r.ColumnCount() {
		return Card{}, invalid("column", ProblemBadValue)
	}
	c := Card{ID: r.NextID, Column: column, Text: text, Author: author, Created: now, Version: 1, ChangedBy: author, ChangedAt: now}
	r.NextID++
	r.Cards = append(r.Cards, c)
	return c, nil
}

// EditCard changes the text of one's own card while cards can be added.
func (r *Retro) EditCard(by string, id uint64, text string) error {
	return r.editCard(by, id, text, 0, time.Time{})
}

// editCard is EditCard for an edit made on a screen that showed the card
// at version seen (0: not known, no check): the same author in two
// sessions must not overwrite one edit with the other unseen.
func (r *Retro) editCard(by string, id uint64, text string, seen uint64, now time.Time) error {
	c, err := r.ownCard(by, id)
	if err != nil {
		return err
	}
	if seen != 0 && seen != c.Version {
		return &ConflictError{By: c.ChangedBy, At: c.ChangedAt}
	}
	if text = CleanText(text, MaxText); text == "" {
		return invalid("text", ProblemEmpty)
	}
	if text != c.Text {
		c.Text = text
		c.Version++
		c.ChangedBy, c.ChangedAt = by, now
	}
	return nil
}

// DeleteCard removes one's own card during writing.
func (r *Retro) DeleteCard(by string, id uint64) error {
	if _, err := r.ownCard(by, id); err != nil {
		return err
	}
	r.removeCard(id)
	return nil
}

// ownCard is card id when by wrote it and cards can still be changed.
func (r *Retro) ownCard(by string, id uint64) (*Card, error) {
	c := r.card(id)
	if c == nil {
		return nil, ErrNotFound
	}
	if !strings.EqualFold(c.Author, by) {
		return nil, ErrNotYours
	}
	if r.Phase != PhaseReview && r.Phase != PhaseWrite {
		return nil, ErrPhase
	}
	return c, nil
}

// removeCard takes card id out. When it is the first card of a group, the
// next card of the group becomes the first: it takes the title, the others
// move under it, and so do the votes, the discussion place and the action
// made from the group — otherwise every card and vote under the deleted one
// would point nowhere and vanish from every phase and export. A card
// without a group takes its votes with it: they return to the voters.
func (r *Retro) removeCard(id uint64) {
	c := r.card(id)
	if c == nil {
		return
	}
	gone := *c
	r.Cards = slices.DeleteFunc(r.Cards, func(c Card) bool { return c.ID == id })
	heir := uint64(0)
	if gone.Parent == 0 {
		for i := range r.Cards {
			if r.Cards[i].Parent != id {
				continue
			}
			if heir == 0 {
				heir = r.Cards[i].ID
				r.Cards[i].Parent, r.Cards[i].Title = 0, gone.Title
				if r.Cards[i].Action == 0 {
					r.Cards[i].Action = gone.Action
				}
				continue
			}
			r.Cards[i].Parent = heir
		}
	}
	if heir == 0 {
		r.Ballots = slices.DeleteFunc(r.Ballots, func(b Ballot) bool { return b.Card == id })
		r.Order = slices.DeleteFunc(r.Order, func(o uint64) bool { return o == id })
		return
	}
	for i := range r.Ballots {
		if r.Ballots[i].Card == id {
			r.Ballots[i].Card = heir
		}
	}
	if slices.Contains(r.Order, heir) {
		// The heir had its own place (it led a group when discussion
		// began): keep that one.
		r.Order = slices.DeleteFunc(r.Order, func(o uint64) bool { return o == id })
		return
	}
	for i := range r.Order {
		if r.Order[i] == id {
			r.Order[i] = heir
		}
	}
}

// Group puts card id (and everything under it) under card into's group,
// naming the group title. Anyone may group, during grouping. Both cards are
// resolved to their group's first card: when they are in the same group
// already only the title changes (grouping a card under its own child would
// make it its own parent, and the whole group would vanish). Votes given to
// the moved cards (voting, then back to grouping) move to the group's first
// card, where Vote puts them, so no vote is lost and budgets stay right.
func (r *Retro) Group(id, into uint64, title string) error {
	return r.group("", id, into, title, 0, time.Time{})
}

// group is Group by person by, who saw the target group's first card at
// version seen. Moving cards commutes with everything, so it needs no
// check; renaming the group does: a title typed over one a colleague set
// meanwhile is refused with a ConflictError naming them (seen 0: no
// check). An empty title keeps the group's title, so a screen that only
// moves a card sends none and never reverts a colleague's rename.
func (r *Retro) group(by string, id, into uint64, title string, seen uint64, now time.Time) error {
	if r.Phase != PhaseGroup {
		return ErrPhase
	}
	target, c := r.card(into), r.card(id)
	if target == nil || c == nil || id == into {
		return ErrNotFound
	}
	root := r.rootOf(*target)
	title = CleanLine(title, MaxLine)
	if rc := r.card(root); title != "" && title != rc.Title && seen != 0 && seen != rc.Version {
		return &ConflictError{By: rc.ChangedBy, At: rc.ChangedAt}
	}
	if root != r.rootOf(*c) {
		moved := map[uint64]bool{}
		for i := range r.Cards {
			if r.Cards[i].ID == id || r.Cards[i].Parent == id {
				moved[r.Cards[i].ID] = true
				r.Cards[i].Parent = root
				r.Cards[i].Title = ""
			}
		}
		for i := range r.Ballots {
			if moved[r.Ballots[i].Card] {
				r.Ballots[i].Card = root
			}
		}
	}
	if rc := r.card(root); title != "" && title != rc.Title {
		rc.Title = title
		rc.Version++
		rc.ChangedBy, rc.ChangedAt = by, now
	}
	return nil
}

// SetCardAction records the board action a card (its group) became.
func (r *Retro) SetCardAction(card, action uint64) {
	if c := r.card(card); c != nil {
		if c.Parent != 0 {
			c = r.card(c.Parent)
		}
		c.Action = action
	}
}

// rootOf is the id of the first card of c's group (c itself when not
// grouped). Groups are one level deep.
func (r *Retro) rootOf(c Card) uint64 {
	if c.Parent != 0 {
		return c.Parent
	}
	return c.ID
}

// Ungroup takes a card out of its group.
func (r *Retro) Ungroup(id uint64) error {
	if r.Phase != PhaseGroup {
		return ErrPhase
	}
	c := r.card(id)
	if c == nil {
		return ErrNotFound
	}
	c.Parent = 0
	return nil
}

// Vote gives (delta +1) or takes back (delta -1) one of voter's votes on a
// card or group; votes go to the group's first card.
func (r *Retro) Vote(voter string, id uint64, delta int) error {
	if r.Phase != PhaseVote {
		return ErrPhase
	}
	c := r.card(id)
	if c == nil {
		return ErrNotFound
	}
	if c.Parent != 0 {
		id = c.Parent
	}
	if delta > 0 {
		if r.VotesLeft(voter) <= 0 {
			return ErrNoVotesLeft
		}
		r.Ballots = append(r.Ballots, Ballot{Voter: voter, Card: id})
		return nil
	}
	i := slices.IndexFunc(r.Ballots, func(b Ballot) bool { return b.Card == id && strings.EqualFold(b.Voter, voter) })
	if i >= 0 {
		r.Ballots = slices.Delete(r.Ballots, i, i+1)
	}
	return nil
}

// DropVoter returns the votes of someone who left the team, while the
// retrospective runs: every vote belongs to a member. It reports whether
// there were any.
func (r *Retro) DropVoter(name string) bool {
	if !r.Running() {
		return false // a closed retrospective is history
	}
	n := len(r.Ballots)
	r.Ballots = slices.DeleteFunc(r.Ballots, func(b Ballot) bool { return strings.EqualFold(b.Voter, name) })
	return len(r.Ballots) != n
}
