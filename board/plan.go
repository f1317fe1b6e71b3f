package board

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Speerpunt is a strategic priority of the network's support plan
// (ondersteuningsplan), e.g. thuiszitters or basisondersteuning. It lives
// above the teams: goals on several teams' boards can hang under the same
// speerpunt, each school with its own goals.
type Speerpunt struct {
	Meta
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// FromYear and ToYear are the plan period, both included (2026–2030).
	FromYear int `json:"from_year"`
	ToYear   int `json:"to_year"`
	// Owner is who answers for the speerpunt in the network; a name, not
	// necessarily a member of any one team.
	Owner string `json:"owner,omitempty"`
}

// Plan period bounds: years bord accepts for a plan, and its longest span.
const (
	MinPlanYear   = 2000
	MaxPlanYear   = 2100
	MaxPlanLength = 10
)

// Clean sanitizes the speerpunt's text in place.
func (s *Speerpunt) Clean() {
	s.Title = CleanLine(s.Title, MaxLine)
	s.Description = CleanText(s.Description, MaxText)
	s.Owner = CleanName(s.Owner)
}

// AreaSpeerpunt is the Area of a speerpunt: not an area of a board (it is
// not in Areas), but the name its conflicts and audit records go by, so a
// speerpunt is edited like any item (versioned, Diff and Merge).
const AreaSpeerpunt Area = "speerpunt"

func (s *Speerpunt) Area() Area  { return AreaSpeerpunt }
func (s *Speerpunt) Base() *Meta { return &s.Meta }

// Check validates a speerpunt: a title and a plan period of at most
// MaxPlanLength years within MinPlanYear..MaxPlanYear. It belongs to no
// team, so the team is not used.
func (s *Speerpunt) Check(Team, time.Time, bool) error {
	if s.Title == "" {
		return invalid("title", ProblemEmpty)
	}
	if s.FromYear < MinPlanYear || s.FromYear > MaxPlanYear || s.ToYear < s.FromYear || s.ToYear-s.FromYear >= MaxPlanLength {
		return &ValidationError{Field: "period", Problem: ProblemBadValue, Value: fmt.Sprintf("%d-%d", s.FromYear, s.ToYear)}
	}
	return nil
}

// Label is a one-line description for audit records and messages.
func (s *Speerpunt) Label() string { return s.Title }

// InPeriod reports whether d falls in the plan period.
func (s *Speerpunt) InPeriod(d time.Time) bool {
	return d.Year() >= s.FromYear && d.Year() <= s.ToYear
}

// OutsidePeriodError is a date outside a speerpunt's plan period, e.g. a
// measurement in 2031 under a plan for 2026–2030.
type OutsidePeriodError struct {
	Date             time.Time
	FromYear, ToYear int
}

func (e *OutsidePeriodError) Error() string {
	return fmt.Sprintf("board: %s outside plan period %d-%d", e.Date.Format("2006-01-02"), e.FromYear, e.ToYear)
}

// Speerpunt returns the speerpunt with the given id.
func (b *Board) Speerpunt(id uint64) (Speerpunt, bool) {
	for _, s := range b.Speerpunten {
		if s.ID == id {
			return s, true
		}
	}
	return Speerpunt{}, false
}

// GoalsUnder lists the board's goals under speerpunt id (0: the goals under
// none), in board order.
func (b *Board) GoalsUnder(id uint64) []Goal {
	return slices.DeleteFunc(slices.Clone(b.Goals), func(g Goal) bool { return g.SpeerpuntID != id })
}

// BKAPhase is a phase of the quality cycle: BKA1 analyse and write the plan,
// BKA2 carry out, steer and evaluate, BKA3 evaluate, give account and
// adjust. 0 means not set.
type BKAPhase int

// The three phases.
const (
	BKANone BKAPhase = 0
	BKA1    BKAPhase = 1
	BKA2    BKAPhase = 2
	BKA3    BKAPhase = 3
)

// Valid reports whether p is one of the three phases.
func (p BKAPhase) Valid() bool { return p >= BKA1 && p <= BKA3 }

// PlanYear is one year of a board's plan with its BKA phase and every
// change of that phase.
type PlanYear struct {
	Year    int           `json:"year"`
	Phase   BKAPhase      `json:"phase"`
	History []PhaseChange `json:"history,omitempty"`
}

// Clean sanitizes the names in the year's history in place.
func (p *PlanYear) Clean() {
	for i := range p.History {
		p.History[i].By = CleanName(p.History[i].By)
	}
}

// PhaseChange records one change of a plan year's phase.
type PhaseChange struct {
	Stamp
	From BKAPhase `json:"from"`
	To   BKAPhase `json:"to"`
}

// PhaseConflictError is a phase set by someone else since the user saw the
// plan year: nothing was written; Current is the year as it is now (its
// last History entry says who and when).
type PhaseConflictError struct {
	Current PlanYear
}

func (e *PhaseConflictError) Error() string {
	return fmt.Sprintf("board: plan year %d changed to phase %d by someone else", e.Current.Year, e.Current.Phase)
}

func (e *PhaseConflictError) Unwrap() error { return ErrConflict }

// PlanYear returns the board's plan year y; a year never set has phase 0.
func (b *Board) PlanYear(y int) PlanYear {
	for _, p := range b.PlanYears {
		if p.Year == y {
			return p
		}
	}
	return PlanYear{Year: y}
}

// Missing names a part a goal needs to be measurable.
type Missing string

// The parts of a measurable goal.
const (
	MissingIndicator Missing = "indicator" // no indicator at all
	MissingUnit      Missing = "unit"
	MissingBaseline  Missing = "baseline" // no nulmeting (value with date)
	MissingTarget    Missing = "target"   // no streefwaarde (value with date)
)

// Missing lists what the goal lacks to be measurable, in the order above;
// nil when it is measurable.
func (g *Goal) Missing() []Missing {
	in := g.Indicator
	if in == nil {
		return []Missing{MissingIndicator, MissingBaseline, MissingTarget}
	}
	var out []Missing
	if in.Unit == "" {
		out = append(out, MissingUnit)
	}
	if in.BaselineDate.IsZero() {
		out = append(out, MissingBaseline)
	}
	if in.TargetDate.IsZero() {
		out = append(out, MissingTarget)
	}
	return out
}

// WarningKind names a kind of warning about goals. Warnings help, they do
// not forbid: every goal with a warning can still be saved.
type WarningKind string

// The kinds of warning, with the Warning fields each one fills.
const (
	// WarnNotMeasurable ("niet meetbaar"): GoalID, Missing.
	WarnNotMeasurable WarningKind = "not_measurable"
	// WarnVague: the title has no number and no date, uses a vague verb
	// and the goal has no indicator. GoalID, Words (the vague words found).
	WarnVague WarningKind = "vague"
	// WarnMissedMoments: planned meetmomenten passed without a
	// measurement. GoalID, Dates.
	WarnMissedMoments WarningKind = "missed_moments"
	// WarnTargetPassed: an open goal's target date passed. GoalID, Dates
	// (the one target date).
	WarnTargetPassed WarningKind = "target_passed"
	// WarnFocusSpeerpunt: more than Limit open goals under one speerpunt
	// on a board. SpeerpuntID, Count, Limit.
	WarnFocusSpeerpunt WarningKind = "focus_speerpunt"
	// WarnFocusBoard: more than Limit open goals on one board. Count, Limit.
	WarnFocusBoard WarningKind = "focus_board"
)

// Focus limits: more open goals than this is flagged ("Beperk het aantal
// doelen").
const (
	FocusPerSpeerpunt = 3
	FocusPerBoard     = 5
)

// Warning is one warning as data; the message catalog words it.
type Warning struct {
	Kind        WarningKind
	GoalID      uint64
	SpeerpuntID uint64
	Missing     []Missing
	Words       []string
	Dates       []time.Time
	Count       int
	Limit       int
}

// Warnings lists the warnings about one goal at now: not measurable, vague
// title, missed meetmomenten, target date passed. A closed goal (reached,
// stopped) gets none: there is nothing left to steer.
func (g *Goal) Warnings(now time.Time) []Warning {
	if !g.Open() {
		return nil
	}
	var out []Warning
	if m := g.Missing(); len(m) > 0 {
		out = append(out, Warning{Kind: WarnNotMeasurable, GoalID: g.ID, Missing: m})
	}
	if w := VagueWords(g.Title); len(w) > 0 && g.Indicator == nil {
		out = append(out, Warning{Kind: WarnVague, GoalID: g.ID, Words: w})
	}
	if d := g.MissedMoments(now); len(d) > 0 {
		out = append(out, Warning{Kind: WarnMissedMoments, GoalID: g.ID, Dates: d})
	}
	if g.TargetPassed(now) {
		out = append(out, Warning{Kind: WarnTargetPassed, GoalID: g.ID, Dates: []time.Time{g.TargetDate()}})
	}
	return out
}

// FocusWarnings flags a board with too many open goals: more than
// FocusPerBoard in all, or more than FocusPerSpeerpunt under one
// speerpunt (in the order the speerpunten first appear on the board).
func (b *Board) FocusWarnings() []Warning {
	var out []Warning
	open, per, order := 0, map[uint64]int{}, []uint64{}
	for _, g := range b.Goals {
		if !g.Open() {
			continue
		}
		open++
		if g.SpeerpuntID == 0 {
			continue
		}
		if per[g.SpeerpuntID] == 0 {
			order = append(order, g.SpeerpuntID)
		}
		per[g.SpeerpuntID]++
	}
	if open > FocusPerBoard {
		out = append(out, Warning{Kind: WarnFocusBoard, Count: open, Limit: FocusPerBoard})
	}
	for _, id := range order {
		if per[id] > FocusPerSpeerpunt {
			out = append(out, Warning{Kind: WarnFocusSpeerpunt, SpeerpuntID: id, Count: per[id], Limit: FocusPerSpeerpunt})
		}
	}
	return out
}

// vagueStems are the starts of verbs that promise change without saying
// how much: "verbeteren", "versterken", "optimaliseren" and their kin.
var vagueStems = []string{
	"verbeter", "versterk", "optimali", "bevorder", "stimuleer", "stimuler", "vergrot", "verhog", "verbreed", "verdiep", "professionalis",
	"improv", "strengthen", "optimi", "enhanc", "foster", "promot", "increas", "boost",
}

// dateWords make a title dated without digits.
var dateWords = []string{
	"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
	"january", "february", "march", "may", "june", "july", "august", "october",
	"zomer", "kerst", "voorjaar", "najaar", "schooljaar", "summer", "christmas", "spring", "autumn",
}

// VagueWords returns the vague words of a goal title that has no number
// and no date; nil when the title is concrete enough or has none.
func VagueWords(title string) []string {
	if strings.ContainsFunc(title, unicode.IsDigit) {
		return nil
	}
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) })
	var vague []string
	for _, w := range words {
		if slices.Contains(dateWords, w) {
			return nil
		}
		for _, s := range vagueStems {
			if strings.HasPrefix(w, s) {
				vague = append(vague, w)
				break
			}
		}
	}
	return vague
}

// ActionCount is how many actions are linked to a goal. Overdue are open
// actions past their date, so they are counted in Open too.
type ActionCount struct {
	Open, Done, Overdue int
}

// ActionsOf counts the actions linked to goal: open, done, overdue.
// Dropped actions count nowhere.
func (b *Board) ActionsOf(goal uint64, now time.Time) ActionCount {
	var c ActionCount
	for _, a := range b.Actions {
		if a.GoalID != goal {
			continue
		}
		switch {
		case a.Status.Open():
			c.Open++
			if a.Overdue(now) {
				c.Overdue++
			}
		case a.Status == StatusDone:
			c.Done++
		}
	}
	return c
}

// Tally is how one speerpunt stands across boards. Schools counts the boards
// with at least one goal under it; a school is behind when one of its open
// goals is behind, on course when none is and one is on course or reached,
// unknown otherwise. Goals, GoalsOnCourse and GoalsBehind count the goals.
type Tally struct {
	Schools, OnCourse, Behind, Unknown int
	Goals, GoalsOnCourse, GoalsBehind  int
}

// TallySpeerpunt counts how speerpunt id stands on boards ("Thuiszitters:
// 4 scholen, 3 op koers, 1 achter"). Stopped goals do not count.
func TallySpeerpunt(id uint64, boards []*Board) Tally {
	var t Tally
	for _, b := range boards {
		school, any := TrackUnknown, false
		for i := range b.Goals {
			g := &b.Goals[i]
			if g.SpeerpuntID != id || g.Status == GoalStopped {
				continue
			}
			any = true
			t.Goals++
			tr := g.Track()
			if g.Status == GoalReached {
				tr = TrackOnCourse
			}
			switch tr {
			case TrackOnCourse:
				t.GoalsOnCourse++
				if school == TrackUnknown {
					school = TrackOnCourse
				}
			case TrackBehind:
				t.GoalsBehind++
				school = TrackBehind
			}
		}
		if !any {
			continue
		}
		t.Schools++
		switch school {
		case TrackOnCourse:
			t.OnCourse++
		case TrackBehind:
			t.Behind++
		default:
			t.Unknown++
		}
	}
	return t
}
