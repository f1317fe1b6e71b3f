package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Audit operations of a duo. Design texts and observations are not copied
// into the audit log: observations must be erasable by retention.
const (
	OpDuoCreate Op = "duo_create"
	OpDuoChange Op = "duo_change"
)

// duoFeed is a duo's key on the change feed: above every board id (MaxID
// is 2⁵³−1), so a duo and a board never share notices.
func duoFeed(id uint64) uint64 { return 1<<62 | id }

// CreateDuo makes a duo of two or three partners, coordinated by actor, a
// member of team teamID (the SWV's). A partner with a TeamID must be a
// member of that team, or one named by its School (the team's name); one
// without either joins by CreateDuoInvite.
func (s *Store) CreateDuo(actor string, teamID uint64, name string, partners []board.Partner) (board.Duo, error) {
	var out board.Duo
	err := s.db.Update(func(tx *bolt.Tx) error {
		t, err := getTeam(tx, teamID)
		if err != nil {
			return err
		}
		who, err := memberName(t, actor)
		if err != nil {
			return err
		}
		for i, p := range partners {
			if p.TeamID == 0 && p.School != "" {
				// "name @ team": the coordinator names a school's team
				// they are no member of, so it is found here.
				if partners[i].TeamID = teamIDByName(tx, p.School); partners[i].TeamID == 0 {
					return &board.ValidationError{Field: "partner", Problem: board.ProblemUnknownOwner, Value: p.Name + " @ " + p.School}
				}
				p.TeamID = partners[i].TeamID
			}
			if p.TeamID == 0 {
				partners[i].Keys = nil // keys come from the duo's invite only
				continue
			}
			pt, err := getTeam(tx, p.TeamID)
			if err != nil {
				return err
			}
			if partners[i].Name = pt.Member(p.Name); partners[i].Name == "" {
				// The same answer as for a team that does not exist: a
				// member of one school cannot probe another's names.
				value := p.Name
				if p.School != "" {
					value = p.Name + " @ " + p.School
				}
				return &board.ValidationError{Field: "partner", Problem: board.ProblemUnknownOwner, Value: value}
			}
			partners[i].School, partners[i].Keys = pt.Name, nil
		}
		d, err := board.NewDuo(name, teamID, who, partners, s.now())
		if err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists(bucketDuos)
		if err != nil {
			return err
		}
		if err := nameTaken(b, d.Name, func(o *board.Duo) string { return o.Name }); err != nil {
			return err
		}
		if _, err := putNext(b, d, func(id uint64) { d.ID = id }); err != nil {
			return err
		}
		out = *d
		return s.audit(tx.Bucket(bucketAudit), Record{Actor: who, Op: OpDuoCreate, TeamID: teamID, ItemID: d.ID, Label: d.Name})
	})
	return out, err
}

// teamIDByName is the id of the team named name (any case), or 0.
func teamIDByName(tx *bolt.Tx, name string) uint64 {
	var id uint64
	_ = tx.Bucket(bucketTeams).ForEach(func(_, v []byte) error {
		var t board.Team
		if json.Unmarshal(v, &t) == nil && equalFold(t.Name, strings.TrimSpace(name)) {
			id = t.ID
		}
		return nil
	})
	return id
}

// Duos lists every duo, oldest first, each with its partners' Left set.
func (s *Store) Duos() ([]board.Duo, error) {
	return viewed(s, func(tx *bolt.Tx) ([]board.Duo, error) {
		out, err := appendAll([]board.Duo(nil), tx.Bucket(bucketDuos))
		if err != nil {
			return out, fmt.Errorf("store: duo: %w", err)
		}
		for i := range out {
			markLeft(tx, &out[i])
		}
		return out, nil
	})
}

// Duo returns one duo.
func (s *Store) Duo(id uint64) (board.Duo, error) {
	return viewed(s, func(tx *bolt.Tx) (board.Duo, error) {
		d, err := getDuo(tx, id)
		markLeft(tx, &d)
		return d, err
	})
}

// markLeft marks the partners who are no longer members of their team: the
// duo keeps working for the others, and the coordinator sees who left.
func markLeft(tx *bolt.Tx, d *board.Duo) {
	for i, p := range d.Partners {
		if p.TeamID == 0 {
			continue
		}
		t, err := getTeam(tx, p.TeamID)
		d.Partners[i].Left = err != nil || !t.HasMember(p.Name)
	}
}

func getDuo(tx *bolt.Tx, id uint64) (board.Duo, error) {
	var d board.Duo
	b := tx.Bucket(bucketDuos)
	if b == nil || b.Get(itob(id)) == nil {
		return d, ErrNotFound
	}
	return d, json.Unmarshal(b.Get(itob(id)), &d)
}

// WatchDuo delivers a duo's new version after each change.
func (s *Store) WatchDuo(id uint64) (<-chan uint64, func()) {
	return s.Watch(duoFeed(id))
}

// ChangeDuo applies one change by a partner to a duo in one transaction.
// Planning a visit puts it on the planning of a board of every partner's
// team; a lesson made an action puts it on a board of a partner's team,
// origin duo, in the same transaction.
func (s *Store) ChangeDuo(actor string, duoID uint64, op board.DuoOp) (board.Duo, error) {
	var out board.Duo
	var touched []uint64
	err := s.db.Update(func(tx *bolt.Tx) error {
		d, err := getDuo(tx, duoID)
		if err != nil {
			return err
		}
		before := len(d.Visits)
		if err := d.Apply(actor, op, s.now()); err != nil {
			return err
		}
		who := d.Partner(actor)
		if i := slices.IndexFunc(d.Partners, func(p board.Partner) bool { return p.Name == who }); i >= 0 && !d.Partners[i].Joined {
			// The partner's first act joins them: visits still to come now
			// go on their team's planning too.
			d.Partners[i].Joined = true
			for v := range d.Visits {
				if op.Kind == board.OpPlanVisit && v == len(d.Visits)-1 && len(d.Visits) > before {
					continue // planned below
				}
				t, err := s.planOnBoards(tx, &d, &d.Visits[v])
				if err != nil {
					return err
				}
				touched = append(touched, t...)
			}
		}
		switch {
		case op.Kind == board.OpPlanVisit && len(d.Visits) > before:
			t, err := s.planOnBoards(tx, &d, &d.Visits[len(d.Visits)-1])
			if err != nil {
				return err
			}
			touched = append(touched, t...)
		case op.Kind == board.OpLessonAction:
			if err := s.lessonAction(tx, &d, who, op); err != nil {
				return err
			}
			touched = append(touched, op.Board)
		}
		if err := putJSON(tx.Bucket(bucketDuos), itob(duoID), d); err != nil {
			return err
		}
		markLeft(tx, &d)
		out = d
		return s.audit(tx.Bucket(bucketAudit), Record{Actor: who, Op: OpDuoChange, ItemID: duoID, Label: string(op.Kind)})
	})
	if err == nil {
		s.feed.publish(duoFeed(duoID), out.Version)
		for _, id := range touched {
			s.changed(id)
		}
	}
	return out, err
}

// planOnBoards puts a visit still to come on the planning of the first
// board of each partner's team, so both partners' teams see it and are
// reminded; the item names the duo, group and time, no content. Another
// school's board gets it only once its partner joined (Partner.Joined).
func (s *Store) planOnBoards(tx *bolt.Tx, d *board.Duo, v *board.Visit) ([]uint64, error) {
	if v.At.Before(s.now()) {
		return nil, nil // recorded afterwards: nothing to plan
	}
	var touched []uint64
	for _, p := range d.Partners {
		if p.TeamID == 0 || slices.ContainsFunc(v.Planned, func(r board.PlanRef) bool { return r.Team == p.TeamID }) {
			continue
		}
		if !p.Joined && p.TeamID != d.TeamID {
			continue // another school's board waits until its partner joins
		}
		if t, err := getTeam(tx, p.TeamID); err != nil || !t.HasMember(p.Name) {
			continue // left their team: the others' planning still gets it
		}
		boardID, bb := firstBoard(tx, p.TeamID)
		if bb == nil {
			continue
		}
		it := &board.PlanItem{Date: board.Day(v.At), Who: p.Name,
			Text: fmt.Sprintf("%s · %s · %s · %s → %s", d.Name, v.Group, v.At.Format("15:04"), v.Visitor, v.Teacher)}
		if err := s.writeTx(bb, p.Name, boardID, OpAdd, true, it, s.stampNew(p.Name)); err != nil {
			return nil, err
		}
		if err := bb.Put(keyVersion, itob(btoi(bb.Get(keyVersion))+1)); err != nil {
			return nil, err
		}
		v.Planned = append(v.Planned, board.PlanRef{Team: p.TeamID, Board: boardID, Item: it.ID})
		touched = append(touched, boardID)
	}
	return touched, nil
}

// firstBoard is the oldest board of a team, where its planning lives.
func firstBoard(tx *bolt.Tx, teamID uint64) (uint64, *bolt.Bucket) {
	boards := tx.Bucket(bucketBoards)
	c := boards.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v != nil {
			continue
		}
		var info board.Info
		if json.Unmarshal(boards.Bucket(k).Get(keyInfo), &info) == nil && info.TeamID == teamID {
			return info.ID, boards.Bucket(k)
		}
	}
	return 0, nil
}

// lessonAction puts a lesson on a board of a partner's team as an action
// (origin duo). The actor must be that partner, so a duo never writes on a
// board of a team none of its people belong to.
func (s *Store) lessonAction(tx *bolt.Tx, d *board.Duo, who string, op board.DuoOp) error {
	if op.Action == nil {
		return &board.ValidationError{Field: "action", Problem: board.ProblemEmpty}
	}
	bb, err := boardBucket(tx, op.Board)
	if err != nil {
		return err
	}
	t, err := teamOf(bb)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(d.Partners, func(p board.Partner) bool {
		return p.TeamID == t.ID && strings.EqualFold(p.Name, who) && t.HasMember(who)
	}) {
		return ErrNotFound
	}
	a := *op.Action
	a.Origin = board.OriginDuo
	if err := s.writeTx(bb, who, op.Board, OpAdd, true, &a, s.stampNew(who)); err != nil {
		return err
	}
	d.SetLessonAction(op.ID, op.Sub, op.Board, a.ID)
	return bb.Put(keyVersion, itob(btoi(bb.Get(keyVersion))+1))
}

// expireDuos deletes the raw observations of duo visits past the retention
// period (the arena's default), as ApplyRetention does for arena notes,
// and adds the visits' duos to cleaned.
func (s *Store) expireDuos(cleaned int) (int, error) {
	var changed []board.Duo
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDuos)
		if b == nil {
			return nil
		}
		all, err := appendAll([]board.Duo(nil), b)
		if err != nil {
			return err
		}
		for _, d := range all {
			if !d.Expire(0, s.now()) {
				continue
			}
			d.Version++
			if err := putJSON(b, itob(d.ID), d); err != nil {
				return err
			}
			changed = append(changed, d)
		}
		if len(changed) == 0 {
			return nil
		}
		return s.audit(tx.Bucket(bucketAudit), Record{Actor: "bord", Op: OpArenaRetention})
	})
	if err != nil {
		return cleaned, err
	}
	for _, d := range changed {
		s.feed.publish(duoFeed(d.ID), d.Version)
	}
	if len(changed) > 0 {
		s.markErased()
	}
	return cleaned + len(changed), nil
}
