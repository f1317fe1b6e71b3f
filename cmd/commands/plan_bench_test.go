package commands_test

import (
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/cmd/commands"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest/storefix"
	"github.com/verbeterbord/bord/tui/i18n"
)

// planStore is a file with one board carrying the benchmark plan:
// 10 speerpunten × 8 goals × 60 measurements (every six days of 2026).
func planStore(tb testing.TB) *store.Store {
	tb.Helper()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	s := storefix.Open(tb, store.Options{Now: func() time.Time { return now }})
	info := storefix.TeamBoard(tb, s, "Anna", "Kernteam", "Plan", "Anna", "Bram")
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var rows []store.MeasurementRow
	for i := range 10 {
		sp, err := s.AddSpeerpunt("Anna", board.Speerpunt{Title: fmt.Sprintf("Speerpunt %d", i+1), FromYear: 2025, ToYear: 2030})
		if err != nil {
			tb.Fatal(err)
		}
		for j := range 8 {
			g, err := s.Add("Anna", info.ID, &board.Goal{Title: fmt.Sprintf("Doel %d.%d", i+1, j+1), ByWhen: start.AddDate(1, 0, 0), SpeerpuntID: sp.ID, Owner: "Bram",
				Indicator: &board.Indicator{Unit: "leerlingen", Baseline: 40, BaselineDate: start, Target: 20, TargetDate: start.AddDate(1, 0, 0), Cadence: board.CadenceMonthly}})
			if err != nil {
				tb.Fatal(err)
			}
			for k := range 60 {
				rows = append(rows, store.MeasurementRow{GoalID: g.Base().ID, Measurement: board.Measurement{Date: start.AddDate(0, 0, 6*k), Value: 40 - float64(k)/3, Note: "telling"}})
			}
		}
	}
	if _, err := s.ImportMeasurements("Anna", info.ID, rows); err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkExportPlan is `export --what plan` as the CLI and SSH run it,
// on a warm snapshot (the store keeps the board's snapshot until it
// changes). Target: ≤ 50 ms (docs/performance.md).
func BenchmarkExportPlan(b *testing.B) {
	s := planStore(b)
	env := &commands.Env{View: commands.Whole(s), Who: commands.Identity{Name: "Anna", Known: true}, Msg: i18n.For(i18n.NL),
		Now: func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) }}
	// The machine is shared: besides wall time per op, the process's own
	// CPU time per op, which other load does not inflate.
	cpu := func() time.Duration {
		var ru syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start := cpu()
	for b.Loop() {
		if err := commands.Run(env, []string{"export", "--what", "plan"}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpu()-start)/float64(b.N), "cpu-ns/op")
}

// The benchmark's plan is what it claims: every goal and measurement is in
// the account.
func TestExportPlanOfTheBenchmark(t *testing.T) {
	s := planStore(t)
	env := &commands.Env{View: commands.Whole(s), Who: commands.Identity{Name: "Anna", Known: true}, Msg: i18n.For(i18n.NL),
		Now: func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) }}
	var out strings.Builder
	if err := commands.Run(env, []string{"export", "--what", "plan", "--year", "2026"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n| 2026-"); n != 10*8*60 {
		t.Errorf("%d measurement rows, want %d", n, 10*8*60)
	}
	if n := strings.Count(out.String(), "\n## Speerpunt "); n != 10 {
		t.Errorf("%d speerpunten, want 10", n)
	}
}
