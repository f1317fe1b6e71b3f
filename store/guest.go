package store

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Guests: someone from outside the team (a colleague of another school, an
// SWV coach) let into ONE retrospective or arena with a one-time code, to
// write cards, vote or take notes there and nothing else. A guest is no
// member: their key is in guests/, not in a team, and their access ends
// the moment the retrospective closes or the arena is reported back.

// The kinds of record a guest can join.
const (
	GuestRetro = "retro"
	GuestArena = "arena"
)

// OpGuest is the audit op of a key that became a guest.
const OpGuest Op = "guest"

// GuestScope is the one record a guest may join.
type GuestScope struct {
	BoardID uint64 `json:"board_id"`
	Kind    string `json:"kind"` // GuestRetro or GuestArena
	ID      uint64 `json:"id"`
}

// Guest is a key let into one record.
type Guest struct {
	Name   string     `json:"name"`
	Key    string     `json:"key"`
	TeamID uint64     `json:"team_id"`
	Scope  GuestScope `json:"scope"`
	By     string     `json:"by"`
	Since  time.Time  `json:"since"`
}

// CreateGuestInvite makes a one-time code that lets a new key into the
// retrospective or arena of scope only. The record must still be open: a
// code for a closed one would let nobody in. Who may ask is the caller's
// view's business, as for CreateInvite.
func (s *Store) CreateGuestInvite(actor string, scope GuestScope, ttl time.Duration) (code string, expires time.Time, err error) {
	return s.makeInvite(ttl, func(tx *bolt.Tx) (invite, Record, error) {
		bb, err := boardBucket(tx, scope.BoardID)
		if err != nil {
			return invite{}, Record{}, err
		}
		t, err := teamOf(bb)
		if err != nil {
			return invite{}, Record{}, err
		}
		inv := invite{TeamID: t.ID, By: actor, Guest: &scope}
		return inv, Record{Actor: actor, Op: OpInvite, TeamID: t.ID, BoardID: scope.BoardID, ItemID: scope.ID}, recordOpen(bb, scope)
	})
}

// recordOpen is nil when the record of scope exists on board bb and is
// still open; board.ErrGuestClosed (a closed retrospective, a
// reported-back arena) or ErrNotFound otherwise.
func recordOpen(bb *bolt.Bucket, scope GuestScope) error {
	switch scope.Kind {
	case GuestRetro:
		return openIn(bb, bucketRetros, scope.ID, (*board.Retro).Running)
	case GuestArena:
		return openIn(bb, bucketArenas, scope.ID, (*board.Arena).Open)
	}
	return ErrNotFound
}

// openIn is recordOpen for a record of type T in bucket, open when open
// says so.
func openIn[T any](bb *bolt.Bucket, bucket []byte, id uint64, open func(*T) bool) error {
	var v T
	if err := getRecord(bb, bucket, id, &v); err != nil {
		return err
	}
	if !open(&v) {
		return board.ErrGuestClosed
	}
	return nil
}

func getRecord(bb *bolt.Bucket, bucket []byte, id uint64, v any) error {
	b := bb.Bucket(bucket)
	if b == nil || b.Get(itob(id)) == nil {
		return ErrNotFound
	}
	return json.Unmarshal(b.Get(itob(id)), v)
}

// bindGuest makes fingerprint a guest of inv's record, inside the
// redeeming transaction. The name must not be a member's (a guest's card
// or vote would count as theirs), and the key must be nobody's yet.
func (s *Store) bindGuest(tx *bolt.Tx, inv invite, fingerprint, name string, out *board.Team) error {
	bb, err := boardBucket(tx, inv.Guest.BoardID)
	if err != nil {
		return err
	}
	if err := recordOpen(bb, *inv.Guest); err != nil {
		return err
	}
	t, err := teamOf(bb)
	if err != nil {
		return err
	}
	if t.HasMember(name) || guestNamed(tx, *inv.Guest, name) {
		return board.ErrExists // a second Gina's cards and votes would count as the first's
	}
	// The key must be nobody's: not a member's or duo partner's
	// (keyOwner), not another record's guest.
	if fingerprint == "" || keyOwner(tx, fingerprint) != "" || guestByKey(tx, fingerprint) != "" {
		return ErrKeyTaken
	}
	gb, err := tx.CreateBucketIfNotExists(bucketGuests)
	if err != nil {
		return err
	}
	g := Guest{Name: name, Key: fingerprint, TeamID: t.ID, Scope: *inv.Guest, By: inv.By, Since: s.now()}
	if err := putJSON(gb, []byte(fingerprint), g); err != nil {
		return err
	}
	*out = t
	return s.audit(bb.Bucket(bucketAudit), Record{Actor: inv.By, Op: OpGuest, BoardID: inv.Guest.BoardID, ItemID: inv.Guest.ID, Label: name})
}

// guestNamed reports whether the record of scope has a guest called name.
func guestNamed(tx *bolt.Tx, scope GuestScope, name string) bool {
	found := false
	if gb := tx.Bucket(bucketGuests); gb != nil {
		_ = gb.ForEach(func(_, v []byte) error {
			var g Guest
			if json.Unmarshal(v, &g) == nil && g.Scope == scope && strings.EqualFold(g.Name, name) {
				found = true
			}
			return nil
		})
	}
	return found
}

// guestByKey is the name of the guest a key belongs to, or "".
func guestByKey(tx *bolt.Tx, fingerprint string) string {
	g, err := getGuest(tx, fingerprint)
	if err != nil {
		return ""
	}
	return g.Name
}

// getGuest reads the guest a key belongs to: board.ErrGuestOnly when it
// is no guest's (or no longer).
func getGuest(tx *bolt.Tx, fingerprint string) (Guest, error) {
	var g Guest
	gb := tx.Bucket(bucketGuests)
	if gb == nil || gb.Get([]byte(fingerprint)) == nil {
		return g, board.ErrGuestOnly
	}
	err := json.Unmarshal(gb.Get([]byte(fingerprint)), &g)
	return g, err
}

// IdentifyGuest finds the guest a key belongs to, only while their record
// is open: once it closed, the key is a stranger again.
func (s *Store) IdentifyGuest(fingerprint string) (Guest, bool) {
	var g Guest
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if g, err = getGuest(tx, fingerprint); err != nil {
			return err
		}
		bb, err := boardBucket(tx, g.Scope.BoardID)
		if err != nil {
			return err
		}
		return recordOpen(bb, g.Scope)
	})
	return g, err == nil
}

// guestOps are what a guest may do: write, change and delete their own
// cards and vote in a retrospective; note, rephrase and delete notes in an
// arena. Phases, groups, actions, themes and ideas stay the team's.
var (
	guestRetroOps = []board.RetroOpKind{board.OpAddCard, board.OpEditCard, board.OpDeleteCard, board.OpVote, board.OpUnvote}
	guestArenaOps = []board.ArenaOpKind{board.OpAddNote, board.OpEditNote, board.OpDeleteNote}
)

// guestAdmit is the check of a guest's write inside its transaction: the
// key is still this record's guest and the record is open; who is the
// guest's name.
func guestAdmit(g Guest) func(bb *bolt.Bucket) (board.Team, string, error) {
	return func(bb *bolt.Bucket) (board.Team, string, error) {
		now, err := getGuest(bb.Tx(), g.Key)
		if err != nil {
			return board.Team{}, "", err
		}
		if now.Scope != g.Scope {
			return board.Team{}, "", board.ErrGuestOnly
		}
		if err := recordOpen(bb, now.Scope); err != nil {
			return board.Team{}, "", err
		}
		t, err := teamOf(bb)
		return t, now.Name, err
	}
}

// GuestChangeRetro is ChangeRetro for guest g: only on their retrospective
// and only the ops of guestRetroOps.
func (s *Store) GuestChangeRetro(g Guest, retroID uint64, op board.RetroOp) (board.Retro, error) {
	if g.Scope.Kind != GuestRetro || g.Scope.ID != retroID || !slices.Contains(guestRetroOps, op.Kind) {
		return board.Retro{}, board.ErrGuestOnly
	}
	return changeRecordBy(s, g.Name, guestAdmit(g), g.Scope.BoardID, bucketRetros, retroID, OpRetroChange, string(op.Kind),
		func(r *board.Retro, tx recordTx) error { return r.Apply(tx.who, op, tx.now) })
}

// GuestChangeArena is ChangeArena for guest g: only on their arena and
// only the ops of guestArenaOps.
func (s *Store) GuestChangeArena(g Guest, arenaID uint64, op board.ArenaOp) (board.Arena, error) {
	if g.Scope.Kind != GuestArena || g.Scope.ID != arenaID || !slices.Contains(guestArenaOps, op.Kind) {
		return board.Arena{}, board.ErrGuestOnly
	}
	if op.Kind != board.OpAddNote {
		defer s.markErased() // as ChangeArena: the old text is in freed pages
	}
	return changeRecordBy(s, g.Name, guestAdmit(g), g.Scope.BoardID, bucketArenas, arenaID, OpArenaChange, string(op.Kind),
		func(a *board.Arena, tx recordTx) error {
			// A guest is no member, so to the arena's rules every other
			// guest is someone who left, whose notes anyone may change: a
			// guest changes only their own.
			if op.Kind != board.OpAddNote {
				if i := slices.IndexFunc(a.Notes, func(n board.Note) bool { return n.ID == op.ID }); i >= 0 && !strings.EqualFold(a.Notes[i].By, tx.who) {
					return board.ErrGuestOnly
				}
			}
			return a.ApplyIn(tx.who, op, tx.team, tx.now)
		})
}
