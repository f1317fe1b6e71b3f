package tui

import (
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// reportedArena is the demo board with an arena whose two notes were
// written without the guard's say ("Kiki" the guard sees now;
// "Wolk" only as the name of a team member who neither led nor took
// notes), reported back. The screen is on the arena list.
func reportedArena(t *testing.T, lang i18n.Lang) (*harness, board.Info, board.Arena) {
	t.Helper()
	h, info := demo(t, lang, 120, 36)
	if _, err := h.s.AddMember(me, h.board().TeamID, "Wolk"); err != nil {
		t.Fatal(err)
	}
	a := openCapture(t, h, info.ID)
	for _, text := range []string{"Kiki vindt de uitleg te snel", "de uitleg van Wolk was fijn"} {
		a = h.arenaOp(me, info.ID, a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: text})
	}
	h.arenaOp(me, info.ID, a.ID, board.ArenaOp{Kind: board.OpReportBack, Text: "verteld in de klas", Date: fixedNow()})
	h.awaitChange()
	return h, info, a
}

// The report-back screen is shown to others: every note on it is masked
// by the guard as it is now, with the team's names, as in the report.
func TestArenaReportBackMasksNotes(t *testing.T) {
	h, _, _ := reportedArena(t, i18n.NL)
	h.press("esc", "5")
	screen := h.plain()
	mustContain(t, screen, "Notities (namen gemaskeerd)", "[naam] vindt de uitleg te snel", "de uitleg van [naam] was fijn")
	mustNotContain(t, screen, "Kiki", "Wolk")
}

// The markdown report masks the team's names too, also a member who was
// neither the leader, a note-taker nor the note's writer.
func TestArenaReportMasksMembers(t *testing.T) {
	h, info, _ := reportedArena(t, i18n.EN)
	b, err := h.s.Board(info.ID)
	if err != nil {
		t.Fatal(err)
	}
	md, err := i18n.For(i18n.EN).Report(b, "arena", "", fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md, "Wolk") || strings.Contains(md, "Kiki") || !strings.Contains(md, `de uitleg van \[name\] was fijn`) {
		t.Errorf("report holds a name:\n%s", md)
	}
}

// The report back closes the outcome, not the raw notes: from the
// report-back screen a note can still be rephrased and deleted, and the
// capture tab takes no new note but says what can be done.
func TestArenaNotesAfterReportBack(t *testing.T) {
	h, info, a := reportedArena(t, i18n.NL)
	h.press("esc", "2")
	if h.m.arena.as.typing {
		t.Fatal("the capture line of a reported-back arena took the keyboard")
	}
	h.press("a")
	mustContain(t, h.plain(), "er kunnen geen notities meer bij")

	h.press("5", "down", "e")
	if v := h.m.arena.as.input.Value(); v != "Kiki vindt de uitleg te snel" {
		t.Fatalf("edit line %q\n%s", v, h.plain())
	}
	h.press("ctrl+u")
	h.typeText("L1: zij vindt de uitleg te snel")
	h.press("enter")
	got := arenaNow(t, h, info.ID, a.ID)
	if len(got.Notes) != 2 || got.Notes[0].Text != "zij vindt de uitleg te snel" || got.Notes[0].Speaker != "L1" {
		t.Fatalf("after the edit: %+v\n%s", got.Notes, h.plain())
	}

	h.press("esc", "5", "down", "down", "d")
	screen := h.plain()
	mustContain(t, screen, "Notitie verwijderen: de uitleg van [naam] was fijn?")
	mustNotContain(t, screen, "Wolk")
	h.press("1")
	got = arenaNow(t, h, info.ID, a.ID)
	if len(got.Notes) != 1 || got.Notes[0].Text != "zij vindt de uitleg te snel" {
		t.Fatalf("after the delete: %+v", got.Notes)
	}
}
