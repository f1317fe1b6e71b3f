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
	l, g := planLabels(translator(m.Lang)), &m.Goals
	l.Higher, l.Lower, l.TargetChangeF = g.Higher, g.Lower, g.TargetChangedF
	l.Phases = map[board.BKAPhase]string{board.BKA1: g.Phases[0], board.BKA2: g.Phases[1], board.BKA3: g.Phases[2]}
	l.GoalStatuses = m.goalStatuses()
	l.Tracks = map[board.Track]string{board.TrackOnCourse: g.OnCourse, board.TrackBehind: g.Behind}
	l.Missing = map[board.Missing]string{board.MissingIndicator: g.MissingIndicator, board.MissingUnit: g.MissingUnit,
		board.MissingBaseline: g.MissingBaseline, board.MissingTarget: g.MissingTarget}
	return l
}

// planLabels are the plan account's own words in one language.
func planLabels(t tr) board.PlanLabels {
	return board.PlanLabels{
		Account:       t("Verantwoording", "Account"),
		Generated:     t("gemaakt op", "made on"),
		Phase:         t("Fase", "Phase"),
		PhaseChanges:  t("Fasewisselingen", "Phase changes"),
		NoPhase:       t("nog niet gekozen", "not chosen yet"),
		NoSpeerpunt:   t("Doelen zonder speerpunt", "Goals without a strategic priority"),
		Owner:         t("Eigenaar", "Owner"),
		Indicator:     t("Indicator", "Indicator"),
		Baseline:      t("Nulmeting", "Baseline"),
		Latest:        t("Laatste meting", "Latest measurement"),
		Target:        t("Streefwaarde", "Target"),
		Status:        t("Status", "Status"),
		Measurements:  t("Metingen", "Measurements"),
		Date:          t("Datum", "Date"),
		Value:         t("Waarde", "Value"),
		Who:           t("Wie", "Who"),
		Note:          t("Notitie", "Note"),
		Adjustments:   t("Bijstellingen en besluiten", "Adjustments and decisions"),
		Activities:    t("Activiteiten", "Activities"),
		Overdue:       t("te laat", "overdue"),
		NotMeasurable: t("Niet meetbaar, ontbreekt", "Not measurable, missing"),
		ActivitiesF:   t("%d gedaan, %d open (%d te laat)", "%d done, %d open (%d overdue)"),
	}
}
