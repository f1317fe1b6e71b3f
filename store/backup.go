package store

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the open database to path while others
// keep working: the copy is written to a temporary file beside path from one
// read transaction, synced, checked, and only then renamed over path, so a
// failed backup never leaves a half-written file under the real name.
func (s *Store) Backup(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	err = s.db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := CheckFile(tmp.Name()); err != nil {
		return fmt.Errorf("store: backup failed its check: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// CheckFile opens a database file read-only and runs bbolt's consistency
// check and a schema check on it. The file is never changed.
func CheckFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Size() == 0 {
		return fmt.Errorf("%w: %s is empty (0 bytes)", ErrCorrupt, path)
	}
	db, schema, err := inspect(path, time.Second)
	if err != nil {
		return err
	}
	defer db.Close()
	if schema == 0 {
		return fmt.Errorf("%w: %s has no bord schema", ErrNotBord, path)
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
