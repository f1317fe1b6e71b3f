package tui

import (
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

func init() { tickEvery = time.Millisecond }

// A bordsessie from the keyboard: S starts it with the timer, ] moves the
// steps and the screen follows, looking elsewhere stops following until v,
// the close step shows the summary, E closes and keeps it.
func TestMeetingKeys(t *testing.T) {
	h, info := demo(t, i18n.NL, 140, 40)
	h.press("S")
	mustContain(t, h.plain(), "Bordsessie starten", "Minuten")
	h.press("enter")
	b, _ := h.s.Board(info.ID)
	mt := b.Meeting()
	if mt == nil || mt.Leader != me || mt.Duration != 15*time.Minute {
		t.Fatalf("session not started: %+v", mt)
	}
	screen := h.plain()
	mustContain(t, screen, "Bordsessie · nog 15:00", "bordleider: "+me, "1/6 Check-in", "Sinds vorige sessie")
	if board.Areas[h.m.board.area] != board.AreaCheckIn {
		t.Errorf("the screen does not follow the first step")
	}
	h.press("]", "]")
	b, _ = h.s.Board(info.ID)
	if b.Meeting().Step != board.StepGoals {
		t.Fatalf("two ] should reach goals, got %s", b.Meeting().Step)
	}
	if board.Areas[h.m.board.area] != board.AreaGoal {
		t.Error("the screen does not follow the step")
	}
	h.press("5") // look at the planning
	mustContain(t, h.plain(), "je kijkt elders")
	h.press("v")
	if board.Areas[h.m.board.area] != board.AreaGoal {
		t.Error("v does not go back to the step")
	}
	h.press("]", "a")
	h.typeText("Actie uit de bordsessie")
	h.press("enter", "enter")
	h.typeText("morgen")
	h.press("enter", "enter")
	h.press("]", "]")
	b, _ = h.s.Board(info.ID)
	if b.Meeting().Step != board.StepClose {
		t.Fatalf("step %s, want close", b.Meeting().Step)
	}
	mustContain(t, h.plain(), "Afsluiten", "Nieuwe acties (1)", "Actie uit de bordsessie", "Bordleiders: week 48 "+me)
	h.press("E")
	mustContain(t, h.plain(), "Bordsessie afsluiten")
	h.press("1")
	b, _ = h.s.Board(info.ID)
	if b.Meeting() != nil || len(b.Meetings) != 1 || b.Meetings[0].Summary == nil || len(b.Meetings[0].Summary.NewActions) != 1 {
		t.Fatalf("session not closed with a summary: %+v", b.Meetings)
	}
	mustContain(t, h.plain(), "Bordsessie afgesloten")
}

// Only the leader moves the steps; the others follow on their own screens.
func TestMeetingFollowersFollow(t *testing.T) {
	leader, info := demo(t, i18n.EN, 80, 24)
	other := start(t, leader.s, Config{Lang: i18n.EN, User: "Fatima"}, 80, 24)
	leader.press("S", "enter")
	other.awaitChange()
	mustContain(t, other.plain(), "Board session · 15:00 left")
	other.press("]")
	mustContain(t, other.plain(), "Only the session leader")
	leader.press("]")
	other.awaitChange()
	if board.Areas[other.m.board.area] != board.AreaSuccess {
		t.Errorf("the other screen did not follow to successes: %s", board.Areas[other.m.board.area])
	}
	mustContain(t, other.plain(), "[2 Successes]")
	_ = info
}

// A leader who left does not lock the board: someone else presses L, takes
// the role over, and can move the steps and close the session.
func TestMeetingTakeOverKey(t *testing.T) {
	leader, info := demo(t, i18n.NL, 140, 40)
	other := start(t, leader.s, Config{Lang: i18n.NL, User: "Fatima"}, 140, 40)
	leader.press("S", "enter")
	other.awaitChange()
	other.press("E")
	mustContain(t, other.plain(), "Alleen de bordleider kan dit; met L neem je de rol over.")
	other.press("L")
	mustContain(t, other.plain(), "De rol van bordleider overnemen van "+me+"?")
	other.press("1")
	b, _ := other.s.Board(info.ID)
	if mt := b.Meeting(); mt == nil || mt.Leader != "Fatima" || len(mt.Leaders) != 2 {
		t.Fatalf("role not taken over: %+v", mt)
	}
	mustContain(t, other.plain(), "Bordleider is nu Fatima", "bordleider: Fatima")
	other.press("]")
	if b, _ = other.s.Board(info.ID); b.Meeting().Step != board.StepSuccess {
		t.Errorf("the new leader cannot move: %s", b.Meeting().Step)
	}
	other.press("E", "1")
	if b, _ = other.s.Board(info.ID); b.Meeting() != nil {
		t.Error("the new leader cannot close the session")
	}
}

// A session left open yesterday does not block today's: S starts a new
// one and the old one is closed.
func TestMeetingStaleStart(t *testing.T) {
	var clock atomic.Value
	clock.Store(today.AddDate(0, 0, -1))
	s, err := store.Open(filepath.Join(t.TempDir(), "bord.db"), store.Options{Now: func() time.Time { return clock.Load().(time.Time) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	info, err := s.CreateDemo(me)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartMeeting("Fatima", info.ID, 0); err != nil {
		t.Fatal(err)
	}
	clock.Store(today)
	h := start(t, s, Config{Lang: i18n.EN}, 140, 40)
	h.press("S")
	mustNotContain(t, h.plain(), "already running")
	h.press("enter")
	b, _ := s.Board(info.ID)
	if mt := b.Meeting(); mt == nil || mt.Leader != me || len(b.Meetings) != 2 || b.Meetings[0].Running() {
		t.Fatalf("no new session over the stale one: %+v", b.Meetings)
	}
}

// When saving the leader's step fails, the screen goes back to the stored
// step instead of showing (and stepping on from) the one asked for.
func TestMeetingMoveFailureRestoresStep(t *testing.T) {
	h, info := demo(t, i18n.EN, 140, 40)
	h.press("S", "enter")
	// Fatima takes the role over; this screen has not seen it yet.
	if _, err := h.s.HandOver("Fatima", info.ID, "Fatima"); err != nil {
		t.Fatal(err)
	}
	h.press("]")
	if h.m.board.meet.step != board.StepCheckIn || h.focused() != board.AreaCheckIn {
		t.Errorf("after a failed move: step %s, area %s; want check-in", h.m.board.meet.step, h.focused())
	}
	mustContain(t, h.plain(), "Only the session leader")
}

// Someone who joins while the session runs lands on the step the leader is
// at, with the same clock and leader, and follows from there.
func TestMeetingJoinMidSession(t *testing.T) {
	leader, info := demo(t, i18n.NL, 140, 40)
	leader.press("S", "enter", "]", "]")
	if b, _ := leader.s.Board(info.ID); b.Meeting() == nil || b.Meeting().Step != board.StepGoals {
		t.Fatal("the leader is not at goals")
	}
	late := start(t, leader.s, Config{Lang: i18n.NL, User: "Fatima"}, 140, 40)
	mustContain(t, late.plain(), "3/6 Doelen", "bordleider: "+me, "Bordsessie · nog 15:00")
	if board.Areas[late.m.board.area] != board.AreaGoal {
		t.Errorf("the late joiner is in %s, not at the leader's step", board.Areas[late.m.board.area])
	}
	// The runtime starts the board watch at once; the harness parks it
	// unstarted. Start it, so the leader's next move is seen.
	parked := late.pending
	late.pending = nil
	for _, p := range parked {
		late.handle(<-p, true)
	}
	leader.press("]")
	if b, _ := leader.s.Board(info.ID); b.Meeting().Step != board.StepActions {
		t.Fatalf("the leader's ] did not reach actions: %s\n%s", b.Meeting().Step, leader.plain())
	}
	late.awaitChange()
	if board.Areas[late.m.board.area] != board.AreaAction {
		t.Errorf("the late joiner does not follow to actions: %s", board.Areas[late.m.board.area])
	}
}

// The leader hands the role to someone who is here: over SSH the chooser
// lists the people on the board now, never the leader; alone, the team.
func TestMeetingHandOverToPresent(t *testing.T) {
	h, _ := demo(t, i18n.NL, 140, 40)
	h.press("S", "enter")
	h.press("L")
	if h.m.choose == nil || slices.Contains(h.m.choose.options, me) || !slices.Contains(h.m.choose.options, "Fatima") {
		t.Fatalf("without presence: the team but the leader, got %+v", h.m.choose)
	}
	h.press("esc")
	h.send(presenceMsg{peers: []Peer{{Name: "Sanne", Area: board.AreaGoal}, {Name: "Joost", Area: board.AreaAction}}})
	h.press("L")
	if h.m.choose == nil || !slices.Equal(h.m.choose.options, []string{"Sanne", "Joost"}) {
		t.Fatalf("with Sanne and Joost here: %+v", h.m.choose)
	}
}
