package store_test

// The file's schema: the tree doc.go draws is the tree a filled file holds,
// and files older bords left (schema 1 without action origins, schema 2
// with actions linked to deleted goals) are migrated, or refused when
// newer, without losing or damaging anything.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	"github.com/verbeterbord/bord/store/storetest/storefix"
	bolt "go.etcd.io/bbolt"
)

// docTree reads the schema tree drawn in doc.go: one path per bucket
// ("boards/<>/action/") and per key ("boards/<>/info"), with every <...>
// written as <>. The doc is the one declaration; this test keeps it true.
func docTree(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var paths, stack []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "//\t")
		if !ok {
			if in {
				break // the tree is the first indented block
			}
			continue
		}
		in = true
		body := strings.TrimLeft(line, " ")
		depth := (len(line) - len(body)) / 2
		var name string
		if strings.HasPrefix(body, "<") {
			name = "<>" + body[strings.Index(body, ">")+1:]
		} else {
			name = body
		}
		name, _, _ = strings.Cut(name, " ")
		if depth > len(stack) {
			t.Fatalf("doc.go: %q is indented deeper than its bucket", line)
		}
		stack = append(stack[:depth], name)
		paths = append(paths, strings.Join(stack, ""))
		if !strings.HasSuffix(name, "/") {
			stack = stack[:depth]
		}
	}
	if len(paths) == 0 {
		t.Fatal("doc.go draws no schema tree")
	}
	return paths
}

// fileTree walks a bbolt file the same way: an id (8 bytes, big-endian, so
// its first byte is 0 below 2⁵⁶; "planning" is 8 bytes too), a hex hash
// or a key fingerprint (guests/) is <>.
func fileTree(t *testing.T, path string) []string {
	t.Helper()
	seen := map[string]bool{}
	name := func(k []byte) string {
		if (len(k) == 8 && k[0] == 0) || (len(k) == 64 && strings.Trim(string(k), "0123456789abcdef") == "") || strings.HasPrefix(string(k), "SHA256:") {
			return "<>"
		}
		return string(k)
	}
	var walk func(prefix string, b *bolt.Bucket) error
	walk = func(prefix string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v != nil {
				seen[prefix+name(k)] = true
				return nil
			}
			p := prefix + name(k) + "/"
			seen[p] = true
			return walk(p, b.Bucket(k))
		})
	}
	storetest.View(t, path, func(tx *bolt.Tx) error {
		return tx.ForEach(func(k []byte, b *bolt.Bucket) error {
			p := name(k) + "/"
			seen[p] = true
			return walk(p, b)
		})
	})
	return slices.Sorted(func(yield func(string) bool) {
		for p := range seen {
			if !yield(p) {
				return
			}
		}
	})
}

// TestSchemaTree fills a file with something of everything (the demo, a
// retrospective, an arena with a note, a bordsessie, an invite) and fails
// when the file holds a bucket or key the doc's tree does not draw, or the
// tree draws one the file lacks.
func TestSchemaTree(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vol.db")
	clk := newClock()
	s := open(t, path, clk)
	info, err := s.CreateDemo("Anna")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateRetro("Anna", info.ID, "Periode 2", board.FormatPlusDelta, nil, time.Time{}, time.Time{}, true, 3); err != nil {
		t.Fatal(err)
	}
	a := storefix.Arena(t, s, info.ID, clk.Day(0), "Anna", "Fatima", "uitleg op het bord")
	if _, err := s.StartMeeting("Anna", info.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateInvite("Anna", info.TeamID, time.Hour); err != nil {
		t.Fatal(err)
	}
	guestOf(t, s, "Anna", store.GuestScope{BoardID: info.ID, Kind: store.GuestArena, ID: a.ID}, "SHA256:gast", "Gast")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	doc, file := docTree(t), fileTree(t, path)
	for _, p := range file {
		if !slices.Contains(doc, p) {
			t.Errorf("the file has %s; the tree in doc.go does not draw it", p)
		}
	}
	for _, p := range doc {
		if !slices.Contains(file, p) {
			t.Errorf("doc.go draws %s; the filled file has none", p)
		}
	}
}

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
	// View fails the test when the failed Open still holds the file.
	storetest.View(t, path, func(tx *bolt.Tx) error {
		if v := binary.BigEndian.Uint64(tx.Bucket([]byte("meta")).Get([]byte("schema"))); v != 1 {
			t.Errorf("schema = %d after a failed migration, want 1", v)
		}
		first := string(tx.Bucket([]byte("boards")).Bucket(be(1)).Bucket([]byte("action")).Get(be(1)))
		if first != schema1Action(1) || strings.Contains(first, "origin") {
			t.Errorf("action 1 rewritten by a failed migration: %s", first)
		}
		return nil
	})
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
	// The refused Open let go of the file (View fails the test if not) and
	// left the schema alone.
	storetest.View(t, path, func(tx *bolt.Tx) error {
		if v := binary.BigEndian.Uint64(tx.Bucket([]byte("meta")).Get([]byte("schema"))); v != store.SchemaVersion+1 {
			t.Errorf("schema = %d after refused Open, want %d", v, store.SchemaVersion+1)
		}
		return nil
	})
}

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
