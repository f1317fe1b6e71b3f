package store_test

import (
	"sync"
	"testing"

	"github.com/verbeterbord/bord/board"
)

// pending returns the notice waiting on c, if any, without blocking: the
// store publishes before the write returns, so after a write the notice is
// either there or was never sent.
func pending(c <-chan uint64) (v uint64, ok bool) {
	select {
	case v, ok = <-c:
		return v, ok
	default:
		return 0, false
	}
}

// TestFeed: a write tells every subscriber of that board its new version; a
// subscriber that never reads never blocks a writer and finds exactly one
// notice, the latest; a closed subscription gets nothing more.
func TestFeed(t *testing.T) {
	f := newFixture(t)
	other, err := f.s.CreateBoard("Anna", f.team.ID, "Ander bord")
	if err != nil {
		t.Fatal(err)
	}
	if n := f.s.Watchers(f.board.ID); n != 0 {
		t.Fatalf("Watchers = %d before any Subscribe", n)
	}
	reader, sleeper := f.s.Subscribe(f.board.ID), f.s.Subscribe(f.board.ID)
	otherSub := f.s.Subscribe(other.ID)
	defer otherSub.Close()
	if n := f.s.Watchers(f.board.ID); n != 2 {
		t.Fatalf("Watchers = %d, want 2", n)
	}

	f.add(t, "Anna", &board.Parking{Text: "Eerste"})
	v, ok := pending(reader.C)
	if want := f.snap(t).Version; !ok || v != want {
		t.Fatalf("notice = %d (ok %v), want version %d", v, ok, want)
	}

	// 100 writes while sleeper never reads: if publishing waited for a
	// reader, this loop would hang and the test time out.
	it := f.add(t, "Anna", &board.Parking{Text: "Kaart"}).(*board.Parking)
	for i := range 100 {
		it.Text = "Kaart " + string(rune('A'+i%26))
		if _, err := f.s.Update("Anna", f.board.ID, it); err != nil {
			t.Fatalf("Update %d: %v", i, err)
		}
	}
	latest := f.snap(t).Version
	if v, ok := pending(sleeper.C); !ok || v != latest {
		t.Errorf("sleeper's notice = %d (ok %v), want the latest version %d", v, ok, latest)
	}
	if v, ok := pending(sleeper.C); ok {
		t.Errorf("sleeper had a second pending notice %d; notices must coalesce", v)
	}
	if v, ok := pending(reader.C); !ok || v != latest {
		t.Errorf("reader's notice = %d (ok %v), want %d", v, ok, latest)
	}
	if v, ok := pending(otherSub.C); ok {
		t.Errorf("subscriber of another board got notice %d", v)
	}

	sleeper.Close()
	sleeper.Close() // safe to call twice
	if n := f.s.Watchers(f.board.ID); n != 1 {
		t.Errorf("Watchers after one Close = %d, want 1", n)
	}
	f.add(t, "Anna", &board.Parking{Text: "Na sluiten"})
	if v, ok := pending(sleeper.C); ok {
		t.Errorf("closed subscription got notice %d", v)
	}
	if v, ok := pending(reader.C); !ok || v != f.snap(t).Version {
		t.Errorf("open subscription's notice = %d (ok %v), want %d", v, ok, f.snap(t).Version)
	}

	// A screen waits on C in a goroutine; Close must end that wait, or
	// every closed session would leak one.
	var wg sync.WaitGroup
	wg.Go(func() {
		for range reader.C {
		}
	})
	reader.Close()
	wg.Wait()
	if n := f.s.Watchers(f.board.ID); n != 0 {
		t.Errorf("Watchers after closing all = %d, want 0", n)
	}

	// Watch is the same feed for consumers that only know channels.
	c, stop := f.s.Watch(f.board.ID)
	if n := f.s.Watchers(f.board.ID); n != 1 {
		t.Errorf("Watchers with one Watch = %d, want 1", n)
	}
	f.add(t, "Anna", &board.Parking{Text: "Voor Watch"})
	if v, ok := pending(c); !ok || v != f.snap(t).Version {
		t.Errorf("Watch notice = %d (ok %v), want %d", v, ok, f.snap(t).Version)
	}
	stop()
	if n := f.s.Watchers(f.board.ID); n != 0 {
		t.Errorf("Watchers after stop = %d, want 0", n)
	}
}

// TestFeedLatestUnderConcurrency: with several writers at once, the one
// notice a sleeping subscriber finds afterwards is still the newest
// version. A notice that named an older version than one already published
// would make a session skip re-rendering a change it has not shown.
func TestFeedLatestUnderConcurrency(t *testing.T) {
	f := newFixture(t)
	const writers, adds = 4, 15
	for round := range 3 {
		sub := f.s.Subscribe(f.board.ID)
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for i := range adds {
					text := "Kaart " + string(rune('a'+round)) + string(rune('a'+w)) + string(rune('a'+i))
					if _, err := f.s.Add("Anna", f.board.ID, &board.Parking{Text: text}); err != nil {
						t.Errorf("Add: %v", err)
						return
					}
				}
			})
		}
		wg.Wait()
		latest := f.snap(t).Version
		if v, ok := pending(sub.C); !ok || v != latest {
			t.Errorf("round %d: pending notice = %d (ok %v), want the latest version %d", round, v, ok, latest)
		}
		sub.Close()
	}
}
