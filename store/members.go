package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// ErrInvite: an invite code is unknown, used or expired. The three are one
// error on purpose: a guesser learns nothing from the answer.
var ErrInvite = errors.New("store: invite code not valid")

// ErrKeyTaken: the SSH key already belongs to someone else.
var ErrKeyTaken = errors.New("store: key belongs to another member")

// Identity is who a key belongs to: the member's name and their teams, and
// the key itself, which opens the duos its person joined by a duo invite.
type Identity struct {
	Name  string
	Teams []uint64
	Key   string
}

// Identify finds the member an SSH key fingerprint belongs to.
func (s *Store) Identify(fingerprint string) (Identity, bool) {
	id := Identity{Key: fingerprint}
	teams, err := s.Teams()
	if err != nil {
		return id, false
	}
	for _, t := range teams {
		if name := t.KeyHolder(fingerprint); name != "" {
			id.Name = name
			id.Teams = append(id.Teams, t.ID)
		}
	}
	if id.Name == "" {
		id.Name = s.duoPartnerByKey(fingerprint)
	}
	return id, id.Name != ""
}

// keyOwner is the name a key belongs to: a team member's or a duo
// partner's; "" for a new key.
func keyOwner(tx *bolt.Tx, fingerprint string) string {
	owner := ""
	_ = tx.Bucket(bucketTeams).ForEach(func(_, v []byte) error {
		var t board.Team
		if json.Unmarshal(v, &t) == nil && t.KeyHolder(fingerprint) != "" {
			owner = t.KeyHolder(fingerprint)
		}
		return nil
	})
	if owner == "" {
		owner = partnerByKey(tx, fingerprint)
	}
	return owner
}

// partnerByKey is the duo partner a key belongs to, or "".
func partnerByKey(tx *bolt.Tx, fingerprint string) string {
	b := tx.Bucket(bucketDuos)
	if b == nil || fingerprint == "" {
		return ""
	}
	name := ""
	_ = b.ForEach(func(_, v []byte) error {
		var d board.Duo
		if json.Unmarshal(v, &d) == nil {
			for _, p := range d.Partners {
				if slices.Contains(p.Keys, fingerprint) {
					name = p.Name
				}
			}
		}
		return nil
	})
	return name
}

// duoPartnerByKey is partnerByKey in a transaction of its own, for
// Identify.
func (s *Store) duoPartnerByKey(fingerprint string) string {
	name := ""
	_ = s.db.View(func(tx *bolt.Tx) error {
		name = partnerByKey(tx, fingerprint)
		return nil
	})
	return name
}

// TeamByName finds a team by name, ignoring case and the kind of dash
// (board.SameName).
func (s *Store) TeamByName(name string) (board.Team, error) {
	teams, err := s.Teams()
	if err != nil {
		return board.Team{}, err
	}
	for _, t := range teams {
		if board.SameName(t.Name, name) {
			return t, nil
		}
	}
	return board.Team{}, ErrNotFound
}

// AddMemberKey adds a member to a team (if not yet there) with an SSH key
// fingerprint. A key that already belongs to someone else is refused.
func (s *Store) AddMemberKey(actor string, teamID uint64, name, fingerprint string) (board.Team, error) {
	var t board.Team
	name = board.CleanName(name)
	if name == "" {
		return t, &board.ValidationError{Field: "name", Problem: board.ProblemEmpty}
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		return s.bindKey(tx, actor, teamID, name, fingerprint, false, &t)
	})
	if err == nil {
		s.teamChanged(teamID)
	}
	return t, err
}

// bindKey puts name with key into team teamID inside tx. With mustBeNew, a
// name that is already a member is refused, so an invite can never be used
// to take over an existing member.
func (s *Store) bindKey(tx *bolt.Tx, actor string, teamID uint64, name, fingerprint string, mustBeNew bool, out *board.Team) error {
	t, err := getTeam(tx, teamID)
	if err != nil {
		return err
	}
	if fingerprint != "" {
		if owner := keyOwner(tx, fingerprint); owner != "" && !strings.EqualFold(owner, name) {
			return ErrKeyTaken
		}
	}
	i := slices.IndexFunc(t.Members, func(m board.Member) bool { return strings.EqualFold(m.Name, name) })
	if i >= 0 && mustBeNew {
		return ErrExists
	}
	if i < 0 {
		t.Members = append(t.Members, board.Member{Name: name})
		i = len(t.Members) - 1
	}
	if fingerprint != "" && !t.Members[i].HasKey(fingerprint) {
		t.Members[i].Keys = append(t.Members[i].Keys, fingerprint)
	}
	if err := putJSON(tx.Bucket(bucketTeams), itob(teamID), t); err != nil {
		return err
	}
	if err := bumpTeamBoards(tx, teamID, nil); err != nil {
		return err
	}
	*out = t
	return s.audit(tx.Bucket(bucketAudit), Record{Actor: actor, Op: OpAddMember, TeamID: teamID, Label: name})
}

// bumpTeamBoards raises the version of every board of a team (the team is
// part of their snapshots) and collects their ids.
func bumpTeamBoards(tx *bolt.Tx, teamID uint64, ids *[]uint64) error {
	boards := tx.Bucket(bucketBoards)
	return boards.ForEachBucket(func(k []byte) error {
		bb := boards.Bucket(k)
		var info board.Info
		if json.Unmarshal(bb.Get(keyInfo), &info) == nil && info.TeamID == teamID {
			if ids != nil {
				*ids = append(*ids, info.ID)
			}
			return bb.Put(keyVersion, itob(btoi(bb.Get(keyVersion))+1))
		}
		return nil
	})
}

// teamChanged tells every open board of a team that the team changed.
func (s *Store) teamChanged(teamID uint64) {
	infos, err := s.Boards(teamID)
	if err != nil {
		return
	}
	for _, in := range infos {
		s.changed(in.ID)
	}
}

type invite struct {
	TeamID  uint64    `json:"team_id"`
	Expires time.Time `json:"expires"`
	By      string    `json:"by"`
	// DuoID and Partner: an invite into one duo only, as that partner
	// (CreateDuoInvite); TeamID is 0 then.
	DuoID   uint64 `json:"duo_id,omitempty"`
	Partner string `json:"partner,omitempty"`
	// Guest, when set, makes the code a guest's: into one retrospective
	// or arena, not into the team (guest.go).
	Guest *GuestScope `json:"guest,omitempty"`
}

var codeEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// CreateInvite makes a one-time code that lets a new key join a team. Only
// a hash of the code is stored, so a copy of the database cannot be used to
// join. The code has 60 random bits, shown as XXXX-XXXX-XXXX.
func (s *Store) CreateInvite(actor string, teamID uint64, ttl time.Duration) (code string, expires time.Time, err error) {
	return s.makeInvite(ttl, func(tx *bolt.Tx) (invite, Record, error) {
		_, err := getTeam(tx, teamID)
		return invite{TeamID: teamID, By: actor}, Record{Actor: actor, Op: OpInvite, TeamID: teamID}, err
	})
}

// makeInvite stores a new code with what build says it lets in, and its
// audit record, in one transaction.
func (s *Store) makeInvite(ttl time.Duration, build func(tx *bolt.Tx) (invite, Record, error)) (code string, expires time.Time, err error) {
	raw := make([]byte, 8)
	if _, err := rand.Read(raw); err != nil {
		return "", time.Time{}, err
	}
	c := codeEncoding.EncodeToString(raw)[:12]
	code = c[:4] + "-" + c[4:8] + "-" + c[8:]
	expires = s.now().Add(ttl)
	err = s.db.Update(func(tx *bolt.Tx) error {
		inv, rec, err := build(tx)
		if err != nil {
			return err
		}
		inv.Expires = expires
		b, err := tx.CreateBucketIfNotExists(bucketInvites)
		if err != nil {
			return err
		}
		if err := putJSON(b, hashCode(code), inv); err != nil {
			return err
		}
		return s.audit(tx.Bucket(bucketAudit), rec)
	})
	return code, expires, err
}

// hashCode normalises a typed code (case, dashes, spaces, the letters people
// confuse with digits) and hashes it.
func hashCode(code string) []byte {
	c := strings.ToUpper(code)
	c = strings.NewReplacer("-", "", " ", "", "0", "O", "1", "I", "8", "B").Replace(c)
	sum := sha256.Sum256([]byte(c))
	return []byte(hex.EncodeToString(sum[:]))
}

// RedeemInvite uses a code: the key joins the code's team as a new member
// with the given name, and the code is gone. Unknown, used and expired codes
// all give ErrInvite. A guest's code makes the key a guest of its one
// retrospective or arena instead (bindGuest, guest.go).
func (s *Store) RedeemInvite(code, fingerprint, name string) (board.Team, error) {
	var t board.Team
	name = board.CleanName(name)
	if name == "" {
		return t, &board.ValidationError{Field: "name", Problem: board.ProblemEmpty}
	}
	expired := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketInvites)
		if b == nil {
			return ErrInvite
		}
		h := hashCode(code)
		v := b.Get(h)
		if v == nil {
			return ErrInvite
		}
		var inv invite
		if err := json.Unmarshal(v, &inv); err != nil {
			return err
		}
		if err := b.Delete(h); err != nil {
			return err
		}
		if s.now().After(inv.Expires) {
			// Returning ErrInvite here would roll the delete back and
			// keep the dead code forever: commit, and say so after.
			expired = true
			return nil
		}
		if inv.Guest != nil {
			return s.bindGuest(tx, inv, fingerprint, name, &t)
		}
		if inv.DuoID != 0 {
			return s.bindDuoKey(tx, inv, fingerprint)
		}
		return s.bindKey(tx, name, inv.TeamID, name, fingerprint, true, &t)
	})
	if err == nil && expired {
		return board.Team{}, ErrInvite
	}
	if err == nil && t.ID != 0 {
		s.teamChanged(t.ID)
	}
	return t, err
}
