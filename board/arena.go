package board

import (
	"errors"
	"slices"
	"strings"
	"time"
)

// Arena is one leerlingarena: pupils in an inner circle answer questions
// about teaching, teachers listen and note it down, and afterwards turn the
// notes into themes, improvement ideas and actions. It stores no pupil
// names: only the group and the number of pupils; speakers are L1…L8.
type Arena struct {
	ID     uint64    `json:"id"`
	Topic  string    `json:"topic"`
	Date   time.Time `json:"date"`
	Group  string    `json:"group"` // "groep 7", "havo 3"
	Pupils int       `json:"pupils"`
	Leader string    `json:"leader"` // gespreksleider, a team member
	// Leaders: everyone who led, in order, once it was handed over (see
	// HandOver); empty until then.
	Leaders    []string  `json:"leaders,omitempty"`
	NoteTakers []string  `json:"note_takers,omitempty"`
	Minutes    int       `json:"minutes"`
	Started    time.Time `json:"started,omitzero"`

	Questions []Question `json:"questions"`
	Notes     []Note     `json:"notes"`
	Themes    []Theme    `json:"themes,omitempty"`
	Ideas     []Idea     `json:"ideas,omitempty"`

	// ReportedBack is when the pupils were told what was done with their
	// input; until then the arena is open.
	ReportedBack time.Time `json:"reported_back,omitzero"`
	ReportHow    string    `json:"report_how,omitempty"`
	// NotesDeleted is when the retention period removed the raw notes.
	NotesDeleted time.Time `json:"notes_deleted,omitzero"`
	Created      time.Time `json:"created"`
	NextID       uint64    `json:"next_id"`

	// RepeatWeeks: the next arena follows this many weeks later (0: not
	// recurring); Prev and Next link the series, Plan is the planning
	// item that announces this one (recurring.go).
	RepeatWeeks int    `json:"repeat_weeks,omitempty"`
	Prev        uint64 `json:"prev,omitempty"`
	Next        uint64 `json:"next,omitempty"`
	Plan        uint64 `json:"plan,omitempty"`
}

// Question is one open question for the pupils.
type Question struct {
	ID   uint64 `json:"id"`
	Text string `json:"text"`
}

// Note is one thing pupils said, as noted down.
type Note struct {
	ID       uint64    `json:"id"`
	Question uint64    `json:"question"`
	Text     string    `json:"text"`
	Speaker  string    `json:"speaker,omitempty"` // L1…L8
	By       string    `json:"by"`
	At       time.Time `json:"at"`
	Theme    uint64    `json:"theme,omitempty"`
	// Flagged is set when the note-taker saved it over the name guard's
	// warning: the screen marks it so the team can rephrase or delete it,
	// and the report masks Suspect, the words the guard warned about. They
	// are kept with the note (and deleted with it by retention) because the
	// report has no team list to find member names again.
	Flagged bool     `json:"flagged,omitempty"`
	Suspect []string `json:"suspect,omitempty"`
	// Version counts the note's changes (1 when noted down); an edit
	// carries the version its author saw (ArenaOp.Seen). EditedBy and
	// EditedAt say who changed it last, for the conflict message.
	Version  uint64    `json:"version,omitempty"`
	EditedBy string    `json:"edited_by,omitempty"`
	EditedAt time.Time `json:"edited_at,omitzero"`
}

// Theme clusters notes.
type Theme struct {
	ID    uint64 `json:"id"`
	Title string `json:"title"`
}

// Idea is a verbeteridee derived from a theme, rated on feasibility within
// four to six weeks and on effect for pupils, 1 (low) to 3 (high).
type Idea struct {
	ID          uint64 `json:"id"`
	Text        string `json:"text"`
	Theme       uint64 `json:"theme,omitempty"`
	Feasibility int    `json:"feasibility"`
	Impact      int    `json:"impact"`
	Action      uint64 `json:"action,omitempty"` // the board action it became
	// Version, EditedBy, EditedAt: as for a Note.
	Version  uint64    `json:"version,omitempty"`
	EditedBy string    `json:"edited_by,omitempty"`
	EditedAt time.Time `json:"edited_at,omitzero"`
}

// DefaultArenaMinutes is the usual length of a leerlingarena.
const DefaultArenaMinutes = 20

// MaxPupils is the advised maximum in the inner circle; more gets a warning.
const MaxPupils = 8

// DefaultRetentionDays is how long raw notes are kept after the arena when
// a board has not set its own period.
const DefaultRetentionDays = 60

// ErrReported: the arena was closed by reporting back.
var ErrReported = errors.New("board: the arena has been reported back")

// Open reports whether the pupils have not been told yet what was done.
func (a *Arena) Open() bool { return a.ReportedBack.IsZero() }

// NewArena checks and fills in a new arena.
func NewArena(topic string, date time.Time, group string, pupils int, leader string, noteTakers []string, minutes int, t Team, now time.Time) (*Arena, error) {
	a := &Arena{Topic: CleanLine(topic, MaxLine), Date: Day(date), Group: CleanLine(group, 40), Pupils: pupils,
		Minutes: minutes, Created: now, NextID: 1}
	if a.Topic == "" {
		return nil, invalid("topic", ProblemEmpty)
	}
	if a.Date.IsZero() {
		return nil, invalid("date", ProblemNoDate)
	}
	if a.Group == "" {
		return nil, invalid("group", ProblemEmpty)
	}
	if pupils < 1 || pupils > 40 {
		return nil, invalid("pupils", ProblemBadValue)
	}
	if a.Minutes <= 0 {
		a.Minutes = DefaultArenaMinutes
	}
	if a.Leader = t.Member(leader); a.Leader == "" {
		return nil, &ValidationError{Field: "leader", Problem: ProblemUnknownOwner, Value: leader}
	}
	for _, n := range noteTakers {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		m := t.Member(n)
		if m == "" {
			return nil, &ValidationError{Field: "note_takers", Problem: ProblemUnknownOwner, Value: n}
		}
		if !slices.Contains(a.NoteTakers, m) {
			a.NoteTakers = append(a.NoteTakers, m)
		}
	}
	return a, nil
}

// TooManyPupils reports whether the inner circle is larger than advised.
func (a *Arena) TooManyPupils() bool { return a.Pupils > MaxPupils }

// ArenaOp is one change to an arena, as a screen asks for it. The store
// applies it in one transaction; Promote also puts an action on the board.
type ArenaOp struct {
	Kind        ArenaOpKind
	ID          uint64 // the question, note, theme or idea
	Text        string
	Speaker     string
	Question    uint64
	Theme       uint64
	Feasibility int
	Impact      int
	Delta       int     // move a question up (-1) or down (+1); OpRepeat: weeks
	Action      *Action // Promote: the new action
	Date        time.Time
	// Flagged and Suspect: a note saved over the name guard's warning,
	// and the words it warned about (AddNote, EditNote).
	Flagged bool
	Suspect []string
	// PlanText is the planning line of the next arena of a recurring one,
	// in the team's words (ReportBack); the topic when empty.
	PlanText string
	// Seen is the version of the note (EditNote) or idea (EditIdea,
	// RateIdea) the user saw; an edit of one that changed since is refused
	// with a *ConflictError. 0 skips the check (callers that predate
	// versions).
	Seen uint64
}

// ArenaOpKind names a kind of ArenaOp.
type ArenaOpKind string

// The kinds of ArenaOp.
const (
	OpAddQuestion    ArenaOpKind = "add_question"
	OpDeleteQuestion ArenaOpKind = "delete_question"
	OpMoveQuestion   ArenaOpKind = "move_question"
	OpAddNote        ArenaOpKind = "add_note"
	OpDeleteNote     ArenaOpKind = "delete_note"
	OpEditNote       ArenaOpKind = "edit_note" // ID's text, speaker and flag
	OpAddTheme       ArenaOpKind = "add_theme"
	OpSetTheme       ArenaOpKind = "set_theme" // note ID under theme Theme (0: none)
	OpAddIdea        ArenaOpKind = "add_idea"
	OpRateIdea       ArenaOpKind = "rate_idea"
	OpEditIdea       ArenaOpKind = "edit_idea" // ID's text, theme and ratings
	OpPromote        ArenaOpKind = "promote"
	OpReportBack     ArenaOpKind = "report_back"
)

// Apply applies op by person by at now. Texts are cleaned here; the name
// guard is the screen's job, because the note-taker may override it.
func (a *Arena) Apply(by string, op ArenaOp, now time.Time) error {
	return a.apply(by, op, now, nil)
}

// ApplyIn is Apply for an arena of team t: a note whose note-taker has
// left the team may be fixed or deleted by anyone in it, or a name in it
// would wait for retention.
func (a *Arena) ApplyIn(by string, op ArenaOp, t Team, now time.Time) error {
	switch op.Kind {
	case OpHandLead:
		return a.HandOver(by, op.Text, t)
	case OpRepeat:
		if !a.Open() {
			return ErrReported
		}
		return a.setRepeat(op.Delta)
	}
	return a.apply(by, op, now, func(name string) bool { return !t.HasMember(name) })
}

func (a *Arena) apply(by string, op ArenaOp, now time.Time, left func(string) bool) error {
	// The report-back closes the outcome, not the raw notes: a note can
	// still be rephrased or deleted (a name found late must go).
	if !a.Open() && op.Kind != OpReportBack && op.Kind != OpEditNote && op.Kind != OpDeleteNote {
		return ErrReported
	}
	text := CleanText(op.Text, MaxText)
	switch op.Kind {
	case OpAddQuestion:
		if text == "" {
			return invalid("text", ProblemEmpty)
		}
		a.Questions = append(a.Questions, Question{ID: a.next(), Text: text})
	case OpDeleteQuestion:
		// Its notes go with it: kept, they would be in no report and on no
		// screen, yet still hold what pupils said until retention.
		a.Questions = slices.DeleteFunc(a.Questions, func(q Question) bool { return q.ID == op.ID })
		a.Notes = slices.DeleteFunc(a.Notes, func(n Note) bool { return n.Question == op.ID })
	case OpMoveQuestion:
		i := slices.IndexFunc(a.Questions, func(q Question) bool { return q.ID == op.ID })
		j := i + op.Delta
		if i < 0 || j < 0 || j >= len(a.Questions) {
			return nil
		}
		a.Questions[i], a.Questions[j] = a.Questions[j], a.Questions[i]
	case OpAddNote:
		if text == "" {
			return invalid("text", ProblemEmpty)
		}
		if !slices.ContainsFunc(a.Questions, func(q Question) bool { return q.ID == op.Question }) {
			return invalid("question", ProblemBadValue)
		}
		speaker := strings.ToUpper(CleanLine(op.Speaker, 3))
		if speaker != "" && !ValidSpeaker(speaker) {
			return invalid("speaker", ProblemBadValue)
		}
		if a.Started.IsZero() {
			a.Started = now
		}
		a.Notes = append(a.Notes, Note{ID: a.next(), Question: op.Question, Text: text, Speaker: speaker, By: by, At: now,
			Flagged: op.Flagged, Suspect: suspects(op), Version: 1, EditedBy: by, EditedAt: now})
	case OpEditNote:
		n := a.note(op.ID)
		if n == nil {
			return ErrNotFound
		}
		// Stale first: whoever saw an older note is told who changed it,
		// whatever that change did (it may have cleared the flag that let
		// others edit it).
		if op.Seen != 0 && op.Seen != n.Version {
			return &ConflictError{By: n.EditedBy, At: n.EditedAt}
		}
		if !mayChange(n, by, left) {
			return ErrNotYours
		}
		if text == "" {
			return invalid("text", ProblemEmpty)
		}
		speaker := strings.ToUpper(CleanLine(op.Speaker, 3))
		if speaker != "" && !ValidSpeaker(speaker) {
			return invalid("speaker", ProblemBadValue)
		}
		n.Text, n.Speaker, n.Flagged, n.Suspect = text, speaker, op.Flagged, suspects(op)
		n.Version++
		n.EditedBy, n.EditedAt = by, now
	case OpDeleteNote:
		n := a.note(op.ID)
		if n == nil {
			return ErrNotFound
		}
		if !mayChange(n, by, left) {
			return ErrNotYours
		}
		a.Notes = slices.DeleteFunc(a.Notes, func(n Note) bool { return n.ID == op.ID })
	case OpAddTheme:
		if text = CleanLine(op.Text, MaxLine); text == "" {
			return invalid("title", ProblemEmpty)
		}
		a.Themes = append(a.Themes, Theme{ID: a.next(), Title: text})
	case OpSetTheme:
		n := a.note(op.ID)
		if n == nil || (op.Theme != 0 && !slices.ContainsFunc(a.Themes, func(t Theme) bool { return t.ID == op.Theme })) {
			return ErrNotFound
		}
		n.Theme = op.Theme
	case OpAddIdea:
		if text == "" {
			return invalid("text", ProblemEmpty)
		}
		if !validRating(op.Feasibility) || !validRating(op.Impact) {
			return invalid("rating", ProblemBadValue)
		}
		if !a.hasTheme(op.Theme) {
			return ErrNotFound
		}
		a.Ideas = append(a.Ideas, Idea{ID: a.next(), Text: text, Theme: op.Theme, Feasibility: op.Feasibility, Impact: op.Impact,
			Version: 1, EditedBy: by, EditedAt: now})
	case OpRateIdea, OpEditIdea:
		i := a.idea(op.ID)
		if i == nil {
			return ErrNotFound
		}
		if op.Seen != 0 && op.Seen != i.Version {
			return &ConflictError{By: i.EditedBy, At: i.EditedAt}
		}
		if !validRating(op.Feasibility) || !validRating(op.Impact) {
			return invalid("rating", ProblemBadValue)
		}
		if op.Kind == OpEditIdea {
			if text == "" {
				return invalid("text", ProblemEmpty)
			}
			if !a.hasTheme(op.Theme) {
				return ErrNotFound
			}
			i.Text, i.Theme = text, op.Theme
		}
		i.Feasibility, i.Impact = op.Feasibility, op.Impact
		i.Version++
		i.EditedBy, i.EditedAt = by, now
	case OpPromote:
		i := a.idea(op.ID)
		if i == nil || op.Action == nil {
			return ErrNotFound
		}
		if i.Action != 0 {
			return &AlreadyActionError{ID: i.Action}
		}
	case OpReportBack:
		if text == "" {
			return invalid("text", ProblemEmpty)
		}
		if op.Date.IsZero() {
			return invalid("date", ProblemNoDate)
		}
		a.ReportedBack, a.ReportHow = Day(op.Date), text
	default:
		return invalid("op", ProblemBadValue)
	}
	return nil
}

// hasTheme reports whether theme is one of the arena's (0, no theme, is).
func (a *Arena) hasTheme(theme uint64) bool {
	return theme == 0 || slices.ContainsFunc(a.Themes, func(t Theme) bool { return t.ID == theme })
}

func validRating(n int) bool { return n >= 1 && n <= 3 }

// ValidSpeaker reports whether s is a speaker label: L1…L8, one for each
// pupil of an inner circle of at most MaxPupils.
func ValidSpeaker(s string) bool {
	return len(s) == 2 && s[0] == 'L' && s[1] >= '1' && s[1] <= '0'+MaxPupils
}

// mayChange: a note is its note-taker's, but a flagged note, or one whose
// note-taker left (left, when known), may be fixed by anyone in the team,
// so a name never waits for one person to come back.
func mayChange(n *Note, by string, left func(string) bool) bool {
	return n.Flagged || strings.EqualFold(n.By, by) || left != nil && left(n.By)
}

// suspects cleans the words the name guard warned about; only kept on a
// flagged note.
func suspects(op ArenaOp) []string {
	if !op.Flagged {
		return nil
	}
	var out []string
	for _, w := range op.Suspect {
		if w = CleanLine(w, 60); w != "" && len(out) < 20 {
			out = append(out, w)
		}
	}
	return out
}

func (a *Arena) next() uint64 {
	id := a.NextID
	a.NextID++
	return id
}

func (a *Arena) note(id uint64) *Note {
	for i := range a.Notes {
		if a.Notes[i].ID == id {
			return &a.Notes[i]
		}
	}
	return nil
}

func (a *Arena) idea(id uint64) *Idea {
	for i := range a.Ideas {
		if a.Ideas[i].ID == id {
			return &a.Ideas[i]
		}
	}
	return nil
}

// Idea returns an idea by id.
func (a *Arena) Idea(id uint64) (Idea, bool) {
	if i := a.idea(id); i != nil {
		return *i, true
	}
	return Idea{}, false
}

// NotesOf lists the notes on a question, in the order they were made.
func (a *Arena) NotesOf(question uint64) []Note {
	return where(a.Notes, func(n Note) bool { return n.Question == question })
}

// SetIdeaAction records the board action an idea became.
func (a *Arena) SetIdeaAction(idea, action uint64) {
	if i := a.idea(idea); i != nil {
		i.Action = action
	}
}

// Expire deletes the raw notes once the retention period after the arena
// has passed; themes, ideas and actions stay. It reports whether it deleted.
func (a *Arena) Expire(days int, now time.Time) bool {
	if days <= 0 {
		days = DefaultRetentionDays
	}
	if len(a.Notes) == 0 || Day(now).Before(Day(a.Date).AddDate(0, 0, days)) {
		return false
	}
	a.Notes = nil
	a.NotesDeleted = now
	return true
}

// QuestionProblem is a hint about a question's wording.
type QuestionProblem string

// Question hints.
const (
	QuestionClosed QuestionProblem = "closed" // answered with yes or no
	QuestionVague  QuestionProblem = "vague"  // too short to be about teaching
)

// closedStarts are the verbs a Dutch or English yes/no question starts with.
var closedStarts = setOf(`is zijn ben heb hebben heeft kan kun kunnen mag mogen moet moeten vind vinden
wil willen wordt worden doe doen gaat gaan krijg krijgen snap begrijp weet weten
are is do does did can could have has will would should`)

// CheckQuestion hints at a closed or vague question; "" when it looks open.
func CheckQuestion(q string) QuestionProblem {
	words := strings.Fields(strings.ToLower(q))
	switch {
	case len(words) > 0 && closedStarts[strings.Trim(words[0], "¿¡\"'")]:
		return QuestionClosed
	case len(words) < 4:
		return QuestionVague
	}
	return ""
}
