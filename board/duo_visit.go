package board

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Visit is a lesbezoek: a partner (Visitor) watches another partner's
// (Teacher's) lesson, with the design it tries and its kijkvraag, notes
// what they see, and they hold the nagesprek after.
type Visit struct {
	ID      uint64    `json:"id"`
	At      time.Time `json:"at"` // day and time the lesson starts
	Minutes int       `json:"minutes"`
	School  string    `json:"school"`
	Group   string    `json:"group"`
	Teacher string    `json:"teacher"`
	Visitor string    `json:"visitor"`
	// Design and DesignVersion name the design version tried (version 0:
	// the newest). Copy is that version, kept when the design was deleted.
	Design        uint64         `json:"design,omitempty"`
	DesignVersion int            `json:"design_version,omitempty"`
	Copy          *DesignVersion `json:"copy,omitempty"`

	Observations []Observation `json:"observations,omitempty"`
	// ObservationsDeleted is when retention removed the raw observations.
	ObservationsDeleted time.Time `json:"observations_deleted,omitzero"`
	Talk                Talk      `json:"talk"`
	Lessons             []Lesson  `json:"lessons,omitempty"`
	// Planned are the planning items the visit put on the partners'
	// teams' boards.
	Planned []PlanRef `json:"planned,omitempty"`
}

// PlanRef is a planning item a visit put on a team's board.
type PlanRef struct {
	Team  uint64 `json:"team"`
	Board uint64 `json:"board"`
	Item  uint64 `json:"item"`
}

// Observation is one thing the visitor saw, linked to the kijkvraag or
// not. Like an arena note it is checked by the name guard on the screen; a
// note saved over the warning is Flagged with the Suspect words, masked in
// every report and open to anyone in the duo to fix.
type Observation struct {
	ID        uint64    `json:"id"`
	Text      string    `json:"text"`
	Kijkvraag bool      `json:"kijkvraag,omitempty"` // about the kijkvraag
	By        string    `json:"by"`
	At        time.Time `json:"at"`
	Guard
}

// Guard is what the name guard and the version check keep of a text:
// saved over the guard's warning (Flagged, with the Suspect words), its
// edit count and who changed it last.
type Guard struct {
	Version  uint64    `json:"version"`
	EditedBy string    `json:"edited_by,omitempty"`
	EditedAt time.Time `json:"edited_at,omitzero"`
	Flagged  bool      `json:"flagged,omitempty"`
	Suspect  []string  `json:"suspect,omitempty"`
}

// Talk is the nagesprek, following the feedback model in its order: the
// designer first, about their own kijkvraag; then the visitor: what I saw,
// what it did for the pupils, what you could try.
type Talk struct {
	Designer string    `json:"designer,omitempty"` // the designer on their kijkvraag
	Saw      string    `json:"saw,omitempty"`      // wat ik zag
	Effect   string    `json:"effect,omitempty"`   // wat het deed voor de leerlingen
	Try      string    `json:"try,omitempty"`      // wat je kunt proberen
	Edits    uint64    `json:"edits,omitempty"`
	By       string    `json:"by,omitempty"`
	At       time.Time `json:"at,omitzero"`
}

// TalkSteps are the nagesprek's parts in the order of the feedback model.
var TalkSteps = []string{"designer", "saw", "effect", "try"}

// Field is the text of one of TalkSteps.
func (t Talk) Field(step string) string {
	texts := [...]string{t.Designer, t.Saw, t.Effect, t.Try}
	if i := slices.Index(TalkSteps, step); i >= 0 {
		return texts[i]
	}
	return ""
}

// Done reports whether the nagesprek was held: the designer spoke and the
// visitor said what they saw.
func (t Talk) Done() bool { return t.Designer != "" && t.Saw != "" }

// Lesson is one les (lesson learned) of a nagesprek. It may become an
// action on a school's board (origin duo): Board and Action say where.
type Lesson struct {
	ID     uint64 `json:"id"`
	Text   string `json:"text"`
	By     string `json:"by"`
	Board  uint64 `json:"board,omitempty"`
	Action uint64 `json:"action,omitempty"`
}

// Held reports whether the visit has taken place: its start passed, or
// the visitor noted something already.
func (v Visit) Held(now time.Time) bool {
	return !v.At.After(now) || len(v.Observations) > 0
}

// UID is the visit's stable identity in a calendar: the same visit keeps
// it through every change, so a re-import updates instead of duplicating.
func (v Visit) UID(duo uint64) string {
	return fmt.Sprintf("duo-%d-visit-%d@bord", duo, v.ID)
}

// MaxMinutes bounds a visit (and a design's phase).
const MaxMinutes = 240

// DefaultVisitMinutes is the usual lesbezoek: about a quarter of an hour.
const DefaultVisitMinutes = 15

// planVisit checks and adds a visit. A visit in the past is refused with
// ProblemPastDate unless past: the screen asks first (it may be recorded
// afterwards).
func (d *Duo) planVisit(v Visit, past bool, now time.Time) (uint64, error) {
	v.School, v.Group = CleanLine(v.School, MaxLine), CleanLine(v.Group, 40)
	if v.At.IsZero() {
		return 0, invalid("date", ProblemNoDate)
	}
	if v.At.Before(now) && !past {
		return 0, invalid("date", ProblemPastDate)
	}
	if v.Minutes == 0 {
		v.Minutes = DefaultVisitMinutes
	}
	if v.Minutes < 1 || v.Minutes > MaxMinutes {
		return 0, invalid("minutes", ProblemBadValue)
	}
	if v.Group == "" {
		return 0, invalid("group", ProblemEmpty)
	}
	if v.Teacher, v.Visitor = d.Partner(v.Teacher), d.Partner(v.Visitor); v.Teacher == "" || v.Visitor == "" {
		return 0, invalid("who", ProblemUnknownOwner)
	}
	if strings.EqualFold(v.Teacher, v.Visitor) {
		return 0, invalid("visitor", ProblemBadValue)
	}
	if v.Design != 0 {
		ds, ok := d.Design(v.Design)
		if !ok {
			return 0, ErrNotFound
		}
		if v.DesignVersion == 0 {
			v.DesignVersion = ds.Current().N
		}
		if _, ok := ds.Version(v.DesignVersion); !ok {
			return 0, invalid("design", ProblemBadValue)
		}
	}
	if v.School == "" {
		v.School = d.schoolOf(v.Teacher)
	}
	v.Observations, v.Talk, v.Lessons, v.Copy, v.Planned = nil, Talk{}, nil, nil, nil
	v.ID = d.next()
	d.Visits = append(d.Visits, v)
	return v.ID, nil
}

func (d *Duo) schoolOf(name string) string {
	for _, p := range d.Partners {
		if strings.EqualFold(p.Name, name) {
			return p.School
		}
	}
	return ""
}

func (v *Visit) observation(id uint64) *Observation {
	i := slices.IndexFunc(v.Observations, func(o Observation) bool { return o.ID == id })
	if i < 0 {
		return nil
	}
	return &v.Observations[i]
}

// mayFix: an observation is its writer's, but a flagged one may be fixed
// by any partner, so a name never waits for one person (as in the arena).
func (o *Observation) mayFix(by string) bool {
	return o.Flagged || strings.EqualFold(o.By, by)
}

// Expire deletes the raw observations of visits whose retention period has
// passed (the arena's rule: notes that may hold what pupils said do not
// stay); the nagesprek and its lessen stay. It reports whether it deleted.
func (d *Duo) Expire(days int, now time.Time) bool {
	if days <= 0 {
		days = DefaultRetentionDays
	}
	any := false
	for i := range d.Visits {
		v := &d.Visits[i]
		if len(v.Observations) == 0 || Day(now).Before(Day(v.At).AddDate(0, 0, days)) {
			continue
		}
		v.Observations, v.ObservationsDeleted = nil, now
		any = true
	}
	return any
}

// MaskedObservation is an observation as others and reports see it: every
// word the name guard flags now, and the words it warned about when saved,
// masked. The duo's partners and coordinator are known names.
func (d *Duo) MaskedObservation(o Observation, mask string) string {
	known := append(d.PartnerNames(), d.Coordinator, o.By)
	return MaskNames(o.Text, append(LooksLikeName(o.Text, known), o.Suspect...), mask)
}
