package store

import (
	"slices"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// DemoTeam and DemoBoard name what CreateDemo makes; DemoTeamEN and
// DemoBoardEN what CreateDemoIn("en", …) makes.
const (
	DemoTeam    = "SWV Zuid-Holland Oost – kernteam"
	DemoBoard   = "Verbeterbord kernteam"
	DemoTeamEN  = "SWV Zuid-Holland Oost – core team"
	DemoBoardEN = "Core team board"
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
	return s.CreateDemoIn("nl", actor)
}

// CreateDemoIn is CreateDemo in a language: "en" gives the English demo
// (for bord --lang en), anything else the Dutch one.
func (s *Store) CreateDemoIn(lang, actor string) (board.Info, error) {
	actor = board.CleanName(actor)
	set := demoNL
	if lang == "en" {
		set = demoEN
	}
	d := set(board.Day(s.now()), actor)
	t := board.Team{Name: d.team}
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
		info = board.Info{TeamID: t.ID, Name: d.board, CreatedAt: s.now()}
		if err := s.createBoardTx(tx, actor, &info); err != nil {
			return err
		}
		bb, err := boardBucket(tx, info.ID)
		if err != nil {
			return err
		}
		if err := s.fillDemo(bb, actor, info.ID, d); err != nil {
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
func (s *Store) fillDemo(bb *bolt.Bucket, actor string, boardID uint64, d demoSet) error {
	changes := uint64(0)
	add := func(it board.Item) error {
		changes++
		return s.writeTx(bb, actor, boardID, OpAdd, false, it, s.stampNew(actor))
	}
	now := s.now()
	goals, actions := d.goals, d.actions
	sps, err := s.demoSpeerpunten(bb.Tx(), actor, d.speerpunten)
	if err != nil {
		return err
	}
	for i, g := range goals {
		g.SpeerpuntID = sps[demoSpeerpuntOf[i]]
	}
	var items []board.Item
	for _, g := range goals {
		items = append(items, g)
	}
	for i := range d.succs {
		items = append(items, &d.succs[i])
	}
	for i := range d.plan {
		items = append(items, &d.plan[i])
	}
	for i := range d.park {
		items = append(items, &d.park[i])
	}
	for _, it := range items {
		if err := add(it); err != nil {
			return err
		}
	}
	for i := range actions {
		a := &actions[i]
		if n := demoGoalOf[i]; n > 0 {
			a.GoalID = goals[n-1].ID
		}
		if err := add(a); err != nil {
			return err
		}
	}
	moods := []board.Mood{board.MoodGood, board.MoodSoSo, board.MoodGood, board.MoodNotOK}
	for i, m := range demoMembers[:4] {
		c := board.CheckIn{Who: m, Week: board.WeekOf(now), Mood: moods[i], Word: d.words[i]}
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
func (s *Store) demoSpeerpunten(tx *bolt.Tx, actor string, want []board.Speerpunt) ([]uint64, error) {
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
	for _, sp := range want {
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
