package commands

import (
	"slices"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// View is what the commands need of the store. Over SSH it reaches only the
// member's own teams; on the command line, the whole file.
type View interface {
	// Teams are the teams this view reaches.
	Teams() ([]board.Team, error)
	// Boards are the boards of those teams.
	Boards() ([]board.Info, error)
	// Board is one board, only if it is one of Boards.
	Board(id uint64) (*board.Board, error)
	CreateInvite(by string, teamID uint64, ttl time.Duration) (code string, expires time.Time, err error)
	// Duos are the duos in reach (duo.go); CreateDuoInvite makes a code
	// into one of them.
	Duos() ([]board.Duo, error)
	CreateDuoInvite(by string, duoID uint64, partner string, ttl time.Duration) (code string, expires time.Time, err error)
}

// Whole is the view of the machine's owner: every team in the file.
func Whole(s *store.Store) View { return teamsView{s: s} }

// Teams is the view of a member: only teams (their ids), whatever is asked.
// An empty list reaches nothing.
func Teams(s *store.Store, teams []uint64) View {
	if teams == nil {
		teams = []uint64{}
	}
	return teamsView{s: s, only: teams}
}

// teamsView reaches every team when only is nil, else the teams in only.
type teamsView struct {
	s    *store.Store
	only []uint64
	// person reaches the duos of the member over SSH (Person); nil on the
	// command line and for Teams.
	person *store.View
}

func (v teamsView) reaches(team uint64) bool { return v.only == nil || slices.Contains(v.only, team) }

func (v teamsView) Teams() ([]board.Team, error) {
	all, err := v.s.Teams()
	return slices.DeleteFunc(all, func(t board.Team) bool { return !v.reaches(t.ID) }), err
}

func (v teamsView) Boards() ([]board.Info, error) {
	all, err := v.s.Boards(0)
	return slices.DeleteFunc(all, func(in board.Info) bool { return !v.reaches(in.TeamID) }), err
}

func (v teamsView) Board(id uint64) (*board.Board, error) {
	infos, err := v.Boards()
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(infos, func(in board.Info) bool { return in.ID == id }) {
		return nil, store.ErrNotFound
	}
	return v.s.Board(id)
}

func (v teamsView) CreateInvite(by string, teamID uint64, ttl time.Duration) (string, time.Time, error) {
	if !v.reaches(teamID) {
		return "", time.Time{}, store.ErrNotFound
	}
	return v.s.CreateInvite(by, teamID, ttl)
}
