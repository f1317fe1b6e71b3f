package store_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// A retrospective and an arena handed over keep who led them, through a
// restart; a hand-over by someone who does not lead changes nothing.
func TestHandOverKeepsWhoLed(t *testing.T) {
	var f = newFixture(t)
	r, err := f.s.CreateRetro("Anna", f.board.ID, "Gedrag", "", nil, time.Time{}, time.Time{}, false, 0)
	r = done(t, "create retro", r, err)
	a, err := f.s.CreateArena("Anna", f.board.ID, "Uitleg", f.clk.Day(7), "groep 7", 6, "Anna", nil, 0)
	a = done(t, "create arena", a, err)
	if _, err := f.s.ChangeRetro("Bram", f.board.ID, r.ID, board.RetroOp{Kind: board.OpHandRetro, Text: "Bram"}); !errors.Is(err, board.ErrNotLeader) {
		t.Fatalf("Bram took the retrospective: %v", err)
	}
	if _, err := f.s.ChangeRetro("Anna", f.board.ID, r.ID, board.RetroOp{Kind: board.OpHandRetro, Text: "Bram"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ChangeArena("Anna", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpHandLead, Text: "Chris"}); err != nil {
		t.Fatal(err)
	}
	f.reopen(t)
	b, err := f.s.Board(f.board.ID)
	b = done(t, "board", b, err)
	gr, _ := b.Retro(r.ID)
	ga, _ := b.Arena(a.ID)
	if gr.Facilitator != "Bram" || !slices.Equal(gr.Led(), []string{"Anna", "Bram"}) {
		t.Errorf("retro after restart: facilitator %q, led %v", gr.Facilitator, gr.Led())
	}
	if ga.Leader != "Chris" || !slices.Equal(ga.Led(), []string{"Anna", "Chris"}) {
		t.Errorf("arena after restart: leader %q, led %v", ga.Leader, ga.Led())
	}
	// The new facilitator moves the phases now.
	if _, err := f.s.ChangeRetro("Bram", f.board.ID, r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite}); err != nil {
		t.Fatal(err)
	}
}
