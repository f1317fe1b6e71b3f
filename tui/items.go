package tui

import (
	"fmt"
	"time"

	"github.com/verbeterbord/bord/board"
)

// undoOp reverses one of the user's own changes.
type undoOp struct {
	board uint64 // the board it happened on: undo acts there and only there
	kind  undoKind
	area  board.Area
	item  board.Item // the item to restore or to put back
	id    uint64     // for undoDelete
	seen  uint64     // the version our change left, for undoDelete
	label string
}

type undoKind int

const (
	undoDelete  undoKind = iota // reverse an add
	undoUpdate                  // put the old values back
	undoRestore                 // reverse a delete
	undoCheckIn                 // put the old mood back
)

// itemForm opens the editor of an area, for a new item or a copy of it.
func (m *Common) itemForm(area board.Area, it board.Item, goalID uint64) *form {
	name := m.msg.Area(area)
	f := &form{area: area, orig: it, title: fmt.Sprintf(m.msg.FormAddF, name)}
	if it != nil {
		f.title = fmt.Sprintf(m.msg.FormEditF, name)
		f.base = it.Base().Version
	}
	members := m.b.Team.MemberNames()
	switch area {
	case board.AreaAction:
		a := editedOr(it, &board.Action{Who: m.cfg.User, GoalID: goalID})
		f.add("what", m.msg.FieldWhat, fLine, "", a.What)
		f.add("who", m.msg.FieldWho, fWho, m.msg.HintWho, a.Who)
		f.add("when", m.msg.FieldWhen, fDate, m.msg.HintDate, dateOr(a.When))
		goal := ""
		if g, ok := m.b.Goal(a.GoalID); ok {
			goal = g.Title
		}
		f.add("goal", m.msg.FieldGoal, fGoal, m.msg.HintGoal, goal)
		titles := make([]string, len(m.b.Goals))
		for i, g := range m.b.Goals {
			titles[i] = g.Title
		}
		suggest(f.field("goal"), titles)
	case board.AreaGoal:
		g := editedOr(it, &board.Goal{})
		f.add("title", m.msg.FieldTitle, fLine, "", g.Title)
		f.add("why", m.msg.FieldWhy, fText, "", g.Why)
		f.add("by_when", m.msg.FieldByWhen, fDate, m.msg.HintDate, dateOr(g.ByWhen))
		f.add("measure", m.msg.FieldMeasure, fText, "", g.Measure)
		unit, baseline, target := "", "", ""
		if in := g.Indicator; in != nil {
			unit, baseline, target = in.Unit, goalView{m}.number(in.Baseline), goalView{m}.number(in.Target)
		}
		f.add("unit", m.msg.FieldUnit, fLine, "", unit)
		f.limitTo("unit", shortLimit)
		f.add("baseline", m.msg.FieldBaseline, fNumber, "", baseline)
		f.add("target", m.msg.FieldTarget, fNumber, "", target)
		newGoalForms(m).goalPlanFields(f, g)
	case board.AreaSuccess:
		s := editedOr(it, &board.Success{Who: m.cfg.User})
		f.add("text", m.msg.FieldText, fText, "", s.Text)
		f.add("who", m.msg.FieldWho, fWho, m.msg.HintWho, s.Who)
	case board.AreaPlanning:
		p := editedOr(it, &board.PlanItem{})
		f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, dateOr(p.Date))
		f.add("text", m.msg.FieldText, fLine, "", p.Text)
		f.add("who", m.msg.FieldWho, fWho, m.msg.HintWho, p.Who)
	case board.AreaParking:
		p := editedOr(it, &board.Parking{})
		f.add("text", m.msg.FieldText, fText, "", p.Text)
	}
	if fl := f.field("who"); fl != nil {
		suggest(fl, members)
		if it == nil {
			f.preselect("who") // your own name, until you type another
		}
	}
	return f
}

// editedOr is the item being edited as a *T, or fresh for a new one.
func editedOr[T any](it board.Item, fresh *T) *T {
	if v, ok := any(it).(*T); ok && v != nil {
		return v
	}
	return fresh
}

func suggest(fl *field, values []string) {
	fl.input.ShowSuggestions = true
	fl.input.SetSuggestions(values)
}

// build turns a submitted item form into the item to save. Fields that
// cannot be read get their own message and build returns false.
func (m *Common) build(f *form) (board.Item, bool) {
	f.clearErrors()
	ok := true
	date := func(key string) time.Time {
		fl := f.field(key)
		if fl == nil || f.value(key) == "" {
			return time.Time{}
		}
		d, read := f.date(key, m.now(), m.msg)
		if !read || !f.passed(key, d, m.now(), f.orig == nil, m.msg) {
			ok = false
		}
		return d
	}
	num := func(key string) float64 {
		if f.value(key) == "" {
			return 0
		}
		v, read := newGoalForms(m).readNumber(f, key) // 1.250 is a thousand and more in Dutch
		ok = ok && read
		return v
	}
	var it board.Item
	switch f.area {
	case board.AreaAction:
		a := &board.Action{}
		if o, isAction := f.orig.(*board.Action); isAction {
			*a = *o
		}
		a.What, a.Who, a.When = f.value("what"), f.value("who"), date("when")
		a.GoalID = 0
		if g := f.value("goal"); g != "" {
			goal, found := m.matchGoal(g)
			if !found {
				f.field("goal").err, ok = m.msg.ErrBadValue, false
			}
			a.GoalID = goal.ID
		}
		it = a
	case board.AreaGoal:
		g := &board.Goal{}
		if o, isGoal := f.orig.(*board.Goal); isGoal {
			*g = *o
			if o.Indicator != nil {
				in := *o.Indicator
				g.Indicator = &in
			}
		}
		g.Title, g.Why, g.ByWhen, g.Measure = f.value("title"), f.value("why"), date("by_when"), f.value("measure")
		if f.value("unit") != "" || f.value("baseline") != "" || f.value("target") != "" {
			if g.Indicator == nil {
				g.Indicator = &board.Indicator{}
			}
			g.Indicator.Unit, g.Indicator.Baseline, g.Indicator.Target = f.value("unit"), num("baseline"), num("target")
		} else if g.Indicator != nil && len(g.Indicator.Measurements) == 0 {
			g.Indicator = nil
		}
		ok = newGoalForms(m).readGoalPlanFields(f, g, date) && ok
		it = g
	case board.AreaSuccess:
		s := &board.Success{}
		if o, isSuccess := f.orig.(*board.Success); isSuccess {
			*s = *o
		}
		s.Text, s.Who = f.value("text"), f.value("who")
		it = s
	case board.AreaPlanning:
		p := &board.PlanItem{}
		if o, isPlan := f.orig.(*board.PlanItem); isPlan {
			*p = *o
		}
		p.Date, p.Text, p.Who = date("date"), f.value("text"), f.value("who")
		it = p
	case board.AreaParking:
		p := &board.Parking{}
		if o, isParking := f.orig.(*board.Parking); isParking {
			*p = *o
		}
		p.Text = f.value("text")
		it = p
	}
	if it != nil && f.orig != nil {
		it.Base().Version = f.base
	}
	return it, ok
}

// revert is the undo of an update: the old values at the new version.
func revert(boardID uint64, old, saved board.Item) *undoOp {
	back := board.NewItem(old.Area())
	copyItem(back, old)
	back.Base().Version = saved.Base().Version
	return &undoOp{board: boardID, kind: undoUpdate, area: old.Area(), item: back, label: saved.Label()}
}

func copyItem(dst, src board.Item) {
	switch d := dst.(type) {
	case *board.Action:
		*d = *src.(*board.Action)
	case *board.Goal:
		*d = *src.(*board.Goal)
	case *board.Success:
		*d = *src.(*board.Success)
	case *board.PlanItem:
		*d = *src.(*board.PlanItem)
	case *board.Parking:
		*d = *src.(*board.Parking)
	case *board.CheckIn:
		*d = *src.(*board.CheckIn)
	}
}
