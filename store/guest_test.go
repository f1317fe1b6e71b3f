package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// guestOf makes a guest invite for scope and redeems it with key and name.
func guestOf(t testing.TB, s *store.Store, by string, scope store.GuestScope, key, name string) store.Guest {
	t.Helper()
	if _, err := s.RedeemInvite(guestCode(t, s, by, scope), key, name); err != nil {
		t.Fatalf("RedeemInvite: %v", err)
	}
	g, ok := s.IdentifyGuest(key)
	if !ok {
		t.Fatal("the key is no guest after the invite")
	}
	return g
}

// guestCode is a code that invites a guest into scope, made by by.
func guestCode(t testing.TB, s *store.Store, by string, scope store.GuestScope) string {
	t.Helper()
	code, _, err := s.CreateGuestInvite(by, scope, time.Hour)
	if err != nil {
		t.Fatalf("CreateGuestInvite: %v", err)
	}
	return code
}

// A guest of one retrospective sees that retrospective only, writes and
// votes in it and nothing else, is no member, and loses it all the moment
// the retrospective closes.
func TestGuestReachesOneRetro(t *testing.T) {
	f := newFixture(t)
	r, err := f.s.CreateRetro("Anna", f.board.ID, "Gedrag", "", nil, time.Time{}, time.Time{}, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRetro("Anna", f.board.ID, "Geheim", "", nil, time.Time{}, time.Time{}, false, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Add("Anna", f.board.ID, &board.Action{What: "Interne actie", Who: "Anna", When: f.clk.Day(3)}); err != nil {
		t.Fatal(err)
	}
	other, err := f.s.CreateBoard("Anna", f.team.ID, "Ander bord")
	if err != nil {
		t.Fatal(err)
	}
	g := guestOf(t, f.s, "Anna", store.GuestScope{BoardID: f.board.ID, Kind: store.GuestRetro, ID: r.ID}, "SHA256:gast", "Gina")
	if _, ok := f.s.Identify("SHA256:gast"); ok {
		t.Fatal("the guest's key became a member's")
	}
	v := f.s.ForGuest(g)
	b, err := v.Board(f.board.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Retros) != 1 || b.Retros[0].ID != r.ID || len(b.Actions) != 0 || len(b.Arenas) != 0 {
		t.Fatalf("the guest's board holds more than the one retrospective: %d retros, %d actions", len(b.Retros), len(b.Actions))
	}
	if len(b.Team.Members) != 0 {
		t.Fatalf("the guest sees the team's members: %v", b.Team.Members)
	}
	if _, err := v.Board(other.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the guest reached another board: %v", err)
	}
	if _, err := v.Add("Gina", f.board.ID, &board.Action{What: "x", Who: "Anna", When: f.clk.Day(3)}); !errors.Is(err, board.ErrGuestOnly) {
		t.Fatalf("a guest's action: %v, want ErrGuestOnly (worded as what guests do)", err)
	}
	if _, err := v.CreateArena("Gina", f.board.ID, "x", f.clk.Day(3), "groep 7", 6, "Anna", nil, 0); !errors.Is(err, board.ErrGuestOnly) {
		t.Fatalf("a guest's arena: %v", err)
	}
	if err := v.Delete("Gina", f.board.ID, board.AreaAction, 1, 0); !errors.Is(err, board.ErrGuestOnly) {
		t.Fatalf("a guest's delete: %v", err)
	}
	if _, err := v.CreateTeam("Gina", "Eigen"); err == nil {
		t.Fatal("the guest made a team")
	}
	// The network's speerpunten are no team's, and so no guest's.
	if _, err := f.s.AddSpeerpunt("Anna", board.Speerpunt{Title: "Thuiszitters", FromYear: 2026, ToYear: 2030}); err != nil {
		t.Fatal(err)
	}
	if sps, _ := v.Speerpunten(); len(sps) != 0 {
		t.Fatalf("the guest sees the speerpunten: %v", sps)
	}
	if _, err := v.AddSpeerpunt("Gina", board.Speerpunt{Title: "x"}); !errors.Is(err, board.ErrGuestOnly) {
		t.Fatalf("a guest's speerpunt: %v", err)
	}
	if err := v.DeleteSpeerpunt("Gina", 1, 0); !errors.Is(err, board.ErrGuestOnly) {
		t.Fatalf("a guest deleted a speerpunt: %v", err)
	}
	if _, err := f.s.ChangeRetro("Anna", f.board.ID, r.ID, board.RetroOp{Kind: board.OpPhase, Phase: board.PhaseWrite}); err != nil {
		t.Fatal(err)
	}
	got, err := v.ChangeRetro("Anna", f.board.ID, r.ID, board.RetroOp{Kind: board.OpAddCard, Text: "Goede sfeer"})
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Cards[0]; c.Author != "Gina" {
		t.Fatalf("the guest's card is %q's: the actor they pass must not count", c.Author)
	}
	for _, op := range []board.RetroOp{{Kind: board.OpPhase, Phase: board.PhaseReveal}, {Kind: board.OpHandRetro, Text: "Gina"}, {Kind: board.OpTimer, Column: 5}} {
		if _, err := v.ChangeRetro("Gina", f.board.ID, r.ID, op); !errors.Is(err, board.ErrGuestOnly) {
			t.Errorf("guest %s: %v, want ErrGuestOnly", op.Kind, err)
		}
	}
	// Closed: the view, the key and the writes are gone.
	for _, p := range []board.Phase{board.PhaseActions, board.PhaseClosed} {
		if _, err := f.s.ChangeRetro("Anna", f.board.ID, r.ID, board.RetroOp{Kind: board.OpPhase, Phase: p}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := v.Board(f.board.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the guest still sees a closed retrospective: %v", err)
	}
	if _, ok := f.s.IdentifyGuest("SHA256:gast"); ok {
		t.Fatal("the key is still a guest after the close")
	}
	if _, err := v.ChangeRetro("Gina", f.board.ID, r.ID, board.RetroOp{Kind: board.OpVote, Card: 1}); err == nil {
		t.Fatal("the guest voted in a closed retrospective")
	}
}

// Bad guest invites and redeems are refused with what went wrong, and
// nothing is stored: no such record, a member's name, a guest's or a
// member's key, a closed record.
func TestGuestInviteRefused(t *testing.T) {
	f := newFixture(t)
	a, err := f.s.CreateArena("Anna", f.board.ID, "Uitleg", f.clk.Day(0), "groep 7", 6, "Anna", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	scope := store.GuestScope{BoardID: f.board.ID, Kind: store.GuestArena, ID: a.ID}
	if _, _, err := f.s.CreateGuestInvite("Anna", store.GuestScope{BoardID: f.board.ID, Kind: store.GuestArena, ID: 99}, time.Hour); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an invite for no arena: %v", err)
	}
	code := guestCode(t, f.s, "Anna", scope)
	if _, err := f.s.RedeemInvite(code, "SHA256:x", "bram"); !errors.Is(err, board.ErrExists) {
		t.Errorf("a guest named as a member: %v", err)
	}
	guestOf(t, f.s, "Anna", scope, "SHA256:gast", "Gast")
	code = guestCode(t, f.s, "Anna", scope)
	if _, err := f.s.RedeemInvite(code, "SHA256:gast", "Gast twee"); !errors.Is(err, store.ErrKeyTaken) {
		t.Errorf("a guest's key became a second guest: %v", err)
	}
	if _, err := f.s.AddMemberKey("Anna", f.team.ID, "Chris", "SHA256:chris"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.RedeemInvite(code, "SHA256:chris", "Gast drie"); !errors.Is(err, store.ErrKeyTaken) {
		t.Errorf("a member's key became a guest: %v", err)
	}
	code = guestCode(t, f.s, "Anna", scope)
	if _, err := f.s.ChangeArena("Anna", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpReportBack, Text: "in de klas", Date: f.clk.Day(0)}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.RedeemInvite(code, "SHA256:y", "Gast"); !errors.Is(err, board.ErrGuestClosed) {
		t.Errorf("a guest joined a reported-back arena: %v", err)
	}
	if _, ok := f.s.IdentifyGuest("SHA256:x"); ok {
		t.Error("a refused redeem left a guest")
	}
	if _, _, err := f.s.CreateGuestInvite("Anna", scope, time.Hour); !errors.Is(err, board.ErrGuestClosed) {
		t.Errorf("an invite for a reported-back arena: %v", err)
	}
}

// Two guests of one arena: each changes only their own notes (to the
// arena's rules a guest is no member, so another guest would count as
// someone who left), and a second guest cannot take the first's name.
func TestGuestsKeepToTheirOwnNotes(t *testing.T) {
	f := newFixture(t)
	a, err := f.s.CreateArena("Anna", f.board.ID, "Uitleg", f.clk.Day(0), "groep 7", 6, "Anna", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = f.s.ChangeArena("Anna", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt?"}); err != nil {
		t.Fatal(err)
	}
	scope := store.GuestScope{BoardID: f.board.ID, Kind: store.GuestArena, ID: a.ID}
	gina := guestOf(t, f.s, "Anna", scope, "SHA256:g1", "Gina")
	gijs := guestOf(t, f.s, "Anna", scope, "SHA256:g2", "Gijs")
	if a, err = f.s.ForGuest(gina).ChangeArena("", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: "uitleg met plaatjes"}); err != nil {
		t.Fatal(err)
	}
	n := a.Notes[len(a.Notes)-1].ID
	if _, err := f.s.ForGuest(gijs).ChangeArena("", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpDeleteNote, ID: n}); !errors.Is(err, board.ErrGuestOnly) {
		t.Errorf("guest Gijs deleted guest Gina's note: %v", err)
	}
	if _, err := f.s.ForGuest(gina).ChangeArena("", f.board.ID, a.ID, board.ArenaOp{Kind: board.OpEditNote, ID: n, Text: "uitleg met tekeningen"}); err != nil {
		t.Errorf("Gina could not edit her own note: %v", err)
	}
	code := guestCode(t, f.s, "Anna", scope)
	if _, err := f.s.RedeemInvite(code, "SHA256:g3", "gina"); !errors.Is(err, board.ErrExists) {
		t.Errorf("a second guest called gina: %v", err)
	}
}
