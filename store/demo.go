package store

import (
	"slices"
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
		return s.fillDemo(bb, actor, info.ID)
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

	sps, err := s.demoSpeerpunten(bb.Tx(), actor, now.Year())
	if err != nil {
		return err
	}
	// One goal on course, one behind with a month unmeasured, one not
	// measurable: every picture of the plan shows on the first start.
	goals := []*board.Goal{
		{Title: "Minder thuiszitters in de regio", Why: "Elk kind een passende plek; thuiszitten duurt nu te lang.",
			ByWhen: day(35), Measure: "Aantal thuiszitters > 4 weken, telling leerplicht op de eerste van de maand.",
			SpeerpuntID: sps[0], Owner: "Fatima",
			Indicator: &board.Indicator{Unit: "leerlingen", Baseline: 38, BaselineDate: day(-28), Target: 30, TargetDate: day(35),
				Direction: board.LowerIsBetter, Cadence: board.CadenceMonthly, Measurements: []board.Measurement{
					{Date: day(-28), Value: 38, Note: "nulmeting", Who: "Fatima"}, {Date: day(-7), Value: 35, Who: "Ahmed"}}}},
		{Title: "Snellere toewijzing arrangementen", Why: "Scholen wachten nu gemiddeld 6 weken op een besluit.",
			ByWhen: day(42), Measure: "Doorlooptijd aanvraag → besluit in werkdagen (mediaan).",
			SpeerpuntID: sps[1], Owner: "Sanne",
			Indicator: &board.Indicator{Unit: "werkdagen", Baseline: 30, BaselineDate: day(-120), Target: 15, TargetDate: day(42),
				Direction: board.LowerIsBetter, Cadence: board.CadenceMonthly, Measurements: []board.Measurement{
					{Date: day(-85), Value: 30, Who: "Sanne"}, {Date: day(-21), Value: 28.5, Who: "Joost"}, {Date: day(-7), Value: 24, Who: "Sanne"}}}},
		{Title: "Basisondersteuning zichtbaar op elke school", ByWhen: day(28), SpeerpuntID: sps[1],
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
	if err := s.demoPhase(bb, now, actor); err != nil {
		return err
	}
	return bb.Put(keyVersion, itob(btoi(bb.Get(keyVersion))+changes+1))
}

// demoSpeerpunten returns the ids of the demo's two speerpunten (0 for one
// it does not have). Speerpunten are the whole network's, so the demo makes
// them only in a file where its own team is the only one (a first start):
// elsewhere it uses speerpunten of those titles if the network has them,
// and never adds example priorities to a real plan (nor changes the other
// teams' boards, which show every speerpunt).
func (s *Store) demoSpeerpunten(tx *bolt.Tx, actor string, year int) ([]uint64, error) {
	b := tx.Bucket(bucketSpeerpunten)
	have, err := appendAll([]board.Speerpunt(nil), b)
	if err != nil {
		return nil, err
	}
	c := tx.Bucket(bucketTeams).Cursor()
	first, _ := c.First()
	second, _ := c.Next()
	alone := first != nil && second == nil
	var ids []uint64
	for _, sp := range []board.Speerpunt{
		{Title: "Thuiszitters", Description: "Geen kind langer dan vier weken zonder passende plek.", FromYear: year - 1, ToYear: year + 3, Owner: "Fatima"},
		{Title: "Basisondersteuning op orde", Description: "Elke school biedt de afgesproken basisondersteuning.", FromYear: year - 1, ToYear: year + 3, Owner: "Ingrid"},
	} {
		i := slices.IndexFunc(have, func(h board.Speerpunt) bool { return h.Title == sp.Title })
		if i >= 0 || !alone {
			id := uint64(0)
			if i >= 0 {
				id = have[i].ID
			}
			ids = append(ids, id)
			continue
		}
		if err := s.stampNew(actor)(b, &sp.Meta); err != nil {
			return nil, err
		}
		if err := putJSON(b, itob(sp.ID), sp); err != nil {
			return nil, err
		}
		ids = append(ids, sp.ID)
	}
	return ids, nil
}

// demoPhase puts this year in BKA2 (carry out and steer), after BKA1.
func (s *Store) demoPhase(bb *bolt.Bucket, now time.Time, actor string) error {
	plan, err := bb.CreateBucketIfNotExists(bucketPlan)
	if err != nil {
		return err
	}
	py := board.PlanYear{Year: now.Year(), Phase: board.BKA2, History: []board.PhaseChange{
		{Stamp: board.Stamp{At: now.AddDate(0, -3, 0), By: actor}, From: board.BKANone, To: board.BKA1},
		{Stamp: board.Stamp{At: now.AddDate(0, -1, 0), By: actor}, From: board.BKA1, To: board.BKA2}}}
	return putJSON(plan, itob(uint64(py.Year)), py)
}
