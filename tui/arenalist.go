package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// arenaListScreen lists the board's leerlingarena's, newest first.
type arenaListScreen struct {
	*Common
	keys     listKeys
	list     int
	open     func(id uint64)
	warned   string // text the name guard warned about; saving again saves it
	pupilsOK int    // the pupil count above MaxPupils the user confirmed
}

func newArenaList(c *Common, open func(uint64)) *arenaListScreen {
	k := newListKeys(c.msg, "esc", "q", "A")
	k.Extra = bind("T", c.msg.KeyRetention, "T")
	return &arenaListScreen{Common: c, keys: k, open: open}
}

func (m *arenaListScreen) Title() string     { return m.msg.Arenas }
func (m *arenaListScreen) Keys() help.KeyMap { return m.keys }

// enter starts at the top when the user comes from the board.
func (m *arenaListScreen) enter(from screenID) tea.Cmd {
	if from == screenBoard {
		m.list = 0
	}
	return nil
}

func (m *arenaListScreen) View() string {
	as := slices.Clone(m.b.Arenas)
	slices.Reverse(as)
	items := make([]string, len(as))
	for i, a := range as {
		status := m.msg.ReportedBackF
		if a.Open() {
			status = "! " + m.msg.ArenaOpen
		} else {
			status = fmt.Sprintf(status, m.msg.ShortDate(a.ReportedBack))
		}
		items[i] = fmt.Sprintf("%s  %s  %s, %d  (%s)", a.Date.Format("2006-01-02"), a.Topic, a.Group, a.Pupils, status)
	}
	return m.listScreen(m.st.header.Render(m.msg.Arenas)+" · "+m.b.Name, items, m.list, m.msg.NoArenas, m.statusLine(), m.msg.ArenaListHint)
}

func (m *arenaListScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	n := len(m.b.Arenas)
	switch {
	case key.Matches(k, m.keys.Up):
		m.list = max(m.list-1, 0)
	case key.Matches(k, m.keys.Down):
		m.list = max(min(m.list+1, n-1), 0)
	case key.Matches(k, m.keys.Open):
		if n > 0 {
			m.open(m.b.Arenas[n-1-m.list].ID)
		}
	case key.Matches(k, m.keys.New):
		return m.openForm(m.newArenaForm(), 0)
	case key.Matches(k, m.keys.Extra):
		days := m.b.RetentionDays
		if days == 0 {
			days = board.DefaultRetentionDays
		}
		f := &form{title: m.msg.RetentionTitle, submit: m.setRetention}
		f.add("days", m.msg.Retention, fNumber, m.msg.HintRetention, strconv.Itoa(days))
		return m.openForm(f, 0)
	case key.Matches(k, m.keys.Back):
		m.screen = screenBoard
	case key.Matches(k, m.keys.Help):
		m.showHelp = true
	}
	return nil
}

func (m *arenaListScreen) newArenaForm() *form {
	f := &form{title: m.msg.NewArena, submit: m.createArena}
	f.add("topic", m.msg.FieldTopic, fLine, m.msg.HintArenaTopic, "")
	f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, "")
	f.add("group", m.msg.FieldGroup, fLine, m.msg.HintGroup, "")
	f.add("pupils", m.msg.FieldPupils, fNumber, m.msg.HintPupils, "6")
	m.pupilsOK = 0
	f.add("leader", m.msg.FieldArenaLeader, fWho, m.msg.HintWho, m.cfg.User)
	f.add("takers", m.msg.FieldNoteTakers, fLine, m.msg.HintMembers, m.cfg.User)
	f.add("minutes", m.msg.FieldMinutes, fNumber, "", strconv.Itoa(board.DefaultArenaMinutes))
	suggest(f.field("leader"), m.b.Team.MemberNames())
	return f
}

func (m *arenaListScreen) createArena(f *form) tea.Cmd {
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
	if int(pupils) > board.MaxPupils && m.pupilsOK != int(pupils) {
		m.pupilsOK = int(pupils)
		f.field("pupils").err = fmt.Sprintf(m.msg.TooManyPupilsFormF, board.MaxPupils, board.MaxPupils)
		return nil
	}
	minutes, err := parseNumber(f.value("minutes"))
	if err != nil || minutes < 1 || minutes > 120 {
		f.field("minutes").err = m.msg.ErrNumber
		return nil
	}
	if !m.guard(&m.warned, f.value("topic")+" · "+f.value("group"), func(w string) { f.err = w }) {
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

// setRetention sets how long the board keeps arena notes.
func (m *arenaListScreen) setRetention(f *form) tea.Cmd {
	days, err := strconv.Atoi(f.value("days"))
	if err != nil || days < 1 || days > 3650 {
		f.field("days").err = m.msg.ErrNumber
		return nil
	}
	id := m.b.ID
	return m.write(func(s Store, user string) error { return s.SetRetention(user, id, days) }, fmt.Sprintf(m.msg.RetentionSetF, days))
}

// arenaOpenMsg opens a leerlingarena just made.
type arenaOpenMsg struct{ id uint64 }
