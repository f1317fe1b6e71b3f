package board

import (
	"errors"
	"strings"
)

// Handing a retrospective or an arena over: the SWV starts one at a school
// and hands the role to someone of the school, so the school runs the next
// one itself. Like the bordsessie's HandOver, the record keeps everyone who
// led it, in order, so the report shows who led.

// The ops that hand the role over; Text (RetroOp) or Text (ArenaOp) names
// the member who takes it.
const (
	OpHandRetro RetroOpKind = "hand_over"
	OpHandLead  ArenaOpKind = "hand_lead"
)

// Led lists who facilitated the retrospective, in order: the one who
// started it, then everyone it was handed to.
func (r *Retro) Led() []string { return ledBy(r.Facilitators, r.Facilitator) }

// Led lists who led the arena (gespreksleider), in order.
func (a *Arena) Led() []string { return ledBy(a.Leaders, a.Leader) }

// ledBy is the history, or the current holder for a record made before
// hand-overs were kept.
func ledBy(history []string, now string) []string {
	if len(history) == 0 && now != "" {
		return []string{now}
	}
	return history
}

// HandOver makes to the facilitator. Only the facilitator gives the role
// away (a facilitator who left the team is replaced by OpTakeOver), and
// only to a member of the team: a guest never leads. A closed
// retrospective has nobody left to lead.
func (r *Retro) HandOver(by, to string, t Team) error {
	if !r.Running() {
		return ErrPhase
	}
	name, err := handTo(by, r.Facilitator, r.Facilitator, to, t)
	if err != nil || name == "" {
		return err
	}
	r.Facilitators = append(r.Led(), name)
	r.Facilitator = name
	return nil
}

// HandOver makes to the arena's gespreksleider. The leader gives the role
// away; when the leader has left the team anyone in it may, so the arena
// is never stuck with nobody. Once reported back, the arena is done.
func (a *Arena) HandOver(by, to string, t Team) error {
	if !a.Open() {
		return ErrReported
	}
	holder := a.Leader
	if !t.HasMember(holder) {
		holder = t.Member(by)
	}
	name, err := handTo(by, holder, a.Leader, to, t)
	if err != nil || name == "" {
		return err
	}
	a.Leaders = append(a.Led(), name)
	a.Leader = name
	return nil
}

// handTo checks a hand-over by by, who must be holder (the one who may
// give the role away), to to, and returns to's name as the team spells it;
// "" when to is current already (nothing to record: no "Anna → Anna").
func handTo(by, holder, current, to string, t Team) (string, error) {
	who := t.Member(by)
	if who == "" || !strings.EqualFold(who, holder) {
		return "", ErrNotLeader
	}
	name := t.Member(strings.TrimSpace(to))
	if name == "" {
		return "", &ValidationError{Field: "who", Problem: ProblemUnknownOwner, Value: CleanLine(to, MaxLine)}
	}
	if strings.EqualFold(name, current) {
		return "", nil
	}
	return name, nil
}

// cleanNames cleans a list of names in place.
func cleanNames(names []string) {
	for i := range names {
		names[i] = CleanName(names[i])
	}
}

// ErrGuestOnly: a guest asked for something outside what guests do (write
// cards, vote, take notes in their one retrospective or arena).
var ErrGuestOnly = errors.New("board: guests only write cards, vote or take notes")

// ErrGuestClosed: the retrospective closed or the arena was reported
// back, so nobody can join it as a guest any more.
var ErrGuestClosed = errors.New("board: closed for guests")
