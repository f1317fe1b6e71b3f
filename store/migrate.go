package store

import (
	"encoding/json"
	"fmt"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the schema this bord writes. Open migrates older files
// step by step and refuses newer ones.
const SchemaVersion = 2

// migrations[i] takes a file from schema i+1 to i+2. Each runs in the same
// transaction as the schema bump, so a crash leaves the old schema intact.
var migrations = []func(tx *bolt.Tx) error{
	migrateActionOrigin,
}

// migrateActionOrigin (1 → 2): schema 1 had no action origin; every action
// then came from the board itself.
func migrateActionOrigin(tx *bolt.Tx) error {
	boards := tx.Bucket(bucketBoards)
	return boards.ForEachBucket(func(k []byte) error {
		actions := boards.Bucket(k).Bucket([]byte(board.AreaAction))
		if actions == nil {
			return nil
		}
		return actions.ForEach(func(id, v []byte) error {
			var a board.Action
			if err := json.Unmarshal(v, &a); err != nil {
				return err
			}
			if a.Origin != "" {
				return nil
			}
			a.Origin = board.OriginBoard
			return putJSON(actions, id, &a)
		})
	})
}

// migrate brings a checked file from schema from (0: a new file) to
// SchemaVersion in one transaction. Open calls it only when from is older.
func (s *Store) migrate(from uint64) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range rootBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if from == 0 {
			return meta.Put(keySchema, itob(SchemaVersion))
		}
		for v := from; v < SchemaVersion; v++ {
			if err := migrations[v-1](tx); err != nil {
				return fmt.Errorf("store: migrating schema %d to %d: %w", v, v+1, err)
			}
		}
		return meta.Put(keySchema, itob(SchemaVersion))
	})
}

// Schema returns the file's schema version.
func (s *Store) Schema() (uint64, error) {
	var v uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		v = btoi(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	return v, err
}
