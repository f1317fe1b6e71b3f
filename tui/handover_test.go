package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// L on an open retrospective picks a member, asks, and only then hands the
// facilitator role over; the header then shows who led. The question and
// the header after the hand-over are kept as goldens.
func TestGoldenRetroHandOver(t *testing.T) {
	eachDemoGolden(t, func(t *testing.T, h *harness, info board.Info, _ i18n.Lang, _ int) {
		id := retroFixture(t, h, info.ID, board.PhaseWrite)
		h.awaitChange()
		h.press("R", "enter", "L", "1")
		t.Run("ask", func(t *testing.T) { golden.RequireEqual(t, []byte(ascii(t, h.view()))) })
		if r, _ := h.board().Retro(id); r.Facilitator != me {
			t.Fatalf("handed over before the confirmation: %q", r.Facilitator)
		}
		h.press("1")
		r, _ := h.board().Retro(id)
		if r.Facilitator != "Fatima" {
			t.Fatalf("facilitator %q after the confirmation, want Fatima", r.Facilitator)
		}
		t.Run("after", func(t *testing.T) { golden.RequireEqual(t, []byte(ascii(t, h.view()))) })
	})
}

// eachDemoGolden is eachGolden (goals_golden_test.go) on the demo board,
// each size and language in a parallel subtest; w is the width.
func eachDemoGolden(t *testing.T, run func(t *testing.T, h *harness, info board.Info, lang i18n.Lang, w int)) {
	eachGolden(t, func(t *testing.T, lang i18n.Lang, w, height int) {
		t.Parallel()
		h, info := demo(t, lang, w, height)
		run(t, h, info, lang, w)
	})
}

// Saying no hands nothing over; someone who does not facilitate is told so
// instead of getting a chooser.
func TestRetroHandOverRefused(t *testing.T) {
	h, info := demo(t, i18n.NL, 140, 40)
	id := retroFixture(t, h, info.ID, board.PhaseWrite)
	h.awaitChange()
	h.press("R", "enter", "L", "1", "2")
	if r, _ := h.board().Retro(id); r.Facilitator != me {
		t.Fatalf("'no' handed over to %q", r.Facilitator)
	}
	h.retroOp(me, info.ID, id, board.RetroOp{Kind: board.OpHandRetro, Text: "Joost"})
	h.awaitChange()
	h.press("L")
	if h.m.choose != nil || !strings.Contains(h.plain(), i18n.For(i18n.NL).ErrNotFacilitator) {
		t.Fatalf("a former facilitator got the hand-over:\n%s", h.plain())
	}
}

// A facilitator who left the team leaves no retrospective stuck: L offers
// the role to whoever is still in it, after a question.
func TestRetroTakeOverWhenFacilitatorLeft(t *testing.T) {
	h, info := demo(t, i18n.NL, 140, 40)
	id := retroFixture(t, h, info.ID, board.PhaseWrite)
	h.retroOp(me, info.ID, id, board.RetroOp{Kind: board.OpHandRetro, Text: "Pieter"})
	if _, err := h.s.RemoveMember(me, info.TeamID, "Pieter"); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	h.press("R", "enter", "L")
	if !strings.Contains(h.plain(), "Pieter is geen lid meer") {
		t.Fatalf("no take-over question:\n%s", h.plain())
	}
	h.press("1")
	if r, _ := h.board().Retro(id); r.Facilitator != me || !slices.Equal(r.Led(), []string{me, "Pieter", me}) {
		t.Fatalf("facilitator %q, led %v", r.Facilitator, r.Led())
	}
}

// The arena's gespreksleider hands over the same way (the question is kept
// as a golden); the header names the leaders in order.
func TestGoldenArenaHandOver(t *testing.T) {
	eachDemoGolden(t, func(t *testing.T, h *harness, info board.Info, lang i18n.Lang, w int) {
		arenaFixture(t, h, info.ID)
		h.awaitChange()
		h.press("A", "enter", "L", "2")
		golden.RequireEqual(t, []byte(ascii(t, h.view())))
		h.press("1")
		a := h.board().Arenas[len(h.board().Arenas)-1]
		if a.Leader != "Joost" {
			t.Fatalf("leader %q, want Joost", a.Leader)
		}
		want := i18n.For(lang).Handover.ArenaLeader + ": Marieke → Joost"
		if w > 80 && !strings.Contains(h.plain(), want) {
			t.Fatalf("header does not say %q:\n%s", want, h.plain())
		}
	})
}

// H on an arena asks every how many weeks it repeats (the form is kept as
// a golden), saves it, and the header says so; reporting back then puts
// the next one on the planning in the team's words.
func TestGoldenArenaRepeat(t *testing.T) {
	eachDemoGolden(t, func(t *testing.T, h *harness, info board.Info, lang i18n.Lang, w int) {
		arenaFixture(t, h, info.ID)
		h.awaitChange()
		h.press("A", "enter", "H")
		golden.RequireEqual(t, []byte(ascii(t, h.view())))
		h.press("ctrl+s")
		a := h.board().Arenas[len(h.board().Arenas)-1]
		if a.RepeatWeeks != 12 {
			t.Fatalf("repeat %d weeks, want the suggested 12", a.RepeatWeeks)
		}
		if want := fmt.Sprintf(i18n.For(lang).Handover.RepeatEveryF, 12); w > 80 && !strings.Contains(h.plain(), want) {
			t.Fatalf("the header does not say %q:\n%s", want, h.plain())
		}
	})
}

// A bad number of weeks is refused in the form with the hint, and
// nothing changes.
func TestArenaRepeatBadInput(t *testing.T) {
	h, info := demo(t, i18n.EN, 140, 40)
	arenaFixture(t, h, info.ID)
	h.awaitChange()
	h.press("A", "enter", "H")
	h.fill("weeks", "99")
	h.press("ctrl+s")
	if h.m.form == nil || !strings.Contains(h.plain(), "0 = do not repeat") {
		t.Fatalf("99 weeks was not refused with the hint:\n%s", h.plain())
	}
	if a := h.board().Arenas[len(h.board().Arenas)-1]; a.RepeatWeeks != 0 {
		t.Fatalf("saved %d weeks", a.RepeatWeeks)
	}
}

// An arena whose day passed unheld is flagged on the board's planning.
func TestGoldenBoardOverdueArena(t *testing.T) {
	eachDemoGolden(t, func(t *testing.T, h *harness, info board.Info, lang i18n.Lang, _ int) {
		if _, err := h.s.CreateArena(me, info.ID, "Samenwerken", day(-3), "havo 3", 6, me, nil, 0); err != nil {
			t.Fatal(err)
		}
		h.awaitChange()
		h.press("5") // the planning, also on a narrow screen
		golden.RequireEqual(t, []byte(ascii(t, h.view())))
		if !strings.Contains(h.plain(), "(4) · ! arena") {
			t.Fatalf("the overdue arena is not flagged:\n%s", h.plain())
		}
		h.press("A")
		if !strings.Contains(h.plain(), i18n.For(lang).Handover.NotHeld) {
			t.Fatalf("the arena list does not name the overdue arena:\n%s", h.plain())
		}
	})
}
