package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// designForm edits a design's newest version (ds set), makes its next
// version (revise: bijstellen, from the newest and the visit's lessen in
// mind), or a new design (ds nil). f.seen is the edit count seen plus one,
// so 0 means a conflict was shown and the next save goes over it.
func (m *duoScreen) designForm(ds *board.Design, revise bool) *form {
	var v board.DesignVersion
	title := m.msg.Duo.NewDesign
	f := &form{}
	if ds != nil {
		v, title, f.base, f.seen = ds.Current(), m.msg.Duo.EditDesign, ds.ID, ds.Current().Edits+1
		if revise {
			title = fmt.Sprintf("%s %d", m.msg.Duo.Revise, v.N+1)
		}
	}
	f.title = title
	f.submit = func(f *form) tea.Cmd { return m.saveDesign(f, revise) }
	fd := m.msg.Duo.Fields
	f.add("group", fd["group"], fLine, "", v.Group)
	f.limitTo("group", shortLimit)
	f.add("subject", fd["subject"], fLine, "", v.Subject)
	for _, k := range []string{"goal", "criteria", "start"} {
		f.add(k, fd[k], fText, "", v.Field(k))
	}
	phases := make([]string, len(v.Phases))
	for i, p := range v.Phases {
		phases[i] = fmt.Sprintf("%s %d", p.Name, p.Minutes)
	}
	f.add("phases", fd["phases"], fLine, m.msg.Duo.HintPhases, strings.Join(phases, ", "))
	for _, k := range []string{"differ", "check", "kijkvraag"} {
		f.add(k, fd[k], fText, "", v.Field(k))
	}
	return f
}

// parsePhases reads "instructie 15, inoefenen 20": a name and its minutes.
func parsePhases(s string) ([]board.LessonPhase, bool) {
	var out []board.LessonPhase
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), "'"))
		if part == "" {
			continue
		}
		i := strings.LastIndex(part, " ")
		if i < 0 {
			return nil, false
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(part[i+1:]), "min"))
		if err != nil {
			return nil, false
		}
		out = append(out, board.LessonPhase{Name: strings.TrimSpace(part[:i]), Minutes: n})
	}
	return out, true
}

func (m *duoScreen) saveDesign(f *form, revise bool) tea.Cmd {
	f.clearErrors()
	phases, ok := parsePhases(f.value("phases"))
	if !ok {
		f.field("phases").err = m.msg.Duo.ErrPhases
		return nil
	}
	v := board.DesignVersion{Group: f.value("group"), Subject: f.value("subject"), Goal: f.value("goal"), Criteria: f.value("criteria"),
		Start: f.value("start"), Phases: phases, Differ: f.value("differ"), Check: f.value("check"), Kijkvraag: f.value("kijkvraag")}
	op := board.DuoOp{Kind: board.OpAddDesign, Design: v}
	if f.base != 0 {
		op.ID, op.Seen = f.base, f.seen-1
		if f.seen == 0 {
			// They saw the conflict: this save goes over the newest.
			if ds, ok := m.d.Design(f.base); ok {
				op.Seen = ds.Current().Edits
			}
		}
		op.Kind = board.OpEditDesign
		if revise {
			op.Kind = board.OpReviseDesign
		}
	}
	return m.change(op, fmt.Sprintf(m.msg.SavedF, v.Title()))
}

// visitForm plans a lesbezoek of the selected design: by default the
// design's author teaches, another partner visits, a week from today.
func (m *duoScreen) visitForm() *form {
	f := &form{title: m.msg.Duo.PlanVisit, submit: m.planVisit}
	teacher, visitor, group, design := "", "", "", ""
	if ds, ok := m.design(); ok {
		teacher, group, design = ds.Author, ds.Current().Group, strconv.Itoa(m.sel[0]+1)
	}
	for _, p := range m.d.Partners {
		if teacher == "" {
			teacher = p.Name
		} else if visitor == "" && !strings.EqualFold(p.Name, teacher) {
			visitor = p.Name
		}
	}
	f.add("date", m.msg.Duo.FieldDate, fDate, "", "")
	f.add("time", m.msg.Duo.Time, fLine, "10:30", "")
	f.add("minutes", m.msg.Duo.Minutes, fNumber, "", strconv.Itoa(board.DefaultVisitMinutes))
	f.add("group", m.msg.Duo.Fields["group"], fLine, "", group)
	f.limitTo("group", shortLimit)
	f.add("teacher", m.msg.Duo.Teacher, fLine, "", teacher)
	f.add("visitor", m.msg.Duo.Visitor, fLine, "", visitor)
	f.add("design", m.msg.Duo.FieldDesign, fLine, m.msg.Duo.HintDesign, design)
	return f
}

func (m *duoScreen) planVisit(f *form) tea.Cmd {
	f.clearErrors()
	start, ok := visitStart(f, m.now(), m.msg)
	minutes, okMin := f.number("minutes", 1, board.MaxMinutes, m.msg.ErrBadValue)
	if !ok || !okMin {
		return nil
	}
	v := board.Visit{At: start, Minutes: int(minutes),
		Group: f.value("group"), Teacher: f.value("teacher"), Visitor: f.value("visitor")}
	if n, err := strconv.Atoi(f.value("design")); err == nil && n >= 1 && n <= len(m.d.Designs) {
		v.Design = m.d.Designs[n-1].ID
	} else if f.value("design") != "" {
		f.field("design").err = m.msg.ErrBadValue
		return nil
	}
	op := board.DuoOp{Kind: board.OpPlanVisit, Visit: v}
	status := fmt.Sprintf(m.msg.SavedF, v.At.Format("2006-01-02 15:04"))
	if v.At.Before(m.now()) {
		// A visit in the past is questioned: recorded afterwards, or a
		// typo in the date.
		m.confirm(fmt.Sprintf(m.msg.Duo.AskPastF, v.At.Format("2006-01-02 15:04")), func() tea.Cmd {
			op.Force = true
			return m.change(op, status)
		})
		return nil
	}
	return m.change(op, status)
}

// visitStart reads the visit's day and time ("10:30") as one moment.
func visitStart(f *form, now time.Time, msg *i18n.Messages) (time.Time, bool) {
	day, ok := f.date("date", now, msg)
	at, err := time.ParseInLocation("15:04", f.value("time"), day.Location())
	if err != nil {
		f.field("time").err = msg.ErrBadValue
	}
	return day.Add(time.Duration(at.Hour())*time.Hour + time.Duration(at.Minute())*time.Minute), ok && err == nil
}

// talkForm is the nagesprek in the feedback model's order: the designer
// first, on their own kijkvraag; then the visitor.
func (m *duoScreen) talkForm(v *board.Visit) *form {
	f := &form{title: m.msg.Duo.Talk, base: v.ID, seen: v.Talk.Edits + 1}
	f.submit = m.saveTalk
	hint := m.msg.Duo.TalkOrder
	if tried, ok := m.d.Tried(*v); ok {
		hint = m.msg.Duo.Fields["kijkvraag"] + ": " + tried.Kijkvraag
	}
	for i, step := range board.TalkSteps {
		h := ""
		if i == 0 {
			h = hint
		}
		f.add(step, m.msg.Duo.TalkSteps[step], fText, h, v.Talk.Field(step))
	}
	return f
}

func (m *duoScreen) saveTalk(f *form) tea.Cmd {
	f.clearErrors()
	t := board.Talk{Designer: f.value("designer"), Saw: f.value("saw"), Effect: f.value("effect"), Try: f.value("try")}
	for _, step := range board.TalkSteps {
		if !m.guardNames(&m.warned, t.Field(step), board.LooksLikeName(t.Field(step), m.known()), func(w string) { f.field(step).err = w }) {
			return nil
		}
	}
	seen := f.seen - 1
	if v, ok := m.d.Visit(f.base); ok && f.seen == 0 {
		seen = v.Talk.Edits
	}
	return m.change(board.DuoOp{Kind: board.OpTalk, ID: f.base, Talk: t, Seen: seen}, m.msg.Saved)
}

// lessonForm adds a les of the nagesprek.
func (m *duoScreen) lessonForm(visit uint64) *form {
	f := &form{title: m.msg.Duo.NewLesson, base: visit}
	f.submit = func(f *form) tea.Cmd {
		f.clearErrors()
		text := f.value("text")
		if !m.guardNames(&m.warned, text, board.LooksLikeName(text, m.known()), func(w string) { f.err = w }) {
			return nil
		}
		return m.change(board.DuoOp{Kind: board.OpAddLesson, ID: f.base, Text: text}, fmt.Sprintf(m.msg.SavedF, text))
	}
	f.add("text", m.msg.Duo.Lessons, fLine, "", "")
	return f
}

// lessonAction makes the selected les an action on the open board (origin
// duo): the partner's own team's board. With none open it says how.
func (m *duoScreen) lessonAction(v *board.Visit) tea.Cmd {
	ls := v.Lessons
	if m.sel[2] >= len(ls) {
		return nil
	}
	if m.b == nil {
		m.setStatus(m.msg.Duo.ErrNoBoard, true)
		return nil
	}
	l, visit, boardID := ls[m.sel[2]], v.ID, m.b.ID
	return m.toAction(l.Action, l.ID, l.Text, m.msg.Duo.KeyToAction, m.msg.AlreadyActionAsk, func(f *form) tea.Cmd {
		f.area = board.AreaAction
		it, ok := m.build(f)
		if !ok {
			return nil
		}
		return m.change(board.DuoOp{Kind: board.OpLessonAction, ID: visit, Sub: f.base, Board: boardID, Action: it.(*board.Action)},
			fmt.Sprintf(m.msg.SavedF, it.Label()))
	})
}
