package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
)

// The frame the shell draws around the active screen: the status line, the
// screen's key line and at most one overlay.

// View draws the whole screen.
func (m *Model) View() tea.View {
	// Every frame is cleaned as a whole: the one place that sees all text
	// on its way to a terminal, whatever screen drew it.
	v := tea.NewView(board.CleanScreen(m.render()))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "bord"
	return v
}

func (m *Model) render() string {
	w, h := m.width, m.height
	if m.tooSmall() {
		return block(wrapped(m.msg.TooSmall, w, m.st.warn), w, h)
	}
	s, ok := m.screens[m.screen]
	if !ok {
		return block([]string{m.msg.Loading}, w, h)
	}
	// The frame: the screen's body, then the status line and the screen's
	// own keys, then at most one overlay.
	base := s.View() + "\n" + fit(m.statusLine(), w) + "\n" + fit(m.helpLine(s), w)
	switch {
	case m.form != nil:
		base = overlay(base, m.viewForm(m.form, w-4), w, h)
		if m.choose != nil { // the question about the form, over it
			base = overlay(base, m.choose.view(m.Common), w, h)
		}
	case m.choose != nil:
		base = overlay(base, m.choose.view(m.Common), w, h)
	case m.showHelp:
		base = overlay(base, m.viewHelp(s), w, h)
	default:
		if o, ok := s.(overlayer); ok {
			if fg := o.overlay(); fg != "" {
				base = overlay(base, fg, w, h)
			}
		}
	}
	return base
}

// askDiscard asks before what the user typed in the form is thrown away;
// yes runs then.
func (m *Model) askDiscard(then func() tea.Cmd) {
	m.confirm(fmt.Sprintf(m.msg.DiscardAskF, m.form.title), then)
	m.choose.cursor = 1 // the safe answer: keep typing
	m.choose.discard = true
}

// helpLine is the active screen's short help. The board's is drawn by the
// help component (bold keys), the others' as one dim line.
func (m *Model) helpLine(s Screen) string {
	if m.screen != screenBoard {
		return m.keyLine(s.Keys())
	}
	keys := s.Keys()
	bk, _ := keys.(boardKeys)
	session := bk.inSession
	if m.boardHelpW != m.width || m.boardHelp == "" || m.boardHelpS != session {
		m.help.SetWidth(m.width)
		m.boardHelp, m.boardHelpW, m.boardHelpS = m.help.ShortHelpView(keys.ShortHelp()), m.width, session
	}
	return m.boardHelp
}

// viewHelp is the ? overlay: the active screen's own keys, grouped.
func (m *Model) viewHelp(s Screen) string {
	lines := []string{m.st.title.Render(m.msg.HelpTitle + " · " + s.Title()), ""}
	// As many columns of keys side by side as fit in the box; the others
	// below them, so that no key is cut off on a narrow screen.
	groups, room := s.Keys().FullHelp(), m.width-7
	// The help component drops the columns past its width with only an
	// ellipsis to show for them: it measures here without a width, and
	// the check below moves what does not fit under the rest.
	full := m.help
	full.SetWidth(0)
	for _, per := range []int{len(groups), 3, 2, 1} {
		var rows []string
		for i := 0; i < len(groups); i += per {
			if i > 0 {
				rows = append(rows, "")
			}
			rows = append(rows, strings.Split(full.FullHelpView(groups[i:min(i+per, len(groups))]), "\n")...)
		}
		if per == 1 || slices.IndexFunc(rows, func(r string) bool { return ansi.StringWidth(r) > room }) < 0 {
			lines = append(lines, rows...)
			break
		}
	}
	if len(lines)+2 > m.height {
		// The frame would run off a low screen: the keys need the blank
		// lines (under the title, between the groups) more than the eye does.
		lines = slices.DeleteFunc(lines, func(l string) bool { return l == "" })
	}
	return box(lines, m.width-4, m.st.focusBorder)
}
