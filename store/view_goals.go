package store

import "github.com/verbeterbord/bord/board"

// The view's part of goals that steer (issue 9), for the screens over SSH.
// A goal's close, reopen or adjustment and a plan year's phase belong to a
// board and are checked like every board write. Speerpunten belong to the
// whole network, so any member of a team may add or delete one, as the
// store allows; what the view tells about their use counts only the
// view's own boards.

// ChangeGoal is Store.ChangeGoal on a board of the view's teams.
func (v *View) ChangeGoal(actor string, boardID uint64, op board.GoalOp) (board.Goal, error) {
	return onBoard(v, boardID, func() (board.Goal, error) { return v.s.ChangeGoal(actor, boardID, op) })
}

// SetPhase is Store.SetPhase on a board of the view's teams.
func (v *View) SetPhase(actor string, boardID uint64, year int, seen, to board.BKAPhase) (board.PlanYear, error) {
	return onBoard(v, boardID, func() (board.PlanYear, error) { return v.s.SetPhase(actor, boardID, year, seen, to) })
}

// AddSpeerpunt is Store.AddSpeerpunt for a member of some team.
func (v *View) AddSpeerpunt(actor string, sp board.Speerpunt) (board.Speerpunt, error) {
	if len(v.teams) == 0 {
		return board.Speerpunt{}, ErrNotFound
	}
	return v.s.AddSpeerpunt(actor, sp)
}

// DeleteSpeerpunt is Store.DeleteSpeerpunt for a member of some team.
func (v *View) DeleteSpeerpunt(actor string, id, seen uint64) error {
	if len(v.teams) == 0 {
		return ErrNotFound
	}
	return v.s.DeleteSpeerpunt(actor, id, seen)
}

// SpeerpuntUse counts the goals under speerpunt id on the view's boards
// and on how many of them they stand; other teams' boards are not told.
func (v *View) SpeerpuntUse(id uint64) (goals, boards int, err error) {
	for _, t := range v.teams {
		infos, err := v.s.Boards(t)
		if err != nil {
			return 0, 0, err
		}
		for _, in := range infos {
			b, err := v.s.Board(in.ID)
			if err != nil {
				return 0, 0, err
			}
			if n := len(b.GoalsUnder(id)); n > 0 {
				goals, boards = goals+n, boards+1
			}
		}
	}
	return goals, boards, nil
}
