package store

import (
	"slices"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// OpDuoInvite: a code into one duo was made.
const OpDuoInvite Op = "duo_invite"

// CreateDuoInvite makes a one-time code that lets a new key into one duo as
// partner, and into nothing else: no team, no board. Only the duo's
// coordinator makes one, for a partner who is no member of a team (or left
// theirs).
func (s *Store) CreateDuoInvite(actor string, duoID uint64, partner string, ttl time.Duration) (code string, expires time.Time, err error) {
	return s.makeInvite(ttl, func(tx *bolt.Tx) (invite, Record, error) {
		d, err := getDuo(tx, duoID)
		if err != nil {
			return invite{}, Record{}, err
		}
		if !strings.EqualFold(d.Coordinator, actor) {
			return invite{}, Record{}, board.ErrNotPartner
		}
		name := d.Partner(partner)
		if name == "" {
			return invite{}, Record{}, &board.ValidationError{Field: "partner", Problem: board.ProblemUnknownOwner, Value: partner}
		}
		// A partner still in their team joins through it: a code would let
		// a new key act under a teacher's name who already has one.
		for _, p := range d.Partners {
			if p.Name == name && p.TeamID != 0 {
				if t, err := getTeam(tx, p.TeamID); err == nil && t.HasMember(p.Name) {
					return invite{}, Record{}, board.ErrPartnerInTeam
				}
			}
		}
		return invite{DuoID: duoID, Partner: name, By: actor}, Record{Actor: actor, Op: OpDuoInvite, ItemID: duoID, Label: name}, nil
	})
}

// bindDuoKey gives the invited partner of a duo the key. A key that is
// someone else's (a member or another duo's partner by another name) is
// refused, as for a team invite.
func (s *Store) bindDuoKey(tx *bolt.Tx, inv invite, fingerprint string) error {
	d, err := getDuo(tx, inv.DuoID)
	if err != nil {
		return ErrInvite
	}
	if owner := keyOwner(tx, fingerprint); owner != "" && !strings.EqualFold(owner, inv.Partner) {
		return ErrKeyTaken
	}
	i := slices.IndexFunc(d.Partners, func(p board.Partner) bool { return strings.EqualFold(p.Name, inv.Partner) })
	if i < 0 {
		return ErrInvite // the partner left the duo since
	}
	if !slices.Contains(d.Partners[i].Keys, fingerprint) {
		d.Partners[i].Keys = append(d.Partners[i].Keys, fingerprint)
	}
	d.Version++
	if err := putJSON(tx.Bucket(bucketDuos), itob(d.ID), d); err != nil {
		return err
	}
	return s.audit(tx.Bucket(bucketAudit), Record{Actor: inv.Partner, Op: OpAddMember, ItemID: d.ID, Label: inv.Partner})
}

// ForPerson is the view of one person: their teams (as For), and the duos
// they open as partner or coordinator, found by their name in those teams
// or by their key (Identity.Key) for a partner who joined by a duo invite.
func (s *Store) ForPerson(id Identity) *View {
	v := s.For(id.Teams)
	v.name, v.key = id.Name, id.Key
	return v
}

// Duos lists the duos the view's person opens; none for a view made by
// For, which knows no person.
func (v *View) Duos() ([]board.Duo, error) {
	all, err := v.s.Duos()
	return slices.DeleteFunc(all, func(d board.Duo) bool { return !d.Opens(v.name, v.teams, v.key) }), err
}

// Duo returns a duo the view's person opens; any other is ErrNotFound, as
// for a duo that does not exist.
func (v *View) Duo(id uint64) (board.Duo, error) {
	d, err := v.s.Duo(id)
	if err != nil || !d.Opens(v.name, v.teams, v.key) {
		return board.Duo{}, ErrNotFound
	}
	return d, nil
}

// opens checks that the view's person opens duo id.
func (v *View) opens(id uint64) error {
	_, err := v.Duo(id)
	return err
}

// WatchDuo is Store.WatchDuo on a duo the person opens; for any other the
// channel is closed at once.
func (v *View) WatchDuo(id uint64) (<-chan uint64, func()) {
	if v.opens(id) != nil {
		return closedWatch()
	}
	return v.s.WatchDuo(id)
}

// ChangeDuo is Store.ChangeDuo on a duo the person opens, as that person
// (whatever actor says). A lesson made an action must go to a board the
// view reaches.
func (v *View) ChangeDuo(actor string, id uint64, op board.DuoOp) (board.Duo, error) {
	if err := v.opens(id); err != nil {
		return board.Duo{}, err
	}
	if op.Kind == board.OpLessonAction {
		if err := v.board(op.Board); err != nil {
			return board.Duo{}, err
		}
	}
	return v.s.ChangeDuo(v.person(actor), id, op)
}

// CreateDuo is Store.CreateDuo in one of the view's teams, by its person.
func (v *View) CreateDuo(actor string, teamID uint64, name string, partners []board.Partner) (board.Duo, error) {
	if err := v.team(teamID); err != nil {
		return board.Duo{}, err
	}
	return v.s.CreateDuo(v.person(actor), teamID, name, partners)
}

// CreateDuoInvite is Store.CreateDuoInvite on a duo the person opens.
func (v *View) CreateDuoInvite(actor string, id uint64, partner string, ttl time.Duration) (string, time.Time, error) {
	d, err := v.Duo(id)
	if err != nil {
		return "", time.Time{}, err
	}
	// The coordinator is told apart from a partner of the same name by
	// their team: the duo's own.
	if !slices.Contains(v.teams, d.TeamID) {
		return "", time.Time{}, board.ErrNotPartner
	}
	return v.s.CreateDuoInvite(v.person(actor), id, partner, ttl)
}

// person is the view's person when it knows one, else actor: a session
// cannot act in a duo under another name.
func (v *View) person(actor string) string {
	if v.name != "" {
		return v.name
	}
	return actor
}
