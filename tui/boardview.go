package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// wideWidth is where the board switches from tabs to all six areas at once.
const wideWidth = 120

// rect is a panel's place on screen, for mouse clicks.
type rect struct {
	area       board.Area
	x, y, w, h int
}

// layout places the areas for the current size. In the wide layout all six
// show at once; otherwise only the focused one, under a row of tabs.
func (m *boardScreen) layout() (rects []rect, wide bool) {
	w, h := m.width, m.height
	bodyTop, bodyH := 1, h-3 // header above; status and help below
	if m.b != nil && m.b.Meeting() != nil {
		bodyTop, bodyH = bodyTop+meetingBarHeight, bodyH-meetingBarHeight
	}
	if w >= wideWidth {
		third := w / 3
		top := max(bodyH*2/5, 5)
		if wraps(w) {
			top = m.topHeight(bodyH, third, w/2)
		}
		bottom := bodyH - top
		rects = []rect{
			{board.AreaCheckIn, 0, bodyTop, third, top},
			{board.AreaSuccess, third, bodyTop, third, top},
			{board.AreaGoal, 2 * third, bodyTop, w - 2*third, top},
			{board.AreaAction, 0, bodyTop + top, w / 2, bottom},
			{board.AreaPlanning, w / 2, bodyTop + top, (w - w/2) / 2, bottom},
			{board.AreaParking, w/2 + (w-w/2)/2, bodyTop + top, w - w/2 - (w-w/2)/2, bottom},
		}
		return rects, true
	}
	return []rect{{board.Areas[m.area], 0, bodyTop + 1, w, bodyH - 1}}, false
}

// View draws the board: header, bordsessie bar, areas, status and keys.
func (m *boardScreen) View() string {
	if m.present {
		return m.presentView()
	}
	b := m.b
	week := board.WeekOf(m.now())
	header := m.st.header.Render("bord") + " · " + fmt.Sprintf(m.msg.WeekF, week.Week) + " · " +
		m.msg.You + ": " + m.cfg.User + " · " + m.st.title.Render(b.Team.Name) + " · " + b.Name
	if n := b.OpenArenas(); n > 0 {
		header += " · " + m.st.warn.Render(fmt.Sprintf(m.msg.OpenArenasF, i18n.Count(n, m.msg.Words.NounArena)))
	}
	lines := []string{fit(header, m.width)}
	if mt := b.Meeting(); mt != nil {
		for _, l := range m.meet.bar(mt) {
			lines = append(lines, fit(l, m.width))
		}
	}
	rects, wide := m.layout()
	if wide {
		grid := make([][]string, 0, len(rects))
		for _, r := range rects {
			grid = append(grid, strings.Split(m.viewArea(r), "\n"))
		}
		// Rows of panels: the first three share a top band, the rest the bottom.
		for _, band := range [][]int{{0, 1, 2}, {3, 4, 5}} {
			for y := range rects[band[0]].h {
				var sb strings.Builder
				for _, i := range band {
					sb.WriteString(grid[i][y])
				}
				lines = append(lines, sb.String())
			}
		}
	} else {
		lines = append(lines, m.tabs())
		lines = append(lines, strings.Split(m.viewArea(rects[0]), "\n")...)
	}
	// Every line is exactly m.width already (panels are drawn to size and
	// the rest was fit): only the count needs fixing, which spares a second
	// measuring pass over the whole screen.
	return stack(lines, m.width, m.bodyHeight())
}

// overlay is the close step's summary over the board, in a bordsessie.
func (m *boardScreen) overlay() string {
	if mt := m.b.Meeting(); mt != nil && mt.Step == board.StepClose {
		return m.meet.viewClose(mt)
	}
	return ""
}

func (m *boardScreen) tabs() string {
	var parts []string
	for i, a := range board.Areas {
		label := fmt.Sprintf("%d %s", i+1, m.msg.Area(a))
		if i == m.area {
			parts = append(parts, m.st.tabActive.Render("["+label+"]"))
		} else {
			parts = append(parts, " "+label+" ")
		}
	}
	return fit(strings.Join(parts, ""), m.width)
}

// viewArea draws area r, or takes it from another session that drew the
// same panel of the same snapshot (panelcache.go).
func (m *boardScreen) viewArea(r rect) string {
	k := panelKey{area: r.area, w: r.w, h: r.h, focused: board.Areas[m.area] == r.area,
		sel: m.sel[r.area], filter: m.filter, day: board.Day(m.now()).Unix(), msg: m.msg, wrap: wraps(m.width)}
	if m.filter.kind == filterMine {
		k.user = m.cfg.User
	}
	return panels.get(m.b, k, func() string { return m.drawArea(r) })
}

func (m *boardScreen) drawArea(r rect) string {
	focused := board.Areas[m.area] == r.area
	title := fmt.Sprintf("%s (%d)", m.msg.Area(r.area), len(m.rows(m.b, r.area)))
	if r.area == board.AreaAction {
		title = m.actionsTitle(len(m.rows(m.b, r.area)))
	}
	if r.area == board.AreaPlanning {
		title += m.overdueArenas() // recurring.go
	}
	if r.area == board.AreaGoal && len(m.b.FocusWarnings()) > 0 {
		title += " · ⚠ " + m.msg.Goals.FocusShort
	}
	lines, _ := m.areaLines(r)
	return panel(title, lines, r.w, r.h, focused, m.st)
}

// pageRows is how many rows the focused area shows: a page for PgUp/PgDn.
func (m *boardScreen) pageRows() int {
	rects, _ := m.layout()
	for _, r := range rects {
		if r.area == board.Areas[m.area] {
			n := r.h - 2
			if r.area == board.AreaCheckIn {
				n -= len(m.missingCheckIns())
			}
			return max(n, 1)
		}
	}
	return 1
}

// scrollStart is the first of n rows to show in avail lines with row sel
// selected. When not all rows fit, the last line says how many more there
// are, so the selection is kept above that line.
func scrollStart(sel, n, avail int) int {
	if n <= avail || avail < 2 {
		return max(sel-avail+1, 0)
	}
	if sel < avail-1 {
		return 0
	}
	return min(sel-avail+2, n-avail)
}

// missingCheckIns lists members who have not checked in this week, dimmed,
// so the team sees at a glance who is still to go.
func (m *boardScreen) missingCheckIns() []string {
	week := board.WeekOf(m.now())
	var names []string
	for _, mem := range m.b.Team.Members {
		if _, ok := m.b.CheckIn(mem.Name, week); !ok {
			names = append(names, mem.Name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	return []string{m.st.dim.Render(" " + m.msg.NotYet + ": " + strings.Join(names, ", "))}
}

func (m *boardScreen) actionsTitle(shown int) string {
	title := fmt.Sprintf("%s (%d)", m.msg.AreaAction, shown)
	if overdue := m.overdue(m.b); overdue > 0 {
		title += fmt.Sprintf(" · ! %d %s", overdue, m.msg.Overdue)
	}
	if m.filter.kind != filterAll {
		title += fmt.Sprintf(" · %s: %s", m.msg.FilterLabel, m.filterName())
	}
	return title
}

func (m *boardScreen) filterName() string {
	switch m.filter.kind {
	case filterMine:
		return m.msg.FilterMine
	case filterOverdue:
		return m.msg.FilterOverdue
	case filterGoal:
		if g, ok := m.b.Goal(m.filter.goalID); ok {
			return fmt.Sprintf(m.msg.FilterGoalF, g.Title)
		}
	}
	return m.msg.FilterAll
}

// areaAt returns the area and row under a screen cell.
func (m *boardScreen) areaAt(x, y int) (area, rowIdx int, ok bool) {
	rects, wide := m.layout()
	if !wide && y == 1 {
		// The tab row: find the tab under x by its rendered widths.
		pos := 0
		for i, a := range board.Areas {
			wTab := ansi.StringWidth(fmt.Sprintf(" %d %s ", i+1, m.msg.Area(a)))
			if x >= pos && x < pos+wTab {
				return i, -1, true
			}
			pos += wTab
		}
		return 0, 0, false
	}
	for _, r := range rects {
		if x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h {
			area := slices.Index(board.Areas, r.area)
			_, lineRow := m.areaLines(r) // the lines as the panel shows them
			line := y - r.y - 1
			if line < 0 || line >= len(lineRow) || line >= r.h-2 {
				return area, -1, true // the frame, a hint or "+N more"
			}
			return area, lineRow[line], true
		}
	}
	return 0, 0, false
}

func dateOr(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d-%d-%d", t.Day(), t.Month(), t.Year())
}
