package store_test

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	"github.com/verbeterbord/bord/store/storetest/storefix"
)

// arenaWithNotes makes an arena with one question on the fixture's
// board, and Bram's notes under it; a is the arena after the last note.
func arenaWithNotes(t *testing.T, f *fixture, notes ...string) (arenaID, questionID uint64, a board.Arena) {
	t.Helper()
	a = storefix.Arena(t, f.s, f.board.ID, f.clk.Day(0), "Anna", "Bram", notes...)
	return a.ID, a.Questions[0].ID, a
}

// compactedAway compacts f's file after what deleted token, and fails
// unless that rewrote the file without it (left says what stayed).
func compactedAway(t *testing.T, f *fixture, token, what, left string) {
	t.Helper()
	if did, err := f.s.CompactIfErased(); err != nil || !did {
		t.Fatalf("CompactIfErased after %s = %v, %v; want true", what, did, err)
	}
	if storetest.FileHolds(t, f.path, token) {
		t.Fatal(left)
	}
}

// A deleted note's text is gone from the database file's bytes after the
// compaction, not only from its index.
func TestCompactErasesDeletedNote(t *testing.T) {
	f := newFixture(t)
	const token = "Zyxwvqk-4711-uniek"
	aid, q, a := arenaWithNotes(t, f, "Jip zegt "+token)
	if !storetest.FileHolds(t, f.path, token) {
		t.Fatal("the note is not in the file at all; the test proves nothing")
	}
	if did, err := f.s.CompactIfErased(); err != nil || did {
		t.Fatalf("CompactIfErased before any deletion = %v, %v; want false", did, err)
	}
	if _, err := f.s.ChangeArena("Bram", f.board.ID, aid, board.ArenaOp{Kind: board.OpDeleteNote, ID: a.Notes[0].ID}); err != nil {
		t.Fatal(err)
	}
	if !storetest.FileHolds(t, f.path, token) {
		t.Log("bbolt wiped the freed page itself; compaction is still required by design")
	}
	compactedAway(t, f, token, "a deletion", "the deleted note's text is still in the database file")
	// The store goes on, on the new file, and the file opens again.
	if _, err := f.s.ChangeArena("Bram", f.board.ID, aid, board.ArenaOp{Kind: board.OpAddNote, Question: q, Text: "na het compacteren"}); err != nil {
		t.Fatal(err)
	}
	f.reopen(t)
	b := f.snap(t)
	got, _ := b.Arena(aid)
	if len(got.Notes) != 1 || got.Notes[0].Text != "na het compacteren" {
		t.Fatalf("notes after reopen: %+v", got.Notes)
	}
}

// A rephrased note leaves its old wording in freed pages too.
func TestCompactErasesRephrasedNote(t *testing.T) {
	f := newFixture(t)
	const token = "Qorvex-0815-oud"
	aid, _, a := arenaWithNotes(t, f, token+" wil meer tijd")
	if _, err := f.s.ChangeArena("Bram", f.board.ID, aid, board.ArenaOp{Kind: board.OpEditNote, ID: a.Notes[0].ID, Text: "een leerling wil meer tijd"}); err != nil {
		t.Fatal(err)
	}
	compactedAway(t, f, token, "a rephrase", "the old wording is still in the database file")
}

// Writers keep writing while the file is compacted again and again: every
// acknowledged write is in the file afterwards, and none fails.
func TestCompactWithConcurrentWriters(t *testing.T) {
	f := newFixture(t)
	aid, q, _ := arenaWithNotes(t, f)
	var acked atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				_, err := f.s.ChangeArena("Bram", f.board.ID, aid, board.ArenaOp{Kind: board.OpAddNote, Question: q, Text: fmt.Sprintf("schrijver %d notitie %d", w, i)})
				if err != nil {
					t.Errorf("write during compaction: %v", err)
					return
				}
				acked.Add(1)
			}
		}()
	}
	// Compact only while writes go on: wait for some before each round.
	for round := range 5 {
		for acked.Load() < int64(10*(round+1)) {
			if _, err := f.s.Board(f.board.ID); err != nil { // a reader too
				t.Fatal(err)
			}
		}
		if err := f.s.Compact(); err != nil {
			t.Fatalf("Compact round %d: %v", round, err)
		}
	}
	close(stop)
	wg.Wait()
	f.reopen(t)
	b := f.snap(t)
	got, _ := b.Arena(aid)
	if int64(len(got.Notes)) != acked.Load() {
		t.Fatalf("%d notes in the file, %d acknowledged", len(got.Notes), acked.Load())
	}
}

// Retention deletes text too: it marks the file for compaction.
func TestRetentionMarksForCompaction(t *testing.T) {
	f := newFixture(t)
	const token = "Plurvak-1234-bewaar"
	arenaWithNotes(t, f, token)
	f.clk.PastRetention()
	if n, err := f.s.ApplyRetention(); err != nil || n != 1 {
		t.Fatalf("ApplyRetention = %d, %v; want 1", n, err)
	}
	compactedAway(t, f, token, "retention", "a note past retention is still in the database file")
}

// A store opened read-only never rewrites its file.
func TestCompactRefusesReadOnly(t *testing.T) {
	f := newFixture(t)
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(f.path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Compact(); err == nil {
		t.Fatal("Compact on a read-only store succeeded")
	}
	after, _ := os.ReadFile(f.path)
	if !bytes.Equal(before, after) {
		t.Fatal("Compact changed a file opened read-only")
	}
}

// Deleting a question deletes its notes: they leave the file too.
func TestCompactErasesNotesOfDeletedQuestion(t *testing.T) {
	f := newFixture(t)
	const token = "Vraagweg-9090-notitie"
	aid, q, _ := arenaWithNotes(t, f, token)
	if _, err := f.s.ChangeArena("Anna", f.board.ID, aid, board.ArenaOp{Kind: board.OpDeleteQuestion, ID: q}); err != nil {
		t.Fatal(err)
	}
	compactedAway(t, f, token, "deleting a question", "a note of a deleted question is still in the database file")
}
