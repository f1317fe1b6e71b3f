package store

import (
	"encoding/json"
	"errors"
	"slices"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// OpMeasure is the audit operation of adding a measurement to a goal.
const OpMeasure Op = "measure"

// keptPeople is the team an item is checked against: for an edit, a name
// the stored item had keeps being accepted after its person left the team,
// and for a restore the item's own names are — what was valid when it was
// saved or deleted stays valid, so a status change or an undo never fails
// on a removed member.
func keptPeople(t board.Team, op Op, it, cur board.Item) board.Team {
	switch {
	case op == OpRestore:
		return t.WithPeople(board.People(it)...)
	case cur != nil:
		return t.WithPeople(board.People(cur)...)
	}
	return t
}

// keptGoal checks an action's goal. A new goal link must point to a goal on
// the board; a link the stored action had, or a restored action has, to a
// goal deleted since is dropped instead of refusing the save: the action
// stays, without the goal.
func keptGoal(bb *bolt.Bucket, op Op, it, cur board.Item) error {
	exists := func(id uint64) bool { return bb.Bucket([]byte(board.AreaGoal)).Get(itob(id)) != nil }
	return keptLink(op, it, cur, "goal", func(a *board.Action) *uint64 { return &a.GoalID }, exists)
}

// keptLink is keptGoal and keptSpeerpunt: link is the id field of an item
// of type P that must name something that exists. An item of another type,
// no link, or one to something that exists passes; a dangling link the
// stored item (cur) had too, or any on a restore, is set to 0; a new
// dangling link is refused as a bad value of field.
func keptLink[T any, P interface {
	*T
	board.Item
}](op Op, it, cur board.Item, field string, link func(P) *uint64, exists func(uint64) bool) error {
	v, ok := it.(P)
	if !ok || *link(v) == 0 || exists(*link(v)) {
		return nil
	}
	c, _ := cur.(P)
	if op == OpRestore || c != nil && *link(c) == *link(v) {
		*link(v) = 0
		return nil
	}
	return &board.ValidationError{Field: field, Problem: board.ProblemBadValue}
}

// unlinkGoal takes the actions of a deleted goal off it, each a new version
// with an audit record, and returns their ids.
func (s *Store) unlinkGoal(bb *bolt.Bucket, actor string, boardID, goal uint64) ([]uint64, error) {
	return s.relink(bb, actor, boardID, func(a *board.Action) bool { return a.GoalID == goal }, 0)
}

// relinkGoal links a restored goal's actions again: those its delete
// unlinked that are still on the board without a goal.
func (s *Store) relinkGoal(bb *bolt.Bucket, actor string, boardID, goal uint64) error {
	var links []uint64
	c := bb.Bucket(bucketAudit).Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		var r Record
		if json.Unmarshal(v, &r) == nil && r.Op == OpDelete && r.Area == board.AreaGoal && r.ItemID == goal {
			links = r.Links
			break
		}
	}
	if len(links) == 0 {
		return nil
	}
	_, err := s.relink(bb, actor, boardID, func(a *board.Action) bool { return a.GoalID == 0 && slices.Contains(links, a.ID) }, goal)
	return err
}

func (s *Store) relink(bb *bolt.Bucket, actor string, boardID uint64, which func(*board.Action) bool, goal uint64) ([]uint64, error) {
	items := bb.Bucket([]byte(board.AreaAction))
	type change struct {
		key    []byte
		before []byte
		a      board.Action
	}
	var todo []change
	err := items.ForEach(func(k, v []byte) error {
		var a board.Action
		if err := json.Unmarshal(v, &a); err != nil {
			return err
		}
		if which(&a) {
			todo = append(todo, change{slices.Clone(k), slices.Clone(v), a})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var ids []uint64
	for _, c := range todo {
		a := c.a
		a.GoalID = goal
		a.Version++
		a.UpdatedBy, a.UpdatedAt = actor, s.now()
		rec := Record{Actor: actor, Op: OpUpdate, BoardID: boardID, Area: board.AreaAction, ItemID: a.ID, Label: a.What, Before: c.before}
		if err := s.putAudited(items, c.key, &a, bb.Bucket(bucketAudit), rec); err != nil {
			return nil, err
		}
		ids = append(ids, a.ID)
	}
	return ids, nil
}

// ForceUpdate is the save a user forces after a conflict: base is the item
// as they started editing it, edited as they saved it. Only the fields they
// changed are written over the item as it is stored now (board.Merge), so a
// colleague's change to another field is kept; board.Diff lists the fields
// that differ for the conflict box. When the item was deleted meanwhile it
// comes back under its own id with the edit, like Resave.
func (s *Store) ForceUpdate(actor string, boardID uint64, base, edited board.Item) (board.Item, error) {
	if base == nil || edited == nil || base.Area() != edited.Area() || base.Base().ID != edited.Base().ID {
		return nil, &board.ValidationError{Field: "item", Problem: board.ProblemBadValue}
	}
	var out board.Item
	actor = board.CleanName(actor)
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		items := bb.Bucket([]byte(edited.Area()))
		if items == nil {
			return ErrNotFound
		}
		cur, err := current(items, edited.Area(), edited.Base().ID)
		if errors.Is(err, ErrNotFound) {
			out = board.Merge(base, edited, base)
			return s.writeTx(bb, actor, boardID, OpRestore, false, out, s.stampRestore(actor))
		}
		if err != nil {
			return err
		}
		out = board.Merge(base, edited, cur)
		return s.writeTx(bb, actor, boardID, OpUpdate, false, out, s.stampUpdate(actor, edited.Area(), out.Base().Version))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Resave saves an edit of an item that may have been deleted since the user
// opened it: if it is on the board it is an ordinary Update (with the
// version check, so an item put back by an undo meanwhile shows up as a
// conflict), and if it is gone it comes back under its own id with the
// edit. Saving again after "it was deleted" therefore never makes a second
// copy, whatever undo does meanwhile: an undo after it finds the id in use.
func (s *Store) Resave(actor string, boardID uint64, it board.Item) (board.Item, error) {
	actor = board.CleanName(actor)
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		items := bb.Bucket([]byte(it.Area()))
		if items == nil {
			return ErrNotFound
		}
		if items.Get(itob(it.Base().ID)) == nil {
			return s.writeTx(bb, actor, boardID, OpRestore, false, it, s.stampRestore(actor))
		}
		return s.writeTx(bb, actor, boardID, OpUpdate, false, it, s.stampUpdate(actor, it.Area(), it.Base().Version))
	})
	if err != nil {
		return nil, err
	}
	return it, nil
}

// stampUpdate is the stamp of an update of an item the caller saw at
// version seen; see Update.
func (s *Store) stampUpdate(actor string, area board.Area, seen uint64) func(*bolt.Bucket, *board.Meta) error {
	return func(items *bolt.Bucket, m *board.Meta) error {
		cur, err := currentSeen(items, area, m.ID, seen)
		if err != nil {
			return err
		}
		cm := cur.Base()
		*m = board.Meta{ID: cm.ID, Version: cm.Version + 1, CreatedBy: cm.CreatedBy, CreatedAt: cm.CreatedAt, UpdatedBy: actor, UpdatedAt: s.now()}
		return nil
	}
}

// stampRestore is the stamp of an item put back under its old id; see
// Restore.
func (s *Store) stampRestore(actor string) func(*bolt.Bucket, *board.Meta) error {
	return func(items *bolt.Bucket, m *board.Meta) error {
		if m.ID == 0 || m.ID > items.Sequence() {
			return ErrNotFound
		}
		if items.Get(itob(m.ID)) != nil {
			return ErrExists
		}
		m.Version++
		m.UpdatedBy, m.UpdatedAt = actor, s.now()
		return nil
	}
}

// ChangeItem applies one change to a board item: the op form of Add,
// Update, ForceUpdate, Resave, Delete, Restore and AddMeasurement, for
// callers that handle every aggregate as op plus apply. It returns the item
// as stored (nil after a delete).
func (s *Store) ChangeItem(actor string, boardID uint64, op board.ItemOp) (board.Item, error) {
	switch op.Kind {
	case board.ItemAdd, board.ItemUpdate, board.ItemForce, board.ItemResave, board.ItemRestore:
		if op.Item == nil || op.Kind == board.ItemForce && op.Base == nil {
			return nil, &board.ValidationError{Field: "item", Problem: board.ProblemEmpty}
		}
	}
	switch op.Kind {
	case board.ItemAdd:
		return s.Add(actor, boardID, op.Item)
	case board.ItemUpdate:
		return s.Update(actor, boardID, op.Item)
	case board.ItemForce:
		return s.ForceUpdate(actor, boardID, op.Base, op.Item)
	case board.ItemResave:
		return s.Resave(actor, boardID, op.Item)
	case board.ItemRestore:
		return s.Restore(actor, boardID, op.Item)
	case board.ItemDelete:
		return nil, s.Delete(actor, boardID, op.Area, op.ID, op.Seen)
	case board.ItemMeasure:
		g, err := s.AddMeasurement(actor, boardID, op.ID, op.Measurement)
		if err != nil {
			return nil, err
		}
		return &g, nil
	}
	return nil, &board.ValidationError{Field: "op", Problem: board.ProblemBadValue}
}
