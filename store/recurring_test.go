package store_test

import (
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// Reporting back a recurring arena makes the next one, a term later, with
// the ideas that became no action, on the planning; reporting back late
// still makes it, without a planning item, and it is overdue.
func TestRecurringArena(t *testing.T) {
	f := newFixture(t)
	a, err := f.s.CreateArena("Anna", f.board.ID, "Uitleg", f.clk.Day(0), "groep 7", 6, "Anna", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	change := func(op board.ArenaOp) board.Arena {
		t.Helper()
		got, err := f.s.ChangeArena("Anna", f.board.ID, a.ID, op)
		if err != nil {
			t.Fatalf("%s: %v", op.Kind, err)
		}
		return got
	}
	if _, err := f.s.ChangeArena("Anna", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpRepeat, Delta: 53}); err == nil {
		t.Error("a gap of more than a year was accepted")
	}
	change(board.ArenaOp{Kind: board.OpRepeat, Delta: 12})
	change(board.ArenaOp{Kind: board.OpAddIdea, Text: "Vaker samenwerken", Feasibility: 3, Impact: 2})
	a = change(board.ArenaOp{Kind: board.OpAddIdea, Text: "Uitleg korter", Feasibility: 3, Impact: 3})
	act := &board.Action{What: "Uitleg max 10 min", Who: "Anna", When: f.clk.Day(7)}
	change(board.ArenaOp{Kind: board.OpPromote, ID: a.Ideas[1].ID, Action: act})
	a = change(board.ArenaOp{Kind: board.OpReportBack, Text: "in de klas", Date: f.clk.Day(0), PlanText: "Leerlingarena: Uitleg"})
	b, err := f.s.Board(f.board.ID)
	if err != nil {
		t.Fatal(err)
	}
	next, ok := b.Arena(a.Next)
	if !ok {
		t.Fatal("no next arena after the report back")
	}
	if want := f.clk.Day(84); !next.Date.Equal(want) || next.Prev != a.ID || next.RepeatWeeks != 12 {
		t.Errorf("next: date %v (want %v), prev %d, every %d weeks", next.Date, want, next.Prev, next.RepeatWeeks)
	}
	if len(next.Ideas) != 1 || next.Ideas[0].Text != "Vaker samenwerken" {
		t.Errorf("next carries %v, want only the open idea", next.Ideas)
	}
	plan := b.Find(board.AreaPlanning, next.Plan)
	if plan == nil || plan.Label() != "Leerlingarena: Uitleg" {
		t.Fatalf("the next arena is not on the planning: %v", plan)
	}
	if next.Overdue(f.clk.Day(84)) || !next.Overdue(f.clk.Day(85)) {
		t.Error("overdue is not the day after the planned day")
	}

	// The next one is held late: reported back after its own successor's
	// day would be; that one is made, overdue, with no planning item.
	f.clk.Add(200 * 24 * time.Hour)
	if _, err := f.s.ChangeArena("Anna", f.board.ID, next.ID, board.ArenaOp{Kind: board.OpReportBack, Text: "mail", Date: f.clk.Day(0)}); err != nil {
		t.Fatal(err)
	}
	b, _ = f.s.Board(f.board.ID)
	late := b.Arenas[len(b.Arenas)-1]
	if late.Prev != next.ID || late.Plan != 0 || !late.Overdue(f.clk.Day(0)) {
		t.Errorf("late next: prev %d, plan %d, overdue %v", late.Prev, late.Plan, late.Overdue(f.clk.Day(0)))
	}
}
