package board

import "time"

// A recurring leerlingarena (e.g. once a term): reporting one back makes
// the next one, RepeatWeeks later, carrying the ideas that did not become
// an action, so what pupils asked for is not lost between two arenas.

// OpRepeat sets how many weeks after this arena the next one is held
// (ArenaOp.Delta; 0: not recurring).
const OpRepeat ArenaOpKind = "repeat"

// MaxRepeatWeeks is the longest gap between two arenas: a school year.
const MaxRepeatWeeks = 52

// setRepeat applies OpRepeat.
func (a *Arena) setRepeat(weeks int) error {
	if weeks < 0 || weeks > MaxRepeatWeeks {
		return invalid("weeks", ProblemBadValue)
	}
	a.RepeatWeeks = weeks
	return nil
}

// NextArena is the arena that follows a, RepeatWeeks after it, with the
// same topic, group, circle and roles, and a's open ideas (those that
// became no action) to start from; nil when a does not recur or already
// has its next. The caller gives it its id and sets a.Next.
func (a *Arena) NextArena(now time.Time) *Arena {
	if a.RepeatWeeks <= 0 || a.Next != 0 {
		return nil
	}
	n := &Arena{Topic: a.Topic, Date: Day(a.Date).AddDate(0, 0, 7*a.RepeatWeeks), Group: a.Group, Pupils: a.Pupils,
		Leader: a.Leader, NoteTakers: append([]string(nil), a.NoteTakers...), Minutes: a.Minutes,
		RepeatWeeks: a.RepeatWeeks, Prev: a.ID, Created: now, NextID: 1}
	for _, i := range a.Ideas {
		if i.Action == 0 {
			n.Ideas = append(n.Ideas, Idea{ID: n.next(), Text: i.Text, Feasibility: i.Feasibility, Impact: i.Impact,
				Version: 1, EditedBy: i.EditedBy, EditedAt: now})
		}
	}
	return n
}

// Overdue reports whether the arena's day has passed while it never
// started (no note taken) and is not reported back: a planned arena that
// slipped, flagged on the board.
func (a *Arena) Overdue(now time.Time) bool {
	return a.Open() && a.Started.IsZero() && Day(a.Date).Before(Day(now))
}
