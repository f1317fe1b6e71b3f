package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// duoListScreen is the overview of the duos this person opens: for a
// coordinator every duo they made, with its partners, schools, step in the
// cycle, last and next visit and the visits of this period; a duo without a
// visit in eight weeks is marked. A partner sees their own duos the same
// way.
type duoListScreen struct {
	*Common
	keys   listKeys
	duos   []board.Duo
	cursor int
	opened func(id uint64) tea.Cmd
}

// duosMsg is the list of duos, read in a command.
type duosMsg struct{ duos []board.Duo }

func newDuoList(c *Common, open func(uint64) tea.Cmd) *duoListScreen {
	k := newListKeys(c.msg, "esc", "q", "D")
	k.New = bind("n", c.msg.Duo.NewDuo, "n")
	return &duoListScreen{Common: c, keys: k, opened: open}
}

func (m *duoListScreen) Title() string     { return m.msg.Duo.Duos }
func (m *duoListScreen) Keys() help.KeyMap { return m.keys }

// load reads the duos in reach; the store decides which.
func (m *duoListScreen) load() tea.Cmd {
	return m.command(func(s Store, _ string) (tea.Msg, error) {
		ds, err := s.Duos()
		return duosMsg{ds}, err
	})
}

// enter reads the list afresh each time it is shown.
func (m *duoListScreen) enter(screenID) tea.Cmd { return m.load() }

func (m *duoListScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case duosMsg:
		m.duos = msg.duos
		m.cursor = min(m.cursor, max(len(m.duos)-1, 0))
	case duoRemindMsg:
		if m.status == "" {
			m.setStatus(msg.text, false)
		}
	case duoCreatedMsg:
		m.form = nil
		return tea.Batch(m.load(), m.opened(msg.id))
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Up, m.keys.Down):
			m.cursor = stepCursor(m.cursor, key.Matches(msg, m.keys.Down), len(m.duos))
		case key.Matches(msg, m.keys.Open):
			if m.cursor < len(m.duos) {
				return m.opened(m.duos[m.cursor].ID)
			}
		case key.Matches(msg, m.keys.New):
			return m.openForm(m.newDuoForm(), 0)
		case key.Matches(msg, m.keys.Back):
			m.screen = screenPicker
			if m.b != nil {
				m.screen = screenBoard
			}
		}
	}
	return nil
}

// View draws each duo on two lines: its name, step and next visit, then
// its partners, last visit and the visits of this period; a stalled duo
// is marked in front.
func (m *duoListScreen) View() string {
	now := m.now()
	from := board.PeriodStart(now)
	lines := []string{fit(m.st.header.Render("bord · "+m.msg.Duo.Duos), m.width), ""}
	for i := range m.duos {
		d := &m.duos[i]
		last, next := m.msg.Duo.Nothing, m.msg.Duo.Nothing
		if v, ok := d.LastVisit(now); ok {
			last = v.At.Format("2006-01-02")
		}
		if v, ok := d.NextVisit(now); ok {
			next = v.At.Format("2006-01-02 15:04")
		}
		head := fmt.Sprintf("%s · %s: %s · %s %s", d.Name, m.msg.Duo.Step, m.msg.Duo.Steps[d.Step(now)], m.msg.Duo.NextVisit, next)
		if d.Stalled(now) {
			head = "⚠ " + m.msg.Duo.Stalled + " · " + head
		}
		head = m.st.mark(head, i == m.cursor)
		sub := fmt.Sprintf("    %s · %s %s · %d %s", m.partnerList(d), m.msg.Duo.LastVisit, last, d.VisitsSince(from, now), m.msg.Duo.ThisPeriod)
		lines = append(lines, fit(head, m.width), fit(m.st.dim.Render(sub), m.width))
	}
	if len(m.duos) == 0 {
		lines = append(lines, wrapped("  "+m.msg.Duo.NoDuos, m.width, m.st.dim)...)
	}
	return block(lines, m.width, m.bodyHeight())
}

// partnerList is "Anna (De Linde), Dirk (Het Anker)", a partner who left
// their team marked.
func (m *duoListScreen) partnerList(d *board.Duo) string {
	parts := make([]string, len(d.Partners))
	for i, p := range d.Partners {
		parts[i] = p.Name
		if p.School != "" {
			parts[i] += " (" + p.School + ")"
		}
		if p.Left {
			parts[i] += " – " + m.msg.Duo.Left
		}
	}
	return strings.Join(parts, ", ")
}

// duoRemindMsg is the reminder of a visit today or tomorrow, for the
// status line when bord starts.
type duoRemindMsg struct{ text string }

// remind looks for the person's visits today or tomorrow in every duo, so
// the day before both partners see it when they open bord.
func (m *duoListScreen) remind() tea.Cmd {
	s, user, now, f := m.cfg.Store, m.cfg.User, m.now(), m.msg.Duo.RemindF
	return func() tea.Msg {
		ds, err := s.Duos()
		if err != nil {
			return nil
		}
		for i := range ds {
			for _, v := range ds[i].Reminders(user, now) {
				return duoRemindMsg{fmt.Sprintf(f, v.At.Format("2006-01-02"), v.At.Format("15:04"), v.School, v.Group)}
			}
		}
		return nil
	}
}

// duoCreatedMsg: a new duo was made; the list opens it.
type duoCreatedMsg struct{ id uint64 }

// newDuoForm asks a coordinator for the duo's name and two or three
// partners, each "name @ team" (or a name alone for someone without a team,
// who joins with a duo invite).
func (m *duoListScreen) newDuoForm() *form {
	f := &form{title: m.msg.Duo.NewDuo, submit: m.createDuo}
	f.add("name", m.msg.Duo.FieldName, fLine, "", "")
	for i := 1; i <= board.MaxPartners; i++ {
		f.add(fmt.Sprintf("partner%d", i), fmt.Sprintf(m.msg.Duo.FieldPartnerF, i), fLine, m.msg.Duo.HintPartner, "")
	}
	return f
}

func (m *duoListScreen) createDuo(f *form) tea.Cmd {
	f.clearErrors()
	var partners []board.Partner
	for i := 1; i <= board.MaxPartners; i++ {
		v := f.value(fmt.Sprintf("partner%d", i))
		if v == "" {
			continue
		}
		name, team, _ := strings.Cut(v, "@")
		partners = append(partners, board.Partner{Name: strings.TrimSpace(name), School: strings.TrimSpace(team)})
	}
	if len(partners) < board.MinPartners {
		f.err = m.msg.Duo.ErrTooFewPartners
		return nil
	}
	s, user, name := m.cfg.Store, m.cfg.User, f.value("name")
	var teamID uint64
	if m.b != nil {
		teamID = m.b.TeamID
	}
	return func() tea.Msg {
		if teamID == 0 {
			teams, err := s.Teams()
			if err != nil || len(teams) == 0 {
				return errMsg{board.ErrNoTeam}
			}
			teamID = teams[0].ID
		}
		d, err := s.CreateDuo(user, teamID, name, partners)
		if err != nil {
			return errMsg{err}
		}
		return duoCreatedMsg{d.ID}
	}
}

// stepCursor moves a cursor over n rows one down (or up), staying on them.
func stepCursor(cur int, down bool, n int) int {
	if down {
		cur++
	} else {
		cur--
	}
	return max(min(cur, n-1), 0)
}
