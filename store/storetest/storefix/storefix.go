// Package storefix makes the real stores the tests of several packages
// start from: a bord file in t.TempDir() with a team, a board, an arena
// with notes. It is apart from storetest because it imports store, and the
// store's own internal tests import storetest. It is imported by tests only.
package storefix

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// Open opens a store with opts on a new file bord.db in tb.TempDir() and
// closes it when the test ends; a test may close it before (s.Path() is
// the file).
func Open(tb testing.TB, opts store.Options) *store.Store {
	tb.Helper()
	s, err := store.Open(filepath.Join(tb.TempDir(), "bord.db"), opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// TeamBoard makes, as who, a team named team of members and a board named
// name for it.
func TeamBoard(tb testing.TB, s *store.Store, who, team, name string, members ...string) board.Info {
	tb.Helper()
	t, err := s.CreateTeam(who, team, members...)
	if err != nil {
		tb.Fatal(err)
	}
	info, err := s.CreateBoard(who, t.ID, name)
	if err != nil {
		tb.Fatal(err)
	}
	return info
}

// Question is the one question of an Arena.
const Question = "Wat helpt?"

// Arena makes an arena on the board dated day, led by leader with noter
// taking notes, with one question (Question) and noter's note for each of
// notes under it. It returns the arena after the last note.
func Arena(tb testing.TB, s *store.Store, boardID uint64, day time.Time, leader, noter string, notes ...string) board.Arena {
	tb.Helper()
	a, err := s.CreateArena(leader, boardID, "Uitleg", day, "groep 7", 6, leader, []string{noter}, 0)
	if err != nil {
		tb.Fatal(err)
	}
	if a, err = s.ChangeArena(leader, boardID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: Question}); err != nil {
		tb.Fatal(err)
	}
	for _, n := range notes {
		if a, err = s.ChangeArena(noter, boardID, a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: n}); err != nil {
			tb.Fatal(err)
		}
	}
	return a
}

// ChangeRetro returns a func that changes the retrospective id on the
// board as who, failing the test on an error, and returns the
// retrospective after the change: a test walks one through its phases.
func ChangeRetro(tb testing.TB, s *store.Store, boardID, id uint64) func(who string, op board.RetroOp) board.Retro {
	return func(who string, op board.RetroOp) board.Retro {
		tb.Helper()
		r, err := s.ChangeRetro(who, boardID, id, op)
		if err != nil {
			tb.Fatalf("%s %s: %v", who, op.Kind, err)
		}
		return r
	}
}
