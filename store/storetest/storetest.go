// Package storetest holds what the tests of several packages need around a
// bord file: a clock they move by hand instead of sleeping, raw bbolt
// writes that put a file into states bord itself never leaves it in (a
// foreign or newer file, a damaged record), and a look at the file's bytes.
// It is imported by tests only, the store's own internal ones too, so it
// does not import store (storefix, below it, does).
package storetest

import (
	"bytes"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Clock is a settable clock for store.Options.Now and the screens. The
// store and the SSH sessions call it from many goroutines, hence the mutex.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock standing at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Add moves the clock forward by d.
func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// PastRetention moves the clock a day past the default retention of
// notes: what a note of today is then is expired.
func (c *Clock) PastRetention() {
	c.Add(time.Duration(board.DefaultRetentionDays+1) * 24 * time.Hour)
}

// Day is n days after the clock's today, at midnight: how the TUI's date
// parser hands dates to the store.
func (c *Clock) Day(n int) time.Time { return board.Day(c.Now()).AddDate(0, 0, n) }

// Update opens the closed bbolt file at path, runs fn in one write
// transaction and closes the file again, failing the test on any error.
func Update(t testing.TB, path string, fn func(*bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatalf("write %s: %v", path, err)
	}
}

// View opens the closed bbolt file at path read-only and runs fn in one
// read transaction.
func View(t testing.TB, path string, fn func(*bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	if err := db.View(fn); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
}

// FileHolds says whether the file at path holds token anywhere in its
// bytes: deleted text must not linger in freed pages.
func FileHolds(t testing.TB, path, token string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(data, []byte(token))
}

// ShortDir is a new directory with a short path, removed when the test
// ends: the owner's socket beside a bord file in it must fit in a socket
// path's ~104 bytes, which t.TempDir() can exceed.
func ShortDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "bo")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
