package board

import (
	"fmt"
	"slices"
	"time"
)

// Design is a lesson design (lesontwerp) of a duo. Every version is kept:
// bijstellen adds version n+1 beside version n, so the difference can be
// seen; editing changes the newest version only.
type Design struct {
	ID       uint64          `json:"id"`
	Author   string          `json:"author"` // the partner whose lesson it is
	Versions []DesignVersion `json:"versions"`
}

// DesignVersion is one version of a lesson design.
type DesignVersion struct {
	N         int           `json:"n"` // 1, 2, …
	Group     string        `json:"group"`
	Subject   string        `json:"subject"`
	Goal      string        `json:"goal"`     // leerdoel
	Criteria  string        `json:"criteria"` // succescriteria
	Start     string        `json:"start"`    // beginsituatie
	Phases    []LessonPhase `json:"phases,omitempty"`
	Differ    string        `json:"differ"`    // differentiatie
	Check     string        `json:"check"`     // hoe begrip wordt gecheckt
	Kijkvraag string        `json:"kijkvraag"` // what the visitor watches for
	// Edits counts the changes of the design up to this version (a new
	// version goes on from the last count); an edit carries the count its
	// editor saw (DuoOp.Seen), so a partner's edit or bijstellen is never
	// silently overwritten. By and At: who changed it last, and when.
	Edits uint64    `json:"edits"`
	By    string    `json:"by"`
	At    time.Time `json:"at"`
}

// LessonPhase is one part of the lesson with its minutes: instructie, inoefenen,
// afsluiting.
type LessonPhase struct {
	Name    string `json:"name"`
	Minutes int    `json:"minutes"`
}

// Current is the newest version.
func (d *Design) Current() DesignVersion {
	if len(d.Versions) == 0 {
		return DesignVersion{}
	}
	return d.Versions[len(d.Versions)-1]
}

// Version returns version n (1-based).
func (d *Design) Version(n int) (DesignVersion, bool) {
	if n < 1 || n > len(d.Versions) {
		return DesignVersion{}, false
	}
	return d.Versions[n-1], true
}

// Title is how a design is named in lists: group and subject.
func (v DesignVersion) Title() string {
	switch {
	case v.Group == "":
		return v.Subject
	case v.Subject == "":
		return v.Group
	}
	return v.Group + " · " + v.Subject
}

// Minutes is the lesson's length: the phases added up.
func (v DesignVersion) Minutes() int {
	n := 0
	for _, p := range v.Phases {
		n += p.Minutes
	}
	return n
}

// DesignFields are the fields of a design version, in the order a screen
// and a report show them; the catalog words each.
var DesignFields = []string{"group", "subject", "goal", "criteria", "start", "phases", "differ", "check", "kijkvraag"}

// Field is the text of one of DesignFields; phases as "name (10')" lines.
func (v DesignVersion) Field(f string) string {
	switch f {
	case "group":
		return v.Group
	case "subject":
		return v.Subject
	case "goal":
		return v.Goal
	case "criteria":
		return v.Criteria
	case "start":
		return v.Start
	case "phases":
		s := ""
		for i, p := range v.Phases {
			if i > 0 {
				s += "\n"
			}
			s += fmt.Sprintf("%s (%d')", p.Name, p.Minutes)
		}
		return s
	case "differ":
		return v.Differ
	case "check":
		return v.Check
	case "kijkvraag":
		return v.Kijkvraag
	}
	return ""
}

// DiffVersions lists the fields (of DesignFields) in which a and b differ:
// what bijstellen changed.
func DiffVersions(a, b DesignVersion) []string {
	var out []string
	for _, f := range DesignFields {
		if a.Field(f) != b.Field(f) {
			out = append(out, f)
		}
	}
	return out
}

// clean cleans every text of a version where it enters, and checks what a
// design needs: a group, a subject, a leerdoel and a kijkvraag, and phases
// with sensible minutes.
func (v *DesignVersion) clean() error {
	v.Group, v.Subject = CleanLine(v.Group, 40), CleanLine(v.Subject, MaxLine)
	v.Goal, v.Criteria, v.Start = CleanText(v.Goal, MaxText), CleanText(v.Criteria, MaxText), CleanText(v.Start, MaxText)
	v.Differ, v.Check, v.Kijkvraag = CleanText(v.Differ, MaxText), CleanText(v.Check, MaxText), CleanText(v.Kijkvraag, MaxText)
	phases := v.Phases[:0:0]
	for _, p := range v.Phases {
		p.Name = CleanLine(p.Name, 60)
		if p.Name == "" && p.Minutes == 0 {
			continue
		}
		if p.Name == "" || p.Minutes < 1 || p.Minutes > 240 {
			return invalid("phases", ProblemBadValue)
		}
		phases = append(phases, p)
	}
	v.Phases = phases
	for _, f := range []struct{ name, v string }{{"group", v.Group}, {"subject", v.Subject}, {"goal", v.Goal}, {"kijkvraag", v.Kijkvraag}} {
		if f.v == "" {
			return invalid(f.name, ProblemEmpty)
		}
	}
	return nil
}

// addDesign adds a design by author with its first version.
func (d *Duo) addDesign(by string, v DesignVersion, now time.Time) (uint64, error) {
	if err := v.clean(); err != nil {
		return 0, err
	}
	v.N, v.Edits, v.By, v.At = 1, 1, by, now
	id := d.next()
	d.Designs = append(d.Designs, Design{ID: id, Author: by, Versions: []DesignVersion{v}})
	return id, nil
}

// changeDesign edits the newest version (revise false) or adds the next
// version beside it (revise true). seen is the edit count of the newest
// version the user saw; a change since is refused with a ConflictError.
func (d *Duo) changeDesign(by string, id uint64, v DesignVersion, seen uint64, revise bool, now time.Time) error {
	ds, ok := d.Design(id)
	if !ok {
		return ErrNotFound
	}
	cur := &ds.Versions[len(ds.Versions)-1]
	if seen != cur.Edits {
		return &ConflictError{By: cur.By, At: cur.At}
	}
	if err := v.clean(); err != nil {
		return err
	}
	v.By, v.At = by, now
	if revise {
		// The count goes on across versions: an edit begun on version n
		// must not land on version n+1 because both were at edit 1.
		v.N, v.Edits = cur.N+1, cur.Edits+1
		ds.Versions = append(ds.Versions, v)
		return nil
	}
	v.N, v.Edits = cur.N, cur.Edits+1
	*cur = v
	return nil
}

// deleteDesign removes a design. seen is the edit count of the newest
// version the user saw: a partner's edit since is refused with a
// ConflictError, as for an edit. A visit that tries it keeps a copy of the
// version it tried; without force, a design in use is refused with
// ErrDesignInUse, so the screen can ask first.
func (d *Duo) deleteDesign(id, seen uint64, force bool) error {
	ds, ok := d.Design(id)
	if !ok {
		return ErrNotFound
	}
	if cur := ds.Versions[len(ds.Versions)-1]; seen != cur.Edits {
		return &ConflictError{By: cur.By, At: cur.At}
	}
	users := 0
	for i := range d.Visits {
		if d.Visits[i].Design == id {
			users++
		}
	}
	if users > 0 && !force {
		return ErrDesignInUse
	}
	for i := range d.Visits {
		v := &d.Visits[i]
		if v.Design != id {
			continue
		}
		tried, ok := ds.Version(v.DesignVersion)
		if !ok {
			tried = ds.Current()
		}
		v.Copy = &tried
		v.Design = 0
	}
	d.Designs = slices.DeleteFunc(d.Designs, func(x Design) bool { return x.ID == id })
	return nil
}

// Tried is the design version a visit tries: the kept copy when its design
// was deleted, else that version of the design (the newest when the visit
// names none).
func (d *Duo) Tried(v Visit) (DesignVersion, bool) {
	if v.Copy != nil {
		return *v.Copy, true
	}
	ds, ok := d.Design(v.Design)
	if !ok {
		return DesignVersion{}, false
	}
	if tv, ok := ds.Version(v.DesignVersion); ok {
		return tv, true
	}
	return ds.Current(), true
}
