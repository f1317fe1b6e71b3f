package commands_test

import (
	"errors"
	"testing"
	"time"

	"github.com/verbeterbord/bord/cmd/commands"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest/storefix"
)

// A member's view reaches only their teams: no call on it returns another
// team, its boards, or a code for it, whatever id is asked for; the
// owner's view reaches all.
func TestTeamsViewReachesOnlyItsTeams(t *testing.T) {
	s := storefix.Open(t, store.Options{})
	myBoard := storefix.TeamBoard(t, s, "Marieke", "Eigen team", "Eigen bord")
	theirs := storefix.TeamBoard(t, s, "Marieke", "Ander team", "Ander bord")
	mine, other := myBoard.TeamID, theirs.TeamID

	v := commands.Teams(s, []uint64{mine})
	teams, err := v.Teams()
	if err != nil || len(teams) != 1 || teams[0].ID != mine {
		t.Errorf("Teams: %v %v, want only team %d", teams, err, mine)
	}
	boards, err := v.Boards()
	if err != nil || len(boards) != 1 || boards[0].ID != myBoard.ID {
		t.Errorf("Boards: %v %v, want only %q", boards, err, myBoard.Name)
	}
	if _, err := v.Board(myBoard.ID); err != nil {
		t.Errorf("own board: %v", err)
	}
	if b, err := v.Board(theirs.ID); !errors.Is(err, store.ErrNotFound) || b != nil {
		t.Errorf("another team's board: %v, %v; want not found", b, err)
	}
	if _, _, err := v.CreateInvite("Marieke", other, time.Hour); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an invite for another team: %v; want not found", err)
	}
	if none, _ := commands.Teams(s, nil).Boards(); len(none) != 0 {
		t.Errorf("a view of no teams reaches %v", none)
	}
	if all, _ := commands.Whole(s).Boards(); len(all) != 2 {
		t.Errorf("the owner's view: %d boards, want 2", len(all))
	}
}
