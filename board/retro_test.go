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

// retroToGroup is a test retro at grouping with three cards: a by Joost
// and b by Sanne in the first column, c by Sanne in the second.
func retroToGroup(t *testing.T) (r *Retro, a, b, c Card) {
	t.Helper()
	r = newTestRetro(t)
	now := r.Created
	a, _ = r.AddCard("Joost", 0, "een", now)
	b, _ = r.AddCard("Sanne", 0, "twee", now)
	c, _ = r.AddCard("Sanne", 1, "drie", now)
	must(t, r.MovePhase("Fatima", PhaseGroup, now))
	return r, a, b, c
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
	must(t, r.MovePhase("Fatima", PhaseActions, now))
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

// Grouping a card under its own child, or within its own group, must not
// make a card its own parent: both cards would vanish from Roots.
func TestRetroGroupWithinOwnGroup(t *testing.T) {
	r, a, b, c := retroToGroup(t)
	must(t, r.Group(b.ID, a.ID, "Samen"))
	must(t, r.Group(a.ID, b.ID, "Nieuwe titel")) // a under its own child
	must(t, r.Group(b.ID, a.ID, ""))             // already there
	if got := ids(r.Roots()); !equalIDs(got, []uint64{a.ID, c.ID}) {
		t.Fatalf("roots %v, want [%d %d]", got, a.ID, c.ID)
	}
	if kids := r.Children(a.ID); len(kids) != 1 || kids[0].ID != b.ID {
		t.Errorf("children of %d: %+v", a.ID, kids)
	}
	if got, _ := r.Card(a.ID); got.Parent != 0 || got.Title != "Nieuwe titel" {
		t.Errorf("group card: %+v", got)
	}
	// Into a child of another group: the card joins that group's root.
	must(t, r.Group(c.ID, b.ID, ""))
	if got, _ := r.Card(c.ID); got.Parent != a.ID {
		t.Errorf("grouped under a child: parent %d, want %d", got.Parent, a.ID)
	}
}

// Back from voting to grouping: a voted card grouped under another takes
// its votes along to the group, so none is lost and budgets stay right.
func TestRetroGroupKeepsVotes(t *testing.T) {
	r, a, b, c := retroToGroup(t)
	now := r.Created
	must(t, r.Group(c.ID, b.ID, ""))
	must(t, r.MovePhase("Fatima", PhaseVote, now))
	must(t, r.Vote("Joost", b.ID, 1)) // on group b
	must(t, r.Vote("Joost", b.ID, 1))
	must(t, r.Vote("Sanne", a.ID, 1))
	must(t, r.MovePhase("Fatima", PhaseGroup, now))
	must(t, r.Group(b.ID, a.ID, "")) // group b (with c) under a
	if got := ids(r.Roots()); !equalIDs(got, []uint64{a.ID}) {
		t.Fatalf("roots %v", got)
	}
	if n := r.VotesOf(a.ID, ""); n != 3 {
		t.Errorf("votes on the group: %d, want 3", n)
	}
	if n := r.VotesOf(b.ID, ""); n != 0 {
		t.Errorf("votes left on a grouped card: %d", n)
	}
	must(t, r.MovePhase("Fatima", PhaseVote, now))
	if left := r.VotesLeft("Joost"); left != 1 {
		t.Errorf("Joost has %d votes left, want 1", left)
	}
	must(t, r.Vote("Joost", b.ID, -1)) // taking one back from the grouped card works
	if n := r.VotesOf(a.ID, "joost"); n != 1 {
		t.Errorf("Joost's votes on the group after taking one back: %d", n)
	}
}

// The phase rule: back any number, forward through every phase in between,
// closed only from actions; a quick press overtaken by a later one is a
// no-op, whatever the order they are saved in.
func TestRetroPhaseMoves(t *testing.T) {
	r := newTestRetro(t)
	now := r.Created
	must(t, r.MovePhase("Fatima", PhaseWrite, now))
	if err := r.MovePhase("Fatima", PhaseClosed, now); !errors.Is(err, ErrPhase) || !r.Running() {
		t.Fatalf("write → closed in one jump: %v, phase %s", err, r.Phase)
	}
	a, _ := r.AddCard("Joost", 0, "een", now)
	b, _ := r.AddCard("Sanne", 0, "twee", now)
	must(t, r.MovePhase("Fatima", PhaseVote, now))
	must(t, r.Vote("Joost", b.ID, 1))
	// vote → actions passes discuss: the order is fixed on the way.
	must(t, r.MovePhase("Fatima", PhaseActions, now))
	if !equalIDs(r.Order, []uint64{b.ID, a.ID}) {
		t.Errorf("order fixed on the way through discuss: %v", r.Order)
	}
	must(t, r.MovePhase("Fatima", PhaseReveal, now)) // back several: fine
	if r.Phase != PhaseReveal {
		t.Errorf("back to reveal: %s", r.Phase)
	}
	// Two quick ] from reveal, the second saved first.
	op := func(from, to Phase) RetroOp { return RetroOp{Kind: OpPhase, From: from, Phase: to} }
	must(t, r.Apply("Fatima", op(PhaseGroup, PhaseVote), now))
	must(t, r.Apply("Fatima", op(PhaseReveal, PhaseGroup), now))
	if r.Phase != PhaseVote {
		t.Errorf("after two quick ], saved out of order: %s, want vote", r.Phase)
	}
	// Two quick [ from vote, saved out of order.
	must(t, r.Apply("Fatima", op(PhaseGroup, PhaseReveal), now))
	must(t, r.Apply("Fatima", op(PhaseVote, PhaseGroup), now))
	if r.Phase != PhaseReveal {
		t.Errorf("after two quick [, saved out of order: %s, want reveal", r.Phase)
	}
	// ] on actions then ] again: the close is asked from actions.
	must(t, r.Apply("Fatima", op(PhaseActions, PhaseClosed), now))
	if r.Running() || r.Closed.IsZero() {
		t.Errorf("closing asked from actions: %s", r.Phase)
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

// Found by the model test: a group's first card deleted after discussion
// fixed the order, when its heir had a place of its own there, listed the
// heir twice.
func TestRetroDeleteRootAfterDiscussion(t *testing.T) {
	r := newTestRetro(t)
	now := r.Created
	a, _ := r.AddCard("Fatima", 0, "een", now)
	b, _ := r.AddCard("Fatima", 0, "twee", now)
	must(t, r.MovePhase("Fatima", PhaseDiscuss, now))
	must(t, r.MovePhase("Fatima", PhaseGroup, now))
	must(t, r.Group(b.ID, a.ID, "Samen"))
	must(t, r.MovePhase("Fatima", PhaseWrite, now))
	must(t, r.DeleteCard("Fatima", a.ID))
	if d := r.Discussion(); len(d) != 1 || d[0].ID != b.ID || d[0].Title != "Samen" {
		t.Errorf("discussion after deleting the first card: %+v", d)
	}
}
