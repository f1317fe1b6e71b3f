package store_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	bolt "go.etcd.io/bbolt"
)

// goalLinks is a board with two goals and three actions: one linked to
// each goal and one without.
type goalLinks struct {
	*fixture
	gone, kept *board.Goal
	orphan     *board.Action // linked to gone
	linked     *board.Action // linked to kept
	loose      *board.Action // linked to nothing
}

// writeDeletedGoal builds the file a schema-2 bord left when a goal was
// deleted: the goal gone, an action still pointing at it. It is made with
// this bord and then changed with bbolt directly, the way the old Delete
// did it (the goal's key removed, nothing else touched), and its schema
// set back to 2.
func writeDeletedGoal(t *testing.T) *goalLinks {
	t.Helper()
	f := newFixture(t)
	g := &goalLinks{fixture: f}
	g.gone = f.add(t, "Anna", &board.Goal{Title: "Rekenen", ByWhen: f.clk.Day(42), Measure: "toets"}).(*board.Goal)
	g.kept = f.add(t, "Anna", &board.Goal{Title: "Lezen", ByWhen: f.clk.Day(42), Measure: "toets"}).(*board.Goal)
	a := f.action("Rekenmethode kiezen", "Anna", 7)
	a.GoalID = g.gone.ID
	g.orphan = f.add(t, "Anna", a).(*board.Action)
	a = f.action("Leeskring starten", "Bram", 3)
	a.GoalID = g.kept.ID
	g.linked = f.add(t, "Bram", a).(*board.Action)
	g.loose = f.add(t, "Anna", f.action("Koffie", "Chris", 1)).(*board.Action)
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	storetest.Update(t, f.path, func(tx *bolt.Tx) error {
		bb := tx.Bucket([]byte("boards")).Bucket(be(f.board.ID))
		if err := bb.Bucket([]byte("goal")).Delete(be(g.gone.ID)); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), be(2))
	})
	return g
}

// check fails the test unless b holds the three actions as they were,
// with only the orphan's goal link gone.
func (g *goalLinks) check(t *testing.T, b *board.Board) {
	t.Helper()
	if len(b.Actions) != 3 {
		t.Fatalf("%d actions, want 3 (none dropped)", len(b.Actions))
	}
	want := map[uint64]board.Action{g.orphan.ID: *g.orphan, g.linked.ID: *g.linked, g.loose.ID: *g.loose}
	orphan := want[g.orphan.ID]
	orphan.GoalID = 0
	want[g.orphan.ID] = orphan
	for _, a := range b.Actions {
		if !reflect.DeepEqual(a, want[a.ID]) {
			t.Errorf("action %d:\n got %+v\nwant %+v", a.ID, a, want[a.ID])
		}
	}
	if _, ok := b.Goal(g.kept.ID); !ok {
		t.Errorf("goal %q lost", g.kept.Title)
	}
}

// TestMigrateUnlinksDeletedGoals: a schema-2 file with an action whose goal
// was deleted opens; the action is still there, unlinked, and can be edited
// again (an Update refuses a goal that does not exist).
func TestMigrateUnlinksDeletedGoals(t *testing.T) {
	g := writeDeletedGoal(t)
	s := open(t, g.path, g.clk)
	if v, err := s.Schema(); err != nil || v != store.SchemaVersion {
		t.Fatalf("Schema() = %d, %v; want %d", v, err, store.SchemaVersion)
	}
	b, err := s.Board(g.board.ID)
	if err != nil {
		t.Fatal(err)
	}
	g.check(t, b)
	edit := *g.orphan
	edit.GoalID = 0
	edit.Status = board.StatusDoing
	if _, err := s.Update("Anna", g.board.ID, &edit); err != nil {
		t.Errorf("Update of the unlinked action: %v", err)
	}
}

// TestMigrateSchema1WithDeletedGoal: a schema-1 file whose only goal was
// deleted goes through both steps: every action gets its origin and loses
// its link, and none is lost.
func TestMigrateSchema1WithDeletedGoal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "oud.db")
	writeSchema1(t, path, 0)
	storetest.Update(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("boards")).Bucket(be(1)).Bucket([]byte("goal")).Delete(be(1))
	})
	s := open(t, path, newClock())
	b, err := s.Board(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Actions) != schema1Actions {
		t.Fatalf("%d actions after migration, want %d", len(b.Actions), schema1Actions)
	}
	for _, a := range b.Actions {
		if a.GoalID != 0 || a.Origin != board.OriginBoard {
			t.Fatalf("action %d: goal %d origin %q; want unlinked, from the board", a.ID, a.GoalID, a.Origin)
		}
	}
}

// TestImportUnlinksDeletedGoalsOfOlderExport: the export of such a schema-2
// file (made read-only, so it keeps its schema and its dangling link)
// imports, with the action unlinked. The same export claiming the current
// schema is still refused: a current bord never writes a dangling link.
func TestImportUnlinksDeletedGoalsOfOlderExport(t *testing.T) {
	g := writeDeletedGoal(t)
	old, err := store.Open(g.path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	dump := export(t, old)
	old.Close()
	if !bytes.Contains(dump, []byte(`"schema": 2,`)) {
		t.Fatalf("the export of a schema-2 file does not say schema 2")
	}

	fresh := imported(t, g.clk, dump, "Import of a schema-2 export with a deleted goal")
	b, err := fresh.Board(g.board.ID)
	if err != nil {
		t.Fatal(err)
	}
	g.check(t, b)

	current := bytes.Replace(dump, []byte(`"schema": 2,`), []byte(`"schema": 3,`), 1)
	err = emptyStore(t, g.clk).Import(bytes.NewReader(current))
	var de *store.DumpError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "goal_id: missing") {
		t.Errorf("Import of a schema-3 export with a dangling goal_id: %v; want a DumpError naming goal_id", err)
	}
}
