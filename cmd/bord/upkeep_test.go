package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store/storetest"
)

// While serving: the hourly round deletes notes past retention and
// compacts; a deleted note leaves the file at the next compact tick.
func TestServeUpkeep(t *testing.T) {
	clk := storetest.NewClock(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
	const old, deleted = "Hourlyq-5772-bewaartermijn", "Minutex-6931-verwijderd"
	s, bid, a0 := arenaDB(t, clk, "Noor zegt "+old)
	path, aid, q := s.Path(), a0.ID, a0.Questions[0].ID
	hourly, minutely := make(chan time.Time), make(chan time.Time)
	ran := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		upkeep{s: s, log: slog.New(slog.NewTextHandler(io.Discard, nil)), retention: hourly, compact: minutely,
			ran: func() { ran <- struct{}{} }}.run(ctx)
	}()
	defer func() { cancel(); <-done }()
	<-ran // the round at start: nothing has expired
	if !storetest.FileHolds(t, path, old) {
		t.Fatal("the round at start deleted a note within retention")
	}

	clk.PastRetention()
	hourly <- clk.Now()
	<-ran
	b, err := s.Board(bid)
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := b.Arena(aid); len(a.Notes) != 0 {
		t.Fatalf("the hourly round kept %d notes past retention", len(a.Notes))
	}
	if storetest.FileHolds(t, path, old) {
		t.Fatal("the hourly round left the expired note in the file")
	}

	// A session deletes a note; the next compact tick takes it out.
	a, err := s.ChangeArena("Bram", bid, aid, board.ArenaOp{Kind: board.OpAddNote, Question: q, Text: "Jip zegt " + deleted})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChangeArena("Bram", bid, aid, board.ArenaOp{Kind: board.OpDeleteNote, ID: a.Notes[0].ID}); err != nil {
		t.Fatal(err)
	}
	minutely <- clk.Now()
	<-ran
	if storetest.FileHolds(t, path, deleted) {
		t.Fatal("the compact tick left the deleted note in the file")
	}
	// and the store works on
	if _, err := s.ChangeArena("Bram", bid, aid, board.ArenaOp{Kind: board.OpAddNote, Question: q, Text: "daarna"}); err != nil {
		t.Fatal(err)
	}
}

// Backups hold deleted notes: serve removes its backups older than the
// shortest retention period, always keeping the newest, and nothing else.
func TestPruneOldBackups(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	var names []string
	for _, age := range []int{40, 20, 9, 6, 3, 1, 0} { // days old
		name := filepath.Join(dir, "bord-backup-"+now.AddDate(0, 0, -age).Format(backupLayout)+".db")
		if err := os.WriteFile(name, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	other := filepath.Join(dir, "bord-20200101-000000.db") // not bord serve's name: left alone
	if err := os.WriteFile(other, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	backups := func() []string {
		left, _ := filepath.Glob(filepath.Join(dir, "bord-backup-*.db"))
		return left
	}
	pruneOldBackups(dir, 7*24*time.Hour, now, filepath.Join(t.TempDir(), "bord.db"), log)
	if want := names[3:]; !slices.Equal(backups(), want) {
		t.Errorf("left %v, want %v", backups(), want)
	}
	// Even past its age the newest backup stays: it is the only one.
	pruneOldBackups(dir, 7*24*time.Hour, now.AddDate(1, 0, 0), filepath.Join(t.TempDir(), "bord.db"), log)
	if want := names[6:]; !slices.Equal(backups(), want) {
		t.Errorf("a year later: left %v, want %v", backups(), want)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file bord did not write was removed: %v", err)
	}
}
