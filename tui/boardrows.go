package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/verbeterbord/bord/board"
)

// row is one line of an area: the item it shows and how to draw it. The
// text is made only for the rows on screen: a board of 10,000 actions
// formatted every row on every key (issue 14).
type row struct {
	id   uint64
	draw func() string
}

func (r row) text() string { return r.draw() }

// filter limits the actions area.
type filter struct {
	kind   filterKind
	goalID uint64
}

type filterKind int

const (
	filterAll filterKind = iota
	filterMine
	filterOverdue
	filterGoal
)

// recentDays is how long a done or dropped action stays on the board: long
// enough to celebrate it in the next bordsessie, short enough to keep the
// list about open work.
const recentDays = 7

// areaRows makes the rows each area lists, through the actions filter.
type areaRows struct {
	*Common
	filter filter
	listed map[board.Area]areaList
}

// areaList is one area's rows of one snapshot under one filter on one day:
// kept, so a key or a frame costs only the rows it shows, not a filter
// and a sort of the whole area.
type areaList struct {
	b      *board.Board
	filter filter
	day    int64
	rows   []row
	// overdue counts the board's overdue actions, for the actions title.
	overdue int
}

// actions returns the actions the actions area lists, in order: open ones
// by date, then recently finished ones.
func (m *areaRows) actions(b *board.Board) []board.Action {
	now := m.now()
	cutoff := board.Day(now).AddDate(0, 0, -recentDays)
	var out []board.Action
	for _, a := range b.Actions {
		if !a.Status.Open() && a.UpdatedAt.Before(cutoff) {
			continue
		}
		switch m.filter.kind {
		case filterMine:
			if !strings.EqualFold(a.Who, m.cfg.User) {
				continue
			}
		case filterOverdue:
			if !a.Overdue(now) {
				continue
			}
		case filterGoal:
			if a.GoalID != m.filter.goalID {
				continue
			}
		}
		out = append(out, a)
	}
	slices.SortStableFunc(out, func(x, y board.Action) int {
		if x.Status.Open() != y.Status.Open() {
			if x.Status.Open() {
				return -1
			}
			return 1
		}
		return cmp.Or(x.When.Compare(y.When), cmp.Compare(x.ID, y.ID))
	})
	return out
}

// rows lists what area a of b shows, one row per item, in order. The list
// is made once per snapshot, filter and day, and shared by every key and
// frame until one of them changes.
func (m *areaRows) rows(b *board.Board, a board.Area) []row {
	if b == nil {
		return nil
	}
	day := board.Day(m.now()).Unix()
	if l, ok := m.listed[a]; ok && l.b == b && l.filter == m.filter && l.day == day {
		return l.rows
	}
	l := areaList{b: b, filter: m.filter, day: day, rows: m.list(b, a)}
	if a == board.AreaAction {
		now := m.now()
		for _, act := range b.Actions {
			if act.Overdue(now) {
				l.overdue++
			}
		}
	}
	if m.listed == nil {
		m.listed = map[board.Area]areaList{}
	}
	m.listed[a] = l
	return l.rows
}

// overdue counts b's overdue actions, kept with the actions' rows.
func (m *areaRows) overdue(b *board.Board) int {
	m.rows(b, board.AreaAction)
	return m.listed[board.AreaAction].overdue
}

func (m *areaRows) list(b *board.Board, a board.Area) []row {
	now := m.now()
	var rows []row
	add := func(id uint64, text func() string) { rows = append(rows, row{id: id, draw: text}) }
	switch a {
	case board.AreaCheckIn:
		week := board.WeekOf(now)
		cs := slices.Clone(b.CheckIns)
		slices.SortFunc(cs, func(x, y board.CheckIn) int { return strings.Compare(x.Who, y.Who) })
		for _, c := range cs {
			if c.Week != week {
				continue
			}
			add(c.ID, func() string {
				text := fmt.Sprintf("%s %s — %s", c.Mood.Symbol(), c.Who, m.msg.Mood(c.Mood))
				if c.Word != "" {
					text += " · " + c.Word
				}
				return text
			})
		}
	case board.AreaSuccess:
		ss := slices.Clone(b.Successes)
		slices.SortStableFunc(ss, func(x, y board.Success) int { return cmp.Or(y.Date.Compare(x.Date), cmp.Compare(y.ID, x.ID)) })
		for _, s := range ss {
			add(s.ID, func() string {
				text := "★ " + s.Text
				if s.Who != "" {
					text += " — " + s.Who
				}
				return text
			})
		}
	case board.AreaGoal:
		for i := range b.Goals {
			add(b.Goals[i].ID, func() string { return goalView{m.Common}.goalRow(b, &b.Goals[i]) })
		}
	case board.AreaAction:
		for _, act := range m.actions(b) {
			add(act.ID, func() string { return m.actionRow(act) })
		}
	case board.AreaPlanning:
		ps := slices.Clone(b.Planning)
		slices.SortStableFunc(ps, func(x, y board.PlanItem) int { return cmp.Or(x.Date.Compare(y.Date), cmp.Compare(x.ID, y.ID)) })
		today := board.Day(now)
		for _, p := range ps {
			if p.Date.Before(today) {
				continue
			}
			add(p.ID, func() string {
				text := fmt.Sprintf("%-6s %s", m.msg.ShortDate(p.Date), p.Text)
				if p.Who != "" {
					text += " — " + p.Who
				}
				return text
			})
		}
	case board.AreaParking:
		for _, p := range b.Parking {
			add(p.ID, func() string { return "• " + strings.ReplaceAll(p.Text, "\n", " ") })
		}
	}
	return rows
}

var statusBox = map[board.Status]string{
	board.StatusTodo: "[ ]", board.StatusDoing: "[~]", board.StatusDone: "[x]", board.StatusDropped: "[-]",
}

// actionRow puts status, date and owner first, so a narrow panel cuts the
// description, never who or when. Overdue is a "!" and a colour.
func (m *areaRows) actionRow(a board.Action) string {
	mark := " "
	if a.Overdue(m.now()) {
		mark = m.st.overdue.Render("!")
	}
	text := fmt.Sprintf("%s %-6s %s %s: %s", statusBox[a.Status], m.msg.ShortDate(a.When), mark, a.Who, a.What)
	switch a.Status {
	case board.StatusDone:
		text = m.st.done.Render(text)
	case board.StatusDropped:
		text = m.st.dim.Render(text)
	}
	return text
}

// bar draws progress with blocks and a fixed width, readable without colour.
func bar(p float64, w int) string {
	n := int(p*float64(w) + 0.5)
	return "▕" + strings.Repeat("█", n) + strings.Repeat("░", w-n) + "▏"
}

func (m *boardScreen) selectedID(b *board.Board, a board.Area) (uint64, bool) {
	rows := m.rows(b, a)
	i := m.sel[a]
	if i < 0 || i >= len(rows) {
		return 0, false
	}
	return rows[i].id, true
}

// selected returns a copy of the selected item in the focused area.
func (m *boardScreen) selected() board.Item {
	a := board.Areas[m.area]
	id, ok := m.selectedID(m.b, a)
	if !ok {
		return nil
	}
	return m.b.Find(a, id)
}
