package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

const arenaTabs = 5

// arenaState is this screen's place in the leerlingarena's of a board.
type arenaState struct {
	id       uint64
	tab      int // 0 questions, 1 capture, 2 themes, 3 ideas, 4 report back
	sel      [5]int
	question uint64 // the id of the question being captured (0: the first)
	input    textinput.Model
	typing   bool   // the capture line has the keyboard
	warned   string // text the name guard warned about; Enter again saves it
	editing  uint64 // the note the capture line rewrites; 0: a new note
	seen     uint64 // the version of that note when the edit began
}

func (m *arenaScreen) arena() *board.Arena {
	if m.b == nil {
		return nil
	}
	a, _ := m.b.Arena(m.as.id)
	return a
}

// arenaRows lists what the current tab shows, as selectable rows.
func (m *arenaScreen) arenaRows(a *board.Arena) []retroRow {
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
		if q, _, ok := m.currentQuestion(a); ok {
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
	case 4:
		// The report back is shown to others: every note masked by the
		// guard as it is now, as in the markdown report.
		members := m.b.Team.MemberNames()
		for i, q := range a.Questions {
			rows = append(rows, retroRow{text: m.st.title.Render(fmt.Sprintf("%d. %s", i+1, q.Text))})
			for _, n := range a.NotesOf(q.ID) {
				text := strings.ReplaceAll(board.MaskedNote(a, n, members, m.msg.NameMask), "\n", " ")
				if n.Speaker != "" {
					text = n.Speaker + ": " + text
				}
				rows = append(rows, retroRow{card: n.ID, text: "   • " + text})
			}
		}
	}
	return rows
}

// noteText is a note as a row. A note saved over the name guard carries a
// mark until someone rephrases it (e) or deletes it (d).
func (m *arenaScreen) noteText(n board.Note) string {
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

// question is the question being captured and its place. It is found by
// id, so a colleague who reorders or deletes questions never moves the
// notes to another one; ok is false when it was deleted meanwhile.
func (m *arenaScreen) question(a *board.Arena) (q board.Question, i int, ok bool) {
	for i, q := range a.Questions {
		if q.ID == m.as.question {
			return q, i, true
		}
	}
	if m.as.question == 0 && len(a.Questions) > 0 {
		return a.Questions[0], 0, true
	}
	return board.Question{}, -1, false
}

// currentQuestion is the question the capture tab shows: the one being
// captured, or the first when that one was deleted (saving then asks the
// user to look again).
func (m *arenaScreen) currentQuestion(a *board.Arena) (board.Question, int, bool) {
	if q, i, ok := m.question(a); ok {
		return q, i, true
	}
	if len(a.Questions) > 0 {
		return a.Questions[0], 0, true
	}
	return board.Question{}, -1, false
}

func (m *arenaScreen) View() string {
	a := m.arena()
	if a == nil {
		return block([]string{m.msg.ErrGone}, m.width, m.height)
	}
	pupils := fmt.Sprintf(m.msg.PupilsF, a.Group, i18n.Count(a.Pupils, m.msg.Words.NounPupil))
	if a.TooManyPupils() {
		pupils += " " + m.st.warn.Render("⚠ "+fmt.Sprintf(m.msg.TooManyPupilsF, board.MaxPupils))
	}
	status := "! " + m.msg.ArenaOpen
	if !a.Open() {
		status = fmt.Sprintf(m.msg.ReportedBackF, m.msg.ShortDate(a.ReportedBack))
	}
	head := fmt.Sprintf("%s · %s · %s · %s · %s", m.st.header.Render(m.msg.Arena), m.st.title.Render(a.Topic), m.msg.Date(a.Date), pupils, status)
	lines := []string{fit(head, m.width), m.tabRow(m.msg.ArenaTabs[:], m.as.tab), fit(m.st.dim.Render(m.msg.ArenaHints[m.as.tab]), m.width)}
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
		title, n := m.msg.ArenaTabs[m.as.tab], len(a.Questions)
		if m.as.tab == 2 {
			n = len(a.Themes) // the themes, not their notes nor "no theme"
			if !a.NotesDeleted.IsZero() {
				rows = append([]retroRow{{text: m.st.dim.Render(fmt.Sprintf(m.msg.NotesDeletedF, m.msg.ShortDate(a.NotesDeleted)))}}, rows...)
			}
		}
		lines = append(lines, strings.Split(m.panelN(title, n, rows, m.as.sel[m.as.tab], m.width, bodyH, true, m.msg.Empty), "\n")...)
	}
	// Every tab fills the body, so the footer stays at the bottom.
	for len(lines) < 3+bodyH {
		lines = append(lines, "")
	}
	return stack(lines, m.width, m.bodyHeight())
}

// viewCapture is the note-taking screen: the question large, its notes, the
// input line, and a quiet timer.
func (m *arenaScreen) viewCapture(a *board.Arena, h int) []string {
	var out []string
	q, qi, ok := m.currentQuestion(a)
	if !ok {
		return append(out, fit(m.st.dim.Render(" "+m.msg.NoQuestions), m.width))
	}
	clock := ""
	if !a.Started.IsZero() {
		clock = m.st.dim.Render(fmt.Sprintf("  ⏱ %s / %02d:00", mmss(m.now().Sub(a.Started)), a.Minutes))
	}
	out = append(out,
		fit(fmt.Sprintf(m.msg.QuestionOfF, qi+1, len(a.Questions))+clock, m.width),
		fit(m.st.header.Render(strings.ToUpper(q.Text)), m.width), "")
	in := m.as.input
	if m.as.editing != 0 {
		in.Prompt = "✎ "
	}
	in.SetWidth(max(m.width-4, 10))
	inputLine := in.View()
	// The warning is wrapped, not cut: its end says how to save anyway.
	var warn []string
	switch {
	case m.as.warned != "":
		names := strings.Join(board.LooksLikeName(m.as.warned, m.b.Team.MemberNames()), ", ")
		warn = wrapped(fmt.Sprintf(m.msg.NameGuardF, names), m.width, m.st.warn)
		warn = warn[:min(len(warn), 3)]
	case !m.as.typing:
		inputLine = m.st.dim.Render(m.msg.CaptureResume)
		warn = []string{m.st.dim.Render(m.msg.CaptureSelectHint)}
	default:
		warn = []string{m.counter(&field{input: m.as.input, limit: board.MaxText})}
	}
	panelH := h - len(out) - 1 - len(warn)
	rows := m.arenaRows(a)
	// While typing the newest note is in view; otherwise the cursor picks
	// the note to edit or delete.
	sel, focused := len(rows)-1, false
	if !m.as.typing {
		sel, focused = m.as.sel[1], true
	}
	out = append(out, strings.Split(m.panelOr(m.msg.ArenaTabs[1], rows, sel, m.width, panelH, focused, m.msg.Empty), "\n")...)
	for _, w := range warn {
		out = append(out, fit(w, m.width))
	}
	return append(out, fit(inputLine, m.width))
}

// viewIdeas lists the ideas beside (or above) a 2×2 of feasibility and
// effect: the picture that shows what to do first.
func (m *arenaScreen) viewIdeas(a *board.Arena, h int) []string {
	grid := m.ideaGrid(a)
	rows := m.arenaRows(a)
	if m.width >= 100 {
		gw := 44
		list := strings.Split(m.panelOr(m.msg.ArenaTabs[3], rows, m.as.sel[3], m.width-gw, h, true, m.msg.Empty), "\n")
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
	out := strings.Split(m.panelOr(m.msg.ArenaTabs[3], rows, m.as.sel[3], m.width, listH, true, m.msg.Empty), "\n")
	for _, g := range grid {
		if len(out) < h {
			out = append(out, fit(g, m.width))
		}
	}
	return out
}

// ideaGrid draws the 2×2: effect up, feasibility right; ideas by number.
func (m *arenaScreen) ideaGrid(a *board.Arena) []string {
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

func (m *arenaScreen) viewReportBack(a *board.Arena, h int) []string {
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
	lines = append(lines, "", m.arenaSummary(a, promoted), "")
	out := make([]string, 0, h)
	for _, l := range lines {
		out = append(out, fit(" "+l, m.width))
	}
	// The notes, masked, below: a note can still be rephrased (e) or
	// deleted (d) here after the report back, when a name is found late.
	if ph := h - len(out); ph >= 3 {
		out = append(out, strings.Split(m.panelOr(m.msg.ArenaNotes, m.arenaRows(a), m.as.sel[4], m.width, ph, true, m.msg.Empty), "\n")...)
	}
	return out
}

// ticks keeps the quiet timer of a capture going.
func (m *arenaScreen) ticks() bool {
	a := m.arena()
	return m.screen == screenArena && m.as.tab == 1 && a != nil && !a.Started.IsZero() &&
		m.now().Sub(a.Started) < time.Duration(a.Minutes+30)*time.Minute
}

// arenaSummary counts what the arena gave, each noun in its right form.
func (m *arenaScreen) arenaSummary(a *board.Arena, promoted int) string {
	w := &m.msg.Words
	return fmt.Sprintf(m.msg.ArenaSummaryF, i18n.Count(len(a.Questions), w.NounQuestion), i18n.Count(len(a.Notes), w.NounNote),
		i18n.Count(len(a.Themes), w.NounTheme), i18n.Count(len(a.Ideas), w.NounIdea), i18n.Count(promoted, w.NounAction))
}
