package store_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// Two note-takers write at the same time; nothing is lost. An idea becomes
// an action with origin "arena".
func TestArenaConcurrentNotesAndPromote(t *testing.T) {
	f := newFixture(t)
	a, err := f.s.CreateArena("Anna", f.board.ID, "Uitleg", f.clk.Day(0), "groep 7", 6, "Anna", []string{"Bram", "Chris"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	a, err = f.s.ChangeArena("Anna", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest?"})
	if err != nil {
		t.Fatal(err)
	}
	q := a.Questions[0].ID
	var wg sync.WaitGroup
	for _, who := range []string{"Bram", "Chris"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				if _, err := f.s.ChangeArena(who, f.board.ID, a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: q, Text: who + " notitie " + string(rune('a'+i))}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	b := f.snap(t)
	got, _ := b.Arena(a.ID)
	if len(got.Notes) != 50 {
		t.Fatalf("%d notes, want 50", len(got.Notes))
	}
	if _, err := f.s.ChangeArena("Anna", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpAddIdea, Text: "Kortere uitleg", Feasibility: 3, Impact: 3}); err != nil {
		t.Fatal(err)
	}
	got2, err := f.s.ChangeArena("Anna", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpPromote, ID: 2 + 50, Action: &board.Action{What: "Uitleg max 10 min", Who: "Bram", When: f.clk.Day(7)}})
	if err != nil {
		t.Fatal(err)
	}
	if got2.Ideas[0].Action == 0 {
		t.Fatal("idea does not know its action")
	}
	act := f.snap(t).Find(board.AreaAction, got2.Ideas[0].Action).(*board.Action)
	if act.Origin != board.OriginArena {
		t.Errorf("origin %s", act.Origin)
	}
	if f.snap(t).OpenArenas() != 1 {
		t.Error("the arena is open until reported back")
	}
}

// Retention deletes exactly the raw notes of arenas past their period, on
// the boards that set it, and nothing else: themes, ideas and the actions
// they became stay, young arenas keep their notes, and another board's
// arena under the default period is untouched.
func TestArenaRetention(t *testing.T) {
	f := newFixture(t)
	other, err := f.s.CreateBoard("Anna", f.team.ID, "Organisatorisch bord")
	if err != nil {
		t.Fatal(err)
	}
	const secret = "notitie-die-weg-moet"
	old, _ := f.s.CreateArena("Anna", f.board.ID, "Oud", f.clk.Day(0), "groep 5", 6, "Anna", nil, 0)
	young, _ := f.s.CreateArena("Anna", f.board.ID, "Jong", f.clk.Day(25), "groep 6", 6, "Anna", nil, 0)
	elsewhere, _ := f.s.CreateArena("Anna", other.ID, "Elders", f.clk.Day(0), "groep 8", 6, "Anna", nil, 0)
	for _, ar := range []struct{ board, id uint64 }{{f.board.ID, old.ID}, {f.board.ID, young.ID}, {other.ID, elsewhere.ID}} {
		a, err := f.s.ChangeArena("Anna", ar.board, ar.id, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest?"})
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range []board.ArenaOp{
			{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: secret},
			{Kind: board.OpAddTheme, Text: "thema"},
			{Kind: board.OpAddIdea, Text: "idee", Feasibility: 2, Impact: 2},
		} {
			if _, err := f.s.ChangeArena("Bram", ar.board, ar.id, op); err != nil {
				t.Fatal(err)
			}
		}
	}
	o, _ := f.snap(t).Arena(old.ID)
	promoted, err := f.s.ChangeArena("Anna", f.board.ID, old.ID, board.ArenaOp{Kind: board.OpPromote, ID: o.Ideas[0].ID,
		Action: &board.Action{What: "Kortere uitleg", Who: "Bram", When: f.clk.Day(40)}})
	if err != nil {
		t.Fatal(err)
	}
	actionID := promoted.Ideas[0].Action
	if err := f.s.SetRetention("Anna", f.board.ID, 30); err != nil {
		t.Fatal(err)
	}
	f.clk.Add(31 * 24 * time.Hour) // past 30 days, not past the default 60
	n, err := f.s.ApplyRetention()
	if err != nil || n != 1 {
		t.Fatalf("retention cleaned %d (%v), want 1", n, err)
	}
	b := f.snap(t)
	o, _ = b.Arena(old.ID)
	y, _ := b.Arena(young.ID)
	if len(o.Notes) != 0 || o.NotesDeleted.IsZero() || len(o.Themes) != 1 || len(o.Ideas) != 1 || len(o.Questions) != 1 {
		t.Errorf("old arena after retention: %+v", o)
	}
	if o.Ideas[0].Action != actionID || b.Find(board.AreaAction, actionID) == nil {
		t.Errorf("the promoted action did not survive retention: idea %+v", o.Ideas[0])
	}
	if len(y.Notes) != 1 {
		t.Errorf("young arena lost its notes: %+v", y)
	}
	ob, err := f.s.Board(other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := ob.Arena(elsewhere.ID); len(e.Notes) != 1 || !e.NotesDeleted.IsZero() {
		t.Errorf("another board's arena (default period) was touched: %+v", e)
	}
	if n, _ := f.s.ApplyRetention(); n != 0 {
		t.Error("retention ran twice")
	}
	// Note texts are never in the audit log, so nothing of them outlives
	// the retention period: no field of any record holds one.
	for _, id := range []uint64{f.board.ID, other.ID} {
		recs, err := f.s.Audit(id, 0)
		if err != nil || len(recs) == 0 {
			t.Fatalf("audit of board %d: %d records, %v", id, len(recs), err)
		}
		for _, r := range recs {
			raw, _ := json.Marshal(r)
			if strings.Contains(string(raw), secret) {
				t.Errorf("a note text in the audit log: %s", raw)
			}
		}
	}
	// Later the other board's default period passes, and the young one's.
	f.clk.Add(30 * 24 * time.Hour)
	if n, _ := f.s.ApplyRetention(); n != 2 {
		t.Errorf("later retention cleaned %d, want 2", n)
	}
}
