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

var nlWall = WallMessages{
	KeyPage:          "pagina",
	KeyPresent:       "presenteren",
	PresentHint:      "p of esc = terug naar het bord",
	PresentStepF:     "stap %d van %d",
	PresentNoMeeting: "Geen bordsessie · S = bordsessie starten",
	LeaderGoneF:      "%s is weg",
	LeaderGoneHintF:  "%s is weg: druk op een toets om de bordsessie over te nemen",
	TakeOverGoneAskF: "%s is weg. Wil jij de bordsessie leiden?",
}

var enWall = WallMessages{
	KeyPage:          "page",
	KeyPresent:       "present",
	PresentHint:      "p or esc = back to the board",
	PresentStepF:     "step %d of %d",
	PresentNoMeeting: "No session · S = start a session",
	LeaderGoneF:      "%s has left",
	LeaderGoneHintF:  "%s has left: press any key to take the session over",
	TakeOverGoneAskF: "%s has left. Will you lead the session?",
}
