package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	"github.com/verbeterbord/bord/store/storetest/storefix"
)

// arenaDB makes a database on clk with one team, board and arena dated
// today, with one question and Bram's note per text. It returns the open
// store (s.Path() is the file).
func arenaDB(t *testing.T, clk *storetest.Clock, notes ...string) (*store.Store, uint64, board.Arena) {
	t.Helper()
	s := storefix.Open(t, store.Options{Now: clk.Now})
	info := storefix.TeamBoard(t, s, "Anna", "Groep 7", "Bovenbouw", "Anna", "Bram")
	return s, info.ID, storefix.Arena(t, s, info.ID, clk.Now(), "Anna", "Bram", notes...)
}

// deletedNoteDB is an open store whose arena had a note with
// text, deleted since: the text lingers in freed pages.
func deletedNoteDB(t *testing.T, text string) *store.Store {
	t.Helper()
	s, bid, a := arenaDB(t, storetest.NewClock(fixed), text)
	if _, err := s.ChangeArena("Bram", bid, a.ID, board.ArenaOp{Kind: board.OpDeleteNote, ID: a.Notes[0].ID}); err != nil {
		t.Fatal(err)
	}
	return s
}

// bord compact takes a deleted note's text out of the file.
func TestCompactCommand(t *testing.T) {
	const token = "Vrotkaj-2718-weg"
	s := deletedNoteDB(t, "Kiki zegt "+token)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !storetest.FileHolds(t, path, token) {
		t.Fatal("the deleted text is not in the file before compacting; the test proves nothing")
	}
	out, _, err := run(t, "--db", path, "--lang", "en", "compact")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "deleted text is no longer in the file") {
		t.Errorf("output: %q", out)
	}
	if storetest.FileHolds(t, path, token) {
		t.Fatal("bord compact left the deleted text in the file")
	}
}

// json keeps the raw notes (a backup); --without-notes leaves them out and
// keeps the rest, and the copy imports.
func TestExportWithoutNotes(t *testing.T) {
	const token = "Mirelto-3141-notitie"
	s, _, _ := arenaDB(t, storetest.NewClock(fixed), "Jip wil "+token)
	path := s.Path()
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
	if !strings.Contains(bare, storefix.Question) || !strings.Contains(bare, "notes_deleted") {
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
	const token = "Oudnotq-1618-verlopen"
	long := storetest.NewClock(fixed.AddDate(-6, 0, 0)) // far past any retention
	s, _, _ := arenaDB(t, long, "Aylin zegt "+token)
	path := s.Path()
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
	if storetest.FileHolds(t, path, token) {
		t.Fatal("a note past retention is still in the file's bytes")
	}
}

// A local bord compacts as it ends when notes were deleted in the session.
func TestLocalCloseCompacts(t *testing.T) {
	const token = "Lokaalq-4242-weg"
	s := deletedNoteDB(t, "Ayoub zegt "+token)
	path := s.Path()
	if err := closeLocal(s); err != nil {
		t.Fatal(err)
	}
	if storetest.FileHolds(t, path, token) {
		t.Fatal("the deleted note is still in the file after a local bord ended")
	}
}
