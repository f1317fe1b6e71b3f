package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// retroAt creates a retrospective on f's board facilitated by Anna and moves
// it to phase p; it fails the test on error.
func (f *fixture) retroAt(t *testing.T, p board.Phase) board.Retro {
	t.Helper()
	r, err := f.s.CreateRetro("Anna", f.board.ID, "Rekenen", "", nil, time.Time{}, time.Time{}, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: p})
}

func (f *fixture) retroDo(t *testing.T, who string, id uint64, op board.RetroOp) board.Retro {
	t.Helper()
	return change(t, f, f.s.ChangeRetro, who, id, op)
}

// change applies op by who to record id of f's board with apply (a
// Store.Change… method) and fails the test on error.
func change[T, O any](t *testing.T, f *fixture, apply func(string, uint64, uint64, O) (T, error), who string, id uint64, op O) T {
	t.Helper()
	v, err := apply(who, f.board.ID, id, op)
	return done(t, fmt.Sprintf("%s %+v", who, op), v, err)
}

// Deleting the first card of a group (writing reopened after grouping and
// voting) keeps the group: the next card leads it, with the title and the
// votes, and every other card and vote stays visible.
func TestRetroDeleteGroupRootKeepsGroup(t *testing.T) {
	f := newFixture(t)
	r := f.retroAt(t, board.PhaseWrite)
	for _, who := range []string{"Anna", "Bram", "Chris"} {
		r = f.retroDo(t, who, r.ID, board.RetroOp{Kind: board.OpAddCard, Text: "kaart van " + who})
	}
	root, second, third := r.Cards[0].ID, r.Cards[1].ID, r.Cards[2].ID
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseGroup})
	f.retroDo(t, "Bram", r.ID, board.RetroOp{Kind: board.OpGroup, Card: second, Into: root, Text: "Rekenen"})
	f.retroDo(t, "Chris", r.ID, board.RetroOp{Kind: board.OpGroup, Card: third, Into: root})
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseVote})
	f.retroDo(t, "Bram", r.ID, board.RetroOp{Kind: board.OpVote, Card: third})
	f.retroDo(t, "Chris", r.ID, board.RetroOp{Kind: board.OpVote, Card: root})
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite})
	r = f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpDeleteCard, Card: root})

	roots := r.Roots()
	if len(roots) != 1 || roots[0].ID != second || roots[0].Title != "Rekenen" {
		t.Fatalf("roots after deleting the group's first card: %+v", roots)
	}
	if kids := r.Children(second); len(kids) != 1 || kids[0].ID != third {
		t.Errorf("children of the new first card: %+v", kids)
	}
	if n := r.VotesOf(second, ""); n != 2 {
		t.Errorf("votes on the group: %d, want 2 (Bram's and Chris's)", n)
	}
	if left := r.VotesLeft("Chris"); left != board.DefaultVotes-1 {
		t.Errorf("Chris has %d votes left, want %d", left, board.DefaultVotes-1)
	}

	// A card alone takes its votes with it: they return to the voter.
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseGroup})
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpUngroup, Card: third})
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseVote})
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpVote, Card: third})
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite})
	r = f.retroDo(t, "Chris", r.ID, board.RetroOp{Kind: board.OpDeleteCard, Card: third})
	if left := r.VotesLeft("Anna"); left != board.DefaultVotes {
		t.Errorf("Anna has %d votes left after her card went, want all %d back", left, board.DefaultVotes)
	}
}

// A card promoted twice — one after the other, or by two people at once —
// makes one action; the second promote names the existing one.
func TestRetroPromoteTwice(t *testing.T) {
	f := newFixture(t)
	r := f.retroAt(t, board.PhaseWrite)
	r = f.retroDo(t, "Bram", r.ID, board.RetroOp{Kind: board.OpAddCard, Text: "Instructie te lang"})
	r = f.retroDo(t, "Chris", r.ID, board.RetroOp{Kind: board.OpAddCard, Text: "Te veel uitleg"})
	card, other := r.Cards[0].ID, r.Cards[1].ID
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseGroup})
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpGroup, Card: other, Into: card})
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseActions})

	b := promotedOnce(t, f, func(i int, who string) error {
		a := f.action("Instructie max 10 minuten", who, 7)
		// Bram promotes from the group's second card: the same group.
		_, err := f.s.ChangeRetro(who, f.board.ID, r.ID, board.RetroOp{Kind: board.OpMakeAction, Card: []uint64{card, other}[i], Action: a})
		return err
	})
	var already *board.AlreadyActionError
	_, err := f.s.ChangeRetro("Chris", f.board.ID, r.ID, board.RetroOp{Kind: board.OpMakeAction, Card: card, Action: f.action("nog eens", "Chris", 7)})
	if !errors.As(err, &already) || already.ID != b.Actions[0].ID {
		t.Fatalf("promote after: %v", err)
	}
	// Once that action is deleted from the board, the card may become one
	// again.
	if err := f.s.Delete("Anna", f.board.ID, board.AreaAction, b.Actions[0].ID, b.Actions[0].Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ChangeRetro("Chris", f.board.ID, r.ID, board.RetroOp{Kind: board.OpMakeAction, Card: card, Action: f.action("nog eens", "Chris", 7)}); err != nil {
		t.Fatalf("promote after the action was deleted: %v", err)
	}
}

// atOnce runs do for every one of whos at the same time and returns their
// errors, in the order of whos.
func atOnce(whos []string, do func(i int, who string) error) []error {
	var wg sync.WaitGroup
	errs := make([]error, len(whos))
	for i, who := range whos {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = do(i, who)
		}()
	}
	wg.Wait()
	return errs
}

// promotedOnce runs promote for Anna (i 0) and Bram (i 1) at once, and
// fails unless that made one action and the other promote named it.
func promotedOnce(t *testing.T, f *fixture, promote func(i int, who string) error) *board.Board {
	t.Helper()
	errs := atOnce([]string{"Anna", "Bram"}, promote)
	b := f.snap(t)
	if len(b.Actions) != 1 {
		t.Fatalf("%d actions after two promotes at once, want 1", len(b.Actions))
	}
	var already *board.AlreadyActionError
	if !errors.As(errors.Join(errs...), &already) || already.ID != b.Actions[0].ID {
		t.Fatalf("second promote: %v, want already action %d", errs, b.Actions[0].ID)
	}
	return b
}

// An arena idea promoted twice makes one action.
func TestArenaPromoteTwice(t *testing.T) {
	f := newFixture(t)
	a := f.arena(t)
	a = f.arenaDo(t, "Anna", a.ID, board.ArenaOp{Kind: board.OpAddIdea, Text: "Kortere uitleg", Feasibility: 3, Impact: 2})
	idea := a.Ideas[0].ID
	b := promotedOnce(t, f, func(_ int, who string) error {
		_, err := f.s.ChangeArena(who, f.board.ID, a.ID, board.ArenaOp{Kind: board.OpPromote, ID: idea, Action: f.action("Uitleg max 10 min", who, 7)})
		return err
	})
	if got, _ := b.Arena(a.ID); got.Ideas[0].Action != b.Actions[0].ID {
		t.Errorf("idea points to %d, the action is %d", got.Ideas[0].Action, b.Actions[0].ID)
	}
}

func (f *fixture) arena(t *testing.T) board.Arena {
	t.Helper()
	a, err := f.s.CreateArena("Anna", f.board.ID, "Uitleg", f.clk.Day(0), "groep 7", 6, "Anna", []string{"Bram", "Chris"}, 0)
	return done(t, "CreateArena", a, err)
}

func (f *fixture) arenaDo(t *testing.T, who string, id uint64, op board.ArenaOp) board.Arena {
	t.Helper()
	return change(t, f, f.s.ChangeArena, who, id, op)
}

// Editing an idea saves its text and theme, not only its ratings; an edit
// of an idea someone changed since is refused with who did.
func TestArenaEditIdea(t *testing.T) {
	f := newFixture(t)
	a := f.arena(t)
	a = f.arenaDo(t, "Anna", a.ID, board.ArenaOp{Kind: board.OpAddTheme, Text: "Uitleg"})
	theme := a.Themes[0].ID
	a = f.arenaDo(t, "Anna", a.ID, board.ArenaOp{Kind: board.OpAddIdea, Text: "Kortere uitleg", Feasibility: 1, Impact: 1})
	idea := a.Ideas[0]
	a = f.arenaDo(t, "Bram", a.ID, board.ArenaOp{Kind: board.OpEditIdea, ID: idea.ID, Seen: idea.Version, Text: "Uitleg in twee delen", Theme: theme, Feasibility: 2, Impact: 3})
	got := a.Ideas[0]
	if got.Text != "Uitleg in twee delen" || got.Theme != theme || got.Feasibility != 2 || got.Impact != 3 {
		t.Fatalf("edited idea: %+v", got)
	}
	_, err := f.s.ChangeArena("Chris", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpEditIdea, ID: idea.ID, Seen: idea.Version, Text: "Iets anders", Feasibility: 1, Impact: 1})
	var c *board.ConflictError
	if !errors.As(err, &c) || c.By != "Bram" {
		t.Fatalf("stale idea edit: %v, want a conflict naming Bram", err)
	}
	if b := f.snap(t); func() string { x, _ := b.Arena(a.ID); return x.Ideas[0].Text }() != "Uitleg in twee delen" {
		t.Error("a stale edit overwrote the idea")
	}
}

// Two people editing the same (flagged) note: the one who saw an older
// version is refused with the other's name, never silently overwrites.
func TestArenaNoteEditRace(t *testing.T) {
	f := newFixture(t)
	a := f.arena(t)
	a = f.arenaDo(t, "Anna", a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest?"})
	a = f.arenaDo(t, "Bram", a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: "Kees zegt: uitleg is lang", Flagged: true, Suspect: []string{"Kees"}})
	note := a.Notes[0]
	errs := atOnce([]string{"Bram", "Chris"}, func(_ int, who string) error {
		_, err := f.s.ChangeArena(who, f.board.ID, a.ID, board.ArenaOp{Kind: board.OpEditNote, ID: note.ID, Seen: note.Version, Text: "een leerling zegt (" + who + ")"})
		return err
	})
	var c *board.ConflictError
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.As(err, &c):
			t.Fatalf("edit: %v", err)
		}
	}
	if ok != 1 || c == nil {
		t.Fatalf("two edits from the same version: %v, want one saved and one conflict", errs)
	}
	b := f.snap(t)
	got, _ := b.Arena(a.ID)
	if got.Notes[0].EditedBy != c.By || got.Notes[0].Version != note.Version+1 {
		t.Errorf("conflict names %q; the note was saved by %q at version %d", c.By, got.Notes[0].EditedBy, got.Notes[0].Version)
	}
}

// A note follows its question's id: a colleague moving or deleting
// questions meanwhile never puts it under another question.
func TestArenaNoteFollowsQuestionID(t *testing.T) {
	f := newFixture(t)
	a := f.arena(t)
	for _, q := range []string{"Wat helpt jou?", "Wat maakt het moeilijk?", "Wat zou je willen?"} {
		a = f.arenaDo(t, "Anna", a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: q})
	}
	q1, q2, q3 := a.Questions[0].ID, a.Questions[1].ID, a.Questions[2].ID
	// Bram's screen shows q2 second; Anna moves it up and deletes q3.
	f.arenaDo(t, "Anna", a.ID, board.ArenaOp{Kind: board.OpMoveQuestion, ID: q2, Delta: -1})
	f.arenaDo(t, "Anna", a.ID, board.ArenaOp{Kind: board.OpDeleteQuestion, ID: q3})
	a = f.arenaDo(t, "Bram", a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: q2, Text: "te veel tegelijk"})
	if n := a.NotesOf(q2); len(n) != 1 || len(a.NotesOf(q1)) != 0 {
		t.Fatalf("note under the wrong question: %+v", a.Notes)
	}
	if _, err := f.s.ChangeArena("Bram", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: q3, Text: "kwijt"}); err == nil {
		t.Fatal("a note on a deleted question was stored under another")
	}
}

// Two people group cards into the same group; the one who only moves a card
// keeps the other's new title, and a rename over an unseen rename is
// refused with who made it.
func TestRetroGroupTitleRace(t *testing.T) {
	f := newFixture(t)
	r := f.retroAt(t, board.PhaseWrite)
	for _, who := range []string{"Anna", "Bram", "Chris"} {
		r = f.retroDo(t, who, r.ID, board.RetroOp{Kind: board.OpAddCard, Text: "kaart van " + who})
	}
	root, second, third := r.Cards[0], r.Cards[1].ID, r.Cards[2].ID
	f.retroDo(t, "Anna", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseGroup})
	// Both saw the root at its first version.
	f.retroDo(t, "Bram", r.ID, board.RetroOp{Kind: board.OpGroup, Card: second, Into: root.ID, Text: "Rekenen", Seen: root.Version})
	r = f.retroDo(t, "Chris", r.ID, board.RetroOp{Kind: board.OpGroup, Card: third, Into: root.ID, Seen: root.Version})
	if got, _ := r.Card(root.ID); got.Title != "Rekenen" || len(r.Children(root.ID)) != 2 {
		t.Fatalf("after two people grouped: title %q, children %d", got.Title, len(r.Children(root.ID)))
	}
	// Chris's form still shows the title as it was (empty): sending it
	// back, or a title of his own, over Bram's unseen rename is refused.
	for _, title := range []string{"Taal", "x"} {
		_, err := f.s.ChangeRetro("Chris", f.board.ID, r.ID, board.RetroOp{Kind: board.OpGroup, Card: third, Into: root.ID, Text: title, Seen: root.Version})
		var c *board.ConflictError
		if !errors.As(err, &c) || c.By != "Bram" {
			t.Fatalf("rename to %q over an unseen rename: %v, want a conflict naming Bram", title, err)
		}
	}
	seen, _ := f.snap(t).Retro(r.ID)
	now, _ := seen.Card(root.ID)
	r = f.retroDo(t, "Chris", r.ID, board.RetroOp{Kind: board.OpGroup, Card: third, Into: root.ID, Text: "Taal", Seen: now.Version})
	if got, _ := r.Card(root.ID); got.Title != "Taal" {
		t.Errorf("rename with the seen version: %q", got.Title)
	}
}

// A facilitator who leaves the team does not leave the retrospective stuck:
// another member takes the role over; while they are in the team, nobody
// else can.
func TestRetroFacilitatorLeft(t *testing.T) {
	f := newFixture(t)
	r := f.retroAt(t, board.PhaseWrite)
	if _, err := f.s.ChangeRetro("Bram", f.board.ID, r.ID, board.RetroOp{Kind: board.OpTakeOver}); !errors.Is(err, board.ErrNotFacilitator) {
		t.Fatalf("take over from a facilitator still in the team: %v", err)
	}
	if _, err := f.s.RemoveMember("Chris", f.team.ID, "Anna"); err != nil {
		t.Fatal(err)
	}
	r = f.retroDo(t, "bram", r.ID, board.RetroOp{Kind: board.OpTakeOver})
	if r.Facilitator != "Bram" {
		t.Fatalf("facilitator after take over: %q", r.Facilitator)
	}
	f.retroDo(t, "Bram", r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseActions})
	if _, err := f.s.ChangeRetro("Chris", f.board.ID, r.ID, board.RetroOp{Kind: board.OpTakeOver}); !errors.Is(err, board.ErrNotFacilitator) {
		t.Fatalf("a second take over: %v", err)
	}
}

// A note whose note-taker left the team can be fixed or deleted by the
// others; while they are in the team, only they (or anyone, when flagged).
func TestArenaNoteOfLeaver(t *testing.T) {
	f := newFixture(t)
	a := f.arena(t)
	a = f.arenaDo(t, "Anna", a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou?"})
	a = f.arenaDo(t, "Bram", a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: "Kees vindt het te snel"})
	note := a.Notes[0].ID
	if _, err := f.s.ChangeArena("Chris", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpDeleteNote, ID: note}); !errors.Is(err, board.ErrNotYours) {
		t.Fatalf("delete of a colleague's note: %v", err)
	}
	if _, err := f.s.RemoveMember("Anna", f.team.ID, "Bram"); err != nil {
		t.Fatal(err)
	}
	a = f.arenaDo(t, "Chris", a.ID, board.ArenaOp{Kind: board.OpEditNote, ID: note, Text: "een leerling vindt het te snel"})
	if a.Notes[0].Text != "een leerling vindt het te snel" {
		t.Errorf("note after the fix: %q", a.Notes[0].Text)
	}
	f.arenaDo(t, "Chris", a.ID, board.ArenaOp{Kind: board.OpDeleteNote, ID: note})
}
