package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	bolt "go.etcd.io/bbolt"
)

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// TestBackupWhileWriting: a backup taken while a writer keeps going is a
// consistent, checked bord file holding at least everything acknowledged
// before it started, and it leaves no temporary files behind.
func TestBackupWhileWriting(t *testing.T) {
	f := newFixture(t)
	backupDir := filepath.Join(t.TempDir(), "backups", "nightly") // Backup creates it
	backupPath := filepath.Join(backupDir, "bord-backup.db")

	var (
		mu      sync.Mutex
		acked   []string
		started = make(chan struct{})
		stop    = make(chan struct{})
		wg      sync.WaitGroup
	)
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			text := fmt.Sprintf("Actie %04d", i)
			if _, err := f.s.Add("Anna", f.board.ID, f.action(text, "Bram", 1)); err != nil {
				t.Errorf("Add during backup: %v", err)
				return
			}
			mu.Lock()
			acked = append(acked, text)
			n := len(acked)
			mu.Unlock()
			if n == 5 {
				close(started)
			}
		}
	})

	<-started
	var before []string
	// Three backups over the same name: each replaces the last one whole.
	for range 3 {
		mu.Lock()
		before = slices.Clone(acked)
		mu.Unlock()
		if err := f.s.Backup(backupPath); err != nil {
			close(stop)
			wg.Wait()
			t.Fatalf("Backup: %v", err)
		}
	}
	close(stop)
	wg.Wait()

	if got := dirNames(t, backupDir); !slices.Equal(got, []string{"bord-backup.db"}) {
		t.Errorf("backup dir holds %q, want only the backup (no temp files)", got)
	}
	if err := store.CheckFile(backupPath); err != nil {
		t.Fatalf("CheckFile(backup): %v", err)
	}

	bs := open(t, backupPath, f.clk)
	b, err := bs.Board(f.board.ID)
	if err != nil {
		t.Fatalf("board in backup: %v", err)
	}
	texts := actionTexts(b)
	for _, text := range before {
		if !texts[text] {
			t.Errorf("backup lacks %q, acknowledged before the backup began", text)
		}
	}
	// One read transaction: the board version and its items agree (every
	// add bumped the version by exactly one).
	if b.Version != uint64(len(b.Actions)) {
		t.Errorf("backup board at version %d holds %d actions; not one consistent moment", b.Version, len(b.Actions))
	}
	mu.Lock()
	all := acked
	mu.Unlock()
	if len(b.Actions) > len(all) {
		t.Errorf("backup has %d actions, more than the %d ever written", len(b.Actions), len(all))
	}
}

// TestBackupFailureLeavesNoTemp: when the backup cannot be put in place,
// Backup fails and removes its temporary file, and whatever was at the
// target stays.
func TestBackupFailureLeavesNoTemp(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "taken")
	if err := os.MkdirAll(filepath.Join(target, "keep"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Backup(target); err == nil {
		t.Fatal("Backup over a non-empty directory succeeded")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"taken"}) {
		t.Errorf("dir holds %q after a failed backup, want only \"taken\"", got)
	}
	if got := dirNames(t, target); !slices.Equal(got, []string{"keep"}) {
		t.Errorf("failed backup touched the target: %q", got)
	}
}

// TestCheckFile: CheckFile accepts a bord file and refuses what is not one,
// so a restore never starts from a wrong or damaged file.
func TestCheckFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	fileWithTeam(t, good)

	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte("dit is geen database, maar een boodschappenlijst"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A valid bbolt file of some other program.
	foreign := filepath.Join(dir, "foreign.db")
	storetest.Update(t, foreign, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("settings"))
		if err != nil {
			return err
		}
		return b.Put([]byte("theme"), []byte("dark"))
	})

	tests := []struct {
		path string
		ok   bool
	}{
		{good, true},
		{garbage, false},
		{foreign, false},
		{filepath.Join(dir, "missing.db"), false},
	}
	for _, tt := range tests {
		err := store.CheckFile(tt.path)
		if (err == nil) != tt.ok {
			t.Errorf("CheckFile(%s) = %v, want ok=%v", filepath.Base(tt.path), err, tt.ok)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); !os.IsNotExist(err) {
		t.Errorf("CheckFile created the file it was asked to check")
	}
}
