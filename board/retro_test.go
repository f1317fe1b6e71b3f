package board

import (
	"errors"
	"testing"
	"time"
)

func newTestRetro(t *testing.T) *Retro {
	t.Helper()
	now := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	r, err := NewRetro("Ondersteuning gedrag", "", nil, now.AddDate(0, 0, -28), now, "Fatima", now)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRetroNew(t *testing.T) {
	now := time.Now()
	if _, err := NewRetro("  ", "", nil, time.Time{}, time.Time{}, "Fatima", now); err == nil {
		t.Error("a retrospective without a topic")
	}
	if _, err := NewRetro("x", "nonsense", nil, time.Time{}, time.Time{}, "Fatima", now); err == nil {
		t.Error("an unknown format")
	}
	if _, err := NewRetro("x", "", nil, now, now.AddDate(0, 0, -1), "Fatima", now); err == nil {
		t.Error("a period that ends before it starts")
	}
	r, err := NewRetro("x", "", []string{" Tops ", "", "Tips\x1b[2J"}, time.Time{}, time.Time{}, "Fatima", now)
	if err != nil || r.ColumnCount() != 2 || r.Columns[1] != "Tips" {
		t.Errorf("own columns: %v %+v", err, r)
	}
	r = newTestRetro(t)
	if r.Format != FormatLeerKRACHT || r.ColumnCount() != 3 || r.Votes != DefaultVotes || r.Phase != PhaseReview {
		t.Errorf("defaults: %+v", r)
	}
}

func TestRetroHiddenCardsAndPhases(t *testing.T) {
	r := newTestRetro(t)
	now := r.Created
	if _, err := r.AddCard("Joost", 0, "vooraf geschreven", now); err != nil {
		t.Fatal("cards may be added before the meeting:", err)
	}
	if err := r.MovePhase("Joost", PhaseWrite, now); !errors.Is(err, ErrNotFacilitator) {
		t.Errorf("a participant moved the phase: %v", err)
	}
	must(t, r.MovePhase("fatima", PhaseWrite, now))
	a, _ := r.AddCard("Fatima", 1, "mijn kaart", now)
	if _, err := r.AddCard("Fatima", 3, "geen kolom", now); err == nil {
		t.Error("a card in a column that does not exist")
	}
	if r.CardsVisible(a, "Joost") || !r.CardsVisible(a, "fatima") {
		t.Error("during writing only the author sees a card")
	}
	if got := r.CountsByAuthor(); got["Joost"] != 1 || got["Fatima"] != 1 {
		t.Errorf("counts: %v", got)
	}
	if err := r.EditCard("Joost", a.ID, "overschreven"); !errors.Is(err, ErrNotYours) {
		t.Errorf("edited another's card: %v", err)
	}
	must(t, r.MovePhase("Fatima", PhaseReveal, now))
	if !r.CardsVisible(a, "Joost") {
		t.Error("after reveal everyone sees every card")
	}
	if r.AuthorVisible() {
		t.Error("authors shown before close")
	}
	if err := r.Vote("Joost", a.ID, 1); !errors.Is(err, ErrPhase) {
		t.Errorf("voted outside the vote phase: %v", err)
	}
}

func TestRetroVotingAndDiscussion(t *testing.T) {
	r := newTestRetro(t)
	now := r.Created
	must(t, r.MovePhase("Fatima", PhaseWrite, now))
	c1, _ := r.AddCard("Joost", 0, "een", now)
	c2, _ := r.AddCard("Sanne", 1, "twee", now)
	c3, _ := r.AddCard("Sanne", 1, "drie", now)
	c4, _ := r.AddCard("Joost", 1, "twee, anders gezegd", now)
	must(t, r.MovePhase("Fatima", PhaseGroup, now))
	must(t, r.Group(c4.ID, c2.ID, "Twee"))
	if kids := r.Children(c2.ID); len(kids) != 1 || kids[0].ID != c4.ID {
		t.Errorf("group: %+v", kids)
	}
	must(t, r.MovePhase("Fatima", PhaseVote, now))
	must(t, r.Vote("Joost", c3.ID, 1))
	must(t, r.Vote("Joost", c3.ID, 1)) // several votes on one card are fine
	must(t, r.Vote("Joost", c4.ID, 1)) // counts for its group
	if err := r.Vote("Joost", c1.ID, 1); !errors.Is(err, ErrNoVotesLeft) {
		t.Errorf("a fourth vote with a budget of three: %v", err)
	}
	if r.VotesOf(c2.ID, "") != 1 || r.VotesLeft("joost") != 0 {
		t.Errorf("votes: group %d, left %d", r.VotesOf(c2.ID, ""), r.VotesLeft("joost"))
	}
	must(t, r.Vote("Joost", c4.ID, -1))
	must(t, r.Vote("Sanne", c1.ID, 1))
	if r.VotesVisible() {
		t.Error("votes visible while voting")
	}
	must(t, r.MovePhase("Fatima", PhaseDiscuss, now))
	order := ids(r.Discussion())
	want := []uint64{c3.ID, c1.ID, c2.ID} // 2 votes, then 1, then 0; ties by id
	if !equalIDs(order, want) {
		t.Fatalf("discussion order %v, want %v", order, want)
	}
	// The order was fixed when discussion began: a late card goes last.
	must(t, r.MovePhase("Fatima", PhaseReveal, now))
	late, _ := r.AddCard("Joost", 2, "laat", now)
	must(t, r.MovePhase("Fatima", PhaseDiscuss, now))
	if got := ids(r.Discussion()); len(got) != 4 || got[3] != late.ID {
		t.Errorf("after a late card: %v", got)
	}
	must(t, r.MovePhase("Fatima", PhaseClosed, now))
	if r.Running() || r.AuthorVisible() {
		t.Error("closed anonymous retro still runs or shows authors")
	}
	r.Named = true
	if !r.AuthorVisible() {
		t.Error("a named retro shows authors after close")
	}
	if err := r.Apply("Fatima", RetroOp{Kind: OpAddCard, Text: "te laat"}, now); !errors.Is(err, ErrPhase) {
		t.Errorf("a closed retro took a card: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func ids(cs []Card) []uint64 {
	out := make([]uint64, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func equalIDs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
