package tui

import (
	"sync"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// panels keeps the board's drawn panels for the board's latest snapshot,
// shared by every session in the process.
//
// Why: over SSH every member on a board draws the same areas of the same
// snapshot at the same size, and after a change all of them draw again at
// once (docs/performance.md). A panel is a function of what its key holds —
// the snapshot (shared and never modified, tui/deps.go), the area, the
// size, focus, selection, filter, the day and the language — so a session
// that finds its key takes the string another session drew. Panels hold
// board items only, the same for every member of the team; what is a
// session's own (status line, presence, forms, overlays, retrospectives)
// is never drawn here.
var panels = &panelCache{boards: make(map[uint64]*boardPanels)}

// panelKey is everything a board panel's drawing depends on besides the
// snapshot. user is set only under the "mine" filter, the one place the
// panel depends on who looks.
type panelKey struct {
	area    board.Area
	w, h    int
	focused bool
	sel     int
	filter  filter
	user    string
	day     int64 // board.Day(now), Unix seconds
	msg     *i18n.Messages
	// wrap: rows wrap on the session's screen, not only in the panel's
	// width: 140 columns wrap, 139 cut, with panels of the same size.
	wrap bool
}

type boardPanels struct {
	b      *board.Board
	panels map[panelKey]string
}

type panelCache struct {
	mu     sync.Mutex
	boards map[uint64]*boardPanels // by board ID: only the newest snapshot's panels
	n      int
}

// maxPanels bounds the cache: a few sizes, selections and filters of a few
// hundred boards. When it is full it is emptied, which costs a redraw.
const maxPanels = 4096

// get returns the panel drawn for b under k, or draws it with draw.
func (c *panelCache) get(b *board.Board, k panelKey, draw func() string) string {
	c.mu.Lock()
	bp := c.boards[b.ID]
	if bp != nil && bp.b == b {
		if s, ok := bp.panels[k]; ok {
			c.mu.Unlock()
			return s
		}
	}
	c.mu.Unlock()
	s := draw()
	c.mu.Lock()
	defer c.mu.Unlock()
	bp = c.boards[b.ID]
	switch {
	case bp != nil && bp.b == b:
	case bp == nil || bp.b.Version < b.Version:
		// A newer snapshot: the older one's panels are of no more use,
		// and dropping them lets the old snapshot go.
		if bp != nil {
			c.n -= len(bp.panels)
		}
		bp = &boardPanels{b: b, panels: make(map[panelKey]string)}
		c.boards[b.ID] = bp
	default:
		return s // an older snapshot than the one kept: not worth keeping
	}
	if c.n >= maxPanels {
		clear(c.boards)
		c.n = 0
		bp = &boardPanels{b: b, panels: make(map[panelKey]string)}
		c.boards[b.ID] = bp
	}
	if _, ok := bp.panels[k]; !ok {
		bp.panels[k] = s
		c.n++
	}
	return s
}
