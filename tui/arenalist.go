package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// arenaListScreen lists the board's leerlingarena's, newest first.
type arenaListScreen struct {
	*list
	warned   string // text the name guard warned about; saving again saves it
	pupilsOK int    // the pupil count above MaxPupils the user confirmed
}

func newArenaList(c *Common, open func(uint64)) *arenaListScreen {
	m := &arenaListScreen{list: newList(c, c.msg.Arenas, open, "esc", "q", "A")}
	m.keys.Extra = bind("T", c.msg.KeyRetention, "T")
	m.extra, m.newForm = m.retentionForm, m.newArenaForm
	m.items = func() ([]string, []uint64) {
		var items []string
		var ids []uint64
		for _, a := range slices.Backward(m.b.Arenas) {
			status := "! " + m.msg.ArenaOpen
			if !a.Open() {
				status = fmt.Sprintf(m.msg.ReportedBackF, m.msg.ShortDate(a.ReportedBack))
			}
			status += m.arenaMarks(&a) // recurring.go
			items = append(items, fmt.Sprintf("%s  %s  %s, %d  (%s)", a.Date.Format("2006-01-02"), a.Topic, a.Group, a.Pupils, status))
			ids = append(ids, a.ID)
		}
		return items, ids
	}
	m.empty = c.msg.NoArenas
	return m
}

func (m *arenaListScreen) retentionForm() tea.Cmd {
	days := m.b.RetentionDays
	if days == 0 {
		days = board.DefaultRetentionDays
	}
	f := &form{title: m.msg.RetentionTitle, submit: m.setRetention}
	f.add("days", m.msg.Retention, fNumber, m.msg.HintRetention, strconv.Itoa(days))
	return m.openForm(f, 0)
}

func (m *arenaListScreen) newArenaForm() *form {
	f := &form{title: m.msg.NewArena, submit: m.createArena}
	f.add("topic", m.msg.FieldTopic, fLine, m.msg.HintArenaTopic, "")
	f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, "")
	f.add("group", m.msg.FieldGroup, fLine, m.msg.HintGroup, "")
	f.limitTo("group", shortLimit)
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
	date, ok := f.date("date", m.now(), m.msg)
	if !ok {
		return nil
	}
	pupils, ok := f.number("pupils", 1, 40, m.msg.HintPupils)
	if !ok {
		return nil
	}
	// More than MaxPupils is allowed but advised against: warn on the field
	// itself, once for this number, like the name guard.
	if int(pupils) > board.MaxPupils && m.pupilsOK != int(pupils) {
		m.pupilsOK = int(pupils)
		f.field("pupils").err = fmt.Sprintf(m.msg.TooManyPupilsFormF, board.MaxPupils, board.MaxPupils)
		return nil
	}
	minutes, ok := f.number("minutes", 1, 120, m.msg.ErrNumber)
	if !ok || !m.guard(&m.warned, f.value("topic")+" · "+f.value("group"), func(w string) { f.err = w }) {
		return nil
	}
	id := m.b.ID
	topic, group, leader, takers := f.value("topic"), f.value("group"), f.value("leader"), strings.Split(f.value("takers"), ",")
	return m.command(func(s Store, user string) (tea.Msg, error) {
		a, err := s.CreateArena(user, id, topic, date, group, int(pupils), leader, takers, int(minutes))
		return arenaOpenMsg{a.ID}, err
	})
}

// setRetention sets how long the board keeps arena notes.
func (m *arenaListScreen) setRetention(f *form) tea.Cmd {
	days, err := strconv.Atoi(f.value("days"))
	if err != nil || days < 1 || days > 3650 {
		f.field("days").err = m.msg.ErrNumber
		return nil
	}
	id := m.b.ID
	return m.write(func(s Store, user string) error { return s.SetRetention(user, id, days) }, fmt.Sprintf(m.msg.RetentionSetF, i18n.Count(days, m.msg.Words.NounDay)))
}

// arenaOpenMsg opens a leerlingarena just made.
type arenaOpenMsg struct{ id uint64 }
