package store_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/verbeterbord/bord/board"
)

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
		views := map[string]board.Arena{}
		for _, n := range names {
			views[n] = a
		}
		for m.step = 0; m.step < steps; m.step++ {
			who, _ := pick(m, names)
			view := views[who]
			cur := m.arena(a.ID)
			change := func(op board.ArenaOp) (board.Arena, error) {
				got, err := s.ChangeArena(who, bid, a.ID, op)
				m.did("%s %s id=%d q=%d theme=%d seen=%d: %v", who, op.Kind, op.ID, op.Question, op.Theme, op.Seen, err)
				var already *board.AlreadyActionError
				var conflict *board.ConflictError
				switch {
				case err == nil, errors.Is(err, board.ErrNotFound), errors.Is(err, board.ErrNotYours), errors.Is(err, board.ErrReported),
					errors.As(err, &already), errors.As(err, &conflict):
				case isValidation(err) && (op.Kind == board.OpAddNote || op.Kind == board.OpPromote || !m.snap().Team.HasMember(who)):
					// a question deleted meanwhile; an owner checked by the board
				default:
					m.fail("%s: unexpected %v", op.Kind, err)
				}
				return got, err
			}
			q, _ := pick(m, view.Questions)
			note, _ := pick(m, view.Notes)
			theme, _ := pick(m, view.Themes)
			idea, _ := pick(m, view.Ideas)
			m.oneOf(
				weighted{12, func() { views[who] = *m.arena(a.ID); m.did("%s looks", who) }},
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
				weighted{2, func() {
					gone, _ := pick(m, names[1:])
					if m.snap().Team.HasMember(gone) {
						_, err := s.RemoveMember("Anna", m.f.team.ID, gone)
						m.allowed("remove "+gone, err)
						m.did("%s leaves the team", gone)
					} else {
						_, err := s.AddMember("Anna", m.f.team.ID, gone)
						m.allowed("add "+gone, err)
						m.did("%s joins again", gone)
					}
				}},
				weighted{1, func() {
					if m.step > steps*9/10 {
						change(board.ArenaOp{Kind: board.OpReportBack, Text: "in de klas verteld", Date: m.f.clk.Day(0)})
					}
				}},
			)
			m.arenaInvariants(a.ID)
		}
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
	a, ok := m.snap().Arena(id)
	if !ok {
		m.fail("arena %d gone", id)
	}
	return a
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
	actions := map[uint64]uint64{}
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
		if other, ok := actions[i.Action]; ok {
			m.fail("ideas %d and %d both became action %d", other, i.ID, i.Action)
		}
		actions[i.Action] = i.ID
	}
	n := 0
	for _, act := range b.Actions {
		if act.Origin == board.OriginArena {
			n++
		}
	}
	if n != len(actions) {
		m.fail("%d arena actions on the board, %d ideas promoted", n, len(actions))
	}
}
