package board

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Problem codes of a ValidationError. The message catalog has a sentence for
// each in every language.
const (
	ProblemEmpty        = "empty"
	ProblemUnknownOwner = "unknown_owner"
	ProblemPastDate     = "past_date"
	ProblemNoDate       = "no_date"
	ProblemBadValue     = "bad_value"
)

// ValidationError says which field of an item is wrong and why. Value holds
// the offending input where it helps the message (the unknown owner's name).
type ValidationError struct {
	Field   string // "what", "who", "when", "title", ...
	Problem string // one of the Problem constants
	Value   string
}

func (e *ValidationError) Error() string {
	if e.Value != "" {
		return fmt.Sprintf("board: %s: %s (%q)", e.Field, e.Problem, e.Value)
	}
	return fmt.Sprintf("board: %s: %s", e.Field, e.Problem)
}

// AsValidation unwraps err to a *ValidationError.
func AsValidation(err error) (*ValidationError, bool) {
	var v *ValidationError
	ok := errors.As(err, &v)
	return v, ok
}

func invalid(field, problem string) error {
	return &ValidationError{Field: field, Problem: problem}
}

// owner makes *who the name of the member as the team writes it, and
// refuses a name that is not in the team.
func owner(t Team, who *string) error {
	if !t.HasMember(*who) {
		return &ValidationError{Field: "who", Problem: ProblemUnknownOwner, Value: *who}
	}
	*who = t.Member(*who)
	return nil
}

// member is owner for a field that must name someone.
func member(t Team, who *string) error {
	if *who == "" {
		return invalid("who", ProblemEmpty)
	}
	return owner(t, who)
}

// optionalOwner is owner for a field that may stay empty.
func optionalOwner(t Team, who *string) error {
	if *who == "" {
		return nil
	}
	return owner(t, who)
}

// oneOf checks an enumerated field: an empty value becomes def (when def
// is not empty itself), and anything not in allowed is refused.
func oneOf[T comparable](field string, v *T, def T, allowed ...T) error {
	var zero T
	if *v == zero && def != zero {
		*v = def
	}
	if !slices.Contains(allowed, *v) {
		return invalid(field, ProblemBadValue)
	}
	return nil
}

// scheduled checks what a goal and a planning item share: a text that
// must be there, the date it is due by (as due), and an owner who may
// be left out.
func scheduled(t Team, field, text, dateField string, d, now time.Time, isNew bool, who *string) error {
	if text == "" {
		return invalid(field, ProblemEmpty)
	}
	if err := due(dateField, d, now, isNew); err != nil {
		return err
	}
	return optionalOwner(t, who)
}

// cleanLines cleans single-line fields alike, each to at most limit.
func cleanLines(limit int, fields ...*string) {
	for _, f := range fields {
		*f = CleanLine(*f, limit)
	}
}

// due checks a date something must be done by: it must be set, and a new
// item may not be due in the past.
func due(field string, d, now time.Time, isNew bool) error {
	if d.IsZero() {
		return invalid(field, ProblemNoDate)
	}
	if isNew && Day(d).Before(Day(now)) {
		return invalid(field, ProblemPastDate)
	}
	return nil
}

func (c *CheckIn) Clean() {
	c.Who = CleanLine(c.Who, MaxLine)
	c.Word = CleanLine(c.Word, 40)
}

func (c *CheckIn) Check(t Team, _ time.Time, _ bool) error {
	if err := member(t, &c.Who); err != nil {
		return err
	}
	if err := oneOf("mood", &c.Mood, "", MoodGood, MoodSoSo, MoodNotOK); err != nil {
		return err
	}
	if c.Week.Week < 1 || c.Week.Week > 53 {
		return invalid("week", ProblemBadValue)
	}
	return nil
}

func (s *Success) Clean() {
	s.Text = CleanText(s.Text, MaxText)
	s.Who = CleanLine(s.Who, MaxLine)
}

func (s *Success) Check(t Team, now time.Time, _ bool) error {
	if s.Text == "" {
		return invalid("text", ProblemEmpty)
	}
	if err := optionalOwner(t, &s.Who); err != nil {
		return err
	}
	if s.Date.IsZero() {
		s.Date = Day(now)
	}
	return nil
}

func (g *Goal) Clean() {
	g.Title = CleanLine(g.Title, MaxLine)
	g.Why = CleanText(g.Why, MaxText)
	g.Measure = CleanText(g.Measure, MaxText)
	g.Owner = CleanName(g.Owner)
	if g.Indicator != nil {
		g.Indicator.Unit = CleanLine(g.Indicator.Unit, 40)
		for i := range g.Indicator.Measurements {
			m := &g.Indicator.Measurements[i]
			m.Note, m.Who = CleanLine(m.Note, MaxLine), CleanName(m.Who)
		}
	}
	for i := range g.History {
		h := &g.History[i]
		h.Reason, h.By = CleanLine(h.Reason, MaxLine), CleanName(h.By)
	}
}

func (g *Goal) Check(t Team, now time.Time, isNew bool) error {
	if err := scheduled(t, "title", g.Title, "by_when", g.ByWhen, now, isNew, &g.Owner); err != nil {
		return err
	}
	if err := g.Indicator.check(); err != nil {
		return err
	}
	return oneOf("status", &g.Status, GoalActive, GoalActive, GoalReached, GoalAdjusted, GoalStopped)
}

// check validates an indicator (nil is fine: a goal may have none). NaN
// and ±Inf cannot be stored (JSON has no such numbers) and would make
// every progress figure meaningless.
func (in *Indicator) check() error {
	if in == nil {
		return nil
	}
	if !Finite(in.Baseline) || !Finite(in.Target) {
		return invalid("indicator", ProblemBadValue)
	}
	for _, m := range in.Measurements {
		if !Finite(m.Value) {
			return invalid("measurement", ProblemBadValue)
		}
	}
	if err := oneOf("direction", &in.Direction, "", "", HigherIsBetter, LowerIsBetter); err != nil {
		return err
	}
	if !slices.Contains(Cadences, in.Cadence) {
		return invalid("cadence", ProblemBadValue)
	}
	if !in.BaselineDate.IsZero() && !in.TargetDate.IsZero() && in.TargetDate.Before(in.BaselineDate) {
		return invalid("target_date", ProblemBadValue)
	}
	return nil
}

// Finite reports whether v is a number that can be stored and shown: not
// NaN, not ±Inf.
func Finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func (a *Action) Clean() { cleanLines(MaxLine, &a.What, &a.Who) }

// Check validates an action. A new action may not be due in the past; an
// edited one may keep its past date, or rolling an overdue action forward
// would be impossible to save without also fixing its date.
func (a *Action) Check(t Team, now time.Time, isNew bool) error {
	if a.What == "" {
		return invalid("what", ProblemEmpty)
	}
	if err := member(t, &a.Who); err != nil {
		return err
	}
	if err := due("when", a.When, now, isNew); err != nil {
		return err
	}
	if err := oneOf("status", &a.Status, StatusTodo, StatusTodo, StatusDoing, StatusDone, StatusDropped); err != nil {
		return err
	}
	if err := oneOf("origin", &a.Origin, OriginBoard, OriginBoard, OriginRetro, OriginArena, OriginDuo); err != nil {
		return err
	}
	switch {
	case a.Status == StatusDone && a.DoneAt.IsZero():
		a.DoneAt = now
	case a.Status != StatusDone:
		a.DoneAt = time.Time{}
	}
	return nil
}

func (p *PlanItem) Clean() { cleanLines(MaxLine, &p.Text, &p.Who) }

func (p *PlanItem) Check(t Team, now time.Time, isNew bool) error {
	return scheduled(t, "text", p.Text, "date", p.Date, now, isNew, &p.Who)
}

func (p *Parking) Clean() { p.Text = CleanText(p.Text, MaxText) }

func (p *Parking) Check(Team, time.Time, bool) error {
	if p.Text == "" {
		return invalid("text", ProblemEmpty)
	}
	return nil
}

// CleanName sanitizes a team, board or member name.
func CleanName(s string) string { return CleanLine(s, 60) }
