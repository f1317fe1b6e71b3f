package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	bolt "go.etcd.io/bbolt"
)

// planFixture is the fixture with a speerpunt for 2026–2030 and a goal
// under it: 40 → 20 thuiszitters over 2026.
type planFixture struct {
	*fixture
	sp   board.Speerpunt
	goal *board.Goal
}

func newPlanFixture(t *testing.T) *planFixture {
	t.Helper()
	f := &planFixture{fixture: newFixture(t)}
	f.sp = must[board.Speerpunt](t)(f.s.AddSpeerpunt("Anna", board.Speerpunt{Title: "Thuiszitters", FromYear: 2026, ToYear: 2030, Owner: "Anna"}))
	f.goal = f.add(t, "Anna", &board.Goal{Title: "Thuiszitters 40 → 20", ByWhen: f.clk.Day(300), SpeerpuntID: f.sp.ID,
		Indicator: &board.Indicator{Unit: "leerlingen", Baseline: 40, BaselineDate: f.clk.Day(-1), Target: 20, TargetDate: f.clk.Day(300)}}).(*board.Goal)
	return f
}

func TestSpeerpuntEdits(t *testing.T) {
	f := newPlanFixture(t)
	if f.sp.ID == 0 || f.sp.Version != 1 || f.sp.CreatedBy != "Anna" {
		t.Fatalf("added speerpunt: %+v", f.sp.Meta)
	}
	if _, err := f.s.AddSpeerpunt("Zoë", board.Speerpunt{Title: "x", FromYear: 2026, ToYear: 2027}); err == nil {
		t.Error("someone in no team added a speerpunt")
	}
	if _, err := f.s.AddSpeerpunt("Anna", board.Speerpunt{Title: "x", FromYear: 2030, ToYear: 2026}); err == nil {
		t.Error("a period that ends before it starts was accepted")
	}
	sub := f.s.Subscribe(f.board.ID)
	defer sub.Close()
	before := f.snap(t).Version
	mine, theirs := f.sp, f.sp
	theirs.Description = "Geen kind thuis"
	theirs = must[board.Speerpunt](t)(f.s.UpdateSpeerpunt("Bram", theirs))
	mine.Title = "Thuiszitters terug naar school"
	_, err := f.s.UpdateSpeerpunt("Anna", mine)
	var ce *store.ConflictError
	if !errors.As(err, &ce) || ce.By != "Bram" || ce.Current.(*board.Speerpunt).Description != "Geen kind thuis" {
		t.Fatalf("stale edit: %v; want a conflict naming Bram with his text", err)
	}
	b := f.snap(t)
	if sp, ok := b.Speerpunt(f.sp.ID); !ok || sp.Description != "Geen kind thuis" || sp.Version != 2 || b.Version != before+1 {
		t.Errorf("the board's snapshot: %+v, version %d (was %d)", sp, b.Version, before)
	}
	select {
	case v := <-sub.C:
		if v != b.Version {
			t.Errorf("notice of version %d, want %d", v, b.Version)
		}
	default:
		t.Error("a speerpunt edit did not tell the board's screens")
	}
	f.reopen(t)
	if sps := must[[]board.Speerpunt](t)(f.s.Speerpunten()); len(sps) != 1 || sps[0].Title != "Thuiszitters" {
		t.Errorf("after reopen: %+v", sps)
	}
}

func TestDeleteSpeerpuntKeepsGoals(t *testing.T) {
	f := newPlanFixture(t)
	if goals, boards, err := f.s.SpeerpuntUse(f.sp.ID); err != nil || goals != 1 || boards != 1 {
		t.Errorf("SpeerpuntUse = %d goals on %d boards, %v; want 1 on 1", goals, boards, err)
	}
	if err := f.s.DeleteSpeerpunt("Anna", f.sp.ID, f.sp.Version+1); !errors.Is(err, board.ErrConflict) {
		t.Errorf("delete of a version not seen: %v", err)
	}
	if err := f.s.DeleteSpeerpunt("Anna", f.sp.ID, f.sp.Version); err != nil {
		t.Fatal(err)
	}
	g, ok := f.snap(t).Goal(f.goal.ID)
	if !ok || g.SpeerpuntID != 0 || g.Version != f.goal.Version+1 || g.Title != f.goal.Title {
		t.Errorf("the goal after its speerpunt was deleted: %+v (ok %v)", g, ok)
	}
	if len(f.snap(t).Speerpunten) != 0 {
		t.Error("the speerpunt is still on the board")
	}
	if got := must[[]board.Speerpunt](t)(f.s.Speerpunten()); len(got) != 0 {
		t.Errorf("still there: %+v", got)
	}
	// A new link to the deleted speerpunt is refused; an edit of a goal
	// that had it (here: put back by hand) drops it.
	_, err := f.s.Add("Anna", f.board.ID, &board.Goal{Title: "Nieuw", ByWhen: f.clk.Day(30), SpeerpuntID: f.sp.ID})
	if v, ok := board.AsValidation(err); !ok || v.Field != "speerpunt" {
		t.Errorf("a goal under a deleted speerpunt: %v", err)
	}
}

// must returns what a store call made, or fails the test.
func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func TestAddMeasurementChecks(t *testing.T) {
	f := newPlanFixture(t)
	for name, m := range map[string]board.Measurement{
		"NaN":             {Date: f.clk.Day(0), Value: math.NaN()},
		"Inf":             {Date: f.clk.Day(0), Value: math.Inf(-1)},
		"no date":         {Value: 3},
		"not in the team": {Date: f.clk.Day(0), Value: 3, Who: "Zoë"},
	} {
		if _, err := f.s.AddMeasurement("Anna", f.board.ID, f.goal.ID, m); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	_, err := f.s.AddMeasurement("Anna", f.board.ID, f.goal.ID, board.Measurement{Date: day(2031, 1, 5), Value: 3})
	var pe *board.OutsidePeriodError
	if !errors.As(err, &pe) || pe.FromYear != 2026 || pe.ToYear != 2030 {
		t.Errorf("a date after the plan period: %v", err)
	}
	g := must[board.Goal](t)(f.s.AddMeasurement("anna", f.board.ID, f.goal.ID, board.Measurement{Date: f.clk.Day(0), Value: 38, Note: "telling\x1b[2J"}))
	g = must[board.Goal](t)(f.s.AddMeasurement("Anna", f.board.ID, f.goal.ID, board.Measurement{Date: f.clk.Day(1), Value: 37, Who: "bram"}))
	ms := g.Indicator.Measurements
	if len(ms) != 2 || ms[0].Who != "Anna" || ms[1].Who != "Bram" || ms[0].Note != "telling[2J" && ms[0].Note != "telling" {
		t.Errorf("measurements: %+v", ms)
	}
	if len(f.snap(t).Goals[0].Indicator.Measurements) != 2 {
		t.Error("the snapshot lacks the measurements")
	}
}

func TestImportMeasurementsAllOrNothing(t *testing.T) {
	f := newPlanFixture(t)
	before := f.snap(t).Version
	row := func(line int, goal uint64, v float64) store.MeasurementRow {
		return store.MeasurementRow{Line: line, GoalID: goal, Measurement: board.Measurement{Date: f.clk.Day(line), Value: v}}
	}
	rows := []store.MeasurementRow{row(2, f.goal.ID, 39), row(3, f.goal.ID, math.NaN()), row(4, f.goal.ID, 37), row(5, 999, 3)}
	_, err := f.s.ImportMeasurements("Anna", f.board.ID, rows)
	var ie *store.ImportError
	if !errors.As(err, &ie) || len(ie.Rows) != 2 || ie.Rows[0].Line != 3 || ie.Rows[1].Line != 5 || !errors.Is(ie.Rows[1].Err, board.ErrNotFound) {
		t.Fatalf("two bad rows: %v", err)
	}
	b := f.snap(t)
	if b.Version != before || len(b.Goals[0].Indicator.Measurements) != 0 {
		t.Fatalf("a refused import wrote: version %d (was %d), %d measurements", b.Version, before, len(b.Goals[0].Indicator.Measurements))
	}
	n, err := f.s.ImportMeasurements("Anna", f.board.ID, []store.MeasurementRow{row(2, f.goal.ID, 39), row(3, f.goal.ID, 38), row(4, f.goal.ID, 37)})
	if err != nil || n != 3 {
		t.Fatalf("import: %d, %v", n, err)
	}
	g, _ := f.snap(t).Goal(f.goal.ID)
	if len(g.Indicator.Measurements) != 3 || g.Version != f.goal.Version+1 {
		t.Errorf("after import: %d measurements, version %d (one write per goal)", len(g.Indicator.Measurements), g.Version)
	}
}

func TestChangeGoal(t *testing.T) {
	f := newPlanFixture(t)
	adjust := board.GoalOp{Kind: board.GoalAdjust, GoalID: f.goal.ID, Seen: f.goal.Version, Target: 25, TargetDate: f.clk.Day(400), Reason: "Meer aanmeldingen dan verwacht"}
	g := must[board.Goal](t)(f.s.ChangeGoal("Bram", f.board.ID, adjust))
	if g.Status != board.GoalAdjusted || g.Indicator.Target != 25 || len(g.History) != 1 || g.History[0].Target.OldValue != 20 || g.History[0].By != "Bram" {
		t.Errorf("adjusted goal: %+v", g)
	}
	if _, err := f.s.ChangeGoal("Anna", f.board.ID, adjust); !errors.Is(err, board.ErrConflict) {
		t.Errorf("the same adjustment at the old version: %v", err)
	}
	far := board.GoalOp{Kind: board.GoalAdjust, GoalID: f.goal.ID, Seen: g.Version, Target: 25, TargetDate: day(2032, 1, 1), Reason: "later"}
	var pe *board.OutsidePeriodError
	if _, err := f.s.ChangeGoal("Anna", f.board.ID, far); !errors.As(err, &pe) {
		t.Errorf("a target date after the plan period: %v", err)
	}
	stop := board.GoalOp{Kind: board.GoalSetStatus, GoalID: f.goal.ID, Seen: g.Version, Status: board.GoalStopped}
	if _, err := f.s.ChangeGoal("Anna", f.board.ID, stop); err == nil {
		t.Error("stopped without a reason")
	}
	stop.Reason = "Opgegaan in een ander doel"
	g = must[board.Goal](t)(f.s.ChangeGoal("Anna", f.board.ID, stop))
	recs := must[[]store.Record](t)(f.s.Audit(f.board.ID, 0))
	last := recs[len(recs)-1]
	if g.Status != board.GoalStopped || len(g.History) != 2 || last.Op != store.OpGoalChange || last.ItemID != f.goal.ID {
		t.Errorf("stopped goal %s, history %d, last record %+v", g.Status, len(g.History), last)
	}
}

func TestSetPhase(t *testing.T) {
	f := newPlanFixture(t)
	py := must[board.PlanYear](t)(f.s.SetPhase("Anna", f.board.ID, 2026, board.BKANone, board.BKA1))
	py = must[board.PlanYear](t)(f.s.SetPhase("Bram", f.board.ID, 2026, py.Phase, board.BKA2))
	_, err := f.s.SetPhase("Chris", f.board.ID, 2026, board.BKA1, board.BKA3)
	var pc *board.PhaseConflictError
	if !errors.As(err, &pc) || !errors.Is(err, board.ErrConflict) || pc.Current.Phase != board.BKA2 {
		t.Errorf("a phase set from a stale view: %v", err)
	}
	if _, err := f.s.SetPhase("Anna", f.board.ID, 2026, board.BKA2, 4); err == nil {
		t.Error("phase 4 accepted")
	}
	f.reopen(t)
	got := f.snap(t).PlanYear(2026)
	if got.Phase != board.BKA2 || len(got.History) != 2 || got.History[1].By != "Bram" || got.History[1].From != board.BKA1 {
		t.Errorf("plan year after reopen: %+v", got)
	}
}

// TestMigrateGoalDates: an indicator of a schema-3 file had a baseline and
// a target without dates; after Open it has the dates they meant, so the
// goal does not turn "niet meetbaar".
func TestMigrateGoalDates(t *testing.T) {
	f := newFixture(t)
	g := f.add(t, "Anna", &board.Goal{Title: "Lezen", ByWhen: f.clk.Day(42),
		Indicator: &board.Indicator{Unit: "%", Baseline: 60, Target: 80, Measurements: []board.Measurement{{Date: f.clk.Day(-3), Value: 61}}}}).(*board.Goal)
	plain := f.add(t, "Anna", &board.Goal{Title: "Rekenen", ByWhen: f.clk.Day(42)}).(*board.Goal)
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	storetest.Update(t, f.path, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), be(3))
	})
	f.s = open(t, f.path, f.clk)
	if v, _ := f.s.Schema(); v != store.SchemaVersion {
		t.Fatalf("schema %d after Open", v)
	}
	got, _ := f.snap(t).Goal(g.ID)
	in := got.Indicator
	if !in.BaselineDate.Equal(f.clk.Day(-3)) || !in.TargetDate.Equal(g.ByWhen) || len(got.Missing()) != 0 {
		t.Errorf("migrated indicator: nulmeting %s, streefwaarde %s, missing %v", in.BaselineDate, in.TargetDate, got.Missing())
	}
	if p, _ := f.snap(t).Goal(plain.ID); p.Indicator != nil {
		t.Error("a goal without indicator got one")
	}
}

func TestDemoShowsEveryPicture(t *testing.T) {
	s := open(t, t.TempDir()+"/demo.db", newClock())
	info := must[board.Info](t)(s.CreateDemo("Marieke"))
	b := must[*board.Board](t)(s.Board(info.ID))
	var tracks []board.Track
	notMeasurable := 0
	for i := range b.Goals {
		g := &b.Goals[i]
		tracks = append(tracks, g.Track())
		if len(g.Missing()) > 0 {
			notMeasurable++
		}
	}
	if !slices.Equal(tracks, []board.Track{board.TrackOnCourse, board.TrackBehind, board.TrackUnknown}) || notMeasurable != 1 {
		t.Errorf("demo goals: tracks %v, %d not measurable", tracks, notMeasurable)
	}
	if len(b.Speerpunten) != 2 || b.PlanYear(monday.Year()).Phase != board.BKA2 {
		t.Errorf("demo plan: %d speerpunten, phase %d", len(b.Speerpunten), b.PlanYear(monday.Year()).Phase)
	}
	if ws := b.Goals[1].Warnings(monday); len(ws) != 1 || ws[0].Kind != board.WarnMissedMoments {
		t.Errorf("the behind goal's warnings: %+v", ws)
	}
}

// TestPlanExportImport: speerpunten and plan years come across an export
// and import unchanged, and a goal linked to a speerpunt the export lacks
// is refused before anything is written.
func TestPlanExportImport(t *testing.T) {
	f := newPlanFixture(t)
	must[board.Goal](t)(f.s.AddMeasurement("Anna", f.board.ID, f.goal.ID, board.Measurement{Date: f.clk.Day(0), Value: 38}))
	must[board.PlanYear](t)(f.s.SetPhase("Anna", f.board.ID, 2026, board.BKANone, board.BKA1))
	first := export(t, f.s)
	fresh := imported(t, f.clk, first, "Import")
	if second := export(t, fresh); !bytes.Equal(first, second) {
		t.Fatalf("export after import differs: %s", firstDiff(first, second))
	}
	got := must[*board.Board](t)(fresh.Board(f.board.ID))
	if !reflect.DeepEqual(got, f.snap(t)) || len(got.Speerpunten) != 1 || got.PlanYear(2026).Phase != board.BKA1 {
		t.Errorf("imported board differs: %+v", got)
	}
	if sp := must[board.Speerpunt](t)(fresh.AddSpeerpunt("Anna", board.Speerpunt{Title: "Na de import", FromYear: 2026, ToYear: 2027})); sp.ID != f.sp.ID+1 {
		t.Errorf("a speerpunt after the import has id %d, want %d", sp.ID, f.sp.ID+1)
	}
	dangling := editDump(t, first, func(d *store.Dump) { d.Speerpunten = nil })
	err := emptyStore(t, f.clk).Import(bytes.NewReader(dangling))
	var de *store.DumpError
	if !errors.As(err, &de) || !strings.Contains(fmt.Sprint(de.Problems), "speerpunt_id") {
		t.Errorf("an export with a goal under a missing speerpunt: %v", err)
	}
}

// The demo makes its example speerpunten only on a first start: in a file
// with other teams it adds nothing to the network's plan and leaves their
// boards as they were; its goals stand under no speerpunt.
func TestDemoAddsNoSpeerpuntenToARealNetwork(t *testing.T) {
	f := newFixture(t)
	before := f.snap(t).Version
	info := must[board.Info](t)(f.s.CreateDemo("Anna"))
	if b := f.snap(t); len(b.Speerpunten) != 0 || b.Version != before {
		t.Errorf("the older board after the demo: %d speerpunten, version %d (was %d)", len(b.Speerpunten), b.Version, before)
	}
	demo := must[*board.Board](t)(f.s.Board(info.ID))
	for _, g := range demo.Goals {
		if g.SpeerpuntID != 0 {
			t.Errorf("demo goal %q under speerpunt %d", g.Title, g.SpeerpuntID)
		}
	}
}

// Through a member's view, a speerpunt only their own team's goals hang
// under can be deleted (the other case is in TestViewRefusesOtherTeams).
func TestViewDeletesOwnSpeerpunt(t *testing.T) {
	f := newPlanFixture(t)
	v := f.s.For([]uint64{f.team.ID})
	if err := v.DeleteSpeerpunt("Anna", f.sp.ID, f.sp.Version); err != nil {
		t.Fatal(err)
	}
	if g, _ := f.snap(t).Goal(f.goal.ID); g.SpeerpuntID != 0 {
		t.Errorf("the goal is still linked: %d", g.SpeerpuntID)
	}
}

// An edit of the whole goal (the form) that changes its streefwaarde or
// status still leaves the old value in the history.
func TestGoalEditKeepsHistory(t *testing.T) {
	f := newPlanFixture(t)
	g := clone(f.goal).(*board.Goal)
	g.Indicator.Target, g.Status = 18, board.GoalReached
	saved := must[board.Item](t)(f.s.Update("Bram", f.board.ID, g)).(*board.Goal)
	h := saved.History
	if len(h) != 1 || h[0].From != board.GoalActive || h[0].To != board.GoalReached || h[0].By != "Bram" || h[0].Target == nil || h[0].Target.OldValue != 20 || h[0].Target.NewValue != 18 {
		t.Fatalf("history after the edit: %+v", h)
	}
	g = clone(saved).(*board.Goal)
	g.Title = "Thuiszitters 40 → 18"
	if saved = must[board.Item](t)(f.s.Update("Bram", f.board.ID, g)).(*board.Goal); len(saved.History) != 1 {
		t.Errorf("a title edit added history: %+v", saved.History)
	}
}
