package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// reportLatency adds the median and 99th percentile of the recorded
// durations to the benchmark's output. The mean (ns/op) hides the fsync
// outliers a user notices as a stutter; the tail shows them.
func reportLatency(b *testing.B, durs []time.Duration) {
	if len(durs) == 0 {
		return
	}
	slices.Sort(durs)
	at := func(p float64) float64 {
		return float64(durs[min(len(durs)-1, int(float64(len(durs))*p))].Nanoseconds())
	}
	b.ReportMetric(at(0.50), "p50-ns/op")
	b.ReportMetric(at(0.99), "p99-ns/op")
}

// BenchmarkUpdate is the latency of one edit as a user waits for it: a
// versioned update of one action, committed with fsync on, on a real file.
func BenchmarkUpdate(b *testing.B) {
	f := newFixture(b)
	a := f.add(b, "Anna", f.action("Rooster maken", "Bram", 7)).(*board.Action)
	var durs []time.Duration
	for i := 0; b.Loop(); i++ {
		a.What = fmt.Sprintf("Rooster maken, versie %d", i)
		start := time.Now()
		saved, err := f.s.Update("Anna", f.board.ID, a)
		durs = append(durs, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		a = saved.(*board.Action) // carries the new version for the next edit
	}
	reportLatency(b, durs)
}

// BenchmarkAdd is the latency of adding a card, fsync on.
func BenchmarkAdd(b *testing.B) {
	f := newFixture(b)
	var durs []time.Duration
	for i := 0; b.Loop(); i++ {
		it := &board.Parking{Text: fmt.Sprintf("Onderwerp %d", i)}
		start := time.Now()
		_, err := f.s.Add("Anna", f.board.ID, it)
		durs = append(durs, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
	}
	reportLatency(b, durs)
}

// BenchmarkSnapshot is the cost of rebuilding a full board's snapshot after
// a change: what the first session to re-render pays (the others share the
// result). The board is large for a team: 40 goals and 400 actions. The
// change itself is not timed.
func BenchmarkSnapshot(b *testing.B) {
	f := newFixture(b)
	var goals []uint64
	for i := range 40 {
		g := f.add(b, "Anna", &board.Goal{Title: fmt.Sprintf("Doel %d", i), ByWhen: f.clk.Day(42),
			Measure: "Iets meetbaars per week", Indicator: &board.Indicator{Unit: "punten", Baseline: 10, Target: 20,
				Measurements: []board.Measurement{{Date: f.clk.Day(0), Value: 11}, {Date: f.clk.Day(1), Value: 12}}}})
		goals = append(goals, g.Base().ID)
	}
	who := []string{"Anna", "Bram", "Chris"}
	for i := range 400 {
		a := f.action(fmt.Sprintf("Actie %d voor het verbeterbord van deze periode", i), who[i%3], 1+i%30)
		a.GoalID = goals[i%40]
		f.add(b, "Anna", a)
	}
	edit := clone(&f.snap(b).Actions[0]).(*board.Action)

	b.Run("rebuild", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			edit.What = fmt.Sprintf("Actie bijgewerkt %d", i)
			saved, err := f.s.Update("Anna", f.board.ID, edit)
			if err != nil {
				b.Fatal(err)
			}
			edit = saved.(*board.Action)
			b.StartTimer()
			snap, err := f.s.Board(f.board.ID)
			if err != nil || len(snap.Actions) != 400 {
				b.Fatalf("Board: %d actions, %v", len(snap.Actions), err)
			}
		}
	})
	// For contrast: every other session reading the same version.
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := f.s.Board(f.board.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}
