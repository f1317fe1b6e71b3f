package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

var bucketRetros = []byte("retros")

// Audit operations of a retrospective. Card texts are not copied into the
// audit log: during writing they are hidden from others, and the log is
// shared history.
const (
	OpRetroCreate Op = "retro_create"
	OpRetroChange Op = "retro_change"
)

// CreateRetro starts a retrospective on a board with actor as facilitator.
// columns, when given, are a team's own format.
func (s *Store) CreateRetro(actor string, boardID uint64, topic, format string, columns []string, from, to time.Time, named bool, votes int) (board.Retro, error) {
	var r board.Retro
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		t, err := teamOf(bb)
		if err != nil {
			return err
		}
		who := t.Member(actor)
		if who == "" {
			return &board.ValidationError{Field: "who", Problem: board.ProblemUnknownOwner, Value: actor}
		}
		nr, err := board.NewRetro(topic, format, columns, from, to, who, s.now())
		if err != nil {
			return err
		}
		nr.Named = named
		if votes > 0 {
			nr.Votes = min(votes, 20)
		}
		if len(nr.Columns) > 0 && !slices.ContainsFunc(t.Formats, func(f []string) bool { return slices.Equal(f, nr.Columns) }) {
			t.Formats = append(t.Formats, nr.Columns)
			if err := putJSON(bb.Tx().Bucket(bucketTeams), itob(t.ID), t); err != nil {
				return err
			}
		}
		rb, err := bb.CreateBucketIfNotExists(bucketRetros)
		if err != nil {
			return err
		}
		nr.ID, _ = rb.NextSequence()
		if err := putJSON(rb, itob(nr.ID), nr); err != nil {
			return err
		}
		r = *nr
		return s.audit(bb.Bucket(bucketAudit), Record{Actor: actor, Op: OpRetroCreate, BoardID: boardID, ItemID: nr.ID, Label: nr.Topic})
	})
	return r, err
}

// ChangeRetro applies one change to a retrospective in one transaction.
// Adding cards and voting are commutative and never conflict. A review
// decision also sets the reviewed action's status; making an action puts
// it on the board with origin "retro".
func (s *Store) ChangeRetro(actor string, boardID, retroID uint64, op board.RetroOp) (board.Retro, error) {
	var out board.Retro
	var made board.Item
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		t, err := teamOf(bb)
		if err != nil {
			return err
		}
		who := t.Member(actor)
		if who == "" {
			return &board.ValidationError{Field: "who", Problem: board.ProblemUnknownOwner, Value: actor}
		}
		rb := bb.Bucket(bucketRetros)
		if rb == nil {
			return board.ErrNotFound
		}
		v := rb.Get(itob(retroID))
		if v == nil {
			return board.ErrNotFound
		}
		var r board.Retro
		if err := json.Unmarshal(v, &r); err != nil {
			return err
		}
		now := s.now()
		if err := r.Apply(who, op, now); err != nil {
			return err
		}
		switch op.Kind {
		case board.OpReview:
			if err := s.reviewAction(bb, t, who, op.Action.ID, op.Status, now); err != nil {
				return err
			}
		case board.OpMakeAction:
			a := *op.Action
			a.Origin = board.OriginRetro
			if made, err = s.addTx(bb, t, who, &a, now); err != nil {
				return err
			}
			r.Actions = append(r.Actions, made.Base().ID)
		}
		if err := putJSON(rb, itob(retroID), r); err != nil {
			return err
		}
		out = r
		return s.audit(bb.Bucket(bucketAudit), Record{Actor: actor, Op: OpRetroChange, BoardID: boardID, ItemID: retroID, Label: string(op.Kind)})
	})
	return out, err
}

// reviewAction sets a reviewed action's status: done, dropped, or still
// open (todo) — in the same transaction as the review decision.
func (s *Store) reviewAction(bb *bolt.Bucket, t board.Team, who string, id uint64, st board.Status, now time.Time) error {
	items := bb.Bucket([]byte(board.AreaAction))
	cur, err := current(items, board.AreaAction, id)
	if err != nil {
		return err
	}
	a := cur.(*board.Action)
	if a.Status == st || (st == board.StatusTodo && a.Status.Open()) {
		return nil
	}
	before, _ := json.Marshal(a)
	a.Status = st
	if err := a.Check(t, now, false); err != nil {
		return err
	}
	a.Version++
	a.UpdatedBy, a.UpdatedAt = who, now
	after, err := json.Marshal(a)
	if err != nil {
		return err
	}
	if err := items.Put(itob(id), after); err != nil {
		return err
	}
	return s.audit(bb.Bucket(bucketAudit), Record{Actor: who, Op: OpUpdate, Area: board.AreaAction, ItemID: id, Label: a.What, Before: before, After: after})
}

// addTx adds a new item inside a running transaction: the path of Add.
func (s *Store) addTx(bb *bolt.Bucket, t board.Team, actor string, it board.Item, now time.Time) (board.Item, error) {
	items := bb.Bucket([]byte(it.Area()))
	it.Clean()
	if err := it.Check(t, now, true); err != nil {
		return nil, err
	}
	if a, ok := it.(*board.Action); ok && a.GoalID != 0 && bb.Bucket([]byte(board.AreaGoal)).Get(itob(a.GoalID)) == nil {
		return nil, &board.ValidationError{Field: "goal", Problem: board.ProblemBadValue}
	}
	id, _ := items.NextSequence()
	*it.Base() = board.Meta{ID: id, Version: 1, CreatedBy: actor, CreatedAt: now, UpdatedBy: actor, UpdatedAt: now}
	after, err := json.Marshal(it)
	if err != nil {
		return nil, err
	}
	if err := items.Put(itob(id), after); err != nil {
		return nil, err
	}
	return it, s.audit(bb.Bucket(bucketAudit), Record{Actor: actor, Op: OpAdd, Area: it.Area(), ItemID: id, Label: it.Label(), After: after})
}

func readRetros(bb *bolt.Bucket, b *board.Board) error {
	rb := bb.Bucket(bucketRetros)
	if rb == nil {
		return nil
	}
	return rb.ForEach(func(_, v []byte) error {
		var r board.Retro
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("store: retro: %w", err)
		}
		b.Retros = append(b.Retros, r)
		return nil
	})
}
