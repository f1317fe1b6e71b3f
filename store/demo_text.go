package store

import (
	"time"

	"github.com/verbeterbord/bord/board"
)

// demoSet is the content of the demo board: the same goals, actions,
// people and dates in every language.
type demoSet struct {
	team, board string
	goals       []*board.Goal
	actions     []board.Action
	succs       []board.Success
	plan        []board.PlanItem
	park        []board.Parking
	words       []string // the check-in words of demoMembers[:4]
	// speerpunten are the plan's two priorities the goals hang under
	// (demoSpeerpuntOf).
	speerpunten []board.Speerpunt
}

// demoSpeerpuntOf places each goal under a speerpunt: its index in
// speerpunten.
var demoSpeerpuntOf = []int{0, 1, 1}

// demoGoalOf links each action to a goal: its number (1-based) in goals,
// 0 for none.
var demoGoalOf = []int{1, 2, 2, 1, 3, 0, 0}

// demoText is the words of the demo in one language; set puts them on the
// board with the people, dates and figures every language shares.
type demoText struct {
	team, board string
	// goals: title, why, measure, unit, note of the first measurement.
	goals   [3][5]string
	actions [7]string
	succs   [3]string
	plan    [4]string
	park    [2]string
	words   [4]string
	// speerpunten: title, description.
	speerpunten [2][2]string
}

func (d *demoText) set(today time.Time, actor string) demoSet {
	day := func(n int) time.Time { return today.AddDate(0, 0, n) }
	g := func(i int, by int, ind *board.Indicator) *board.Goal {
		t := d.goals[i]
		if ind != nil {
			ind.Unit = t[3]
		}
		return &board.Goal{Title: t[0], Why: t[1], ByWhen: day(by), Measure: t[2], Indicator: ind}
	}
	set := demoSet{
		team: d.team, board: d.board,
		// One goal on course, one behind with a meetmoment unmeasured,
		// one not measurable: every picture of the plan shows on the first
		// start. The latest values are the board's familiar 38% and 40%.
		goals: []*board.Goal{
			g(0, 35, &board.Indicator{Baseline: 38, BaselineDate: day(-28), Target: 30, TargetDate: day(35),
				Direction: board.LowerIsBetter, Cadence: board.CadenceMonthly, Measurements: []board.Measurement{
					{Date: day(-28), Value: 38, Note: d.goals[0][4], Who: "Fatima"}, {Date: day(-7), Value: 35, Who: "Ahmed"}}}),
			g(1, 42, &board.Indicator{Baseline: 30, BaselineDate: day(-120), Target: 15, TargetDate: day(42),
				Direction: board.LowerIsBetter, Cadence: board.CadenceMonthly, Measurements: []board.Measurement{
					{Date: day(-85), Value: 30, Who: "Sanne"}, {Date: day(-21), Value: 28.5, Who: "Joost"}, {Date: day(-7), Value: 24, Who: "Sanne"}}}),
			g(2, 28, nil),
		},
		words: d.words[:],
	}
	set.goals[0].Owner, set.goals[1].Owner = "Fatima", "Sanne"
	for i, owner := range []string{"Fatima", "Ingrid"} {
		set.speerpunten = append(set.speerpunten, board.Speerpunt{Title: d.speerpunten[i][0], Description: d.speerpunten[i][1],
			FromYear: today.Year() - 1, ToYear: today.Year() + 3, Owner: owner})
	}
	who := []string{"Fatima", "Joost", "Sanne", "Ahmed", "Ingrid", "Pieter", actor}
	for i, when := range []int{4, -2, 9, -6, 11, 16, 2} {
		a := board.Action{What: d.actions[i], Who: who[i], When: day(when)}
		switch i {
		case 0:
			a.Status = board.StatusDoing
		case 3:
			a.Status = board.StatusDone
		}
		set.actions = append(set.actions, a)
	}
	for i, s := range []struct {
		who string
		day int
	}{{"Fatima", -3}, {"Ahmed", -5}, {"Sanne", -1}} {
		set.succs = append(set.succs, board.Success{Text: d.succs[i], Who: s.who, Date: day(s.day)})
	}
	for i, who := range []string{"Fatima", "Pieter", "Pieter", "Joost"} {
		set.plan = append(set.plan, board.PlanItem{Date: day(3 + 7*i), Text: d.plan[i], Who: who})
	}
	for _, p := range d.park {
		set.park = append(set.park, board.Parking{Text: p})
	}
	return set
}

func demoNL(today time.Time, actor string) demoSet { return demoTextIn(false).set(today, actor) }
func demoEN(today time.Time, actor string) demoSet { return demoTextIn(true).set(today, actor) }

// tr is one text of the demo in Dutch and English, side by side, so the
// two stay one table.
type tr struct{ nl, en string }

func (t tr) in(en bool) string {
	if en {
		return t.en
	}
	return t.nl
}

// demoTextIn is the demo's words in English or Dutch.
func demoTextIn(en bool) *demoText {
	d := &demoText{team: DemoTeam, board: DemoBoard}
	if en {
		d.team, d.board = DemoTeamEN, DemoBoardEN
	}
	for i, g := range demoWords.goals {
		for j, t := range g {
			d.goals[i][j] = t.in(en)
		}
	}
	pick := func(dst []string, src []tr) {
		for i, t := range src {
			dst[i] = t.in(en)
		}
	}
	pick(d.actions[:], demoWords.actions[:])
	pick(d.succs[:], demoWords.succs[:])
	pick(d.plan[:], demoWords.plan[:])
	pick(d.park[:], demoWords.park[:])
	pick(d.words[:], demoWords.words[:])
	for i, sp := range demoWords.speerpunten {
		d.speerpunten[i] = [2]string{sp[0].in(en), sp[1].in(en)}
	}
	return d
}

// demoWords is every text of the demo.
var demoWords = struct {
	goals   [3][5]tr // title, why, measure, unit, note of the first measurement
	actions [7]tr
	succs   [3]tr
	plan    [4]tr
	park    [2]tr
	words   [4]tr
	// speerpunten: title, description
	speerpunten [2][2]tr
}{
	goals: [3][5]tr{
		{
			{"Minder thuiszitters in de regio", "Fewer pupils out of school in the region"},
			{"Elk kind een passende plek; thuiszitten duurt nu te lang.", "A fitting place for every child; staying home now lasts too long."},
			{"Aantal thuiszitters > 4 weken, telling leerplicht op de eerste van de maand.", "Pupils out of school > 4 weeks, attendance officer's count on the first of the month."},
			{"leerlingen", "pupils"},
			{"nulmeting", "baseline"},
		},
		{
			{"Snellere toewijzing arrangementen", "Faster decisions on support arrangements"},
			{"Scholen wachten nu gemiddeld 6 weken op een besluit.", "Schools now wait 6 weeks on average for a decision."},
			{"Doorlooptijd aanvraag → besluit in werkdagen (mediaan).", "Working days from request to decision (median)."},
			{"werkdagen", "working days"},
			{"", ""},
		},
		{
			{"Basisondersteuning zichtbaar op elke school", "Basic support visible at every school"},
			{"", ""},
			{"Aantal scholen met een bijgewerkt schoolondersteuningsprofiel (van 24).", "Schools with an updated school support profile (of 24)."},
			{"", ""},
			{"", ""},
		},
	},
	actions: [7]tr{
		{"Casusoverleg plannen met leerplicht voor de 5 langste thuiszitters", "Plan a case meeting with the attendance officer for the 5 longest absences"},
		{"Overzicht wachttijden per school delen met directeuren", "Share waiting times per school with the head teachers"},
		{"Checklist aanvraag arrangement vereenvoudigen", "Simplify the checklist for a support request"},
		{"Terugbellen ouders binnen 2 werkdagen afspreken", "Agree to call parents back within 2 working days"},
		{"Format schoolondersteuningsprofiel naar alle IB'ers", "Send the school support profile template to all SENCOs"},
		{"Leerlingarena voorbereiden met schoolcoach", "Prepare a pupil arena with the school coach"},
		{"Koffie-afspraak nieuwe collega orthopedagoog", "Coffee with the new educational psychologist"},
	},
	succs: [3]tr{
		{"Twee thuiszitters terug naar school via een maatwerktraject", "Two pupils back at school through a tailored plan"},
		{"Eerste overleg met jeugdhulp in de wijk liep soepel", "First meeting with youth services in the district went smoothly"},
		{"Alle aanvragen van oktober binnen de termijn besloten", "Every request of October decided within the term"},
	},
	plan: [4]tr{
		{"Werksessie: aanpak thuiszitters uitwerken", "Work session: approach to pupils out of school"},
		{"Lesbezoek duo De Regenboog / Het Palet", "Lesson visit, pair De Regenboog / Het Palet"},
		{"Leerlingarena groep 7 en 8", "Pupil arena, groups 7 and 8"},
		{"Retrospective periode 2", "Retrospective, term 2"},
	},
	park: [2]tr{
		{"Hoe betrekken we ouders bij het OPP?", "How do we involve parents in the development plan?"},
		{"Nieuwe werkwijze toelaatbaarheidsverklaringen (TLV) in 2027", "New procedure for special school admission statements in 2027"},
	},
	words: [4]tr{
		{"energiek", "energetic"},
		{"druk", "busy"},
		{"", ""},
		{"moe", "tired"},
	},
	speerpunten: [2][2]tr{
		{{"Thuiszitters", "Pupils out of school"}, {"Geen kind langer dan vier weken zonder passende plek.", "No child longer than four weeks without a fitting place."}},
		{{"Basisondersteuning op orde", "Basic support in order"}, {"Elke school biedt de afgesproken basisondersteuning.", "Every school offers the agreed basic support."}},
	},
}
