package store

import "sync"

// Subscription receives the newest version of one board after each change.
// C holds at most one pending notice: a subscriber that reads slowly sees only
// the latest version, and one that never reads never blocks a writer.
type Subscription struct {
	C     <-chan uint64
	c     chan uint64
	board uint64
	feed  *feed
}

// Close stops the notices and closes C, so a goroutine waiting on it ends.
// It is safe to call more than once.
func (s *Subscription) Close() { s.feed.remove(s) }

type feed struct {
	mu   sync.Mutex
	subs map[uint64]map[*Subscription]struct{}
}

func (f *feed) add(board uint64) *Subscription {
	c := make(chan uint64, 1)
	s := &Subscription{C: c, c: c, board: board, feed: f}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.subs == nil {
		f.subs = map[uint64]map[*Subscription]struct{}{}
	}
	if f.subs[board] == nil {
		f.subs[board] = map[*Subscription]struct{}{}
	}
	f.subs[board][s] = struct{}{}
	return s
}

func (f *feed) remove(s *Subscription) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.subs[s.board][s]; !ok {
		return
	}
	close(s.c) // publish holds f.mu too, so it never sends on a closed channel
	delete(f.subs[s.board], s)
	if len(f.subs[s.board]) == 0 {
		delete(f.subs, s.board)
	}
}

// publish tells every subscriber of board that it is now at version. A full
// channel has its pending notice replaced by the higher of the two, so two
// writers publishing out of order never leave an older version pending. The
// send never waits: f.mu is held, and only publish sends.
func (f *feed) publish(board, version uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for s := range f.subs[board] {
		v := version
		select {
		case old := <-s.c:
			v = max(v, old)
		default:
		}
		s.c <- v // room for it: the channel holds one and was just emptied
	}
}

// count is the number of subscriptions on board, for tests and presence.
func (f *feed) count(board uint64) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.subs[board])
}

// Watch is Subscribe for consumers that only know channels (the screens):
// it returns the notice channel and a function that ends the subscription.
func (s *Store) Watch(boardID uint64) (<-chan uint64, func()) {
	sub := s.Subscribe(boardID)
	return sub.C, sub.Close
}
