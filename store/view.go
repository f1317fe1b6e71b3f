package store

import (
	"slices"
	"time"

	"github.com/verbeterbord/bord/board"
)

// View is the store as one member may reach it: only the teams given to For
// and their boards. Team isolation is the store's promise, not a screen's:
// a screen that asks for another team's board gets ErrNotFound, the same
// answer as for a board that does not exist, so it learns nothing about
// other teams. A View is safe for concurrent use; its team set never
// changes.
type View struct {
	s     *Store
	teams []uint64
	// name and key are the person's, for the duos they open (ForPerson,
	// duo_access.go); empty from For.
	name, key string
}

// For returns the view of s limited to teams. Nil or empty teams reach no
// team at all (fail closed); the local terminal, which owns the file, uses
// the Store itself.
func (s *Store) For(teams []uint64) *View {
	return &View{s: s, teams: slices.Clone(teams)}
}

func (v *View) team(id uint64) error {
	if !slices.Contains(v.teams, id) {
		return ErrNotFound
	}
	return nil
}

// board checks that boardID belongs to one of the view's teams. It reads
// the shared snapshot, which the store caches, so a check costs no I/O
// after the first.
func (v *View) board(boardID uint64) error {
	b, err := v.s.Board(boardID)
	if err != nil {
		return err
	}
	return v.team(b.TeamID)
}

// Teams lists the view's teams.
func (v *View) Teams() ([]board.Team, error) {
	all, err := v.s.Teams()
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(t board.Team) bool { return v.team(t.ID) != nil }), nil
}

// Boards lists the boards of one of the view's teams.
func (v *View) Boards(teamID uint64) ([]board.Info, error) {
	if err := v.team(teamID); err != nil {
		return nil, err
	}
	return v.s.Boards(teamID)
}

// Board returns a board of one of the view's teams.
func (v *View) Board(id uint64) (*board.Board, error) {
	b, err := v.s.Board(id)
	if err != nil {
		return nil, err
	}
	if err := v.team(b.TeamID); err != nil {
		return nil, err
	}
	return b, nil
}

// Watch subscribes to a board of the view's teams. For any other board the
// channel is closed at once: the subscriber sees the board end.
func (v *View) Watch(boardID uint64) (<-chan uint64, func()) {
	if v.board(boardID) != nil {
		return closedWatch()
	}
	return v.s.Watch(boardID)
}

// closedWatch is the watch of something out of reach: closed at once.
func closedWatch() (<-chan uint64, func()) {
	ch := make(chan uint64)
	close(ch)
	return ch, func() {}
}

// Add is Store.Add on a board of the view's teams.
func (v *View) Add(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return onBoard(v, boardID, func() (board.Item, error) { return v.s.Add(actor, boardID, it) })
}

// Update is Store.Update on a board of the view's teams.
func (v *View) Update(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return onBoard(v, boardID, func() (board.Item, error) { return v.s.Update(actor, boardID, it) })
}

// Restore is Store.Restore on a board of the view's teams.
func (v *View) Restore(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return onBoard(v, boardID, func() (board.Item, error) { return v.s.Restore(actor, boardID, it) })
}

// Delete is Store.Delete on a board of the view's teams.
func (v *View) Delete(actor string, boardID uint64, area board.Area, id, seen uint64) error {
	if err := v.board(boardID); err != nil {
		return err
	}
	return v.s.Delete(actor, boardID, area, id, seen)
}

// ChangeItem is Store.ChangeItem on a board of the view's teams.
func (v *View) ChangeItem(actor string, boardID uint64, op board.ItemOp) (board.Item, error) {
	return onBoard(v, boardID, func() (board.Item, error) { return v.s.ChangeItem(actor, boardID, op) })
}

// SetCheckIn is Store.SetCheckIn on a board of the view's teams.
func (v *View) SetCheckIn(actor string, boardID uint64, mood board.Mood, word string) (board.CheckIn, error) {
	return onBoard(v, boardID, func() (board.CheckIn, error) { return v.s.SetCheckIn(actor, boardID, mood, word) })
}

// StartMeeting is Store.StartMeeting on a board of the view's teams.
func (v *View) StartMeeting(actor string, boardID uint64, d time.Duration) (board.Meeting, error) {
	return onBoard(v, boardID, func() (board.Meeting, error) { return v.s.StartMeeting(actor, boardID, d) })
}

// MoveMeeting is Store.MoveMeeting on a board of the view's teams.
func (v *View) MoveMeeting(actor string, boardID uint64, to board.Step) (board.Meeting, error) {
	return onBoard(v, boardID, func() (board.Meeting, error) { return v.s.MoveMeeting(actor, boardID, to) })
}

// MoveMeetingFrom is Store.MoveMeetingFrom on a board of the view's teams.
func (v *View) MoveMeetingFrom(actor string, boardID uint64, from, to board.Step) (board.Meeting, error) {
	return onBoard(v, boardID, func() (board.Meeting, error) { return v.s.MoveMeetingFrom(actor, boardID, from, to) })
}

// HandOver is Store.HandOver on a board of the view's teams.
func (v *View) HandOver(actor string, boardID uint64, to string) (board.Meeting, error) {
	return onBoard(v, boardID, func() (board.Meeting, error) { return v.s.HandOver(actor, boardID, to) })
}

// EndMeeting is Store.EndMeeting on a board of the view's teams.
func (v *View) EndMeeting(actor string, boardID uint64) (board.Meeting, error) {
	return onBoard(v, boardID, func() (board.Meeting, error) { return v.s.EndMeeting(actor, boardID) })
}

// Recap is Store.Recap on a board of the view's teams.
func (v *View) Recap(boardID, after, upTo uint64) (board.Recap, error) {
	return onBoard(v, boardID, func() (board.Recap, error) { return v.s.Recap(boardID, after, upTo) })
}

// CreateRetro is Store.CreateRetro on a board of the view's teams.
func (v *View) CreateRetro(actor string, boardID uint64, topic, format string, columns []string, from, to time.Time, named bool, votes int) (board.Retro, error) {
	return onBoard(v, boardID, func() (board.Retro, error) {
		return v.s.CreateRetro(actor, boardID, topic, format, columns, from, to, named, votes)
	})
}

// ChangeRetro is Store.ChangeRetro on a board of the view's teams.
func (v *View) ChangeRetro(actor string, boardID, retroID uint64, op board.RetroOp) (board.Retro, error) {
	return onBoard(v, boardID, func() (board.Retro, error) { return v.s.ChangeRetro(actor, boardID, retroID, op) })
}

// CreateArena is Store.CreateArena on a board of the view's teams.
func (v *View) CreateArena(actor string, boardID uint64, topic string, date time.Time, group string, pupils int, leader string, noteTakers []string, minutes int) (board.Arena, error) {
	return onBoard(v, boardID, func() (board.Arena, error) {
		return v.s.CreateArena(actor, boardID, topic, date, group, pupils, leader, noteTakers, minutes)
	})
}

// ChangeArena is Store.ChangeArena on a board of the view's teams.
func (v *View) ChangeArena(actor string, boardID, arenaID uint64, op board.ArenaOp) (board.Arena, error) {
	return onBoard(v, boardID, func() (board.Arena, error) { return v.s.ChangeArena(actor, boardID, arenaID, op) })
}

// SetRetention is Store.SetRetention on a board of the view's teams.
func (v *View) SetRetention(actor string, boardID uint64, days int) error {
	if err := v.board(boardID); err != nil {
		return err
	}
	return v.s.SetRetention(actor, boardID, days)
}

// CreateDemo makes a new demo team and board. It touches no existing team;
// the new team is not added to the view (over SSH a member's teams come
// from their key), exactly as before the view existed.
func (v *View) CreateDemo(actor string) (board.Info, error) {
	return v.s.CreateDemo(actor)
}

// CreateDemoIn is CreateDemo in a language ("en" or Dutch).
func (v *View) CreateDemoIn(lang, actor string) (board.Info, error) {
	return v.s.CreateDemoIn(lang, actor)
}

// CreateTeam makes a new team; like CreateDemo it touches no existing team.
func (v *View) CreateTeam(actor, name string, members ...string) (board.Team, error) {
	return v.s.CreateTeam(actor, name, members...)
}

// CreateBoard is Store.CreateBoard in one of the view's teams.
func (v *View) CreateBoard(actor string, teamID uint64, name string) (board.Info, error) {
	if err := v.team(teamID); err != nil {
		return board.Info{}, err
	}
	return v.s.CreateBoard(actor, teamID, name)
}

// AddMember is Store.AddMember on one of the view's teams.
func (v *View) AddMember(actor string, teamID uint64, name string) (board.Team, error) {
	if err := v.team(teamID); err != nil {
		return board.Team{}, err
	}
	return v.s.AddMember(actor, teamID, name)
}

// onBoard runs do only when boardID is a board of the view's teams.
func onBoard[T any](v *View, boardID uint64, do func() (T, error)) (T, error) {
	if err := v.board(boardID); err != nil {
		var zero T
		return zero, err
	}
	return do()
}
