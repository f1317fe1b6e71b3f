package store

import (
	"encoding/json"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Audit operations of a leerlingarena. Note texts are never copied into the
// audit log: the retention period must be able to delete them for good.
const (
	OpArenaCreate    Op = "arena_create"
	OpArenaChange    Op = "arena_change"
	OpArenaRetention Op = "arena_retention"
	OpSetRetention   Op = "set_retention"
)

// CreateArena prepares a leerlingarena on a board.
func (s *Store) CreateArena(actor string, boardID uint64, topic string, date time.Time, group string, pupils int, leader string, noteTakers []string, minutes int) (board.Arena, error) {
	return createRecord(s, boardID, bucketArenas, func(bb *bolt.Bucket) (*board.Arena, error) {
		t, err := teamOf(bb)
		if err != nil {
			return nil, err
		}
		return board.NewArena(topic, date, group, pupils, leader, noteTakers, minutes, t, s.now())
	}, func(a *board.Arena, id uint64) Record {
		a.ID = id
		return Record{Actor: actor, Op: OpArenaCreate, BoardID: boardID, Label: a.Topic}
	})
}

// ChangeArena applies one change to an arena in one transaction. Notes from
// several note-takers never conflict. Promote puts the idea's action on the
// board with origin "arena".
func (s *Store) ChangeArena(actor string, boardID, arenaID uint64, op board.ArenaOp) (board.Arena, error) {
	if op.Kind == board.OpDeleteNote || op.Kind == board.OpEditNote || op.Kind == board.OpDeleteQuestion {
		// The old text stays in freed pages until the file is compacted.
		// Marked after the write: a compaction that ran before it finds
		// the mark on its next round.
		defer s.markErased()
	}
	return changeRecord(s, actor, boardID, bucketArenas, arenaID, OpArenaChange, string(op.Kind),
		func(a *board.Arena, tx recordTx) error {
			if op.Kind == board.OpPromote {
				// An action deleted from the board since frees its idea.
				if i, ok := a.Idea(op.ID); ok && i.Action != 0 && !tx.exists(board.AreaAction, i.Action) {
					a.SetIdeaAction(i.ID, 0)
				}
			}
			if err := a.ApplyIn(tx.who, op, tx.team, tx.now); err != nil {
				return err
			}
			if op.Kind == board.OpPromote {
				act := *op.Action
				act.Origin = board.OriginArena
				made, err := s.addTx(tx, &act)
				if err != nil {
					return err
				}
				a.SetIdeaAction(op.ID, made.Base().ID)
			}
			return nil
		})
}

// SetRetention sets how many days raw arena notes are kept on a board.
func (s *Store) SetRetention(actor string, boardID uint64, days int) error {
	if days < 1 || days > 3650 {
		return &board.ValidationError{Field: "days", Problem: board.ProblemBadValue}
	}
	return s.update(boardID, func(bb *bolt.Bucket) error {
		var info board.Info
		if err := json.Unmarshal(bb.Get(keyInfo), &info); err != nil {
			return err
		}
		info.RetentionDays = days
		if err := putJSON(bb, keyInfo, info); err != nil {
			return err
		}
		return s.audit(bb.Bucket(bucketAudit), Record{Actor: actor, Op: OpSetRetention, BoardID: boardID})
	})
}

// ApplyRetention deletes the raw notes of every arena whose retention period
// has passed, on every board, and returns how many arenas it cleaned. bord
// runs it on open and, while serving, every hour.
func (s *Store) ApplyRetention() (int, error) {
	infos, err := s.Boards(0)
	if err != nil {
		return 0, err
	}
	cleaned := 0
	for _, in := range infos {
		n := 0
		err := s.db.View(func(tx *bolt.Tx) error {
			bb, err := boardBucket(tx, in.ID)
			if err != nil {
				return err
			}
			n = expired(bb, in.RetentionDays, s.now(), false)
			return nil
		})
		if err != nil || n == 0 {
			continue
		}
		err = s.update(in.ID, func(bb *bolt.Bucket) error {
			n = expired(bb, in.RetentionDays, s.now(), true)
			return s.audit(bb.Bucket(bucketAudit), Record{Actor: "bord", Op: OpArenaRetention, BoardID: in.ID})
		})
		if err != nil {
			return cleaned, err
		}
		cleaned += n
		s.markErased()
	}
	return s.expireDuos(cleaned)
}

// expired counts (and with write, cleans) the arenas past retention.
func expired(bb *bolt.Bucket, days int, now time.Time, write bool) int {
	ab := bb.Bucket(bucketArenas)
	if ab == nil {
		return 0
	}
	n := 0
	_ = ab.ForEach(func(k, v []byte) error {
		var a board.Arena
		if json.Unmarshal(v, &a) != nil || !a.Expire(days, now) {
			return nil
		}
		n++
		if write {
			return putJSON(ab, k, a)
		}
		return nil
	})
	return n
}

func readArenas(bb *bolt.Bucket, b *board.Board) (err error) {
	b.Arenas, err = appendAll(b.Arenas, bb.Bucket(bucketArenas))
	return err
}
