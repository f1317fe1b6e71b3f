package tui

import (
	"time"

	"github.com/verbeterbord/bord/board"
)

// eachBoard calls do with every board of the store's teams, team by team.
// Which teams there are is the store's answer: over SSH the member's own.
func eachBoard(s Store, do func(t board.Team, in board.Info) error) error {
	teams, err := s.Teams()
	if err != nil {
		return err
	}
	for _, t := range teams {
		infos, err := s.Boards(t.ID)
		if err != nil {
			return err
		}
		for _, in := range infos {
			if err := do(t, in); err != nil {
				return err
			}
		}
	}
	return nil
}

// Store is what the screens need from persistence. *store.Store satisfies
// it for the local terminal, and *store.View, which reaches only a
// member's own teams, over SSH; snapshots it returns are shared and must
// not be modified.
type Store interface {
	Teams() ([]board.Team, error)
	Boards(teamID uint64) ([]board.Info, error)
	Board(id uint64) (*board.Board, error)
	// Watch delivers a board's new version after each change; the
	// function ends the subscription and closes the channel.
	Watch(boardID uint64) (<-chan uint64, func())

	Add(actor string, boardID uint64, it board.Item) (board.Item, error)
	Update(actor string, boardID uint64, it board.Item) (board.Item, error)
	Restore(actor string, boardID uint64, it board.Item) (board.Item, error)
	Delete(actor string, boardID uint64, area board.Area, id, seen uint64) error
	SetCheckIn(actor string, boardID uint64, mood board.Mood, word string) (board.CheckIn, error)
	// ChangeItem is the op form of the item writes; the screens use it
	// for what only it does: a forced save that writes only the user's
	// fields (ItemForce), a save after a delete that never duplicates
	// (ItemResave), and a measurement that commutes (ItemMeasure).
	ChangeItem(actor string, boardID uint64, op board.ItemOp) (board.Item, error)

	StartMeeting(actor string, boardID uint64, d time.Duration) (board.Meeting, error)
	MoveMeeting(actor string, boardID uint64, to board.Step) (board.Meeting, error)
	MoveMeetingFrom(actor string, boardID uint64, from, to board.Step) (board.Meeting, error)
	HandOver(actor string, boardID uint64, to string) (board.Meeting, error)
	EndMeeting(actor string, boardID uint64) (board.Meeting, error)
	// Recap sums up the board's history after audit record after, up to
	// upTo (0: now).
	Recap(boardID, after, upTo uint64) (board.Recap, error)

	CreateRetro(actor string, boardID uint64, topic, format string, columns []string, from, to time.Time, named bool, votes int) (board.Retro, error)
	ChangeRetro(actor string, boardID, retroID uint64, op board.RetroOp) (board.Retro, error)

	CreateArena(actor string, boardID uint64, topic string, date time.Time, group string, pupils int, leader string, noteTakers []string, minutes int) (board.Arena, error)
	ChangeArena(actor string, boardID, arenaID uint64, op board.ArenaOp) (board.Arena, error)
	SetRetention(actor string, boardID uint64, days int) error

	// Goals that steer (issue 9): close, reopen or adjust a goal with a
	// reason, the network's speerpunten (SpeerpuntUse counts the goals
	// under one, for the question before a delete) and the plan year's
	// BKA phase.
	ChangeGoal(actor string, boardID uint64, op board.GoalOp) (board.Goal, error)
	AddSpeerpunt(actor string, sp board.Speerpunt) (board.Speerpunt, error)
	SpeerpuntUse(id uint64) (goals, boards int, err error)
	DeleteSpeerpunt(actor string, id, seen uint64) error
	SetPhase(actor string, boardID uint64, year int, seen, to board.BKAPhase) (board.PlanYear, error)
	// The duos this person opens (partner or coordinator), also across
	// teams; store.View refuses every other duo.
	Duos() ([]board.Duo, error)
	Duo(id uint64) (board.Duo, error)
	WatchDuo(id uint64) (<-chan uint64, func())
	ChangeDuo(actor string, id uint64, op board.DuoOp) (board.Duo, error)
	CreateDuo(actor string, teamID uint64, name string, partners []board.Partner) (board.Duo, error)

	CreateDemo(actor string) (board.Info, error)
	// CreateDemoIn makes the demo in the user's language ("en" or Dutch).
	CreateDemoIn(lang, actor string) (board.Info, error)
	CreateTeam(actor, name string, members ...string) (board.Team, error)
	CreateBoard(actor string, teamID uint64, name string) (board.Info, error)
	AddMember(actor string, teamID uint64, name string) (board.Team, error)
}

// Presence tells who else is on a board and where they look. It is nil for
// the local terminal, where nobody else can be.
type Presence interface {
	// Move says this session now looks at area of board (0: no board).
	Move(boardID uint64, area board.Area)
	// Peers lists the others on the board this session is on.
	Peers() []Peer
	// Changed receives when presence on this session's board changed. It
	// is closed when the session ends.
	Changed() <-chan struct{}
}

// Peer is another person on the same board.
type Peer struct {
	Name string
	Area board.Area
}
