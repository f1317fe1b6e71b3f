package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// MeasurementRow is one measurement to import, with the line of the file
// it came from for the message.
type MeasurementRow struct {
	Line        int
	GoalID      uint64
	Measurement board.Measurement
}

// RowError is what is wrong with one row of an import.
type RowError struct {
	Line int
	Err  error
}

// ImportError lists every bad row of an import; nothing of it was written.
type ImportError struct {
	Rows []RowError
}

func (e *ImportError) Error() string {
	return fmt.Sprintf("store: %d bad rows, the first on line %d: %v", len(e.Rows), e.Rows[0].Line, e.Rows[0].Err)
}

// AddMeasurement adds one measured value to a goal's indicator. Like adding
// a card it commutes with every other change, so it needs no version: two
// people measuring at once both land. Who measured is actor unless m names
// another member. A value that is not a finite number, a missing date, or
// (for a goal under a speerpunt) a date outside the plan period
// (*board.OutsidePeriodError) is refused.
func (s *Store) AddMeasurement(actor string, boardID, goalID uint64, m board.Measurement) (board.Goal, error) {
	goals, err := s.measure(actor, boardID, []MeasurementRow{{GoalID: goalID, Measurement: m}})
	if ie, ok := errors.AsType[*ImportError](err); ok {
		return board.Goal{}, ie.Rows[0].Err
	}
	if err != nil {
		return board.Goal{}, err
	}
	return goals[0], nil
}

// ImportMeasurements adds many measurements in one transaction: all of them,
// or, when any row is bad, none, with an *ImportError listing every bad
// row by line. It returns how many were added.
func (s *Store) ImportMeasurements(actor string, boardID uint64, rows []MeasurementRow) (int, error) {
	if _, err := s.measure(actor, boardID, rows); err != nil {
		return 0, err
	}
	return len(rows), nil
}

// measure is AddMeasurement and ImportMeasurements: it checks every row,
// then writes each goal once, and returns the goals as stored.
func (s *Store) measure(actor string, boardID uint64, rows []MeasurementRow) ([]board.Goal, error) {
	actor = board.CleanName(actor)
	var out []board.Goal
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		t, who, err := memberOf(bb, actor)
		if err != nil {
			return err
		}
		items := bb.Bucket([]byte(board.AreaGoal))
		goals, order := map[uint64]*board.Goal{}, []uint64{}
		var bad []RowError
		for _, r := range rows {
			g, ok := goals[r.GoalID]
			if !ok {
				cur, err := current(items, board.AreaGoal, r.GoalID)
				if err != nil {
					bad = append(bad, RowError{r.Line, err})
					continue
				}
				g = cur.(*board.Goal)
				goals[r.GoalID], order = g, append(order, r.GoalID)
			}
			m := r.Measurement
			if err := checkMeasurement(bb.Tx(), t, who, g, &m); err != nil {
				bad = append(bad, RowError{r.Line, err})
				continue
			}
			if g.Indicator == nil {
				g.Indicator = &board.Indicator{}
			}
			g.Indicator.Measurements = append(g.Indicator.Measurements, m)
		}
		if len(bad) > 0 {
			return &ImportError{Rows: bad}
		}
		for _, id := range order {
			g := goals[id]
			if err := s.writeTx(bb, who, boardID, OpMeasure, false, g, s.stampUpdate(who, board.AreaGoal, g.Version)); err != nil {
				return err
			}
			out = append(out, *g)
		}
		return nil
	})
	return out, err
}

// checkMeasurement cleans m and checks it for goal g of team t, measured
// by who unless m names another member.
func checkMeasurement(tx *bolt.Tx, t board.Team, who string, g *board.Goal, m *board.Measurement) error {
	m.Note = board.CleanLine(m.Note, board.MaxLine)
	m.Who = board.CleanName(m.Who)
	switch {
	case m.Who == "":
		m.Who = who
	case t.Member(m.Who) == "":
		return &board.ValidationError{Field: "who", Problem: board.ProblemUnknownOwner, Value: m.Who}
	default:
		m.Who = t.Member(m.Who)
	}
	if m.Date.IsZero() {
		return &board.ValidationError{Field: "date", Problem: board.ProblemNoDate}
	}
	if !board.Finite(m.Value) {
		return &board.ValidationError{Field: "measurement", Problem: board.ProblemBadValue}
	}
	if g.SpeerpuntID != 0 {
		if sp := speerpunt(tx, g.SpeerpuntID); sp != nil && !sp.InPeriod(m.Date) {
			return &board.OutsidePeriodError{Date: m.Date, FromYear: sp.FromYear, ToYear: sp.ToYear}
		}
	}
	return nil
}

// ChangeGoal closes, reopens or adjusts a goal (board.GoalOp) with its
// reason, when the goal is still at the version the user saw; otherwise a
// *ConflictError. An adjusted target date of a goal under a speerpunt must
// lie in the plan period.
func (s *Store) ChangeGoal(actor string, boardID uint64, op board.GoalOp) (board.Goal, error) {
	actor = board.CleanName(actor)
	var out board.Goal
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		_, who, err := memberOf(bb, actor)
		if err != nil {
			return err
		}
		cur, err := currentSeen(bb.Bucket([]byte(board.AreaGoal)), board.AreaGoal, op.GoalID, op.Seen)
		if err != nil {
			return err
		}
		g := cur.(*board.Goal)
		if err := op.Apply(g, who, s.now()); err != nil {
			return err
		}
		if sp := speerpunt(bb.Tx(), g.SpeerpuntID); op.Kind == board.GoalAdjust && sp != nil && !sp.InPeriod(op.TargetDate) {
			return &board.OutsidePeriodError{Date: op.TargetDate, FromYear: sp.FromYear, ToYear: sp.ToYear}
		}
		out = *g
		return s.writeTx(bb, who, boardID, OpGoalChange, false, &out, s.stampUpdate(who, board.AreaGoal, op.Seen))
	})
	return out, err
}

// SetPhase sets the BKA phase of plan year year on a board, when it is
// still the phase the user saw (seen; 0 for a year never set); otherwise a
// *board.PhaseConflictError with the year as it is now. Every change is
// kept in the year's history and audited.
func (s *Store) SetPhase(actor string, boardID uint64, year int, seen, to board.BKAPhase) (board.PlanYear, error) {
	actor = board.CleanName(actor)
	var py board.PlanYear
	if !to.Valid() {
		return py, &board.ValidationError{Field: "phase", Problem: board.ProblemBadValue}
	}
	if year < board.MinPlanYear || year > board.MaxPlanYear {
		return py, &board.ValidationError{Field: "year", Problem: board.ProblemBadValue, Value: fmt.Sprint(year)}
	}
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		who, plan, err := memberIn(bb, actor, bucketPlan)
		if err != nil {
			return err
		}
		key := itob(uint64(year))
		before := plan.Get(key)
		py = board.PlanYear{Year: year}
		if before != nil {
			if err := json.Unmarshal(before, &py); err != nil {
				return err
			}
		}
		if py.Phase != seen {
			return &board.PhaseConflictError{Current: py}
		}
		py.History = append(py.History, board.PhaseChange{Stamp: board.Stamp{At: s.now(), By: who}, From: py.Phase, To: to})
		py.Phase = to
		return s.putAudited(plan, key, py, bb.Bucket(bucketAudit), Record{Actor: who, Op: OpSetPhase, BoardID: boardID, Label: fmt.Sprint(year), Before: before})
	})
	return py, err
}
