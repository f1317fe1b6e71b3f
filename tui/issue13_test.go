package tui

import (
	tea "charm.land/bubbletea/v2"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// soloBoard is a store with one board whose team is only me.
func soloBoard(t *testing.T) *harness {
	t.Helper()
	s := openStore(t)
	team, err := s.CreateTeam(me, "Alleen", me)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateBoard(me, team.ID, "Eigen bord"); err != nil {
		t.Fatal(err)
	}
	h := start(t, s, Config{Lang: i18n.NL}, 120, 36)
	if h.m.screen != screenBoard {
		t.Fatalf("board did not open\n%s", h.plain())
	}
	return h
}

// TestEmptyChooserEnter: Enter (and space, and 1) on a chooser with
// nothing to choose closes it instead of panicking with index out of
// range (issue 13): the leader picker in a one-member team, the group
// picker when every other card is already in the group.
func TestEmptyChooserEnter(t *testing.T) {
	t.Parallel()
	t.Run("leader", func(t *testing.T) {
		h := soloBoard(t)
		h.press("S", "enter") // a bordsessie, led by me
		if h.board().Meeting() == nil {
			t.Fatalf("no session\n%s", h.plain())
		}
		for _, k := range []string{"enter", "space"} {
			h.press("L")
			if h.m.choose == nil || len(h.m.choose.options) != 0 {
				t.Fatalf("L: chooser %+v", h.m.choose)
			}
			h.press("1", "9") // numbers beyond the list do nothing
			h.press(k)
			if h.m.choose != nil {
				t.Errorf("%s on an empty chooser left it open", k)
			}
		}
	})
	t.Run("group", func(t *testing.T) {
		h := soloBoard(t)
		h.press("R", "n")
		h.typeText("Alles bij elkaar")
		h.press("enter", "enter", "enter", "enter", "enter", "enter")
		h.press("]", "a") // write a card
		h.typeText("de enige kaart")
		h.press("ctrl+s", "]", "]") // reveal, group
		if r := h.m.retro.retro(); r == nil || r.Phase != board.PhaseGroup {
			t.Fatalf("not in the group phase\n%s", h.plain())
		}
		h.press("g")
		if h.m.choose == nil || len(h.m.choose.options) != 0 {
			t.Fatalf("g: chooser %+v", h.m.choose)
		}
		h.press("enter")
		if h.m.choose != nil || h.m.form != nil {
			t.Error("enter on the empty group picker opened something")
		}
	})
}

// TestNoKeyPanics walks the demo board with long seeded runs of every key
// any screen binds (quit aside): into the retrospective and the arena,
// through forms and choosers. No key may panic.
func TestNoKeyPanics(t *testing.T) {
	t.Parallel()
	msg := i18n.For(i18n.NL)
	seen := map[string]bool{"ctrl+c": true}
	var keys []string
	for _, km := range []any{newBoardKeys(msg), newRetroKeys(msg), newArenaKeys(msg), newListKeys(msg, "esc"),
		newChooserKeys(msg), newFormKeys(msg), newWelcomeKeys(msg)} {
		for _, b := range bindings(km) {
			for _, k := range b.Keys() {
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	slices.Sort(keys)
	for seed := range uint64(6) {
		h, _ := demo(t, i18n.NL, 100, 30)
		rng := rand.New(rand.NewPCG(seed, 7))
		// Start each run somewhere else: the board, a retrospective, an arena.
		switch seed % 3 {
		case 1:
			toRetro(t, h)
		case 2:
			toArena(t, h)
		}
		for range 500 {
			h.press(keys[rng.IntN(len(keys))])
		}
		_ = h.plain()
	}
}

// TestTooSmallIgnoresKeys: below the size bord can draw, the screen says
// so and no key but quit changes anything (issue 13: at 20×5 "d" deleted
// an action the user could not see).
func TestTooSmallIgnoresKeys(t *testing.T) {
	t.Parallel()
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		h, _ := demo(t, lang, 100, 30)
		h.press("4")
		before := h.board().Version
		h.send(tea.WindowSizeMsg{Width: 20, Height: 5})
		want := map[i18n.Lang]string{i18n.NL: "Venster te klein", i18n.EN: "Window too small"}[lang]
		if !strings.Contains(strings.ReplaceAll(h.plain(), "\n", " "), want) {
			t.Errorf("%s at 20×5:\n%s", lang, h.plain())
		}
		h.press("d", "x", "space", "a", "enter", "u", "R", "?")
		h.send(tea.PasteMsg{Content: "geplakt"})
		h.click(2, 2)
		if h.board().Version != before || h.m.form != nil || h.m.choose != nil || h.m.showHelp || h.m.screen != screenBoard {
			t.Fatalf("%s: keys changed the hidden board (version %d → %d, form %v, screen %d)", lang, before, h.board().Version, h.m.form != nil, h.m.screen)
		}
		h.press("q")
		if !h.quit {
			t.Errorf("%s: q did not quit at 20×5", lang)
		}
	}
}

// TestRetroAskedBelongsToOneRetro: the phase the facilitator last asked
// for belongs to one retrospective. Before, after a quick ] q ↑ ⏎ the next
// ] on another retrospective jumped from where the first was asked to go,
// up to "afgesloten". And closing asks first, so no burst closes one.
func TestRetroAskedBelongsToOneRetro(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 140, 40)
	toRetro(t, h)
	first := h.m.retro.rs.id
	h.press("esc", "esc")
	toRetro(t, h) // a second one, newest first in the list
	second := h.m.retro.rs.id
	// A burst whose snapshot has not come in: the screen still waits for
	// the phase it asked for on the second retrospective.
	h.m.retro.rs.asked, h.m.retro.rs.busy = slices.Index(board.Phases, board.PhaseActions), true
	h.press("q", "down", "enter") // open the first
	if h.m.retro.rs.id != first {
		t.Fatalf("opened %d, want %d", h.m.retro.rs.id, first)
	}
	h.press("]")
	b, _ := h.s.Board(info.ID)
	r, _ := b.Retro(first)
	if r.Phase != board.PhaseWrite {
		t.Errorf("] on a retrospective in review moved it to %s, want write", r.Phase)
	}
	if r2, _ := b.Retro(second); r2.Phase != board.PhaseReview {
		t.Errorf("the other retrospective moved to %s", r2.Phase)
	}

	// From actions, ] asks before it closes; no keeps it open.
	for range 5 {
		h.press("]")
	}
	h.press("]")
	if r, _ = h.board().Retro(first); r.Phase != board.PhaseActions || h.m.choose == nil {
		t.Fatalf("phase %s, chooser %v: ] from actions must ask first", r.Phase, h.m.choose != nil)
	}
	h.press("2") // Nee
	if r, _ = h.board().Retro(first); r.Phase != board.PhaseActions {
		t.Fatalf("no closed it: %s", r.Phase)
	}
	h.press("]", "enter") // Ja
	if r, _ = h.board().Retro(first); r.Phase != board.PhaseClosed {
		t.Fatalf("yes did not close it: %s", r.Phase)
	}
}

// TestLongTextIsNeverCut: text over a field's limit is kept whole, counted
// near the limit and refused with a message; before, the input stopped at
// the limit and a paste was cut to it without a word.
func TestLongTextIsNeverCut(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 140, 40)
	before := h.board().Version
	h.press("4", "a")
	h.typeText(strings.Repeat("x", board.MaxLine-10))
	mustContain(t, h.plain(), fmt.Sprintf("%d/%d tekens", board.MaxLine-10, board.MaxLine))
	h.send(tea.PasteMsg{Content: strings.Repeat("y", 300)})
	if n := len(h.m.form.value("what")); n != board.MaxLine-10+300 {
		t.Fatalf("the paste was cut: %d characters", n)
	}
	h.press("ctrl+s")
	if h.m.form == nil || h.board().Version != before {
		t.Fatal("a text over the limit was saved")
	}
	mustContain(t, h.plain(), fmt.Sprintf("Te lang: %d van de %d tekens", board.MaxLine+290, board.MaxLine))
	h.fill("what", strings.Repeat("z", board.MaxLine))
	h.fill("when", "morgen")
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("text at the limit not saved: %q", h.m.form.err)
	}
	if _, ok := h.actionByWhat(strings.Repeat("z", board.MaxLine)); !ok {
		t.Error("the text at the limit was not stored whole")
	}

	// The arena's note line: the same.
	toArena(t, h)
	h.press("a")
	h.typeText("Wat helpt jou?")
	h.press("enter", "2")
	long := strings.Repeat("n", board.MaxText+5)
	h.send(tea.PasteMsg{Content: long})
	h.press("enter")
	if h.m.arena.as.input.Value() != long || !h.m.statusErr {
		t.Fatalf("a long note: line %d characters, error %v", len(h.m.arena.as.input.Value()), h.m.statusErr)
	}
	if b, _ := h.s.Board(info.ID); len(b.Arenas[0].Notes) != 0 {
		t.Error("a note over the limit was stored")
	}
}

// TestArenaCaptureFollowsQuestion: notes land under the question on
// screen when a colleague reorders or deletes questions meanwhile; the
// capture follows the question's id, not its place (issue 13).
func TestArenaCaptureFollowsQuestion(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 120, 36)
	a := openCapture(t, h, info.ID)
	a = h.arenaOp(me, info.ID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wanneer leer je het meest?"})
	h.awaitChange()
	second := a.Questions[1].ID
	h.press("pgdown") // capturing the second question
	mustContain(t, h.plain(), "WANNEER LEER JE HET MEEST?")
	// A colleague moves it to the top.
	h.arenaOp("Fatima", info.ID, a.ID, board.ArenaOp{Kind: board.OpMoveQuestion, ID: second, Delta: -1})
	h.awaitChange()
	h.typeText("in kleine groepjes")
	h.press("enter")
	got := arenaNow(t, h, info.ID, a.ID)
	if len(got.Notes) != 1 || got.Notes[0].Question != second {
		t.Fatalf("the note went to question %d, want %d", got.Notes[0].Question, second)
	}
	// A colleague deletes it: the next note is not saved under another
	// question; the text stays and the screen says why.
	h.arenaOp("Fatima", info.ID, a.ID, board.ArenaOp{Kind: board.OpDeleteQuestion, ID: second})
	h.awaitChange()
	h.typeText("nog een")
	h.press("enter")
	if n := len(arenaNow(t, h, info.ID, a.ID).Notes); n != 0 || h.m.arena.as.input.Value() != "nog een" || !h.m.statusErr {
		t.Fatalf("after the question was deleted: %d notes, line %q", n, h.m.arena.as.input.Value())
	}
}

// TestArenaFastNotesDoNotMerge: what is typed while a note is being saved
// is the next note, never glued to the one before (issue 13: "…-2…-3").
func TestArenaFastNotesDoNotMerge(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 120, 36)
	a := openCapture(t, h, info.ID)
	h.typeText("een")
	var save tea.Cmd
	h.guard.inside(func() { _, save = h.m.Update(keyMsg("enter")) })
	h.typeText("twee") // typed before the first save came back
	h.run(save, false)
	h.press("enter")
	var texts []string
	for _, n := range arenaNow(t, h, info.ID, a.ID).Notes {
		texts = append(texts, n.Text)
	}
	if !slices.Equal(texts, []string{"een", "twee"}) {
		t.Fatalf("notes %q, want [een twee]", texts)
	}
	if v := h.m.arena.as.input.Value(); v != "" {
		t.Errorf("line %q after both were saved", v)
	}
}

// TestFailedUndoStaysOnTheStack: an undo that fails is not used up; the
// next u tries it again rather than undoing something older (issue 13).
func TestFailedUndoStaysOnTheStack(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 140, 40)
	add := func(text string) {
		t.Helper()
		h.press("6", "a")
		h.typeText(text)
		h.press("ctrl+s")
	}
	add("Eerste punt")
	add("Tweede punt")
	var second board.Parking
	for _, p := range h.board().Parking {
		if p.Text == "Tweede punt" {
			second = p
		}
	}
	// A colleague edits the second: undoing its add now fails.
	second.Text = "Tweede punt, aangevuld"
	if _, err := h.s.Update("Fatima", info.ID, &second); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	for range 2 {
		h.press("u")
		if !h.m.statusErr {
			t.Fatalf("the undo did not fail:\n%s", h.plain())
		}
	}
	texts := map[string]bool{}
	for _, p := range h.board().Parking {
		texts[p.Text] = true
	}
	if !texts["Eerste punt"] || !texts["Tweede punt, aangevuld"] {
		t.Errorf("a second u undid an older change: %v", texts)
	}
	if n := len(h.m.board.undo); n != 2 {
		t.Errorf("undo stack %d, want 2", n)
	}
}

// TestSaveAfterRestoreMakesNoCopy: Anna deletes an action Bert is editing,
// Bert's save says it is gone, Anna undoes the delete, Bert saves again:
// one action, with Bert's text (issue 13: there were two).
func TestSaveAfterRestoreMakesNoCopy(t *testing.T) {
	t.Parallel()
	bert, a, info := editing(t, i18n.NL, "Checklist")
	anna := start(t, bert.s, Config{Lang: i18n.NL, User: "Fatima"}, 140, 40)
	bert.fill("what", "Checklist aanvraag, met IB'ers")
	anna.selectAction("Checklist")
	anna.press("d")
	bert.awaitChange()
	bert.press("ctrl+s")
	if bert.m.form == nil || bert.m.form.err == "" {
		t.Fatalf("saving a deleted action: form %v", bert.m.form != nil)
	}
	anna.press("u") // Anna undoes her delete
	bert.awaitChange()
	bert.press("ctrl+s")
	if bert.m.form != nil {
		t.Fatalf("second save: %q", bert.m.form.err)
	}
	var same []board.Action
	for _, x := range bert.board().Actions {
		if strings.HasPrefix(x.What, "Checklist aanvraag") {
			same = append(same, x)
		}
	}
	if len(same) != 1 || same[0].ID != a.ID || same[0].What != "Checklist aanvraag, met IB'ers" {
		t.Fatalf("after restore and save: %+v", same)
	}
	_ = info
}

// TestPromoteTwiceOffersTheAction: an idea that is an action already is
// not promoted again (that made a second action and orphaned the first);
// the screen offers to go to the action instead (issue 13).
func TestPromoteTwiceOffersTheAction(t *testing.T) {
	t.Parallel()
	h, info := arenaWithIdea(t, "3")
	h.press("p")
	h.fill("when", "morgen")
	h.press("ctrl+s")
	b, _ := h.s.Board(info.ID)
	idea := b.Arenas[0].Ideas[0]
	if idea.Action == 0 {
		t.Fatalf("not promoted:\n%s", h.plain())
	}
	offersTheAction(t, h, "p", "Dit idee is al een actie op het bord", idea.Action, len(b.Actions))
}

// offersTheAction presses key on something that is already an action: it
// must ask (not open a form), and yes goes to that action on the board,
// with no action added.
func offersTheAction(t *testing.T, h *harness, key, ask string, action uint64, actions int) {
	t.Helper()
	h.press(key)
	if h.m.form != nil || h.m.choose == nil {
		t.Fatalf("second %s: form %v, question %v", key, h.m.form != nil, h.m.choose != nil)
	}
	mustContain(t, h.plain(), ask)
	h.press("enter") // yes: to the action
	if h.m.screen != screenBoard || h.focused() != board.AreaAction || h.selectedAction().ID != action {
		t.Fatalf("not on the action: screen %d, area %s", h.m.screen, h.focused())
	}
	if n := len(h.board().Actions); n != actions {
		t.Errorf("%d actions, want %d", n, actions)
	}
}

// TestArenaNoteEditCarriesVersion: editing a note that a colleague changed
// since it was put on the line is refused, with the text kept;
// Enter again saves over it (issue 8: the edit had no version check).
func TestArenaNoteEditCarriesVersion(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 120, 36)
	a := openCapture(t, h, info.ID)
	h.typeText("de uitleg gaat snel")
	h.press("enter", "esc", "e") // the newest note back on the line
	note := arenaNow(t, h, info.ID, a.ID).Notes[0]
	// The same note edited from another terminal (only its note-taker may).
	h.arenaOp(me, info.ID, a.ID, board.ArenaOp{Kind: board.OpEditNote, ID: note.ID, Text: "de uitleg gaat te snel", Seen: note.Version})
	h.awaitChange()
	h.typeText(" voor mij")
	h.press("enter")
	if got := arenaNow(t, h, info.ID, a.ID).Notes[0]; got.Text != "de uitleg gaat te snel" {
		t.Fatalf("the colleague's edit was overwritten: %q", got.Text)
	}
	if !h.m.statusErr || h.m.arena.as.input.Value() != "de uitleg gaat snel voor mij" {
		t.Fatalf("after the conflict: error %v, line %q", h.m.statusErr, h.m.arena.as.input.Value())
	}
	h.press("enter") // seen the message: save over it
	if got := arenaNow(t, h, info.ID, a.ID).Notes; len(got) != 1 || got[0].Text != "de uitleg gaat snel voor mij" {
		t.Fatalf("the second enter: %+v", got)
	}
}

// TestArenaIdeaEditSavesText: e on an idea saves its text, not only the
// ratings (issue 13: the text was thrown away with "Opgeslagen").
func TestArenaIdeaEditSavesText(t *testing.T) {
	t.Parallel()
	h, info := arenaWithIdea(t, "2")
	h.press("e")
	h.fill("text", "Vaker samenwerken in tweetallen")
	h.fill("impact", "3")
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("not saved: %q", h.m.form.err)
	}
	b, _ := h.s.Board(info.ID)
	if i := b.Arenas[0].Ideas[0]; i.Text != "Vaker samenwerken in tweetallen" || i.Impact != 3 {
		t.Fatalf("idea after edit: %+v", i)
	}
}

// TestDeleteGoalAsksFirst: deleting a goal with open actions says what
// happens to them and asks first (issue 13).
func TestDeleteGoalAsksFirst(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	h.press("3", "home")
	goals := len(h.board().Goals)
	h.press("d")
	if h.m.choose == nil || len(h.board().Goals) != goals {
		t.Fatalf("d on a goal with open actions: asked %v, goals %d → %d", h.m.choose != nil, goals, len(h.board().Goals))
	}
	mustContain(t, h.plain(), "Dit doel heeft 1 open actie. Verwijder je het doel")
	h.press("2") // no
	if len(h.board().Goals) != goals {
		t.Fatal("no deleted the goal")
	}
	h.press("d", "1") // yes
	if len(h.board().Goals) != goals-1 {
		t.Fatal("yes did not delete the goal")
	}
}

// TestForcedSaveKeepsTheirField: Bert edits an action, Anna marks it done,
// Bert saves twice: his text, her status (issue 13: back to "te doen").
func TestForcedSaveKeepsTheirField(t *testing.T) {
	t.Parallel()
	bert, a, info := editing(t, i18n.NL, "Checklist")
	bert.fill("what", "Checklist aanvraag, korter")
	done := a
	done.Status = board.StatusDone
	if _, err := bert.s.Update("Fatima", info.ID, &done); err != nil {
		t.Fatal(err)
	}
	bert.awaitChange()
	bert.press("ctrl+s")
	if bert.m.form == nil || bert.m.form.err == "" {
		t.Fatal("no conflict shown")
	}
	bert.press("ctrl+s") // save over it
	if bert.m.form != nil {
		t.Fatalf("forced save: %q", bert.m.form.err)
	}
	got, _ := bert.action(a.ID)
	if got.What != "Checklist aanvraag, korter" || got.Status != board.StatusDone {
		t.Fatalf("after the forced save: %q %s, want Bert's text and Anna's done", got.What, got.Status)
	}
}

// TestTwoMeasurementsBothLand: two people add a measurement to the same
// goal from forms opened at the same version; both are kept (issue 13:
// one was lost).
func TestTwoMeasurementsBothLand(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 140, 40)
	other := start(t, h.s, Config{Lang: i18n.NL, User: "Fatima"}, 140, 40)
	var goal board.Goal
	for _, g := range h.board().Goals {
		if g.Indicator != nil {
			goal = g
			break
		}
	}
	before := len(goal.Indicator.Measurements)
	for _, s := range []*harness{h, other} {
		s.press("3", "home")
		for s.m.board.selected().Base().ID != goal.ID {
			s.press("down")
		}
		s.press("m")
	}
	h.fill("value", "41")
	other.fill("value", "42")
	h.press("ctrl+s")
	other.press("ctrl+s")
	if h.m.form != nil || other.m.form != nil {
		t.Fatal("a measurement was not saved")
	}
	b, _ := h.s.Board(info.ID)
	g, _ := b.Goal(goal.ID)
	if n := len(g.Indicator.Measurements); n != before+2 {
		t.Fatalf("%d measurements, want %d", n, before+2)
	}
}

// TestPromoteCardTwiceOffersTheAction: a retrospective card that is already
// an action offers that action instead of a second one, and a promote that
// loses to a colleague's says so in words (issue 13).
func TestPromoteCardTwiceOffersTheAction(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 140, 40)
	h.press("R", "n")
	h.typeText("Gedrag")
	h.press("enter", "enter", "enter", "enter", "enter", "enter")
	h.press("]", "a") // write a card
	h.typeText("Vaker pauzes")
	h.press("enter")
	h.press("]", "]", "]", "]", "]") // reveal, group, vote, discuss, actions
	h.press("a", "enter")
	h.typeText("morgen")
	h.press("enter", "enter")
	b, _ := h.s.Board(info.ID)
	card := b.Retros[0].Cards[0]
	if card.Action == 0 {
		t.Fatalf("the card did not become an action:\n%s", h.plain())
	}
	offersTheAction(t, h, "a", "Deze kaart is al een actie op het bord", card.Action, len(b.Actions))
	if got := i18n.For(i18n.EN).Err(&board.AlreadyActionError{ID: card.Action}); !strings.Contains(got, "already an action") {
		t.Errorf("a lost race is worded %q", got)
	}
}
