package store

import (
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// DemoTeam and DemoBoard name what CreateDemo makes.
const (
	DemoTeam  = "SWV Zuid-Holland Oost – kernteam"
	DemoBoard = "Verbeterbord kernteam"
)

var demoMembers = []string{"Fatima", "Joost", "Sanne", "Ahmed", "Ingrid", "Pieter"}

// CreateDemo makes a demo team with a realistic board of an SWV office team:
// goals on thuiszitters and arrangements, actions with owners and dates (one
// overdue, one done), successes, check-ins, a planning and a parking lot. The
// actor joins the team so they can add and own items straight away.
//
// It is one transaction: a demo that fails halfway (a name taken, a full
// disk) leaves nothing behind, not a team without its board.
func (s *Store) CreateDemo(actor string) (board.Info, error) {
	actor = board.CleanName(actor)
	t := board.Team{Name: DemoTeam}
	for _, m := range append([]string{actor}, demoMembers...) {
		if m != "" && !t.HasMember(m) {
			t.Members = append(t.Members, board.Member{Name: m})
		}
	}
	var info board.Info
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := s.createTeamTx(tx, actor, &t); err != nil {
			return err
		}
		info = board.Info{TeamID: t.ID, Name: DemoBoard, CreatedAt: s.now()}
		if err := s.createBoardTx(tx, actor, &info); err != nil {
			return err
		}
		bb, err := boardBucket(tx, info.ID)
		if err != nil {
			return err
		}
		if err := s.fillDemo(bb, actor, info.ID); err != nil {
			return err
		}
		return s.demoDuo(tx, actor, t.ID)
	})
	if err != nil {
		return board.Info{}, err
	}
	s.changed(info.ID)
	return info, nil
}

// fillDemo writes the demo board's items into its bucket, bumping the
// board's version once per item as separate adds would.
func (s *Store) fillDemo(bb *bolt.Bucket, actor string, boardID uint64) error {
	changes := uint64(0)
	add := func(it board.Item) error {
		changes++
		return s.writeTx(bb, actor, boardID, OpAdd, false, it, s.stampNew(actor))
	}
	now := s.now()
	day := func(n int) time.Time { return board.Day(now).AddDate(0, 0, n) }

	goals := []*board.Goal{
		{Title: "Minder thuiszitters in de regio", Why: "Elk kind een passende plek; thuiszitten duurt nu te lang.",
			ByWhen: day(35), Measure: "Aantal thuiszitters > 4 weken, telling leerplicht op de eerste van de maand.",
			Indicator: &board.Indicator{Unit: "leerlingen", Baseline: 38, Target: 30, Measurements: []board.Measurement{
				{Date: day(-28), Value: 38, Note: "nulmeting"}, {Date: day(-7), Value: 35}}}},
		{Title: "Snellere toewijzing arrangementen", Why: "Scholen wachten nu gemiddeld 6 weken op een besluit.",
			ByWhen: day(42), Measure: "Doorlooptijd aanvraag → besluit in werkdagen (mediaan).",
			Indicator: &board.Indicator{Unit: "werkdagen", Baseline: 30, Target: 15, Measurements: []board.Measurement{
				{Date: day(-21), Value: 30}, {Date: day(-7), Value: 24}}}},
		{Title: "Basisondersteuning zichtbaar op elke school", ByWhen: day(28),
			Measure: "Aantal scholen met een bijgewerkt schoolondersteuningsprofiel (van 24)."},
	}
	var items []board.Item
	for _, g := range goals {
		items = append(items, g)
	}
	actions := []board.Action{
		{What: "Casusoverleg plannen met leerplicht voor de 5 langste thuiszitters", Who: "Fatima", When: day(4), Status: board.StatusDoing},
		{What: "Overzicht wachttijden per school delen met directeuren", Who: "Joost", When: day(-2)},
		{What: "Checklist aanvraag arrangement vereenvoudigen", Who: "Sanne", When: day(9)},
		{What: "Terugbellen ouders binnen 2 werkdagen afspreken", Who: "Ahmed", When: day(-6), Status: board.StatusDone},
		{What: "Format schoolondersteuningsprofiel naar alle IB'ers", Who: "Ingrid", When: day(11)},
		{What: "Leerlingarena voorbereiden met schoolcoach", Who: "Pieter", When: day(16)},
		{What: "Koffie-afspraak nieuwe collega orthopedagoog", Who: actor, When: day(2)},
	}
	goalOf := []int{1, 2, 2, 1, 3, 0, 0}

	succs := []board.Success{
		{Text: "Twee thuiszitters terug naar school via een maatwerktraject", Who: "Fatima", Date: day(-3)},
		{Text: "Eerste overleg met jeugdhulp in de wijk liep soepel", Who: "Ahmed", Date: day(-5)},
		{Text: "Alle aanvragen van oktober binnen de termijn besloten", Who: "Sanne", Date: day(-1)},
	}
	for i := range succs {
		items = append(items, &succs[i])
	}
	plan := []board.PlanItem{
		{Date: day(3), Text: "Werksessie: aanpak thuiszitters uitwerken", Who: "Fatima"},
		{Date: day(10), Text: "Lesbezoek duo De Regenboog / Het Palet", Who: "Pieter"},
		{Date: day(17), Text: "Leerlingarena groep 7 en 8", Who: "Pieter"},
		{Date: day(24), Text: "Retrospective periode 2", Who: "Joost"},
	}
	for i := range plan {
		items = append(items, &plan[i])
	}
	park := []board.Parking{
		{Text: "Hoe betrekken we ouders bij het OPP?"},
		{Text: "Nieuwe werkwijze toelaatbaarheidsverklaringen (TLV) in 2027"},
	}
	for i := range park {
		items = append(items, &park[i])
	}
	for _, it := range items {
		if err := add(it); err != nil {
			return err
		}
	}
	for i := range actions {
		a := &actions[i]
		if n := goalOf[i]; n > 0 {
			a.GoalID = goals[n-1].ID
		}
		if err := add(a); err != nil {
			return err
		}
	}
	moods := []board.Mood{board.MoodGood, board.MoodSoSo, board.MoodGood, board.MoodNotOK}
	words := []string{"energiek", "druk", "", "moe"}
	for i, m := range demoMembers[:4] {
		c := board.CheckIn{Who: m, Week: board.WeekOf(now), Mood: moods[i], Word: words[i]}
		if err := s.setCheckInTx(bb, m, boardID, &c); err != nil {
			return err
		}
		changes++
	}
	return bb.Put(keyVersion, itob(btoi(bb.Get(keyVersion))+changes))
}
