package i18n

// WallMessages are the words of the board on the wall (issue 14): paging
// through long lists, the presentation view of a bordsessie and the
// leader who left.
type WallMessages struct {
	KeyPage    string // help of PgUp/PgDn
	KeyPresent string // help of the presentation key
	// PresentHint says how to leave the presentation view.
	PresentHint string
	// PresentStepF is "step %d of %d" above the step's name.
	PresentStepF string
	// PresentNoMeeting heads the presentation of an area outside a
	// bordsessie, and says how to start one.
	PresentNoMeeting string
	// LeaderGoneF is the header's word for a leader whose connection
	// ended: "%s is weg".
	LeaderGoneF string
	// LeaderGoneHintF is the status line under it, saying what to do.
	LeaderGoneHintF string
	// TakeOverGoneAskF is the offer after the first key press.
	TakeOverGoneAskF string
}
