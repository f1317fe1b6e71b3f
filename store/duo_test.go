package store_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"encoding/json"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// duoFixture is the fixture's school (Anna, Bram, Chris), a second school
// (Dirk, Els) with a board, the SWV's team (Carla) and a duo of Anna and
// Dirk coordinated by Carla.
type duoFixture struct {
	*fixture
	swv, other board.Team
	otherBoard board.Info
	duo        board.Duo
}

func newDuoFixture(t *testing.T) *duoFixture {
	t.Helper()
	f := &duoFixture{fixture: newFixture(t)}
	f.swv = must[board.Team](t)(f.s.CreateTeam("Carla", "SWV", "Carla", "Wim"))
	f.other = must[board.Team](t)(f.s.CreateTeam("Dirk", "Het Anker", "Dirk", "Els"))
	f.otherBoard = must[board.Info](t)(f.s.CreateBoard("Dirk", f.other.ID, "Bord Anker"))
	f.duo = must[board.Duo](t)(f.s.CreateDuo("Carla", f.swv.ID, "Rekenen bovenbouw",
		[]board.Partner{{Name: "anna", TeamID: f.team.ID}, {Name: "Dirk", TeamID: f.other.ID}}))
	return f
}

func (f *duoFixture) person(name string, teams ...uint64) *store.View {
	return f.s.ForPerson(store.Identity{Name: name, Teams: teams})
}

func designOp() board.DuoOp {
	return board.DuoOp{Kind: board.OpAddDesign, Design: board.DesignVersion{Group: "groep 6", Subject: "breuken",
		Goal: "breuken vergelijken", Kijkvraag: "wie doet mee?", Phases: []board.LessonPhase{{Name: "instructie", Minutes: 15}}}}
}

func TestCreateDuoBadInput(t *testing.T) {
	f := newDuoFixture(t)
	if _, err := f.s.CreateDuo("Carla", f.swv.ID, "Alleen", []board.Partner{{Name: "Anna", TeamID: f.team.ID}}); !errors.Is(err, board.ErrTooFewPartners) {
		t.Errorf("one partner: %v, want ErrTooFewPartners", err)
	}
	if _, err := f.s.CreateDuo("Carla", f.swv.ID, "Fout", []board.Partner{{Name: "Anna", TeamID: f.other.ID}, {Name: "Dirk", TeamID: f.other.ID}}); err == nil {
		t.Error("a partner outside the named team was accepted")
	}
	if _, err := f.s.CreateDuo("Dirk", f.swv.ID, "Niet van SWV", []board.Partner{{Name: "Anna", TeamID: f.team.ID}, {Name: "Dirk", TeamID: f.other.ID}}); err == nil {
		t.Error("someone outside the SWV team made a duo")
	}
	if _, err := f.s.CreateDuo("Carla", f.swv.ID, "rekenen BOVENBOUW", []board.Partner{{Name: "Bram", TeamID: f.team.ID}, {Name: "Els", TeamID: f.other.ID}}); !errors.Is(err, store.ErrExists) {
		t.Errorf("a second duo of the same name: %v", err)
	}
	if f.duo.Partners[0].Name != "Anna" || f.duo.Partners[1].School != "Het Anker" {
		t.Errorf("partners as the teams write them: %+v", f.duo.Partners)
	}
}

// TestDuoOpensExactlyItsPeople: the partners (of two schools) and the
// coordinator open the duo; a colleague of a partner, another SWV member
// and a view without a person do not, and a partner of the other school
// still reaches nothing else of it.
func TestDuoOpensExactlyItsPeople(t *testing.T) {
	f := newDuoFixture(t)
	for _, c := range []struct {
		v    *store.View
		who  string
		want int
	}{
		{f.person("Anna", f.team.ID), "Anna", 1},
		{f.person("Dirk", f.other.ID), "Dirk", 1},
		{f.person("Carla", f.swv.ID), "Carla", 1},
		{f.person("Bram", f.team.ID), "Bram", 0},
		{f.person("Els", f.other.ID), "Els", 0},
		{f.person("Wim", f.swv.ID), "Wim", 0},
		{f.s.For([]uint64{f.team.ID, f.other.ID, f.swv.ID}), "a view without a person", 0},
	} {
		ds, err := c.v.Duos()
		if err != nil || len(ds) != c.want {
			t.Errorf("%s: %d duos (%v), want %d", c.who, len(ds), err, c.want)
		}
		if _, err := c.v.Duo(f.duo.ID); (err == nil) != (c.want == 1) {
			t.Errorf("%s: Duo: %v", c.who, err)
		}
		if c.want == 0 {
			if _, err := c.v.ChangeDuo(c.who, f.duo.ID, designOp()); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s changed the duo: %v", c.who, err)
			}
		}
	}
	dirk := f.person("Dirk", f.other.ID)
	if _, err := dirk.Board(f.board.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Dirk reached Anna's school's board: %v", err)
	}
	// The coordinator follows; only partners design.
	if _, err := f.person("Carla", f.swv.ID).ChangeDuo("Carla", f.duo.ID, designOp()); !errors.Is(err, board.ErrNotPartner) {
		t.Errorf("the coordinator designed: %v", err)
	}
	// A session acts as its own person, whatever name it passes.
	d := must[board.Duo](t)(dirk.ChangeDuo("Anna", f.duo.ID, designOp()))
	if d.Designs[0].Author != "Dirk" {
		t.Errorf("design by %q through Dirk's view", d.Designs[0].Author)
	}
}

func TestDuoDesignVersionsPersist(t *testing.T) {
	f := newDuoFixture(t)
	anna, dirk := f.person("Anna", f.team.ID), f.person("Dirk", f.other.ID)
	ch, stop := dirk.WatchDuo(f.duo.ID)
	defer stop()
	d := must[board.Duo](t)(anna.ChangeDuo("Anna", f.duo.ID, designOp()))
	if v := <-ch; v != d.Version {
		t.Fatalf("Dirk's watch got version %d, want %d", v, d.Version)
	}
	id := d.Designs[0].ID
	edit := designOp().Design
	edit.Criteria = "ik kan breuken ordenen"
	must[board.Duo](t)(dirk.ChangeDuo("Dirk", f.duo.ID, board.DuoOp{Kind: board.OpEditDesign, ID: id, Design: edit, Seen: 1}))
	_, err := anna.ChangeDuo("Anna", f.duo.ID, board.DuoOp{Kind: board.OpEditDesign, ID: id, Design: designOp().Design, Seen: 1})
	var c *board.ConflictError
	if !errors.As(err, &c) || c.By != "Dirk" {
		t.Fatalf("Anna's stale edit: %v, want a conflict naming Dirk", err)
	}
	edit.Kijkvraag = "hoe vaak kijken ze naar het doel?"
	must[board.Duo](t)(anna.ChangeDuo("Anna", f.duo.ID, board.DuoOp{Kind: board.OpReviseDesign, ID: id, Design: edit, Seen: 2}))
	f.s.Close()
	f.s = open(t, f.path, f.clk)
	d = must[board.Duo](t)(f.s.Duo(f.duo.ID))
	v1, _ := d.Designs[0].Version(1)
	v2, _ := d.Designs[0].Version(2)
	if len(d.Designs[0].Versions) != 2 || v1.Criteria != "ik kan breuken ordenen" || v1.Kijkvraag != "wie doet mee?" || v2.Kijkvraag != edit.Kijkvraag {
		t.Fatalf("versions after reopening: %+v", d.Designs[0].Versions)
	}
}

func TestVisitOnBothPlanningsAndLessonAction(t *testing.T) {
	f := newDuoFixture(t)
	anna, dirk := f.person("Anna", f.team.ID), f.person("Dirk", f.other.ID)
	d := must[board.Duo](t)(anna.ChangeDuo("Anna", f.duo.ID, designOp()))
	at := f.clk.Day(3).Add(10*time.Hour + 30*time.Minute)
	visit := board.Visit{At: at, Group: "groep 6", Teacher: "Anna", Visitor: "Dirk", Design: d.Designs[0].ID}
	if _, err := anna.ChangeDuo("Anna", f.duo.ID, board.DuoOp{Kind: board.OpPlanVisit, Visit: board.Visit{At: f.clk.Day(-1), Group: "g", Teacher: "Anna", Visitor: "Dirk"}}); err == nil {
		t.Error("a visit in the past was planned without asking")
	}
	d = must[board.Duo](t)(anna.ChangeDuo("Anna", f.duo.ID, board.DuoOp{Kind: board.OpPlanVisit, Visit: visit}))
	// Dirk's school's board waits until Dirk joins the duo by acting in it:
	// naming him as partner does not open his team's board to the duo.
	if b := must[*board.Board](t)(f.s.Board(f.otherBoard.ID)); len(b.Planning) != 0 {
		t.Errorf("the visit went on the board of a school whose partner never joined: %+v", b.Planning)
	}
	d = must[board.Duo](t)(dirk.ChangeDuo("Dirk", f.duo.ID, designOp()))
	for _, id := range []uint64{f.board.ID, f.otherBoard.ID} {
		b := must[*board.Board](t)(f.s.Board(id))
		if len(b.Planning) != 1 || !b.Planning[0].Date.Equal(board.Day(at)) {
			t.Errorf("board %d planning: %+v", id, b.Planning)
		}
	}
	vid := d.Visits[0].ID
	f.clk.Add(3*24*time.Hour + 2*time.Hour)
	must[board.Duo](t)(dirk.ChangeDuo("Dirk", f.duo.ID, board.DuoOp{Kind: board.OpObserve, ID: vid, Text: "veel handen", Kijkvraag: true}))
	must[board.Duo](t)(anna.ChangeDuo("Anna", f.duo.ID, board.DuoOp{Kind: board.OpTalk, ID: vid, Talk: board.Talk{Designer: "ik wilde zien wie meedoet", Saw: "veel handen"}}))
	d = must[board.Duo](t)(dirk.ChangeDuo("Dirk", f.duo.ID, board.DuoOp{Kind: board.OpAddLesson, ID: vid, Text: "wisbordjes bij de check"}))
	lesson := d.Visits[0].Lessons[0].ID
	act := &board.Action{What: "wisbordjes inzetten", Who: "Anna", When: f.clk.Day(7)}
	// Dirk's view does not reach Anna's board: the action cannot go there.
	if _, err := dirk.ChangeDuo("Dirk", f.duo.ID, board.DuoOp{Kind: board.OpLessonAction, ID: vid, Sub: lesson, Board: f.board.ID, Action: act}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Dirk put an action on Anna's board: %v", err)
	}
	d = must[board.Duo](t)(anna.ChangeDuo("Anna", f.duo.ID, board.DuoOp{Kind: board.OpLessonAction, ID: vid, Sub: lesson, Board: f.board.ID, Action: act}))
	b := must[*board.Board](t)(f.s.Board(f.board.ID))
	if len(b.Actions) != 1 || b.Actions[0].Origin != board.OriginDuo || d.Visits[0].Lessons[0].Action != b.Actions[0].ID {
		t.Fatalf("lesson action: %+v, lesson %+v", b.Actions, d.Visits[0].Lessons[0])
	}
	if _, err := anna.ChangeDuo("Anna", f.duo.ID, board.DuoOp{Kind: board.OpLessonAction, ID: vid, Sub: lesson, Board: f.board.ID, Action: act}); !errors.Is(err, board.ErrAlreadyAction) {
		t.Fatalf("a second action of one lesson: %v", err)
	}
}

// TestPartnerRemovedFromTeam: the duo keeps working for the others; the
// one removed no longer opens it through the team, and is marked Left.
func TestPartnerRemovedFromTeam(t *testing.T) {
	f := newDuoFixture(t)
	must[board.Team](t)(f.s.RemoveMember("Dirk", f.other.ID, "Dirk"))
	id, _ := f.s.Identify("nobody")
	if _, err := f.person("Dirk", id.Teams...).Duo(f.duo.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Dirk opens the duo after leaving his team: %v", err)
	}
	d := must[board.Duo](t)(f.person("Anna", f.team.ID).ChangeDuo("Anna", f.duo.ID, designOp()))
	if !d.Partners[1].Left || d.Partners[0].Left {
		t.Errorf("left marks: %+v", d.Partners)
	}
	// A visit with him still plans, on Anna's board only.
	d = must[board.Duo](t)(f.person("Anna", f.team.ID).ChangeDuo("Anna", f.duo.ID, board.DuoOp{Kind: board.OpPlanVisit,
		Visit: board.Visit{At: f.clk.Day(2), Group: "groep 6", Teacher: "Anna", Visitor: "Dirk"}}))
	if p := d.Visits[0].Planned; len(p) != 1 || p[0].Board != f.board.ID {
		t.Errorf("planned on %+v, want Anna's board only", p)
	}
}

// TestDuoInviteLetsIntoTheDuoOnly: an outside teacher joins one duo with a
// code from its coordinator, and reaches no team and no board.
func TestDuoInviteLetsIntoTheDuoOnly(t *testing.T) {
	f := newDuoFixture(t)
	trio := must[board.Duo](t)(f.s.CreateDuo("Carla", f.swv.ID, "Taal", []board.Partner{{Name: "Bram", TeamID: f.team.ID}, {Name: "Sanne"}}))
	if _, _, err := f.s.CreateDuoInvite("Anna", trio.ID, "Sanne", time.Hour); err == nil {
		t.Error("a partner made a duo invite; only the coordinator may")
	}
	code, _, err := f.person("Carla", f.swv.ID).CreateDuoInvite("Carla", trio.ID, "Sanne", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	must[board.Team](t)(f.s.RedeemInvite(code, "SHA256:sanne", "Wie dan ook"))
	if _, err := f.s.RedeemInvite(code, "SHA256:again", "Sanne"); !errors.Is(err, store.ErrInvite) {
		t.Errorf("a used code worked again: %v", err)
	}
	id, ok := f.s.Identify("SHA256:sanne")
	if !ok || id.Name != "Sanne" || len(id.Teams) != 0 {
		t.Fatalf("Identify: %+v %v", id, ok)
	}
	v := f.s.ForPerson(id)
	ds, _ := v.Duos()
	if len(ds) != 1 || ds[0].ID != trio.ID {
		t.Fatalf("Sanne's duos: %+v", ds)
	}
	if teams, _ := v.Teams(); len(teams) != 0 {
		t.Errorf("Sanne reaches teams: %+v", teams)
	}
	if _, err := v.Board(f.board.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Sanne reaches a board: %v", err)
	}
	must[board.Duo](t)(v.ChangeDuo("Sanne", trio.ID, designOp()))
	// Her key cannot then join a team under another name.
	team, _, _ := f.s.CreateInvite("Anna", f.team.ID, time.Hour)
	if _, err := f.s.RedeemInvite(team, "SHA256:sanne", "Iemand"); !errors.Is(err, store.ErrKeyTaken) {
		t.Errorf("Sanne's key joined a team as someone else: %v", err)
	}
}

func TestDemoDuoMidCycle(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.CreateDemo("Anna"); err != nil {
		t.Fatal(err)
	}
	anna, _ := f.s.TeamByName(store.DemoTeam)
	ds, err := f.s.ForPerson(store.Identity{Name: "Anna", Teams: []uint64{anna.ID}}).Duos()
	if err != nil || len(ds) != 1 {
		t.Fatalf("the demo's duos for its maker: %d %v", len(ds), err)
	}
	d := ds[0]
	last, ok := d.LastVisit(f.clk.Now())
	if len(d.Designs) != 1 || len(d.Designs[0].Versions) != 2 || !ok || !last.Talk.Done() || len(last.Lessons) == 0 {
		t.Fatalf("demo duo not mid-cycle: %+v", d)
	}
	if d.Step(f.clk.Now()) != board.CycleVisit {
		t.Errorf("demo duo step %s, want the next visit", d.Step(f.clk.Now()))
	}
}

func TestRetentionErasesObservations(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.CreateDemo("Anna"); err != nil {
		t.Fatal(err)
	}
	f.clk.Add(board.DefaultRetentionDays * 24 * time.Hour)
	if _, err := f.s.ApplyRetention(); err != nil {
		t.Fatal(err)
	}
	ds, _ := f.s.Duos()
	last := ds[0].Visits[0]
	if len(last.Observations) != 0 || !last.Talk.Done() {
		t.Fatalf("after retention: observations %d, talk kept %v", len(last.Observations), last.Talk.Done())
	}
}

// TestDuosSurviveExportImport: the duos come across an export and import
// byte for byte (with their sequence, so the next duo gets a new id); the
// copy that may leave the school has no raw observations; a duo of a team
// that is not in the export is refused.
func TestDuosSurviveExportImport(t *testing.T) {
	f := newDuoFixture(t)
	if _, err := f.s.CreateDemo("Anna"); err != nil {
		t.Fatal(err)
	}
	data := export(t, f.s)
	fresh := imported(t, f.clk, data, "import with duos")
	if again := export(t, fresh); !bytes.Equal(data, again) {
		t.Fatalf("export after import differs: %s", firstDiff(data, again))
	}
	ds, _ := fresh.Duos()
	if len(ds) != 2 || len(ds[1].Designs[0].Versions) != 2 {
		t.Fatalf("imported duos: %+v", ds)
	}
	next := must[board.Duo](t)(fresh.CreateDuo("Carla", f.swv.ID, "Nieuw", []board.Partner{{Name: "Anna", TeamID: f.team.ID}, {Name: "Dirk", TeamID: f.other.ID}}))
	if next.ID <= ds[1].ID {
		t.Errorf("a duo made after import got id %d, used already", next.ID)
	}
	var without bytes.Buffer
	if err := f.s.ExportWithoutNotes(&without); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(without.String(), "wisbordje omhoog") || !strings.Contains(without.String(), "observations_deleted") {
		t.Error("the export without notes holds a visit's observations")
	}
	bad := editDump(t, data, func(d *store.Dump) { d.Teams = d.Teams[:1] })
	var de *store.DumpError
	if err := emptyStore(t, f.clk).Import(bytes.NewReader(bad)); !errors.As(err, &de) || !strings.Contains(de.Error(), "duos[") {
		t.Errorf("a duo of a missing team: %v", err)
	}
}

// A duo invite is for a partner without a team: one still in their team
// joins through it, so no new key acts under their name. Only the
// coordinator, in the duo's own team, makes one; and naming another
// school's member answers as for a school that does not exist.
func TestDuoInviteAndNamingRefused(t *testing.T) {
	f := newDuoFixture(t)
	if _, _, err := f.s.CreateDuoInvite("Carla", f.duo.ID, "Dirk", time.Hour); !errors.Is(err, board.ErrPartnerInTeam) {
		t.Errorf("an invite for Dirk, still in Het Anker: %v", err)
	}
	// A partner called Carla in Het Anker is not the coordinator.
	if _, _, err := f.person("Carla", f.other.ID).CreateDuoInvite("Carla", f.duo.ID, "Dirk", time.Hour); err == nil {
		t.Error("someone of another team with the coordinator's name made an invite")
	}
	_, noMember := f.s.CreateDuo("Anna", f.team.ID, "Probe", []board.Partner{{Name: "Anna", TeamID: f.team.ID}, {Name: "Niemand", School: "Het Anker"}})
	_, noTeam := f.s.CreateDuo("Anna", f.team.ID, "Probe", []board.Partner{{Name: "Anna", TeamID: f.team.ID}, {Name: "Niemand", School: "Bestaat niet"}})
	if noMember == nil || noTeam == nil || strings.Replace(noMember.Error(), "Het Anker", "Bestaat niet", 1) != noTeam.Error() {
		t.Errorf("an unknown member and an unknown school answer differently: %v / %v", noMember, noTeam)
	}
}

// A hostile export is refused when a duo's counter stands at or below an id
// in use (the next design would share it) or a partner's team is missing.
func TestDuoDumpCheckedInside(t *testing.T) {
	f := newDuoFixture(t)
	must[board.Duo](t)(f.person("Anna", f.team.ID).ChangeDuo("Anna", f.duo.ID, designOp()))
	for name, spoil := range map[string]func(duo map[string]any){
		"next_id":         func(duo map[string]any) { duo["next_id"] = 1 },
		"partner team_id": func(duo map[string]any) { duo["partners"].([]any)[1].(map[string]any)["team_id"] = 999 },
	} {
		var dump map[string]any
		if err := json.Unmarshal(export(t, f.s), &dump); err != nil {
			t.Fatal(err)
		}
		spoil(dump["duos"].([]any)[0].(map[string]any))
		data, err := json.Marshal(dump)
		if err != nil {
			t.Fatal(err)
		}
		if err := emptyStore(t, f.clk).Import(bytes.NewReader(data)); !errors.Is(err, store.ErrBadDump) {
			t.Errorf("%s spoilt: import %v, want ErrBadDump", name, err)
		}
	}
}
