package board

import (
	"errors"
	"slices"
	"testing"
	"time"
)

var duoNow = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func testDuo(t *testing.T) *Duo {
	t.Helper()
	d, err := NewDuo("Rekenen bovenbouw", 1, "Carla", []Partner{{Name: "Anna", TeamID: 2, School: "De Linde"}, {Name: "Bram", TeamID: 3, School: "Het Anker"}}, duoNow)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func testDesign() DesignVersion {
	return DesignVersion{Group: "groep 6", Subject: "breuken", Goal: "breuken vergelijken", Kijkvraag: "wie doet mee bij de check?",
		Phases: []LessonPhase{{Name: "instructie", Minutes: 15}, {Name: "inoefenen", Minutes: 20}}}
}

func mustApply(t *testing.T, d *Duo, by string, op DuoOp, now time.Time) {
	t.Helper()
	if err := d.Apply(by, op, now); err != nil {
		t.Fatalf("%s by %s: %v", op.Kind, by, err)
	}
}

func TestDuoNeedsTwoPartners(t *testing.T) {
	for _, ps := range [][]Partner{nil, {{Name: "Anna"}}, {{Name: "Anna"}, {Name: "anna "}}, {{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}}} {
		if _, err := NewDuo("x", 1, "Carla", ps, duoNow); !errors.Is(err, ErrTooFewPartners) {
			t.Errorf("%v: got %v, want ErrTooFewPartners", ps, err)
		}
	}
	if _, err := NewDuo("", 1, "Carla", []Partner{{Name: "A"}, {Name: "B"}}, duoNow); err == nil {
		t.Error("a duo without a name was made")
	}
}

func TestDuoOpens(t *testing.T) {
	d := testDuo(t)
	d.Partners = append(d.Partners, Partner{Name: "Gast", Keys: []string{"SHA256:gast"}})
	cases := []struct {
		name  string
		teams []uint64
		key   string
		want  bool
	}{
		{"Carla", []uint64{1}, "", true},     // the coordinator
		{"Dirk", []uint64{1}, "", false},     // another SWV member
		{"Carla", []uint64{2}, "", false},    // a Carla of another team
		{"anna", []uint64{2}, "", true},      // partner, any case
		{"Anna", []uint64{3}, "", false},     // an Anna of the other school
		{"Bram", []uint64{3, 9}, "", true},   // partner in more teams
		{"Els", []uint64{2}, "", false},      // Anna's colleague
		{"Gast", nil, "SHA256:gast", true},   // joined by the duo's invite
		{"Gast", nil, "SHA256:other", false}, // same name, other key
		{"", nil, "", false},
	}
	for _, c := range cases {
		if got := d.Opens(c.name, c.teams, c.key); got != c.want {
			t.Errorf("Opens(%q, %v, %q) = %v, want %v", c.name, c.teams, c.key, got, c.want)
		}
	}
}

func TestDesignVersionsKeptAndEditsGuarded(t *testing.T) {
	d := testDuo(t)
	mustApply(t, d, "Anna", DuoOp{Kind: OpAddDesign, Design: testDesign()}, duoNow)
	id := d.Designs[0].ID
	if err := d.Apply("Carla", DuoOp{Kind: OpEditDesign, ID: id, Design: testDesign(), Seen: 1}, duoNow); !errors.Is(err, ErrNotPartner) {
		t.Fatalf("the coordinator edited: %v", err)
	}
	edit := testDesign()
	edit.Criteria = "ik kan twee breuken ordenen"
	mustApply(t, d, "Bram", DuoOp{Kind: OpEditDesign, ID: id, Design: edit, Seen: 1}, duoNow.Add(time.Minute))
	// Anna saw edit 1: her save would overwrite Bram's.
	err := d.Apply("Anna", DuoOp{Kind: OpEditDesign, ID: id, Design: testDesign(), Seen: 1}, duoNow.Add(2*time.Minute))
	var c *ConflictError
	if !errors.As(err, &c) || c.By != "Bram" {
		t.Fatalf("stale edit: got %v, want a conflict naming Bram", err)
	}
	if d.Designs[0].Current().Criteria != edit.Criteria {
		t.Fatal("the stale edit overwrote Bram's")
	}
	revised := edit
	revised.Kijkvraag = "hoe vaak kijken leerlingen terug naar het doel?"
	mustApply(t, d, "Anna", DuoOp{Kind: OpReviseDesign, ID: id, Design: revised, Seen: 2}, duoNow.Add(3*time.Minute))
	ds, _ := d.Design(id)
	v1, _ := ds.Version(1)
	v2, _ := ds.Version(2)
	if len(ds.Versions) != 2 || v2.N != 2 || v1.Kijkvraag != testDesign().Kijkvraag {
		t.Fatalf("bijstellen: versions %+v", ds.Versions)
	}
	if got := DiffVersions(v1, v2); !slices.Equal(got, []string{"kijkvraag"}) {
		t.Fatalf("diff v1 v2 = %v, want [kijkvraag]", got)
	}
}

func TestDesignNeedsItsCore(t *testing.T) {
	d := testDuo(t)
	bad := testDesign()
	bad.Kijkvraag = " "
	if err := d.Apply("Anna", DuoOp{Kind: OpAddDesign, Design: bad}, duoNow); err == nil {
		t.Fatal("a design without kijkvraag was added")
	}
	bad = testDesign()
	bad.Phases = []LessonPhase{{Name: "instructie", Minutes: -5}}
	if err := d.Apply("Anna", DuoOp{Kind: OpAddDesign, Design: bad}, duoNow); err == nil {
		t.Fatal("a phase of -5 minutes was accepted")
	}
	if d.Version != 0 {
		t.Fatal("a refused op counted as a change")
	}
}

func planned(t *testing.T) (*Duo, uint64, uint64) {
	t.Helper()
	d := testDuo(t)
	mustApply(t, d, "Anna", DuoOp{Kind: OpAddDesign, Design: testDesign()}, duoNow)
	ds := d.Designs[0].ID
	at := duoNow.AddDate(0, 0, 7)
	mustApply(t, d, "Anna", DuoOp{Kind: OpPlanVisit, Visit: Visit{At: at, Group: "groep 6", Teacher: "Anna", Visitor: "bram", Design: ds}}, duoNow)
	return d, ds, d.Visits[0].ID
}

func TestVisitInThePastIsQuestioned(t *testing.T) {
	d := testDuo(t)
	v := Visit{At: duoNow.Add(-time.Hour), Group: "groep 6", Teacher: "Anna", Visitor: "Bram"}
	err := d.Apply("Anna", DuoOp{Kind: OpPlanVisit, Visit: v}, duoNow)
	if ve, ok := AsValidation(err); !ok || ve.Problem != ProblemPastDate {
		t.Fatalf("a visit in the past: %v, want past_date", err)
	}
	mustApply(t, d, "Anna", DuoOp{Kind: OpPlanVisit, Visit: v, Force: true}, duoNow)
	if d.Visits[0].School != "De Linde" || d.Visits[0].Visitor != "Bram" || d.Visits[0].Minutes != DefaultVisitMinutes {
		t.Fatalf("visit filled in: %+v", d.Visits[0])
	}
	if err := d.Apply("Anna", DuoOp{Kind: OpPlanVisit, Visit: Visit{At: duoNow.Add(time.Hour), Group: "g", Teacher: "Anna", Visitor: "Anna"}}, duoNow); err == nil {
		t.Fatal("a teacher visiting their own lesson was planned")
	}
	if err := d.Apply("Anna", DuoOp{Kind: OpPlanVisit, Visit: Visit{At: duoNow.Add(time.Hour), Group: "g", Teacher: "Anna", Visitor: "Els"}}, duoNow); err == nil {
		t.Fatal("a visitor outside the duo was planned")
	}
}

func TestDeletedDesignLeavesTheVisitACopy(t *testing.T) {
	d, ds, vid := planned(t)
	if err := d.Apply("Bram", DuoOp{Kind: OpDeleteDesign, ID: ds, Seen: 1}, duoNow); !errors.Is(err, ErrDesignInUse) {
		t.Fatalf("deleting a design in use without asking: %v", err)
	}
	// Anna edits it while Bram's question stands: his delete from edit 1
	// is refused, as an edit from edit 1 would be.
	cur, _ := d.Design(ds)
	mustApply(t, d, "Anna", DuoOp{Kind: OpEditDesign, ID: ds, Design: cur.Current(), Seen: 1}, duoNow)
	var conflict *ConflictError
	if err := d.Apply("Bram", DuoOp{Kind: OpDeleteDesign, ID: ds, Seen: 1, Force: true}, duoNow); !errors.As(err, &conflict) {
		t.Fatalf("a delete from a stale screen went over Anna's edit: %v", err)
	}
	mustApply(t, d, "Bram", DuoOp{Kind: OpDeleteDesign, ID: ds, Seen: 2, Force: true}, duoNow)
	v, _ := d.Visit(vid)
	tried, ok := d.Tried(*v)
	if len(d.Designs) != 0 || !ok || tried.Kijkvraag != testDesign().Kijkvraag || v.Design != 0 {
		t.Fatalf("after delete: designs %d, tried %+v %v", len(d.Designs), tried, ok)
	}
}

func TestCycle(t *testing.T) {
	d := testDuo(t)
	if d.Step(duoNow) != CycleDesign {
		t.Fatalf("new duo: %s", d.Step(duoNow))
	}
	d, ds, vid := planned(t)
	if d.Step(duoNow) != CycleVisit {
		t.Fatalf("planned: %s", d.Step(duoNow))
	}
	during := duoNow.AddDate(0, 0, 7).Add(5 * time.Minute)
	mustApply(t, d, "Bram", DuoOp{Kind: OpObserve, ID: vid, Text: "veel handen bij de check", Kijkvraag: true}, during)
	if d.Step(during) != CycleTalk {
		t.Fatalf("visited: %s", d.Step(during))
	}
	talk := Talk{Saw: "ik zag handen"}
	if err := d.Apply("Anna", DuoOp{Kind: OpTalk, ID: vid, Talk: talk}, during); err == nil {
		t.Fatal("the visitor spoke before the designer")
	}
	talk.Designer = "ik wilde weten wie meedoet"
	mustApply(t, d, "Anna", DuoOp{Kind: OpTalk, ID: vid, Talk: talk}, during.Add(time.Hour))
	if d.Step(during.Add(time.Hour)) != CycleRevise {
		t.Fatalf("talked: %s", d.Step(during.Add(time.Hour)))
	}
	mustApply(t, d, "Anna", DuoOp{Kind: OpReviseDesign, ID: ds, Design: testDesign(), Seen: 1}, during.Add(2*time.Hour))
	if d.Step(during.Add(2*time.Hour)) != CycleVisit {
		t.Fatalf("revised: %s", d.Step(during.Add(2*time.Hour)))
	}
	if at := duoNow.AddDate(0, 0, 7); d.Stalled(at.Add(StalledAfter)) || !d.Stalled(at.Add(StalledAfter+time.Hour)) {
		t.Fatal("stalled is not eight weeks after the last visit")
	}
	if n := d.VisitsSince(duoNow, during); n != 1 {
		t.Fatalf("visits this period: %d", n)
	}
}

func TestObservationsGuardedAndExpire(t *testing.T) {
	d, _, vid := planned(t)
	at := duoNow.AddDate(0, 0, 7)
	mustApply(t, d, "Bram", DuoOp{Kind: OpObserve, ID: vid, Text: "Sem zat achterin", Flagged: true, Suspect: []string{"Sem"}}, at)
	mustApply(t, d, "Bram", DuoOp{Kind: OpObserve, ID: vid, Text: "rustige start"}, at)
	v, _ := d.Visit(vid)
	flagged, plain := v.Observations[0], v.Observations[1]
	if got := d.MaskedObservation(flagged, "[naam]"); got != "[naam] zat achterin" {
		t.Fatalf("masked: %q", got)
	}
	if err := d.Apply("Anna", DuoOp{Kind: OpEditObservation, ID: vid, Sub: plain.ID, Text: "x", Seen: 1}, at); !errors.Is(err, ErrNotYours) {
		t.Fatalf("Anna edited Bram's clean note: %v", err)
	}
	mustApply(t, d, "Anna", DuoOp{Kind: OpDeleteObservation, ID: vid, Sub: flagged.ID}, at) // a flagged one anyone fixes
	mustApply(t, d, "Bram", DuoOp{Kind: OpTalk, ID: vid, Talk: Talk{Designer: "a", Saw: "b"}}, at)
	if d.Expire(0, at.AddDate(0, 0, DefaultRetentionDays-1)) {
		t.Fatal("expired before the retention period")
	}
	if !d.Expire(0, at.AddDate(0, 0, DefaultRetentionDays)) {
		t.Fatal("not expired after the retention period")
	}
	v, _ = d.Visit(vid)
	if len(v.Observations) != 0 || !v.Talk.Done() {
		t.Fatalf("after retention: %+v", v)
	}
}

func TestRemindersAndPlanning(t *testing.T) {
	d, _, vid := planned(t)
	v, _ := d.Visit(vid)
	if len(d.Reminders("Bram", v.At.AddDate(0, 0, -2))) != 0 {
		t.Fatal("reminded two days before")
	}
	for _, who := range []string{"Bram", "anna"} {
		if len(d.Reminders(who, v.At.AddDate(0, 0, -1))) != 1 {
			t.Fatalf("%s not reminded the day before", who)
		}
	}
	p := d.Planned()
	if len(p) != 1 || p[0].UID != v.UID(d.ID) || !p[0].Start.Equal(v.At) || p[0].Minutes != DefaultVisitMinutes {
		t.Fatalf("planned: %+v", p)
	}
}

func TestPeriodStart(t *testing.T) {
	for in, want := range map[string]string{"2026-11-02": "2026-08-01", "2027-01-31": "2026-08-01", "2027-02-01": "2027-02-01", "2027-07-31": "2027-02-01"} {
		d, _ := time.Parse("2006-01-02", in)
		if got := PeriodStart(d).Format("2006-01-02"); got != want {
			t.Errorf("PeriodStart(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestStaleEditAfterReviseRefused: an edit begun on version 1 does not land
// on version 2 made meanwhile (found by TestModelDuo: both versions were
// at edit 1).
func TestStaleEditAfterReviseRefused(t *testing.T) {
	d := testDuo(t)
	mustApply(t, d, "Anna", DuoOp{Kind: OpAddDesign, Design: testDesign()}, duoNow)
	id := d.Designs[0].ID
	mustApply(t, d, "Bram", DuoOp{Kind: OpReviseDesign, ID: id, Design: testDesign(), Seen: 1}, duoNow)
	var c *ConflictError
	if err := d.Apply("Anna", DuoOp{Kind: OpEditDesign, ID: id, Design: testDesign(), Seen: 1}, duoNow); !errors.As(err, &c) {
		t.Fatalf("an edit of version 1 went onto version 2: %v", err)
	}
}
