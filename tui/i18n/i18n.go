// Package i18n is bord's message catalog: every sentence a screen shows and
// the words of the markdown reports (report.go), in Dutch (the default) and
// English. The command line's few words of its own live with its commands
// (cmd/bord, cmd/commands). Messages is a struct, not a map, and each of its
// messages is written once with its Dutch and English side by side,
// t("Dutch", "English"), in catalog.go and subcatalogs.go: a string missing
// in one language is a compile error or a failing test, never a blank on
// screen. It must never hold logic beyond choosing and filling in a message
// and handing its words to package board's reports.
package i18n

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
)

// Lang is a language code.
type Lang string

// Supported languages.
const (
	NL Lang = "nl"
	EN Lang = "en"
)

// Parse reads a language flag value; ok is false for anything else.
func Parse(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "nl", "nederlands", "dutch":
		return NL, true
	case "en", "english", "engels":
		return EN, true
	}
	return NL, false
}

// FromEnv picks the language from LC_ALL, LC_MESSAGES or LANG: English when
// the first one set starts with "en", Dutch otherwise.
func FromEnv(getenv func(string) string) Lang {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return EN
			}
			return NL
		}
	}
	return NL
}

// For returns the catalog of a language.
func For(l Lang) *Messages {
	if l == EN {
		return &en
	}
	return &nl
}

// The two catalogs, each built once (catalog.go): For hands out the same
// one every time.
var nl, en = catalog(NL), catalog(EN)

// tr picks a message's words in one language: t("Dutch", "English"). Every
// message of the catalogs is written through it, so a translator sees both
// languages on one line and a message in one language only does not
// compile.
type tr func(nl, en string) string

// translator is the tr of a language: English for EN, Dutch otherwise.
func translator(l Lang) tr {
	if l == EN {
		return func(_, en string) string { return en }
	}
	return func(nl, _ string) string { return nl }
}

// Messages holds every user-facing string of one language. Fields ending in
// "F" are format strings for fmt.Sprintf.
type Messages struct {
	Lang Lang

	// Handover: handing retrospectives and arenas over (handover.go).
	Handover HandoverMessages
	// Wall is the board on the wall: paging, presentation, a leader who left.
	Wall WallMessages

	// Areas of the board.
	AreaCheckIn, AreaSuccess, AreaGoal, AreaAction, AreaPlanning, AreaParking string

	WeekF          string // "week %d"
	Team           string
	You            string
	Empty          string
	EmptyAreaHintF string // "%s to add"
	Overdue        string
	MoreF          string // "+%d more"
	NoGoal         string
	NoBoards       string
	PickerTitle    string
	DemoOffer      string
	DemoYes        string
	NewBoard       string
	Quit           string
	Loading        string
	Here           string
	OpenActions    string
	NotYet         string

	// Action and goal statuses, moods.
	StatusTodo, StatusDoing, StatusDone, StatusDropped string
	MoodGood, MoodSoSo, MoodBad                        string

	// Filters.
	FilterAll, FilterMine, FilterOverdue, FilterGoalF, FilterLabel string

	// Key help.
	KeyAreas, KeyMove, KeyAdd, KeyEdit, KeyDelete, KeyStatus, KeyDone, KeyDrop, KeyGoal string
	KeyFilter, KeyUndo, KeyHelp, KeyQuit, KeyBoards, KeyCheckIn, KeyMeasure, KeyClose   string
	KeySave, KeyCancel, KeyNextField, KeyPick, KeyBack, KeySpace                        string
	HelpTitle                                                                           string
	// Keys of the other screens, for their help lines and ? overlays.
	KeyOpen, KeyNew, KeyDemo, KeyRetros, KeyArenas, KeyFirstLast, KeyColumn, KeyPhase                                                   string
	KeyTimer, KeyCard, KeyVote, KeyUnvote, KeyGroup, KeyUngroup, KeyReviewDone                                                          string
	KeyReviewOpen, KeyReviewDrop, KeyToAction, KeyTab, KeyQuestion, KeyBank, KeyOrder                                                   string
	KeyCapture, KeyNextQuestion, KeyStopTyping, KeySaveNote, KeyNewTheme, KeySetTheme                                                   string
	KeyIdea, KeyRate, KeyPromote, KeyReport, KeyRetention, KeyNewBoard, KeyToBoard                                                      string
	TooSmall, DiscardAskF, ErrTooLongF, CountF, RetroCloseAsk, AlreadyActionAsk, AlreadyActionCardAsk, ErrAlreadyAction, DeleteGoalAskF string

	// Forms.
	FormAddF, FormEditF                                  string // "%s toevoegen"
	FieldWhat, FieldWho, FieldWhen, FieldGoal, FieldText string
	FieldTitle, FieldWhy, FieldByWhen, FieldMeasure      string
	FieldUnit, FieldBaseline, FieldTarget, FieldDate     string
	FieldValue, FieldNote, FieldMood, FieldWord          string
	FieldTeam, FieldBoard, FieldMembers                  string
	HintDate, HintWho, HintGoal, HintMembers, HintMood   string
	MeasureTitle, PickGoal, PickMood, PickFilter         string

	// Status line messages.
	SavedF, DeletedF, UndoneF, NothingToUndo, StatusSetF, GoalLinkedF, CheckedInF string
	ChangedByF, Reapply                                                           string
	// DiffersF lists the fields in which a conflict's two versions differ;
	// the Field… words below name the item fields a form does not show.
	DiffersF, FieldStatus, FieldWeek, FieldMeasurements, FieldOrigin, FieldDoneAt string

	// Errors, worded for the user.
	ErrEmptyF, ErrUnknownOwnerF, ErrPastDate, ErrNoDate, ErrBadDate, ErrBadValue string
	ErrNumber, ErrConflictF, ErrGone, ErrExists, ErrGeneric                      string
	ErrLockedF, ErrLockedServeF, ErrNotEmpty, ErrNewerSchema, ErrNoBoardF        string
	ErrBadLangF, ErrChooseBoardF, ErrChooseTeamF                                 string

	// CLI.
	BackupDoneF, ImportDoneF, DemoDoneF, ExportDoneF string

	// Markdown export.
	MdBoard, MdMeasure, MdStatus, MdNothing string

	// Joining over SSH.
	InviteTitle, FieldCode, HintCode, FieldName, HintName, UnknownKey, Fingerprint, AskInvite string
	ErrInvite, ErrNameTaken, ErrKeyTaken                                                      string
	Goodbye, IdleBye, TooLongBye, NoPTY, UnknownCommandF, ExecHelp, WhoamiF, NotMember        string

	// The bordsessie.
	KeyMeetStart, KeyMeetStep, KeyMeetLead, KeyMeetEnd, KeyMeetFollow                               string
	MeetingStart, FieldMinutes, HintMinutes, HandOverTo, LeaderNowF, MeetingEndAsk, Yes, No         string
	MeetingEnded, MeetingStarted, TimeLeftF, TimeOverF, Meeting, Leader, NearlyUp, SinceLast        string
	ErrNotLeader, ErrMeetingRunning, ErrNoMeeting, TakeOverAskF                                     string
	NoSession, ThisSession, NotFollowing, New, Leaders, EndHint, NewActions, DoneActions, StepClose string

	// Retrospectives.
	Retro, Retros, Phase, Facilitator, VotesLeftF, NoPrevious, OthersWrote, RetroFacilitatorHint                 string
	NoRetros, NewRetro, FieldTopic, HintTopic, FieldFrom, FieldTo, FieldFormat, HintFormat                       string
	FieldNamed, HintNamed, FieldVotes, RetroToAction, Deleted, Ungrouped, Grouped, GroupUnder                    string
	GroupTitle, HintGroupTitle, Saved, StillOpen, HintCard, RetroKey, Period, ErrNoRetroF, PhaseTimer, HintTimer string
	ErrPhase, ErrNotFacilitator, ErrNoVotesLeft, ErrNotYours, RetroClosed, NoCardsNow, EditBeforeReveal          string
	Phases                                                                                                       [8]string
	FormatColumns                                                                                                map[string][]string
	RetroHints                                                                                                   map[board.Phase]string

	// Leerlingarena.
	Arena, Arenas, ArenaOpen, ReportedBackF, NoArenas, NewArena, HintArenaTopic                                                          string
	FieldGroup, HintGroup, FieldPupils, HintPupils, FieldArenaLeader, FieldNoteTakers, PupilsF                                           string
	TooManyPupilsF, NameGuardF, QuestionClosed, QuestionVague, NoTheme, FeasibilityShort, ImpactShort                                    string
	NotesDeletedF, NoQuestions, QuestionOfF, CaptureResume, Impact, Feasibility, QuadLater, QuadFirst                                    string
	QuadSkip, QuadQuick, ReportBackTodo, ReportBackHint, ArenaSummaryF, FieldQuestion, HintQuestion                                      string
	QuestionBankTitle, NewTheme, PickTheme, NewIdea, RateIdea, FieldIdea, FieldTheme, HintTheme                                          string
	HintRating, PromoteTitle, FieldHow, HintHow, OpenArenasF, Retention, NotesDeletedShort, RetentionTitle, HintRetention, RetentionSetF string
	ErrNoArenaF                                                                                                                          string
	ArenaTabs, ArenaHints                                                                                                                [5]string
	QuestionBank                                                                                                                         []string

	Weekdays [7]string // Sunday first, as time.Weekday
	Months   [12]string

	// Leerlingarena, added later: masking, flagged notes, note delete and
	// edit, confirmations, pupil count and speaker label warnings.
	NameMask, FlaggedMark, CaptureSelectHint, DeleteNoteAskF, DeleteQuestionAskF, TooManyPupilsFormF, ErrSpeaker, ErrReported string
	// ArenaNotes titles the masked notes of the report-back tab;
	// ArenaClosedCapture answers a new note on a reported-back arena.
	ArenaNotes, ArenaClosedCapture string
	// Duo is the words of the duo screens and report (duo.go).
	Duo DuoMessages

	// Goals that steer: goal rows, goal detail, plan view (goals.go).
	Goals GoalsMessages
	// Words of issue 14: dates, errors, waits (words.go).
	Words WordsMessages
}

// Area returns the name of an area.
func (m *Messages) Area(a board.Area) string {
	return word(map[board.Area]string{board.AreaCheckIn: m.AreaCheckIn, board.AreaSuccess: m.AreaSuccess,
		board.AreaGoal: m.AreaGoal, board.AreaAction: m.AreaAction, board.AreaPlanning: m.AreaPlanning,
		board.AreaParking: m.AreaParking}, a, string(a))
}

// Step returns the name of a bordsessie step: the area's name, or close.
func (m *Messages) Step(s board.Step) string {
	if a, ok := s.Area(); ok {
		return m.Area(a)
	}
	return m.StepClose
}

// Status returns the word for an action status.
func (m *Messages) Status(s board.Status) string { return word(m.statuses(), s, m.StatusTodo) }

// statuses are the action statuses' words, the same on screen and in the
// reports.
func (m *Messages) statuses() map[board.Status]string {
	return map[board.Status]string{board.StatusTodo: m.StatusTodo, board.StatusDoing: m.StatusDoing,
		board.StatusDone: m.StatusDone, board.StatusDropped: m.StatusDropped}
}

// Mood returns the word for a mood.
func (m *Messages) Mood(md board.Mood) string { return m.moods()[md] }

// moods are the moods' words, the same on screen and in the reports.
func (m *Messages) moods() map[board.Mood]string {
	return map[board.Mood]string{board.MoodGood: m.MoodGood, board.MoodSoSo: m.MoodSoSo, board.MoodNotOK: m.MoodBad}
}

// word is words[k], or def for a k that has no word of its own.
func word[K comparable](words map[K]string, k K, def string) string {
	if w, ok := words[k]; ok {
		return w
	}
	return def
}

// Date formats a date for people: "vr 4 dec 2026".
func (m *Messages) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d %s %d", m.Weekdays[t.Weekday()], t.Day(), m.Months[t.Month()-1], t.Year())
}

// ShortDate formats a date compactly for lists: "4 dec".
func (m *Messages) ShortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s", t.Day(), m.Months[t.Month()-1])
}

// Field returns the label of a validated field name.
func (m *Messages) Field(f string) string {
	return word(map[string]string{"what": m.FieldWhat, "who": m.FieldWho, "when": m.FieldWhen, "goal": m.FieldGoal,
		"title": m.FieldTitle, "by_when": m.FieldByWhen, "date": m.FieldDate, "name": m.FieldTeam}, f, m.FieldText)
}

// DiffFields words the item fields board.Diff names ("status",
// "indicator.target") for a conflict box; an unknown one stays as it is.
func (m *Messages) DiffFields(names []string) string {
	words := map[string]string{
		"what": m.FieldWhat, "who": m.FieldWho, "when": m.FieldWhen, "goal_id": m.FieldGoal,
		"text": m.FieldText, "title": m.FieldTitle, "why": m.FieldWhy, "by_when": m.FieldByWhen,
		"measure": m.FieldMeasure, "indicator": m.FieldMeasure, "indicator.unit": m.FieldUnit,
		"indicator.baseline": m.FieldBaseline, "indicator.target": m.FieldTarget,
		"indicator.measurements": m.FieldMeasurements, "date": m.FieldDate, "mood": m.FieldMood,
		"word": m.FieldWord, "week": m.FieldWeek, "status": m.FieldStatus, "origin": m.FieldOrigin,
		"done_at": m.FieldDoneAt,
	}
	out := make([]string, len(names))
	for i, n := range names {
		if w, ok := words[n]; ok {
			n = w
		}
		out[i] = strings.ToLower(n)
	}
	return strings.Join(out, ", ")
}

// Err words an error from the domain or the store for the user. Unknown
// errors get a generic sentence: raw Go errors are not for users.
func (m *Messages) Err(err error) string {
	if err == nil {
		return ""
	}
	if s, ok := m.Duo.err(err); ok {
		return s
	}
	if s, ok := m.planErr(err); ok {
		return s
	}
	if v, ok := board.AsValidation(err); ok {
		switch v.Problem {
		case board.ProblemEmpty:
			return fmt.Sprintf(m.ErrEmptyF, m.Field(v.Field))
		case board.ProblemUnknownOwner:
			return fmt.Sprintf(m.ErrUnknownOwnerF, v.Value)
		case board.ProblemPastDate:
			return m.ErrPastDate
		case board.ProblemNoDate:
			return fmt.Sprintf(m.Words.DateRequiredF, m.Field(v.Field), m.Words.DateWorks)
		}
		return m.ErrBadValue
	}
	var c *board.ConflictError
	switch {
	case errors.As(err, &c):
		return fmt.Sprintf(m.ErrConflictF, c.By, c.At.Local().Format("15:04"))
	case errors.Is(err, board.ErrBadDate):
		return m.DateErr(m.FieldDate, err)
	}
	if s, ok := sentence(err, []wording{
		{board.ErrNotFound, m.ErrGone}, {board.ErrExists, m.ErrExists}, {board.ErrNotLeader, m.ErrNotLeader},
		{board.ErrMeetingRunning, m.ErrMeetingRunning}, {board.ErrNoMeeting, m.ErrNoMeeting},
		{board.ErrPhase, m.ErrPhase}, {board.ErrNotFacilitator, m.ErrNotFacilitator},
		{board.ErrNoVotesLeft, m.ErrNoVotesLeft}, {board.ErrNotYours, m.ErrNotYours}, {board.ErrReported, m.ErrReported},
		{board.ErrGuestOnly, m.Handover.ErrGuestOnly}, {board.ErrGuestClosed, m.Handover.ErrGuestClosed},
		// Someone made the action a moment earlier (two people at once).
		{board.ErrAlreadyAction, m.ErrAlreadyAction},
	}); ok {
		return s
	}
	// The disk and the file: "try again" cannot help a full disk.
	if s := m.storageErr(err); s != "" {
		return s
	}
	return m.ErrGeneric
}

// wording is the sentence for an error that is (errors.Is) err.
type wording struct {
	err error
	msg string
}

// sentence is the sentence of the first of ws that err is; ok is false
// when it is none of them.
func sentence(err error, ws []wording) (string, bool) {
	for _, w := range ws {
		if errors.Is(err, w.err) {
			return w.msg, true
		}
	}
	return "", false
}

// Labels returns the words markdown export needs.
func (m *Messages) Labels() board.Labels {
	return board.Labels{
		Board: m.MdBoard, Actions: m.AreaAction, NoGoal: m.NoGoal, Overdue: m.Overdue,
		CheckIns: m.AreaCheckIn, Successes: m.AreaSuccess, Goals: m.AreaGoal,
		Planning: m.AreaPlanning, Parking: m.AreaParking, Measure: m.MdMeasure,
		Session: m.Meeting, Leader: m.Leaders, NewActions: m.NewActions, Done: m.DoneActions,
		SinceLast: m.SinceLast, NoSession: m.NoSession, Numbers: m.Numbers(),
		Status: m.MdStatus, Week: strings.TrimSpace(strings.TrimSuffix(m.WeekF, "%d")), Nothing: m.MdNothing,
		Moods: m.moods(), Statuses: m.statuses(), GoalStatuses: m.goalStatuses(),
	}
}

// goalStatuses are the goal statuses' words by status, for the reports.
func (m *Messages) goalStatuses() map[board.GoalStatus]string {
	g := &m.Goals
	return map[board.GoalStatus]string{board.GoalActive: g.StatusActive, board.GoalReached: g.StatusReached,
		board.GoalAdjusted: g.StatusAdjusted, board.GoalStopped: g.StatusStopped}
}

// GoalStatus is the word for a goal's status, the same on screen and in
// the reports (lopend, bereikt, bijgesteld, gestopt).
func (m *Messages) GoalStatus(s board.GoalStatus) string {
	return word(m.goalStatuses(), s, m.Goals.StatusActive)
}
