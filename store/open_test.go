package store_test

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	bolt "go.etcd.io/bbolt"
)

func hashOf(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// demoFile is a closed file holding the demo board.
func demoFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bord.db")
	s := open(t, path, newClock())
	if _, err := s.CreateDemo("Marieke"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// Opening a current file writes nothing: the migration used to commit on
// every open, before anything was checked.
func TestOpenWritesNothingToACurrentFile(t *testing.T) {
	path := demoFile(t)
	before := hashOf(t, path)
	for _, opt := range []store.Options{{}, {NoCreate: true}, {ReadOnly: true}} {
		s, err := store.Open(path, opt)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Teams(); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if hashOf(t, path) != before {
			t.Fatalf("Open(%+v) changed the file", opt)
		}
	}
}

// A read-only open of an older file does not migrate it, and refuses writes.
func TestReadOnlyOpenNeverChangesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "oud.db")
	writeSchema1(t, path, 0)
	before := hashOf(t, path)
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if b, err := s.Board(1); err != nil || len(b.Actions) != schema1Actions {
		t.Errorf("read-only board: %v", err)
	}
	if _, err := s.CreateTeam("Anna", "Nieuw"); err == nil {
		t.Error("a read-only store accepted a change")
	}
	s.Close()
	if hashOf(t, path) != before {
		t.Fatal("a read-only open changed the file")
	}
	if _, err := os.Stat(path + ".holder"); err == nil {
		t.Error("a read-only open wrote a holder file")
	}
}

// A missing file is created only when the caller allows it.
func TestOpenMissingFile(t *testing.T) {
	dir := t.TempDir()
	for _, opt := range []store.Options{{NoCreate: true}, {ReadOnly: true}} {
		path := filepath.Join(dir, "typo.bd")
		if _, err := store.Open(path, opt); !errors.Is(err, store.ErrNoDatabase) {
			t.Errorf("Open(%+v) of a missing file: %v", opt, err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("Open(%+v) created the file", opt)
		}
	}
	s, err := store.Open(filepath.Join(dir, "new.db"), store.Options{})
	if err != nil || !s.Created() {
		t.Fatalf("a new file: %v, created %v", err, s != nil && s.Created())
	}
	s.Close()
	if s, err = store.Open(filepath.Join(dir, "new.db"), store.Options{}); err != nil || s.Created() {
		t.Fatalf("reopen: %v", err)
	}
	s.Close()
}

// Damaged, empty, foreign and newer files are refused with an error that
// says which, before a byte changes, and never with a panic.
func TestOpenRefusesBadFilesUnchanged(t *testing.T) {
	dir := t.TempDir()
	truncated := demoFile(t)
	if err := os.Truncate(truncated, 3*4096); err != nil {
		t.Fatal(err)
	}
	garbage := demoFile(t)
	data, _ := os.ReadFile(garbage)
	for i := 3 * 4096; i < len(data); i++ { // keep the meta pages, ruin the rest
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(garbage, data, 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("dit is geen database\n"), 0o600)
	foreign := filepath.Join(dir, "foreign.db")
	newer := filepath.Join(dir, "newer.db")
	for path, fill := range map[string]func(*bolt.Tx) error{
		foreign: func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("settings")); return err },
		newer: func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("meta"))
			if err != nil {
				return err
			}
			return b.Put([]byte("schema"), be(store.SchemaVersion+1))
		},
	} {
		storetest.Update(t, path, fill)
	}
	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"truncated", truncated, store.ErrCorrupt},
		{"garbage", garbage, store.ErrCorrupt},
		{"empty", empty, store.ErrCorrupt},
		{"text", text, store.ErrCorrupt},
		{"foreign", foreign, store.ErrNotBord},
		{"newer", newer, store.ErrNewerSchema},
	} {
		before := hashOf(t, tc.path)
		for _, opt := range []store.Options{{}, {ReadOnly: true}} {
			s, err := store.Open(tc.path, opt)
			if !errors.Is(err, tc.want) {
				t.Errorf("%s, %+v: %v, want %v", tc.name, opt, err, tc.want)
			}
			if s != nil {
				s.Close()
			}
		}
		if err := store.CheckFile(tc.path); !errors.Is(err, tc.want) {
			t.Errorf("%s: CheckFile: %v", tc.name, err)
		}
		if hashOf(t, tc.path) != before {
			t.Errorf("%s: the file changed", tc.name)
		}
	}
}
