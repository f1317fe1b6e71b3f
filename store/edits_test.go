package store_test

import (
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

func (f *fixture) goal(t *testing.T, title string) *board.Goal {
	t.Helper()
	return f.add(t, "Anna", &board.Goal{Title: title, ByWhen: f.clk.Day(30), Measure: "toets"}).(*board.Goal)
}

// Deleting a goal with open actions: the board says how many first; the
// actions stay, unlinked, and can still change status, be deleted and be
// put back; undoing the goal's delete links them again.
func TestDeleteGoalKeepsActions(t *testing.T) {
	f := newFixture(t)
	g, act := f.goalWithAction(t, "Rekenen omhoog", "Instructie korter")
	done := f.action("Oefenen", "Chris", 7)
	done.GoalID, done.Status = g.ID, board.StatusDone
	f.add(t, "Chris", done)
	if n := f.snap(t).OpenActionsOf(g.ID); n != 1 {
		t.Fatalf("open actions of the goal: %d, want 1", n)
	}
	if err := f.s.Delete("Anna", f.board.ID, board.AreaGoal, g.ID, g.Version); err != nil {
		t.Fatal(err)
	}
	cur := f.snap(t).Find(board.AreaAction, act.ID).(*board.Action)
	if cur.GoalID != 0 {
		t.Fatalf("action still points to the deleted goal %d", cur.GoalID)
	}
	cur.Status = board.StatusDoing
	saveDeleteUndo(t, f, "Bram", cur, "an action whose goal was deleted", "the action's delete")
	if _, err := f.s.Restore("Anna", f.board.ID, g); err != nil {
		t.Fatalf("undo of the goal's delete: %v", err)
	}
	b := f.snap(t)
	for _, a := range b.Actions {
		if a.GoalID != g.ID {
			t.Errorf("after undo %q has goal %d, want %d again", a.What, a.GoalID, g.ID)
		}
	}
}

// An action deleted while linked, whose goal is deleted afterwards, comes
// back without the goal instead of failing its undo.
func TestRestoreAfterGoalDeleted(t *testing.T) {
	f := newFixture(t)
	g, act := f.goalWithAction(t, "Lezen", "Voorlezen")
	if err := f.s.Delete("Bram", f.board.ID, board.AreaAction, act.ID, act.Version); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Delete("Anna", f.board.ID, board.AreaGoal, g.ID, g.Version); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Restore("Bram", f.board.ID, act)
	if err != nil {
		t.Fatalf("undo of a delete whose goal went since: %v", err)
	}
	if got.(*board.Action).GoalID != 0 || f.snap(t).Find(board.AreaAction, act.ID) == nil {
		t.Errorf("restored: %+v", got)
	}
}

// The actions of a member who left can still change status, be deleted and
// be put back; a new action for them is still refused.
func TestRemovedOwnerActions(t *testing.T) {
	f := newFixture(t)
	act := f.add(t, "Bram", f.action("Rooster maken", "Bram", 7)).(*board.Action)
	if _, err := f.s.RemoveMember("Anna", f.team.ID, "Bram"); err != nil {
		t.Fatal(err)
	}
	cur := clone(f.snap(t).Find(board.AreaAction, act.ID)).(*board.Action)
	cur.Status = board.StatusDone
	saveDeleteUndo(t, f, "Anna", cur, "a removed member's action", "a removed member's action")
	other := f.add(t, "Anna", f.action("Iets anders", "Chris", 7)).(*board.Action)
	other.Who = "Bram"
	if _, err := f.s.Update("Anna", f.board.ID, other); err == nil {
		t.Error("an action was given to a removed member")
	}
}

// Bert edits an action, Anna marks it done, Bert forces his save: his text
// lands and Anna's "done" stays. Diff names every field that differs.
func TestForcedSaveKeepsOthersFields(t *testing.T) {
	f := newFixture(t)
	base := f.add(t, "Anna", f.action("Instructie korter", "Bram", 7)).(*board.Action)
	bert := clone(base).(*board.Action)
	bert.What = "Instructie max 10 minuten"
	anna := clone(base).(*board.Action)
	anna.Status = board.StatusDone
	if _, err := f.s.Update("Anna", f.board.ID, anna); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Update("Bram", f.board.ID, bert)
	var c *store.ConflictError
	if !errors.As(err, &c) {
		t.Fatalf("stale save: %v", err)
	}
	if d := board.Diff(bert, c.Current); !slices.Equal(d, []string{"what", "status", "done_at"}) {
		t.Errorf("Diff = %v, want what, status, done_at", d)
	}
	for range 2 { // a second forced save changes nothing more
		if _, err := f.s.ForceUpdate("Bram", f.board.ID, base, bert); err != nil {
			t.Fatal(err)
		}
	}
	got := f.snap(t).Find(board.AreaAction, base.ID).(*board.Action)
	if got.What != bert.What || got.Status != board.StatusDone {
		t.Fatalf("after the forced save: %q %s; want Bert's text and Anna's done", got.What, got.Status)
	}
}

// Two people adding a measurement at once: both are kept.
func TestMeasurementsCommute(t *testing.T) {
	f := newFixture(t)
	g := f.goal(t, "Rekenen omhoog")
	var wg sync.WaitGroup
	for i, who := range []string{"Anna", "Bram", "Chris"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.s.AddMeasurement(who, f.board.ID, g.ID, board.Measurement{Date: f.clk.Day(0), Value: float64(i)}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	got := f.snap(t).Find(board.AreaGoal, g.ID).(*board.Goal)
	if got.Indicator == nil || len(got.Indicator.Measurements) != 3 {
		t.Fatalf("measurements: %+v, want 3", got.Indicator)
	}
	if _, err := f.s.AddMeasurement("Kees", f.board.ID, g.ID, board.Measurement{Date: f.clk.Day(0), Value: 1}); err == nil {
		t.Error("someone outside the team measured")
	}
}

// Anna deletes an action Bert is editing; his save says it is gone; Anna
// undoes; Bert saves again: he sees the restored action (a conflict), and
// there is never a second copy — nor when he saves before her undo.
func TestDeleteEditUndoNoDuplicate(t *testing.T) {
	for _, bertFirst := range []bool{false, true} {
		f := newFixture(t)
		act := f.add(t, "Anna", f.action("Rooster maken", "Bram", 7)).(*board.Action)
		bert := clone(act).(*board.Action)
		bert.What = "Rooster maken voor mei"
		if err := f.s.Delete("Anna", f.board.ID, board.AreaAction, act.ID, act.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Update("Bram", f.board.ID, bert); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("save of a deleted action: %v", err)
		}
		if bertFirst {
			if _, err := f.s.Resave("Bram", f.board.ID, bert); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.Restore("Anna", f.board.ID, act); !errors.Is(err, store.ErrExists) {
				t.Errorf("undo after Bert put it back: %v, want ErrExists", err)
			}
		} else {
			if _, err := f.s.Restore("Anna", f.board.ID, act); err != nil {
				t.Fatal(err)
			}
			_, err := f.s.Resave("Bram", f.board.ID, bert)
			var c *store.ConflictError
			if !errors.As(err, &c) || c.Current.Base().ID != act.ID {
				t.Errorf("save after the undo: %v, want a conflict with the restored action", err)
			}
		}
		if b := f.snap(t); len(b.Actions) != 1 {
			t.Fatalf("bertFirst=%v: %d actions, want 1", bertFirst, len(b.Actions))
		}
	}
}

// The next retrospective's review can close an action whose owner left.
func TestReviewActionOfRemovedOwner(t *testing.T) {
	f := newFixture(t)
	act := f.add(t, "Bram", f.action("Rooster maken", "Bram", 7)).(*board.Action)
	if _, err := f.s.RemoveMember("Anna", f.team.ID, "Bram"); err != nil {
		t.Fatal(err)
	}
	r := f.retroAt(t, board.PhaseReview)
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpReview, Action: act, Status: board.StatusDone})
	if got := f.snap(t).Find(board.AreaAction, act.ID).(*board.Action); got.Status != board.StatusDone || got.Who != "Bram" {
		t.Errorf("reviewed: %s by %s", got.Status, got.Who)
	}
}

// ChangeItem is the op form of every item change.
func TestChangeItem(t *testing.T) {
	f := newFixture(t)
	bid := f.board.ID
	g, err := f.s.ChangeItem("Anna", bid, board.ItemOp{Kind: board.ItemAdd, Item: &board.Goal{Title: "Lezen", ByWhen: f.clk.Day(30)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ChangeItem("Bram", bid, board.ItemOp{Kind: board.ItemMeasure, ID: g.Base().ID, Measurement: board.Measurement{Date: f.clk.Day(0), Value: 3}}); err != nil {
		t.Fatal(err)
	}
	cur := f.snap(t).Find(board.AreaGoal, g.Base().ID)
	if _, err := f.s.ChangeItem("Anna", bid, board.ItemOp{Kind: board.ItemDelete, Area: board.AreaGoal, ID: cur.Base().ID, Seen: cur.Base().Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ChangeItem("Anna", bid, board.ItemOp{Kind: board.ItemRestore, Item: cur}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ChangeItem("Anna", bid, board.ItemOp{Kind: board.ItemForce, Item: cur}); err == nil {
		t.Error("a forced save without its base")
	}
	if _, err := f.s.ChangeItem("Anna", bid, board.ItemOp{Kind: "nonsense"}); err == nil {
		t.Error("an unknown op")
	}
	if got := f.snap(t).Find(board.AreaGoal, g.Base().ID).(*board.Goal); len(got.Indicator.Measurements) != 1 {
		t.Errorf("goal after measure, delete, restore: %+v", got.Indicator)
	}
}

// saveDeleteUndo saves cur as who, deletes it and undoes the delete,
// failing on any step: saved names cur in the save's message, deleted in
// the undo's.
func saveDeleteUndo(t *testing.T, f *fixture, who string, cur *board.Action, saved, deleted string) {
	t.Helper()
	got, err := f.s.Update(who, f.board.ID, cur)
	if err != nil {
		t.Fatalf("status of %s: %v", saved, err)
	}
	if err := f.s.Delete(who, f.board.ID, board.AreaAction, cur.ID, got.Base().Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Restore(who, f.board.ID, got); err != nil {
		t.Fatalf("undo of %s: %v", deleted, err)
	}
}

// goalWithAction adds a goal and Bram's action for it, due in a week.
func (f *fixture) goalWithAction(t *testing.T, goal, what string) (*board.Goal, *board.Action) {
	t.Helper()
	g := f.goal(t, goal)
	a := f.action(what, "Bram", 7)
	a.GoalID = g.ID
	return g, f.add(t, "Bram", a).(*board.Action)
}
