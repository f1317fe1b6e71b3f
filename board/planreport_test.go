package board

import (
	"strings"
	"testing"
)

// The account shows a year's adjustments with their reasons and old
// target, only that year's measurements, user text that cannot break the
// table, and the goals under no speerpunt last.
func TestMarkdownPlan(t *testing.T) {
	g := planGoal(meas(2025, 12, 1, 41), meas(2026, 2, 1, 39))
	g.SpeerpuntID = 1
	g.Indicator.Measurements[1].Note = "a | b"
	if err := (GoalOp{Kind: GoalAdjust, Target: 25, TargetDate: day(2027, 6, 1), Reason: "Meer aanmeldingen"}).Apply(&g, "Anna", day(2026, 3, 1)); err != nil {
		t.Fatal(err)
	}
	loose := Goal{Meta: Meta{ID: 8}, Title: "Los doel", ByWhen: day(2026, 6, 1), Status: GoalActive}
	old := Goal{Meta: Meta{ID: 9}, Title: "Oud doel", ByWhen: day(2025, 6, 1), Status: GoalReached}
	b := &Board{Info: Info{Name: "Bord"}, Speerpunten: []Speerpunt{{Meta: Meta{ID: 1}, Title: "Thuiszitters", FromYear: 2026, ToYear: 2030}},
		Goals: []Goal{loose, g, old}, PlanYears: []PlanYear{{Year: 2026, Phase: BKA2}}}
	l := PlanLabels{Account: "Verantwoording", NoSpeerpunt: "Zonder speerpunt", TargetChangeF: "streefwaarde %s (%s) → %s (%s)", ActivitiesF: "%d/%d/%d",
		Phases: map[BKAPhase]string{BKA2: "uitvoeren"}, GoalStatuses: map[GoalStatus]string{GoalActive: "lopend", GoalAdjusted: "bijgesteld"}}
	out := MarkdownPlan(b, 2026, l, DutchNumbers, day(2026, 5, 1))
	for _, want := range []string{
		": BKA2 — uitvoeren", "## Thuiszitters (2026–2030)", "| 2026-02-01 | 39 |  | a \\| b |",
		"- 2026-03-01 Anna: lopend → bijgesteld, streefwaarde 20 (2026-12-31) → 25 (2027-06-01): Meer aanmeldingen",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("account lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "2025-12-01") || strings.Contains(out, "Oud doel") {
		t.Errorf("the account of 2026 shows 2025's measurement or goal:\n%s", out)
	}
	if i, j := strings.Index(out, "## Thuiszitters"), strings.Index(out, "## Zonder speerpunt"); i < 0 || j < i {
		t.Errorf("the goals under no speerpunt are not last:\n%s", out)
	}
}
