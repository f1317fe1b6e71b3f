package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// list is the screen shape the lists of retrospectives and leerlingarena's
// share: items newest first, a cursor, open, new, back to the board.
type list struct {
	*Common
	keys    listKeys
	title   string
	cursor  int
	open    func(id uint64)
	items   func() (lines []string, ids []uint64)
	newForm func() *form
	extra   func() tea.Cmd // the Extra key, when the list has one
	empty   string
}

func newList(c *Common, title string, open func(uint64), back ...string) *list {
	return &list{Common: c, keys: newListKeys(c.msg, back...), title: title, open: open}
}

func (m *list) Title() string     { return m.title }
func (m *list) Keys() help.KeyMap { return m.keys }

// enter starts at the top when the user comes from the board.
func (m *list) enter(from screenID) tea.Cmd {
	if from == screenBoard {
		m.cursor = 0
	}
	return nil
}

func (m *list) View() string {
	items, _ := m.items()
	return m.listScreen(m.st.header.Render(m.title)+" · "+m.b.Name, items, m.cursor, m.empty)
}

func (m *list) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	_, ids := m.items()
	switch {
	case moveSel(k, m.keys.Up, m.keys.Down, m.keys.Page, &m.cursor, len(ids), m.listPage()):
	case key.Matches(k, m.keys.Open):
		if m.cursor < len(ids) {
			m.open(ids[m.cursor])
		}
	case key.Matches(k, m.keys.New):
		return m.openForm(m.newForm(), 0)
	case key.Matches(k, m.keys.Extra) && m.extra != nil:
		return m.extra()
	case key.Matches(k, m.keys.Back):
		m.screen = screenBoard
	}
	return nil
}
