package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The demo's duo, coordinated by the person at the terminal: the overview,
// and the duo's three tabs, in both languages and both sizes.
func TestGoldenDuosNL80x24(t *testing.T) {
	goldenScreen(t, i18n.NL, 80, 24, "D", "Duo De Regenboog")
}
func TestGoldenDuosNL140x40(t *testing.T) {
	goldenScreen(t, i18n.NL, 140, 40, "D", "Duo De Regenboog")
}
func TestGoldenDuoDesignNL80x24(t *testing.T) {
	goldenScreen(t, i18n.NL, 80, 24, "D", "Duo De Regenboog", "enter", "Leerdoel")
}
func TestGoldenDuoDesignNL140x40(t *testing.T) {
	goldenScreen(t, i18n.NL, 140, 40, "D", "Duo De Regenboog", "enter", "Leerdoel")
}
func TestGoldenDuoDiffNL80x24(t *testing.T) {
	goldenScreen(t, i18n.NL, 80, 24, "D", "Duo De Regenboog", "enter", "Leerdoel", "c", "Bijgesteld")
}
func TestGoldenDuoVisitsNL80x24(t *testing.T) {
	goldenScreen(t, i18n.NL, 80, 24, "D", "Duo De Regenboog", "enter", "Leerdoel", "2", "Waarnemingen")
}
func TestGoldenDuoVisitsNL140x40(t *testing.T) {
	goldenScreen(t, i18n.NL, 140, 40, "D", "Duo De Regenboog", "enter", "Leerdoel", "2", "Waarnemingen")
}
func TestGoldenDuoTalkNL140x40(t *testing.T) {
	goldenScreen(t, i18n.NL, 140, 40, "D", "Duo De Regenboog", "enter", "Leerdoel", "2", "Waarnemingen", "3", "Feedbackmodel")
}
func TestGoldenDuoTalkEN80x24(t *testing.T) {
	goldenScreen(t, i18n.EN, 80, 24, "D", "Duo De Regenboog", "enter", "Learning goal", "2", "Observations", "3", "Feedback model")
}
func TestGoldenDuoDesignEN140x40(t *testing.T) {
	goldenScreen(t, i18n.EN, 140, 40, "D", "Duo De Regenboog", "enter", "Learning goal")
}

// partnerDuo is a store where the person at the terminal (me) teaches at De
// Linde and is in a duo with Dirk of Het Anker, coordinated by Carla of the
// SWV, with one design by Dirk and a visit to Dirk's lesson; the screen is
// me's view, opened on the duo's visits.
type partnerDuo struct {
	*harness
	s     *store.Store
	duo   board.Duo
	linde board.Info
}

func newPartnerDuo(t *testing.T) *partnerDuo {
	t.Helper()
	s := openStore(t)
	linde := must[board.Team](t)(s.CreateTeam(me, "De Linde", me))
	anker := must[board.Team](t)(s.CreateTeam("Dirk", "Het Anker", "Dirk"))
	swv := must[board.Team](t)(s.CreateTeam("Carla", "SWV", "Carla"))
	lb := must[board.Info](t)(s.CreateBoard(me, linde.ID, "Bord Linde"))
	_ = must[board.Info](t)(s.CreateBoard("Dirk", anker.ID, "Bord Anker"))
	d := must[board.Duo](t)(s.CreateDuo("Carla", swv.ID, "Rekenen", []board.Partner{{Name: me, School: "De Linde"}, {Name: "Dirk", School: "het anker"}}))
	d = must[board.Duo](t)(s.ChangeDuo("Dirk", d.ID, board.DuoOp{Kind: board.OpAddDesign, Design: board.DesignVersion{Group: "groep 6", Subject: "breuken",
		Goal: "breuken vergelijken", Kijkvraag: "wie doet mee?", Phases: []board.LessonPhase{{Name: "instructie", Minutes: 15}}}}))
	d = must[board.Duo](t)(s.ChangeDuo("Dirk", d.ID, board.DuoOp{Kind: board.OpPlanVisit, Visit: board.Visit{At: today.Add(time.Hour),
		Group: "groep 6", Teacher: "Dirk", Visitor: me, Design: d.Designs[0].ID}}))
	view := s.ForPerson(store.Identity{Name: me, Teams: []uint64{linde.ID}})
	hs := start(t, s, Config{Store: view}, 100, 30)
	p := &partnerDuo{harness: hs, s: s, duo: d, linde: lb}
	p.press("D")
	mustContain(t, p.plain(), "Rekenen", "Dirk (Het Anker)")
	p.press("enter")
	mustContain(t, p.plain(), "wie doet mee?")
	return p
}

// must is the value of a store call that must work.
func must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func (p *partnerDuo) stored() board.Duo {
	return must[board.Duo](p.t)(p.s.Duo(p.duo.ID))
}

// TestDuoCaptureGuardsNames: the visitor's capture line keeps a pupil's
// name out as the arena's does: the first enter warns and stores nothing,
// the second stores the note flagged, and the screen masks the name.
func TestDuoCaptureGuardsNames(t *testing.T) {
	p := newPartnerDuo(t)
	p.press("2", "enter")
	p.typeText("Daarna stak Mohammed zijn vinger op")
	p.press("enter")
	if n := len(p.stored().Visits[0].Observations); n != 0 {
		t.Fatalf("saved over the name guard's first warning: %d observations", n)
	}
	mustContain(t, p.plain(), "Mohammed")
	p.press("enter")
	obs := p.stored().Visits[0].Observations
	if len(obs) != 1 || !obs[0].Flagged || obs[0].Suspect[0] != "Mohammed" || !obs[0].Kijkvraag {
		t.Fatalf("observation: %+v", obs)
	}
	p.typeText("rustige start")
	p.press("tab", "enter", "esc")
	obs = p.stored().Visits[0].Observations
	if len(obs) != 2 || obs[1].Flagged || obs[1].Kijkvraag {
		t.Fatalf("second observation: %+v", obs)
	}
	screen := p.plain()
	mustContain(t, screen, "Daarna stak [naam] zijn vinger op", "rustige start")
	mustNotContain(t, screen, "Mohammed")
}

// TestDuoEditsNeverOverwrite: a partner's edit made while the form was
// open is named, not overwritten; a second save goes over it knowingly.
func TestDuoEditsNeverOverwrite(t *testing.T) {
	p := newPartnerDuo(t)
	p.press("1", "e")
	p.fill("goal", "breuken ordenen")
	v := p.duo.Designs[0].Current()
	v.Criteria = "ik kan het uitleggen"
	if _, err := p.s.ChangeDuo("Dirk", p.duo.ID, board.DuoOp{Kind: board.OpEditDesign, ID: p.duo.Designs[0].ID, Design: v, Seen: 1}); err != nil {
		t.Fatal(err)
	}
	p.press("ctrl+s") // before Dirk's change reached the screen
	p.awaitChange()
	if p.m.form == nil || !strings.Contains(p.m.form.err, "Dirk") {
		t.Fatalf("no conflict naming Dirk: form %+v\n%s", p.m.form, p.plain())
	}
	if p.stored().Designs[0].Current().Goal != "breuken vergelijken" {
		t.Fatal("the stale save overwrote Dirk's version")
	}
	p.press("ctrl+s")
	if got := p.stored().Designs[0].Current().Goal; got != "breuken ordenen" || p.m.form != nil {
		t.Fatalf("second save: goal %q, form open %v", got, p.m.form != nil)
	}
}

// TestDuoReviseKeepsBothVersions: bijstellen makes version 2 beside 1, and
// c shows what changed.
func TestDuoReviseKeepsBothVersions(t *testing.T) {
	p := newPartnerDuo(t)
	p.press("1", "b")
	p.fill("kijkvraag", "wie kijkt terug naar het doel?")
	p.press("ctrl+s")
	ds := p.stored().Designs[0]
	if len(ds.Versions) != 2 || ds.Versions[0].Kijkvraag != "wie doet mee?" {
		t.Fatalf("versions: %+v", ds.Versions)
	}
	p.press("c")
	mustContain(t, p.plain(), "Bijgesteld: versie 1 → 2", "- wie doet mee?", "+ wie kijkt terug naar het doel?")
	p.press("c", "v")
	mustContain(t, p.plain(), "versie 1/2")
}

// TestDuoVisitInThePastAsks: a visit dated in the past is questioned; yes
// records it afterwards.
func TestDuoVisitInThePastAsks(t *testing.T) {
	p := newPartnerDuo(t)
	p.press("2", "n")
	p.fill("date", "2026-11-16")
	p.fill("time", "09:00")
	p.press("ctrl+s")
	if p.m.choose == nil || len(p.stored().Visits) != 1 {
		t.Fatalf("a past visit was not questioned:\n%s", p.plain())
	}
	mustContain(t, p.plain(), "2026-11-16 09:00 ligt in het verleden")
	p.press("enter")
	if vs := p.stored().Visits; len(vs) != 2 || vs[1].At.Format("2006-01-02 15:04") != "2026-11-16 09:00" {
		t.Fatalf("visits after yes: %+v", vs)
	}
}

// TestDuoTalkLessonToAction: the nagesprek is saved in the model's order,
// a les is added and becomes an action on the partner's own board, origin
// duo.
func TestDuoTalkLessonToAction(t *testing.T) {
	p := newPartnerDuo(t)
	p.press("3", "e")
	p.fill("saw", "veel handen")
	p.press("ctrl+s")
	mustContain(t, p.m.form.err+p.plain(), "Ontwerper")
	p.fill("designer", "ik wilde zien wie meedoet")
	p.press("ctrl+s")
	if talk := p.stored().Visits[0].Talk; !talk.Done() {
		t.Fatalf("talk not saved: %+v\n%s", talk, p.plain())
	}
	p.press("l")
	p.typeText("wisbordjes ook tussendoor")
	p.press("enter", "p")
	p.fill("when", "vrijdag")
	p.press("ctrl+s")
	b := must[*board.Board](t)(p.s.Board(p.linde.ID))
	if len(b.Actions) != 1 || b.Actions[0].Origin != board.OriginDuo || b.Actions[0].What != "wisbordjes ook tussendoor" {
		t.Fatalf("actions on the partner's board: %+v\n%s", b.Actions, p.plain())
	}
	mustContain(t, p.plain(), "→ actie op het bord")
	// b: the lessen become the next version of the design tried.
	p.press("b")
	if p.m.form == nil || !strings.Contains(p.m.form.field("kijkvraag").hint, "wisbordjes ook tussendoor") {
		t.Fatalf("bijstellen from the nagesprek:\n%s", p.plain())
	}
	p.fill("differ", "wisbordjes ook tussendoor")
	p.press("ctrl+s")
	if vs := p.stored().Designs[0].Versions; len(vs) != 2 || vs[1].Differ != "wisbordjes ook tussendoor" {
		t.Fatalf("versions: %+v", vs)
	}
}

// TestDuoOnlyPartnerLandsOnTheDuos: someone who joined by a duo invite has
// no board; bord opens their duos instead of the welcome screen.
func TestDuoOnlyPartnerLandsOnTheDuos(t *testing.T) {
	s := openStore(t)
	swv := must[board.Team](t)(s.CreateTeam("Carla", "SWV", "Carla"))
	d := must[board.Duo](t)(s.CreateDuo("Carla", swv.ID, "Taal", []board.Partner{{Name: "Sanne"}, {Name: "Joop"}}))
	code, _, err := s.CreateDuoInvite("Carla", d.ID, "Sanne", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	must[board.Team](t)(s.RedeemInvite(code, "SHA256:sanne", "Sanne"))
	id, _ := s.Identify("SHA256:sanne")
	hs := start(t, s, Config{Store: s.ForPerson(id), User: id.Name}, 80, 24)
	if hs.m.screen != screenDuos {
		t.Fatalf("screen %d, want the duos\n%s", hs.m.screen, hs.plain())
	}
	mustContain(t, hs.plain(), "Taal", "Sanne, Joop")
	mustNotContain(t, hs.plain(), "SWV")
}

// TestDuoOverviewMarksStalled: the coordinator's overview marks a duo with
// no visit in eight weeks, on the injected clock.
func TestDuoOverviewMarksStalled(t *testing.T) {
	s := openStore(t)
	swv := must[board.Team](t)(s.CreateTeam(me, "SWV", me))
	must[board.Info](t)(s.CreateBoard(me, swv.ID, "Kernteam"))
	must[board.Duo](t)(s.CreateDuo(me, swv.ID, "Stil duo", []board.Partner{{Name: "Anna"}, {Name: "Bram"}}))
	for weeks, stalled := range map[int]bool{8: false, 9: true} {
		later := today.AddDate(0, 0, 7*weeks)
		hs := start(t, s, Config{Now: func() time.Time { return later }}, 100, 24)
		hs.press("D")
		if got := strings.Contains(hs.plain(), "⚠ stil"); got != stalled {
			t.Errorf("after %d weeks: marked %v, want %v\n%s", weeks, got, stalled, hs.plain())
		}
	}
}

// TestDuoRemindsOnTheBoard: the day before (and on the day of) a visit,
// the partner's bord says so when it starts, over the board; the visit is
// on its planning.
func TestDuoRemindsOnTheBoard(t *testing.T) {
	p := newPartnerDuo(t)
	again := start(t, p.s, Config{Store: p.m.cfg.Store.(guardStore).s}, 100, 30)
	mustContain(t, again.plain(), "Bord Linde", "Herinnering: lesbezoek 2026-11-23 om 11:00 (Het Anker, groep 6)")
	// The planning of De Linde's board gets the visit once its partner
	// joined the duo by acting in it (Dirk planned it; Het Anker's board
	// is Dirk's to open, De Linde's is ours).
	if b := must[*board.Board](t)(p.s.Board(p.linde.ID)); len(b.Planning) != 0 {
		t.Fatalf("planning before joining: %+v", b.Planning)
	}
	must[board.Duo](t)(p.s.ChangeDuo(me, p.duo.ID, board.DuoOp{Kind: board.OpAddDesign, Design: board.DesignVersion{Group: "groep 5", Subject: "taal",
		Goal: "samenvatten", Kijkvraag: "wie vat samen?", Phases: []board.LessonPhase{{Name: "instructie", Minutes: 10}}}}))
	b := must[*board.Board](t)(p.s.Board(p.linde.ID))
	if len(b.Planning) != 1 || b.Planning[0].Text != "Rekenen · groep 6 · 11:00 · Marieke → Dirk" {
		t.Fatalf("planning: %+v", b.Planning)
	}
}

// TestGoldenDuoDesignPagedNL80x24: a design is longer than 80x24; PgDn
// shows its end (the kijkvraag), which was cut off before.
func TestGoldenDuoDesignPagedNL80x24(t *testing.T) {
	goldenScreen(t, i18n.NL, 80, 24, "D", "Duo De Regenboog", "enter", "Leerdoel", "pgdown", "nog niet kan?")
}
