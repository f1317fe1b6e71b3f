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
