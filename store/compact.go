package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// dbRef is the store's handle on its bbolt file. Compact swaps the file
// under a running store; the lock makes every transaction either finish
// before the swap or start after it, on the new file, so no write is lost
// and none lands in the old file.
type dbRef struct {
	mu sync.RWMutex
	db *bolt.DB
	// broken is set when a swap could not reopen the new file: every later
	// call fails with it rather than write to a file that is gone.
	broken error
	// erased says text was deleted since the last compaction (a note deleted
	// or rephrased, retention): bbolt keeps freed pages, with their bytes,
	// until the file is rewritten.
	erased atomic.Bool
}

func newDBRef(db *bolt.DB) *dbRef { return &dbRef{db: db} }

// View runs a read-only transaction, as bolt.DB.View.
func (r *dbRef) View(fn func(*bolt.Tx) error) error {
	return r.run((*bolt.DB).View, fn)
}

// Update runs a read-write transaction, as bolt.DB.Update.
func (r *dbRef) Update(fn func(*bolt.Tx) error) error {
	return r.run((*bolt.DB).Update, fn)
}

// run runs a transaction on the current file, unless it broke: a
// compaction holds the write lock while it swaps files.
func (r *dbRef) run(tx func(*bolt.DB, func(*bolt.Tx) error) error, fn func(*bolt.Tx) error) error {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.broken != nil {
		return r.broken
	}
	return tx(r.db, fn)
}

// Close closes the file.
func (r *dbRef) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.db.Close()
}

// markErased records that text left the data, so CompactIfErased rewrites.
func (s *Store) markErased() { s.db.erased.Store(true) }

// CompactIfErased compacts the file when text was deleted since the last
// compaction, and says whether it did. bord serve calls it every minute.
func (s *Store) CompactIfErased() (bool, error) {
	if !s.db.erased.Load() {
		return false, nil
	}
	return true, s.Compact()
}

// Compact rewrites the database into a fresh file and swaps it in, so
// deleted text (arena notes) is gone from the file's bytes and not only
// from its index. Writes and reads wait while it runs (a small board file
// takes milliseconds) and then go on, on the new file; the old file is
// replaced atomically by a rename, so a crash leaves either the old file
// or the new one, both whole.
func (s *Store) Compact() error {
	r := s.db
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.broken != nil {
		return r.broken
	}
	if r.db.IsReadOnly() {
		return errors.New("compact: the database is open read-only")
	}
	// Cleared before the copy: a deletion after it is in no copy yet, and
	// it sets the flag again for the next round.
	r.erased.Store(false)
	tmp := s.path + ".compact"
	_ = os.Remove(tmp) // left over from a crash mid-compaction
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		r.erased.Store(true)
		return fmt.Errorf("compact: %w", err)
	}
	if err := bolt.Compact(dst, r.db, 0); err != nil {
		dst.Close()
		os.Remove(tmp)
		r.erased.Store(true)
		return fmt.Errorf("compact: %w", err)
	}
	if err := dst.Close(); err != nil {
		os.Remove(tmp)
		r.erased.Store(true)
		return fmt.Errorf("compact: %w", err)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		os.Remove(tmp)
		r.erased.Store(true)
		return fmt.Errorf("compact: %w", err)
	}
	syncDir(filepath.Dir(s.path))
	// Open the new file before letting go of the old one, so the path is
	// never without its lock for longer than the rename.
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		r.broken = fmt.Errorf("compact: reopening %s: %w", s.path, err)
		r.db.Close()
		return r.broken
	}
	old := r.db
	r.db = db
	return old.Close()
}
