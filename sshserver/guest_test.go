package sshserver_test

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	gossh "golang.org/x/crypto/ssh"
)

// guestSecrets are texts of the demo board and of a second retrospective
// that a guest of one retrospective must never receive.
var guestSecrets = []string{demoAction, "Koffie-afspraak", "Overzicht wachttijden", "ANDERE-RETRO-GEHEIM", "Fatima", "Joost"}

// A guest, let in with a code a member made over SSH (invite --retro),
// lands in that one retrospective, writes a card there, and receives
// nothing else of the board whatever keys they press; when the
// retrospective closes, the session ends, and the key is a stranger again.
func TestGuestSeesOnlyTheirRetro(t *testing.T) {
	e := startServer(t, nil)
	r, err := e.st.CreateRetro("Marieke", e.boardID, "Gedrag in de klas", "", nil, time.Time{}, time.Time{}, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.CreateRetro("Marieke", e.boardID, "ANDERE-RETRO-GEHEIM", "", nil, time.Time{}, time.Time{}, false, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.ChangeRetro("Marieke", e.boardID, r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite}); err != nil {
		t.Fatal(err)
	}
	marieke := e.member("Marieke")
	out, errOut, status := e.run(t, marieke, "invite --retro gedrag")
	if status != 0 {
		t.Fatalf("invite --retro: %d %s", status, errOut)
	}
	code := strings.Fields(out)[0]

	key, tm := e.guestTerm(t, code)
	tm.waitFor("Gedrag in de klas")
	tm.waitFor("2/8")
	tm.send("a", "KAARTJE-VAN-GINA", "\r")
	if !eventually(func() bool {
		b, _ := e.st.Board(e.boardID)
		rr, _ := b.Retro(r.ID)
		return len(rr.Cards) == 1 && rr.Cards[0].Author == "Gina"
	}) {
		t.Fatalf("the guest's card was not stored as Gina's:\n%s", tail(tm.text()))
	}
	// The way out of the retrospective (esc) leads nowhere for a guest:
	// it says so and the retrospective stays.
	// One key at a time, each once the screen before it is drawn: an esc
	// right before another key reads as alt+key.
	for _, step := range [][2]string{{"\x1b", "Als gast blijf je"}} {
		from := len(tm.raw())
		tm.send(step[0])
		if !eventually(func() bool { return strings.Contains(tm.textSince(from), step[1]) }) {
			t.Fatalf("after %q no %q:\n%s", step[0], step[1], tail(tm.text()))
		}
	}
	// The board's keys do nothing here; ] is the facilitator's.
	tm.send("b", "A", "R", "]")
	tm.repaint("2/8")
	for _, s := range guestSecrets {
		if strings.Contains(tm.text(), s) {
			t.Errorf("the guest received %q:\n%s", s, tail(tm.text()))
		}
	}
	if b, _ := e.st.Board(e.boardID); b.Retros[0].Phase != board.PhaseWrite {
		t.Errorf("the guest moved the phase to %s", b.Retros[0].Phase)
	}
	// Exec commands treat the guest as a stranger.
	if _, _, status := e.run(t, key, "export --what board"); status == 0 {
		t.Error("the guest exported the board")
	}

	for _, p := range []board.Phase{board.PhaseActions, board.PhaseClosed} {
		if _, err := e.st.ChangeRetro("Marieke", e.boardID, r.ID, board.RetroOp{Kind: board.OpPhase, Phase: p}); err != nil {
			t.Fatal(err)
		}
	}
	tm.ended()
	if !strings.Contains(tm.text(), "toegang als gast") {
		t.Errorf("the guest was not told why the session ended:\n%s", tail(tm.text()))
	}
	again := e.open(t, key)
	again.name = "former guest"
	again.waitFor(askInviteNL)
	if _, ok := e.st.IdentifyGuest(fp(key)); ok {
		t.Error("the key is still a guest")
	}
}

// A guest of an arena takes notes in it; the arena's other tabs' work and
// the board stay out of reach, and reporting back ends the access.
func TestGuestTakesNotesInArena(t *testing.T) {
	e := startServer(t, nil)
	a, err := e.st.CreateArena("Marieke", e.boardID, "Uitleg bij rekenen", time.Now(), "groep 7", 6, "Marieke", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = e.st.ChangeArena("Marieke", e.boardID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou bij de uitleg?"}); err != nil {
		t.Fatal(err)
	}
	code, _, err := e.st.CreateGuestInvite("Marieke", store.GuestScope{BoardID: e.boardID, Kind: store.GuestArena, ID: a.ID}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	_, tm := e.guestTerm(t, code)
	tm.waitFor("Uitleg bij rekenen")
	tm.send("2") // the capture tab, typing at once
	tm.send("L2: voorbeelden op het bord", "\r")
	if !eventually(func() bool {
		b, _ := e.st.Board(e.boardID)
		aa, _ := b.Arena(a.ID)
		return len(aa.Notes) == 1 && aa.Notes[0].By == "Gina"
	}) {
		t.Fatalf("the guest's note was not stored:\n%s", tail(tm.text()))
	}
	if _, err := e.st.ChangeArena("Marieke", e.boardID, a.ID, board.ArenaOp{Kind: board.OpReportBack, Text: "in de klas", Date: time.Now()}); err != nil {
		t.Fatal(err)
	}
	tm.ended()
	for _, s := range guestSecrets {
		if strings.Contains(tm.text(), s) {
			t.Errorf("the guest received %q", s)
		}
	}
}

// guestTerm opens a 140x40 terminal for a new key and enters code as Gina.
func (e *env) guestTerm(t *testing.T, code string) (gossh.Signer, *term) {
	t.Helper()
	key := newKey(t)
	tm := openWith(t, e.mustDial(t, key), termOpts{w: 140, h: 40})
	tm.name = "guest"
	tm.waitFor(askInviteNL)
	tm.enterCode(code, "Gina")
	return key, tm
}

// The calendar export runs over SSH as on the command line: a member gets
// their planning as iCalendar that the library reads back, with the same
// UIDs twice; a guest or stranger gets nothing.
func TestPlanningCalendarOverSSH(t *testing.T) {
	e := startServer(t, nil)
	key := e.member("Marieke")
	read := func() map[string]bool {
		out, errOut, status := e.run(t, key, "export --what planning --format ics")
		if status != 0 {
			t.Fatalf("export: %d %s", status, errOut)
		}
		cal, err := ics.ParseCalendar(strings.NewReader(out))
		if err != nil {
			t.Fatalf("the calendar does not parse: %v", err)
		}
		uids := map[string]bool{}
		for _, ev := range cal.Events() {
			uids[ev.Id()] = true
		}
		return uids
	}
	first, second := read(), read()
	if len(first) < 4 || len(first) != len(second) {
		t.Fatalf("events: %d then %d; the demo planning has at least 4", len(first), len(second))
	}
	for uid := range first {
		if !second[uid] {
			t.Errorf("UID %s is gone in the second export", uid)
		}
	}
	if out, _, status := e.run(t, newKey(t), "export --what planning --format ics"); status == 0 || out != "" {
		t.Errorf("a stranger got the calendar: %d %q", status, out)
	}
}
