package store

import (
	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// ErrSharedSpeerpunt is board.ErrSharedSpeerpunt, where the store's
// callers look for it.
var ErrSharedSpeerpunt = board.ErrSharedSpeerpunt

// Speerpunten are the network's: every member sees them, as every board's
// snapshot shows them.
func (v *View) Speerpunten() ([]board.Speerpunt, error) { return v.s.Speerpunten() }

// AddSpeerpunt is Store.AddSpeerpunt: a speerpunt is the network's, so a
// member of any team may add one.
func (v *View) AddSpeerpunt(actor string, sp board.Speerpunt) (board.Speerpunt, error) {
	return v.s.AddSpeerpunt(actor, sp)
}

// UpdateSpeerpunt is Store.UpdateSpeerpunt; its version check keeps one
// team's edit from silently replacing another's.
func (v *View) UpdateSpeerpunt(actor string, sp board.Speerpunt) (board.Speerpunt, error) {
	return v.s.UpdateSpeerpunt(actor, sp)
}

// SpeerpuntUse is Store.SpeerpuntUse: counts only, across the network, so
// the question before a delete is honest about who else uses it.
func (v *View) SpeerpuntUse(id uint64) (goals, boards int, err error) { return v.s.SpeerpuntUse(id) }

// DeleteSpeerpunt is Store.DeleteSpeerpunt when every goal under the
// speerpunt stands on a board of the view's teams; otherwise
// ErrSharedSpeerpunt and nothing changes. (The check and the delete are two
// transactions; a goal linked in between is unlinked like the others.)
func (v *View) DeleteSpeerpunt(actor string, id, seen uint64) error {
	// The boards are listed in the transaction and checked after it:
	// v.board may read a board (a transaction of its own), and bbolt can
	// deadlock on a read transaction opened inside another while a writer
	// waits to grow the file.
	var using []uint64
	err := v.s.db.View(func(tx *bolt.Tx) error {
		boards := tx.Bucket(bucketBoards)
		return boards.ForEachBucket(func(k []byte) error {
			n, err := goalsUnder(boards.Bucket(k), id, nil)
			if err == nil && n > 0 {
				using = append(using, btoi(k))
			}
			return err
		})
	})
	if err != nil {
		return err
	}
	for _, b := range using {
		if v.board(b) != nil {
			return ErrSharedSpeerpunt
		}
	}
	return v.s.DeleteSpeerpunt(actor, id, seen)
}

// ChangeGoal is Store.ChangeGoal on a board of the view's teams.
func (v *View) ChangeGoal(actor string, boardID uint64, op board.GoalOp) (board.Goal, error) {
	return onBoard(v, boardID, func() (board.Goal, error) { return v.s.ChangeGoal(actor, boardID, op) })
}

// SetPhase is Store.SetPhase on a board of the view's teams.
func (v *View) SetPhase(actor string, boardID uint64, year int, seen, to board.BKAPhase) (board.PlanYear, error) {
	return onBoard(v, boardID, func() (board.PlanYear, error) { return v.s.SetPhase(actor, boardID, year, seen, to) })
}

// ImportMeasurements is Store.ImportMeasurements on a board of the view's
// teams.
func (v *View) ImportMeasurements(actor string, boardID uint64, rows []MeasurementRow) (int, error) {
	return onBoard(v, boardID, func() (int, error) { return v.s.ImportMeasurements(actor, boardID, rows) })
}
