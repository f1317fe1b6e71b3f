package board

import (
	"errors"
	"testing"
	"time"
)

func TestMeetingRules(t *testing.T) {
	start, team := sessionStart, fatimaJoost
	m := &Meeting{Leader: "Fatima", Leaders: []string{"Fatima"}, Started: start, Duration: DefaultMeeting, Step: StepCheckIn, StepAt: start}

	var sum time.Duration
	for _, s := range Agenda {
		sum += m.Guide(s)
	}
	if sum != DefaultMeeting {
		t.Errorf("guide times add up to %s, want the whole session", sum)
	}
	if m.Guide(StepActions) != 5*time.Minute {
		t.Errorf("actions get %s", m.Guide(StepActions))
	}
	if err := m.Move("Joost", StepGoals, start); !errors.Is(err, ErrNotLeader) {
		t.Errorf("non-leader moved: %v", err)
	}
	if err := m.Move("fatima", Step("dansen"), start); err == nil {
		t.Error("moved to a step that is not on the agenda")
	}
	later := start.Add(3 * time.Minute)
	if err := m.Move("fatima", StepGoals, later); err != nil || m.Step != StepGoals || !m.StepAt.Equal(later) || m.StepIndex() != 2 {
		t.Errorf("move: %v %+v", err, m)
	}
	if m.NearlyUp(start.Add(12*time.Minute)) || !m.NearlyUp(start.Add(13*time.Minute)) || !m.NearlyUp(start.Add(20*time.Minute)) {
		t.Error("the calm warning comes in the last two minutes, and stays when over time")
	}
	if m.Remaining(start.Add(16*time.Minute)) != -time.Minute {
		t.Error("over time is negative remaining time")
	}
	if err := m.HandOver("Fatima", "Piet", team); err == nil {
		t.Error("handed over to a non-member")
	}
	if err := m.HandOver("Fatima", "joost", team); err != nil || m.Leader != "Joost" || len(m.Leaders) != 2 {
		t.Errorf("hand over: %v %+v", err, m)
	}
	if err := m.Move("Fatima", StepClose, later); !errors.Is(err, ErrNotLeader) {
		t.Error("the former leader still moves the steps")
	}
	m.Ended = later
	if m.Running() || m.Move("Joost", StepClose, later) != ErrNoMeeting {
		t.Error("a closed meeting still runs")
	}
	if a, ok := StepClose.Area(); ok || a != "" {
		t.Error("close is no board area")
	}
}

// A leader who left must not lock the board: any member takes the role
// over for themselves, and the rotation records it; only the leader gives
// it to someone else.
func TestMeetingTakeOver(t *testing.T) {
	start := sessionStart
	team := Team{Members: []Member{{Name: "Fatima"}, {Name: "Joost"}, {Name: "Sanne"}}}
	m := &Meeting{Leader: "Fatima", Leaders: []string{"Fatima"}, Started: start, Duration: DefaultMeeting, Step: StepCheckIn}
	if err := m.HandOver("Joost", "Sanne", team); !errors.Is(err, ErrNotLeader) {
		t.Errorf("a non-leader gave the role to someone else: %v", err)
	}
	if err := m.TakeOver("piet", team); err == nil {
		t.Error("someone outside the team took over")
	}
	if err := m.TakeOver("joost", team); err != nil || m.Leader != "Joost" {
		t.Fatalf("take over: %v, leader %s", err, m.Leader)
	}
	if err := m.TakeOver("Joost", team); err != nil || len(m.Leaders) != 2 || m.Leaders[1] != "Joost" {
		t.Errorf("taking over twice: %v %v", err, m.Leaders)
	}
	if err := m.Move("Joost", StepGoals, start); err != nil {
		t.Errorf("the new leader cannot move: %v", err)
	}
}

// A session never closed does not block the next day's: it is stale, and
// closes at its planned end.
func TestMeetingStale(t *testing.T) {
	start := sessionStart
	m := &Meeting{Leader: "Fatima", Started: start, Duration: DefaultMeeting}
	if m.Stale(start.Add(8 * time.Hour)) {
		t.Error("stale on the same day")
	}
	if m.EndStale(start.Add(time.Hour)) || !m.Running() {
		t.Error("closed a session of today")
	}
	next := start.AddDate(0, 0, 1)
	if !m.Stale(next) {
		t.Fatal("not stale the next day")
	}
	if !m.EndStale(next) || m.Running() || !m.Ended.Equal(start.Add(DefaultMeeting)) {
		t.Errorf("stale end: %v", m.Ended)
	}
	if m.Stale(next) {
		t.Error("a closed session is not stale")
	}
}

func TestSummarize(t *testing.T) {
	now := sessionStart
	b := &Board{Actions: []Action{
		{Meta: Meta{ID: 1}, What: "nieuw", Status: StatusTodo, When: now.AddDate(0, 0, 3)},
		{Meta: Meta{ID: 2}, What: "afgerond", Status: StatusDone, When: now},
		{Meta: Meta{ID: 3}, What: "te laat", Status: StatusDoing, When: now.AddDate(0, 0, -2)},
	}, Successes: []Success{{Meta: Meta{ID: 9}, Text: "gelukt"}}}
	changes := []Change{
		{Op: "add", Area: AreaAction, ItemID: 1},
		{Op: "add", Area: AreaAction, ItemID: 1}, // counted once
		{Op: "update", Area: AreaAction, ItemID: 2, Before: &Action{Status: StatusDoing}, After: &Action{Status: StatusDone}},
		{Op: "add", Area: AreaAction, ItemID: 7}, // deleted since: left out
		{Op: "add", Area: AreaSuccess, ItemID: 9},
		{Op: "update", Area: AreaAction, ItemID: 3, Before: &Action{Status: StatusTodo}, After: &Action{Status: StatusDoing}},
	}
	r := Summarize(changes, b, now)
	if len(r.NewActions) != 1 || r.NewActions[0].ID != 1 || len(r.Done) != 1 || r.Done[0].ID != 2 ||
		len(r.Successes) != 1 || len(r.Overdue) != 1 || r.Overdue[0].ID != 3 {
		t.Errorf("recap: %+v", r)
	}
}

// Two quick ] presses are saved concurrently; when the second commits
// first, the first must not take the step back.
func TestMeetingMoveFromOutOfOrder(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	m := Meeting{Leader: "Anna", Step: StepCheckIn, Started: now, Duration: DefaultMeeting}
	if err := m.MoveFrom("Anna", StepSuccess, StepGoals, now); err != nil || m.Step != StepGoals {
		t.Fatalf("second press first: %v, step %s", err, m.Step)
	}
	if err := m.MoveFrom("Anna", StepCheckIn, StepSuccess, now); err != nil || m.Step != StepGoals {
		t.Fatalf("the overtaken first press moved the step back: %v, step %s", err, m.Step)
	}
	// Back presses likewise, and a plain move still works.
	if err := m.MoveFrom("Anna", StepSuccess, StepCheckIn, now); err != nil || m.Step != StepCheckIn {
		t.Fatalf("back: %v, step %s", err, m.Step)
	}
	if err := m.MoveFrom("Anna", StepGoals, StepSuccess, now); err != nil || m.Step != StepCheckIn {
		t.Fatalf("an overtaken back press moved forward: %v, step %s", err, m.Step)
	}
	if err := m.MoveFrom("Bram", StepCheckIn, StepSuccess, now); err != ErrNotLeader {
		t.Errorf("not the leader: %v", err)
	}
}
