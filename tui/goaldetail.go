package tui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/cellwidth"
)

// goalScreen is one goal up close: its numbers, the line chart of its
// measurements against the target line, the measurement table and the
// status history. It reads the goal from the open board's snapshot on
// every frame, so a measurement someone else adds redraws the chart.
type goalScreen struct {
	*Common
	goalForms
	keys goalKeys
	id   uint64 // the goal shown
	from screenID
	sel  int // the selected measurement, newest first
	// edit opens the goal's own form, the board's (boardScreen.openItemForm).
	edit func(area board.Area, it board.Item) tea.Cmd
}

func newGoalScreen(c *Common) *goalScreen {
	return &goalScreen{Common: c, goalForms: newGoalForms(c), keys: newGoalKeys(c.msg)}
}

// open shows goal id, coming from screen from.
func (m *goalScreen) open(id uint64, from screenID) {
	m.id, m.from, m.sel = id, from, 0
	m.screen = screenGoal
}

func (m *goalScreen) Title() string     { return m.msg.Goals.Detail }
func (m *goalScreen) Keys() help.KeyMap { return m.keys }

// goal is the shown goal in the current snapshot; false when it is gone.
func (m *goalScreen) goal() (*board.Goal, bool) {
	if m.b == nil {
		return nil, false
	}
	i := slices.IndexFunc(m.b.Goals, func(g board.Goal) bool { return g.ID == m.id })
	if i < 0 {
		return nil, false
	}
	return &m.b.Goals[i], true
}

func (m *goalScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.screen != screenGoal {
		return nil
	}
	g, found := m.goal()
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = m.from
		return nil
	case !found:
		return nil
	case key.Matches(k, m.keys.Up):
		m.sel = max(m.sel-1, 0)
	case key.Matches(k, m.keys.Down):
		if g.Indicator != nil {
			m.sel = max(min(m.sel+1, len(g.Indicator.Measurements)-1), 0)
		}
	case key.Matches(k, m.keys.Measure):
		return m.openMeasure(g)
	case key.Matches(k, m.keys.Close):
		m.askStatus(g)
	case key.Matches(k, m.keys.Adjust):
		return m.openAdjust(g)
	case key.Matches(k, m.keys.Edit):
		// A copy: the form edits it, never the shared snapshot.
		return m.edit(board.AreaGoal, m.b.Find(board.AreaGoal, g.ID))
	}
	return nil
}

// View draws the goal: its header lines, the chart, then the measurements
// and the history side by side.
func (m *goalScreen) View() string {
	w, h := m.width, m.bodyHeight()
	g, ok := m.goal()
	if !ok {
		return block([]string{m.st.dim.Render(m.msg.ErrGone)}, w, h)
	}
	lines := m.header(g)
	rest := h - len(lines)
	chartH := max(rest*11/20, 5)
	tableH := rest - chartH
	if chart := m.chart(g, w, chartH); chart != nil {
		lines = append(lines, chart...)
	} else {
		lines = append(lines, "", m.st.dim.Render(" "+m.msg.Goals.NoChart))
		tableH = h - len(lines)
	}
	out := make([]string, 0, h)
	for _, l := range lines[:min(len(lines), h-min(tableH, 3))] {
		out = append(out, fit(l, w))
	}
	tableH = h - len(out)
	if tableH >= 3 {
		left := w / 2
		table := strings.Split(m.measurementPanel(g, left, tableH), "\n")
		hist := strings.Split(m.historyPanel(g, w-left, tableH), "\n")
		for i := range tableH {
			out = append(out, table[i]+hist[i])
		}
	}
	return block(out, w, h)
}

// header is the title line, the numbers line and the warnings.
func (m *goalScreen) header(g *board.Goal) []string {
	gm := m.msg.Goals
	title := m.st.header.Render(gm.Detail) + " · " + m.st.title.Render(g.Title) + " (" + m.msg.GoalStatus(g.Status) + ")"
	if g.Owner != "" {
		title += " · " + fmt.Sprintf(gm.OwnerF, g.Owner)
	}
	if s, ok := m.b.Speerpunt(g.SpeerpuntID); ok && g.SpeerpuntID != 0 {
		title += " · " + gm.Speerpunt + ": " + s.Title
	}
	lines := []string{title}
	if in := g.Indicator; in != nil && len(g.Missing()) == 0 {
		latest := gm.NoneYet
		if l, ok := in.Latest(); ok {
			latest = m.number(l.Value) + " (" + m.msg.ShortDate(l.Date) + ")"
		}
		dir := gm.Higher
		if in.Better() == board.LowerIsBetter {
			dir = gm.Lower
		}
		values := fmt.Sprintf("%s %s (%s) → %s %s → %s %s (%s) %s",
			gm.Baseline, m.number(in.Baseline), m.msg.ShortDate(in.BaselineDate), gm.Latest, latest,
			gm.Target, m.number(in.Target), m.msg.ShortDate(g.TargetDate()), in.Unit)
		if cellwidth.String(values) > m.width {
			// Narrow: the numbers without their names, which the chart's
			// axis and the table below repeat.
			values = m.goalValues(g) + " · " + m.msg.ShortDate(in.BaselineDate) + " – " + m.msg.ShortDate(g.TargetDate())
		}
		lines = append(lines, values)
		progress := m.goalBar(g, m.now()) + " " + m.trackWord(g) + " · " + dir
		if c := m.b.ActionsOf(g.ID, m.now()); c.Open+c.Done > 0 {
			progress += " · " + m.actionCounts(c)
		}
		lines = append(lines, progress)
	} else if c := m.b.ActionsOf(g.ID, m.now()); c.Open+c.Done > 0 {
		lines = append(lines, m.actionCounts(c))
	}
	for _, w := range g.Warnings(m.now()) {
		// Wrapped, not cut: a warning says what to do at its end.
		lines = append(lines, wrapped("⚠ "+m.warning(m.b, w, false), m.width, m.st.warn)...)
	}
	return lines
}

// chart is the line chart of the goal's measurements and its target line
// in w×h, nil when the goal cannot be measured.
func (m *goalScreen) chart(g *board.Goal, w, h int) []string {
	in := g.Indicator
	if in == nil || len(g.Missing()) > 0 {
		return nil
	}
	pts := []point{{in.BaselineDate, in.Baseline}}
	for _, x := range in.Measurements {
		pts = append(pts, point{x.Date, x.Value})
	}
	return lineChart(chartSpec{
		points: pts,
		from:   point{in.BaselineDate, in.Baseline},
		to:     point{g.TargetDate(), in.Target},
		w:      w - 1, h: h,
		num:  m.roundedNumber,
		date: m.msg.ShortDate,
	})
}

// measurementPanel lists the measurements, newest first.
func (m *goalScreen) measurementPanel(g *board.Goal, w, h int) string {
	gm := m.msg.Goals
	var rows []retroRow
	if in := g.Indicator; in != nil {
		ms := in.Sorted()
		for i := len(ms) - 1; i >= 0; i-- {
			x := ms[i]
			text := fmt.Sprintf("%-11s %8s", m.msg.ShortDate(x.Date)+" "+fmt.Sprint(x.Date.Year()), m.number(x.Value))
			if x.Who != "" {
				text += "  " + x.Who
			}
			if x.Note != "" {
				text += " · " + x.Note
			}
			rows = append(rows, retroRow{text: text})
		}
	}
	return m.panelN(gm.Measurements, len(rows), rows, m.sel, w, h, true, gm.NoMeasurements)
}

// historyPanel lists the status changes and adjustments, newest first,
// each with its reason below it.
func (m *goalScreen) historyPanel(g *board.Goal, w, h int) string {
	gm := m.msg.Goals
	var lines []string
	for i := len(g.History) - 1; i >= 0; i-- {
		c := g.History[i]
		what := fmt.Sprintf(gm.ChangedF, m.msg.GoalStatus(c.From), m.msg.GoalStatus(c.To))
		if t := c.Target; t != nil {
			what = fmt.Sprintf(gm.TargetChangedF, m.number(t.OldValue), m.msg.ShortDate(t.OldDate), m.number(t.NewValue), m.msg.ShortDate(t.NewDate))
		}
		// The reason on a line of its own: half a narrow screen cuts it.
		lines = append(lines, fmt.Sprintf(" %s %s: %s", m.msg.ShortDate(c.At), c.By, what), m.st.dim.Render("   — "+c.Reason))
	}
	if len(lines) == 0 {
		lines = []string{m.st.dim.Render(" " + gm.NoHistory)}
	}
	return panel(fmt.Sprintf("%s (%d)", gm.History, len(g.History)), lines, w, h, false, m.st)
}

// openMeasure asks for a measurement: date, value, note. The board's m
// opens the same form.
func (m goalForms) openMeasure(g *board.Goal) tea.Cmd {
	f := &form{title: m.msg.MeasureTitle + ": " + g.Title, area: board.AreaGoal, orig: g, base: g.Version, submit: m.saveMeasure}
	f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, m.msg.Goals.Today)
	f.lookBack("date") // a measurement was taken, it is not due
	f.add("value", m.msg.FieldValue, fNumber, "", "")
	f.add("note", m.msg.FieldNote, fLine, "", "")
	return m.openForm(f, 1)
}

func (m goalForms) saveMeasure(f *form) tea.Cmd {
	g := f.orig.(*board.Goal)
	d, ok := m.goalDate(f, "date", g)
	if !ok {
		return nil
	}
	v, ok := m.readNumber(f, "value")
	if !ok {
		return nil
	}
	s, user, boardID := m.cfg.Store, m.cfg.User, m.b.ID
	op := board.ItemOp{Kind: board.ItemMeasure, ID: g.ID, Measurement: board.Measurement{Date: d, Value: v, Note: f.value("note"), Who: user}}
	status := fmt.Sprintf(m.msg.Goals.MeasuredF, m.number(v), g.Title)
	return func() tea.Msg {
		saved, err := s.ChangeItem(user, boardID, op)
		if err != nil {
			return errMsg{err}
		}
		return doneMsg{status: status, undo: revert(boardID, g, saved)}
	}
}

// askStatus offers the statuses the goal can move to, then asks why.
func (m *goalScreen) askStatus(g *board.Goal) {
	var to []board.GoalStatus
	var names []string
	for _, s := range []board.GoalStatus{board.GoalActive, board.GoalReached, board.GoalStopped} {
		if s != g.Status && !(s == board.GoalActive && g.Open()) {
			to = append(to, s)
			names = append(names, m.msg.GoalStatus(s))
		}
	}
	id, seen, title := g.ID, g.Version, g.Title
	m.choose = &chooser{title: m.msg.Goals.PickStatus, options: names, pick: func(i int) tea.Cmd {
		f := &form{title: m.msg.Goals.CloseTitle + ": " + title + " → " + names[i]}
		f.add("reason", m.msg.Goals.FieldReason, fLine, m.msg.Goals.HintReason, "")
		op := board.GoalOp{Kind: board.GoalSetStatus, GoalID: id, Seen: seen, Status: to[i]}
		f.submit = func(f *form) tea.Cmd {
			return m.saveGoalOp(f, op, fmt.Sprintf(m.msg.Goals.StatusSetF, title, names[i]))
		}
		return m.openForm(f, 0)
	}}
}

// openAdjust asks for the new streefwaarde, its date and why.
func (m *goalScreen) openAdjust(g *board.Goal) tea.Cmd {
	if g.Indicator == nil {
		m.setStatus(m.msg.Goals.NoChart, true)
		return nil
	}
	gm := m.msg.Goals
	f := &form{title: gm.AdjustTitle + ": " + g.Title, area: board.AreaGoal, orig: g}
	f.add("target", m.msg.FieldTarget, fNumber, "", m.number(g.Indicator.Target))
	f.add("target_date", gm.FieldNewDate, fDate, m.msg.HintDate, dateOr(g.TargetDate()))
	f.add("reason", gm.FieldReason, fLine, gm.HintReason, "")
	id, seen, title := g.ID, g.Version, g.Title
	f.submit = func(f *form) tea.Cmd {
		v, ok := m.readNumber(f, "target")
		if !ok {
			return nil
		}
		d, ok := m.goalDate(f, "target_date", g)
		if !ok {
			return nil
		}
		op := board.GoalOp{Kind: board.GoalAdjust, GoalID: id, Seen: seen, Target: v, TargetDate: d}
		return m.saveGoalOp(f, op, fmt.Sprintf(gm.AdjustedF, title))
	}
	return m.openForm(f, 0)
}

// saveGoalOp saves a close, reopen or adjustment with the reason typed.
func (m *goalScreen) saveGoalOp(f *form, op board.GoalOp, status string) tea.Cmd {
	op.Reason = strings.TrimSpace(f.value("reason"))
	if op.Reason == "" {
		f.field("reason").err = m.msg.Goals.ErrReason
		return nil
	}
	boardID := m.b.ID
	return m.write(func(s Store, user string) error {
		_, err := s.ChangeGoal(user, boardID, op)
		return err
	}, status)
}

// readNumber reads a number typed with either decimal mark; what is not a
// finite number gets a message that says so and shows what was typed.
func (m goalForms) readNumber(f *form, key string) (float64, bool) {
	text := strings.TrimSpace(f.value(key))
	v, err := m.msg.Numbers().Parse(text)
	if err == nil {
		return v, true
	}
	// ParseFloat reads "NaN" and "Inf", which board's Parse refuses: they
	// get their own message, since they look like numbers to some.
	if x, err := strconv.ParseFloat(text, 64); err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
		f.field(key).err = m.msg.Goals.ErrNotFinite
	} else {
		f.field(key).err = fmt.Sprintf(m.msg.Goals.ErrNumberF, board.CleanLine(text, 20))
	}
	return 0, false
}

// goalDate reads a date field; under a speerpunt it must fall in the plan
// period, which the store checks too: the form says so before the save.
func (m goalForms) goalDate(f *form, key string, g *board.Goal) (time.Time, bool) {
	d, ok := f.date(key, m.now(), m.msg)
	if !ok {
		return d, false
	}
	if s, found := m.b.Speerpunt(g.SpeerpuntID); found && g.SpeerpuntID != 0 && !s.InPeriod(d) {
		f.field(key).err = fmt.Sprintf(m.msg.Goals.ErrOutsideF, m.msg.Date(d), s.FromYear, s.ToYear)
		return d, false
	}
	return d, true
}
