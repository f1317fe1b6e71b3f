package store

import (
	"encoding/json"
	"errors"
	"slices"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Audit operations of the plan.
const (
	OpGoalChange Op = "goal_change" // a goal closed, reopened or adjusted, with its reason
	OpSetPhase   Op = "set_phase"   // a plan year's BKA phase
)

// Speerpunten returns the network's speerpunten, by id.
func (s *Store) Speerpunten() ([]board.Speerpunt, error) {
	return viewed(s, func(tx *bolt.Tx) ([]board.Speerpunt, error) {
		return appendAll([]board.Speerpunt(nil), tx.Bucket(bucketSpeerpunten))
	})
}

// AddSpeerpunt adds a speerpunt to the network. actor must be a member of
// some team: a speerpunt is shared by every team's board.
func (s *Store) AddSpeerpunt(actor string, sp board.Speerpunt) (board.Speerpunt, error) {
	err := s.changeSpeerpunt(actor, OpAdd, &sp, func(b *bolt.Bucket, _ *board.Speerpunt) error {
		return s.stampNew(board.CleanName(actor))(b, &sp.Meta)
	})
	return sp, err
}

// UpdateSpeerpunt saves an edited speerpunt. Its Version must be the
// version the user saw; if it moved on, nothing is written and a
// *ConflictError names who changed it, with the speerpunt as it is now.
func (s *Store) UpdateSpeerpunt(actor string, sp board.Speerpunt) (board.Speerpunt, error) {
	seen := sp.Version
	err := s.changeSpeerpunt(actor, OpUpdate, &sp, func(b *bolt.Bucket, cur *board.Speerpunt) error {
		if cur == nil {
			return ErrNotFound
		}
		return s.stampUpdate(board.CleanName(actor), board.AreaSpeerpunt, seen)(b, &sp.Meta)
	})
	return sp, err
}

// SpeerpuntUse counts the goals under speerpunt id on every board, and on
// how many boards they stand: what a screen tells before the speerpunt is
// deleted.
func (s *Store) SpeerpuntUse(id uint64) (goals, boards int, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketBoards).ForEachBucket(func(k []byte) error {
			n, err := goalsUnder(tx.Bucket(bucketBoards).Bucket(k), id, nil)
			goals += n
			if n > 0 {
				boards++
			}
			return err
		})
	})
	return goals, boards, err
}

// DeleteSpeerpunt removes a speerpunt the user saw at version seen. The
// goals under it stay on their boards, unlinked (each a new version with
// an audit record): a goal is the team's work, the speerpunt only its
// place in the plan. SpeerpuntUse counts them for the question before.
func (s *Store) DeleteSpeerpunt(actor string, id, seen uint64) error {
	actor = board.CleanName(actor)
	return s.updateNetwork(actor, func(tx *bolt.Tx) error {
		cur, err := deleteSeen(tx.Bucket(bucketSpeerpunten), board.AreaSpeerpunt, id, seen)
		if err != nil {
			return err
		}
		boards := tx.Bucket(bucketBoards)
		err = boards.ForEachBucket(func(k []byte) error {
			_, err := goalsUnder(boards.Bucket(k), id, func(bb *bolt.Bucket, g *board.Goal, before []byte) error {
				g.SpeerpuntID = 0
				return s.putGoal(bb, actor, btoi(k), OpUpdate, g, before)
			})
			return err
		})
		if err != nil {
			return err
		}
		before, _ := json.Marshal(cur)
		return s.audit(tx.Bucket(bucketAudit), Record{Actor: actor, Op: OpDelete, Area: board.AreaSpeerpunt, ItemID: id, Label: cur.Label(), Before: before})
	})
}

// goalsUnder counts the goals of board bb under speerpunt id and, with
// change, changes each (after the walk: bbolt forbids a Put during it).
func goalsUnder(bb *bolt.Bucket, id uint64, change func(bb *bolt.Bucket, g *board.Goal, before []byte) error) (int, error) {
	goals := bb.Bucket([]byte(board.AreaGoal))
	var under []*board.Goal
	var befores [][]byte
	err := goals.ForEach(func(_, v []byte) error {
		var g board.Goal
		if err := json.Unmarshal(v, &g); err != nil {
			return err
		}
		if g.SpeerpuntID == id {
			under, befores = append(under, &g), append(befores, slices.Clone(v))
		}
		return nil
	})
	if err != nil || change == nil {
		return len(under), err
	}
	for i, g := range under {
		if err := change(bb, g, befores[i]); err != nil {
			return 0, err
		}
	}
	return len(under), nil
}

// putGoal writes a goal changed by the store itself (not through writeTx:
// no check of what the user saw), a new version with its audit record.
func (s *Store) putGoal(bb *bolt.Bucket, actor string, boardID uint64, op Op, g *board.Goal, before []byte) error {
	g.Version++
	g.UpdatedBy, g.UpdatedAt = actor, s.now()
	rec := Record{Actor: actor, Op: op, BoardID: boardID, Area: board.AreaGoal, ItemID: g.ID, Label: g.Title, Before: before}
	return s.putAudited(bb.Bucket([]byte(board.AreaGoal)), itob(g.ID), g, bb.Bucket(bucketAudit), rec)
}

// changeSpeerpunt is the one write path of a speerpunt: clean, check,
// stamp, store, audit, in one transaction that also moves every board on
// (each board's snapshot carries the speerpunten).
func (s *Store) changeSpeerpunt(actor string, op Op, sp *board.Speerpunt, stamp func(*bolt.Bucket, *board.Speerpunt) error) error {
	actor = board.CleanName(actor)
	sp.Clean()
	if err := sp.Check(board.Team{}, s.now(), op == OpAdd); err != nil {
		return err
	}
	return s.updateNetwork(actor, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSpeerpunten)
		var cur *board.Speerpunt
		var before []byte
		if op != OpAdd {
			it, err := current(b, board.AreaSpeerpunt, sp.ID)
			if err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			cur, _ = it.(*board.Speerpunt)
			before = slices.Clone(b.Get(itob(sp.ID)))
		}
		if err := stamp(b, cur); err != nil {
			return err
		}
		return s.putAudited(b, itob(sp.ID), sp, tx.Bucket(bucketAudit), Record{Actor: actor, Op: op, Area: board.AreaSpeerpunt, ItemID: sp.ID, Label: sp.Label(), Before: before})
	})
}

// updateNetwork runs fn in one read-write transaction for a change above
// the boards, made by actor, who must be a member of some team. Every
// board's version is bumped and, after commit, every board's subscribers
// are told: each board's snapshot shows the speerpunten.
func (s *Store) updateNetwork(actor string, fn func(tx *bolt.Tx) error) error {
	var ids []uint64
	err := s.db.Update(func(tx *bolt.Tx) error {
		if !networkMember(tx, actor) {
			return &board.ValidationError{Field: "who", Problem: board.ProblemUnknownOwner, Value: actor}
		}
		if err := fn(tx); err != nil {
			return err
		}
		var err error
		ids, err = bumpBoards(tx, 0)
		return err
	})
	if err == nil {
		for _, id := range ids {
			s.changed(id)
		}
	}
	return err
}

// bumpBoards moves every board but except (0: none) on by one version and
// returns their ids, for a change every board's snapshot shows.
func bumpBoards(tx *bolt.Tx, except uint64) ([]uint64, error) {
	var ids []uint64
	boards := tx.Bucket(bucketBoards)
	err := boards.ForEachBucket(func(k []byte) error {
		if btoi(k) == except {
			return nil
		}
		bb := boards.Bucket(k)
		ids = append(ids, btoi(k))
		return bb.Put(keyVersion, itob(btoi(bb.Get(keyVersion))+1))
	})
	return ids, err
}

// networkMember reports whether actor is a member of some team.
func networkMember(tx *bolt.Tx, actor string) bool {
	found := false
	_ = tx.Bucket(bucketTeams).ForEach(func(_, v []byte) error {
		var t board.Team
		if json.Unmarshal(v, &t) == nil && t.HasMember(actor) {
			found = true
		}
		return nil
	})
	return actor != "" && found
}

// keptSpeerpunt checks a goal's speerpunt. A new link must name a
// speerpunt of the network; a link the stored goal had, or a restored goal
// has, to a speerpunt deleted since is dropped instead: the goal stays,
// unlinked, as DeleteSpeerpunt leaves goals.
func keptSpeerpunt(bb *bolt.Bucket, op Op, it, cur board.Item) error {
	exists := func(id uint64) bool { return speerpunt(bb.Tx(), id) != nil }
	return keptLink(op, it, cur, "speerpunt", func(g *board.Goal) *uint64 { return &g.SpeerpuntID }, exists)
}

// speerpunt reads speerpunt id, or nil when there is none.
func speerpunt(tx *bolt.Tx, id uint64) *board.Speerpunt {
	b := tx.Bucket(bucketSpeerpunten)
	if b == nil {
		return nil
	}
	v := b.Get(itob(id))
	var sp board.Speerpunt
	if v == nil || json.Unmarshal(v, &sp) != nil {
		return nil
	}
	return &sp
}
