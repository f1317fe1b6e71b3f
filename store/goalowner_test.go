package store_test

import (
	"testing"

	"github.com/verbeterbord/bord/board"
)

// A goal whose owner left the team is still measured and changed: its
// owner is kept like an action's (board.People), or a whole CSV import
// would be refused for it.
func TestGoalOwnerLeftStillMeasured(t *testing.T) {
	f := newPlanFixture(t)
	g := *f.goal
	g.Owner = "Bram"
	up, err := f.s.Update("Anna", f.board.ID, &g)
	if err != nil {
		t.Fatal(err)
	}
	g = *up.(*board.Goal)
	if _, err := f.s.RemoveMember("Anna", f.team.ID, "Bram"); err != nil {
		t.Fatal(err)
	}
	m, err := f.s.AddMeasurement("Anna", f.board.ID, g.ID, board.Measurement{Date: f.clk.Day(1), Value: 30})
	if err != nil {
		t.Fatalf("AddMeasurement on a goal whose owner left: %v", err)
	}
	g = m
	if _, err := f.s.ChangeGoal("Anna", f.board.ID, board.GoalOp{Kind: board.GoalSetStatus, GoalID: g.ID, Seen: g.Version, Status: board.GoalStopped, Reason: "klaar"}); err != nil {
		t.Errorf("ChangeGoal on a goal whose owner left: %v", err)
	}
}
