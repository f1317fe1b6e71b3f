package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// A retrospective's actions land on the board with origin "retro"; the next
// retrospective reviews them, and its decisions change the actions.
func TestRetroActionsAndReview(t *testing.T) {
	f := newFixture(t)
	r, err := f.s.CreateRetro("anna", f.board.ID, "Rekenen groep 5", "", nil, time.Time{}, time.Time{}, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Facilitator != "Anna" || r.Votes != board.DefaultVotes {
		t.Errorf("created: %+v", r)
	}
	change := func(actor string, op board.RetroOp) board.Retro {
		t.Helper()
		r, err := f.s.ChangeRetro(actor, f.board.ID, r.ID, op)
		if err != nil {
			t.Fatalf("%s %s: %v", actor, op.Kind, err)
		}
		return r
	}
	change("Anna", board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite})
	change("Bram", board.RetroOp{Kind: board.OpAddCard, Column: 1, Text: "Instructie te lang"})
	if _, err := f.s.ChangeRetro("Kees", f.board.ID, r.ID, board.RetroOp{Kind: board.OpAddCard, Text: "x"}); err == nil {
		t.Error("someone outside the team added a card")
	}
	if _, err := f.s.ChangeRetro("Bram", f.board.ID, r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseActions}); !errors.Is(err, board.ErrNotFacilitator) {
		t.Errorf("a participant moved the phase: %v", err)
	}
	change("Anna", board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseActions})
	a := &board.Action{What: "Instructie max 10 minuten", Who: "Bram", When: f.clk.Day(7)}
	got := change("Anna", board.RetroOp{Kind: board.OpMakeAction, Action: a})
	if len(got.Actions) != 1 {
		t.Fatalf("retro does not remember its action: %+v", got.Actions)
	}
	b := f.snap(t)
	made := b.Find(board.AreaAction, got.Actions[0]).(*board.Action)
	if made.Origin != board.OriginRetro || made.Who != "Bram" {
		t.Errorf("action on the board: %+v", made)
	}
	change("Anna", board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseClosed})

	// The next retrospective starts by reviewing that action.
	r2, err := f.s.CreateRetro("Chris", f.board.ID, "Rekenen, deel 2", board.FormatPlusDelta, nil, time.Time{}, time.Time{}, true, 5)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ChangeRetro("Chris", f.board.ID, r2.ID, board.RetroOp{Kind: board.OpReview, Action: made, Status: board.StatusDone}); err != nil {
		t.Fatal(err)
	}
	b = f.snap(t)
	if st := b.Find(board.AreaAction, made.ID).(*board.Action).Status; st != board.StatusDone {
		t.Errorf("reviewed action is %s, want done", st)
	}
	rr, _ := b.Retro(r2.ID)
	if rr.Review[made.ID] != board.StatusDone || rr.Votes != 5 || !rr.Named || rr.ColumnCount() != 2 {
		t.Errorf("second retro: %+v", rr)
	}
}

// A team's own columns are saved with the team for the next time.
func TestRetroOwnFormatSaved(t *testing.T) {
	f := newFixture(t)
	for range 2 {
		if _, err := f.s.CreateRetro("Anna", f.board.ID, "Eigen vorm", "", []string{"Tops", "Tips"}, time.Time{}, time.Time{}, false, 0); err != nil {
			t.Fatal(err)
		}
	}
	b := f.snap(t)
	if len(b.Team.Formats) != 1 || b.Team.Formats[0][1] != "Tips" {
		t.Errorf("saved formats: %v", b.Team.Formats)
	}
}
