package store

import (
	"encoding/json"
	"fmt"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the schema this bord writes. Open migrates older files
// step by step and refuses newer ones.
const SchemaVersion = 4

// schemaGoalLinksChecked is the first schema in which every action's goal_id
// names an existing goal of its board.
const schemaGoalLinksChecked = 3

// migrations[i] takes a file from schema i+1 to i+2. Each runs in the same
// transaction as the schema bump, so a crash leaves the old schema intact.
// Import runs them too, on an older export, inside its own transaction.
var migrations = []func(tx *bolt.Tx) error{
	migrateActionOrigin,
	migrateDanglingGoals,
	migrateGoalDates,
}

// migrateGoalDates (3 → 4): schema 4 gives a nulmeting and a streefwaarde
// a date, and a goal without them is "niet meetbaar". An indicator of an
// older file had both values, so it gets the dates they meant: the
// nulmeting when the goal was made (or its first measurement, if earlier),
// the streefwaarde by the goal's date. The speerpunten bucket is made by
// migrate, as a root bucket.
func migrateGoalDates(tx *bolt.Tx) error {
	return rewriteArea(tx, board.AreaGoal, func(_ *bolt.Bucket, g *board.Goal) bool {
		in := g.Indicator
		if in == nil || !in.BaselineDate.IsZero() || !in.TargetDate.IsZero() {
			return false
		}
		in.BaselineDate = board.Day(g.CreatedAt)
		for _, m := range in.Measurements {
			if m.Date.Before(in.BaselineDate) {
				in.BaselineDate = board.Day(m.Date)
			}
		}
		in.TargetDate = g.ByWhen
		return true
	})
}

// migrateActionOrigin (1 → 2): schema 1 had no action origin; every action
// then came from the board itself.
func migrateActionOrigin(tx *bolt.Tx) error {
	return rewriteArea(tx, board.AreaAction, func(_ *bolt.Bucket, a *board.Action) bool {
		if a.Origin != "" {
			return false
		}
		a.Origin = board.OriginBoard
		return true
	})
}

// migrateDanglingGoals (2 → 3): bord before schema 3 deleted a goal and
// left its actions pointing at it. Such an action is kept and unlinked
// (goal_id 0): the action is the team's work, the link is only a label,
// and every later Update refuses an action whose goal does not exist.
func migrateDanglingGoals(tx *bolt.Tx) error {
	return rewriteArea(tx, board.AreaAction, func(bb *bolt.Bucket, a *board.Action) bool {
		goals := bb.Bucket([]byte(board.AreaGoal))
		if a.GoalID != 0 && (goals == nil || goals.Get(itob(a.GoalID)) == nil) {
			a.GoalID = 0
			return true
		}
		return false
	})
}

// rewriteArea is rewrite over one area's items on every board (a board
// without that bucket has none); change also gets the board's bucket.
func rewriteArea[T any, P interface {
	*T
	board.Item
}](tx *bolt.Tx, area board.Area, change func(bb *bolt.Bucket, x P) bool) error {
	boards := tx.Bucket(bucketBoards)
	return boards.ForEachBucket(func(k []byte) error {
		bb := boards.Bucket(k)
		items := bb.Bucket([]byte(area))
		if items == nil {
			return nil
		}
		return rewrite(items, func(x *T) uint64 { return P(x).Base().ID }, func(x *T) bool { return change(bb, P(x)) })
	})
}

// rewrite decodes every record of b, lets change edit it, and writes back
// the ones it changed. They are collected first: bbolt forbids a Put while
// ForEach walks the bucket.
func rewrite[T any](b *bolt.Bucket, id func(*T) uint64, change func(*T) bool) error {
	var changed []*T
	err := b.ForEach(func(_, v []byte) error {
		x := new(T)
		if err := json.Unmarshal(v, x); err != nil {
			return err
		}
		if change(x) {
			changed = append(changed, x)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, x := range changed {
		if err := putJSON(b, itob(id(x)), x); err != nil {
			return err
		}
	}
	return nil
}

// unlinkDanglingGoals does to an export of schema 2 or older what
// migrateDanglingGoals does to a file, before Import checks it: the check
// refuses a goal_id that names no goal, and such an export is exactly what
// an older bord wrote after a goal was deleted. Only the goal_id key is
// removed; every other byte of the action stays for the check and the
// import. Items that cannot be read are left for the check to report.
func unlinkDanglingGoals(d *Dump) {
	if d.Schema >= schemaGoalLinksChecked {
		return
	}
	for i := range d.Boards {
		db := &d.Boards[i]
		goals := map[uint64]bool{}
		for _, raw := range db.Items[board.AreaGoal] {
			var g struct {
				ID uint64 `json:"id"`
			}
			if json.Unmarshal(raw, &g) == nil {
				goals[g.ID] = true
			}
		}
		for j, raw := range db.Items[board.AreaAction] {
			var fields map[string]json.RawMessage
			var a struct {
				GoalID uint64 `json:"goal_id"`
			}
			if json.Unmarshal(raw, &fields) != nil || json.Unmarshal(raw, &a) != nil {
				continue
			}
			if a.GoalID == 0 || goals[a.GoalID] {
				continue
			}
			delete(fields, "goal_id")
			if out, err := json.Marshal(fields); err == nil {
				db.Items[board.AreaAction][j] = out
			}
		}
	}
}

// migrate brings a checked file from schema from (0: a new file) to
// SchemaVersion in one transaction. Open calls it only when from is older.
func (s *Store) migrate(from uint64) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range rootBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if from == 0 {
			return meta.Put(keySchema, itob(SchemaVersion))
		}
		for v := from; v < SchemaVersion; v++ {
			if err := migrations[v-1](tx); err != nil {
				return fmt.Errorf("store: migrating schema %d to %d: %w", v, v+1, err)
			}
		}
		return meta.Put(keySchema, itob(SchemaVersion))
	})
}

// Schema returns the file's schema version.
func (s *Store) Schema() (uint64, error) {
	var v uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		v = btoi(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	return v, err
}
