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
	// NoOneToHand: the team has nobody else.
	NoOneToHand string
	// ArenaLeader names the role in the arena's header; LedBy the history.
	ArenaLeader, LedBy string
	// NotArenaLeader: only the gespreksleider hands the role over.
	NotArenaLeader string
	// ErrGuestOnly: a guest tried something outside their one record.
	ErrGuestOnly string
	// GuestEnded ends a guest's session when their record closed.
	GuestEnded string
}

var nlHandover = HandoverMessages{
	KeyHandOver:    "rol doorgeven",
	RetroHandTo:    "Wie wordt begeleider van deze retrospective?",
	ArenaHandTo:    "Wie wordt gespreksleider van deze leerlingarena?",
	RetroHandAskF:  "De retrospective overdragen aan %s?",
	ArenaHandAskF:  "De leerlingarena overdragen aan %s?",
	RetroLeadsF:    "%s begeleidt nu de retrospective en zet de fasen door",
	ArenaLeadsF:    "%s is nu gespreksleider",
	NoOneToHand:    "Er is niemand anders in het team om aan over te dragen. Voeg eerst een lid toe.",
	ArenaLeader:    "Gespreksleider",
	LedBy:          "geleid door",
	NotArenaLeader: "Alleen de gespreksleider kan de rol doorgeven. Vraag het hem of haar.",
	ErrGuestOnly:   "Als gast doe je alleen mee in deze retrospective of leerlingarena: kaartjes schrijven, stemmen of notities maken. Er is niets opgeslagen.",
	GuestEnded:     "De retrospective of leerlingarena is afgesloten, en daarmee je toegang als gast. Bedankt voor het meedoen!",
}

var enHandover = HandoverMessages{
	KeyHandOver:    "hand the role over",
	RetroHandTo:    "Who facilitates this retrospective from now on?",
	ArenaHandTo:    "Who leads this pupil arena from now on?",
	RetroHandAskF:  "Hand the retrospective over to %s?",
	ArenaHandAskF:  "Hand the pupil arena over to %s?",
	RetroLeadsF:    "%s now facilitates the retrospective and moves its phases",
	ArenaLeadsF:    "%s now leads the arena",
	NoOneToHand:    "There is nobody else in the team to hand over to. Add a member first.",
	ArenaLeader:    "Discussion leader",
	LedBy:          "led by",
	NotArenaLeader: "Only the discussion leader can hand the role over. Ask them.",
	ErrGuestOnly:   "As a guest you take part in this retrospective or pupil arena only: write cards, vote or take notes. Nothing was saved.",
	GuestEnded:     "The retrospective or pupil arena has closed, and with it your guest access. Thank you for taking part!",
}
