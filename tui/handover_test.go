package tui

import (
	"fmt"
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
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				t.Parallel()
				h, info := demo(t, lang, size[0], size[1])
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
	}
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
	if _, err := h.s.ChangeRetro(me, info.ID, id, board.RetroOp{Kind: board.OpHandRetro, Text: "Joost"}); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	h.press("L")
	if h.m.choose != nil || !strings.Contains(h.plain(), i18n.For(i18n.NL).ErrNotFacilitator) {
		t.Fatalf("a former facilitator got the hand-over:\n%s", h.plain())
	}
}

// The arena's gespreksleider hands over the same way; the header names the
// leaders in order.
func TestArenaHandOver(t *testing.T) {
	h, info := demo(t, i18n.EN, 140, 40)
	arenaFixture(t, h, info.ID)
	h.awaitChange()
	h.press("A", "enter", "L", "2", "1")
	a := h.board().Arenas[len(h.board().Arenas)-1]
	if a.Leader != "Joost" {
		t.Fatalf("leader %q, want Joost", a.Leader)
	}
	if !strings.Contains(h.plain(), "Discussion leader: Marieke → Joost") {
		t.Fatalf("header does not show who led:\n%s", h.plain())
	}
}
