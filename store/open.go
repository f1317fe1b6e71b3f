package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Open opens the database at path, creating it unless opt.NoCreate or
// opt.ReadOnly says not to, and records who holds it.
//
// An existing file is first looked at read-only: it must pass bbolt's
// consistency check, be bord's, and have a schema this bord knows. Only
// then is it opened for writing, and migrated only when its schema is
// older. So a damaged, foreign or newer file is refused before a single
// byte of it changes, and opening a current file writes nothing.
func Open(path string, opt Options) (*Store, error) {
	if opt.Timeout == 0 {
		opt.Timeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	created := false
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if opt.ReadOnly || opt.NoCreate {
			return nil, fmt.Errorf("%w: %s", ErrNoDatabase, path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, err
		}
		created = true
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, fmt.Errorf("%w: %s is a directory", ErrNotBord, path)
	case fi.Size() == 0:
		// bbolt would silently make a new database of it.
		return nil, fmt.Errorf("%w: %s is empty (0 bytes)", ErrCorrupt, path)
	}

	var schema uint64
	if !created {
		ro, v, err := inspect(path, opt.Timeout)
		if err != nil {
			return nil, err
		}
		if opt.ReadOnly {
			if v == 0 {
				ro.Close()
				return nil, fmt.Errorf("%w: %s has no bord schema", ErrNotBord, path)
			}
			s := newStore(ro, path, opt, false)
			s.schema = v
			return s, nil
		}
		ro.Close()
		schema = v
	}
	db, err := openBolt(path, false, created, opt.Timeout)
	if err != nil {
		return nil, err
	}
	s := newStore(db, path, opt, created)
	s.schema = SchemaVersion
	if schema < SchemaVersion {
		if err := s.migrate(schema); err != nil {
			db.Close()
			return nil, err
		}
	}
	s.holderFile = path + ".holder"
	writeHolder(s.holderFile, opt.Holder, opt.Addr)
	return s, nil
}

func newStore(db *bolt.DB, path string, opt Options, created bool) *Store {
	return &Store{db: newDBRef(db), path: path, now: opt.Now, cache: map[uint64]*board.Board{}, created: created}
}

// Created says whether this Open made a new file, so a command can tell
// the user (a mistyped --db is seen at once).
func (s *Store) Created() bool { return s.created }

// openBolt is the only place the store opens a bbolt file. NoSync stays
// off: a change is acknowledged only after it is on disk (TestNeverNoSync).
// Without create, the file is never created, even if it vanished since the
// check.
func openBolt(path string, readOnly, create bool, timeout time.Duration) (db *bolt.DB, err error) {
	opts := &bolt.Options{Timeout: timeout, ReadOnly: readOnly}
	if !create {
		opts.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag&^os.O_CREATE, perm)
		}
	}
	err = guard(path, func() error {
		db, err = bolt.Open(path, 0o600, opts)
		return err
	})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("%w: %s", ErrLocked, path)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum),
		errors.Is(err, bolterrors.ErrVersionMismatch):
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, path, err)
	}
	return db, err
}

// guard runs fn and turns a bbolt panic (an assertion about a damaged
// page) or a memory fault (a page beyond the end of a truncated file)
// into ErrCorrupt, so a damaged file gives a message, not a crash.
func guard(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %s: %v", ErrCorrupt, path, r)
		}
	}()
	return fn()
}

// inspect opens an existing file read-only and checks it: bbolt's full
// consistency check, that it is bord's, and its schema. It returns the
// read-only handle and the schema (0 for a bbolt file without buckets, as a
// crash right after creating it leaves).
func inspect(path string, timeout time.Duration) (*bolt.DB, uint64, error) {
	db, err := openBolt(path, true, false, timeout)
	if err != nil {
		return nil, 0, err
	}
	var schema uint64
	err = guard(path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			if err := checkTx(tx, path); err != nil {
				return err
			}
			var err error
			schema, err = schemaOf(tx, path)
			return err
		})
	})
	if err != nil {
		db.Close()
		return nil, 0, err
	}
	return db, schema, nil
}

// checkTx runs bbolt's consistency check. A file shorter than its own
// page count says is truncated: the check would read past its end.
func checkTx(tx *bolt.Tx, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if tx.Size() > fi.Size() {
		return fmt.Errorf("%w: %s is cut short (%d of %d bytes)", ErrCorrupt, path, fi.Size(), tx.Size())
	}
	var first error
	for err := range tx.Check() { // drain: the checker blocks until read
		if first == nil {
			first = err
		}
	}
	if first != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, path, first)
	}
	return nil
}

// schemaOf reads the schema of a checked file and refuses one that is not
// bord's or is newer than this bord.
func schemaOf(tx *bolt.Tx, path string) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		if k, _ := tx.Cursor().First(); k != nil {
			// Giving another program's file bord's buckets would change
			// a file that is not ours.
			return 0, fmt.Errorf("%w: %s has no bord schema", ErrNotBord, path)
		}
		return 0, nil
	}
	v := btoi(meta.Get(keySchema))
	if v == 0 {
		v = 1 // the very first bord wrote a meta bucket without a schema
	}
	if v > SchemaVersion {
		return v, fmt.Errorf("%w (schema %d, this bord knows %d)", ErrNewerSchema, v, SchemaVersion)
	}
	return v, nil
}

// Holder describes the process that holds the database at path, as written
// by its Open, for the message shown when Open returns ErrLocked.
type Holder struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Addr    string    `json:"addr,omitempty"`
	Since   time.Time `json:"since"`
}

func writeHolder(file, command, addr string) {
	if command == "" {
		command = "bord"
	}
	data, _ := json.Marshal(Holder{PID: os.Getpid(), Command: command, Addr: addr, Since: time.Now()})
	// Best effort: the holder file only improves a message.
	_ = os.WriteFile(file, data, 0o600)
}

// ReadHolder returns who holds the database at path, if it said so.
func ReadHolder(path string) (Holder, bool) {
	var h Holder
	data, err := os.ReadFile(path + ".holder")
	if err != nil || json.Unmarshal(data, &h) != nil {
		return Holder{}, false
	}
	return h, true
}
