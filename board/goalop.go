package board

import (
	"math"
	"slices"
	"time"
)

// GoalOp closes, reopens or adjusts a goal: the changes that need a
// one-line reason and leave an entry in the goal's history. The store
// applies it in one transaction with the version check of an edit.
type GoalOp struct {
	Kind GoalOpKind
	// GoalID and Seen: the goal and the version the user saw.
	GoalID, Seen uint64
	// Status, for GoalSetStatus: the new status (not GoalAdjusted: an
	// adjustment is a GoalAdjust with its new target).
	Status GoalStatus
	// Target and TargetDate, for GoalAdjust: the new streefwaarde.
	Target     float64
	TargetDate time.Time
	// Reason is the one line the history keeps; it is required.
	Reason string
}

// GoalOpKind names a kind of GoalOp.
type GoalOpKind string

// The kinds of GoalOp.
const (
	GoalSetStatus GoalOpKind = "status"
	GoalAdjust    GoalOpKind = "adjust"
)

// Apply changes g as op says, by who at now, and appends the history entry.
// On error g is unchanged.
func (op GoalOp) Apply(g *Goal, by string, now time.Time) error {
	reason := CleanLine(op.Reason, MaxLine)
	if reason == "" {
		return invalid("reason", ProblemEmpty)
	}
	from := g.Status
	if from == "" {
		from = GoalActive
	}
	ch := GoalChange{Stamp: Stamp{At: now, By: by}, From: from, Reason: reason}
	switch op.Kind {
	case GoalSetStatus:
		if !op.Status.valid() || op.Status == GoalAdjusted {
			return invalid("status", ProblemBadValue)
		}
		if op.Status == from {
			return &ValidationError{Field: "status", Problem: ProblemBadValue, Value: string(op.Status)}
		}
		ch.To = op.Status
		g.Status = op.Status
	case GoalAdjust:
		in := g.Indicator
		if in == nil {
			return invalid("indicator", ProblemEmpty)
		}
		if math.IsNaN(op.Target) || math.IsInf(op.Target, 0) {
			return invalid("target", ProblemBadValue)
		}
		if op.TargetDate.IsZero() {
			return invalid("target_date", ProblemNoDate)
		}
		if op.Target == in.Target && Day(op.TargetDate).Equal(Day(in.TargetDate)) {
			return invalid("target", ProblemBadValue) // nothing adjusted
		}
		c := *in
		ch.To = GoalAdjusted
		ch.Target = &TargetChange{OldValue: in.Target, OldDate: in.TargetDate, NewValue: op.Target, NewDate: Day(op.TargetDate)}
		c.Target, c.TargetDate = op.Target, Day(op.TargetDate)
		g.Indicator = &c
		g.Status = GoalAdjusted
	default:
		return invalid("op", ProblemBadValue)
	}
	g.History = append(slices.Clip(g.History), ch) // never into a snapshot's array
	return nil
}

// NoteEdit keeps the history of a goal edited as a whole (the edit form,
// a forced save) rather than by a GoalOp: a changed status, or a changed
// streefwaarde of a goal that had one, gets its entry with the old value,
// without a reason. before and after are the stored and the edited item;
// other items are left alone, and so is an edit that brings its own entry.
func NoteEdit(before, after Item, by string, at time.Time) {
	b, ok := before.(*Goal)
	a, ok2 := after.(*Goal)
	if !ok || !ok2 || len(a.History) != len(b.History) {
		return
	}
	from := b.Status
	if from == "" {
		from = GoalActive
	}
	ch := GoalChange{Stamp: Stamp{At: at, By: by}, From: from, To: a.Status}
	bi, ai := b.Indicator, a.Indicator
	if bi != nil && ai != nil && !bi.TargetDate.IsZero() && (ai.Target != bi.Target || !Day(ai.TargetDate).Equal(Day(bi.TargetDate))) {
		ch.Target = &TargetChange{OldValue: bi.Target, OldDate: bi.TargetDate, NewValue: ai.Target, NewDate: ai.TargetDate}
	}
	if ch.Target != nil || ch.To != from {
		a.History = append(slices.Clip(a.History), ch) // never into a snapshot's array
	}
}
