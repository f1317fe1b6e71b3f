package store_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// TestModelDuo: two partners of two schools working on one duo from the
// duo as each last saw it: designs added, edited, revised and deleted
// under the other, visits planned (some in the past), observations noted,
// edited and deleted, the nagesprek written by both, lessen made actions
// twice. A reference count of versions says none was ever lost or
// overwritten.
func TestModelDuo(t *testing.T) {
	runModel(t, 150, func(m *model, steps int) {
		s := m.f.s
		other, err := s.CreateTeam("Dirk", "Het Anker", "Dirk")
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.CreateDuo("Anna", m.f.team.ID, "Rekenen", []board.Partner{{Name: "Bram", TeamID: m.f.team.ID}, {Name: "Dirk", TeamID: other.ID}})
		if err != nil {
			t.Fatal(err)
		}
		views := map[string]board.Duo{"Bram": d, "Dirk": d}
		versions := map[uint64]int{} // design id → versions made, per the model
		for m.step = 0; m.step < steps; m.step++ {
			who, _ := pick(m, []string{"Bram", "Dirk"})
			view := views[who]
			cur := m.duo(d.ID)
			change := func(op board.DuoOp) (board.Duo, error) {
				got, err := s.ChangeDuo(who, d.ID, op)
				m.did("%s %s id=%d sub=%d seen=%d: %v", who, op.Kind, op.ID, op.Sub, op.Seen, err)
				var conflict *board.ConflictError
				var already *board.AlreadyActionError
				switch {
				case err == nil, errors.Is(err, board.ErrNotFound), errors.Is(err, board.ErrNotYours), errors.Is(err, board.ErrDesignInUse),
					errors.As(err, &conflict), errors.As(err, &already), isValidation(err):
				default:
					m.fail("%s: unexpected %v", op.Kind, err)
				}
				return got, err
			}
			ds, _ := pick(m, view.Designs)
			v, _ := pick(m, view.Visits)
			o, _ := pick(m, v.Observations)
			l, _ := pick(m, v.Lessons)
			design := board.DesignVersion{Group: "groep 6", Subject: fmt.Sprintf("les %d", m.step), Goal: "doel", Kijkvraag: "kijkvraag"}
			m.oneOf(
				weighted{10, func() { views[who] = cur; m.did("%s looks", who) }},
				weighted{4, func() {
					if got, err := change(board.DuoOp{Kind: board.OpAddDesign, Design: design}); err == nil {
						versions[got.Designs[len(got.Designs)-1].ID] = 1
					}
				}},
				weighted{8, func() {
					kind := []board.DuoOpKind{board.OpEditDesign, board.OpReviseDesign}[m.rng.IntN(2)]
					stored, _ := cur.Design(ds.ID)
					_, err := change(board.DuoOp{Kind: kind, ID: ds.ID, Design: design, Seen: ds.Current().Edits})
					if err == nil && (stored == nil || stored.Current().Edits != ds.Current().Edits || len(stored.Versions) != len(ds.Versions)) {
						m.fail("a %s from edit %d went over a change since", kind, ds.Current().Edits)
					}
					if err == nil && kind == board.OpReviseDesign {
						versions[ds.ID]++
					}
				}},
				weighted{2, func() {
					if _, err := change(board.DuoOp{Kind: board.OpDeleteDesign, ID: ds.ID, Seen: ds.Current().Edits, Force: m.rng.IntN(2) == 0}); err == nil {
						delete(versions, ds.ID)
					}
				}},
				weighted{5, func() {
					at := m.f.clk.Now().Add(time.Duration(m.rng.IntN(96)-24) * time.Hour)
					teacher, visitor := "Bram", "Dirk"
					if m.rng.IntN(2) == 0 {
						teacher, visitor = visitor, teacher
					}
					change(board.DuoOp{Kind: board.OpPlanVisit, Force: m.rng.IntN(2) == 0,
						Visit: board.Visit{At: at, Group: "groep 6", Teacher: teacher, Visitor: visitor, Design: ds.ID}})
				}},
				weighted{10, func() {
					change(board.DuoOp{Kind: board.OpObserve, ID: v.ID, Text: fmt.Sprintf("gezien %d", m.step), Flagged: m.rng.IntN(4) == 0, Suspect: []string{"Kees"}})
				}},
				weighted{4, func() {
					kind := []board.DuoOpKind{board.OpEditObservation, board.OpDeleteObservation}[m.rng.IntN(2)]
					change(board.DuoOp{Kind: kind, ID: v.ID, Sub: o.ID, Seen: o.Version, Text: fmt.Sprintf("anders %d", m.step)})
				}},
				weighted{5, func() {
					stored, _ := cur.Visit(v.ID)
					_, err := change(board.DuoOp{Kind: board.OpTalk, ID: v.ID, Seen: v.Talk.Edits, Talk: board.Talk{Designer: "eerst ik", Saw: fmt.Sprintf("zag %d", m.step)}})
					if err == nil && stored != nil && stored.Talk.Edits != v.Talk.Edits {
						m.fail("a talk from edit %d went over edit %d", v.Talk.Edits, stored.Talk.Edits)
					}
				}},
				weighted{4, func() { change(board.DuoOp{Kind: board.OpAddLesson, ID: v.ID, Text: fmt.Sprintf("les %d", m.step)}) }},
				weighted{3, func() {
					owner := map[string]uint64{"Bram": m.f.board.ID}[who]
					if owner == 0 {
						return // Dirk's team has no board here: only Bram's lessons go to a board
					}
					change(board.DuoOp{Kind: board.OpLessonAction, ID: v.ID, Sub: l.ID, Board: owner, Action: m.f.action(l.Text+" doen", "Bram", 7)})
				}},
				weighted{1, func() { m.f.clk.Add(time.Duration(m.rng.IntN(48)) * time.Hour); m.did("time passes") }},
			)
			m.duoInvariants(d.ID, versions)
		}
	})
}

func (m *model) duo(id uint64) board.Duo {
	m.t.Helper()
	d, err := m.f.s.Duo(id)
	if err != nil {
		m.fail("duo %d: %v", id, err)
	}
	return d
}

// duoInvariants: every design has exactly the versions the model counted,
// numbered 1…n; ids are unique; every visit's design exists or it keeps a
// copy; every lesson made an action has it on the board, made once, with
// origin duo.
func (m *model) duoInvariants(id uint64, versions map[uint64]int) {
	m.t.Helper()
	d, b := m.duo(id), m.snap()
	if len(d.Designs) != len(versions) {
		m.fail("%d designs, the model has %d", len(d.Designs), len(versions))
	}
	for _, ds := range d.Designs {
		if len(ds.Versions) != versions[ds.ID] {
			m.fail("design %d has %d versions, the model counted %d", ds.ID, len(ds.Versions), versions[ds.ID])
		}
		for i, v := range ds.Versions {
			if v.N != i+1 {
				m.fail("design %d: version %d numbered %d", ds.ID, i+1, v.N)
			}
		}
	}
	actions := map[uint64]bool{}
	for _, v := range d.Visits {
		if _, ok := d.Tried(v); !ok && (v.Design != 0 || v.Copy != nil) {
			m.fail("visit %d tries design %d, gone without a copy", v.ID, v.Design)
		}
		for _, l := range v.Lessons {
			if l.Action == 0 {
				continue
			}
			a := b.Find(board.AreaAction, l.Action)
			if a == nil || a.(*board.Action).Origin != board.OriginDuo || actions[l.Action] {
				m.fail("lesson %d: action %d missing, twice or not from the duo", l.ID, l.Action)
			}
			actions[l.Action] = true
		}
	}
	if got := len(b.Actions); got != len(actions) {
		m.fail("%d actions on the board, %d made from lessons", got, len(actions))
	}
}
