package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
)

// arenaDB makes a database with one team, board and arena dated day, with
// one question and one note per text. It returns the open store.
func arenaDB(t *testing.T, path string, clk func() time.Time, day time.Time, notes ...string) (*store.Store, uint64, uint64, board.Arena) {
	t.Helper()
	s, err := store.Open(path, store.Options{Now: clk})
	if err != nil {
		t.Fatal(err)
	}
	team, err := s.CreateTeam("Anna", "Groep 7", "Anna", "Bram")
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.CreateBoard("Anna", team.ID, "Bovenbouw")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateArena("Anna", info.ID, "Uitleg", day, "groep 7", 6, "Anna", []string{"Bram"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = s.ChangeArena("Anna", info.ID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt jou het meest?"}); err != nil {
		t.Fatal(err)
	}
	for _, n := range notes {
		if a, err = s.ChangeArena("Bram", info.ID, a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: n}); err != nil {
			t.Fatal(err)
		}
	}
	return s, info.ID, a.ID, a
}

func fileHolds(t *testing.T, path, token string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(data, []byte(token))
}

// deletedNoteDB is an open store at path whose arena had a note with
// text, deleted since: the text lingers in freed pages.
func deletedNoteDB(t *testing.T, path, text string) *store.Store {
	t.Helper()
	s, bid, aid, a := arenaDB(t, path, time.Now, time.Now(), text)
	if _, err := s.ChangeArena("Bram", bid, aid, board.ArenaOp{Kind: board.OpDeleteNote, ID: a.Notes[0].ID}); err != nil {
		t.Fatal(err)
	}
	return s
}

// bord compact takes a deleted note's text out of the file.
func TestCompactCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bord.db")
	const token = "Vrotkaj-2718-weg"
	s := deletedNoteDB(t, path, "Kiki zegt "+token)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !fileHolds(t, path, token) {
		t.Fatal("the deleted text is not in the file before compacting; the test proves nothing")
	}
	out, _, err := run(t, "--db", path, "--lang", "en", "compact")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "deleted text is no longer in the file") {
		t.Errorf("output: %q", out)
	}
	if fileHolds(t, path, token) {
		t.Fatal("bord compact left the deleted text in the file")
	}
}

// json keeps the raw notes (a backup); --without-notes leaves them out and
// keeps the rest, and the copy imports.
func TestExportWithoutNotes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bord.db")
	const token = "Mirelto-3141-notitie"
	s, _, _, _ := arenaDB(t, path, time.Now, time.Now(), "Jip wil "+token)
	s.Close()
	full, _, err := run(t, "--db", path, "export", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(full, token) {
		t.Fatal("the json export lost the raw notes; it is the backup format")
	}
	bare, _, err := run(t, "--db", path, "export", "--format", "json", "--without-notes")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(bare, token) {
		t.Fatal("--without-notes exported a raw note")
	}
	if !strings.Contains(bare, "Wat helpt jou het meest?") || !strings.Contains(bare, "notes_deleted") {
		t.Errorf("--without-notes lost the questions or does not say the notes were left out:\n%s", bare)
	}
	copyFile := filepath.Join(t.TempDir(), "zonder-notities.json")
	if err := os.WriteFile(copyFile, []byte(bare), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "--db", filepath.Join(t.TempDir(), "nieuw.db"), "import", copyFile); err != nil {
		t.Fatalf("the copy without notes does not import: %v", err)
	}
	if _, _, err := run(t, "--db", path, "--lang", "en", "export", "--without-notes"); err == nil || !strings.Contains(err.Error(), "--format json") {
		t.Errorf("--without-notes with markdown: %v", err)
	}
	help, _, _ := run(t, "export", "--help")
	if !strings.Contains(help, "raw arena notes") || !strings.Contains(help, "--without-notes") {
		t.Errorf("--help does not say json keeps raw notes:\n%s", help)
	}
}

// Opening the database for a change (any command that writes; read-only
// ones such as export change nothing) deletes notes past retention and
// takes them out of the file.
func TestRetentionOnOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bord.db")
	const token = "Oudnotq-1618-verlopen"
	long := time.Date(2020, 1, 6, 10, 0, 0, 0, time.UTC) // far past any retention
	s, _, _, _ := arenaDB(t, path, func() time.Time { return long }, long, "Aylin zegt "+token)
	s.Close()
	if _, _, err := run(t, "--db", path, "invite", "--team", "Groep 7"); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "--db", path, "export", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, token) {
		t.Fatal("a note past retention survived the open")
	}
	if fileHolds(t, path, token) {
		t.Fatal("a note past retention is still in the file's bytes")
	}
}

// While serving: the hourly round deletes notes past retention and
// compacts; a deleted note leaves the file at the next compact tick.
func TestServeUpkeep(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bord.db")
	clk := storetest.NewClock(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
	const old, deleted = "Hourlyq-5772-bewaartermijn", "Minutex-6931-verwijderd"
	s, bid, aid, a0 := arenaDB(t, path, clk.Now, clk.Now(), "Noor zegt "+old)
	defer s.Close()
	q := a0.Questions[0].ID
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
	if !fileHolds(t, path, old) {
		t.Fatal("the round at start deleted a note within retention")
	}

	clk.Add(time.Duration(board.DefaultRetentionDays+1) * 24 * time.Hour)
	hourly <- clk.Now()
	<-ran
	b, err := s.Board(bid)
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := b.Arena(aid); len(a.Notes) != 0 {
		t.Fatalf("the hourly round kept %d notes past retention", len(a.Notes))
	}
	if fileHolds(t, path, old) {
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
	if fileHolds(t, path, deleted) {
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

// A local bord compacts as it ends when notes were deleted in the session.
func TestLocalCloseCompacts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bord.db")
	const token = "Lokaalq-4242-weg"
	s := deletedNoteDB(t, path, "Ayoub zegt "+token)
	if err := closeLocal(s); err != nil {
		t.Fatal(err)
	}
	if fileHolds(t, path, token) {
		t.Fatal("the deleted note is still in the file after a local bord ended")
	}
}
