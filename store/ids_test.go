package store_test

import (
	"errors"
	"math"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	bolt "go.etcd.io/bbolt"
)

// A file whose counters stand at 2⁶⁴−1 (as the old import left them from a
// hand-edited export) must not hand out id 0, 1, … again: that overwrote
// existing teams and actions. Every allocation refuses instead.
func TestIDAllocationNeverWraps(t *testing.T) {
	f := newFixture(t)
	first := f.add(t, "Anna", f.action("Eerste actie", "Anna", 3))
	f.s.Close()
	storetest.Update(t, f.path, func(tx *bolt.Tx) error {
		bb := tx.Bucket([]byte("boards")).Bucket(be(f.board.ID))
		for _, b := range []*bolt.Bucket{tx.Bucket([]byte("teams")), tx.Bucket([]byte("boards")),
			bb.Bucket([]byte("action")), bb.Bucket([]byte("checkin"))} {
			if err := b.SetSequence(math.MaxUint64); err != nil {
				return err
			}
		}
		return nil
	})
	f.s = open(t, f.path, f.clk)
	if _, err := f.s.CreateTeam("Anna", "Nog een team"); !errors.Is(err, store.ErrIDsExhausted) {
		t.Errorf("CreateTeam: %v", err)
	}
	if _, err := f.s.CreateBoard("Anna", f.team.ID, "Nog een bord"); !errors.Is(err, store.ErrIDsExhausted) {
		t.Errorf("CreateBoard: %v", err)
	}
	if _, err := f.s.Add("Anna", f.board.ID, f.action("Tweede actie", "Bram", 4)); !errors.Is(err, store.ErrIDsExhausted) {
		t.Errorf("Add: %v", err)
	}
	if _, err := f.s.SetCheckIn("Anna", f.board.ID, board.MoodGood, ""); !errors.Is(err, store.ErrIDsExhausted) {
		t.Errorf("SetCheckIn: %v", err)
	}
	b := f.snap(t)
	if len(b.Actions) != 1 || b.Actions[0].What != first.(*board.Action).What {
		t.Errorf("actions after the refused adds: %+v", b.Actions)
	}
	if teams, _ := f.s.Teams(); len(teams) != 1 {
		t.Errorf("%d teams, want 1", len(teams))
	}
}
