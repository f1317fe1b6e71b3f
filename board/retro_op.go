package board

import (
	"strings"
	"time"
)

// RetroOp is one change to a retrospective, as a screen asks for it. The
// store applies it in one transaction; Review and MakeAction also change the
// board's actions there.
type RetroOp struct {
	Kind   RetroOpKind
	Phase  Phase
	Column int
	Text   string
	Card   uint64
	Into   uint64
	Action *Action // MakeAction: the new action; Review: the action reviewed
	Status Status  // Review: the decision
	// Seen is the version of the card (EditCard) or of the target group's
	// first card (Group with a new title) the user saw; 0 skips the check
	// (callers that predate versions).
	Seen uint64
	// Card, for MakeAction: the card (group) the action is made from; a
	// card that became an action already refuses a second one with an
	// *AlreadyActionError. 0: an action not tied to a card.
	// From (Phase ops): the phase the facilitator's screen stood at, or had
	// asked for already, when they pressed the key; see movePhase.
	From Phase
}

// RetroOpKind names a kind of RetroOp.
type RetroOpKind string

// The kinds of RetroOp.
const (
	OpPhase      RetroOpKind = "phase"
	OpAddCard    RetroOpKind = "add"
	OpEditCard   RetroOpKind = "edit"
	OpDeleteCard RetroOpKind = "delete"
	OpGroup      RetroOpKind = "group"
	OpUngroup    RetroOpKind = "ungroup"
	OpVote       RetroOpKind = "vote"
	OpUnvote     RetroOpKind = "unvote"
	OpReview     RetroOpKind = "review"
	OpMakeAction RetroOpKind = "action"
	OpTimer      RetroOpKind = "timer" // Column holds the minutes; 0 stops it
	// OpTakeOver: a member becomes the facilitator when the facilitator
	// has left the team (see ApplyIn).
	OpTakeOver RetroOpKind = "take_over"
)

// ApplyIn is Apply for a retrospective of team t, which also knows who is
// still in the team: a facilitator who left would otherwise leave the
// retrospective stuck in its phase for good, so then any member may take
// the role over. While the facilitator is in the team, only they lead.
func (r *Retro) ApplyIn(by string, op RetroOp, t Team, now time.Time) error {
	if op.Kind == OpHandRetro {
		return r.HandOver(by, op.Text, t)
	}
	if op.Kind != OpTakeOver {
		return r.Apply(by, op, now)
	}
	if !r.Running() {
		return ErrPhase
	}
	who := t.Member(by)
	switch {
	case who == "":
		return &ValidationError{Field: "who", Problem: ProblemUnknownOwner, Value: by}
	case strings.EqualFold(who, r.Facilitator):
		return nil
	case t.HasMember(r.Facilitator):
		return ErrNotFacilitator
	}
	r.Facilitators = append(r.Led(), who)
	r.Facilitator = who
	return nil
}

// Apply applies the rules of op by person by at now. Review and MakeAction
// only check the phase here; the store does the rest.
func (r *Retro) Apply(by string, op RetroOp, now time.Time) error {
	if !r.Running() {
		return ErrPhase
	}
	switch op.Kind {
	case OpPhase:
		return r.movePhase(by, op.From, op.Phase, now)
	case OpAddCard:
		_, err := r.AddCard(by, op.Column, op.Text, now)
		return err
	case OpEditCard:
		return r.editCard(by, op.Card, op.Text, op.Seen, now)
	case OpDeleteCard:
		return r.DeleteCard(by, op.Card)
	case OpGroup:
		return r.group(by, op.Card, op.Into, op.Text, op.Seen, now)
	case OpUngroup:
		return r.Ungroup(op.Card)
	case OpVote:
		return r.Vote(by, op.Card, 1)
	case OpUnvote:
		return r.Vote(by, op.Card, -1)
	case OpReview:
		if r.Phase != PhaseReview || op.Action == nil {
			return ErrPhase
		}
		if r.Review == nil {
			r.Review = map[uint64]Status{}
		}
		r.Review[op.Action.ID] = op.Status
		return nil
	case OpMakeAction:
		if r.Phase != PhaseActions && r.Phase != PhaseDiscuss {
			return ErrPhase
		}
		if op.Action == nil {
			return invalid("action", ProblemEmpty)
		}
		if op.Card != 0 {
			c := r.card(op.Card)
			if c == nil {
				return ErrNotFound
			}
			if c.Parent != 0 {
				c = r.card(c.Parent)
			}
			if c.Action != 0 {
				return &AlreadyActionError{ID: c.Action}
			}
		}
		return nil
	case OpTimer:
		if !strings.EqualFold(by, r.Facilitator) {
			return ErrNotFacilitator
		}
		if op.Column < 0 || op.Column > 120 {
			return invalid("minutes", ProblemBadValue)
		}
		r.PhaseMinutes, r.PhaseAt = op.Column, now
		return nil
	}
	return invalid("op", ProblemBadValue)
}
