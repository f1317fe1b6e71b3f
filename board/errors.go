package board

import (
	"errors"
	"fmt"
	"time"
)

// Errors of changing a board, shared by the store that raises them and the
// screens that word them for the user.
var (
	// ErrConflict: someone else changed the item since the user saw it.
	ErrConflict = errors.New("board: changed by someone else")
	// ErrNotFound: the team, board or item does not exist (any more).
	ErrNotFound = errors.New("board: not found")
	// ErrExists: a team or board with that name exists already.
	ErrExists = errors.New("board: already exists")
)

// ConflictError is the ErrConflict of one item: who changed it last, when,
// and the item as it is now, so the editor can show it beside the user's text.
type ConflictError struct {
	By      string
	At      time.Time
	Current Item // the item as stored now
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("board: changed by %s at %s", e.By, e.At.Format(time.RFC3339))
}

func (e *ConflictError) Unwrap() error { return ErrConflict }

// ErrAlreadyAction: an arena idea or a retrospective card became an action
// already; a second promote would make a duplicate.
var ErrAlreadyAction = errors.New("board: already an action")

// AlreadyActionError is ErrAlreadyAction with the existing action's id, so
// the screen can offer to open it.
type AlreadyActionError struct {
	ID uint64 // the action on the board
}

func (e *AlreadyActionError) Error() string {
	return fmt.Sprintf("board: already action %d", e.ID)
}

func (e *AlreadyActionError) Unwrap() error { return ErrAlreadyAction }

// ErrSharedSpeerpunt: a member may not delete a speerpunt that goals of
// teams outside their reach hang under; those teams steer on it too.
var ErrSharedSpeerpunt = errors.New("board: speerpunt used by other teams")
