package store_test

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	bolt "go.etcd.io/bbolt"
)

func be(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

// schema1Actions is how many actions the hand-made schema-1 board holds:
// enough to fill several bbolt pages, so the migration has to walk a real
// tree and not just one leaf.
const schema1Actions = 300

// schema1Action is an action as bord wrote it at schema 1: no "origin".
func schema1Action(id uint64) string {
	status, doneAt, goal := "todo", "", ""
	if id%3 == 0 {
		status, doneAt = "done", `,"done_at":"2025-10-03T14:00:00Z"`
	}
	if id%2 == 0 {
		goal = `,"goal_id":1`
	}
	return fmt.Sprintf(`{"id":%d,"version":%d,"created_by":"Anna","created_at":"2025-09-01T08:00:00Z",`+
		`"updated_by":"Bram","updated_at":"2025-09-02T08:00:00Z","what":"Oude actie %03d met wat uitleg om de pagina te vullen",`+
		`"who":"Bram","when":"2025-10-%02dT00:00:00Z","status":%q%s%s}`, id, id%4+1, id, id%28+1, status, goal, doneAt)
}

// bucketAt makes a top-level bucket whose last id handed out is seq.
func bucketAt(tx *bolt.Tx, name string, seq uint64) (*bolt.Bucket, error) {
	b, err := tx.CreateBucket([]byte(name))
	if err != nil {
		return nil, err
	}
	return b, b.SetSequence(seq)
}

// writeSchema1 builds, with bbolt directly, the file an older bord left:
// meta/schema = 1, one team, one board with a goal and many actions. A
// non-zero corruptID makes that action's JSON unreadable.
func writeSchema1(t *testing.T, path string, corruptID uint64) {
	t.Helper()
	storetest.Update(t, path, func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		if err := meta.Put([]byte("schema"), be(1)); err != nil {
			return err
		}
		teams, err := bucketAt(tx, "teams", 1)
		if err != nil {
			return err
		}
		if err := teams.Put(be(1), []byte(`{"id":1,"name":"Groep 8","members":[{"name":"Anna"},{"name":"Bram"}]}`)); err != nil {
			return err
		}
		if _, err := tx.CreateBucket([]byte("audit")); err != nil {
			return err
		}
		boards, err := bucketAt(tx, "boards", 1)
		if err != nil {
			return err
		}
		bb, err := boards.CreateBucket(be(1))
		if err != nil {
			return err
		}
		if err := bb.Put([]byte("info"), []byte(`{"id":1,"team_id":1,"name":"Oud bord","created_at":"2025-09-01T08:00:00Z"}`)); err != nil {
			return err
		}
		if err := bb.Put([]byte("version"), be(schema1Actions+7)); err != nil {
			return err
		}
		for _, name := range []string{"checkin", "success", "goal", "action", "planning", "parking", "audit"} {
			if _, err := bb.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		goals := bb.Bucket([]byte("goal"))
		if err := goals.Put(be(1), []byte(`{"id":1,"version":1,"created_by":"Anna","created_at":"2025-09-01T08:00:00Z","updated_by":"Anna","updated_at":"2025-09-01T08:00:00Z","title":"Rekenen","by_when":"2025-11-01T00:00:00Z","measure":"toets","status":"active"}`)); err != nil {
			return err
		}
		if err := goals.SetSequence(1); err != nil {
			return err
		}
		actions := bb.Bucket([]byte("action"))
		for id := uint64(1); id <= schema1Actions; id++ {
			v := schema1Action(id)
			if id == corruptID {
				v = v[:len(v)/2]
			}
			if err := actions.Put(be(id), []byte(v)); err != nil {
				return err
			}
		}
		return actions.SetSequence(schema1Actions)
	})
}

// TestMigrateFromSchema1: opening a schema-1 file brings it to the current
// schema; every action gets the origin it implicitly had and keeps all else.
func TestMigrateFromSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "oud.db")
	writeSchema1(t, path, 0)
	clk := newClock()
	s, err := store.Open(path, store.Options{Now: clk.Now})
	if err != nil {
		t.Fatalf("Open of a schema-1 file: %v", err)
	}
	if v, err := s.Schema(); err != nil || v != store.SchemaVersion {
		t.Fatalf("Schema() = %d, %v; want %d", v, err, store.SchemaVersion)
	}
	b, err := s.Board(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Actions) != schema1Actions {
		t.Fatalf("%d actions after migration, want %d", len(b.Actions), schema1Actions)
	}
	if b.Version != schema1Actions+7 || b.Name != "Oud bord" || !b.Team.HasMember("Bram") {
		t.Errorf("board = version %d %q team %v; want the old board unchanged", b.Version, b.Name, b.Team.MemberNames())
	}
	for _, a := range b.Actions {
		var want board.Action
		if err := json.Unmarshal([]byte(schema1Action(a.ID)), &want); err != nil {
			t.Fatal(err)
		}
		want.Origin = board.OriginBoard
		if !reflect.DeepEqual(a, want) {
			t.Errorf("action %d after migration:\n got %+v\nwant %+v", a.ID, a, want)
		}
	}
	if g, ok := b.Goal(1); !ok || g.Title != "Rekenen" {
		t.Errorf("goal after migration = %+v", g)
	}

	// The migrated file works as a current one: edit an old action (its
	// date is long past, which an edit may keep) and add a new one.
	edit := clone(&b.Actions[0]).(*board.Action)
	edit.Status = board.StatusDone
	if _, err := s.Update("Anna", 1, edit); err != nil {
		t.Errorf("Update of a migrated action: %v", err)
	}
	added, err := s.Add("Anna", 1, &board.Action{What: "Nieuw", Who: "Anna", When: clk.Day(1)})
	if err != nil {
		t.Fatalf("Add after migration: %v", err)
	}
	if id := added.Base().ID; id != schema1Actions+1 {
		t.Errorf("Add after migration got id %d, want %d", id, schema1Actions+1)
	}
	before, _ := s.Board(1)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// A second Open finds nothing left to migrate and changes nothing.
	s = open(t, path, clk)
	if v, _ := s.Schema(); v != store.SchemaVersion {
		t.Errorf("Schema() after reopen = %d", v)
	}
	if after, _ := s.Board(1); !reflect.DeepEqual(before, after) {
		t.Errorf("second Open changed the board")
	}
}

// TestMigrationFailureKeepsOldFile: a migration that fails leaves the file
// exactly at its old schema, so an older bord can still read it.
func TestMigrationFailureKeepsOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "oud.db")
	writeSchema1(t, path, schema1Actions-1)
	s, err := store.Open(path, store.Options{Timeout: 100 * time.Millisecond})
	if err == nil {
		s.Close()
		t.Fatal("Open migrated a file with an unreadable action")
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("file still locked after the failed Open: %v", err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		if v := binary.BigEndian.Uint64(tx.Bucket([]byte("meta")).Get([]byte("schema"))); v != 1 {
			t.Errorf("schema = %d after a failed migration, want 1", v)
		}
		first := string(tx.Bucket([]byte("boards")).Bucket(be(1)).Bucket([]byte("action")).Get(be(1)))
		if first != schema1Action(1) || strings.Contains(first, "origin") {
			t.Errorf("action 1 rewritten by a failed migration: %s", first)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNewerSchemaRefused: a file written by a newer bord is not opened (and
// so not damaged) by this one.
func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nieuw.db")
	fileWithTeam(t, path)
	setSchema := func(v uint64) {
		storetest.Update(t, path, func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("meta")).Put([]byte("schema"), be(v))
		})
	}
	setSchema(store.SchemaVersion + 1)

	s, err := store.Open(path, store.Options{Timeout: 100 * time.Millisecond})
	if !errors.Is(err, store.ErrNewerSchema) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("Open of a newer file: err = %v, want ErrNewerSchema", err)
	}
	if _, ok := store.ReadHolder(path); ok {
		t.Errorf("refused Open left a holder file")
	}
	// The refused Open let go of the file and left the schema alone.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 100 * time.Millisecond, ReadOnly: true})
	if err != nil {
		t.Fatalf("file still locked after refused Open: %v", err)
	}
	_ = db.View(func(tx *bolt.Tx) error {
		if v := binary.BigEndian.Uint64(tx.Bucket([]byte("meta")).Get([]byte("schema"))); v != store.SchemaVersion+1 {
			t.Errorf("schema = %d after refused Open, want %d", v, store.SchemaVersion+1)
		}
		return nil
	})
	db.Close()
}
