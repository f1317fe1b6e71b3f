package i18n

import (
	"time"

	"github.com/verbeterbord/bord/board"
)

// Numbers is how this language writes numbers: 3,5 and 1.250 in Dutch,
// 3.5 and 1,250 in English. Input in either language accepts both
// decimal marks (board.NumberFormat.Parse).
func (m *Messages) Numbers() board.NumberFormat {
	if m.Lang == EN {
		return board.EnglishNumbers
	}
	return board.DutchNumbers
}

// PlanReport is the account (verantwoording) of plan year year of a board
// in markdown: `bord export --what plan [--year 2026]`, locally and over
// SSH. Year 0 is now's year.
func (m *Messages) PlanReport(b *board.Board, year int, now time.Time) string {
	if year == 0 {
		year = now.Year()
	}
	return board.MarkdownPlan(b, year, m.PlanLabels(), m.Numbers(), now)
}

// PlanLabels are the words of the plan's account. They live here, beside
// the other reports' words, so the account reads the same in every way it
// is made.
func (m *Messages) PlanLabels() board.PlanLabels {
	if m.Lang == EN {
		return enPlanLabels
	}
	return nlPlanLabels
}

var nlPlanLabels = board.PlanLabels{
	Account: "Verantwoording", Generated: "gemaakt op", Phase: "Fase", PhaseChanges: "Fasewisselingen",
	NoPhase: "nog niet gekozen", NoSpeerpunt: "Doelen zonder speerpunt", Owner: "Eigenaar",
	Indicator: "Indicator", Baseline: "Nulmeting", Latest: "Laatste meting", Target: "Streefwaarde", Status: "Status",
	Measurements: "Metingen", Date: "Datum", Value: "Waarde", Who: "Wie", Note: "Notitie",
	Adjustments: "Bijstellingen en besluiten", Activities: "Activiteiten", Overdue: "te laat",
	NotMeasurable: "Niet meetbaar, ontbreekt", Higher: "hoger is beter", Lower: "lager is beter",
	TargetChangeF: "streefwaarde %s (%s) → %s (%s)",
	ActivitiesF:   "%d gedaan, %d open (%d te laat)",
	Phases: map[board.BKAPhase]string{board.BKA1: "analyseren en plan schrijven", board.BKA2: "uitvoeren, bijsturen en evalueren",
		board.BKA3: "evalueren, verantwoorden en bijstellen"},
	GoalStatuses: map[board.GoalStatus]string{board.GoalActive: "lopend", board.GoalReached: "bereikt",
		board.GoalAdjusted: "bijgesteld", board.GoalStopped: "gestopt"},
	Tracks:  map[board.Track]string{board.TrackOnCourse: "op koers", board.TrackBehind: "achter"},
	Missing: map[board.Missing]string{board.MissingIndicator: "indicator", board.MissingUnit: "eenheid", board.MissingBaseline: "nulmeting", board.MissingTarget: "streefwaarde"},
}

var enPlanLabels = board.PlanLabels{
	Account: "Account", Generated: "made on", Phase: "Phase", PhaseChanges: "Phase changes",
	NoPhase: "not chosen yet", NoSpeerpunt: "Goals without a strategic priority", Owner: "Owner",
	Indicator: "Indicator", Baseline: "Baseline", Latest: "Latest measurement", Target: "Target", Status: "Status",
	Measurements: "Measurements", Date: "Date", Value: "Value", Who: "Who", Note: "Note",
	Adjustments: "Adjustments and decisions", Activities: "Activities", Overdue: "overdue",
	NotMeasurable: "Not measurable, missing", Higher: "higher is better", Lower: "lower is better",
	TargetChangeF: "target %s (%s) → %s (%s)",
	ActivitiesF:   "%d done, %d open (%d overdue)",
	Phases: map[board.BKAPhase]string{board.BKA1: "analyse and write the plan", board.BKA2: "carry out, steer and evaluate",
		board.BKA3: "evaluate, give account and adjust"},
	GoalStatuses: map[board.GoalStatus]string{board.GoalActive: "running", board.GoalReached: "reached",
		board.GoalAdjusted: "adjusted", board.GoalStopped: "stopped"},
	Tracks:  map[board.Track]string{board.TrackOnCourse: "on track", board.TrackBehind: "behind"},
	Missing: map[board.Missing]string{board.MissingIndicator: "indicator", board.MissingUnit: "unit", board.MissingBaseline: "baseline", board.MissingTarget: "target"},
}
