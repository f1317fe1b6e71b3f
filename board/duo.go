package board

import (
	"errors"
	"slices"
	"strings"
	"time"
)

// Duo is two or three teachers, usually of different schools, who design a
// lesson together, visit each other's lesson and talk it through
// (gezamenlijk lesontwerp and lesbezoek). A coordinator of the
// samenwerkingsverband makes it. It is a space of its own, beside the
// teams' boards: exactly its partners and its coordinator open it (Opens),
// also when the partners are of different teams, and nobody else. It
// stores no pupil names: observations go through the arena's name guard.
type Duo struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
	// TeamID is the coordinator's team (the SWV's); Coordinator is the
	// member of it who made the duo and follows it.
	TeamID      uint64    `json:"team_id"`
	Coordinator string    `json:"coordinator"`
	Partners    []Partner `json:"partners"`
	Designs     []Design  `json:"designs,omitempty"`
	Visits      []Visit   `json:"visits,omitempty"`
	// Version counts the duo's changes; it only grows.
	Version uint64    `json:"version"`
	Created time.Time `json:"created"`
	NextID  uint64    `json:"next_id"`
}

// Partner is one teacher of a duo. A partner of a team opens the duo as
// that team's member; a partner who is no member of any team (TeamID 0)
// joined with an invite to this duo only, and is known by Keys.
type Partner struct {
	Name   string   `json:"name"`
	TeamID uint64   `json:"team_id,omitempty"`
	School string   `json:"school,omitempty"` // the team's name, as shown
	Keys   []string `json:"keys,omitempty"`
	// Left is set when the store reads a partner who is no longer a
	// member of their team: the duo keeps working for the others, and the
	// coordinator sees who left (and may invite them to the duo alone).
	Left bool `json:"left,omitempty"`
	// Joined is set the first time the partner acts in the duo. Only then
	// (or when they are in the coordinator's own team) does the duo write
	// on their team's board: anyone may name a colleague of another school
	// as partner, but that school's board is theirs to open to the duo.
	Joined bool `json:"joined,omitempty"`
}

// MinPartners and MaxPartners bound a duo: two, or three for a trio.
const (
	MinPartners = 2
	MaxPartners = 3
)

// Errors of a duo.
var (
	// ErrTooFewPartners: a duo needs at least two partners.
	ErrTooFewPartners = errors.New("board: a duo needs two or three partners")
	// ErrNotPartner: only the duo's partners design, visit and talk.
	ErrNotPartner = errors.New("board: not a partner of this duo")
	// ErrDesignInUse: a visit tries the design; deleting it needs a yes.
	ErrDesignInUse = errors.New("board: a visit uses this design")
	// ErrPartnerInTeam: a duo invite is for a partner without a team; one
	// who is in a team joins the duo through it.
	ErrPartnerInTeam = errors.New("board: the partner is in a team and joins through it")
	// ErrNoTeam: a duo is made from the coordinator's team, and there is
	// none in reach.
	ErrNoTeam = errors.New("board: no team to coordinate from")
)

// NewDuo checks and fills in a new duo made by coordinator of team teamID.
// Partners are cleaned; a name given twice counts once.
func NewDuo(name string, teamID uint64, coordinator string, partners []Partner, now time.Time) (*Duo, error) {
	d := &Duo{Name: CleanLine(name, MaxLine), TeamID: teamID, Coordinator: CleanName(coordinator), Created: now, NextID: 1}
	if d.Name == "" {
		return nil, invalid("name", ProblemEmpty)
	}
	for _, p := range partners {
		p.Name, p.School = CleanName(p.Name), CleanLine(p.School, MaxLine)
		if p.Name == "" || slices.ContainsFunc(d.Partners, func(q Partner) bool { return strings.EqualFold(q.Name, p.Name) }) {
			continue
		}
		d.Partners = append(d.Partners, p)
	}
	if len(d.Partners) < MinPartners || len(d.Partners) > MaxPartners {
		return nil, ErrTooFewPartners
	}
	return d, nil
}

// Opens reports whether a person opens the duo: its coordinator (name in
// the coordinating team), a partner who is a member of their team now, or
// a partner who joined by the duo's invite with key. A partner removed from
// their team no longer opens it through that team; the duo keeps working
// for the others.
func (d *Duo) Opens(name string, teams []uint64, key string) bool {
	if name == "" && key == "" {
		return false
	}
	if slices.Contains(teams, d.TeamID) && strings.EqualFold(d.Coordinator, name) {
		return true
	}
	for _, p := range d.Partners {
		if p.TeamID != 0 && slices.Contains(teams, p.TeamID) && strings.EqualFold(p.Name, name) {
			return true
		}
		if key != "" && slices.Contains(p.Keys, key) {
			return true
		}
	}
	return false
}

// Partner returns the partner's name as the duo writes it, or "".
func (d *Duo) Partner(name string) string {
	for _, p := range d.Partners {
		if strings.EqualFold(p.Name, name) {
			return p.Name
		}
	}
	return ""
}

// PartnerNames lists the partners' names.
func (d *Duo) PartnerNames() []string {
	out := make([]string, len(d.Partners))
	for i, p := range d.Partners {
		out[i] = p.Name
	}
	return out
}

// Schools lists the partners' schools, each once, in partner order.
func (d *Duo) Schools() []string {
	var out []string
	for _, p := range d.Partners {
		if p.School != "" && !slices.Contains(out, p.School) {
			out = append(out, p.School)
		}
	}
	return out
}

func (d *Duo) next() uint64 {
	id := d.NextID
	d.NextID++
	return id
}

// Design returns a design by id.
func (d *Duo) Design(id uint64) (*Design, bool) {
	i := slices.IndexFunc(d.Designs, func(x Design) bool { return x.ID == id })
	if i < 0 {
		return nil, false
	}
	return &d.Designs[i], true
}

// Visit returns a visit by id.
func (d *Duo) Visit(id uint64) (*Visit, bool) {
	i := slices.IndexFunc(d.Visits, func(x Visit) bool { return x.ID == id })
	if i < 0 {
		return nil, false
	}
	return &d.Visits[i], true
}

// DuoStep is where a duo is in its cycle: ontwerpen → bezoeken → nabespreken →
// bijstellen, and again.
type DuoStep string

// The steps of the duo cycle, in order.
const (
	CycleDesign DuoStep = "design" // ontwerpen
	CycleVisit  DuoStep = "visit"  // bezoeken
	CycleTalk   DuoStep = "talk"   // nabespreken
	CycleRevise DuoStep = "revise" // bijstellen
)

// Cycle is the four steps in order, for drawing the cycle.
var Cycle = []DuoStep{CycleDesign, CycleVisit, CycleTalk, CycleRevise}

// Step says where the duo is now: designing until there is a design,
// visiting until a visit of the newest design version has been held,
// talking until that visit's nagesprek is done, revising until the design
// has a version newer than the talk, then visiting again.
func (d *Duo) Step(now time.Time) DuoStep {
	if len(d.Designs) == 0 {
		return CycleDesign
	}
	last, ok := d.LastVisit(now)
	if !ok {
		return CycleVisit
	}
	if !last.Talk.Done() {
		return CycleTalk
	}
	dz, ok := d.Design(last.Design)
	if !ok || dz.Current().At.After(last.Talk.At) {
		return CycleVisit
	}
	return CycleRevise
}

// LastVisit is the latest visit that has been held (its time passed or it
// has observations).
func (d *Duo) LastVisit(now time.Time) (Visit, bool) {
	var out Visit
	found := false
	for _, v := range d.Visits {
		if v.Held(now) && (!found || v.At.After(out.At)) {
			out, found = v, true
		}
	}
	return out, found
}

// NextVisit is the first visit still to come.
func (d *Duo) NextVisit(now time.Time) (Visit, bool) {
	var out Visit
	found := false
	for _, v := range d.Visits {
		if !v.Held(now) && (!found || v.At.Before(out.At)) {
			out, found = v, true
		}
	}
	return out, found
}

// StalledAfter is how long a duo may go without a visit before the
// coordinator's overview marks it.
const StalledAfter = 8 * 7 * 24 * time.Hour

// Stalled reports whether no visit was held in the last eight weeks (and
// none for eight weeks since the duo was made).
func (d *Duo) Stalled(now time.Time) bool {
	since := d.Created
	if last, ok := d.LastVisit(now); ok {
		since = last.At
	}
	return now.Sub(since) > StalledAfter
}

// VisitsSince counts the visits held from from up to now.
func (d *Duo) VisitsSince(from, now time.Time) int {
	n := 0
	for _, v := range d.Visits {
		if v.Held(now) && !v.At.Before(from) {
			n++
		}
	}
	return n
}

// Reminders are the visits of person that fall today or tomorrow and are
// still to come: the day before, both partners are reminded.
func (d *Duo) Reminders(person string, now time.Time) []Visit {
	var out []Visit
	tomorrow := Day(now).AddDate(0, 0, 2)
	for _, v := range d.Visits {
		if v.Held(now) || !v.At.Before(tomorrow) {
			continue
		}
		if strings.EqualFold(v.Visitor, person) || strings.EqualFold(v.Teacher, person) {
			out = append(out, v)
		}
	}
	return out
}

// PlannedVisit is a visit as a planning entry, for a calendar export: a
// stable UID, a start and a length.
type PlannedVisit struct {
	UID     string
	Start   time.Time
	Minutes int
	Duo     string
	School  string
	Group   string
	Teacher string
	Visitor string
}

// Planned lists the duo's visits as planning entries, oldest first.
func (d *Duo) Planned() []PlannedVisit {
	out := make([]PlannedVisit, 0, len(d.Visits))
	for _, v := range d.Visits {
		out = append(out, PlannedVisit{UID: v.UID(d.ID), Start: v.At, Minutes: v.Minutes, Duo: d.Name,
			School: v.School, Group: v.Group, Teacher: v.Teacher, Visitor: v.Visitor})
	}
	slices.SortFunc(out, func(a, b PlannedVisit) int { return a.Start.Compare(b.Start) })
	return out
}

// PeriodStart is the start of the school half-year now is in (1 August or
// 1 February): the period the coordinator counts visits in.
func PeriodStart(now time.Time) time.Time {
	y, m := now.Year(), time.August
	switch {
	case now.Month() < time.February:
		y--
	case now.Month() < time.August:
		m = time.February
	}
	return time.Date(y, m, 1, 0, 0, 0, 0, now.Location())
}
