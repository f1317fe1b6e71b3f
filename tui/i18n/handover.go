package i18n

// HandoverMessages are the words of handing a retrospective or an arena
// over to a school: the hand-over itself, guests and recurring arenas.
type HandoverMessages struct {
	// KeyHandOver is the help of the L key on both screens.
	KeyHandOver string
	// RetroHandTo and ArenaHandTo title the chooser of the new holder.
	RetroHandTo, ArenaHandTo string
	// RetroHandAskF and ArenaHandAskF confirm: "%s" is the new holder.
	RetroHandAskF, ArenaHandAskF string
	// RetroLeadsF and ArenaLeadsF say who holds the role now.
	RetroLeadsF, ArenaLeadsF string
	// RetroTakeOverAskF: the facilitator (%s) left the team; take over?
	RetroTakeOverAskF string
	// NoOneToHand: the team has nobody else.
	NoOneToHand string
	// ArenaLeader names the role in the arena's header; LedBy the history.
	ArenaLeader, LedBy string
	// NotArenaLeader: only the gespreksleider hands the role over.
	NotArenaLeader string
	// ErrGuestOnly: a guest tried something outside their one record;
	// GuestStays: a guest pressed esc, which leads nowhere for them.
	ErrGuestOnly, GuestStays string
	// GuestEnded ends a guest's session when their record closed;
	// ErrGuestClosed refuses a guest code for a closed record.
	GuestEnded, ErrGuestClosed string
	// Recurring arenas: the key, the form, its hint, the header mark
	// ("every %d weeks"), the status after saving, and the planning
	// panel's flag of arenas whose day passed unheld (short: the panel
	// is a third of the screen; "!" is overdue, as on actions).
	KeyRepeat, RepeatTitle, FieldRepeatWeeks, HintRepeatWeeks, RepeatEveryF, RepeatSetF, RepeatOff, ArenaOverdue string
	// NotHeld marks an overdue arena in the list of arenas.
	NotHeld string
}
