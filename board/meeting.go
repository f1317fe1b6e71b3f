package board

import (
	"errors"
	"slices"
	"strings"
	"time"
)

// Step is one agenda point of a bordsessie.
type Step string

// The agenda of a bordsessie, in order.
const (
	StepCheckIn  Step = "checkin"
	StepSuccess  Step = "success"
	StepGoals    Step = "goals"
	StepActions  Step = "actions"
	StepPlanning Step = "planning"
	StepClose    Step = "close"
)

// Agenda lists the steps in order.
var Agenda = []Step{StepCheckIn, StepSuccess, StepGoals, StepActions, StepPlanning, StepClose}

// guideShare is each step's share of the session time, in fifteenths: for
// the default 15 minutes, 2+2+3+5+2+1 minutes.
var guideShare = map[Step]int{StepCheckIn: 2, StepSuccess: 2, StepGoals: 3, StepActions: 5, StepPlanning: 2, StepClose: 1}

// Area is the board area a step is about; close has none.
func (s Step) Area() (Area, bool) {
	switch s {
	case StepCheckIn:
		return AreaCheckIn, true
	case StepSuccess:
		return AreaSuccess, true
	case StepGoals:
		return AreaGoal, true
	case StepActions:
		return AreaAction, true
	case StepPlanning:
		return AreaPlanning, true
	}
	return "", false
}

// Errors of running a meeting.
var (
	// ErrNotLeader: only the leader (facilitator) may do this.
	ErrNotLeader = errors.New("board: only the leader may do this")
	// ErrMeetingRunning: the board has a session running already.
	ErrMeetingRunning = errors.New("board: a session is running already")
	// ErrNoMeeting: there is no session running.
	ErrNoMeeting = errors.New("board: no session is running")
)

// DefaultMeeting is the length of a bordsessie.
const DefaultMeeting = 15 * time.Minute

// Meeting is one weekly bordsessie on a board. Its state is stored, so it
// survives a restart and people can join halfway.
type Meeting struct {
	ID       uint64        `json:"id"`
	Week     Week          `json:"week"`
	Leader   string        `json:"leader"`
	Leaders  []string      `json:"leaders"` // everyone who led this one, in order
	Started  time.Time     `json:"started"`
	Duration time.Duration `json:"duration"`
	Step     Step          `json:"step"`
	// StepAt is when the current step began, for the per-step guide time.
	StepAt time.Time `json:"step_at"`
	Ended  time.Time `json:"ended,omitzero"`
	// The audit log is the meeting's memory: "since last session" covers
	// the records after PrevEnd up to StartSeq, the summary those after
	// StartSeq up to EndSeq.
	PrevEnd  uint64 `json:"prev_end"`
	StartSeq uint64 `json:"start_seq"`
	EndSeq   uint64 `json:"end_seq,omitempty"`
	Summary  *Recap `json:"summary,omitempty"`
}

// Running reports whether the meeting has not been closed.
func (m *Meeting) Running() bool { return m != nil && m.Ended.IsZero() }

// StepIndex is the position of the current step in the agenda.
func (m *Meeting) StepIndex() int { return max(slices.Index(Agenda, m.Step), 0) }

// Guide is the time planned for step s.
func (m *Meeting) Guide(s Step) time.Duration {
	return m.Duration * time.Duration(guideShare[s]) / 15
}

// Remaining is the time left of the whole session at now; negative when over.
func (m *Meeting) Remaining(now time.Time) time.Duration {
	return m.Started.Add(m.Duration).Sub(now)
}

// NearlyUp reports whether the session is in its last two minutes or over:
// the moment for a calm warning.
func (m *Meeting) NearlyUp(now time.Time) bool {
	return m.Remaining(now) <= 2*time.Minute
}

// IsLeader reports whether name leads the meeting.
func (m *Meeting) IsLeader(name string) bool { return strings.EqualFold(m.Leader, name) }

// Move goes to step to; only the leader may.
func (m *Meeting) Move(by string, to Step, now time.Time) error {
	if !m.Running() {
		return ErrNoMeeting
	}
	if !m.IsLeader(by) {
		return ErrNotLeader
	}
	if !slices.Contains(Agenda, to) {
		return &ValidationError{Field: "step", Problem: ProblemBadValue}
	}
	if m.Step != to {
		m.Step, m.StepAt = to, now
	}
	return nil
}

// MoveFrom is Move for a press made on a screen that stood at from. Quick
// presses are saved concurrently and may commit out of order; a move that a
// later press in the same direction already overtook (the stored step is at
// or past to, seen from from) changes nothing, so the last press wins.
func (m *Meeting) MoveFrom(by string, from, to Step, now time.Time) error {
	f, t, cur := slices.Index(Agenda, from), slices.Index(Agenda, to), slices.Index(Agenda, m.Step)
	if f >= 0 && t >= 0 && m.Running() && m.IsLeader(by) {
		if (t > f && cur >= t) || (t < f && cur <= t) {
			return nil
		}
	}
	return m.Move(by, to, now)
}

// HandOver makes to the leader. The leader may give the role to any member
// of the team, and any member may take it over for themselves (to == by):
// a leader who lost the connection or walked out must not leave the board
// stuck, and the team knows who spoke up. Everyone who led is recorded in
// Leaders, so the rotation stays visible.
func (m *Meeting) HandOver(by, to string, t Team) error {
	if !m.Running() {
		return ErrNoMeeting
	}
	name := t.Member(to)
	if name == "" {
		return &ValidationError{Field: "who", Problem: ProblemUnknownOwner, Value: to}
	}
	if !m.IsLeader(by) && !strings.EqualFold(name, t.Member(by)) {
		return ErrNotLeader
	}
	if m.IsLeader(name) {
		return nil // already leading: no "Anna → Anna" in the rotation
	}
	m.Leader = name
	m.Leaders = append(m.Leaders, name)
	return nil
}

// TakeOver makes by the leader: the forgiving path when the leader is gone.
func (m *Meeting) TakeOver(by string, t Team) error { return m.HandOver(by, by, t) }

// Stale reports whether a running meeting was started on an earlier day
// than now. A bordsessie lasts minutes; one still open the next day was
// abandoned (a dropped connection, a leader who left) and must not keep the
// board from a new one.
func (m *Meeting) Stale(now time.Time) bool {
	return m.Running() && Day(m.Started.In(now.Location())).Before(Day(now))
}

// EndStale closes a stale meeting at its planned end (or now, if that is
// earlier), so its summary covers the session and not the days after it.
// It reports whether the meeting was stale.
func (m *Meeting) EndStale(now time.Time) bool {
	if !m.Stale(now) {
		return false
	}
	m.Ended = m.Started.Add(m.Duration)
	if now.Before(m.Ended) {
		m.Ended = now
	}
	return true
}

// Recap is what changed on a board in a stretch of its history: since the
// previous session, or during a session (its summary).
type Recap struct {
	Done       []Action  `json:"done"`
	NewActions []Action  `json:"new_actions"`
	Successes  []Success `json:"successes"`
	Overdue    []Action  `json:"overdue"`
}

// Change is the part of an audit record that Changes needs: what happened
// to which item, with the item after the change as stored.
type Change struct {
	Op     string
	Area   Area
	ItemID uint64
	Before Item
	After  Item
}

// Summarize sums up changes for "since last session" and a session summary:
// actions done, actions added, successes added (each once, as they are now
// on the board b; deleted items are left out), plus the actions overdue now.
func Summarize(changes []Change, b *Board, now time.Time) Recap {
	var s Recap
	seenDone, seenNew, seenSucc := map[uint64]bool{}, map[uint64]bool{}, map[uint64]bool{}
	for _, c := range changes {
		switch c.Area {
		case AreaAction:
			it := b.Find(AreaAction, c.ItemID)
			if it == nil {
				continue
			}
			a := *it.(*Action)
			if c.Op == "add" && !seenNew[a.ID] {
				seenNew[a.ID] = true
				s.NewActions = append(s.NewActions, a)
			}
			before, _ := c.Before.(*Action)
			after, _ := c.After.(*Action)
			if after != nil && after.Status == StatusDone && (before == nil || before.Status != StatusDone) &&
				a.Status == StatusDone && !seenDone[a.ID] {
				seenDone[a.ID] = true
				s.Done = append(s.Done, a)
			}
		case AreaSuccess:
			if c.Op == "add" && !seenSucc[c.ItemID] {
				if it := b.Find(AreaSuccess, c.ItemID); it != nil {
					seenSucc[c.ItemID] = true
					s.Successes = append(s.Successes, *it.(*Success))
				}
			}
		}
	}
	for _, a := range b.Actions {
		if a.Overdue(now) {
			s.Overdue = append(s.Overdue, a)
		}
	}
	return s
}

// MeetingOp is one change to the running bordsessie, as a screen asks for
// it: the same shape as RetroOp and ArenaOp. The store applies it in one
// transaction.
type MeetingOp struct {
	Kind MeetingOpKind
	// Step (Move): where to go; From: the step the leader's screen stood
	// at ("" for a plain move); see MoveFrom.
	Step, From Step
	Who        string // HandOver: the new leader
}

// MeetingOpKind names a kind of MeetingOp.
type MeetingOpKind string

// The kinds of MeetingOp.
const (
	OpMoveStep MeetingOpKind = "step"
	OpHandOver MeetingOpKind = "leader"
	OpEndMeet  MeetingOpKind = "end"
)

// Apply applies op by person by, a member of t, at now. Ending only sets
// Ended: the store adds the summary, which needs the board's history.
func (m *Meeting) Apply(by string, op MeetingOp, t Team, now time.Time) error {
	switch op.Kind {
	case OpMoveStep:
		if op.From != "" {
			return m.MoveFrom(by, op.From, op.Step, now)
		}
		return m.Move(by, op.Step, now)
	case OpHandOver:
		return m.HandOver(by, op.Who, t)
	case OpEndMeet:
		if !m.Running() {
			return ErrNoMeeting
		}
		if !m.IsLeader(by) {
			return ErrNotLeader
		}
		m.Ended = now
		return nil
	}
	return invalid("op", ProblemBadValue)
}
