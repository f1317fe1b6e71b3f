package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// Common is the one value every screen shares, in the manner of
// soft-serve's pkg/ui/common: store access and the user (cfg), the message
// catalog, the styles, the size, the clock, the open board's snapshot and
// the frame the shell draws around the active screen (status line,
// overlays). Screens read it and ask for overlays through it; only the
// shell replaces the board snapshot.
type Common struct {
	cfg           Config
	msg           *i18n.Messages
	st            styles
	width, height int

	// b is the open board's latest snapshot; nil until one is open.
	b *board.Board
	// screen is the active screen.
	screen screenID

	status    string // the last thing that happened, shown above the help line
	statusErr bool
	peers     []Peer
	lead      leaderWatch // whether the bordsessie's leader is still here (leader.go)

	// overlays, at most one at a time
	form     *form
	choose   *chooser
	showHelp bool

	// ticking is set while the second timer runs, so it runs once.
	ticking bool
}

func (m *Common) now() time.Time { return m.cfg.Now() }

func (m *Common) setStatus(s string, isErr bool) {
	m.status, m.statusErr = s, isErr
}

// openForm shows f as the overlay with the field at focus focused.
func (m *Common) openForm(f *form, focus int) tea.Cmd {
	f.keepStart()
	m.form = f
	return f.setFocus(focus)
}

// toAction opens the action form for a card or an idea (base, text) that
// becomes an action. When it is one already (existing, still on the
// board) it asks to go to that action instead: promoting twice made a
// second action and orphaned the first.
func (m *Common) toAction(existing, base uint64, text, title, ask string, submit func(*form) tea.Cmd) tea.Cmd {
	if existing != 0 && m.b.Find(board.AreaAction, existing) != nil {
		m.confirm(ask, func() tea.Cmd {
			return func() tea.Msg { return focusMsg{area: board.AreaAction, id: existing} }
		})
		return nil
	}
	f := m.itemForm(board.AreaAction, nil, 0)
	f.title, f.base, f.submit = title, base, submit
	f.fields[0].input.SetValue(text)
	return m.openForm(f, 1)
}

// confirm asks yes or no before do.
func (m *Common) confirm(title string, do func() tea.Cmd) {
	m.choose = &chooser{title: title, options: []string{m.msg.Yes, m.msg.No}, pick: func(i int) tea.Cmd {
		if i != 0 {
			return nil
		}
		return do()
	}}
}

// command runs do on the store as the user in a command: its error comes
// back as an errMsg, else the message it made (which must not depend on
// what failed). The screens' reads and writes go through here.
func (m *Common) command(do func(s Store, user string) (tea.Msg, error)) tea.Cmd {
	s, user := m.cfg.Store, m.cfg.User
	return func() tea.Msg {
		msg, err := do(s, user)
		if err != nil {
			return errMsg{err}
		}
		return msg
	}
}

// write runs one store write in a command and reports it with status.
// Every write of a screen that needs no undo goes through here.
func (m *Common) write(do func(s Store, user string) error, status string) tea.Cmd {
	return m.command(func(s Store, user string) (tea.Msg, error) { return doneMsg{status: status}, do(s, user) })
}

func (m *Common) loadSnapshot(id uint64) tea.Cmd {
	return m.command(func(s Store, _ string) (tea.Msg, error) {
		b, err := s.Board(id)
		return snapshotMsg{b}, err
	})
}

// startTicking starts the second timer unless it runs already.
func (m *Common) startTicking() tea.Cmd {
	if m.ticking {
		return nil
	}
	m.ticking = true
	return tick()
}

// statusLine is the status and who else is here, above the help line.
func (m *Common) statusLine() string {
	status := ""
	if m.status != "" {
		if m.statusErr {
			status = m.st.err.Render("! " + m.status)
		} else {
			status = m.st.ok.Render("✓ " + m.status)
		}
	}
	if len(m.peers) > 0 {
		parts := make([]string, len(m.peers))
		for i, p := range m.peers {
			parts[i] = p.Name
			if p.Area != "" {
				parts[i] += " (" + m.msg.Area(p.Area) + ")"
			}
		}
		if status != "" {
			status += "  ·  "
		}
		status += m.st.dim.Render(m.msg.Here + ": " + strings.Join(parts, ", "))
	}
	return status
}

// listScreen draws a titled list of lines with the cursor at sel: the
// shape of the board picker and the lists of retrospectives and
// leerlingarena's.
func (m *Common) listScreen(title string, items []string, sel int, empty string) string {
	lines := []string{fit(title, m.width), ""}
	page := m.listPage()
	start := scrollStart(sel, len(items), page)
	for i, it := range items {
		if i < start || i >= start+page {
			continue
		}
		if rest := len(items) - i; i == start+page-1 && rest > 1 && page >= 2 {
			lines = append(lines, m.st.dim.Render("  "+fmt.Sprintf(m.msg.MoreF, rest)))
			break
		}
		lines = append(lines, fit(m.st.mark(it, i == sel), m.width))
	}
	if len(items) == 0 && empty != "" {
		lines = append(lines, m.st.dim.Render("  "+empty))
	}
	return block(lines, m.width, m.bodyHeight())
}

// Below this size bord cannot draw a screen: it says so and takes no key
// but quit, so no key changes what the user cannot see.
const minWidth, minHeight = 30, 8

func (m *Common) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// bodyHeight is the rows a screen draws: the shell draws the status line
// and the help line below it.
func (m *Common) bodyHeight() int { return m.height - 2 }

// panelOr draws rows in a panel titled with the count of the things in it
// (cards, notes, actions: not the headers between them), with empty as the
// text shown when there are none.
func (m *Common) panelOr(title string, rows []retroRow, sel, w, h int, focused bool, empty string) string {
	n := 0
	for _, r := range rows {
		if r.card != 0 || r.action != 0 {
			n++
		}
	}
	return m.panelN(title, n, rows, sel, w, h, focused, empty)
}

// panelN is panelOr with the count in the title given: a panel whose
// headers are what it counts (themes over their notes).
func (m *Common) panelN(title string, n int, rows []retroRow, sel, w, h int, focused bool, empty string) string {
	inner := h - 2
	start := scrollStart(sel, len(rows), inner)
	var lines []string
	for i := start; i < len(rows) && len(lines) < inner; i++ {
		text := " " + rows[i].text
		if focused && i == sel {
			text = m.st.bar(rows[i].text, w-2)
		}
		lines = append(lines, text)
	}
	if len(rows) == 0 {
		lines = append(lines, m.st.dim.Render(" "+empty))
	}
	return panel(fmt.Sprintf("%s (%d)", title, n), lines, w, h, focused, m.st)
}

// tabRow draws numbered tabs with the active one marked.
func (m *Common) tabRow(labels []string, active int) string {
	var parts []string
	for i, l := range labels {
		label := fmt.Sprintf("%d %s", i+1, l)
		if i == active {
			parts = append(parts, m.st.tabActive.Render("["+label+"]"))
		} else {
			parts = append(parts, " "+label+" ")
		}
	}
	return fit(strings.Join(parts, ""), m.width)
}

// guard runs the name guard over text. It returns true when text may be
// saved: it looks clean, or the user saw the warning (kept in *warned) and
// asked again.
func (m *Common) guard(warned *string, text string, warn func(string)) bool {
	return m.guardNames(warned, text, board.LooksLikeName(text, m.b.Team.MemberNames()), warn)
}

// guardNames is guard with the names the guard found in text already (a
// duo's, whose known names are its people, not a board's team).
func (m *Common) guardNames(warned *string, text string, names []string, warn func(string)) bool {
	if len(names) == 0 || text == *warned {
		*warned = ""
		return true
	}
	*warned = text
	warn(fmt.Sprintf(m.msg.NameGuardF, strings.Join(names, ", ")))
	return false
}

func (m *Common) phaseName(p board.Phase) string {
	return m.msg.Phases[slices.Index(board.Phases, p)]
}

// keyLine is a help line built from a key map's short help.
func (m *Common) keyLine(keys help.KeyMap) string {
	var parts []string
	for _, b := range keys.ShortHelp() {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return m.st.dim.Render(strings.Join(parts, " · "))
}
