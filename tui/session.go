package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// The shell's link to the store and to the others: opening a board,
// waiting for its changes, and presence.

// Messages between commands and Update.
type (
	boardsMsg struct {
		entries []boardEntry
		open    uint64 // open this board right away (0: show the picker)
		duos    int    // how many duos the person opens, for one with no board
	}
	openedMsg struct {
		b       *board.Board
		watch   <-chan uint64
		unwatch func()
	}
	// changedMsg brings the new snapshot of the watched board: loading it
	// in the waiting command means one message, and one redraw, per change.
	changedMsg struct {
		ch  <-chan uint64
		b   *board.Board
		err error
	}
	snapshotMsg struct{ b *board.Board }
	// doneMsg reports a finished write: a status line and how to undo it.
	doneMsg struct {
		status string
		undo   *undoOp
		undone bool
		focus  *undoOp // the item to select once the new snapshot is in
	}
	errMsg      struct{ err error }
	presenceMsg struct {
		peers []Peer
		wait  bool // from the waiting loop, which must be re-armed
	}
	// createdMsg reports a new board (demo or own) to open.
	createdMsg struct{ id uint64 }
)

type moveKey struct {
	board uint64
	area  board.Area
}

// Init loads the list of boards.
func (m *Model) Init() tea.Cmd {
	// A visit of a duo today or tomorrow is said at the start.
	return tea.Batch(m.picker.load(m.cfg.BoardID, true), m.waitPresence(), m.duos.remind())
}

// waitPresence waits until presence on our board changes and reads it.
func (m *Model) waitPresence() tea.Cmd {
	p := m.cfg.Presence
	if p == nil {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-p.Changed(); !ok {
			return nil
		}
		return presenceMsg{peers: p.Peers(), wait: true}
	}
}

// announce tells Presence where we are now, when that changed.
func (m *Model) announce() tea.Cmd {
	p := m.cfg.Presence
	if p == nil {
		return nil
	}
	at := moveKey{}
	switch {
	case m.b == nil:
	case m.screen == screenBoard:
		at = moveKey{m.b.ID, board.Areas[m.board.area]}
	case m.screen >= screenRetros:
		// In a retrospective or a leerlingarena of the board: still here,
		// in no area. A leader who looks up last week's retrospective has
		// not left the bordsessie (leader.go).
		at = moveKey{m.b.ID, ""}
	}
	if at == m.lastMove {
		return nil
	}
	m.lastMove = at
	// Move here, not in the Cmd: Cmds run in goroutines of their own, so two
	// quick moves could reach the others in the wrong order. Move only takes
	// a lock and never blocks.
	p.Move(at.board, at.area)
	return func() tea.Msg { return presenceMsg{peers: p.Peers()} }
}

func (m *Model) openBoard(id uint64) tea.Cmd {
	s, user, join := m.cfg.Store, m.cfg.User, m.cfg.AutoJoin
	return func() tea.Msg {
		b, err := s.Board(id)
		if err != nil {
			return errMsg{err}
		}
		if join && !b.Team.HasMember(user) {
			if _, err := s.AddMember(user, b.TeamID, user); err != nil {
				return errMsg{err}
			}
			if b, err = s.Board(id); err != nil {
				return errMsg{err}
			}
		}
		ch, cancel := s.Watch(id)
		return openedMsg{b: b, watch: ch, unwatch: cancel}
	}
}

// waitChange waits for the next notice of the watched board and reads its
// snapshot, which the store builds once and shares among all sessions. A
// closed channel (board closed, program ending) ends the wait silently.
func (m *Model) waitChange() tea.Cmd {
	ch, s, id := m.watch, m.cfg.Store, m.b.ID
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		b, err := s.Board(id)
		return changedMsg{ch: ch, b: b, err: err}
	}
}
