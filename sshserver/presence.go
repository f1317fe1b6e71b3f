package sshserver

import (
	"cmp"
	"slices"
	"sync"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui"
)

// hub knows which session is on which board, for the presence line.
type hub struct {
	mu   sync.Mutex
	here map[*presence]struct{}
}

// presence is one session's place in the hub; it implements tui.Presence.
type presence struct {
	hub   *hub
	name  string
	board uint64
	area  board.Area
	ch    chan struct{}
	gone  bool
}

func (h *hub) join(name string) *presence {
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
func (h *hub) notify(boardID uint64, except *presence) {
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

// Move implements tui.Presence.
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

// Peers implements tui.Presence.
func (p *presence) Peers() []tui.Peer {
	h := p.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	var peers []tui.Peer
	if p.board == 0 {
		return nil
	}
	for o := range h.here {
		if o != p && o.board == p.board {
			peers = append(peers, tui.Peer{Name: o.name, Area: o.area})
		}
	}
	slices.SortFunc(peers, func(a, b tui.Peer) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Area, b.Area)) })
	return peers
}

// Changed implements tui.Presence.
func (p *presence) Changed() <-chan struct{} { return p.ch }

// leave removes the session and tells the others on its board.
func (p *presence) leave() {
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

// on counts the sessions on a board, for tests and logs.
func (h *hub) on(boardID uint64) []string {
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
