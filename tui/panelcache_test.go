package tui

import (
	"testing"
	"time"

	"github.com/verbeterbord/bord/tui/i18n"
)

func panelCount() int {
	panels.mu.Lock()
	defer panels.mu.Unlock()
	return panels.n
}

func clearPanels() {
	panels.mu.Lock()
	defer panels.mu.Unlock()
	clear(panels.boards)
	panels.n = 0
}

// TestSharedPanelsAreTheSessionsOwn: sessions on one snapshot in other
// languages, focus, selections and filters each get exactly the frame they
// draw alone, and sessions in the same state share panels.
func TestSharedPanelsAreTheSessionsOwn(t *testing.T) {
	a, _ := demo(t, i18n.NL, 140, 40)
	en := start(t, a.s, Config{Lang: i18n.EN}, 140, 40)
	moved := start(t, a.s, Config{Lang: i18n.NL}, 140, 40)
	moved.press("tab", "down", "down")
	mine := start(t, a.s, Config{Lang: i18n.NL, User: "Fatima"}, 140, 40)
	mine.press("tab", "tab", "tab")
	mine.m.board.filter = filter{kind: filterMine}
	same := start(t, a.s, Config{Lang: i18n.NL}, 140, 40)
	tabbed := start(t, a.s, Config{Lang: i18n.NL}, 140, 40)
	tabbed.press("tab") // the same area focused as moved, another row selected
	allMine := start(t, a.s, Config{Lang: i18n.NL}, 140, 40)
	allMine.press("tab", "tab", "tab") // the same filter as mine, for another user
	allMine.m.board.filter = filter{kind: filterMine}
	narrow := start(t, a.s, Config{Lang: i18n.NL}, 80, 24)
	if a.m.b != en.m.b || a.m.b != same.m.b {
		t.Fatal("the sessions do not share one snapshot; the test shares nothing")
	}
	overdue := start(t, a.s, Config{Lang: i18n.NL}, 140, 40)
	overdue.press("tab", "tab", "tab")
	overdue.m.board.filter = filter{kind: filterOverdue}
	later := start(t, a.s, Config{Lang: i18n.NL, Now: func() time.Time { return today.AddDate(0, 0, 9) }}, 140, 40)
	sessions := []*harness{a, en, moved, tabbed, mine, allMine, overdue, later, same, narrow}
	var alone []string
	for _, h := range sessions {
		clearPanels()
		alone = append(alone, h.view())
	}
	clearPanels()
	for i, h := range sessions {
		if got := h.view(); got != alone[i] {
			t.Errorf("session %d: the frame with shared panels differs from its own:\n%s\n--- alone:\n%s", i, got, alone[i])
		}
	}
	clearPanels()
	a.view()
	n := panelCount()
	same.view()
	if panelCount() != n {
		t.Errorf("a session in the same state drew %d panels again instead of sharing them", panelCount()-n)
	}
}
