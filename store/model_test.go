package store_test

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// The randomized model tests run random sequences of operations by several
// members, each working from the board as they last saw it, against the
// real store, and check the invariants after every step. A failure prints
// its seed; replay it with
//
//	go test -run TestModelItems ./store -seed=N      (or BORD_MODEL_SEED=N)
//
// BORD_MODEL_LONG=1 runs 30 random seeds with ten times longer sequences
// (about a minute per aggregate; give -timeout 30m with -race).
var modelSeedFlag = flag.Uint64("seed", 0, "replay the model tests with this seed")

// model is one run of a model test.
type model struct {
	t    *testing.T
	f    *fixture
	rng  *rand.Rand
	seed uint64
	step int
	ops  []string // the last operations, for the failure message
}

// runModel runs fn for each seed: a few fixed ones in a normal run, the one
// asked for when replaying, many random ones when long.
func runModel(t *testing.T, steps int, fn func(m *model, steps int)) {
	seeds := []uint64{1, 2, 3}
	if env := os.Getenv("BORD_MODEL_SEED"); env != "" {
		n, err := strconv.ParseUint(env, 10, 64)
		if err != nil {
			t.Fatalf("BORD_MODEL_SEED=%q: %v", env, err)
		}
		*modelSeedFlag = n
	}
	switch {
	case *modelSeedFlag != 0:
		seeds, steps = []uint64{*modelSeedFlag}, steps*10
	case os.Getenv("BORD_MODEL_LONG") != "":
		seeds, steps = nil, steps*10
		for range 30 {
			seeds = append(seeds, rand.Uint64()|1)
		}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			m := &model{t: t, f: newFixture(t), rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), seed: seed}
			fn(m, steps)
		})
	}
}

// did records an operation and its outcome.
func (m *model) did(format string, args ...any) {
	m.ops = append(m.ops, fmt.Sprintf("%4d ", m.step)+fmt.Sprintf(format, args...))
	if len(m.ops) > 25 {
		m.ops = m.ops[1:]
	}
}

func (m *model) fail(format string, args ...any) {
	m.t.Helper()
	m.t.Fatalf("seed %d, step %d: %s\nlast operations:\n%s\nreplay: go test -run '%s' ./store -seed=%d",
		m.seed, m.step, fmt.Sprintf(format, args...), strings.Join(m.ops, "\n"), strings.Split(m.t.Name(), "/")[0], m.seed)
}

// pick returns a random element of xs; ok is false when xs is empty.
func pick[T any](m *model, xs []T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	return xs[m.rng.IntN(len(xs))], true
}

// oneOf runs one of the weighted choices.
func (m *model) oneOf(choices ...weighted) {
	total := 0
	for _, c := range choices {
		total += c.w
	}
	n := m.rng.IntN(total)
	for _, c := range choices {
		if n < c.w {
			c.fn()
			return
		}
		n -= c.w
	}
}

type weighted struct {
	w  int
	fn func()
}

// allowed fails the run unless err is nil or one of the errors the
// operation may meet when others changed the board meanwhile.
func (m *model) allowed(what string, err error, ok ...error) {
	m.t.Helper()
	if err == nil {
		return
	}
	for _, e := range ok {
		if errors.Is(err, e) {
			return
		}
	}
	m.fail("%s: unexpected %v", what, err)
}

// excuse returns errValidation for a validation error when ok says the
// model made the input invalid (a stale view, someone who left), so
// allowed can accept it; any other err unchanged.
func excuse(err error, ok bool) error {
	if ok && isValidation(err) {
		return errValidation
	}
	return err
}

// changed checks what a change to an aggregate, made from a stale view,
// came to: besides the errors allowed lists, someone else's change first
// (a conflict) and an action made already are what others may cause.
func (m *model) changed(what any, err error, ok ...error) {
	m.t.Helper()
	var conflict *board.ConflictError
	var already *board.AlreadyActionError
	if errors.As(err, &conflict) || errors.As(err, &already) {
		return
	}
	m.allowed(fmt.Sprint(what), err, ok...)
}

// turns runs the model's steps for an aggregate several people work on:
// each step one of names, picked at random, takes a turn from their own
// view of it, which starts at first and changes only when the turn sets
// it (they look again).
func turns[V any](m *model, steps int, names []string, first V, turn func(who string, view *V)) {
	views := make(map[string]V, len(names))
	for _, n := range names {
		views[n] = first
	}
	for m.step = 0; m.step < steps; m.step++ {
		who, _ := pick(m, names)
		view := views[who]
		turn(who, &view)
		views[who] = view
	}
}

// leaveOrJoin is a membership change under the others' feet: one of
// names, picked at random, leaves the team when in it and joins it again
// when not, done by by.
func (m *model) leaveOrJoin(by string, names []string) {
	gone, _ := pick(m, names)
	if m.snap().Team.HasMember(gone) {
		_, err := m.f.s.RemoveMember(by, m.f.team.ID, gone)
		m.allowed("remove "+gone, err)
		m.did("%s leaves the team", gone)
	} else {
		_, err := m.f.s.AddMember(by, m.f.team.ID, gone)
		m.allowed("add "+gone, err)
		m.did("%s joins again", gone)
	}
}

func (m *model) snap() *board.Board {
	m.t.Helper()
	b, err := m.f.s.Board(m.f.board.ID)
	if err != nil {
		m.fail("snapshot: %v", err)
	}
	return b
}

// errValidation matches any *board.ValidationError in allowed.
var errValidation = errors.New("validation")

func isValidation(err error) bool { _, ok := board.AsValidation(err); return ok }

// only returns err unless it is a validation error (then errValidation),
// so allowed can accept "refused as invalid" for inputs made from a stale
// view.
func only(err error) error {
	if isValidation(err) {
		return errValidation
	}
	return err
}

// The aggregates several people change at once from the one they last
// saw: a leerlingarena, a duo of two schools, a bordsessie and a
// retrospective. Each step one of them takes a turn (see turns); the
// invariants are checked after every step. (The items are in
// model_items_test.go.)

// TestModelArena: a leerlingarena with a leader and two note-takers
// working from the arena as they last saw it: questions added, moved and
// deleted under a note-taker, notes, themes and ideas edited by two at
// once, ideas promoted twice.
func TestModelArena(t *testing.T) {
	runModel(t, 150, func(m *model, steps int) {
		s, bid := m.f.s, m.f.board.ID
		a, err := s.CreateArena("Anna", bid, "Uitleg", m.f.clk.Day(0), "groep 7", 6, "Anna", []string{"Bram", "Chris"}, 0)
		if err != nil {
			t.Fatal(err)
		}
		names := []string{"Anna", "Bram", "Chris"}
		turns(m, steps, names, a, func(who string, view *board.Arena) {
			cur := m.arena(a.ID)
			change := func(op board.ArenaOp) (board.Arena, error) {
				got, err := s.ChangeArena(who, bid, a.ID, op)
				m.did("%s %s id=%d q=%d theme=%d seen=%d: %v", who, op.Kind, op.ID, op.Question, op.Theme, op.Seen, err)
				// a question deleted meanwhile; an owner checked by the board
				invalid := op.Kind == board.OpAddNote || op.Kind == board.OpPromote || !m.snap().Team.HasMember(who)
				m.changed(op.Kind, excuse(err, invalid), board.ErrNotFound, board.ErrNotYours, board.ErrReported, errValidation)
				return got, err
			}
			q, _ := pick(m, view.Questions)
			note, _ := pick(m, view.Notes)
			theme, _ := pick(m, view.Themes)
			idea, _ := pick(m, view.Ideas)
			m.oneOf(
				weighted{12, func() { *view = *m.arena(a.ID); m.did("%s looks", who) }},
				weighted{6, func() { change(board.ArenaOp{Kind: board.OpAddQuestion, Text: fmt.Sprintf("vraag %d", m.step)}) }},
				weighted{3, func() { change(board.ArenaOp{Kind: board.OpDeleteQuestion, ID: q.ID}) }},
				weighted{4, func() {
					change(board.ArenaOp{Kind: board.OpMoveQuestion, ID: q.ID, Delta: []int{-1, 1}[m.rng.IntN(2)]})
				}},
				weighted{16, func() {
					got, err := change(board.ArenaOp{Kind: board.OpAddNote, Question: q.ID, Text: fmt.Sprintf("notitie %d", m.step)})
					if err == nil && got.Notes[len(got.Notes)-1].Question != q.ID {
						m.fail("a note for question %d landed under %d", q.ID, got.Notes[len(got.Notes)-1].Question)
					}
				}},
				weighted{8, func() {
					stored := noteOf(cur, note.ID)
					flag := m.rng.IntN(3) == 0
					_, err := change(board.ArenaOp{Kind: board.OpEditNote, ID: note.ID, Seen: note.Version, Text: fmt.Sprintf("anders %d", m.step), Flagged: flag, Suspect: []string{"Kees"}})
					if err == nil && stored != nil && stored.Version != note.Version {
						m.fail("an edit of note version %d went over version %d", note.Version, stored.Version)
					}
				}},
				weighted{3, func() { change(board.ArenaOp{Kind: board.OpDeleteNote, ID: note.ID}) }},
				weighted{4, func() { change(board.ArenaOp{Kind: board.OpAddTheme, Text: fmt.Sprintf("thema %d", m.step)}) }},
				weighted{6, func() { change(board.ArenaOp{Kind: board.OpSetTheme, ID: note.ID, Theme: theme.ID}) }},
				weighted{6, func() {
					change(board.ArenaOp{Kind: board.OpAddIdea, Text: fmt.Sprintf("idee %d", m.step), Theme: theme.ID, Feasibility: 1 + m.rng.IntN(3), Impact: 1 + m.rng.IntN(3)})
				}},
				weighted{8, func() {
					stored, _ := cur.Idea(idea.ID)
					kind := []board.ArenaOpKind{board.OpEditIdea, board.OpRateIdea}[m.rng.IntN(2)]
					_, err := change(board.ArenaOp{Kind: kind, ID: idea.ID, Seen: idea.Version, Text: fmt.Sprintf("beter idee %d", m.step), Theme: theme.ID, Feasibility: 1 + m.rng.IntN(3), Impact: 1 + m.rng.IntN(3)})
					if err == nil && stored.Version != idea.Version {
						m.fail("an edit of idea version %d went over version %d", idea.Version, stored.Version)
					}
				}},
				weighted{6, func() {
					owner, _ := pick(m, names)
					change(board.ArenaOp{Kind: board.OpPromote, ID: idea.ID, Action: m.f.action(fmt.Sprintf("actie %d", m.step), owner, 7)})
				}},
				weighted{2, func() { m.leaveOrJoin("Anna", names[1:]) }},
				weighted{1, func() {
					if m.step > steps*9/10 {
						change(board.ArenaOp{Kind: board.OpReportBack, Text: "in de klas verteld", Date: m.f.clk.Day(0)})
					}
				}},
			)
			m.arenaInvariants(a.ID)
		})
	})
}

func noteOf(a *board.Arena, id uint64) *board.Note {
	for i := range a.Notes {
		if a.Notes[i].ID == id {
			return &a.Notes[i]
		}
	}
	return nil
}

func (m *model) arena(id uint64) *board.Arena {
	m.t.Helper()
	return still(m, "arena", id, (*board.Board).Arena)
}

// arenaInvariants: no note under a missing question, no note or idea under
// a missing theme, ids unique, every promoted idea's action on the board
// and made once.
func (m *model) arenaInvariants(id uint64) {
	m.t.Helper()
	b := m.snap()
	a, _ := b.Arena(id)
	ids := map[uint64]bool{}
	mark := func(what string, id uint64) {
		if ids[id] || id >= a.NextID {
			m.fail("%s id %d twice or not below next %d", what, id, a.NextID)
		}
		ids[id] = true
	}
	questions, themes := map[uint64]bool{}, map[uint64]bool{0: true}
	for _, q := range a.Questions {
		mark("question", q.ID)
		questions[q.ID] = true
	}
	for _, t := range a.Themes {
		mark("theme", t.ID)
		themes[t.ID] = true
	}
	for _, n := range a.Notes {
		mark("note", n.ID)
		if !questions[n.Question] || !themes[n.Theme] {
			m.fail("note %d under missing question %d or theme %d", n.ID, n.Question, n.Theme)
		}
	}
	var promoted [][2]uint64 // idea → its action
	for _, i := range a.Ideas {
		mark("idea", i.ID)
		if !themes[i.Theme] {
			m.fail("idea %d under missing theme %d", i.ID, i.Theme)
		}
		if i.Action == 0 {
			continue
		}
		if b.Find(board.AreaAction, i.Action) == nil {
			m.fail("idea %d points to missing action %d", i.ID, i.Action)
		}
		promoted = append(promoted, [2]uint64{i.ID, i.Action})
	}
	m.madeOnce(b, "idea", promoted, board.OriginArena, len(promoted))
}

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
		versions := map[uint64]int{} // design id → versions made, per the model
		turns(m, steps, []string{"Bram", "Dirk"}, d, func(who string, view *board.Duo) {
			cur := m.duo(d.ID)
			change := func(op board.DuoOp) (board.Duo, error) {
				got, err := s.ChangeDuo(who, d.ID, op)
				m.did("%s %s id=%d sub=%d seen=%d: %v", who, op.Kind, op.ID, op.Sub, op.Seen, err)
				m.changed(op.Kind, only(err), board.ErrNotFound, board.ErrNotYours, board.ErrDesignInUse, errValidation)
				return got, err
			}
			ds, _ := pick(m, view.Designs)
			v, _ := pick(m, view.Visits)
			o, _ := pick(m, v.Observations)
			l, _ := pick(m, v.Lessons)
			design := board.DesignVersion{Group: "groep 6", Subject: fmt.Sprintf("les %d", m.step), Goal: "doel", Kijkvraag: "kijkvraag"}
			m.oneOf(
				weighted{10, func() { *view = cur; m.did("%s looks", who) }},
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
		})
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

// TestModelMeeting: bordsessies started, stepped through from screens that
// stood at an older step, handed over, taken over, ended and abandoned
// overnight, while the team adds and finishes actions.
func TestModelMeeting(t *testing.T) {
	runModel(t, 150, func(m *model, steps int) {
		s, bid := m.f.s, m.f.board.ID
		names := []string{"Anna", "Bram", "Chris"}
		turns(m, steps, names, "", func(who string, view *board.Step) {
			// invalid: the model made the input so (a hand-over to someone
			// who left)
			ok := func(what string, err error, invalid bool) {
				m.did("%s %s: %v", who, what, err)
				m.allowed(what, excuse(err, invalid || !m.snap().Team.HasMember(who)),
					board.ErrNotLeader, board.ErrNoMeeting, board.ErrMeetingRunning, errValidation)
			}
			m.oneOf(
				weighted{8, func() {
					if mt := m.snap().Meeting(); mt != nil {
						*view = mt.Step
					}
					m.did("%s looks", who)
				}},
				weighted{6, func() {
					_, err := s.StartMeeting(who, bid, 0)
					ok("starts", err, false)
				}},
				weighted{20, func() {
					to, _ := pick(m, board.Agenda)
					from := *view
					before := m.snap().Meeting()
					_, err := s.MoveMeetingFrom(who, bid, from, to)
					ok(fmt.Sprintf("moves %s→%s", from, to), err, false)
					if err == nil && before != nil && !before.IsLeader(who) {
						m.fail("%s moved the session led by %s", who, before.Leader)
					}
					if err == nil {
						*view = to
					}
				}},
				weighted{6, func() {
					to, _ := pick(m, names)
					running := m.snap().Meeting() != nil
					_, err := s.HandOver(who, bid, to)
					ok("hands over to "+to, err, true)
					if err != nil && to == who && running && m.snap().Team.HasMember(who) {
						m.fail("%s, in the team, could not take the session over: %v", who, err)
					}
				}},
				weighted{4, func() {
					_, err := s.EndMeeting(who, bid)
					ok("ends", err, false)
				}},
				weighted{10, func() {
					_, err := s.Add(who, bid, m.f.action(fmt.Sprintf("actie %d", m.step), who, 7))
					m.did("%s adds an action: %v", who, err)
					m.allowed("add", only(err), errValidation) // by someone who left
				}},
				weighted{8, func() {
					act, found := pick(m, m.snap().Actions)
					if !found {
						return
					}
					act.Status = board.StatusDone
					_, err := s.Update(who, bid, &act)
					m.did("%s finishes action %d: %v", who, act.ID, err)
					m.allowed("finish", only(err), store.ErrConflict)
				}},
				weighted{2, func() { m.f.clk.Add(20 * time.Hour); m.did("a night passes") }},
				weighted{2, func() { m.leaveOrJoin("Bram", names) }},
			)
			m.meetingInvariants()
		})
	})
}

// meetingInvariants: at most one session runs, the last; its leader is the
// last in its rotation; every closed one has its
// summary, within its own stretch of history, naming each action once.
func (m *model) meetingInvariants() {
	m.t.Helper()
	b := m.snap()
	for i, mt := range b.Meetings {
		if i > 0 && mt.ID <= b.Meetings[i-1].ID {
			m.fail("meeting ids out of order: %d after %d", mt.ID, b.Meetings[i-1].ID)
		}
		if mt.Running() {
			if i != len(b.Meetings)-1 {
				m.fail("meeting %d runs, but is not the last", mt.ID)
			}
			// A leader who left the team may still be named: anyone in
			// the team takes over (HandOver to themselves).
			if len(mt.Leaders) == 0 || mt.Leaders[len(mt.Leaders)-1] != mt.Leader {
				m.fail("running meeting led by %q, rotation %v", mt.Leader, mt.Leaders)
			}
			if !slices.Contains(board.Agenda, mt.Step) {
				m.fail("running meeting at step %q", mt.Step)
			}
			continue
		}
		if mt.Summary == nil || mt.EndSeq < mt.StartSeq || mt.PrevEnd > mt.StartSeq {
			m.fail("closed meeting %d: summary %v, seqs prev %d start %d end %d", mt.ID, mt.Summary != nil, mt.PrevEnd, mt.StartSeq, mt.EndSeq)
		}
		for _, list := range [][]board.Action{mt.Summary.NewActions, mt.Summary.Done} {
			seen := map[uint64]bool{}
			for _, a := range list {
				if seen[a.ID] {
					m.fail("meeting %d's summary names action %d twice", mt.ID, a.ID)
				}
				seen[a.ID] = true
			}
		}
	}
}

// TestModelRetro: a retrospective through every phase and back, three
// people writing, grouping, renaming, voting and promoting from the board
// as they last saw it.
func TestModelRetro(t *testing.T) {
	runModel(t, 150, func(m *model, steps int) {
		s, bid := m.f.s, m.f.board.ID
		r, err := s.CreateRetro("Anna", bid, "Rekenen", "", nil, time.Time{}, time.Time{}, false, 0)
		if err != nil {
			t.Fatal(err)
		}
		names := []string{"Anna", "Bram", "Chris"}
		turns(m, steps, names, r, func(who string, view *board.Retro) {
			cur := m.retro(r.ID)
			change := func(op board.RetroOp) error {
				_, err := s.ChangeRetro(who, bid, r.ID, op)
				m.did("%s %s card=%d into=%d phase=%s text=%q seen=%d: %v", who, op.Kind, op.Card, op.Into, op.Phase, op.Text, op.Seen, err)
				invalid := op.Kind == board.OpMakeAction || !m.snap().Team.HasMember(who)
				m.changed(op.Kind, excuse(err, invalid), board.ErrPhase, board.ErrNotYours, board.ErrNotFound,
					board.ErrNoVotesLeft, board.ErrNotFacilitator, errValidation)
				return err
			}
			card, _ := pick(m, view.Cards)
			m.oneOf(
				weighted{12, func() { *view = *m.retro(r.ID); m.did("%s looks", who) }},
				weighted{8, func() {
					p, _ := pick(m, board.Phases[:len(board.Phases)-1])
					if m.step > steps*9/10 && m.rng.IntN(4) == 0 {
						p = board.PhaseClosed
					}
					change(board.RetroOp{Kind: board.OpPhase, Phase: p, From: view.Phase})
					if cur.Running() && !m.snap().Team.HasMember(cur.Facilitator) && m.rng.IntN(2) == 0 {
						change(board.RetroOp{Kind: board.OpTakeOver})
					}
				}},
				weighted{14, func() {
					change(board.RetroOp{Kind: board.OpAddCard, Column: m.rng.IntN(view.ColumnCount()), Text: fmt.Sprintf("kaart %d van %s", m.step, who)})
				}},
				weighted{6, func() {
					change(board.RetroOp{Kind: board.OpEditCard, Card: card.ID, Text: fmt.Sprintf("anders %d", m.step), Seen: card.Version})
				}},
				weighted{6, func() { change(board.RetroOp{Kind: board.OpDeleteCard, Card: card.ID}) }},
				weighted{12, func() {
					into, ok := pick(m, view.Roots())
					if !ok {
						return
					}
					title := ""
					if m.rng.IntN(2) == 0 {
						title = fmt.Sprintf("groep %d", m.step)
					}
					stored, had := cur.Card(into.ID)
					err := change(board.RetroOp{Kind: board.OpGroup, Card: card.ID, Into: into.ID, Text: title, Seen: into.Version})
					if err == nil && had && stored.Parent == 0 && title != "" && title != stored.Title && stored.Version != into.Version {
						m.fail("a rename from version %d went over version %d by %s", into.Version, stored.Version, stored.ChangedBy)
					}
				}},
				weighted{4, func() { change(board.RetroOp{Kind: board.OpUngroup, Card: card.ID}) }},
				weighted{12, func() {
					left := cur.VotesLeft(who)
					if change(board.RetroOp{Kind: board.OpVote, Card: card.ID}) == nil && m.retro(r.ID).VotesLeft(who) != left-1 {
						m.fail("a vote did not count")
					}
				}},
				weighted{4, func() { change(board.RetroOp{Kind: board.OpUnvote, Card: card.ID}) }},
				weighted{3, func() { m.leaveOrJoin("Bram", names) }},
				weighted{2, func() { change(board.RetroOp{Kind: board.OpTakeOver}) }},
				weighted{8, func() {
					owner, _ := pick(m, names)
					change(board.RetroOp{Kind: board.OpMakeAction, Card: card.ID, Action: m.f.action("actie "+fmt.Sprint(m.step), owner, 7)})
				}},
			)
			m.retroInvariants(r.ID, names)
		})
	})
}

func (m *model) retro(id uint64) *board.Retro {
	m.t.Helper()
	return still(m, "retro", id, (*board.Board).Retro)
}

// retroInvariants: every card is reachable (a first card, or under one),
// seen by its author and by all after reveal; every vote is on a card
// there, by a member, within the budget; no reference to a missing card or
// action; no action made twice or left behind.
func (m *model) retroInvariants(id uint64, members []string) {
	m.t.Helper()
	b := m.snap()
	r, _ := b.Retro(id)
	ids := map[uint64]bool{}
	for _, c := range r.Cards {
		if ids[c.ID] || c.ID >= r.NextID {
			m.fail("card id %d twice or not below next %d", c.ID, r.NextID)
		}
		ids[c.ID] = true
	}
	roots := 0
	for _, c := range r.Cards {
		if c.Parent != 0 {
			p, ok := r.Card(c.Parent)
			if !ok || p.Parent != 0 {
				m.fail("card %d is under %d, which is not a first card (%+v)", c.ID, c.Parent, p)
			}
		} else {
			roots++
		}
		if !r.CardsVisible(c, c.Author) {
			m.fail("card %d hidden from its author", c.ID)
		}
		for _, who := range members {
			if r.PhaseIndex() >= slices.Index(board.Phases, board.PhaseReveal) && !r.CardsVisible(c, who) {
				m.fail("card %d hidden from %s after reveal", c.ID, who)
			}
		}
	}
	if n := len(r.Discussion()); n != roots {
		m.fail("discussion lists %d groups, there are %d", n, roots)
	}
	for _, o := range r.Order {
		if !ids[o] {
			m.fail("discussion order names missing card %d", o)
		}
	}
	used := map[string]int{}
	for _, v := range r.Ballots {
		c, ok := r.Card(v.Card)
		if !ok || c.Parent != 0 {
			m.fail("a vote of %s is on card %d, which is not a first card", v.Voter, v.Card)
		}
		if r.Running() && !b.Team.HasMember(v.Voter) { // a closed one is history
			m.fail("a vote by non-member %q", v.Voter)
		}
		used[strings.ToLower(v.Voter)]++
	}
	for who, n := range used {
		if n > r.Votes {
			m.fail("%s used %d votes of %d", who, n, r.Votes)
		}
	}
	made := map[uint64]bool{}
	for _, a := range r.Actions {
		if b.Find(board.AreaAction, a) == nil {
			m.fail("retro action %d is not on the board", a)
		}
		made[a] = true
	}
	var fromCards [][2]uint64 // card → its action
	for _, c := range r.Cards {
		if c.Action == 0 {
			continue
		}
		if !made[c.Action] {
			m.fail("card %d points to action %d the retro did not make", c.ID, c.Action)
		}
		fromCards = append(fromCards, [2]uint64{c.ID, c.Action})
	}
	m.madeOnce(b, "card", fromCards, board.OriginRetro, len(r.Actions))
}

// madeOnce checks the actions an aggregate made from its parts (made: a
// part's id → its action's id, what names the part): no action made from
// two, and as many actions of origin on the board as the aggregate made
// (want).
func (m *model) madeOnce(b *board.Board, what string, made [][2]uint64, origin board.Origin, want int) {
	m.t.Helper()
	from := map[uint64]uint64{}
	for _, p := range made {
		if other, ok := from[p[1]]; ok {
			m.fail("%ss %d and %d both became action %d", what, other, p[0], p[1])
		}
		from[p[1]] = p[0]
	}
	n := 0
	for _, a := range b.Actions {
		if a.Origin == origin {
			n++
		}
	}
	if n != want {
		m.fail("%d %s actions on the board, %d made", n, origin, want)
	}
}

// still finds the aggregate (what) with id on the board as it is now,
// failing the run when it is gone.
func still[V any](m *model, what string, id uint64, find func(*board.Board, uint64) (*V, bool)) *V {
	m.t.Helper()
	v, ok := find(m.snap(), id)
	if !ok {
		m.fail("%s %d gone", what, id)
	}
	return v
}
