package board

import (
	"math"
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
	g.History = append(g.History, ch)
	return nil
}
