package store_test

import (
	"testing"

	"github.com/verbeterbord/bord/board"
)

// A view counts the goals under a speerpunt on its own boards only: the
// other team's goals under the same speerpunt are not told, and a view of
// no team cannot add or delete a speerpunt.
func TestViewSpeerpuntUse(t *testing.T) {
	f := newFixture(t)
	sp, err := f.s.AddSpeerpunt("Anna", board.Speerpunt{Title: "Thuiszitters", FromYear: 2026, ToYear: 2030})
	if err != nil {
		t.Fatal(err)
	}
	other, err := f.s.CreateTeam("Eva", "Andere school", "Eva")
	if err != nil {
		t.Fatal(err)
	}
	ob, err := f.s.CreateBoard("Eva", other.ID, "Hun bord")
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []struct {
		who   string
		board uint64
	}{{"Anna", f.board.ID}, {"Eva", ob.ID}, {"Eva", ob.ID}} {
		if _, err := f.s.Add(at.who, at.board, &board.Goal{Title: "minder thuiszitters", ByWhen: f.clk.Day(30), SpeerpuntID: sp.ID}); err != nil {
			t.Fatal(err)
		}
	}
	if goals, boards, err := f.s.SpeerpuntUse(sp.ID); err != nil || goals != 3 || boards != 2 {
		t.Fatalf("store: %d goals on %d boards, %v", goals, boards, err)
	}
	v := f.s.For([]uint64{f.team.ID})
	if goals, boards, err := v.SpeerpuntUse(sp.ID); err != nil || goals != 1 || boards != 1 {
		t.Errorf("view: %d goals on %d boards, %v; want only its own 1 on 1", goals, boards, err)
	}
	none := f.s.For(nil)
	if _, err := none.AddSpeerpunt("Anna", board.Speerpunt{Title: "x", FromYear: 2026, ToYear: 2026}); err == nil {
		t.Error("a view of no team added a speerpunt")
	}
	if err := none.DeleteSpeerpunt("Anna", sp.ID, sp.Version); err == nil {
		t.Error("a view of no team deleted a speerpunt")
	}
}
