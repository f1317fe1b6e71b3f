package tui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"slices"
	"strings"

	"github.com/verbeterbord/bord/board"
)

// View draws the duo: its name and partners, the cycle with the step it is
// in, a reminder of a visit today or tomorrow, the tabs, and the tab.
func (m *duoScreen) View() string {
	h := m.bodyHeight()
	if !m.loaded {
		return block([]string{m.st.header.Render("bord · " + m.msg.Duo.Duo)}, m.width, h)
	}
	d := &m.d
	lines := []string{
		fit(m.st.header.Render("bord · "+m.msg.Duo.Duo+": "+d.Name)+m.st.dim.Render("  "+m.partners()), m.width),
		fit(m.cycleLine(), m.width),
	}
	for _, v := range d.Reminders(m.cfg.User, m.now()) {
		lines = append(lines, fit(m.st.warn.Render(fmt.Sprintf(m.msg.Duo.RemindF, v.At.Format("2006-01-02"), v.At.Format("15:04"), v.School, v.Group)), m.width))
	}
	lines = append(lines, m.tabRow(m.msg.Duo.Tabs[:], m.tab), "")
	var body []string
	switch m.tab {
	case 0:
		body = m.designView()
	case 1:
		body = m.visitsView()
	default:
		body = m.talkView()
	}
	// The body scrolls (PgUp/PgDn) when it is longer than the room under
	// the header; a marker says that more stands below or above.
	room := h - len(lines)
	if m.capturing {
		room -= 3
	}
	if len(body) > room && room > 2 {
		top := min(m.scroll, len(body)-(room-1))
		// Until the user pages, the selected row (markRows' "› ") is in view.
		if sel := slices.IndexFunc(body, func(l string) bool { return strings.HasPrefix(ansi.Strip(l), "› ") }); sel >= 0 && m.scroll == 0 {
			top = max(0, sel-(room-2))
		}
		shown := body[top : top+room-1]
		more := m.msg.Wall.KeyPage + " ↓"
		if top+len(shown) >= len(body) {
			more = m.msg.Wall.KeyPage + " ↑"
		}
		body = append(slices.Clone(shown), m.st.dim.Render(more))
	}
	for _, l := range body {
		lines = append(lines, fit(l, m.width))
	}
	if m.capturing {
		// The capture line and its hint stay at the bottom, whatever the
		// list above holds.
		foot := []string{m.input.View()}
		if m.warned != "" {
			foot = append(foot, m.st.warn.Render(fmt.Sprintf(m.msg.NameGuardF, strings.Join(board.LooksLikeName(m.warned, m.known()), ", "))))
		}
		foot = append(foot, m.st.dim.Render(m.msg.Duo.CaptureHint))
		lines = append(lines[:min(len(lines), h-len(foot))], foot...)
	}
	return block(lines, m.width, h)
}

func (m *duoScreen) partners() string {
	parts := make([]string, len(m.d.Partners))
	for i, p := range m.d.Partners {
		parts[i] = p.Name
		if p.School != "" {
			parts[i] += " (" + p.School + ")"
		}
		if p.Left {
			parts[i] += " – " + m.msg.Duo.Left
		}
	}
	return strings.Join(parts, ", ") + " · " + m.msg.Duo.Coordinator + ": " + m.d.Coordinator
}

// cycleLine is ontwerpen → bezoeken → nabespreken → bijstellen with the
// duo's step marked.
func (m *duoScreen) cycleLine() string {
	step := m.d.Step(m.now())
	parts := make([]string, len(board.Cycle))
	for i, s := range board.Cycle {
		parts[i] = m.msg.Duo.Steps[s]
		if s == step {
			parts[i] = m.st.tabActive.Render("[" + parts[i] + "]")
		}
	}
	return strings.Join(parts, " → ") + " ↺"
}

// markRows is a tab's list of n rows, row(i) each, the selected one
// marked.
func markRows(st styles, n, sel int, row func(i int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = st.mark(row(i), i == sel)
	}
	return out
}

func (m *duoScreen) designView() []string {
	if len(m.d.Designs) == 0 {
		return []string{m.st.dim.Render(m.msg.Duo.NoDesign)}
	}
	lines := markRows(m.st, len(m.d.Designs), m.sel[0], func(i int) string {
		ds := m.d.Designs[i]
		cur := ds.Current()
		return fmt.Sprintf("%d. %s — %s %d (%s)", i+1, cur.Title(), m.msg.Duo.Version, cur.N, ds.Author)
	})
	ds, _ := m.design()
	v := m.shown(ds)
	head := fmt.Sprintf("%s %d/%d · %s %s, %s", m.msg.Duo.Version, v.N, len(ds.Versions), m.msg.Duo.By, v.By, v.At.Format("2006-01-02"))
	lines = append(lines, "", m.st.title.Render(head))
	prev, hasPrev := ds.Version(v.N - 1)
	if m.compare {
		return append(lines, m.diffView(prev, v, hasPrev)...)
	}
	for _, f := range board.DesignFields {
		text := v.Field(f)
		if f == "phases" {
			text = strings.ReplaceAll(text, "\n", " · ")
			if n := v.Minutes(); n > 0 {
				text += fmt.Sprintf(" = %d %s", n, m.msg.Duo.Minutes)
			}
		}
		if text == "" {
			text = m.msg.Duo.Nothing
		}
		lines = append(lines, wrapped(m.msg.Duo.Fields[f]+": "+strings.ReplaceAll(text, "\n", " / "), m.width, paint{})...)
	}
	return lines
}

// diffView shows what version v changed against the one before: every
// field that differs, old above new.
func (m *duoScreen) diffView(prev, v board.DesignVersion, hasPrev bool) []string {
	changed := board.DiffVersions(prev, v)
	if !hasPrev || len(changed) == 0 {
		return []string{m.st.dim.Render(m.msg.Duo.DiffNone)}
	}
	lines := []string{m.st.dim.Render(fmt.Sprintf("%s: %s %d → %d", m.msg.Duo.Changed, m.msg.Duo.Version, prev.N, v.N))}
	for _, f := range changed {
		lines = append(lines, m.st.title.Render(m.msg.Duo.Fields[f]))
		lines = append(lines, wrapped("- "+strings.ReplaceAll(prev.Field(f), "\n", " / "), m.width, m.st.dim)...)
		lines = append(lines, wrapped("+ "+strings.ReplaceAll(v.Field(f), "\n", " / "), m.width, m.st.ok)...)
	}
	return lines
}

// visitLine is one visit in a list: when, where, who visits whom, with
// which design, and how far it is.
func (m *duoScreen) visitLine(v board.Visit) string {
	line := fmt.Sprintf("%s · %s · %s · %s ← %s", v.At.Format("2006-01-02 15:04"), v.School, v.Group, v.Teacher, v.Visitor)
	if tried, ok := m.d.Tried(v); ok {
		line += fmt.Sprintf(" · %s %d", m.msg.Duo.Version, tried.N)
	}
	switch {
	case v.Talk.Done():
		line += " · " + m.msg.Duo.Steps[board.CycleTalk] + " ✓"
	case v.Held(m.now()):
		line += " · " + m.msg.Duo.Steps[board.CycleVisit] + " ✓"
	}
	return line
}

func (m *duoScreen) visitsView() []string {
	if len(m.d.Visits) == 0 {
		return []string{m.st.dim.Render(m.msg.Duo.NoVisits)}
	}
	lines := markRows(m.st, len(m.d.Visits), m.sel[1], func(i int) string { return m.visitLine(m.d.Visits[i]) })
	v, _ := m.visit()
	lines = append(lines, "")
	if tried, ok := m.d.Tried(*v); ok {
		lines = append(lines, wrapped(m.msg.Duo.Fields["kijkvraag"]+": "+tried.Kijkvraag, m.width, m.st.title)...)
	}
	lines = append(lines, m.st.title.Render(fmt.Sprintf("%s (%d)", m.msg.Duo.Observations, len(v.Observations))))
	if len(v.Observations) == 0 {
		lines = append(lines, m.st.dim.Render("  "+m.msg.Duo.NoObservations))
	}
	for _, o := range v.Observations {
		mark := "  "
		if o.Kijkvraag {
			mark = "◆ "
		}
		text := m.d.MaskedObservation(o, m.msg.Duo.NameMask)
		if o.Flagged {
			text = m.msg.FlaggedMark + " " + text
		}
		lines = append(lines, mark+o.At.Format("15:04")+" "+text)
	}
	return lines
}

func (m *duoScreen) talkView() []string {
	v, ok := m.visit()
	if !ok {
		return []string{m.st.dim.Render(m.msg.Duo.NoVisits)}
	}
	lines := []string{m.st.title.Render(m.visitLine(*v))}
	lines = append(lines, wrapped(m.msg.Duo.TalkModel, m.width, m.st.dim)...)
	if tried, ok := m.d.Tried(*v); ok {
		lines = append(lines, wrapped(m.msg.Duo.Fields["kijkvraag"]+": "+tried.Kijkvraag, m.width, paint{})...)
	}
	lines = append(lines, "")
	for _, step := range board.TalkSteps {
		text := v.Talk.Field(step)
		if text == "" {
			text = m.msg.Duo.Nothing
		}
		lines = append(lines, wrapped(m.st.title.Render(m.msg.Duo.TalkSteps[step]+":")+" "+text, m.width, paint{})...)
	}
	lines = append(lines, "", m.st.title.Render(fmt.Sprintf("%s (%d)", m.msg.Duo.Lessons, len(v.Lessons))))
	if len(v.Lessons) == 0 {
		return append(lines, m.st.dim.Render("  "+m.msg.Duo.NoLessons))
	}
	return append(lines, markRows(m.st, len(v.Lessons), m.sel[2], func(i int) string {
		if l := v.Lessons[i]; l.Action != 0 {
			return l.Text + " → " + m.msg.Duo.Action
		}
		return v.Lessons[i].Text
	})...)
}
