package board

import (
	"math"
	"slices"
	"time"
)

// GoalStatus tells where an improvement goal stands.
type GoalStatus string

// Goal statuses: lopend, bereikt, bijgesteld, gestopt. Adjusted is a goal
// that runs on with a changed streefwaarde, so it is open like Active.
const GoalActive, GoalReached, GoalAdjusted, GoalStopped GoalStatus = "active", "reached", "adjusted", "stopped"

// GoalStatuses lists the statuses in the order a screen offers them.
var GoalStatuses = []GoalStatus{GoalActive, GoalReached, GoalAdjusted, GoalStopped}

// Open reports whether work on a goal with this status is still expected.
func (s GoalStatus) Open() bool { return s == GoalActive || s == GoalAdjusted || s == "" }

func (s GoalStatus) valid() bool { return slices.Contains(GoalStatuses, s) }

// Goal is a verbeterdoel (on a school board: for the next weeks) or a
// doelstelling under a speerpunt of the support plan (for a year or more).
type Goal struct {
	Meta
	Title     string     `json:"title"`
	Why       string     `json:"why,omitempty"`
	ByWhen    time.Time  `json:"by_when"`
	Measure   string     `json:"measure"`
	Indicator *Indicator `json:"indicator,omitempty"`
	Status    GoalStatus `json:"status"`
	// SpeerpuntID links the goal to a speerpunt of the network (0: none).
	SpeerpuntID uint64 `json:"speerpunt_id,omitempty"`
	// Owner is who answers for the goal (wie), a team member; "" when
	// nobody is named.
	Owner string `json:"owner,omitempty"`
	// History records every change of status or streefwaarde with its
	// reason, oldest first; a changed target keeps its old value here.
	History []GoalChange `json:"history,omitempty"`
}

// Open reports whether the goal is still being worked on.
func (g *Goal) Open() bool { return g.Status.Open() }

// detach copies what a Goal shares by reference with the snapshot it came
// from, so editing the copy (even Clean) never changes every session's board.
func (g *Goal) detach() {
	if g.Indicator != nil {
		in := *g.Indicator
		in.Measurements = slices.Clone(in.Measurements)
		g.Indicator = &in
	}
	g.History = slices.Clone(g.History)
}

// GoalChange is one entry of a goal's history: a status change or an
// adjusted streefwaarde, with who, when and the one-line reason.
type GoalChange struct {
	Stamp
	From   GoalStatus `json:"from"`
	To     GoalStatus `json:"to"`
	Reason string     `json:"reason"`
	// Target is set when the streefwaarde changed: its old and new value
	// and date.
	Target *TargetChange `json:"target,omitempty"`
}

// Stamp is who made a recorded change, and when.
type Stamp struct {
	At time.Time `json:"at"`
	By string    `json:"by"`
}

// TargetChange is an adjusted streefwaarde: the value and date before and
// after.
type TargetChange struct {
	OldValue float64   `json:"old_value"`
	OldDate  time.Time `json:"old_date,omitzero"`
	NewValue float64   `json:"new_value"`
	NewDate  time.Time `json:"new_date,omitzero"`
}

// Direction says which way an indicator improves; "" means derived from
// the target (a target below the baseline: lower is better).
type Direction string

// HigherIsBetter and LowerIsBetter are the two directions.
const HigherIsBetter, LowerIsBetter Direction = "higher", "lower"

// Cadence is how often an indicator is planned to be measured
// (meetmomenten), counted from the nulmeting.
type Cadence string

// Cadences. CadenceTerm is three times a school year (every four months).
const (
	CadenceNone      Cadence = ""
	CadenceWeekly    Cadence = "weekly"
	CadenceMonthly   Cadence = "monthly"
	CadenceQuarterly Cadence = "quarterly"
	CadenceTerm      Cadence = "term"
)

// Cadences lists the cadences in the order a screen offers them.
var Cadences = []Cadence{CadenceNone, CadenceWeekly, CadenceMonthly, CadenceQuarterly, CadenceTerm}

// next is the meetmoment after t.
func (c Cadence) next(t time.Time) time.Time {
	switch c {
	case CadenceWeekly:
		return t.AddDate(0, 0, 7)
	case CadenceMonthly:
		return t.AddDate(0, 1, 0)
	case CadenceQuarterly:
		return t.AddDate(0, 3, 0)
	case CadenceTerm:
		return t.AddDate(0, 4, 0)
	}
	return time.Time{}
}

// Indicator makes a goal measurable: a unit, the nulmeting (baseline value
// and date), the streefwaarde (target value and date), which way is better,
// the planned meetmomenten and the measurements over time.
type Indicator struct {
	Unit     string  `json:"unit"`
	Baseline float64 `json:"baseline"`
	Target   float64 `json:"target"`
	// BaselineDate is when the nulmeting was taken; zero: no nulmeting yet.
	BaselineDate time.Time `json:"baseline_date,omitzero"`
	// TargetDate is when the streefwaarde should be reached; zero: no
	// streefwaarde yet (Target is then not meant), and the goal's ByWhen
	// stands for its end (Goal.TargetDate).
	TargetDate   time.Time     `json:"target_date,omitzero"`
	Direction    Direction     `json:"direction,omitempty"`
	Cadence      Cadence       `json:"cadence,omitempty"`
	Measurements []Measurement `json:"measurements,omitempty"`
}

// Measurement is one measured value of an indicator.
type Measurement struct {
	Date  time.Time `json:"date"`
	Value float64   `json:"value"`
	Note  string    `json:"note,omitempty"`
	// Who measured, a team member; "" in data from before schema 4.
	Who string `json:"who,omitempty"`
}

// Latest returns the most recent measurement and whether there is one.
func (in *Indicator) Latest() (Measurement, bool) {
	if in == nil || len(in.Measurements) == 0 {
		return Measurement{}, false
	}
	latest := in.Measurements[0]
	for _, m := range in.Measurements[1:] {
		if !m.Date.Before(latest.Date) {
			latest = m
		}
	}
	return latest, true
}

// Sorted returns the measurements oldest first (a new slice; equal dates
// keep the order they were added in).
func (in *Indicator) Sorted() []Measurement {
	if in == nil {
		return nil
	}
	ms := slices.Clone(in.Measurements)
	slices.SortStableFunc(ms, func(a, b Measurement) int { return a.Date.Compare(b.Date) })
	return ms
}

// Better is the indicator's direction: the one set, or else derived from
// the target (a target below the baseline means lower is better).
func (in *Indicator) Better() Direction {
	if in.Direction != "" {
		return in.Direction
	}
	if in.Target < in.Baseline {
		return LowerIsBetter
	}
	return HigherIsBetter
}

// sign is +1 when higher is better, -1 when lower is.
func (in *Indicator) sign() float64 {
	if in.Better() == LowerIsBetter {
		return -1
	}
	return 1
}

// Progress is how far the latest measurement has come from baseline to
// target in the better direction, clamped to 0..1: a value that went the
// wrong way is 0, never negative. ok is false without a measurement or a
// range.
func (in *Indicator) Progress() (p float64, ok bool) {
	m, ok := in.Latest()
	if !ok {
		return 0, false
	}
	return in.ProgressOf(m.Value)
}

// ProgressOf is Progress for value v.
func (in *Indicator) ProgressOf(v float64) (p float64, ok bool) {
	if in == nil || in.Target == in.Baseline {
		return 0, false
	}
	span := math.Abs(in.Target - in.Baseline)
	p = in.sign() * (v - in.Baseline) / span
	if math.IsNaN(p) {
		return 0, false // a NaN value or an infinite range has no progress
	}
	return min(max(p, 0), 1), true
}

// TargetDate is when the streefwaarde should be reached: the indicator's
// own date, or the goal's ByWhen.
func (g *Goal) TargetDate() time.Time {
	if g.Indicator != nil && !g.Indicator.TargetDate.IsZero() {
		return g.Indicator.TargetDate
	}
	return g.ByWhen
}

// Expected is the value on the straight line from nulmeting to streefwaarde
// at date at: the baseline before the nulmeting, the target after the
// target date. ok is false when the goal is not measurable.
func (g *Goal) Expected(at time.Time) (float64, bool) {
	in := g.Indicator
	if len(g.Missing()) > 0 {
		return 0, false
	}
	from, to := Day(in.BaselineDate), Day(g.TargetDate())
	if !to.After(from) {
		return in.Target, true
	}
	f := float64(Day(at).Sub(from)) / float64(to.Sub(from))
	f = min(max(f, 0), 1)
	return in.Baseline + f*(in.Target-in.Baseline), true
}

// Track says whether a goal is on course.
type Track int

// Tracks. TrackUnknown: not measurable or no measurement after the
// nulmeting yet, so nothing can be said.
const (
	TrackUnknown Track = iota
	TrackOnCourse
	TrackBehind
)

// Track compares the latest measurement with the straight line from
// nulmeting to streefwaarde at that measurement's date: at or beyond it in
// the better direction is on course ("op koers"), short of it is behind
// ("achter").
func (g *Goal) Track() Track {
	m, ok := g.Indicator.Latest()
	if !ok {
		return TrackUnknown
	}
	want, ok := g.Expected(m.Date)
	if !ok {
		return TrackUnknown
	}
	if g.Indicator.sign()*(m.Value-want) >= 0 {
		return TrackOnCourse
	}
	return TrackBehind
}

// maxMoments bounds the meetmomenten of one goal, so a weekly cadence over
// a badly typed century cannot make a screen hang.
const maxMoments = 600

// Moments are the planned meetmomenten: every cadence step after the
// nulmeting up to and including the target date. None without a cadence or
// a nulmeting.
func (g *Goal) Moments() []time.Time {
	in := g.Indicator
	if in == nil || in.Cadence == CadenceNone || in.BaselineDate.IsZero() {
		return nil
	}
	end := Day(g.TargetDate())
	var out []time.Time
	for t := in.Cadence.next(Day(in.BaselineDate)); !t.After(end) && len(out) < maxMoments; t = in.Cadence.next(t) {
		out = append(out, t)
	}
	return out
}

// MissedMoments are the meetmomenten before today that have no
// measurement. A moment is measured by a measurement in its window: from
// halfway since the previous moment (the nulmeting for the first) to
// halfway to the next, so a measurement a few days late still counts.
func (g *Goal) MissedMoments(now time.Time) []time.Time {
	moments := g.Moments()
	if len(moments) == 0 {
		return nil
	}
	today := Day(now)
	// Each measurement's day once, sorted, and a binary search per moment:
	// a plan view words this for every goal it shows (BenchmarkViewPlan).
	days := make([]time.Time, len(g.Indicator.Measurements))
	for i, x := range g.Indicator.Measurements {
		days[i] = Day(x.Date)
	}
	slices.SortFunc(days, time.Time.Compare)
	var missed []time.Time
	for i, m := range moments {
		if !m.Before(today) {
			break
		}
		prev := Day(g.Indicator.BaselineDate)
		if i > 0 {
			prev = moments[i-1]
		}
		from := prev.Add(m.Sub(prev) / 2)
		if i == 0 {
			from = prev
		}
		var to time.Time // zero: open-ended (the last moment)
		if i+1 < len(moments) {
			to = m.Add(moments[i+1].Sub(m) / 2)
		}
		if !measuredIn(days, from, to) {
			missed = append(missed, m)
		}
	}
	return missed
}

// measuredIn reports whether a day of days (sorted) falls after from and
// at or before to (a zero to has no end).
func measuredIn(days []time.Time, from, to time.Time) bool {
	i, _ := slices.BinarySearchFunc(days, from, func(d, from time.Time) int {
		if d.After(from) {
			return 1
		}
		return -1
	})
	return i < len(days) && (to.IsZero() || !days[i].After(to))
}

// TargetPassed reports whether an open goal's target date lies before today.
func (g *Goal) TargetPassed(now time.Time) bool {
	d := g.TargetDate()
	return g.Open() && !d.IsZero() && Day(d).Before(Day(now))
}
