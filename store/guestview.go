package store

import (
	"time"

	"github.com/verbeterbord/bord/board"
)

// GuestView is the store as a guest reaches it: one board, and of it only
// the one retrospective or arena the guest was invited to — no items, no
// bordsessies, no other records, no members — and only while it is open.
// Everything else is refused: the embedded View reaches no team, so every
// call not overridden here (and any a later change adds to View) answers
// ErrNotFound, as for a board that does not exist.
type GuestView struct {
	*View
	g Guest
}

// ForGuest returns the view of guest g.
func (s *Store) ForGuest(g Guest) *GuestView {
	return &GuestView{View: s.For(nil), g: g}
}

// Guest is who the view is for.
func (v *GuestView) Guest() Guest { return v.g }

// Teams is the guest's board's team, without anyone's keys.
func (v *GuestView) Teams() ([]board.Team, error) {
	b, err := v.Board(v.g.Scope.BoardID)
	if err != nil {
		return nil, err
	}
	return []board.Team{b.Team}, nil
}

// Boards is the guest's one board.
func (v *GuestView) Boards(teamID uint64) ([]board.Info, error) {
	b, err := v.Board(v.g.Scope.BoardID)
	if err != nil || teamID != b.TeamID {
		return nil, ErrNotFound
	}
	return []board.Info{b.Info}, nil
}

// Board is the guest's board cut down to their one record; ErrNotFound
// for any other board, and for theirs once the record closed.
func (v *GuestView) Board(id uint64) (*board.Board, error) {
	if id != v.g.Scope.BoardID {
		return nil, ErrNotFound
	}
	full, err := v.s.Board(id)
	if err != nil {
		return nil, err
	}
	// A new Board, never the shared snapshot changed: it holds the Info,
	// the version (for the screens' ordering) and the one record.
	b := &board.Board{Info: full.Info, Version: full.Version}
	// The team's name frames the screen; its members and their keys are
	// none of a guest's business.
	b.Team = board.Team{ID: full.Team.ID, Name: full.Team.Name}
	switch v.g.Scope.Kind {
	case GuestRetro:
		r, ok := full.Retro(v.g.Scope.ID)
		if !ok || !r.Running() {
			return nil, ErrNotFound
		}
		b.Retros = []board.Retro{*r.Clone()}
	case GuestArena:
		a, ok := full.Arena(v.g.Scope.ID)
		if !ok || !a.Open() {
			return nil, ErrNotFound
		}
		b.Arenas = []board.Arena{*a}
	default:
		return nil, ErrNotFound
	}
	return b, nil
}

// Watch subscribes to the guest's board; any other is closed at once.
func (v *GuestView) Watch(boardID uint64) (<-chan uint64, func()) {
	if boardID != v.g.Scope.BoardID {
		ch := make(chan uint64)
		close(ch)
		return ch, func() {}
	}
	return v.s.Watch(boardID)
}

// ChangeRetro is the guest's write in their retrospective.
func (v *GuestView) ChangeRetro(_ string, boardID, retroID uint64, op board.RetroOp) (board.Retro, error) {
	if boardID != v.g.Scope.BoardID {
		return board.Retro{}, ErrNotFound
	}
	return v.s.GuestChangeRetro(v.g, retroID, op)
}

// ChangeArena is the guest's write in their arena.
func (v *GuestView) ChangeArena(_ string, boardID, arenaID uint64, op board.ArenaOp) (board.Arena, error) {
	if boardID != v.g.Scope.BoardID {
		return board.Arena{}, ErrNotFound
	}
	return v.s.GuestChangeArena(v.g, arenaID, op)
}

// CreateDemo is refused: a guest makes no teams (View would let it).
func (v *GuestView) CreateDemo(string) (board.Info, error) { return board.Info{}, board.ErrGuestOnly }

// CreateTeam is refused, as CreateDemo.
func (v *GuestView) CreateTeam(string, string, ...string) (board.Team, error) {
	return board.Team{}, board.ErrGuestOnly
}

// The writes a guest can reach with a key of the board or a list (add an
// item, check in, start a session, a new retrospective, arena or board,
// the retention): refused with what guests do instead of the embedded
// View's ErrNotFound, which would read as "gone".

// Add is refused to a guest.
func (v *GuestView) Add(string, uint64, board.Item) (board.Item, error) {
	return nil, board.ErrGuestOnly
}

// Update is refused to a guest.
func (v *GuestView) Update(string, uint64, board.Item) (board.Item, error) {
	return nil, board.ErrGuestOnly
}

// Delete is refused to a guest.
func (v *GuestView) Delete(string, uint64, board.Area, uint64, uint64) error {
	return board.ErrGuestOnly
}

// ChangeItem is refused to a guest.
func (v *GuestView) ChangeItem(string, uint64, board.ItemOp) (board.Item, error) {
	return nil, board.ErrGuestOnly
}

// SetCheckIn is refused to a guest.
func (v *GuestView) SetCheckIn(string, uint64, board.Mood, string) (board.CheckIn, error) {
	return board.CheckIn{}, board.ErrGuestOnly
}

// StartMeeting is refused to a guest.
func (v *GuestView) StartMeeting(string, uint64, time.Duration) (board.Meeting, error) {
	return board.Meeting{}, board.ErrGuestOnly
}

// CreateRetro is refused to a guest.
func (v *GuestView) CreateRetro(string, uint64, string, string, []string, time.Time, time.Time, bool, int) (board.Retro, error) {
	return board.Retro{}, board.ErrGuestOnly
}

// CreateArena is refused to a guest.
func (v *GuestView) CreateArena(string, uint64, string, time.Time, string, int, string, []string, int) (board.Arena, error) {
	return board.Arena{}, board.ErrGuestOnly
}

// CreateBoard is refused to a guest.
func (v *GuestView) CreateBoard(string, uint64, string) (board.Info, error) {
	return board.Info{}, board.ErrGuestOnly
}

// SetRetention is refused to a guest.
func (v *GuestView) SetRetention(string, uint64, int) error { return board.ErrGuestOnly }

// The network's speerpunten are above every team, so View passes them on
// without a team check; a guest, who is in no team, reaches none of them.

// Speerpunten is none for a guest.
func (v *GuestView) Speerpunten() ([]board.Speerpunt, error) { return nil, nil }

// AddSpeerpunt is refused to a guest.
func (v *GuestView) AddSpeerpunt(string, board.Speerpunt) (board.Speerpunt, error) {
	return board.Speerpunt{}, board.ErrGuestOnly
}

// UpdateSpeerpunt is refused to a guest.
func (v *GuestView) UpdateSpeerpunt(string, board.Speerpunt) (board.Speerpunt, error) {
	return board.Speerpunt{}, board.ErrGuestOnly
}

// SpeerpuntUse is refused to a guest: even counts are the network's.
func (v *GuestView) SpeerpuntUse(uint64) (int, int, error) { return 0, 0, board.ErrGuestOnly }

// DeleteSpeerpunt is refused to a guest.
func (v *GuestView) DeleteSpeerpunt(string, uint64, uint64) error { return board.ErrGuestOnly }

// CreateDemoIn is refused, as CreateDemo.
func (v *GuestView) CreateDemoIn(string, string) (board.Info, error) {
	return board.Info{}, board.ErrGuestOnly
}
