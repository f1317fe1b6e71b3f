package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

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
	return createRecord(s, boardID, bucketRetros, func(bb *bolt.Bucket) (*board.Retro, error) {
		t, who, err := memberOf(bb, actor)
		if err != nil {
			return nil, err
		}
		nr, err := board.NewRetro(topic, format, columns, from, to, who, s.now())
		if err != nil {
			return nil, err
		}
		nr.Named = named
		if votes > 0 {
			nr.Votes = min(votes, 20)
		}
		if len(nr.Columns) > 0 && !slices.ContainsFunc(t.Formats, func(f []string) bool { return slices.Equal(f, nr.Columns) }) {
			t.Formats = append(t.Formats, nr.Columns)
			if err := putJSON(bb.Tx().Bucket(bucketTeams), itob(t.ID), t); err != nil {
				return nil, err
			}
		}
		return nr, nil
	}, func(r *board.Retro, id uint64) Record {
		r.ID = id
		return Record{Actor: actor, Op: OpRetroCreate, BoardID: boardID, Label: r.Topic}
	})
}

// ChangeRetro applies one change to a retrospective in one transaction.
// Adding cards and voting are commutative and never conflict. A review
// decision also sets the reviewed action's status; making an action puts
// it on the board with origin "retro".
func (s *Store) ChangeRetro(actor string, boardID, retroID uint64, op board.RetroOp) (board.Retro, error) {
	return changeRecord(s, actor, boardID, bucketRetros, retroID, OpRetroChange, string(op.Kind),
		func(r *board.Retro, tx recordTx) error {
			if op.Kind == board.OpMakeAction && op.Card != 0 {
				// An action deleted from the board since frees its card.
				if c, ok := r.Card(op.Card); ok && c.Parent != 0 {
					op.Card = c.Parent
				}
				if c, ok := r.Card(op.Card); ok && c.Action != 0 && !tx.exists(board.AreaAction, c.Action) {
					r.SetCardAction(c.ID, 0)
				}
			}
			if err := r.ApplyIn(tx.who, op, tx.team, tx.now); err != nil {
				return err
			}
			switch op.Kind {
			case board.OpReview:
				return s.reviewAction(tx.bb, tx.team, tx.who, op.Action.ID, op.Status, tx.now)
			case board.OpMakeAction:
				a := *op.Action
				a.Origin = board.OriginRetro
				made, err := s.addTx(tx, &a)
				if err != nil {
					return err
				}
				r.Actions = append(r.Actions, made.Base().ID)
				if op.Card != 0 {
					r.SetCardAction(op.Card, made.Base().ID)
				}
			}
			return nil
		})
}

// recordTx is what a change of a stored record (a retrospective, an arena)
// gets to work with inside its transaction.
type recordTx struct {
	bb      *bolt.Bucket
	boardID uint64
	team    board.Team
	who     string // the actor as the team knows them
	now     time.Time
}

// exists reports whether item id of area is on the board.
func (tx recordTx) exists(area board.Area, id uint64) bool {
	items := tx.bb.Bucket([]byte(area))
	return items != nil && items.Get(itob(id)) != nil
}

// createRecord is the one path of adding a record kept as JSON in a
// board's sub-bucket (made on first use): build it, give it the next id
// (stamp sets it and names the audit record), write, audit — one
// transaction.
func createRecord[T any](s *Store, boardID uint64, bucket []byte, build func(bb *bolt.Bucket) (*T, error), stamp func(v *T, id uint64) Record) (T, error) {
	var out T
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		v, err := build(bb)
		if err != nil {
			return err
		}
		b, err := bb.CreateBucketIfNotExists(bucket)
		if err != nil {
			return err
		}
		var rec Record
		if rec.ItemID, err = putNext(b, v, func(id uint64) { rec = stamp(v, id) }); err != nil {
			return err
		}
		out = *v
		return s.audit(bb.Bucket(bucketAudit), rec)
	})
	return out, err
}

// changeRecord is the one path of changing a record kept as JSON in a
// board's sub-bucket: check the actor is in the team, read, change, write,
// audit — one transaction, so concurrent changes (cards, notes) never get
// lost.
func changeRecord[T any](s *Store, actor string, boardID uint64, bucket []byte, id uint64, op Op, label string, change func(*T, recordTx) error) (T, error) {
	admit := func(bb *bolt.Bucket) (board.Team, string, error) { return memberOf(bb, actor) }
	return changeRecordBy(s, actor, admit, boardID, bucket, id, op, label, change)
}

// changeRecordBy is changeRecord with its own check of who may write
// (admit, in the transaction): a member, or a guest (guest.go).
func changeRecordBy[T any](s *Store, actor string, admit func(*bolt.Bucket) (board.Team, string, error), boardID uint64, bucket []byte, id uint64, op Op, label string, change func(*T, recordTx) error) (T, error) {
	var out T
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		t, who, err := admit(bb)
		if err != nil {
			return err
		}
		b := bb.Bucket(bucket)
		if b == nil || b.Get(itob(id)) == nil {
			return board.ErrNotFound
		}
		var v T
		if err := json.Unmarshal(b.Get(itob(id)), &v); err != nil {
			return err
		}
		if err := change(&v, recordTx{bb: bb, boardID: boardID, team: t, who: who, now: s.now()}); err != nil {
			return err
		}
		if err := putJSON(b, itob(id), v); err != nil {
			return err
		}
		out = v
		return s.audit(bb.Bucket(bucketAudit), Record{Actor: actor, Op: op, BoardID: boardID, ItemID: id, Label: label})
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
	// An owner who left keeps their action; its status can still change.
	if err := a.Check(t.WithPeople(a.Who), now, false); err != nil {
		return err
	}
	a.Version++
	a.UpdatedBy, a.UpdatedAt = who, now
	return s.putAudited(items, itob(id), a, bb.Bucket(bucketAudit), Record{Actor: who, Op: OpUpdate, Area: board.AreaAction, ItemID: id, Label: a.What, Before: before})
}

// addTx adds a new item inside a running transaction: the path of Add.
func (s *Store) addTx(tx recordTx, it board.Item) (board.Item, error) {
	return it, s.writeTx(tx.bb, tx.who, tx.boardID, OpAdd, true, it, s.stampNew(tx.who))
}

// dropVoter returns the votes of a member who left in the running
// retrospectives of the given boards.
func dropVoter(tx *bolt.Tx, boards []uint64, name string) error {
	for _, id := range boards {
		bb, err := boardBucket(tx, id)
		if err != nil {
			return err
		}
		rb := bb.Bucket(bucketRetros)
		if rb == nil {
			continue
		}
		type put struct {
			k []byte
			r board.Retro
		}
		var puts []put
		err = rb.ForEach(func(k, v []byte) error {
			var r board.Retro
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			if r.DropVoter(name) {
				puts = append(puts, put{slices.Clone(k), r})
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, p := range puts {
			if err := putJSON(rb, p.k, p.r); err != nil {
				return err
			}
		}
	}
	return nil
}

func readRetros(bb *bolt.Bucket, b *board.Board) (err error) {
	if b.Retros, err = appendAll(b.Retros, bb.Bucket(bucketRetros)); err != nil {
		return fmt.Errorf("store: retro: %w", err)
	}
	return nil
}
