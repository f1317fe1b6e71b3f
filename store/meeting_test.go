package store_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// A whole bordsessie through the store: start, the leader moves the steps,
// hands over, and closes; the summary holds what happened during it.
func TestMeetingLifecycle(t *testing.T) {
	f := newFixture(t)
	done := f.add(t, "Bram", f.action("Oude actie", "Bram", 3)).(*board.Action)
	f.clk.Add(24 * time.Hour)

	m, err := f.s.StartMeeting("anna", f.board.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if m.Leader != "Anna" || m.Step != board.StepCheckIn || m.Duration != board.DefaultMeeting {
		t.Fatalf("started meeting: %+v", m)
	}
	if _, err := f.s.StartMeeting("Bram", f.board.ID, 0); !errors.Is(err, board.ErrMeetingRunning) {
		t.Errorf("second start: %v", err)
	}
	if _, err := f.s.MoveMeeting("Bram", f.board.ID, board.StepGoals); !errors.Is(err, board.ErrNotLeader) {
		t.Errorf("a non-leader moved the step: %v", err)
	}
	if _, err := f.s.MoveMeeting("Anna", f.board.ID, board.StepActions); err != nil {
		t.Fatal(err)
	}
	// During the session: a new action, one done, a success.
	f.add(t, "Chris", f.action("Nieuwe actie uit de sessie", "Chris", 7))
	d := clone(f.snap(t).Find(board.AreaAction, done.ID)).(*board.Action)
	d.Status = board.StatusDone
	if _, err := f.s.Update("Bram", f.board.ID, d); err != nil {
		t.Fatal(err)
	}
	f.add(t, "Anna", &board.Success{Text: "Rustige start van de week"})

	if _, err := f.s.HandOver("Anna", f.board.ID, "kees"); err == nil {
		t.Error("handed over to someone outside the team")
	}
	if _, err := f.s.HandOver("Anna", f.board.ID, "bram"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.EndMeeting("Anna", f.board.ID); !errors.Is(err, board.ErrNotLeader) {
		t.Errorf("the former leader closed the session: %v", err)
	}
	f.clk.Add(14 * time.Minute)
	m, err = f.s.EndMeeting("Bram", f.board.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Running() || m.Summary == nil {
		t.Fatalf("closed meeting: %+v", m)
	}
	r := m.Summary
	if len(r.NewActions) != 1 || r.NewActions[0].Who != "Chris" || len(r.Done) != 1 || r.Done[0].ID != done.ID ||
		len(r.Successes) != 1 {
		t.Errorf("summary: %+v", r)
	}
	if got := m.Leaders; len(got) != 2 || got[0] != "Anna" || got[1] != "Bram" {
		t.Errorf("leaders: %v", got)
	}
	b := f.snap(t)
	if b.Meeting() != nil || len(b.Meetings) != 1 {
		t.Errorf("board still shows a running session: %+v", b.Meetings)
	}
	if _, err := f.s.MoveMeeting("Bram", f.board.ID, board.StepGoals); !errors.Is(err, board.ErrNoMeeting) {
		t.Errorf("moved a closed session: %v", err)
	}
	md := board.MarkdownMeeting(b, board.Labels{Session: "Bordsessie", Leader: "Bordleider", NewActions: "Nieuw", Done: "Klaar", Successes: "Successen", Overdue: "Te laat", Week: "week", Nothing: "niets"})
	for _, want := range []string{"Anna → Bram", "- [ ] Nieuwe actie uit de sessie — Chris", "- [x] Oude actie — Bram", "Rustige start"} {
		if !bytes.Contains([]byte(md), []byte(want)) {
			t.Errorf("session export lacks %q:\n%s", want, md)
		}
	}
}

// The next session's "since last session" covers exactly what happened
// between the two sessions.
func TestMeetingSinceLast(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.StartMeeting("Anna", f.board.ID, 10*time.Minute); err != nil {
		t.Fatal(err)
	}
	f.add(t, "Anna", f.action("Tijdens sessie 1", "Anna", 2))
	if _, err := f.s.EndMeeting("Anna", f.board.ID); err != nil {
		t.Fatal(err)
	}
	f.clk.Add(3 * 24 * time.Hour)
	f.add(t, "Bram", f.action("Tussen de sessies", "Bram", 2))
	f.add(t, "Bram", &board.Success{Text: "Gelukt tussendoor"})
	f.clk.Add(4 * 24 * time.Hour)
	m, err := f.s.StartMeeting("Chris", f.board.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := f.s.Recap(f.board.ID, m.PrevEnd, m.StartSeq)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.NewActions) != 1 || r.NewActions[0].What != "Tussen de sessies" || len(r.Successes) != 1 {
		t.Errorf("since last session: %+v", r)
	}
	// "Tijdens sessie 1" was due two days after the first session, so it
	// is overdue by now and counted as such.
	if len(r.Overdue) != 2 {
		t.Errorf("overdue: %+v", r.Overdue)
	}
}

// A running session survives a restart, step and all, and the JSON export
// carries sessions through a round trip.
func TestMeetingSurvivesRestartAndExport(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.StartMeeting("Anna", f.board.ID, 20*time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.MoveMeeting("Anna", f.board.ID, board.StepPlanning); err != nil {
		t.Fatal(err)
	}
	f.reopen(t)
	b := f.snap(t)
	mt := b.Meeting()
	if mt == nil || mt.Step != board.StepPlanning || mt.Duration != 20*time.Minute || mt.Leader != "Anna" {
		t.Fatalf("after restart: %+v", mt)
	}
	var dump bytes.Buffer
	if err := f.s.Export(&dump); err != nil {
		t.Fatal(err)
	}
	s2 := open(t, t.TempDir()+"/kopie.db", f.clk)
	if err := s2.Import(bytes.NewReader(dump.Bytes())); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := s2.Export(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dump.Bytes(), again.Bytes()) {
		t.Error("export after import differs")
	}
	if _, err := s2.MoveMeeting("Anna", f.board.ID, board.StepClose); err != nil {
		t.Errorf("imported session cannot go on: %v", err)
	}
}

// A leader who left does not lock the board: another member takes the
// role over, and then may move and close the session.
func TestMeetingTakeOver(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.StartMeeting("Anna", f.board.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.HandOver("Bram", f.board.ID, "Chris"); !errors.Is(err, board.ErrNotLeader) {
		t.Errorf("a non-leader gave the role to someone else: %v", err)
	}
	if _, err := f.s.HandOver("bram", f.board.ID, "bram"); err != nil {
		t.Fatalf("take over: %v", err)
	}
	if _, err := f.s.MoveMeeting("Bram", f.board.ID, board.StepGoals); err != nil {
		t.Errorf("the new leader cannot move: %v", err)
	}
	m, err := f.s.EndMeeting("Bram", f.board.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Leaders; len(got) != 2 || got[0] != "Anna" || got[1] != "Bram" {
		t.Errorf("leaders: %v", got)
	}
}

// A session left open since yesterday does not block today's: starting a
// new one closes the old one at its planned end, with a summary of just
// that session.
func TestMeetingStaleDoesNotBlock(t *testing.T) {
	f := newFixture(t)
	old, err := f.s.StartMeeting("Anna", f.board.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.add(t, "Anna", f.action("Tijdens de oude sessie", "Anna", 2))
	f.clk.Add(2 * time.Hour)
	if _, err := f.s.StartMeeting("Bram", f.board.ID, 0); !errors.Is(err, board.ErrMeetingRunning) {
		t.Fatalf("a session of today was replaced: %v", err)
	}
	f.clk.Add(22 * time.Hour)
	f.add(t, "Bram", f.action("Na de oude sessie", "Bram", 2))
	m, err := f.s.StartMeeting("Bram", f.board.ID, 0)
	if err != nil {
		t.Fatalf("a stale session blocks a new one: %v", err)
	}
	b := f.snap(t)
	if len(b.Meetings) != 2 || b.Meeting() == nil || b.Meeting().ID != m.ID || m.Leader != "Bram" {
		t.Fatalf("meetings: %+v", b.Meetings)
	}
	closed := b.Meetings[0]
	if closed.Running() || !closed.Ended.Equal(old.Started.Add(old.Duration)) || closed.Summary == nil {
		t.Fatalf("stale session not closed at its planned end: %+v", closed)
	}
	if n := closed.Summary.NewActions; len(n) != 1 || n[0].What != "Tijdens de oude sessie" {
		t.Errorf("stale summary: %+v", closed.Summary)
	}
	r, err := f.s.Recap(f.board.ID, m.PrevEnd, m.StartSeq)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.NewActions) != 1 || r.NewActions[0].What != "Na de oude sessie" {
		t.Errorf("since last session: %+v", r)
	}
}
