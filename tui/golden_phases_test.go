package tui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

var goldenSizes = [][2]int{{80, 24}, {140, 40}}

// TestGoldenRetroPhases keeps the screen of every retrospective phase, at
// both sizes and in both languages, as the facilitator sees it. The cards
// were written by others, so the writing phase shows only their counts.
func TestGoldenRetroPhases(t *testing.T) {
	for _, phase := range board.Phases {
		for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
			for _, size := range goldenSizes {
				t.Run(fmt.Sprintf("%s_%s_%dx%d", phase, lang, size[0], size[1]), func(t *testing.T) {
					t.Parallel()
					h, info := demo(t, lang, size[0], size[1])
					id := retroFixture(t, h, info.ID, phase)
					h.awaitChange()
					h.press("R", "enter")
					if h.m.retro.rs.id != id {
						t.Fatalf("retro %d not open", id)
					}
					golden.RequireEqual(t, []byte(ascii(t, h.view())))
				})
			}
		}
	}
}

// retroFixture makes a retrospective with cards of two colleagues, a group,
// votes and an action, and moves it to phase.
func retroFixture(t *testing.T, h *harness, boardID uint64, phase board.Phase) uint64 {
	t.Helper()
	s := h.s
	r, err := s.CreateRetro(me, boardID, "Ondersteuning gedrag", "", nil, fixedNow().AddDate(0, 0, -28), fixedNow(), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	do := func(who string, op board.RetroOp) {
		t.Helper()
		h.retroOp(who, boardID, r.ID, op)
	}
	to := func(p board.Phase) { do(me, board.RetroOp{Kind: board.OpPhase, Phase: p}) }
	to(board.PhaseWrite)
	do("Fatima", board.RetroOp{Kind: board.OpAddCard, Column: 0, Text: "Goede afstemming met ouders"})
	do("Joost", board.RetroOp{Kind: board.OpAddCard, Column: 1, Text: "Te laat gestart met het OPP"})
	do("Fatima", board.RetroOp{Kind: board.OpAddCard, Column: 1, Text: "OPP pas na de herfstvakantie"})
	do("Joost", board.RetroOp{Kind: board.OpAddCard, Column: 2, Text: "OPP-planning in week 36"})
	if phase == board.PhaseWrite || phase == board.PhaseReview {
		to(phase)
		return r.ID
	}
	to(board.PhaseGroup)
	do("Joost", board.RetroOp{Kind: board.OpGroup, Card: 3, Into: 2, Text: "Laat met OPP"})
	to(board.PhaseVote)
	do("Fatima", board.RetroOp{Kind: board.OpVote, Card: 2})
	do("Joost", board.RetroOp{Kind: board.OpVote, Card: 2})
	do("Joost", board.RetroOp{Kind: board.OpVote, Card: 4})
	do(me, board.RetroOp{Kind: board.OpVote, Card: 1})
	to(board.PhaseActions)
	do(me, board.RetroOp{Kind: board.OpMakeAction, Action: &board.Action{What: "OPP-planning in week 36", Who: "Joost", When: fixedNow().AddDate(0, 0, 14)}})
	to(phase)
	return r.ID
}

// TestGoldenMeetingSteps keeps the screen of every bordsessie step: the
// check-in with "since last session", successes, goals, the actions step
// with the timer nearly up, planning, and the close step with its summary.
func TestGoldenMeetingSteps(t *testing.T) {
	steps := []struct {
		step  board.Step
		after time.Duration
	}{
		{board.StepCheckIn, time.Minute},
		{board.StepSuccess, 3 * time.Minute},
		{board.StepGoals, 5 * time.Minute},
		{board.StepActions, 13*time.Minute + 30*time.Second},
		{board.StepPlanning, 14 * time.Minute},
		{board.StepClose, 16 * time.Minute},
	}
	for _, st := range steps {
		for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
			for _, size := range goldenSizes {
				t.Run(fmt.Sprintf("%s_%s_%dx%d", st.step, lang, size[0], size[1]), func(t *testing.T) {
					t.Parallel()
					now := fixedNow()
					h, info := demo(t, lang, size[0], size[1])
					if _, err := h.s.StartMeeting(me, info.ID, 0); err != nil {
						t.Fatal(err)
					}
					h.awaitChange()
					if _, err := h.s.Add("Fatima", info.ID, &board.Action{What: "Nieuwe actie in de sessie", Who: "Fatima", When: now.AddDate(0, 0, 3)}); err != nil {
						t.Fatal(err)
					}
					h.awaitChange()
					if _, err := h.s.MoveMeeting(me, info.ID, st.step); err != nil {
						t.Fatal(err)
					}
					h.awaitChange()
					h.m.cfg.Now = func() time.Time { return now.Add(st.after) }
					h.send(tickMsg{})
					golden.RequireEqual(t, []byte(ascii(t, h.view())))
				})
			}
		}
	}
}
