package store

import (
	"encoding/json"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Op names a kind of change in the audit log.
type Op string

// Audit operations.
const (
	OpCreateTeam   Op = "create_team"
	OpAddMember    Op = "add_member"
	OpRemoveMember Op = "remove_member"
	OpCreateBoard  Op = "create_board"
	OpAdd          Op = "add"
	OpUpdate       Op = "update"
	OpDelete       Op = "delete"
	OpRestore      Op = "restore"
	OpCheckIn      Op = "checkin"
	OpInvite       Op = "invite"
)

// Record is one change: who did what to which item, when, and the item
// before and after as JSON (absent where there is none). It is the history a
// bordsessie's "since last session" is built from.
type Record struct {
	Seq     uint64          `json:"seq"`
	Time    time.Time       `json:"time"`
	Actor   string          `json:"actor"`
	Op      Op              `json:"op"`
	TeamID  uint64          `json:"team_id,omitempty"`
	BoardID uint64          `json:"board_id,omitempty"`
	Area    board.Area      `json:"area,omitempty"`
	ItemID  uint64          `json:"item_id,omitempty"`
	Label   string          `json:"label,omitempty"`
	Before  json.RawMessage `json:"before,omitempty"`
	After   json.RawMessage `json:"after,omitempty"`
	// Links, on the delete of a goal: the actions it unlinked, linked
	// again when the goal is restored.
	Links []uint64 `json:"links,omitempty"`
}

func (s *Store) audit(b *bolt.Bucket, r Record) error {
	seq, err := nextID(b)
	if err != nil {
		return err
	}
	r.Seq = seq
	r.Time = s.now()
	r.clean()
	return putJSON(b, itob(r.Seq), r)
}

// putAudited stores v under key in b, as JSON, and audits rec with that
// JSON as what came after: the one way a change and its record are
// written together.
func (s *Store) putAudited(b *bolt.Bucket, key []byte, v any, audit *bolt.Bucket, rec Record) error {
	after, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := b.Put(key, after); err != nil {
		return err
	}
	rec.After = after
	return s.audit(audit, rec)
}

// clean gives a record's texts the one form they are stored in, both when
// the record is written and when it is imported: the actor a clean name, the
// label one line (Item.Label promises one line, but a parking or success text
// may hold line breaks). Without it an export → import round trip would not
// give back the same records.
func (r *Record) clean() {
	r.Actor = board.CleanName(r.Actor)
	r.Label = board.CleanLine(r.Label, board.MaxText)
}

// Audit returns a board's records with Seq > after, oldest first.
func (s *Store) Audit(boardID, after uint64) ([]Record, error) {
	var recs []Record
	err := s.db.View(func(tx *bolt.Tx) error {
		bb, err := boardBucket(tx, boardID)
		if err != nil {
			return err
		}
		recs, err = appendFrom(recs, bb.Bucket(bucketAudit), itob(after+1))
		return err
	})
	return recs, err
}
