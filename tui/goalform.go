package tui

import (
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The goal form's fields that make a goal measurable and place it in the
// plan (issue 9): who answers for it, its speerpunt, the dates of the
// nulmeting and the streefwaarde, which way is better and how often it is
// measured. The words typed are read in both languages.

// goalForms asks for goals' numbers, dates and plan fields, for the goal
// form, the measurement form and the goal detail's forms.
type goalForms struct{ goalView }

func newGoalForms(c *Common) goalForms { return goalForms{goalView{c}} }

// goalPlanFields adds the fields to a goal's form, filled from g.
func (m goalForms) goalPlanFields(f *form, g *board.Goal) {
	gm := m.msg.Goals
	var baseDate, targetDate time.Time
	dir, cad := "", ""
	if in := g.Indicator; in != nil {
		baseDate, targetDate = in.BaselineDate, in.TargetDate
		dir, cad = m.directionWord(in.Direction), m.cadenceWord(in.Cadence)
	}
	f.add("baseline_date", gm.FieldBaselineDate, fDate, m.msg.HintDate, dateOr(baseDate))
	f.lookBack("baseline_date") // a nulmeting was taken, it is not due
	f.add("target_date", gm.FieldNewDate, fDate, gm.HintTargetDate, dateOr(targetDate))
	f.add("direction", gm.FieldDirection, fLine, gm.HintDirection, dir)
	suggest(f.field("direction"), gm.Directions[:])
	f.add("cadence", gm.FieldCadence, fLine, gm.HintCadence, cad)
	suggest(f.field("cadence"), gm.Cadences[1:])
	f.add("owner", gm.FieldGoalOwner, fWho, m.msg.HintWho, g.Owner)
	suggest(f.field("owner"), m.b.Team.MemberNames())
	sp := ""
	if s, ok := m.b.Speerpunt(g.SpeerpuntID); ok && g.SpeerpuntID != 0 {
		sp = s.Title
	}
	f.add("speerpunt", gm.FieldSpeerpunt, fLine, gm.HintSpeerpunt, sp)
	titles := make([]string, len(m.b.Speerpunten))
	for i, s := range m.b.Speerpunten {
		titles[i] = s.Title
	}
	suggest(f.field("speerpunt"), titles)
}

// readGoalPlanFields puts the fields into g; a field it cannot read says
// why and readGoalPlanFields returns false. date reads a date field as the
// rest of the form does.
func (m goalForms) readGoalPlanFields(f *form, g *board.Goal, date func(string) time.Time) bool {
	gm := m.msg.Goals
	ok := true
	g.Owner = strings.TrimSpace(f.value("owner"))
	g.SpeerpuntID = 0
	if t := strings.TrimSpace(f.value("speerpunt")); t != "" {
		if s, found := matchTitle(m.b.Speerpunten, t); found {
			g.SpeerpuntID = s.ID
		} else {
			f.field("speerpunt").err, ok = gm.ErrSpeerpunt, false
		}
	}
	dir, dirOK := m.parseDirection(f.value("direction"))
	cad, cadOK := m.parseCadence(f.value("cadence"))
	if !dirOK {
		f.field("direction").err, ok = gm.HintDirection, false
	}
	if !cadOK {
		f.field("cadence").err, ok = gm.HintCadence, false
	}
	base, target := date("baseline_date"), date("target_date")
	if in := g.Indicator; in != nil {
		in.BaselineDate, in.TargetDate, in.Direction, in.Cadence = base, target, dir, cad
		if in.TargetDate.IsZero() && f.value("target") != "" {
			in.TargetDate = g.ByWhen // a streefwaarde by the goal's own date
		}
	}
	return ok
}

// matchTitle finds a speerpunt by its title or a unique start of it.
func matchTitle(sps []board.Speerpunt, t string) (board.Speerpunt, bool) {
	t = strings.ToLower(t)
	var found []board.Speerpunt
	for _, s := range sps {
		title := strings.ToLower(s.Title)
		if title == t {
			return s, true
		}
		if strings.HasPrefix(title, t) {
			found = append(found, s)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return board.Speerpunt{}, false
}

// directions are the directions in the order of GoalsMessages.Directions.
var directions = []board.Direction{board.HigherIsBetter, board.LowerIsBetter}

// bothGoals are the goal words of the user's language, then the other's:
// a word typed in either is read.
func (m goalForms) bothGoals() []i18n.GoalsMessages {
	nl, en := i18n.For(i18n.NL).Goals, i18n.For(i18n.EN).Goals
	if m.msg.Lang == i18n.EN {
		return []i18n.GoalsMessages{en, nl}
	}
	return []i18n.GoalsMessages{nl, en}
}

func (m goalForms) directionWord(d board.Direction) string {
	for i, x := range directions {
		if x == d {
			return m.msg.Goals.Directions[i]
		}
	}
	return ""
}

func (m goalForms) cadenceWord(c board.Cadence) string {
	for i, x := range board.Cadences {
		if x == c && i > 0 {
			return m.msg.Goals.Cadences[i]
		}
	}
	return ""
}

// parseDirection reads "hoger", "lager", "higher", "lower" or a start of
// one; empty is the direction that follows from the target.
func (m goalForms) parseDirection(s string) (board.Direction, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", true
	}
	for _, g := range m.bothGoals() {
		for i, w := range g.Directions {
			if strings.HasPrefix(w, s) {
				return directions[i], true
			}
		}
	}
	return "", false
}

// parseCadence reads a cadence word (or a start of one) in either
// language; empty or "geen" is none.
func (m goalForms) parseCadence(s string) (board.Cadence, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return board.CadenceNone, true
	}
	for _, g := range m.bothGoals() {
		for i, w := range g.Cadences {
			if strings.HasPrefix(w, s) {
				return board.Cadences[i], true
			}
		}
	}
	return board.CadenceNone, false
}
