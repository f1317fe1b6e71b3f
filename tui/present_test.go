package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// presenting starts a bordsessie on the demo board at the goals step and
// opens the presentation view.
func presenting(t *testing.T, lang i18n.Lang, w, h int) (*harness, board.Info) {
	t.Helper()
	hs, info := demo(t, lang, w, h)
	if _, err := hs.s.StartMeeting(me, info.ID, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := hs.s.MoveMeeting(me, info.ID, board.StepGoals); err != nil {
		t.Fatal(err)
	}
	hs.reload(info.ID)
	hs.press("p")
	return hs, info
}

// TestGoldenPresent keeps the presentation view of the goals step, at both
// sizes and in both languages: the clock in big digits, the step, the
// leader, the goals wrapped with room between them.
func TestGoldenPresent(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				h, _ := presenting(t, lang, size[0], size[1])
				golden.RequireEqual(t, []byte(ascii(t, h.view())))
			})
		}
	}
}

// TestPresentFollowsTheLeader: the presentation shows the step's area and
// follows the leader to the next step; p and esc go back to the board,
// and ? lists p.
func TestPresentFollowsTheLeader(t *testing.T) {
	h, info := presenting(t, i18n.EN, 80, 24)
	msg := i18n.For(i18n.EN)
	mustContain(t, h.plain(), "GOALS (3)", "████", msg.Wall.PresentHint, msg.Leader+": "+me)
	mustNotContain(t, h.plain(), "╭─", "┏━") // no panels
	if _, err := h.s.MoveMeeting(me, info.ID, board.StepActions); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	mustContain(t, h.plain(), "ACTIONS (", "Casusoverleg")
	h.press("down", "pgdown")
	mustContain(t, h.plain(), "›")
	h.press("esc")
	mustContain(t, h.plain(), "┏━ ▶ Actions")
	h.press("esc") // on the board esc does not start it
	mustNotContain(t, h.plain(), msg.Wall.PresentHint)
	h.press("p")
	mustContain(t, h.plain(), msg.Wall.PresentHint)
	h.press("p")
	mustNotContain(t, h.plain(), msg.Wall.PresentHint)
	h.press("?")
	mustContain(t, h.plain(), "p   "+msg.Wall.KeyPresent)

	// Outside a bordsessie it presents the focused area and says how to
	// start one.
	plain, _ := demo(t, i18n.NL, 140, 40)
	plain.press("p")
	mustContain(t, plain.plain(), i18n.For(i18n.NL).Wall.PresentNoMeeting, "ACTIES (7)")
	if n := len(strings.Split(plain.view(), "\n")); n != 40 {
		t.Errorf("%d lines", n)
	}
}

// TestGoldenLeaderGone keeps the screen of a member whose bordsessie
// leader left, and the offer after their first key, at both sizes and in
// both languages.
func TestGoldenLeaderGone(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				lead, other, _, _ := inSession(t, lang, "Fatima", size[0], size[1])
				lead.m.Close()
				other.await("the leader gone", func() bool { return other.m.lead.gone != "" })
				golden.RequireEqual(t, []byte(ascii(t, other.view())))
				other.press("down")
				t.Run("offer", func(t *testing.T) { golden.RequireEqual(t, []byte(ascii(t, other.view()))) })
			})
		}
	}
}
