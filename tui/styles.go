package tui

import (
	"github.com/charmbracelet/x/ansi"
)

// paint is a text style kept as its ready escape sequence. Wrapping text in
// it is one concatenation; lipgloss.Style.Render measures and re-parses the
// text, which is too slow for a screen that every session redraws on every
// change (see docs/performance.md). Paint never nests: an inner reset would
// end the outer style, so painted text is stripped before painting it again.
type paint struct{ on string }

func newPaint(s ansi.Style) paint { return paint{on: s.String()} }

// Render wraps s in the style.
func (p paint) Render(s string) string {
	if p.on == "" || s == "" {
		return s
	}
	return p.on + s + ansi.ResetStyle
}

// styles holds every style of the interface. Colours are ANSI basic colours
// so they survive a 16-colour terminal, and bubbletea lowers them further for
// the terminal's profile (none with NO_COLOR). Meaning is always carried by a
// symbol or word as well, so nothing is lost without colour.
type styles struct {
	title, header, dim, selected, overdue, done, err, ok, key, tabActive, warn paint
	border, focusBorder                                                        paint
	// The frame pieces, painted once.
	frame, focusFrame frameSet
}

// frameSet is a panel frame's vertical bar, already painted.
type frameSet struct{ vt string }

func newStyles() styles {
	st := styles{
		title:       newPaint(ansi.NewStyle().Bold()),
		header:      newPaint(ansi.NewStyle().Bold().ForegroundColor(ansi.Cyan)),
		dim:         newPaint(ansi.NewStyle().ForegroundColor(ansi.BrightBlack)),
		selected:    newPaint(ansi.NewStyle().Reverse(true)),
		overdue:     newPaint(ansi.NewStyle().Bold().ForegroundColor(ansi.Red)),
		done:        newPaint(ansi.NewStyle().ForegroundColor(ansi.Green)),
		err:         newPaint(ansi.NewStyle().Bold().ForegroundColor(ansi.Red)),
		ok:          newPaint(ansi.NewStyle().ForegroundColor(ansi.Green)),
		key:         newPaint(ansi.NewStyle().Bold()),
		tabActive:   newPaint(ansi.NewStyle().Bold().Reverse(true)),
		warn:        newPaint(ansi.NewStyle().ForegroundColor(ansi.Yellow)),
		border:      newPaint(ansi.NewStyle().ForegroundColor(ansi.BrightBlack)),
		focusBorder: newPaint(ansi.NewStyle().ForegroundColor(ansi.Cyan)),
	}
	st.frame = frameSet{vt: st.border.Render("│")}
	st.focusFrame = frameSet{vt: st.focusBorder.Render("┃")}
	return st
}

// mark puts the cursor in front of the selected line of a list, and the
// room it takes in front of every other line.
func (st styles) mark(line string, selected bool) string {
	if selected {
		return st.selected.Render("› " + line)
	}
	return "  " + line
}

// bar is the selected row of a panel or tree: its text, without colours of
// its own (paint never nests), behind the cursor on a bar w wide.
func (st styles) bar(text string, w int) string {
	return st.selected.Render(fit("›"+ansi.Strip(text), w))
}
