package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/cellwidth"
)

// The board on the wall (issue 14): from wrapWidth on, a row that does
// not fit its panel wraps to at most maxRowLines lines instead of being
// cut, and the two bands of panels share the height by what they hold.
// Below wrapWidth every row is one line and the bands split as before.

const (
	wrapWidth   = 140
	maxRowLines = 3
	// wrapIndent starts a row's further lines under its text, not under
	// its status box or bullet.
	wrapIndent = "   "
)

// wraps tells whether rows wrap on a screen w wide.
func wraps(w int) bool { return w >= wrapWidth }

// rowLines is a row's text in a panel whose lines are w cells wide (the
// leading space included): one line, or up to maxRowLines when wrap.
func rowLines(text string, w int, wrap bool) []string {
	if strings.Contains(text, "\n") {
		return partLines(text, w)
	}
	text = " " + text
	if !wrap || cellwidth.String(text) <= w {
		return []string{text}
	}
	// The first line is cut at w; the others at w minus the indent.
	lines := strings.Split(ansi.Wrap(text, w, ""), "\n")
	if len(lines) > 1 {
		rest := strings.Join(lines[1:], " ")
		more := strings.Split(ansi.Wrap(rest, w-len(wrapIndent), ""), "\n")
		lines = append(lines[:1], more...)
	}
	if len(lines) > maxRowLines {
		lines[maxRowLines-1] = cellwidth.Truncate(lines[maxRowLines-1]+" "+lines[maxRowLines], w-len(wrapIndent), "…")
		lines = lines[:maxRowLines]
	}
	carryStyle(lines)
	for i := 1; i < len(lines); i++ {
		lines[i] = wrapIndent + strings.TrimLeft(lines[i], " ")
	}
	return lines
}

// partLines are the lines of a row made of lines of its own (a goal: how
// far, its numbers, its warnings), at any width: each cut to w, the
// further ones indented, empty ones left out.
func partLines(text string, w int) []string {
	var lines []string
	for i, part := range strings.Split(text, "\n") {
		if strings.TrimSpace(ansi.Strip(part)) == "" {
			continue
		}
		indent := " "
		if i > 0 {
			indent = wrapIndent
		}
		lines = append(lines, cellwidth.Truncate(indent+strings.TrimLeft(part, " "), w, "…"))
	}
	return lines
}

// carryStyle ends every line's open style and opens it again on the next,
// so a coloured row stays coloured on every line and no colour runs into
// the panel's frame.
func carryStyle(lines []string) {
	open := ""
	for i, l := range lines {
		l = open + l
		open = openStyle(l)
		if open != "" {
			l += ansi.ResetStyle
		}
		lines[i] = l
	}
}

// openStyle is the style sequences still in effect at the end of s: those
// after its last reset.
func openStyle(s string) string {
	var on strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\x1b' || i+1 >= len(s) || s[i+1] != '[' {
			continue
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 {
			break
		}
		seq := s[i : i+j+1]
		if seq == "\x1b[m" || seq == "\x1b[0m" {
			on.Reset()
		} else {
			on.WriteString(seq)
		}
		i += j
	}
	return on.String()
}

// window picks the rows start..end of n that fill avail lines with row
// sel in them; more is true when rows after end are left out, for which
// the last line says how many. height gives a row's lines, and is asked
// only for rows near the window, so a long area costs what it shows.
func window(n, sel, avail int, height func(i int) int) (start, end int, more bool) {
	if n == 0 || avail <= 0 {
		return 0, 0, n > 0
	}
	fill := func(from, room int) (int, int) { // rows from 'from' that fit in room lines
		used, i := 0, from
		for i < n && used+height(i) <= room {
			used += height(i)
			i++
		}
		return i, used
	}
	if end, _ := fill(0, avail); end == n {
		return 0, n, false // everything fits
	}
	room := max(avail-1, 1) // a line for "+N more"
	start = 0
	if end, _ := fill(0, room); sel >= end {
		// Scroll: sel on the last line above "+N more".
		used := height(sel)
		start = sel
		for start > 0 && used+height(start-1) <= room {
			start--
			used += height(start)
		}
	}
	end, used := fill(start, room)
	if end < n && start < n {
		if e, _ := fill(start, avail); e == n {
			end = n // the rest fits without the line that counts it
		}
	}
	if end == n {
		// At the bottom: use the whole panel, no "+N more".
		for start > 0 && used+height(start-1) <= avail {
			start--
			used += height(start)
		}
		return start, n, false
	}
	return start, max(end, start+1), true
}

// areaLines is what area r's panel lists under its title: the hint lines,
// then the rows in view (each wrapped when the board wraps), then how
// many more there are. lineRow says which row each line shows (-1: none),
// for mouse clicks.
func (m *boardScreen) areaLines(r rect) (lines []string, lineRow []int) {
	focused := board.Areas[m.area] == r.area
	rows := m.rows(m.b, r.area)
	if len(rows) == 0 {
		lines = append(lines, m.st.dim.Render(" "+m.msg.Empty))
		if focused {
			lines = append(lines, m.st.dim.Render(" "+fmt.Sprintf(m.msg.EmptyAreaHintF, "a")))
		}
	}
	if r.area == board.AreaCheckIn {
		lines = append(lines, m.missingCheckIns()...)
	}
	for range lines {
		lineRow = append(lineRow, -1)
	}
	inner, w := r.h-2, r.w-2
	wrap := wraps(m.width)
	texts := map[int][]string{}
	text := func(i int) []string {
		if t, ok := texts[i]; ok {
			return t
		}
		t := rowLines(rows[i].text(), w, wrap)
		texts[i] = t
		return t
	}
	sel := m.sel[r.area]
	start, end, more := window(len(rows), sel, inner-len(lines), func(i int) int { return len(text(i)) })
	for i := start; i < end; i++ {
		for j, l := range text(i) {
			if focused && i == sel {
				plain := ansi.Strip(l)
				if j == 0 {
					plain = "›" + plain[1:]
				}
				l = m.st.selected.Render(fit(plain, w))
			}
			lines = append(lines, l)
			lineRow = append(lineRow, i)
		}
	}
	if more {
		lines = append(lines, m.st.dim.Render(" "+fmt.Sprintf(m.msg.MoreF, len(rows)-end)))
		lineRow = append(lineRow, -1)
	}
	return lines, lineRow
}

// bandKey is what the height of the wide layout's bands depends on.
type bandKey struct {
	b      *board.Board
	w, h   int
	filter filter
	day    int64
}

// topHeight is the height of the top band (check-in, successes, goals) of
// a body bodyH high: what its fullest panel needs, while the bottom band
// (actions, planning, parking lot) keeps what its fullest panel needs, or
// three fifths of the body when it needs more. What neither needs is
// shared. Kept per snapshot, size, filter and day: a key costs nothing.
func (m *boardScreen) topHeight(bodyH, third, half int) int {
	k := bandKey{b: m.b, w: m.width, h: bodyH, filter: m.filter, day: board.Day(m.now()).Unix()}
	if m.band.key == k {
		return m.band.top
	}
	need := func(a board.Area, w int) int {
		hints := 0
		if a == board.AreaCheckIn {
			hints = len(m.missingCheckIns())
		}
		return needLines(m.rows(m.b, a), hints, w, bodyH)
	}
	needTop := max(need(board.AreaCheckIn, third), need(board.AreaSuccess, third), need(board.AreaGoal, third))
	needBottom := max(need(board.AreaAction, half), need(board.AreaPlanning, half/2), need(board.AreaParking, half/2))
	top := min(needTop, bodyH-min(needBottom, bodyH*3/5))
	if spare := bodyH - needTop - needBottom; spare > 0 {
		top = needTop + spare/2
	}
	top = min(max(top, 5), bodyH-5)
	m.band.key, m.band.top = k, top
	return top
}

// needLines is the lines a panel w wide needs for rows, its frame and
// hints lines above them included, counted no further than limit.
func needLines(rows []row, hints, w, limit int) int {
	n := 2 + hints // the frame
	if len(rows) == 0 {
		n += 2 // "empty" and, when focused, how to add
	}
	for i := 0; i < len(rows) && n <= limit; i++ {
		n += len(rowLines(rows[i].text(), w-2, true))
	}
	return n
}
