package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/verbeterbord/bord/board"
)

// retroState is this screen's place in the retrospectives of the board.
type retroState struct {
	id uint64 // the open retrospective

	col int // focused column
	sel map[int]int
	// flat is the selection in single-list phases (review, discuss,
	// actions, closed).
	flat int
	// asked is the phase index the facilitator last asked for, until the
	// snapshot shows it: pressing ] twice quickly moves two phases.
	asked int
	busy  bool // asked is set
}

// retroRow is one line of a retrospective screen that can be selected.
type retroRow struct {
	card   uint64 // 0 for non-card rows
	action uint64 // review rows: the action
	text   string
}

func (m *retroScreen) retro() *board.Retro {
	if m.b == nil {
		return nil
	}
	r, _ := m.b.Retro(m.rs.id)
	return r
}

// columnName is a column's title in the user's language.
func (m *retroScreen) columnName(r *board.Retro, i int) string {
	if len(r.Columns) > 0 {
		if i < len(r.Columns) {
			return r.Columns[i]
		}
		return "?"
	}
	names := m.msg.FormatColumns[r.Format]
	if i < len(names) {
		return names[i]
	}
	return "?"
}

// flatPhase reports whether a phase shows one list instead of columns.
func flatPhase(p board.Phase) bool {
	switch p {
	case board.PhaseReview, board.PhaseDiscuss, board.PhaseActions, board.PhaseClosed:
		return true
	}
	return false
}

// previousRetro is the retrospective on this board before r.
func (m *retroScreen) previousRetro(r *board.Retro) *board.Retro {
	var prev *board.Retro
	for i := range m.b.Retros {
		if m.b.Retros[i].ID < r.ID {
			prev = &m.b.Retros[i]
		}
	}
	return prev
}

// cardLine is one card as this viewer may see it: never another's author
// before close, votes only one's own until voting ends.
func (m *retroScreen) cardLine(r *board.Retro, c board.Card, indent string) string {
	text := strings.ReplaceAll(c.Text, "\n", " ")
	if c.Title != "" {
		text = m.st.title.Render(c.Title) + ": " + text
	}
	switch {
	case r.VotesVisible():
		if n := r.VotesOf(c.ID, ""); n > 0 {
			text = fmt.Sprintf("(%d) %s", n, text)
		}
	case r.Phase == board.PhaseVote:
		if n := r.VotesOf(c.ID, m.cfg.User); n > 0 {
			text = strings.Repeat("●", n) + " " + text
		}
	}
	if r.AuthorVisible() {
		text += m.st.dim.Render(" — " + c.Author)
	} else if strings.EqualFold(c.Author, m.cfg.User) && r.Running() {
		text += m.st.dim.Render(" (" + m.msg.You + ")")
	}
	return indent + "▪ " + text
}

// columnRows lists the cards of one column that this viewer may see:
// everyone's from reveal on, only their own before. Grouped cards follow
// their group's first card, indented.
func (m *retroScreen) columnRows(r *board.Retro, col int) []retroRow {
	var rows []retroRow
	for _, c := range r.Roots() {
		if c.Column != col || !r.CardsVisible(c, m.cfg.User) {
			continue
		}
		rows = append(rows, retroRow{card: c.ID, text: m.cardLine(r, c, "")})
		for _, ch := range r.Children(c.ID) {
			if r.CardsVisible(ch, m.cfg.User) {
				rows = append(rows, retroRow{card: ch.ID, text: m.cardLine(r, ch, "   ")})
			}
		}
	}
	return rows
}

// flatRows lists the rows of the single-list phases.
func (m *retroScreen) flatRows(r *board.Retro) []retroRow {
	var rows []retroRow
	switch r.Phase {
	case board.PhaseReview:
		prev := m.previousRetro(r)
		if prev == nil {
			return nil
		}
		for _, id := range prev.Actions {
			it := m.b.Find(board.AreaAction, id)
			if it == nil {
				continue
			}
			a := it.(*board.Action)
			decision := ""
			if st, ok := r.Review[id]; ok {
				decision = " → " + m.st.title.Render(m.reviewWord(st))
			}
			rows = append(rows, retroRow{action: id, text: fmt.Sprintf("%s %s — %s — %s%s", statusBox[a.Status], a.What, a.Who, m.msg.ShortDate(a.When), decision)})
		}
	default:
		made := map[string]bool{}
		var actions []retroRow
		for _, id := range r.Actions {
			if it := m.b.Find(board.AreaAction, id); it != nil {
				made[it.Label()] = true
				a := it.(*board.Action)
				actions = append(actions, retroRow{action: id, text: fmt.Sprintf("%s %s — %s — %s", statusBox[a.Status], a.What, a.Who, m.msg.ShortDate(a.When))})
			}
		}
		if r.Phase == board.PhaseClosed {
			// The summary starts with what the team will do: the actions
			// this retrospective put on the board, with owner and date.
			rows = append(rows, retroRow{text: m.st.header.Render(fmt.Sprintf("%s (%d)", m.msg.AreaAction, len(actions)))})
			rows = append(rows, actions...)
			rows = append(rows, retroRow{text: ""})
		}
		for _, c := range r.Discussion() {
			line := m.cardLine(r, c, "") + m.st.dim.Render(" · "+m.columnName(r, c.Column))
			if made[c.Text] {
				line += " " + m.st.ok.Render("→ "+m.msg.AreaAction)
			}
			rows = append(rows, retroRow{card: c.ID, text: line})
			for _, ch := range r.Children(c.ID) {
				rows = append(rows, retroRow{card: ch.ID, text: m.cardLine(r, ch, "   ")})
			}
		}
	}
	return rows
}

func (m *retroScreen) reviewWord(st board.Status) string {
	if st == board.StatusTodo {
		return m.msg.StillOpen
	}
	return m.msg.Status(st)
}

// selectedCard is the card under the cursor, if any.
func (m *retroScreen) selectedRow(r *board.Retro) (retroRow, bool) {
	var rows []retroRow
	i := m.rs.flat
	if flatPhase(r.Phase) {
		rows = m.flatRows(r)
	} else {
		rows = m.columnRows(r, m.rs.col)
		i = m.rs.sel[m.rs.col]
	}
	if i < 0 || i >= len(rows) {
		return retroRow{}, false
	}
	return rows[i], true
}

// viewRetro draws the open retrospective.
func (m *retroScreen) View() string {
	r := m.retro()
	if r == nil {
		return block([]string{m.msg.ErrGone}, m.width, m.height)
	}
	period := ""
	if !r.From.IsZero() || !r.To.IsZero() {
		period = fmt.Sprintf(" · %s – %s", m.msg.ShortDate(r.From), m.msg.ShortDate(r.To))
	}
	head := fmt.Sprintf("%s · %s%s", m.st.header.Render(m.msg.Retro), m.st.title.Render(r.Topic), period)
	phase := fmt.Sprintf("%s %d/%d: %s · %s: %s", m.msg.Phase, r.PhaseIndex()+1, len(board.Phases), m.phaseName(r.Phase), m.msg.Facilitator, ledBy(r.Led()))
	if r.Phase == board.PhaseVote {
		phase += " · " + fmt.Sprintf(m.msg.VotesLeftF, r.VotesLeft(m.cfg.User), r.Votes)
	}
	if left, ok := r.TimeLeft(m.now()); ok {
		clock := fmt.Sprintf(m.msg.TimeLeftF, mmss(left))
		if left < 0 {
			clock = m.st.warn.Render(fmt.Sprintf(m.msg.TimeOverF, mmss(-left)))
		}
		phase += " · ⏱ " + clock
	}
	lines := []string{fit(head, m.width), fit(phase, m.width), fit(m.st.dim.Render(m.retroHint(r)), m.width)}
	bodyH := m.height - len(lines) - 2
	if flatPhase(r.Phase) {
		// With nothing to review the panel says so, as its empty text: a
		// placeholder row would be counted in the title and be selectable.
		empty := m.msg.Empty
		if r.Phase == board.PhaseReview {
			empty = m.msg.NoPrevious
		}
		lines = append(lines, strings.Split(m.panelOr(m.phaseName(r.Phase), m.flatRows(r), m.rs.flat, m.width, bodyH, true, empty), "\n")...)
	} else {
		lines = append(lines, m.retroColumns(r, bodyH)...)
	}
	return stack(lines, m.width, m.bodyHeight())
}

// retroColumns draws the columns side by side when they fit at 36 cells
// each, else the focused one under a row of tabs.
func (m *retroScreen) retroColumns(r *board.Retro, h int) []string {
	n := r.ColumnCount()
	var out []string
	if r.Phase == board.PhaseWrite {
		// Others' cards are not sent at all while writing: only counts.
		var parts []string
		counts := r.CountsByAuthor()
		names := make([]string, 0, len(counts))
		for name := range counts {
			if !strings.EqualFold(name, m.cfg.User) {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		for _, name := range names {
			parts = append(parts, fmt.Sprintf("%s %d", name, counts[name]))
		}
		if len(parts) == 0 {
			parts = []string{"0"}
		}
		out = append(out, fit(m.st.dim.Render(m.msg.OthersWrote+": "+strings.Join(parts, " · ")), m.width))
		h--
	}
	if m.width >= 36*n {
		w := m.width / n
		cols := make([][]string, n)
		for i := range n {
			cw := w
			if i == n-1 {
				cw = m.width - w*(n-1)
			}
			rows := m.columnRows(r, i)
			cols[i] = strings.Split(m.panelOr(m.columnName(r, i), rows, m.rs.sel[i], cw, h, i == m.rs.col, m.msg.Empty), "\n")
		}
		for y := range h {
			var sb strings.Builder
			for i := range n {
				sb.WriteString(cols[i][y])
			}
			out = append(out, sb.String())
		}
		return out
	}
	var tabs []string
	for i := range n {
		label := fmt.Sprintf("%d %s", i+1, m.columnName(r, i))
		if i == m.rs.col {
			tabs = append(tabs, m.st.tabActive.Render("["+label+"]"))
		} else {
			tabs = append(tabs, " "+label+" ")
		}
	}
	out = append(out, fit(strings.Join(tabs, ""), m.width))
	rows := m.columnRows(r, m.rs.col)
	return append(out, strings.Split(m.panelOr(m.columnName(r, m.rs.col), rows, m.rs.sel[m.rs.col], m.width, h-1, true, m.msg.Empty), "\n")...)
}

// retroHint says what the keys do in this phase.
func (m *retroScreen) retroHint(r *board.Retro) string {
	hint := m.msg.RetroHints[r.Phase]
	if strings.EqualFold(r.Facilitator, m.cfg.User) && r.Running() {
		hint += " · " + m.msg.RetroFacilitatorHint
	}
	return hint
}
