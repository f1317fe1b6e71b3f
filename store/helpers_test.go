package store_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
)

// monday is the fixed "today" of most tests: a Monday morning, in UTC so
// that times survive the JSON round trip through the file unchanged and
// snapshots can be compared with reflect.DeepEqual.
var monday = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// clock is a settable Options.Now standing at monday.
type clock = storetest.Clock

func newClock() *clock { return storetest.NewClock(monday) }

// day is midnight (UTC) of a date, for dates far from monday.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// open opens the store at path with the test clock and closes it at the end
// of the test. Tests that close and reopen call store.Open themselves.
func open(t testing.TB, path string, clk *clock) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{Now: clk.Now})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fileWithTeam leaves a closed bord file at path with one team in it.
func fileWithTeam(t testing.TB, path string) {
	t.Helper()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateTeam("Anna", "Team", "Anna"); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// fixture is a fresh store with one team (Anna, Bram, Chris) and one board:
// the starting point of most tests.
type fixture struct {
	s     *store.Store
	clk   *clock
	path  string
	team  board.Team
	board board.Info
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{clk: newClock(), path: filepath.Join(t.TempDir(), "bord.db")}
	f.s = open(t, f.path, f.clk)
	var err error
	if f.team, err = f.s.CreateTeam("Anna", "Groep 5/6", "Anna", "Bram", "Chris"); err != nil {
		t.Fatalf("CreateTeam: %v", err)
	}
	if f.board, err = f.s.CreateBoard("Anna", f.team.ID, "Verbeterbord bovenbouw"); err != nil {
		t.Fatalf("CreateBoard: %v", err)
	}
	return f
}

// done returns v, what a store call made, or fails the test with what
// was being done when the call failed.
func done[T any](t testing.TB, what string, v T, err error) T {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// reopen closes the fixture's store and opens its file again, as a
// restart does; f.s is the reopened store from then on.
func (f *fixture) reopen(t testing.TB) {
	t.Helper()
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	f.s = open(t, f.path, f.clk)
}

// snap returns the board's current snapshot or fails the test.
func (f *fixture) snap(t testing.TB) *board.Board {
	t.Helper()
	b, err := f.s.Board(f.board.ID)
	if err != nil {
		t.Fatalf("Board(%d): %v", f.board.ID, err)
	}
	return b
}

// add adds it as actor and fails the test on error.
func (f *fixture) add(t testing.TB, actor string, it board.Item) board.Item {
	t.Helper()
	got, err := f.s.Add(actor, f.board.ID, it)
	if err != nil {
		t.Fatalf("Add(%s %q): %v", it.Area(), it.Label(), err)
	}
	return got
}

// action is a valid new action due d days from the clock's today.
func (f *fixture) action(what, who string, d int) *board.Action {
	return &board.Action{What: what, Who: who, When: f.clk.Day(d)}
}

// clone returns a deep enough copy of an item from a snapshot, so a test can
// edit it the way an editor would without touching the shared snapshot.
func clone(it board.Item) board.Item {
	switch v := it.(type) {
	case *board.CheckIn:
		return copyOf(v)
	case *board.Success:
		return copyOf(v)
	case *board.Goal:
		c := copyOf(v)
		if v.Indicator != nil {
			in := *v.Indicator
			in.Measurements = slices.Clone(in.Measurements)
			c.Indicator = &in
		}
		return c
	case *board.Action:
		return copyOf(v)
	case *board.PlanItem:
		return copyOf(v)
	case *board.Parking:
		return copyOf(v)
	}
	panic("clone: unknown item")
}

// copyOf is a shallow copy of *v.
func copyOf[T any](v *T) *T {
	c := *v
	return &c
}

// actionTexts is the set of action texts on b.
func actionTexts(b *board.Board) map[string]bool {
	m := make(map[string]bool, len(b.Actions))
	for _, a := range b.Actions {
		m[a.What] = true
	}
	return m
}
