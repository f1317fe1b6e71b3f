package store

import (
	"encoding/json"
	"slices"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Add puts a new item on a board. The item is cleaned and validated; its id,
// version and timestamps are set by the store. It returns the item as stored.
func (s *Store) Add(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return s.write(actor, boardID, OpAdd, true, it, s.stampNew(actor))
}

func (s *Store) stampNew(actor string) func(*bolt.Bucket, *board.Meta) error {
	return func(items *bolt.Bucket, m *board.Meta) error {
		id, err := nextID(items)
		if err != nil {
			return err
		}
		now := s.now()
		*m = board.Meta{ID: id, Version: 1, CreatedBy: actor, CreatedAt: now, UpdatedBy: actor, UpdatedAt: now}
		return nil
	}
}

// Update saves an edited item. Its Meta.Version must be the version the user
// saw; if the stored item has moved on, nothing is written and a
// *ConflictError names who changed it.
func (s *Store) Update(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return s.write(actor, boardID, OpUpdate, false, it, s.stampUpdate(board.CleanName(actor), it.Area(), it.Base().Version))
}

// Restore puts back an item that was deleted, with its old id; it is how
// undo reverses a delete. It fails with ErrExists if the id is in use (put
// back already, by another undo or a Resave). What was valid when the item
// was deleted stays valid: an owner who left the team since is kept, a link
// to a goal deleted since is dropped, a past date is fine.
func (s *Store) Restore(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return s.write(actor, boardID, OpRestore, false, it, s.stampRestore(board.CleanName(actor)))
}

// Delete removes an item the user saw at version seen. Deleting a goal
// keeps its actions, unlinked from it (board.OpenActionsOf counts the open
// ones for the question before); restoring the goal links them again.
func (s *Store) Delete(actor string, boardID uint64, area board.Area, id, seen uint64) error {
	return s.update(boardID, func(bb *bolt.Bucket) error {
		items := bb.Bucket([]byte(area))
		if items == nil {
			return ErrNotFound
		}
		cur, err := deleteSeen(items, area, id, seen)
		if err != nil {
			return err
		}
		var links []uint64
		if area == board.AreaGoal {
			if links, err = s.unlinkGoal(bb, board.CleanName(actor), boardID, id); err != nil {
				return err
			}
		}
		before, _ := json.Marshal(cur)
		return s.audit(bb.Bucket(bucketAudit), Record{Actor: actor, Op: OpDelete, BoardID: boardID, Area: area, ItemID: id, Label: cur.Label(), Before: before, Links: links})
	})
}

// base is the Meta of it, or an empty one for no item.
func base(it board.Item) board.Meta {
	if it == nil {
		return board.Meta{}
	}
	return *it.Base()
}

func current(items *bolt.Bucket, area board.Area, id uint64) (board.Item, error) {
	v := items.Get(itob(id))
	if v == nil {
		return nil, ErrNotFound
	}
	it := board.NewItem(area)
	return it, json.Unmarshal(v, it)
}

// currentSeen is current when it is still at version seen, the one the
// user saw; otherwise a *ConflictError with the item as it is now.
func currentSeen(items *bolt.Bucket, area board.Area, id, seen uint64) (board.Item, error) {
	cur, err := current(items, area, id)
	if err != nil {
		return nil, err
	}
	if cm := cur.Base(); cm.Version != seen {
		return nil, &ConflictError{By: cm.UpdatedBy, At: cm.UpdatedAt, Current: cur}
	}
	return cur, nil
}

// deleteSeen removes an item the user saw at version seen (as currentSeen)
// and returns it as it was.
func deleteSeen(items *bolt.Bucket, area board.Area, id, seen uint64) (board.Item, error) {
	cur, err := currentSeen(items, area, id, seen)
	if err != nil {
		return nil, err
	}
	return cur, items.Delete(itob(id))
}

// write is the one path of Add, Update and Restore: clean, validate, set
// meta (stamp), store, audit, bump the board version, commit, notify. isNew
// applies the rules for new items (no dates in the past).
func (s *Store) write(actor string, boardID uint64, op Op, isNew bool, it board.Item, stamp func(*bolt.Bucket, *board.Meta) error) (board.Item, error) {
	// Callers pass names from flags and keys: store them in the one clean form.
	actor = board.CleanName(actor)
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		return s.writeTx(bb, actor, boardID, op, isNew, it, stamp)
	})
	if err != nil {
		return nil, err
	}
	return it, nil
}

// writeTx is write inside a running transaction; retrospectives and arenas
// add their actions through it too.
func (s *Store) writeTx(bb *bolt.Bucket, actor string, boardID uint64, op Op, isNew bool, it board.Item, stamp func(*bolt.Bucket, *board.Meta) error) error {
	items := bb.Bucket([]byte(it.Area()))
	if items == nil {
		return ErrNotFound
	}
	t, err := teamOf(bb)
	if err != nil {
		return err
	}
	it.Clean()
	var cur board.Item
	if op != OpAdd {
		cur, _ = current(items, it.Area(), it.Base().ID) // nil when gone
	}
	if cur == nil && op != OpAdd && op != OpRestore {
		// Gone is the answer, not whatever its fields would fail on now.
		return ErrNotFound
	}
	if cm := base(cur); op == OpUpdate && cm.Version != it.Base().Version {
		// Stale is the answer, not what its fields would fail on now (a
		// goal deleted since, an owner who left).
		return &ConflictError{By: cm.UpdatedBy, At: cm.UpdatedAt, Current: cur}
	}
	if err := it.Check(keptPeople(t, op, it, cur), s.now(), isNew); err != nil {
		return err
	}
	if err := keptGoal(bb, op, it, cur); err != nil {
		return err
	}
	if err := keptSpeerpunt(bb, op, it, cur); err != nil {
		return err
	}
	if op == OpUpdate {
		board.NoteEdit(cur, it, actor, s.now())
	}
	var before []byte
	if cur != nil {
		before = slices.Clone(items.Get(itob(it.Base().ID)))
	}
	if err := stamp(items, it.Base()); err != nil {
		return err
	}
	rec := Record{Actor: actor, Op: op, BoardID: boardID, Area: it.Area(), ItemID: it.Base().ID, Label: it.Label(), Before: before}
	if err := s.putAudited(items, itob(it.Base().ID), it, bb.Bucket(bucketAudit), rec); err != nil {
		return err
	}
	if op == OpRestore && it.Area() == board.AreaGoal {
		return s.relinkGoal(bb, actor, boardID, it.Base().ID)
	}
	return nil
}

// update runs fn in one read-write transaction on a board's bucket, bumps
// the board's version, and after commit notifies subscribers.
func (s *Store) update(boardID uint64, fn func(bb *bolt.Bucket) error) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		bb, err := boardBucket(tx, boardID)
		if err != nil {
			return err
		}
		if err := fn(bb); err != nil {
			return err
		}
		return bb.Put(keyVersion, itob(btoi(bb.Get(keyVersion))+1))
	})
	if err == nil {
		s.changed(boardID)
	}
	return err
}

// memberOf is the team of the board bb and actor's name in it; an actor
// outside the team may not change the board.
func memberOf(bb *bolt.Bucket, actor string) (board.Team, string, error) {
	t, err := teamOf(bb)
	if err != nil {
		return t, "", err
	}
	who, err := memberName(t, actor)
	return t, who, err
}

// memberName is actor's name as team t writes it; anyone outside t is
// refused, as an owner the team does not know.
func memberName(t board.Team, actor string) (string, error) {
	who := t.Member(actor)
	if who == "" {
		return "", &board.ValidationError{Field: "who", Problem: board.ProblemUnknownOwner, Value: actor}
	}
	return who, nil
}

// memberIn is memberOf for a change to the records in bucket of board bb:
// actor's name in its team, and the bucket, made on first use.
func memberIn(bb *bolt.Bucket, actor string, bucket []byte) (string, *bolt.Bucket, error) {
	_, who, err := memberOf(bb, actor)
	if err != nil {
		return "", nil, err
	}
	b, err := bb.CreateBucketIfNotExists(bucket)
	return who, b, err
}

// teamOf is the team of the board bb.
func teamOf(bb *bolt.Bucket) (board.Team, error) {
	var info board.Info
	if err := json.Unmarshal(bb.Get(keyInfo), &info); err != nil {
		return board.Team{}, err
	}
	return getTeam(bb.Tx(), info.TeamID)
}
