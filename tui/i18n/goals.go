package i18n

// GoalsMessages are the words of the goal rows, the goal detail and the
// plan view (issue 9).
type GoalsMessages struct {
	// Goal rows and warnings.
	OnCourse, Behind, NotMeasurable, VagueHint, Moreover                         string
	NotMeasurableF, NotMeasurablesF, VagueF, MissedF, TargetPassedF, FocusBoardF string
	FocusSpeerpuntF, ActionsF, OverdueF                                          string
	MissingIndicator, MissingUnit, MissingBaseline, MissingTarget                string
	StatusActive, StatusReached, StatusAdjusted, StatusStopped, OwnerF           string
	Baseline, Latest, Target, Lower, Higher, Cadence, Speerpunt, NoneYet         string

	// The goal detail.
	Detail, Measurements, History, NoMeasurements, NoHistory, NoChart          string
	ColDate, ColValue, ColWho, ColNote, ChangedF, TargetChangedF, Expected     string
	KeyDetail, KeyCloseGoal, KeyAdjust, KeyScroll, KeyPlan, KeyPhase, KeyLink  string
	KeySpeerpunt, KeyExpand, KeyNewSpeerpunt                                   string
	CloseTitle, AdjustTitle, PickStatus, FieldReason, HintReason, FieldNewDate string
	StatusSetF, AdjustedF, MeasuredF, ErrNumberF, ErrNotFinite, ErrOutsideF    string
	ErrReason, FocusShort, Today                                               string

	// The goal form's plan fields.
	FieldBaselineDate, HintTargetDate, FieldDirection, HintDirection, HintCadence string
	FieldGoalOwner, HintSpeerpunt, ErrSpeerpunt, FieldCadence, FieldSpeerpunt     string
	Directions                                                                    [2]string // higher, lower
	Cadences                                                                      [5]string // as board.Cadences: none first

	// The plan view.
	Plan, PhaseF, NoPhase, NoSpeerpunten, Unlinked, TallyF, GoalsTallyF          string
	DeleteSpeerpuntAskF, DeleteSpeerpuntF, NewSpeerpunt, FieldPeriod, HintPeriod string
	FieldOwner, FieldDescription, ErrPeriod, PhaseSetF, AcrossTeams, PickPhase   string
	LinkedF, Unlink, NoActions, PhaseHistoryF, PeriodF                           string
	Phases                                                                       [3]string
}

var nlGoals = GoalsMessages{
	OnCourse: "op koers", Behind: "achter", NotMeasurable: "niet meetbaar", VagueHint: "vaag?", Moreover: "en",
	NotMeasurableF: "niet meetbaar: %s ontbreekt", NotMeasurablesF: "niet meetbaar: %s ontbreken",
	VagueF:          "vaag? \"%s\" zegt niet hoeveel of wanneer: noem een getal of datum, of geef het doel een indicator",
	MissedF:         "meetmoment gemist: %s",
	TargetPassedF:   "streefdatum %s voorbij: sluit af of stel bij",
	FocusBoardF:     "Beperk het aantal doelen: %d lopen er, houd het bij %d of minder",
	FocusSpeerpuntF: "Beperk het aantal doelen onder %s: %d lopen er, houd het bij %d of minder",
	ActionsF:        "%d open · %d klaar", OverdueF: "%d te laat",
	MissingIndicator: "indicator", MissingUnit: "eenheid", MissingBaseline: "nulmeting", MissingTarget: "streefwaarde",
	StatusActive: "lopend", StatusReached: "bereikt", StatusAdjusted: "bijgesteld", StatusStopped: "gestopt", OwnerF: "wie: %s",
	Baseline: "nulmeting", Latest: "laatste", Target: "streefwaarde", Lower: "lager is beter", Higher: "hoger is beter",
	Cadence: "meetmomenten", Speerpunt: "speerpunt", NoneYet: "nog geen",

	Detail: "Doel", Measurements: "Metingen", History: "Geschiedenis",
	NoMeasurements: "Nog geen metingen: druk m voor de eerste.",
	NoHistory:      "Nog niets afgesloten of bijgesteld.",
	NoChart:        "Geen grafiek: geef het doel een eenheid, nulmeting en streefwaarde met datum (e bewerken).",
	ColDate:        "datum", ColValue: "waarde", ColWho: "wie", ColNote: "notitie",
	ChangedF: "%s → %s", TargetChangedF: "streefwaarde %s (%s) → %s (%s)", Expected: "verwacht",
	KeyDetail: "doel openen", KeyCloseGoal: "afsluiten/heropenen", KeyAdjust: "bijstellen", KeyScroll: "metingen",
	KeyPlan: "plan", KeyPhase: "BKA-fase", KeyLink: "koppel aan speerpunt", KeySpeerpunt: "speerpunt", KeyExpand: "open/dicht", KeyNewSpeerpunt: "nieuw speerpunt",
	CloseTitle: "Doel afsluiten of heropenen", AdjustTitle: "Streefwaarde bijstellen", PickStatus: "Nieuwe status",
	FieldReason: "Reden", HintReason: "één regel: waarom (komt in de geschiedenis)", FieldNewDate: "Streefdatum",
	StatusSetF: "%s is nu %s", AdjustedF: "Streefwaarde van %s bijgesteld; de oude staat in de geschiedenis", MeasuredF: "Meting %s toegevoegd aan %s",
	ErrNumberF:   "%q is geen getal. Typ een getal, zoals 3,5 of 1.250.",
	ErrNotFinite: "Dat is geen meetbaar getal. Typ een gewoon getal, zoals 3,5.",
	ErrOutsideF:  "%s valt buiten de planperiode %d–%d. Kies een datum in die jaren.",
	ErrReason:    "Schrijf in één regel waarom; die reden blijft in de geschiedenis staan.",
	FocusShort:   "beperk het aantal doelen", Today: "vandaag",

	FieldBaselineDate: "Datum nulmeting", HintTargetDate: "wanneer de streefwaarde bereikt moet zijn (leeg: de datum van het doel)",
	FieldDirection: "Beter is", HintDirection: "hoger of lager (leeg: volgt uit nulmeting en streefwaarde)",
	HintCadence: "geen, wekelijks, maandelijks, kwartaal of periode", FieldGoalOwner: "Wie", FieldCadence: "Meetmomenten", FieldSpeerpunt: "Speerpunt",
	HintSpeerpunt: "leeg, of de titel van een speerpunt (tab vult aan)",
	ErrSpeerpunt:  "Dat speerpunt ken ik niet. Typ het begin van de titel en druk tab, of laat het leeg.",
	Directions:    [2]string{"hoger", "lager"},
	Cadences:      [5]string{"geen", "wekelijks", "maandelijks", "kwartaal", "periode"},

	Plan: "Plan", PhaseF: "BKA-fase %d van %d: %s", NoPhase: "BKA-fase van %d nog niet gekozen (F om te kiezen)",
	NoSpeerpunten:       "Nog geen speerpunten: druk n om er een toe te voegen, l om een doel eraan te koppelen.",
	Unlinked:            "Zonder speerpunt",
	TallyF:              "%d scholen, %d op koers, %d achter",
	GoalsTallyF:         "doelen: %d, op koers: %d, achter: %d",
	DeleteSpeerpuntAskF: "Speerpunt %q verwijderen? %d doelen hangen eronder; die blijven staan, zonder speerpunt.",
	DeleteSpeerpuntF:    "Speerpunt %s verwijderd",
	NewSpeerpunt:        "Nieuw speerpunt", FieldPeriod: "Planperiode", HintPeriod: "twee jaartallen, bijv. 2026-2030",
	FieldOwner: "Eigenaar", FieldDescription: "Beschrijving",
	ErrPeriod:   "Typ de planperiode als twee jaartallen, zoals 2026-2030 (hoogstens tien jaar).",
	PhaseSetF:   "BKA-fase van %d is nu %d",
	AcrossTeams: "Over al je teams",
	PickPhase:   "BKA-fase van dit planjaar",
	LinkedF:     "%s hangt nu onder %s", Unlink: "(geen speerpunt)", NoActions: "geen acties",
	PhaseHistoryF: "fase %d → %d door %s op %s", PeriodF: "%d–%d",
	Phases: [3]string{"analyseren en plan schrijven", "uitvoeren, bijsturen en evalueren", "evalueren, verantwoorden en bijstellen"},
}

var enGoals = GoalsMessages{
	OnCourse: "on track", Behind: "behind", NotMeasurable: "not measurable", VagueHint: "vague?", Moreover: "and",
	NotMeasurableF: "not measurable: %s missing", NotMeasurablesF: "not measurable: %s missing",
	VagueF:          "vague? \"%s\" does not say how much or by when: name a number or date, or give the goal an indicator",
	MissedF:         "measurement missed: %s",
	TargetPassedF:   "target date %s passed: close or adjust it",
	FocusBoardF:     "Limit the number of goals: %d are running, keep it to %d or fewer",
	FocusSpeerpuntF: "Limit the number of goals under %s: %d are running, keep it to %d or fewer",
	ActionsF:        "%d open · %d done", OverdueF: "%d overdue",
	MissingIndicator: "indicator", MissingUnit: "unit", MissingBaseline: "baseline", MissingTarget: "target",
	StatusActive: "running", StatusReached: "reached", StatusAdjusted: "adjusted", StatusStopped: "stopped", OwnerF: "who: %s",
	Baseline: "baseline", Latest: "latest", Target: "target", Lower: "lower is better", Higher: "higher is better",
	Cadence: "measurements", Speerpunt: "priority", NoneYet: "none yet",

	Detail: "Goal", Measurements: "Measurements", History: "History",
	NoMeasurements: "No measurements yet: press m for the first.",
	NoHistory:      "Nothing closed or adjusted yet.",
	NoChart:        "No chart: give the goal a unit, a baseline and a target with dates (e to edit).",
	ColDate:        "date", ColValue: "value", ColWho: "who", ColNote: "note",
	ChangedF: "%s → %s", TargetChangedF: "target %s (%s) → %s (%s)", Expected: "expected",
	KeyDetail: "open goal", KeyCloseGoal: "close/reopen", KeyAdjust: "adjust", KeyScroll: "measurements",
	KeyPlan: "plan", KeyPhase: "BKA phase", KeyLink: "link to priority", KeySpeerpunt: "priority", KeyExpand: "open/close", KeyNewSpeerpunt: "new priority",
	CloseTitle: "Close or reopen the goal", AdjustTitle: "Adjust the target", PickStatus: "New status",
	FieldReason: "Reason", HintReason: "one line: why (kept in the history)", FieldNewDate: "Target date",
	StatusSetF: "%s is now %s", AdjustedF: "Target of %s adjusted; the old one is in the history", MeasuredF: "Measurement %s added to %s",
	ErrNumberF:   "%q is not a number. Type a number, like 3.5 or 1,250.",
	ErrNotFinite: "That is not a measurable number. Type a plain number, like 3.5.",
	ErrOutsideF:  "%s is outside the plan period %d–%d. Pick a date in those years.",
	ErrReason:    "Write in one line why; the reason stays in the history.",
	FocusShort:   "limit the number of goals", Today: "today",

	FieldBaselineDate: "Baseline date", HintTargetDate: "when the target should be reached (empty: the goal's date)",
	FieldDirection: "Better is", HintDirection: "higher or lower (empty: follows from baseline and target)",
	HintCadence: "none, weekly, monthly, quarterly or term", FieldGoalOwner: "Who", FieldCadence: "Measured", FieldSpeerpunt: "Priority",
	HintSpeerpunt: "empty, or the title of a priority (tab completes)",
	ErrSpeerpunt:  "I don't know that priority. Type the start of its title and press tab, or leave it empty.",
	Directions:    [2]string{"higher", "lower"},
	Cadences:      [5]string{"none", "weekly", "monthly", "quarterly", "term"},

	Plan: "Plan", PhaseF: "BKA phase %d of %d: %s", NoPhase: "BKA phase of %d not chosen yet (F to choose)",
	NoSpeerpunten:       "No priorities yet: press n to add one, l to link a goal to it.",
	Unlinked:            "Without priority",
	TallyF:              "%d schools, %d on track, %d behind",
	GoalsTallyF:         "goals: %d, on track: %d, behind: %d",
	DeleteSpeerpuntAskF: "Delete priority %q? %d goals hang under it; they stay, without a priority.",
	DeleteSpeerpuntF:    "Priority %s deleted",
	NewSpeerpunt:        "New priority", FieldPeriod: "Plan period", HintPeriod: "two years, e.g. 2026-2030",
	FieldOwner: "Owner", FieldDescription: "Description",
	ErrPeriod:   "Type the plan period as two years, like 2026-2030 (ten years at most).",
	PhaseSetF:   "BKA phase of %d is now %d",
	AcrossTeams: "Across all your teams",
	PickPhase:   "BKA phase of this plan year",
	LinkedF:     "%s now hangs under %s", Unlink: "(no priority)", NoActions: "no actions",
	PhaseHistoryF: "phase %d → %d by %s on %s", PeriodF: "%d–%d",
	Phases: [3]string{"analyse and write the plan", "carry out, steer and evaluate", "evaluate, give account and adjust"},
}
