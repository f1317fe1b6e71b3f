package tui

import (
	"testing"

	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// Under --lang en the welcome's d makes the English demo: its team, board
// and actions are in English.
func TestWelcomeDemoInEnglish(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	h := start(t, s, Config{Lang: i18n.EN}, 100, 30)
	h.press("d")
	if h.m.screen != screenBoard {
		t.Fatalf("after d: screen %d, want board\n%s", h.m.screen, h.plain())
	}
	teams, _ := s.Teams()
	if len(teams) != 1 || teams[0].Name != store.DemoTeamEN {
		t.Fatalf("teams after d: %+v", teams)
	}
	mustContain(t, h.plain(), store.DemoBoardEN, "Share waiting times per school")
	mustNotContain(t, h.plain(), "Overzicht wachttijden")
}
