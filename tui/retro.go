package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
)

// retroState is this screen's place in the retrospectives of the board.
type retroState struct {
	list int    // selection in the list of retrospectives
	id   uint64 // the open retrospective (screenRetro)
	col  int    // focused column
	sel  map[int]int
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

func (m *Model) retro() *board.Retro {
	if m.b == nil {
		return nil
	}
	r, _ := m.b.Retro(m.rs.id)
	return r
}

// columnName is a column's title in the user's language.
func (m *Model) columnName(r *board.Retro, i int) string {
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

func (m *Model) phaseName(p board.Phase) string { return m.msg.Phases[slices.Index(board.Phases, p)] }

// flatPhase reports whether a phase shows one list instead of columns.
func flatPhase(p board.Phase) bool {
	switch p {
	case board.PhaseReview, board.PhaseDiscuss, board.PhaseActions, board.PhaseClosed:
		return true
	}
	return false
}

// previousRetro is the retrospective on this board before r.
func (m *Model) previousRetro(r *board.Retro) *board.Retro {
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
func (m *Model) cardLine(r *board.Retro, c board.Card, indent string) string {
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
func (m *Model) columnRows(r *board.Retro, col int) []retroRow {
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
func (m *Model) flatRows(r *board.Retro) []retroRow {
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

func (m *Model) reviewWord(st board.Status) string {
	if st == board.StatusTodo {
		return m.msg.StillOpen
	}
	return m.msg.Status(st)
}

// selectedCard is the card under the cursor, if any.
func (m *Model) selectedRow(r *board.Retro) (retroRow, bool) {
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
func (m *Model) viewRetro() string {
	r := m.retro()
	if r == nil {
		return block([]string{m.msg.ErrGone}, m.width, m.height)
	}
	period := ""
	if !r.From.IsZero() || !r.To.IsZero() {
		period = fmt.Sprintf(" · %s – %s", m.msg.ShortDate(r.From), m.msg.ShortDate(r.To))
	}
	head := fmt.Sprintf("%s · %s%s", m.st.header.Render(m.msg.Retro), m.st.title.Render(r.Topic), period)
	phase := fmt.Sprintf("%s %d/%d: %s · %s: %s", m.msg.Phase, r.PhaseIndex()+1, len(board.Phases), m.phaseName(r.Phase), m.msg.Facilitator, r.Facilitator)
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
	for _, l := range m.footer() {
		lines = append(lines, fit(l, m.width))
	}
	return stack(lines, m.width, m.height)
}

// retroColumns draws the columns side by side when they fit at 36 cells
// each, else the focused one under a row of tabs.
func (m *Model) retroColumns(r *board.Retro, h int) []string {
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
			cols[i] = strings.Split(m.retroPanel(m.columnName(r, i), rows, m.rs.sel[i], cw, h, i == m.rs.col), "\n")
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
	return append(out, strings.Split(m.retroPanel(m.columnName(r, m.rs.col), rows, m.rs.sel[m.rs.col], m.width, h-1, true), "\n")...)
}

// retroPanel draws rows in a panel titled with their count.
func (m *Model) retroPanel(title string, rows []retroRow, sel, w, h int, focused bool) string {
	return m.panelOr(title, rows, sel, w, h, focused, m.msg.Empty)
}

// panelOr is retroPanel with empty as the text shown when there are no rows.
func (m *Model) panelOr(title string, rows []retroRow, sel, w, h int, focused bool, empty string) string {
	inner := h - 2
	start := scrollStart(sel, len(rows), inner)
	var lines []string
	for i := start; i < len(rows) && len(lines) < inner; i++ {
		text := " " + rows[i].text
		if focused && i == sel {
			text = m.st.selected.Render(fit("›"+ansi.Strip(rows[i].text), w-2))
		}
		lines = append(lines, text)
	}
	if len(rows) == 0 {
		lines = append(lines, m.st.dim.Render(" "+empty))
	}
	return panel(fmt.Sprintf("%s (%d)", title, len(rows)), lines, w, h, focused, m.st)
}

// retroHint says what the keys do in this phase.
func (m *Model) retroHint(r *board.Retro) string {
	hint := m.msg.RetroHints[r.Phase]
	if strings.EqualFold(r.Facilitator, m.cfg.User) && r.Running() {
		hint += " · " + m.msg.RetroFacilitatorHint
	}
	return hint
}

func (m *Model) viewRetroList() string {
	lines := []string{fit(m.st.header.Render(m.msg.Retros)+" · "+m.b.Name, m.width), ""}
	rs := slices.Clone(m.b.Retros)
	slices.Reverse(rs)
	for i, r := range rs {
		line := fmt.Sprintf("%s  %s  (%s)", r.Created.Format("2006-01-02"), r.Topic, m.phaseName(r.Phase))
		if i == m.rs.list {
			line = m.st.selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, fit(line, m.width))
	}
	if len(rs) == 0 {
		lines = append(lines, m.st.dim.Render("  "+m.msg.NoRetros))
	}
	body := block(lines, m.width, m.height-2)
	return body + "\n" + block([]string{m.footer()[0], m.st.dim.Render(m.msg.RetroListHint)}, m.width, 2)
}

func (m *Model) retroListKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(m.b.Retros)
	switch k.String() {
	case "up", "k":
		m.rs.list = max(m.rs.list-1, 0)
	case "down", "j":
		m.rs.list = max(min(m.rs.list+1, n-1), 0)
	case "enter", "space":
		if n > 0 {
			m.rs.id = m.b.Retros[n-1-m.rs.list].ID
			m.rs.col, m.rs.flat, m.rs.sel = 0, 0, map[int]int{}
			m.screen = screenRetro
		}
	case "n", "a":
		m.form = m.newRetroForm()
		return m.form.setFocus(0)
	case "esc", "q", "R":
		m.screen = screenBoard
	}
	return nil
}

func (m *Model) newRetroForm() *form {
	f := &form{kind: formRetro, title: m.msg.NewRetro}
	f.add("topic", m.msg.FieldTopic, fLine, m.msg.HintTopic, "")
	f.add("from", m.msg.FieldFrom, fDate, m.msg.HintDate, "")
	f.add("to", m.msg.FieldTo, fDate, m.msg.HintDate, "")
	hint := m.msg.HintFormat
	for i, cols := range m.b.Team.Formats {
		if i < 5 {
			hint += fmt.Sprintf(" · %d %s", i+5, strings.Join(cols, ", "))
		}
	}
	f.add("format", m.msg.FieldFormat, fLine, hint, "1")
	f.add("named", m.msg.FieldNamed, fLine, m.msg.HintNamed, m.msg.No)
	f.add("votes", m.msg.FieldVotes, fNumber, "", strconv.Itoa(board.DefaultVotes))
	return f
}

// createRetro reads the new-retrospective form. The format is a number
// from the list of templates, or the team's own column names separated by
// commas.
func (m *Model) createRetro(f *form) tea.Cmd {
	f.clearErrors()
	var from, to time.Time
	for _, k := range []string{"from", "to"} {
		if v := f.value(k); v != "" {
			d, err := board.ParseDate(v, m.now())
			// A period looks back: a weekday or "week 45" means the last one.
			if err == nil && d.After(board.Day(m.now())) && !strings.ContainsAny(v, "-/") {
				d = d.AddDate(0, 0, -7)
				if strings.HasPrefix(strings.ToLower(v), "w") {
					d = d.AddDate(-1, 0, 7)
				}
			}
			if err != nil {
				f.field(k).err = m.msg.ErrBadDate
				return nil
			}
			if k == "from" {
				from = d
			} else {
				to = d
			}
		}
	}
	format, columns := board.FormatLeerKRACHT, []string(nil)
	switch v := f.value("format"); {
	case v == "":
	case len(v) == 1 && v >= "1" && v <= "4":
		format = board.Formats[v[0]-'1']
	case len(v) == 1 && v >= "5" && v <= "9" && int(v[0]-'5') < len(m.b.Team.Formats):
		format, columns = "", m.b.Team.Formats[v[0]-'5']
	case strings.Contains(v, ","):
		format, columns = "", strings.Split(v, ",")
	default:
		f.field("format").err = m.msg.HintFormat
		return nil
	}
	named := strings.HasPrefix(strings.ToLower(f.value("named")), strings.ToLower(m.msg.Yes[:1]))
	votes, err := parseNumber(f.value("votes"))
	if err != nil || votes < 1 || votes > 20 {
		f.field("votes").err = m.msg.ErrNumber
		return nil
	}
	s, user, id, topic := m.cfg.Store, m.cfg.User, m.b.ID, f.value("topic")
	return func() tea.Msg {
		r, err := s.CreateRetro(user, id, topic, format, columns, from, to, named, int(votes))
		if err != nil {
			return errMsg{err}
		}
		return retroOpenMsg{r.ID}
	}
}

type retroOpenMsg struct{ id uint64 }

// changeRetro sends one op to the store.
func (m *Model) changeRetro(op board.RetroOp, status string) tea.Cmd {
	s, user, boardID, id := m.cfg.Store, m.cfg.User, m.b.ID, m.rs.id
	return func() tea.Msg {
		if _, err := s.ChangeRetro(user, boardID, id, op); err != nil {
			return errMsg{err}
		}
		return doneMsg{status: status}
	}
}

func (m *Model) retroKey(k tea.KeyPressMsg) tea.Cmd {
	r := m.retro()
	if r == nil {
		m.screen = screenRetros
		return nil
	}
	flat := flatPhase(r.Phase)
	rows := m.flatRows(r)
	if !flat {
		rows = m.columnRows(r, m.rs.col)
	}
	sel := &m.rs.flat
	if !flat {
		v := m.rs.sel[m.rs.col]
		sel = &v
		defer func() { m.rs.sel[m.rs.col] = v }()
	}
	row, hasRow := m.selectedRow(r)
	switch s := k.String(); {
	case s == "esc" || s == "q":
		m.screen = screenRetros
	case s == "?":
		m.showHelp = true
	case s == "up" || s == "k":
		*sel = max(*sel-1, 0)
	case s == "down" || s == "j":
		*sel = max(min(*sel+1, len(rows)-1), 0)
	case (s == "tab" || s == "right" || s == "l") && !flat:
		m.rs.sel[m.rs.col] = *sel
		m.rs.col = (m.rs.col + 1) % r.ColumnCount()
		*sel = m.rs.sel[m.rs.col]
	case (s == "shift+tab" || s == "left" || s == "h") && !flat:
		m.rs.sel[m.rs.col] = *sel
		m.rs.col = (m.rs.col + r.ColumnCount() - 1) % r.ColumnCount()
		*sel = m.rs.sel[m.rs.col]
	case len(s) == 1 && s >= "1" && s <= "9" && int(s[0]-'1') < r.ColumnCount():
		m.rs.sel[m.rs.col] = *sel
		m.rs.col = int(s[0] - '1')
		*sel = m.rs.sel[m.rs.col]
	case (s == "]" || s == "[" || s == "T") && !r.Running():
		m.setStatus(m.msg.RetroClosed, true)
	case (s == "]" || s == "[" || s == "T") && !strings.EqualFold(r.Facilitator, m.cfg.User):
		// Said here, before a form or a write: only the facilitator moves
		// the phases and sets the timer.
		m.setStatus(m.msg.Err(board.ErrNotFacilitator), true)
	case s == "]" || s == "[":
		i := r.PhaseIndex()
		if m.rs.busy && i != m.rs.asked {
			i = m.rs.asked
		}
		// From is where this screen stood: the store may save quick presses
		// out of order, and uses it to ignore one a later press overtook.
		from := board.Phases[i]
		if s == "]" {
			i = min(i+1, len(board.Phases)-1)
		} else {
			i = max(i-1, 0)
		}
		m.rs.flat = 0
		m.rs.asked, m.rs.busy = i, true
		return m.changeRetro(board.RetroOp{Kind: board.OpPhase, From: from, Phase: board.Phases[i]}, m.phaseName(board.Phases[i]))
	case s == "T":
		f := &form{kind: formRetroTimer, title: m.msg.PhaseTimer}
		f.add("minutes", m.msg.FieldMinutes, fNumber, m.msg.HintTimer, "5")
		m.form = f
		return f.setFocus(0)
	case (s == "a" || s == "n" || s == "e" || s == "d" || s == "delete") && !r.Running():
		m.setStatus(m.msg.RetroClosed, true)
	case s == "a" && r.Phase == board.PhaseActions && hasRow && row.card != 0:
		c, _ := r.Card(row.card)
		m.form = m.itemForm(board.AreaAction, nil)
		m.form.kind, m.form.title = formRetroAction, m.msg.RetroToAction
		m.form.fields[0].input.SetValue(c.Text)
		return m.form.setFocus(1)
	case (s == "a" || s == "n") && r.PhaseIndex() > slices.Index(board.Phases, board.PhaseGroup):
		// Checked before the form opens, so nobody types a card in vain.
		m.setStatus(m.msg.NoCardsNow, true)
	case s == "a" || s == "n":
		col := m.rs.col
		f := &form{kind: formCard, title: fmt.Sprintf(m.msg.FormAddF, m.columnName(r, col))}
		f.add("text", m.columnName(r, col), fText, m.msg.HintCard, "")
		m.form = f
		return f.setFocus(0)
	case (s == "e" || s == "d" || s == "delete") && hasRow && row.card != 0 && !m.mayEditCard(r, row.card):
	case s == "e" && hasRow && row.card != 0:
		c, _ := r.Card(row.card)
		f := &form{kind: formCard, title: fmt.Sprintf(m.msg.FormEditF, m.columnName(r, c.Column)), base: c.ID}
		f.add("text", m.columnName(r, c.Column), fText, "", c.Text)
		m.form = f
		return f.setFocus(0)
	case (s == "d" || s == "delete") && hasRow && row.card != 0:
		return m.changeRetro(board.RetroOp{Kind: board.OpDeleteCard, Card: row.card}, m.msg.Deleted)
	case (s == "space" || s == "+") && r.Phase == board.PhaseVote && hasRow:
		return m.changeRetro(board.RetroOp{Kind: board.OpVote, Card: row.card}, fmt.Sprintf(m.msg.VotesLeftF, r.VotesLeft(m.cfg.User)-1, r.Votes))
	case s == "-" && r.Phase == board.PhaseVote && hasRow:
		return m.changeRetro(board.RetroOp{Kind: board.OpUnvote, Card: row.card}, fmt.Sprintf(m.msg.VotesLeftF, min(r.VotesLeft(m.cfg.User)+1, r.Votes), r.Votes))
	case s == "g" && r.Phase == board.PhaseGroup && hasRow:
		m.pickGroup(r, row.card)
	case s == "G" && r.Phase == board.PhaseGroup && hasRow:
		return m.changeRetro(board.RetroOp{Kind: board.OpUngroup, Card: row.card}, m.msg.Ungrouped)
	case (s == "x" || s == "o" || s == "X") && r.Phase == board.PhaseReview && hasRow && row.action != 0:
		st := map[string]board.Status{"x": board.StatusDone, "o": board.StatusTodo, "X": board.StatusDropped}[s]
		it := m.b.Find(board.AreaAction, row.action)
		return m.changeRetro(board.RetroOp{Kind: board.OpReview, Action: it.(*board.Action), Status: st}, m.reviewWord(st))
	}
	return nil
}

// mayEditCard reports whether this user may edit or delete card id now,
// and says why not on the status line: the same rules as the domain's, told
// before a form opens instead of after the text is typed.
func (m *Model) mayEditCard(r *board.Retro, id uint64) bool {
	c, _ := r.Card(id)
	switch {
	case !strings.EqualFold(c.Author, m.cfg.User):
		m.setStatus(m.msg.Err(board.ErrNotYours), true)
	case r.Phase != board.PhaseReview && r.Phase != board.PhaseWrite:
		m.setStatus(m.msg.EditBeforeReveal, true)
	default:
		return true
	}
	return false
}

// pickGroup asks under which card (with an optional title) to put a card.
func (m *Model) pickGroup(r *board.Retro, id uint64) {
	var ids []uint64
	var opts []string
	for _, c := range r.Roots() {
		if c.ID != id {
			ids = append(ids, c.ID)
			opts = append(opts, fmt.Sprintf("%s · %s", strings.ReplaceAll(c.Text, "\n", " "), m.columnName(r, c.Column)))
		}
	}
	m.choose = &chooser{title: m.msg.GroupUnder, options: opts, pick: func(i int) tea.Cmd {
		f := &form{kind: formGroup, title: m.msg.GroupTitle, base: id, area: board.Area(strconv.FormatUint(ids[i], 10))}
		into, _ := r.Card(ids[i])
		f.add("title", m.msg.FieldTitle, fLine, m.msg.HintGroupTitle, into.Title)
		m.form = f
		return f.setFocus(0)
	}}
}

// submitRetro saves the retrospective forms: a card, a group title, an
// action made from a card.
func (m *Model) submitRetro(f *form) tea.Cmd {
	switch f.kind {
	case formRetro:
		return m.createRetro(f)
	case formCard:
		if f.base != 0 {
			return m.changeRetro(board.RetroOp{Kind: board.OpEditCard, Card: f.base, Text: f.value("text")}, m.msg.Saved)
		}
		return m.changeRetro(board.RetroOp{Kind: board.OpAddCard, Column: m.rs.col, Text: f.value("text")}, m.msg.Saved)
	case formGroup:
		into, _ := strconv.ParseUint(string(f.area), 10, 64)
		return m.changeRetro(board.RetroOp{Kind: board.OpGroup, Card: f.base, Into: into, Text: f.value("title")}, m.msg.Grouped)
	case formRetroTimer:
		n, err := parseNumber(f.value("minutes"))
		if err != nil || n < 0 || n > 120 {
			f.field("minutes").err = m.msg.HintTimer
			return nil
		}
		return tea.Batch(m.changeRetro(board.RetroOp{Kind: board.OpTimer, Column: int(n)}, m.msg.PhaseTimer), m.startTicking())
	case formRetroAction:
		f.area = board.AreaAction
		it, ok := m.build(f)
		if !ok {
			return nil
		}
		return m.changeRetro(board.RetroOp{Kind: board.OpMakeAction, Action: it.(*board.Action)}, fmt.Sprintf(m.msg.SavedF, it.Label()))
	}
	return nil
}
