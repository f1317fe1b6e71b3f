package tui

import (
	"cmp"
	"slices"
	"sync"

	"github.com/verbeterbord/bord/board"
)

// Hub knows which session is on which board, for the presence line and
// the bordsessie's leader: one per process, shared by every session in it
// (the SSH server's, and any other that opens the same file in the same
// process). The zero Hub is ready to use.
type Hub struct {
	mu   sync.Mutex
	here map[*presence]struct{}
}

// presence is one session's place in the hub; it implements Presence.
type presence struct {
	hub   *Hub
	name  string
	board uint64
	area  board.Area
	ch    chan struct{}
	gone  bool
}

// Join puts a session of the member name in the hub. Its Leave takes it
// out again and tells the others on its board.
func (h *Hub) Join(name string) *Here {
	return &Here{h.join(name)}
}

// Here is one session's presence in a Hub: a Presence that can Leave.
type Here struct{ *presence }

func (h *Hub) join(name string) *presence {
	p := &presence{hub: h, name: name, ch: make(chan struct{}, 1)}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.here == nil {
		h.here = map[*presence]struct{}{}
	}
	h.here[p] = struct{}{}
	return p
}

// notify wakes every other session on board; a wake-up already pending
// is enough, so it never blocks. Callers hold h.mu.
func (h *Hub) notify(boardID uint64, except *presence) {
	if boardID == 0 {
		return
	}
	for p := range h.here {
		if p != except && p.board == boardID {
			select {
			case p.ch <- struct{}{}:
			default:
			}
		}
	}
}

// Move implements Presence.
func (p *presence) Move(boardID uint64, area board.Area) {
	h := p.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if p.gone {
		return
	}
	old := p.board
	p.board, p.area = boardID, area
	h.notify(old, p)
	if boardID != old {
		h.notify(boardID, p)
	}
}

// Peers implements Presence.
func (p *presence) Peers() []Peer {
	h := p.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	var peers []Peer
	if p.board == 0 {
		return nil
	}
	for o := range h.here {
		if o != p && o.board == p.board {
			peers = append(peers, Peer{Name: o.name, Area: o.area})
		}
	}
	slices.SortFunc(peers, func(a, b Peer) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Area, b.Area)) })
	return peers
}

// Changed implements Presence.
func (p *presence) Changed() <-chan struct{} { return p.ch }

// Leave removes the session and tells the others on its board at once:
// a leader who quits or whose connection ends is seen gone by the others
// without waiting for anything. Leaving twice is leaving once.
func (p *presence) Leave() {
	h := p.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if p.gone {
		return
	}
	p.gone = true
	delete(h.here, p)
	h.notify(p.board, p)
	close(p.ch)
}

// On names the sessions on a board, for tests and logs.
func (h *Hub) On(boardID uint64) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var names []string
	for p := range h.here {
		if p.board == boardID {
			names = append(names, p.name)
		}
	}
	slices.Sort(names)
	return names
}
