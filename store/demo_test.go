package store_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/store"
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

// The demo speaks the language it is asked in: English under --lang en
// (no Dutch goal, action or team name), Dutch otherwise, with the same
// shape.
func TestCreateDemoInEnglish(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "demo.db"), newClock())
	info, err := s.CreateDemoIn("en", "Marieke")
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Board(info.ID)
	if err != nil {
		t.Fatal(err)
	}
	if info.Name != store.DemoBoardEN || b.Goals[0].Title != "Fewer pupils out of school in the region" || len(b.Actions) != 7 || b.Version != 3+3+4+2+7+4+1 {
		t.Errorf("English demo: board %q, goal %q, %d actions, version %d", info.Name, b.Goals[0].Title, len(b.Actions), b.Version)
	}
	if len(b.Speerpunten) != 2 || b.Speerpunten[0].Title != "Pupils out of school" {
		t.Errorf("English demo speerpunten: %+v", b.Speerpunten)
	}
	teams, _ := s.Teams()
	if len(teams) != 1 || teams[0].Name != store.DemoTeamEN {
		t.Errorf("English demo team: %+v", teams)
	}
	for _, a := range b.Actions {
		if strings.Contains(a.What, "thuiszitters") || strings.Contains(a.What, "plannen") {
			t.Errorf("Dutch action in the English demo: %q", a.What)
		}
	}
	nl, err := s.CreateDemoIn("nl", "Marieke")
	if err != nil || nl.Name != store.DemoBoard {
		t.Errorf("Dutch demo: %+v %v", nl, err)
	}
}
