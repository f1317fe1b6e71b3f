package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
)

// The presentation view (issue 14): the bordsessie usually stands in front
// of a big screen. p shows the current step's area on its own, large
// enough to read from three metres: the clock in big digits, the step and
// the leader, and the items wrapped with room around them. It follows the
// leader's steps like the board does, and p or esc goes back.

// bigDigits are the clock's glyphs, five rows high.
var bigDigits = map[rune][5]string{
	'0': {"████", "█  █", "█  █", "█  █", "████"},
	'1': {"   █", "   █", "   █", "   █", "   █"},
	'2': {"████", "   █", "████", "█   ", "████"},
	'3': {"████", "   █", "████", "   █", "████"},
	'4': {"█  █", "█  █", "████", "   █", "   █"},
	'5': {"████", "█   ", "████", "   █", "████"},
	'6': {"████", "█   ", "████", "█  █", "████"},
	'7': {"████", "   █", "   █", "   █", "   █"},
	'8': {"████", "█  █", "████", "█  █", "████"},
	'9': {"████", "█  █", "████", "   █", "████"},
	':': {" ", "█", " ", "█", " "},
}

// big draws s (digits and colons) in bigDigits, a space between glyphs.
func big(s string) []string {
	out := make([]string, 5)
	for i, r := range s {
		g, ok := bigDigits[r]
		if !ok {
			continue
		}
		for row := range out {
			if i > 0 {
				out[row] += "  "
			}
			out[row] += g[row]
		}
	}
	return out
}

// presentView is the board screen's body while presenting.
func (m *boardScreen) presentView() string {
	w, h := m.width, m.bodyHeight()
	area := board.Areas[m.area]
	margin := strings.Repeat(" ", min(4, w/20))
	var lines []string
	add := func(s string) { lines = append(lines, fit(margin+s, w)) }

	if mt := m.b.Meeting(); mt != nil {
		step := fmt.Sprintf(m.msg.Wall.PresentStepF, mt.StepIndex()+1, len(board.Agenda))
		leader := m.msg.Leader + ": " + mt.Leader
		if m.lead.gone != "" {
			leader = m.st.warn.Render(fmt.Sprintf(m.msg.Wall.LeaderGoneF, mt.Leader))
		}
		add(m.st.header.Render(m.msg.Meeting) + " · " + leader)
		add("")
		now := m.now()
		left := mt.Remaining(now)
		clock := fmt.Sprintf(m.msg.TimeLeftF, mmss(left))
		digits := mmss(left)
		if left < 0 {
			clock, digits = fmt.Sprintf(m.msg.TimeOverF, mmss(-left)), mmss(-left)
		}
		paint := m.st.title
		if mt.NearlyUp(now) || left < 0 {
			paint = m.st.warn
		}
		for i, l := range big(digits) {
			side := ""
			switch i {
			case 1:
				side = m.st.title.Render(strings.ToUpper(m.msg.Step(mt.Step))) + " · " + step
			case 3:
				side = clock
			}
			add(paint.Render(l) + "      " + side)
		}
	} else {
		add(m.st.dim.Render(m.msg.Wall.PresentNoMeeting))
	}
	add("")
	rows := m.rows(m.b, area)
	add(m.st.title.Render(strings.ToUpper(fmt.Sprintf("%s (%d)", m.msg.Area(area), len(rows)))))
	add("")

	// The items: wrapped to the width, a blank line after each.
	textW := max(w-2*len(margin)-4, 10)
	avail := h - len(lines) - 2 // the hint and the line above it
	wrapped := map[int][]string{}
	text := func(i int) []string {
		if t, ok := wrapped[i]; ok {
			return t
		}
		t := strings.Split(ansi.Wrap(rows[i].text(), textW, ""), "\n")
		wrapped[i] = t
		return t
	}
	sel := m.sel[area]
	if len(rows) == 0 {
		add(m.st.dim.Render(m.msg.Empty))
	}
	start, end, more := window(len(rows), sel, avail, func(i int) int { return len(text(i)) + 1 })
	for i := start; i < end; i++ {
		for j, l := range text(i) {
			mark := "   "
			if j == 0 && i == sel {
				mark = m.st.selected.Render(" › ")
			}
			add(mark + " " + l)
		}
		add("")
	}
	if more {
		add(m.st.dim.Render(fmt.Sprintf(m.msg.MoreF, len(rows)-end)))
	}
	for len(lines) < h-1 {
		add("")
	}
	lines = append(lines[:h-1], fit(margin+m.st.dim.Render(m.msg.Wall.PresentHint), w))
	return strings.Join(lines, "\n")
}
