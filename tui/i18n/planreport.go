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

// PlanLabels are the words of the plan's account. The words it shares with
// the goal screens (statuses, op koers/achter, what is missing, direction,
// phases, a target's change) come from GoalsMessages, so the account and
// the screens never say a goal is in two different ways.
func (m *Messages) PlanLabels() board.PlanLabels {
	l, g := nlPlanLabels, &m.Goals
	if m.Lang == EN {
		l = enPlanLabels
	}
	l.Higher, l.Lower, l.TargetChangeF = g.Higher, g.Lower, g.TargetChangedF
	l.Phases = map[board.BKAPhase]string{board.BKA1: g.Phases[0], board.BKA2: g.Phases[1], board.BKA3: g.Phases[2]}
	l.GoalStatuses = m.goalStatuses()
	l.Tracks = map[board.Track]string{board.TrackOnCourse: g.OnCourse, board.TrackBehind: g.Behind}
	l.Missing = map[board.Missing]string{board.MissingIndicator: g.MissingIndicator, board.MissingUnit: g.MissingUnit,
		board.MissingBaseline: g.MissingBaseline, board.MissingTarget: g.MissingTarget}
	return l
}

var nlPlanLabels = board.PlanLabels{
	Account: "Verantwoording", Generated: "gemaakt op", Phase: "Fase", PhaseChanges: "Fasewisselingen",
	NoPhase: "nog niet gekozen", NoSpeerpunt: "Doelen zonder speerpunt", Owner: "Eigenaar",
	Indicator: "Indicator", Baseline: "Nulmeting", Latest: "Laatste meting", Target: "Streefwaarde", Status: "Status",
	Measurements: "Metingen", Date: "Datum", Value: "Waarde", Who: "Wie", Note: "Notitie",
	Adjustments: "Bijstellingen en besluiten", Activities: "Activiteiten", Overdue: "te laat",
	NotMeasurable: "Niet meetbaar, ontbreekt",
	ActivitiesF:   "%d gedaan, %d open (%d te laat)",
}

var enPlanLabels = board.PlanLabels{
	Account: "Account", Generated: "made on", Phase: "Phase", PhaseChanges: "Phase changes",
	NoPhase: "not chosen yet", NoSpeerpunt: "Goals without a strategic priority", Owner: "Owner",
	Indicator: "Indicator", Baseline: "Baseline", Latest: "Latest measurement", Target: "Target", Status: "Status",
	Measurements: "Measurements", Date: "Date", Value: "Value", Who: "Who", Note: "Note",
	Adjustments: "Adjustments and decisions", Activities: "Activities", Overdue: "overdue",
	NotMeasurable: "Not measurable, missing",
	ActivitiesF:   "%d done, %d open (%d overdue)",
}
