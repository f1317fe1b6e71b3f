package store

import (
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
		return s.fillDemo(bb, actor, info.ID, d)
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
	return bb.Put(keyVersion, itob(btoi(bb.Get(keyVersion))+changes))
}
