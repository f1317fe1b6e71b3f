package store

import (
	"cmp"

	"github.com/verbeterbord/bord/board"
)

// nextArena makes the next arena of a recurring one that was just
// reported back, in the same transaction: the arena itself (with the open
// ideas, board.NextArena) and, when its day is still ahead, a planning
// item that announces it. A day already past gets no planning item (the
// planning takes no past dates); the board flags the arena as overdue.
func (s *Store) nextArena(tx recordTx, a *board.Arena, planText string) error {
	n := a.NextArena(tx.now)
	if n == nil {
		return nil
	}
	b, err := tx.bb.CreateBucketIfNotExists(bucketArenas)
	if err != nil {
		return err
	}
	if !n.Date.Before(board.Day(tx.now)) {
		p := &board.PlanItem{Date: n.Date, Text: cmp.Or(board.CleanLine(planText, board.MaxLine), n.Topic), Who: n.Leader}
		made, err := s.addTx(tx, p)
		if err != nil {
			return err
		}
		n.Plan = made.Base().ID
	}
	id, err := putNext(b, n, func(id uint64) { n.ID = id })
	if err != nil {
		return err
	}
	a.Next = id
	return s.audit(tx.bb.Bucket(bucketAudit), Record{Actor: tx.who, Op: OpArenaCreate, BoardID: tx.boardID, ItemID: id, Label: n.Topic})
}
