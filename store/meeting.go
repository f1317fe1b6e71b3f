package store

import (
	"encoding/json"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Audit operations of a bordsessie.
const (
	OpMeetingStart Op = "meeting_start"
	OpMeetingStep  Op = "meeting_step"
	OpMeetingLead  Op = "meeting_leader"
	OpMeetingEnd   Op = "meeting_end"
)

// recapWindow is how far back "since last session" looks before a board's
// first session.
const recapWindow = 7 * 24 * time.Hour

// StartMeeting starts a bordsessie on a board with actor as leader. A board
// has at most one running session; starting a second gives
// board.ErrMeetingRunning, unless the running one is stale (started on an
// earlier day and never closed): that one is closed at its planned end,
// with its summary, so an abandoned session never blocks the board.
func (s *Store) StartMeeting(actor string, boardID uint64, d time.Duration) (board.Meeting, error) {
	if d <= 0 {
		d = board.DefaultMeeting
	}
	var m board.Meeting
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		leader, mb, err := memberIn(bb, actor, bucketMeetings)
		if err != nil {
			return err
		}
		last, err := lastMeeting(mb)
		if err != nil {
			return err
		}
		audit := bb.Bucket(bucketAudit)
		now := s.now()
		if last.Running() {
			if !last.EndStale(now) {
				return board.ErrMeetingRunning
			}
			// The summary covers the session up to its end, not the days
			// after it.
			if err := finishMeeting(bb, boardID, last, max(firstAfter(audit, last.Ended), last.StartSeq)); err != nil {
				return err
			}
			if err := putJSON(mb, itob(last.ID), last); err != nil {
				return err
			}
			if err := s.audit(audit, Record{Actor: actor, Op: OpMeetingEnd, BoardID: boardID, Label: "stale"}); err != nil {
				return err
			}
		}
		m = board.Meeting{
			Week: board.WeekOf(now), Leader: leader, Leaders: []string{leader}, Started: now, Duration: d,
			Step: board.StepCheckIn, StepAt: now, StartSeq: audit.Sequence(),
		}
		if last != nil {
			m.PrevEnd = last.EndSeq
		} else {
			m.PrevEnd = firstAfter(audit, now.Add(-recapWindow))
		}
		if _, err := putNext(mb, &m, func(id uint64) { m.ID = id }); err != nil {
			return err
		}
		return s.audit(audit, Record{Actor: actor, Op: OpMeetingStart, BoardID: boardID, Label: leader})
	})
	return m, err
}

// MoveMeeting moves the running session to a step; leader only.
func (s *Store) MoveMeeting(actor string, boardID uint64, to board.Step) (board.Meeting, error) {
	return s.ChangeMeeting(actor, boardID, board.MeetingOp{Kind: board.OpMoveStep, Step: to})
}

// MoveMeetingFrom moves the session's step for a press made on a screen
// that stood at from; see board.Meeting.MoveFrom.
func (s *Store) MoveMeetingFrom(actor string, boardID uint64, from, to board.Step) (board.Meeting, error) {
	return s.ChangeMeeting(actor, boardID, board.MeetingOp{Kind: board.OpMoveStep, From: from, Step: to})
}

// HandOver makes another member the leader of the running session: the
// leader may hand over to anyone in the team, and anyone may take the role
// over for themselves (to == actor); see board.Meeting.HandOver.
func (s *Store) HandOver(actor string, boardID uint64, to string) (board.Meeting, error) {
	return s.ChangeMeeting(actor, boardID, board.MeetingOp{Kind: board.OpHandOver, Who: to})
}

// EndMeeting closes the running session and stores its summary: the actions
// added and done and the successes named during it, and what is overdue.
func (s *Store) EndMeeting(actor string, boardID uint64) (board.Meeting, error) {
	return s.ChangeMeeting(actor, boardID, board.MeetingOp{Kind: board.OpEndMeet})
}

// ChangeMeeting applies one change to the running session in one
// transaction, the way ChangeRetro and ChangeArena change theirs; closing
// it stores its summary.
func (s *Store) ChangeMeeting(actor string, boardID uint64, op board.MeetingOp) (board.Meeting, error) {
	audit, label := OpMeetingStep, string(op.Step)
	switch op.Kind {
	case board.OpHandOver:
		audit, label = OpMeetingLead, op.Who
	case board.OpEndMeet:
		audit, label = OpMeetingEnd, ""
	}
	return s.changeMeeting(actor, boardID, audit, label, func(m *board.Meeting, t board.Team) error {
		return m.Apply(actor, op, t, s.now())
	})
}

func (s *Store) changeMeeting(actor string, boardID uint64, op Op, label string, change func(*board.Meeting, board.Team) error) (board.Meeting, error) {
	var m board.Meeting
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		t, err := teamOf(bb)
		if err != nil {
			return err
		}
		mb := bb.Bucket(bucketMeetings)
		if mb == nil {
			return board.ErrNoMeeting
		}
		last, err := lastMeeting(mb)
		if err != nil {
			return err
		}
		if !last.Running() {
			return board.ErrNoMeeting
		}
		m = *last
		if err := change(&m, t); err != nil {
			return err
		}
		audit := bb.Bucket(bucketAudit)
		if !m.Ended.IsZero() {
			if err := finishMeeting(bb, boardID, &m, audit.Sequence()); err != nil {
				return err
			}
		}
		if err := putJSON(mb, itob(m.ID), m); err != nil {
			return err
		}
		return s.audit(audit, Record{Actor: actor, Op: op, BoardID: boardID, Label: label})
	})
	return m, err
}

// finishMeeting sets a closed meeting's last audit record and its summary:
// what the records after its start up to endSeq changed on the board.
func finishMeeting(bb *bolt.Bucket, boardID uint64, m *board.Meeting, endSeq uint64) error {
	m.EndSeq = endSeq
	b, err := readBoard(bb.Tx(), boardID)
	if err != nil {
		return err
	}
	recs, err := recordsBetween(bb.Bucket(bucketAudit), m.StartSeq, m.EndSeq)
	if err != nil {
		return err
	}
	sum := board.Summarize(changesOf(recs), b, m.Ended)
	m.Summary = &sum
	return nil
}

// Recap sums up a board's history after audit record `after` up to and
// including `upTo` (0: up to now), against the board as it is now.
func (s *Store) Recap(boardID, after, upTo uint64) (board.Recap, error) {
	var r board.Recap
	err := s.db.View(func(tx *bolt.Tx) error {
		bb, err := boardBucket(tx, boardID)
		if err != nil {
			return err
		}
		audit := bb.Bucket(bucketAudit)
		if upTo == 0 {
			upTo = audit.Sequence()
		}
		recs, err := recordsBetween(audit, after, upTo)
		if err != nil {
			return err
		}
		b, err := readBoard(tx, boardID)
		if err != nil {
			return err
		}
		r = board.Summarize(changesOf(recs), b, s.now())
		return nil
	})
	return r, err
}

func lastMeeting(mb *bolt.Bucket) (*board.Meeting, error) {
	_, v := mb.Cursor().Last()
	if v == nil {
		return nil, nil
	}
	var m board.Meeting
	return &m, json.Unmarshal(v, &m)
}

// firstAfter is the audit sequence just before the first record at or after t.
func firstAfter(audit *bolt.Bucket, t time.Time) uint64 {
	var seq uint64
	c := audit.Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		var r Record
		if json.Unmarshal(v, &r) != nil || r.Time.Before(t) {
			return btoi(k)
		}
		seq = btoi(k) - 1
	}
	return seq
}

func recordsBetween(audit *bolt.Bucket, after, upTo uint64) ([]Record, error) {
	var recs []Record
	c := audit.Cursor()
	for k, v := c.Seek(itob(after + 1)); k != nil && btoi(k) <= upTo; k, v = c.Next() {
		var r Record
		if err := json.Unmarshal(v, &r); err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// changesOf turns audit records into the domain's view of changes.
func changesOf(recs []Record) []board.Change {
	var out []board.Change
	for _, r := range recs {
		if r.Area == "" || board.NewItem(r.Area) == nil {
			continue
		}
		c := board.Change{Op: string(r.Op), Area: r.Area, ItemID: r.ItemID}
		if len(r.Before) > 0 {
			c.Before = board.NewItem(r.Area)
			if json.Unmarshal(r.Before, c.Before) != nil {
				c.Before = nil
			}
		}
		if len(r.After) > 0 {
			c.After = board.NewItem(r.Area)
			if json.Unmarshal(r.After, c.After) != nil {
				c.After = nil
			}
		}
		out = append(out, c)
	}
	return out
}
