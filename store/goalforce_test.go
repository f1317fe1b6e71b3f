package store_test

import (
	"testing"

	"github.com/verbeterbord/bord/board"
)

// Anna opens a goal without indicator and gives it one; meanwhile Bram
// measures it (AddMeasurement makes an indicator). Anna's forced save
// after the conflict keeps Bram's measurement (the merge goes into the
// indicator as from an empty one).
func TestForcedGoalEditKeepsMeasurements(t *testing.T) {
	f := newFixture(t)
	g := f.add(t, "Anna", &board.Goal{Title: "Lezen", ByWhen: f.clk.Day(100)}).(*board.Goal)
	base := *g
	if _, err := f.s.AddMeasurement("Bram", f.board.ID, g.ID, board.Measurement{Date: f.clk.Day(0), Value: 7, Note: "Bram"}); err != nil {
		t.Fatal(err)
	}
	mine := base
	mine.Indicator = &board.Indicator{Unit: "boeken", Baseline: 1, Target: 10, BaselineDate: f.clk.Day(-1), TargetDate: f.clk.Day(100)}
	if _, err := f.s.Update("Anna", f.board.ID, &mine); err == nil {
		t.Fatal("no conflict")
	}
	out, err := f.s.ForceUpdate("Anna", f.board.ID, &base, &mine)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(out.(*board.Goal).Indicator.Measurements); n != 1 {
		t.Errorf("after the forced save the goal has %d measurements; Bram's is gone", n)
	}
}
