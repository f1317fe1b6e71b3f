package store_test

import (
	"path/filepath"
	"testing"
)

// CreateDemo is one transaction: when it fails halfway (here: an empty
// actor name makes the actor's own action invalid, after the team, the board
// and most items) nothing of it stays, and a second try works.
func TestCreateDemoIsOneTransaction(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "demo.db"), newClock())
	if _, err := s.CreateDemo("\x1b[2J"); err == nil {
		t.Fatal("a demo whose actor is no name was made")
	}
	if teams, _ := s.Teams(); len(teams) != 0 {
		t.Fatalf("a failed demo left %d teams", len(teams))
	}
	if boards, _ := s.Boards(0); len(boards) != 0 {
		t.Fatalf("a failed demo left %d boards", len(boards))
	}
	info, err := s.CreateDemo("Marieke")
	if err != nil {
		t.Fatalf("the second try: %v", err)
	}
	b, err := s.Board(info.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Goals) != 3 || len(b.Actions) != 7 || len(b.CheckIns) != 4 || b.Version != 3+3+4+2+7+4+1 {
		t.Errorf("demo board: %d goals, %d actions, %d check-ins, version %d", len(b.Goals), len(b.Actions), len(b.CheckIns), b.Version)
	}
}
