package tui

import (
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// toRetro makes a retrospective from the keyboard and leaves it open.
func toRetro(t *testing.T, h *harness) {
	t.Helper()
	h.press("R", "n")
	h.typeText("Ondersteuning gedrag")
	h.press("enter", "enter", "enter", "enter", "enter", "enter")
	if h.m.screen != screenRetro {
		t.Fatalf("retro not open:\n%s", h.plain())
	}
}

// A whole retrospective from the keyboard, with a second person watching:
// hidden cards while writing, votes hidden while voting, the discussion
// order, and a card that becomes an action on the board.
func TestRetroFlow(t *testing.T) {
	fac, info := demo(t, i18n.NL, 140, 40)
	other := start(t, fac.s, Config{Lang: i18n.NL, User: "Fatima"}, 140, 40)

	toRetro(t, fac)
	mustContain(t, fac.plain(), "Retrospective · Ondersteuning gedrag", "fase 1/8: Acties vorige keer", "begeleider: "+me)
	b, _ := fac.s.Board(info.ID)
	retro := b.Retros[0]

	other.awaitChange()
	other.press("R", "enter")
	mustContain(t, other.plain(), "Ondersteuning gedrag")

	fac.press("]") // write
	other.awaitChange()
	fac.press("a")
	fac.typeText("GEHEIM-van-Marieke")
	fac.press("enter")
	other.awaitChange()
	if strings.Contains(other.view(), "GEHEIM") {
		t.Fatal("another's card is on screen before reveal")
	}
	mustContain(t, other.plain(), "Anderen schreven (verborgen tot onthullen): "+me+" 1")
	other.press("2", "a")
	other.typeText("Fatima schrijft iets")
	other.press("enter")
	fac.awaitChange()
	if strings.Contains(fac.view(), "Fatima schrijft") {
		t.Fatal("the facilitator sees a card before reveal")
	}

	fac.press("]") // reveal
	other.awaitChange()
	mustContain(t, other.plain(), "GEHEIM-van-Marieke")
	if strings.Contains(other.plain(), "GEHEIM-van-Marieke — "+me) {
		t.Error("the author is shown before close")
	}

	fac.press("]", "]") // group, vote
	other.awaitChange()
	other.press("1", "space", "space")
	fac.awaitChange()
	r, _ := fac.m.b.Retro(retro.ID)
	if r.VotesOf(r.Cards[0].ID, "Fatima") != 2 {
		t.Fatalf("votes not stored: %+v", r.Ballots)
	}
	if strings.Contains(fac.plain(), "●") || strings.Contains(fac.plain(), "(2)") {
		t.Error("someone else's votes are visible while voting")
	}
	mustContain(t, other.plain(), "●● GEHEIM", "stemmen over: 1/3")

	fac.press("]") // discuss
	mustContain(t, fac.plain(), "(2) GEHEIM-van-Marieke")
	fac.press("]", "a") // actions: first card in discussion order
	fac.press("enter")
	fac.typeText("morgen")
	fac.press("enter", "enter")
	b, _ = fac.s.Board(info.ID)
	var made *board.Action
	for i := range b.Actions {
		if b.Actions[i].Origin == board.OriginRetro {
			made = &b.Actions[i]
		}
	}
	if made == nil || made.What != "GEHEIM-van-Marieke" || made.Who != me {
		t.Fatalf("no action with origin retro on the board: %+v", made)
	}
	fac.press("]", "enter") // closed, after saying yes
	b, _ = fac.s.Board(info.ID)
	if b.Retros[0].Running() {
		t.Error("retrospective not closed")
	}
	mustContain(t, fac.plain(), "fase 8/8: Afgesloten", "alleen lezen")
}

// The card counts of others may be shown while writing, their texts never:
// checked on the whole rendered screen at both sizes and in English.
func TestRetroHiddenAtEverySize(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h, info := demo(t, i18n.EN, size[0], size[1])
		r, err := h.s.CreateRetro(me, info.ID, "Topic", "", nil, fixedNow(), fixedNow(), false, 0)
		if err != nil {
			t.Fatal(err)
		}
		h.retroOp(me, info.ID, r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite})
		h.retroOp("Joost", info.ID, r.ID, board.RetroOp{Kind: board.OpAddCard, Column: 0, Text: "hidden text of Joost"})
		h.awaitChange()
		h.press("R", "enter")
		for col := range 3 {
			h.press(string(rune('1' + col)))
			if strings.Contains(h.view(), "hidden text") {
				t.Fatalf("%dx%d: Joost's card is on screen before reveal", size[0], size[1])
			}
		}
		mustContain(t, h.plain(), "Others wrote (hidden until reveal): Joost 1", "What went well")
	}
}

// The facilitator can give a phase a timer; everyone sees it count down,
// and moving to the next phase stops it.
func TestRetroPhaseTimer(t *testing.T) {
	h, info := demo(t, i18n.NL, 100, 30)
	r, err := h.s.CreateRetro(me, info.ID, "Timer", "", nil, fixedNow(), fixedNow(), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	h.press("R", "enter", "T")
	mustContain(t, h.plain(), "Timer voor deze fase")
	h.press("enter")
	got, _ := h.m.b.Retro(r.ID)
	if got.PhaseMinutes != 5 {
		t.Fatalf("timer not stored: %+v", got)
	}
	mustContain(t, h.plain(), "⏱ nog 05:00")
	h.press("]")
	got, _ = h.m.b.Retro(r.ID)
	if got.PhaseMinutes != 0 || strings.Contains(h.plain(), "⏱") {
		t.Error("the timer goes on into the next phase")
	}
	other := start(t, h.s, Config{Lang: i18n.NL, User: "Joost"}, 100, 30)
	other.press("R", "enter", "T", "enter")
	mustContain(t, other.plain(), "begeleider")
	if got, _ := other.m.b.Retro(r.ID); got.PhaseMinutes != 0 {
		t.Error("a participant set the timer")
	}
}

// Keys that cannot work now say why before a form opens: the timer is the
// facilitator's, cards go in up to grouping, others' cards are theirs, a
// closed retrospective is read-only.
func TestRetroKeysSayWhyNot(t *testing.T) {
	h, info := demo(t, i18n.EN, 140, 40)
	r, err := h.s.CreateRetro(me, info.ID, "Why not", "", nil, fixedNow(), fixedNow(), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	change := func(who string, op board.RetroOp) {
		t.Helper()
		h.retroOp(who, info.ID, r.ID, op)
	}
	change(me, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite})
	change("Joost", board.RetroOp{Kind: board.OpAddCard, Column: 0, Text: "kaart van Joost"})
	change(me, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseReveal})
	h.awaitChange()
	other := start(t, h.s, Config{Lang: i18n.EN, User: "Fatima"}, 140, 40)
	other.press("R", "enter", "T")
	if other.m.form != nil {
		t.Fatal("a participant got the timer form")
	}
	mustContain(t, other.plain(), "Only the retrospective's facilitator can do this.")
	other.press("e")
	if other.m.form != nil {
		t.Fatal("the edit form opened on another's card")
	}
	mustContain(t, other.plain(), "You can only change your own cards.")

	change(me, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseVote})
	h.awaitChange()
	h.press("R", "enter", "a")
	if h.m.form != nil {
		t.Fatal("the card form opened while voting")
	}
	mustContain(t, h.plain(), "Cards can be added up to and including grouping")
	h.press("space", "space", "space", "space")
	mustContain(t, h.plain(), "You have no votes left.")

	for _, p := range []board.Phase{board.PhaseDiscuss, board.PhaseActions, board.PhaseClosed} {
		change(me, board.RetroOp{Kind: board.OpPhase, Phase: p})
		h.awaitChange()
	}
	for _, k := range []string{"a", "T", "]"} {
		h.press(k)
		if h.m.form != nil {
			t.Fatalf("%s opened a form on a closed retrospective", k)
		}
		mustContain(t, h.plain(), "This retrospective is closed; it is read-only now.")
	}
}

// With no earlier retrospective the review panel says so, counts nothing
// and has nothing to select.
func TestRetroNoPreviousPlaceholder(t *testing.T) {
	h, info := demo(t, i18n.EN, 140, 40)
	if _, err := h.s.CreateRetro(me, info.ID, "First", "", nil, fixedNow(), fixedNow(), false, 0); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	h.press("R", "enter")
	screen := h.plain()
	mustContain(t, screen, "Previous actions (0)", "No earlier retrospective with actions")
	mustNotContain(t, screen, "Previous actions (1)", "›No earlier")
}
