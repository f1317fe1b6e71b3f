package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
)

// arenaState is this screen's place in the leerlingarena's of a board.
type arenaState struct {
	list     int
	id       uint64
	tab      int // 0 questions, 1 capture, 2 themes, 3 ideas, 4 report back
	sel      [5]int
	question int // the question being captured
	input    textinput.Model
	typing   bool   // the capture line has the keyboard
	warned   string // text the name guard warned about; Enter again saves it
	editing  uint64 // the note the capture line rewrites; 0: a new note
	pupilsOK int    // the pupil count above MaxPupils the user confirmed
}

type arenaOpenMsg struct{ id uint64 }

const arenaTabs = 5

func (m *Model) arena() *board.Arena {
	if m.b == nil {
		return nil
	}
	a, _ := m.b.Arena(m.as.id)
	return a
}

func (m *Model) changeArena(op board.ArenaOp, status string) tea.Cmd {
	s, user, boardID, id := m.cfg.Store, m.cfg.User, m.b.ID, m.as.id
	return func() tea.Msg {
		if _, err := s.ChangeArena(user, boardID, id, op); err != nil {
			return errMsg{err}
		}
		return doneMsg{status: status}
	}
}

// guard runs the name guard over text. It returns true when text may be
// saved: it looks clean, or the user saw the warning and asked again.
func (m *Model) guard(text string, warn func(string)) bool {
	names := board.LooksLikeName(text, m.b.Team.MemberNames())
	if len(names) == 0 || text == m.as.warned {
		m.as.warned = ""
		return true
	}
	m.as.warned = text
	warn(fmt.Sprintf(m.msg.NameGuardF, strings.Join(names, ", ")))
	return false
}

func (m *Model) viewArenaList() string {
	lines := []string{fit(m.st.header.Render(m.msg.Arenas)+" · "+m.b.Name, m.width), ""}
	as := slices.Clone(m.b.Arenas)
	slices.Reverse(as)
	for i, a := range as {
		status := m.msg.ReportedBackF
		if a.Open() {
			status = "! " + m.msg.ArenaOpen
		} else {
			status = fmt.Sprintf(status, m.msg.ShortDate(a.ReportedBack))
		}
		line := fmt.Sprintf("%s  %s  %s, %d  (%s)", a.Date.Format("2006-01-02"), a.Topic, a.Group, a.Pupils, status)
		if i == m.as.list {
			line = m.st.selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, fit(line, m.width))
	}
	if len(as) == 0 {
		lines = append(lines, m.st.dim.Render("  "+m.msg.NoArenas))
	}
	body := block(lines, m.width, m.height-2)
	return body + "\n" + block([]string{m.footer()[0], m.st.dim.Render(m.msg.ArenaListHint)}, m.width, 2)
}

func (m *Model) arenaListKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(m.b.Arenas)
	switch k.String() {
	case "up", "k":
		m.as.list = max(m.as.list-1, 0)
	case "down", "j":
		m.as.list = max(min(m.as.list+1, n-1), 0)
	case "enter", "space":
		if n > 0 {
			m.openArena(m.b.Arenas[n-1-m.as.list].ID)
		}
	case "n", "a":
		m.form = m.newArenaForm()
		return m.form.setFocus(0)
	case "T":
		days := m.b.RetentionDays
		if days == 0 {
			days = board.DefaultRetentionDays
		}
		f := &form{kind: formRetention, title: m.msg.RetentionTitle}
		f.add("days", m.msg.Retention, fNumber, m.msg.HintRetention, strconv.Itoa(days))
		m.form = f
		return f.setFocus(0)
	case "esc", "q", "A":
		m.screen = screenBoard
	}
	return nil
}

func (m *Model) openArena(id uint64) {
	in := newInput("", board.MaxText)
	in.Prompt = "> "
	m.as = arenaState{id: id, input: in}
	m.screen = screenArena
}

func (m *Model) newArenaForm() *form {
	f := &form{kind: formArena, title: m.msg.NewArena}
	f.add("topic", m.msg.FieldTopic, fLine, m.msg.HintArenaTopic, "")
	f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, "")
	f.add("group", m.msg.FieldGroup, fLine, m.msg.HintGroup, "")
	f.add("pupils", m.msg.FieldPupils, fNumber, m.msg.HintPupils, "6")
	m.as.pupilsOK = 0
	f.add("leader", m.msg.FieldArenaLeader, fWho, m.msg.HintWho, m.cfg.User)
	f.add("takers", m.msg.FieldNoteTakers, fLine, m.msg.HintMembers, m.cfg.User)
	f.add("minutes", m.msg.FieldMinutes, fNumber, "", strconv.Itoa(board.DefaultArenaMinutes))
	suggest(f.field("leader"), m.b.Team.MemberNames())
	return f
}

func (m *Model) createArena(f *form) tea.Cmd {
	f.clearErrors()
	date, err := board.ParseDate(f.value("date"), m.now())
	if err != nil {
		f.field("date").err = m.msg.ErrBadDate
		return nil
	}
	pupils, err := parseNumber(f.value("pupils"))
	if err != nil || pupils < 1 || pupils > 40 {
		f.field("pupils").err = m.msg.HintPupils
		return nil
	}
	// More than MaxPupils is allowed but advised against: warn on the field
	// itself, once for this number, like the name guard.
	if int(pupils) > board.MaxPupils && m.as.pupilsOK != int(pupils) {
		m.as.pupilsOK = int(pupils)
		f.field("pupils").err = fmt.Sprintf(m.msg.TooManyPupilsFormF, board.MaxPupils, board.MaxPupils)
		return nil
	}
	minutes, err := parseNumber(f.value("minutes"))
	if err != nil || minutes < 1 || minutes > 120 {
		f.field("minutes").err = m.msg.ErrNumber
		return nil
	}
	if !m.guard(f.value("topic")+" · "+f.value("group"), func(w string) { f.err = w }) {
		return nil
	}
	s, user, id := m.cfg.Store, m.cfg.User, m.b.ID
	topic, group, leader, takers := f.value("topic"), f.value("group"), f.value("leader"), strings.Split(f.value("takers"), ",")
	return func() tea.Msg {
		a, err := s.CreateArena(user, id, topic, date, group, int(pupils), leader, takers, int(minutes))
		if err != nil {
			return errMsg{err}
		}
		return arenaOpenMsg{a.ID}
	}
}

// arenaRows lists what the current tab shows, as selectable rows.
func (m *Model) arenaRows(a *board.Arena) []retroRow {
	var rows []retroRow
	switch m.as.tab {
	case 0:
		for i, q := range a.Questions {
			text := fmt.Sprintf("%d. %s", i+1, q.Text)
			switch board.CheckQuestion(q.Text) {
			case board.QuestionClosed:
				text += " " + m.st.warn.Render("⚠ "+m.msg.QuestionClosed)
			case board.QuestionVague:
				text += " " + m.st.warn.Render("⚠ "+m.msg.QuestionVague)
			}
			rows = append(rows, retroRow{card: q.ID, text: text})
		}
	case 1:
		if q, ok := m.currentQuestion(a); ok {
			for _, n := range a.NotesOf(q.ID) {
				rows = append(rows, retroRow{card: n.ID, text: m.noteText(n)})
			}
		}
	case 2:
		themes := append([]board.Theme{{ID: 0, Title: m.msg.NoTheme}}, a.Themes...)
		for _, th := range themes {
			rows = append(rows, retroRow{text: m.st.title.Render(th.Title)})
			for _, n := range a.Notes {
				if n.Theme == th.ID {
					rows = append(rows, retroRow{card: n.ID, text: "   " + m.noteText(n)})
				}
			}
		}
	case 3:
		for i, idea := range a.Ideas {
			text := fmt.Sprintf("%d. [%s %d · %s %d] %s", i+1, m.msg.FeasibilityShort, idea.Feasibility, m.msg.ImpactShort, idea.Impact, idea.Text)
			if th := themeTitle(a, idea.Theme); th != "" {
				text += m.st.dim.Render(" · " + th)
			}
			if idea.Action != 0 {
				text += " " + m.st.ok.Render("→ "+m.msg.AreaAction)
			}
			rows = append(rows, retroRow{card: idea.ID, text: text})
		}
	}
	return rows
}

// noteText is a note as a row. A note saved over the name guard carries a
// mark until someone rephrases it (e) or deletes it (d).
func (m *Model) noteText(n board.Note) string {
	text := strings.ReplaceAll(n.Text, "\n", " ")
	if n.Speaker != "" {
		text = n.Speaker + ": " + text
	}
	if n.Flagged {
		text = m.st.warn.Render(m.msg.FlaggedMark) + " " + text
	}
	return "• " + text
}

func themeTitle(a *board.Arena, id uint64) string {
	for _, t := range a.Themes {
		if t.ID == id {
			return t.Title
		}
	}
	return ""
}

func (m *Model) currentQuestion(a *board.Arena) (board.Question, bool) {
	if len(a.Questions) == 0 {
		return board.Question{}, false
	}
	i := min(max(m.as.question, 0), len(a.Questions)-1)
	return a.Questions[i], true
}

func (m *Model) viewArena() string {
	a := m.arena()
	if a == nil {
		return block([]string{m.msg.ErrGone}, m.width, m.height)
	}
	pupils := fmt.Sprintf(m.msg.PupilsF, a.Group, a.Pupils)
	if a.TooManyPupils() {
		pupils += " " + m.st.warn.Render("⚠ "+fmt.Sprintf(m.msg.TooManyPupilsF, board.MaxPupils))
	}
	status := "! " + m.msg.ArenaOpen
	if !a.Open() {
		status = fmt.Sprintf(m.msg.ReportedBackF, m.msg.ShortDate(a.ReportedBack))
	}
	head := fmt.Sprintf("%s · %s · %s · %s · %s", m.st.header.Render(m.msg.Arena), m.st.title.Render(a.Topic), m.msg.Date(a.Date), pupils, status)
	var tabs []string
	for i := range arenaTabs {
		label := fmt.Sprintf("%d %s", i+1, m.msg.ArenaTabs[i])
		if i == m.as.tab {
			tabs = append(tabs, m.st.tabActive.Render("["+label+"]"))
		} else {
			tabs = append(tabs, " "+label+" ")
		}
	}
	lines := []string{fit(head, m.width), fit(strings.Join(tabs, ""), m.width), fit(m.st.dim.Render(m.msg.ArenaHints[m.as.tab]), m.width)}
	bodyH := m.height - len(lines) - 2
	switch m.as.tab {
	case 1:
		lines = append(lines, m.viewCapture(a, bodyH)...)
	case 3:
		lines = append(lines, m.viewIdeas(a, bodyH)...)
	case 4:
		lines = append(lines, m.viewReportBack(a, bodyH)...)
	default:
		rows := m.arenaRows(a)
		title := m.msg.ArenaTabs[m.as.tab]
		if a.NotesDeleted.IsZero() || m.as.tab != 2 {
			lines = append(lines, strings.Split(m.retroPanel(title, rows, m.as.sel[m.as.tab], m.width, bodyH, true), "\n")...)
		} else {
			rows = append([]retroRow{{text: m.st.dim.Render(fmt.Sprintf(m.msg.NotesDeletedF, m.msg.ShortDate(a.NotesDeleted)))}}, rows...)
			lines = append(lines, strings.Split(m.retroPanel(title, rows, m.as.sel[m.as.tab], m.width, bodyH, true), "\n")...)
		}
	}
	// Every tab fills the body, so the footer stays at the bottom.
	for len(lines) < 3+bodyH {
		lines = append(lines, "")
	}
	for _, l := range m.footer() {
		lines = append(lines, fit(l, m.width))
	}
	return stack(lines, m.width, m.height)
}

// viewCapture is the note-taking screen: the question large, its notes, the
// input line, and a quiet timer.
func (m *Model) viewCapture(a *board.Arena, h int) []string {
	var out []string
	q, ok := m.currentQuestion(a)
	if !ok {
		return append(out, fit(m.st.dim.Render(" "+m.msg.NoQuestions), m.width))
	}
	clock := ""
	if !a.Started.IsZero() {
		clock = m.st.dim.Render(fmt.Sprintf("  ⏱ %s / %02d:00", mmss(m.now().Sub(a.Started)), a.Minutes))
	}
	out = append(out,
		fit(fmt.Sprintf(m.msg.QuestionOfF, min(m.as.question, len(a.Questions)-1)+1, len(a.Questions))+clock, m.width),
		fit(m.st.header.Render(strings.ToUpper(q.Text)), m.width), "")
	in := m.as.input
	if m.as.editing != 0 {
		in.Prompt = "✎ "
	}
	in.SetWidth(max(m.width-4, 10))
	inputLine := in.View()
	// The warning is wrapped, not cut: its end says how to save anyway.
	warn := []string{""}
	switch {
	case m.as.warned != "":
		names := strings.Join(board.LooksLikeName(m.as.warned, m.b.Team.MemberNames()), ", ")
		warn = wrapped(fmt.Sprintf(m.msg.NameGuardF, names), m.width, m.st.warn)
		warn = warn[:min(len(warn), 3)]
	case !m.as.typing:
		inputLine = m.st.dim.Render(m.msg.CaptureResume)
		warn = []string{m.st.dim.Render(m.msg.CaptureSelectHint)}
	}
	panelH := h - len(out) - 1 - len(warn)
	rows := m.arenaRows(a)
	// While typing the newest note is in view; otherwise the cursor picks
	// the note to edit or delete.
	sel, focused := len(rows)-1, false
	if !m.as.typing {
		sel, focused = m.as.sel[1], true
	}
	out = append(out, strings.Split(m.retroPanel(m.msg.ArenaTabs[1], rows, sel, m.width, panelH, focused), "\n")...)
	for _, w := range warn {
		out = append(out, fit(w, m.width))
	}
	return append(out, fit(inputLine, m.width))
}

// viewIdeas lists the ideas beside (or above) a 2×2 of feasibility and
// effect: the picture that shows what to do first.
func (m *Model) viewIdeas(a *board.Arena, h int) []string {
	grid := m.ideaGrid(a)
	rows := m.arenaRows(a)
	if m.width >= 100 {
		gw := 44
		list := strings.Split(m.retroPanel(m.msg.ArenaTabs[3], rows, m.as.sel[3], m.width-gw, h, true), "\n")
		out := make([]string, h)
		for i := range h {
			g := ""
			if i < len(grid) {
				g = grid[i]
			}
			out[i] = list[i] + fit(" "+g, gw)
		}
		return out
	}
	listH := max(h-len(grid), 4)
	out := strings.Split(m.retroPanel(m.msg.ArenaTabs[3], rows, m.as.sel[3], m.width, listH, true), "\n")
	for _, g := range grid {
		if len(out) < h {
			out = append(out, fit(g, m.width))
		}
	}
	return out
}

// ideaGrid draws the 2×2: effect up, feasibility right; ideas by number.
func (m *Model) ideaGrid(a *board.Arena) []string {
	cells := [2][2][]string{} // [high effect?][high feasibility?]
	for i, idea := range a.Ideas {
		// Only a 3 is high: a 2 is "midden", and counting it high would put
		// a middling idea under "eerst doen" beside the clear ones.
		hi, hf := 0, 0
		if idea.Impact >= 3 {
			hi = 1
		}
		if idea.Feasibility >= 3 {
			hf = 1
		}
		cells[hi][hf] = append(cells[hi][hf], strconv.Itoa(i+1))
	}
	cell := func(hi, hf int, label string) string {
		return fit(" "+label+": "+strings.Join(cells[hi][hf], " "), 20)
	}
	return []string{
		m.msg.Impact + " ↑",
		"┌────────────────────┬────────────────────┐",
		"│" + cell(1, 0, m.msg.QuadLater) + "│" + m.st.title.Render(cell(1, 1, m.msg.QuadFirst)) + "│",
		"├────────────────────┼────────────────────┤",
		"│" + cell(0, 0, m.msg.QuadSkip) + "│" + cell(0, 1, m.msg.QuadQuick) + "│",
		"└────────────────────┴────────────────────┘",
		strings.Repeat(" ", max(42-ansi.StringWidth(m.msg.Feasibility+" →"), 0)) + m.msg.Feasibility + " →",
	}
}

func (m *Model) viewReportBack(a *board.Arena, h int) []string {
	var lines []string
	if a.Open() {
		lines = append(lines, m.st.warn.Render("! "+m.msg.ReportBackTodo), "", m.msg.ReportBackHint)
	} else {
		lines = append(lines, m.st.ok.Render(fmt.Sprintf(m.msg.ReportedBackF, m.msg.Date(a.ReportedBack))), "", a.ReportHow)
	}
	promoted := 0
	for _, i := range a.Ideas {
		if i.Action != 0 {
			promoted++
		}
	}
	lines = append(lines, "", fmt.Sprintf(m.msg.ArenaSummaryF, len(a.Questions), len(a.Notes), len(a.Themes), len(a.Ideas), promoted))
	out := make([]string, 0, h)
	for _, l := range lines {
		out = append(out, fit(" "+l, m.width))
	}
	return out
}

func (m *Model) arenaKey(k tea.KeyPressMsg) tea.Cmd {
	a := m.arena()
	if a == nil {
		m.screen = screenArenas
		return nil
	}
	if m.as.tab == 1 && m.as.typing {
		return m.captureKey(a, k)
	}
	rows := m.arenaRows(a)
	sel := &m.as.sel[m.as.tab]
	row := retroRow{}
	if *sel >= 0 && *sel < len(rows) {
		row = rows[*sel]
	}
	switch s := k.String(); {
	case s == "esc" || s == "q":
		m.screen = screenArenas
	case s == "?":
		m.showHelp = true
	case len(s) == 1 && s >= "1" && s <= "5":
		m.as.tab = int(s[0] - '1')
		m.as.typing = m.as.tab == 1
		if m.as.typing {
			return m.as.input.Focus()
		}
	case s == "tab" || s == "right":
		m.as.tab = (m.as.tab + 1) % arenaTabs
	case s == "shift+tab" || s == "left":
		m.as.tab = (m.as.tab + arenaTabs - 1) % arenaTabs
	case s == "up" || s == "k":
		*sel = max(*sel-1, 0)
	case s == "down" || s == "j":
		*sel = max(min(*sel+1, len(rows)-1), 0)
	case m.as.tab == 1 && (s == "enter" || s == "i" || s == "a"):
		m.as.editing = 0
		m.as.typing = true
		return m.as.input.Focus()
	case m.as.tab == 0 && s == "a":
		f := &form{kind: formQuestion, title: m.msg.ArenaTabs[0]}
		f.add("text", m.msg.FieldQuestion, fText, m.msg.HintQuestion, "")
		m.form = f
		return f.setFocus(0)
	case m.as.tab == 0 && s == "b":
		bank := m.msg.QuestionBank
		m.choose = &chooser{title: m.msg.QuestionBankTitle, options: bank, pick: func(i int) tea.Cmd {
			return m.changeArena(board.ArenaOp{Kind: board.OpAddQuestion, Text: bank[i]}, m.msg.Saved)
		}}
	case m.as.tab == 0 && (s == "d" || s == "delete") && row.card != 0:
		del := func() tea.Cmd {
			return m.changeArena(board.ArenaOp{Kind: board.OpDeleteQuestion, ID: row.card}, m.msg.Deleted)
		}
		// Its notes are deleted with it: ask first, there is no undo.
		if n := len(a.NotesOf(row.card)); n > 0 {
			m.confirm(fmt.Sprintf(m.msg.DeleteQuestionAskF, n), del)
			return nil
		}
		return del()
	case m.as.tab == 1 && (s == "d" || s == "delete") && row.card != 0:
		n, _ := noteByID(a, row.card)
		m.confirm(fmt.Sprintf(m.msg.DeleteNoteAskF, ansi.Truncate(n.Text, 40, "…")), func() tea.Cmd {
			return m.changeArena(board.ArenaOp{Kind: board.OpDeleteNote, ID: row.card}, m.msg.Deleted)
		})
	case m.as.tab == 1 && s == "e" && row.card != 0:
		n, _ := noteByID(a, row.card)
		text := n.Text
		if n.Speaker != "" {
			text = n.Speaker + ": " + text
		}
		m.as.editing, m.as.warned, m.as.typing = n.ID, "", true
		m.as.input.SetValue(text)
		m.as.input.CursorEnd()
		return m.as.input.Focus()
	case m.as.tab == 0 && (s == "K" || s == "J") && row.card != 0:
		d := -1
		if s == "J" {
			d = 1
		}
		*sel = max(min(*sel+d, len(rows)-1), 0)
		return m.changeArena(board.ArenaOp{Kind: board.OpMoveQuestion, ID: row.card, Delta: d}, m.msg.Saved)
	case m.as.tab == 2 && s == "n":
		f := &form{kind: formTheme, title: m.msg.NewTheme}
		f.add("text", m.msg.FieldTitle, fLine, "", "")
		m.form = f
		return f.setFocus(0)
	case m.as.tab == 2 && s == "t" && row.card != 0:
		m.pickTheme(a, row.card)
	case m.as.tab == 3 && s == "a":
		m.form = m.ideaForm(a, nil)
		return m.form.setFocus(0)
	case m.as.tab == 3 && (s == "e" || s == "r") && row.card != 0:
		idea, _ := a.Idea(row.card)
		m.form = m.ideaForm(a, &idea)
		return m.form.setFocus(2)
	case m.as.tab == 3 && s == "p" && row.card != 0:
		idea, _ := a.Idea(row.card)
		f := m.itemForm(board.AreaAction, nil)
		f.kind, f.title, f.base = formPromote, m.msg.PromoteTitle, idea.ID
		f.fields[0].input.SetValue(idea.Text)
		m.form = f
		return f.setFocus(1)
	case m.as.tab == 4 && (s == "a" || s == "enter" || s == "e"):
		f := &form{kind: formReportBack, title: m.msg.ArenaTabs[4]}
		f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, "")
		f.add("text", m.msg.FieldHow, fText, m.msg.HintHow, a.ReportHow)
		if m.msg.Lang == "en" {
			f.fields[0].input.SetValue("today")
		} else {
			f.fields[0].input.SetValue("vandaag")
		}
		m.form = f
		return f.setFocus(1)
	}
	return nil
}

// captureKey handles the capture line: Enter saves the note (after the name
// guard), page keys move between questions, esc gives the keys back.
func (m *Model) captureKey(a *board.Arena, k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		m.as.typing = false
		m.as.input.Blur()
		if m.as.editing != 0 { // an edit given up: the note stays as it was
			m.as.editing = 0
			m.as.input.SetValue("")
		}
		m.as.warned = ""
		m.as.sel[1] = max(len(m.arenaRows(a))-1, 0) // the newest note, most likely to fix
		return nil
	case "pgdown", "ctrl+n", "down":
		m.as.question = min(m.as.question+1, max(len(a.Questions)-1, 0))
		return nil
	case "pgup", "ctrl+p", "up":
		m.as.question = max(m.as.question-1, 0)
		return nil
	case "enter":
		return m.saveNote(a)
	}
	m.as.warned = ""
	var cmd tea.Cmd
	m.as.input, cmd = m.as.input.Update(k)
	return cmd
}

// saveNote saves the capture line as a new note (or the edited one) after
// the name guard. It writes in Update, not in a command: the line may be
// cleared only once bbolt has committed, and must keep the typed text when
// the write fails (the arena was reported back, the note deleted), and no
// message of this screen's own reaches it after a command. One fsync is
// short next to typing.
func (m *Model) saveNote(a *board.Arena) tea.Cmd {
	q, ok := m.currentQuestion(a)
	text := strings.TrimSpace(m.as.input.Value())
	if !ok || text == "" {
		return nil
	}
	speaker := ""
	if i := strings.Index(text, ":"); i > 0 && i <= 3 {
		if sp := strings.ToUpper(strings.TrimSpace(text[:i])); len(sp) >= 2 && sp[0] == 'L' && strings.Trim(sp[1:], "0123456789") == "" {
			if !board.ValidSpeaker(sp) {
				m.setStatus(m.msg.ErrSpeaker, true)
				return nil
			}
			speaker, text = sp, strings.TrimSpace(text[i+1:])
		}
	}
	names := board.LooksLikeName(text, m.b.Team.MemberNames())
	if !m.guard(text, func(string) {}) {
		m.as.warned = text
		return nil
	}
	op := board.ArenaOp{Kind: board.OpAddNote, Question: q.ID, Text: text, Speaker: speaker, Flagged: len(names) > 0, Suspect: names}
	if m.as.editing != 0 {
		op.Kind, op.ID = board.OpEditNote, m.as.editing
	}
	// Saved in a Cmd, like every write; the line is cleared only when the
	// note is stored (noteSavedMsg), so a failed save keeps what was typed.
	s, user, boardID, id, typed := m.cfg.Store, m.cfg.User, m.b.ID, m.as.id, m.as.input.Value()
	return func() tea.Msg {
		if _, err := s.ChangeArena(user, boardID, id, op); err != nil {
			return errMsg{err}
		}
		return noteSavedMsg{typed: typed}
	}
}

// noteSavedMsg reports a stored note; typed is the capture line as it was
// sent, so text typed since then is not wiped.
type noteSavedMsg struct{ typed string }

func (m *Model) noteSaved(msg noteSavedMsg) tea.Cmd {
	if m.as.input.Value() == msg.typed {
		m.as.input.SetValue("")
		m.as.editing = 0
	}
	m.setStatus(m.msg.Saved, false)
	if m.b != nil {
		return m.loadSnapshot(m.b.ID)
	}
	return nil
}

// confirm asks yes or no before do.
func (m *Model) confirm(title string, do func() tea.Cmd) {
	m.choose = &chooser{title: title, options: []string{m.msg.Yes, m.msg.No}, pick: func(i int) tea.Cmd {
		if i != 0 {
			return nil
		}
		return do()
	}}
}

func noteByID(a *board.Arena, id uint64) (board.Note, bool) {
	for _, n := range a.Notes {
		if n.ID == id {
			return n, true
		}
	}
	return board.Note{}, false
}

func (m *Model) pickTheme(a *board.Arena, note uint64) {
	opts := []string{m.msg.NoTheme}
	ids := []uint64{0}
	for _, t := range a.Themes {
		opts = append(opts, t.Title)
		ids = append(ids, t.ID)
	}
	m.choose = &chooser{title: m.msg.PickTheme, options: opts, pick: func(i int) tea.Cmd {
		return m.changeArena(board.ArenaOp{Kind: board.OpSetTheme, ID: note, Theme: ids[i]}, m.msg.Saved)
	}}
}

func (m *Model) ideaForm(a *board.Arena, idea *board.Idea) *form {
	f := &form{kind: formIdea, title: m.msg.NewIdea}
	text, theme, feas, imp := "", "", "", ""
	if idea != nil {
		f.base = idea.ID
		f.title = m.msg.RateIdea
		text, theme, feas, imp = idea.Text, themeTitle(a, idea.Theme), strconv.Itoa(idea.Feasibility), strconv.Itoa(idea.Impact)
	}
	f.add("text", m.msg.FieldIdea, fText, "", text)
	f.add("theme", m.msg.FieldTheme, fLine, m.msg.HintTheme, theme)
	f.add("feasibility", m.msg.Feasibility, fNumber, m.msg.HintRating, feas)
	f.add("impact", m.msg.Impact, fNumber, m.msg.HintRating, imp)
	titles := make([]string, len(a.Themes))
	for i, t := range a.Themes {
		titles[i] = t.Title
	}
	suggest(f.field("theme"), titles)
	return f
}

// submitArena saves the arena forms.
func (m *Model) submitArena(f *form) tea.Cmd {
	a := m.arena()
	f.clearErrors()
	warn := func(w string) { f.err = w }
	switch f.kind {
	case formArena:
		return m.createArena(f)
	case formQuestion:
		if !m.guard(f.value("text"), warn) {
			return nil
		}
		return m.changeArena(board.ArenaOp{Kind: board.OpAddQuestion, Text: f.value("text")}, m.msg.Saved)
	case formTheme:
		if !m.guard(f.value("text"), warn) {
			return nil
		}
		return m.changeArena(board.ArenaOp{Kind: board.OpAddTheme, Text: f.value("text")}, m.msg.Saved)
	case formIdea:
		feas, err1 := strconv.Atoi(f.value("feasibility"))
		imp, err2 := strconv.Atoi(f.value("impact"))
		if err1 != nil || feas < 1 || feas > 3 {
			f.field("feasibility").err = m.msg.HintRating
			return nil
		}
		if err2 != nil || imp < 1 || imp > 3 {
			f.field("impact").err = m.msg.HintRating
			return nil
		}
		var theme uint64
		if t := f.value("theme"); t != "" && a != nil {
			for _, th := range a.Themes { // the exact title, else the first it starts
				if strings.EqualFold(th.Title, t) || theme == 0 && strings.HasPrefix(strings.ToLower(th.Title), strings.ToLower(t)) {
					theme = th.ID
				}
			}
			if theme == 0 {
				f.field("theme").err = m.msg.ErrBadValue
				return nil
			}
		}
		if f.base != 0 {
			return m.changeArena(board.ArenaOp{Kind: board.OpRateIdea, ID: f.base, Feasibility: feas, Impact: imp}, m.msg.Saved)
		}
		if !m.guard(f.value("text"), warn) {
			return nil
		}
		return m.changeArena(board.ArenaOp{Kind: board.OpAddIdea, Text: f.value("text"), Theme: theme, Feasibility: feas, Impact: imp}, m.msg.Saved)
	case formPromote:
		f.area = board.AreaAction
		it, ok := m.build(f)
		if !ok {
			return nil
		}
		return m.changeArena(board.ArenaOp{Kind: board.OpPromote, ID: f.base, Action: it.(*board.Action)}, fmt.Sprintf(m.msg.SavedF, it.Label()))
	case formRetention:
		days, err := strconv.Atoi(f.value("days"))
		if err != nil || days < 1 || days > 3650 {
			f.field("days").err = m.msg.ErrNumber
			return nil
		}
		s, user, id := m.cfg.Store, m.cfg.User, m.b.ID
		return func() tea.Msg {
			if err := s.SetRetention(user, id, days); err != nil {
				return errMsg{err}
			}
			return doneMsg{status: fmt.Sprintf(m.msg.RetentionSetF, days)}
		}
	case formReportBack:
		d, err := board.ParseDate(f.value("date"), m.now())
		if err != nil {
			f.field("date").err = m.msg.ErrBadDate
			return nil
		}
		if !m.guard(f.value("text"), warn) {
			return nil
		}
		return m.changeArena(board.ArenaOp{Kind: board.OpReportBack, Text: f.value("text"), Date: d}, m.msg.Saved)
	}
	return nil
}

// arenaTicking keeps the quiet timer of a capture going.
func (m *Model) arenaClock() bool {
	a := m.arena()
	return m.screen == screenArena && m.as.tab == 1 && a != nil && !a.Started.IsZero() &&
		m.now().Sub(a.Started) < time.Duration(a.Minutes+30)*time.Minute
}
