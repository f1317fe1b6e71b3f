package store_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// TestModelMeeting: bordsessies started, stepped through from screens that
// stood at an older step, handed over, taken over, ended and abandoned
// overnight, while the team adds and finishes actions.
func TestModelMeeting(t *testing.T) {
	runModel(t, 150, func(m *model, steps int) {
		s, bid := m.f.s, m.f.board.ID
		names := []string{"Anna", "Bram", "Chris"}
		views := map[string]board.Step{}
		for m.step = 0; m.step < steps; m.step++ {
			who, _ := pick(m, names)
			ok := func(what string, err error) {
				m.did("%s %s: %v", who, what, err)
				switch {
				case err == nil, errors.Is(err, board.ErrNotLeader), errors.Is(err, board.ErrNoMeeting), errors.Is(err, board.ErrMeetingRunning),
					isValidation(err) && !m.snap().Team.HasMember(who), isValidation(err) && strings.HasPrefix(what, "hands over"):
				default:
					m.fail("%s: unexpected %v", what, err)
				}
			}
			m.oneOf(
				weighted{8, func() {
					if mt := m.snap().Meeting(); mt != nil {
						views[who] = mt.Step
					}
					m.did("%s looks", who)
				}},
				weighted{6, func() {
					_, err := s.StartMeeting(who, bid, 0)
					ok("starts", err)
				}},
				weighted{20, func() {
					to, _ := pick(m, board.Agenda)
					from := views[who]
					before := m.snap().Meeting()
					_, err := s.MoveMeetingFrom(who, bid, from, to)
					ok(fmt.Sprintf("moves %s→%s", from, to), err)
					if err == nil && before != nil && !before.IsLeader(who) {
						m.fail("%s moved the session led by %s", who, before.Leader)
					}
					if err == nil {
						views[who] = to
					}
				}},
				weighted{6, func() {
					to, _ := pick(m, names)
					running := m.snap().Meeting() != nil
					_, err := s.HandOver(who, bid, to)
					ok("hands over to "+to, err)
					if err != nil && to == who && running && m.snap().Team.HasMember(who) {
						m.fail("%s, in the team, could not take the session over: %v", who, err)
					}
				}},
				weighted{4, func() {
					_, err := s.EndMeeting(who, bid)
					ok("ends", err)
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
				weighted{2, func() {
					gone, _ := pick(m, names)
					if m.snap().Team.HasMember(gone) {
						_, err := s.RemoveMember("Bram", m.f.team.ID, gone)
						m.allowed("remove "+gone, err)
						m.did("%s leaves the team", gone)
					} else {
						_, err := s.AddMember("Bram", m.f.team.ID, gone)
						m.allowed("add "+gone, err)
						m.did("%s joins again", gone)
					}
				}},
			)
			m.meetingInvariants()
		}
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
