package board

import (
	"slices"
	"testing"
	"time"
)

// A forced save of a goal: my title and target land, a colleague's new
// measurement and status stay, and nothing is shared with the inputs.
func TestMergeGoal(t *testing.T) {
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	base := &Goal{Meta: Meta{ID: 4, Version: 2}, Title: "Rekenen", ByWhen: day, Status: GoalActive,
		Indicator: &Indicator{Unit: "%", Target: 60}}
	mine := *base
	mine.Title = "Rekenen omhoog"
	in := *base.Indicator
	in.Target = 70
	mine.Indicator = &in
	cur := *base
	cur.Meta.Version = 3
	cur.Status = GoalReached
	cin := *base.Indicator
	cin.Measurements = []Measurement{{Date: day, Value: 55}}
	cur.Indicator = &cin

	got := Merge(base, &mine, &cur).(*Goal)
	if got.Title != "Rekenen omhoog" || got.Status != GoalReached || got.Version != 3 ||
		got.Indicator.Target != 70 || len(got.Indicator.Measurements) != 1 {
		t.Fatalf("merged: %+v %+v", got, got.Indicator)
	}
	got.Indicator.Measurements[0].Value = 1
	if cin.Measurements[0].Value != 55 {
		t.Error("the merge shares the stored item's measurements")
	}
	if d := Diff(&mine, &cur); !slices.Equal(d, []string{"title", "indicator.target", "indicator.measurements", "status"}) {
		t.Errorf("Diff = %v", d)
	}
}
