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

var nlHandover = HandoverMessages{
	KeyHandOver:       "rol doorgeven",
	RetroHandTo:       "Wie wordt begeleider van deze retrospective?",
	ArenaHandTo:       "Wie wordt gespreksleider van deze leerlingarena?",
	RetroHandAskF:     "De retrospective overdragen aan %s?",
	ArenaHandAskF:     "De leerlingarena overdragen aan %s?",
	RetroLeadsF:       "%s begeleidt nu de retrospective en zet de fasen door",
	ArenaLeadsF:       "%s is nu gespreksleider",
	RetroTakeOverAskF: "%s is geen lid meer van het team. Begeleid jij deze retrospective verder?",
	NoOneToHand:       "Er is niemand anders in het team om aan over te dragen. Voeg eerst een lid toe.",
	ArenaLeader:       "Gespreksleider",
	LedBy:             "geleid door",
	NotArenaLeader:    "Alleen de gespreksleider kan de rol doorgeven. Vraag het hem of haar.",
	GuestStays:        "Als gast blijf je in deze retrospective of leerlingarena. Stoppen: ctrl+c.",
	ErrGuestOnly:      "Als gast doe je alleen mee in deze retrospective of leerlingarena: kaartjes schrijven, stemmen of notities maken. Er is niets opgeslagen.",
	GuestEnded:        "De retrospective of leerlingarena is afgesloten, en daarmee je toegang als gast. Bedankt voor het meedoen!",
	ErrGuestClosed:    "Deze retrospective of leerlingarena is al afgesloten: er kan geen gast meer bij. Vraag zo nodig een code voor een open retrospective of arena.",

	KeyRepeat:        "herhalen (elke periode)",
	RepeatTitle:      "Leerlingarena herhalen",
	FieldRepeatWeeks: "Elke … weken",
	HintRepeatWeeks:  "bijvoorbeeld 12 (een periode); 0 = niet herhalen. Na het terugkoppelen staat de volgende op de planning, met de open ideeën.",
	RepeatEveryF:     "↻ elke %d weken",
	RepeatSetF:       "De volgende leerlingarena komt %d weken na deze op de planning, na het terugkoppelen",
	RepeatOff:        "Deze leerlingarena wordt niet herhaald",
	ArenaOverdue:     " · ! arena",
	NotHeld:          "! te laat",
}

var enHandover = HandoverMessages{
	KeyHandOver:       "hand the role over",
	RetroHandTo:       "Who facilitates this retrospective from now on?",
	ArenaHandTo:       "Who leads this pupil arena from now on?",
	RetroHandAskF:     "Hand the retrospective over to %s?",
	ArenaHandAskF:     "Hand the pupil arena over to %s?",
	RetroLeadsF:       "%s now facilitates the retrospective and moves its phases",
	ArenaLeadsF:       "%s now leads the arena",
	RetroTakeOverAskF: "%s is no longer in the team. Will you facilitate this retrospective from here?",
	NoOneToHand:       "There is nobody else in the team to hand over to. Add a member first.",
	ArenaLeader:       "Discussion leader",
	LedBy:             "led by",
	NotArenaLeader:    "Only the discussion leader can hand the role over. Ask them.",
	GuestStays:        "As a guest you stay in this retrospective or pupil arena. To stop: ctrl+c.",
	ErrGuestOnly:      "As a guest you take part in this retrospective or pupil arena only: write cards, vote or take notes. Nothing was saved.",
	GuestEnded:        "The retrospective or pupil arena has closed, and with it your guest access. Thank you for taking part!",
	ErrGuestClosed:    "This retrospective or pupil arena has closed already: no guest can join it. Ask for a code for an open one if needed.",

	KeyRepeat:        "repeat (every term)",
	RepeatTitle:      "Repeat this pupil arena",
	FieldRepeatWeeks: "Every … weeks",
	HintRepeatWeeks:  "for example 12 (a term); 0 = do not repeat. After the report back the next one is on the planning, with the open ideas.",
	RepeatEveryF:     "↻ every %d weeks",
	RepeatSetF:       "The next pupil arena goes on the planning %d weeks after this one, once it is reported back",
	RepeatOff:        "This pupil arena does not repeat",
	ArenaOverdue:     " · ! arena",
	NotHeld:          "! overdue",
}
