package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
)

type boardEntry struct {
	info board.Info
	team string
}

// pickerScreen lists the boards this person may open.
type pickerScreen struct {
	*Common
	keys    listKeys
	boards  []boardEntry
	cursor  int
	openCmd func(id uint64) tea.Cmd // the shell opens the board
}

func newPicker(c *Common, open func(uint64) tea.Cmd) *pickerScreen {
	return &pickerScreen{Common: c, keys: newPickerKeys(c.msg), openCmd: open}
}

func (m *pickerScreen) Title() string     { return m.msg.PickerTitle }
func (m *pickerScreen) Keys() help.KeyMap { m.keys.Back.SetEnabled(m.b != nil); return m.keys }

// enter reloads the list when the user comes from a board to pick another.
func (m *pickerScreen) enter(from screenID) tea.Cmd {
	if from == screenBoard {
		return m.load(0, false)
	}
	return nil
}

// load lists the boards of the store's teams and opens board open, if not
// 0. With only set, it also opens the only board there is (at start, not
// when the user asked for the picker). Which teams there are is the store's
// answer: over SSH it is the member's view and lists only their teams.
func (m *pickerScreen) load(open uint64, only bool) tea.Cmd {
	return m.command(func(s Store, _ string) (tea.Msg, error) {
		var entries []boardEntry
		if err := eachBoard(s, func(t board.Team, in board.Info) error {
			entries = append(entries, boardEntry{info: in, team: t.Name})
			return nil
		}); err != nil {
			return nil, err
		}
		if open == 0 && only && len(entries) == 1 {
			open = entries[0].info.ID
		}
		msg := boardsMsg{entries: entries, open: open}
		if len(entries) == 0 {
			duos, err := s.Duos()
			msg.duos = len(duos)
			return msg, err
		}
		return msg, nil
	})
}

func (m *pickerScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	m.keys.Back.SetEnabled(m.b != nil)
	switch {
	case moveSel(k, m.keys.Up, m.keys.Down, m.keys.Page, &m.cursor, len(m.boards), m.listPage()):
	case key.Matches(k, m.keys.Open):
		if m.cursor < len(m.boards) {
			return m.openCmd(m.boards[m.cursor].info.ID)
		}
	case key.Matches(k, m.keys.New):
		return m.openForm(m.newBoardForm(), 0)
	case key.Matches(k, m.keys.Extra):
		m.screen = screenDuos
	case key.Matches(k, m.keys.Back):
		m.screen = screenBoard
	case key.Matches(k, m.keys.Quit):
		return tea.Quit
	}
	return nil
}

func (m *pickerScreen) View() string {
	items := make([]string, len(m.boards))
	for i, e := range m.boards {
		items[i] = fmt.Sprintf("%s — %s", e.team, e.info.Name)
	}
	return m.listScreen(m.st.header.Render("bord · "+m.msg.PickerTitle), items, m.cursor, "")
}

func (m *pickerScreen) newBoardForm() *form {
	f := &form{title: m.msg.NewBoard[3:], submit: m.createBoard}
	f.add("team", m.msg.FieldTeam, fLine, "", "")
	f.add("board", m.msg.FieldBoard, fLine, "", "")
	f.limitTo("team", nameLimit)
	f.limitTo("board", nameLimit)
	f.add("members", m.msg.FieldMembers, fLine, m.msg.HintMembers, m.cfg.User)
	return f
}

func (m *pickerScreen) createBoard(f *form) tea.Cmd {
	s, user := m.cfg.Store, m.cfg.User
	teamName, boardName := f.value("team"), f.value("board")
	members := append([]string{user}, strings.Split(f.value("members"), ",")...)
	if boardName == "" {
		boardName = teamName
	}
	return func() tea.Msg {
		t, err := s.CreateTeam(user, teamName, members...)
		if errors.Is(err, board.ErrExists) {
			// A board for a team of ours that exists already. The store
			// lists only the teams we may reach.
			teams, terr := s.Teams()
			if terr != nil {
				return errMsg{terr}
			}
			for _, other := range teams {
				if strings.EqualFold(other.Name, board.CleanName(teamName)) {
					t, err = other, nil
				}
			}
		}
		if err != nil {
			return errMsg{err}
		}
		info, err := s.CreateBoard(user, t.ID, boardName)
		if err != nil {
			return errMsg{err}
		}
		return createdMsg{info.ID}
	}
}

// welcomeScreen is the first screen of an empty store: make the demo, make
// a board, or leave.
type welcomeScreen struct {
	*Common
	picker *pickerScreen
}

func (m welcomeScreen) Title() string     { return "bord" }
func (m welcomeScreen) Keys() help.KeyMap { return newWelcomeKeys(m.msg) }

func (m welcomeScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	keys := newWelcomeKeys(m.msg)
	switch {
	case key.Matches(k, keys.Demo):
		lang := string(m.msg.Lang)
		return m.command(func(s Store, user string) (tea.Msg, error) {
			info, err := s.CreateDemoIn(lang, user)
			return createdMsg{info.ID}, err
		})
	case key.Matches(k, keys.New):
		return m.openForm(m.picker.newBoardForm(), 0)
	case key.Matches(k, keys.Quit):
		return tea.Quit
	}
	return nil
}

func (m welcomeScreen) View() string {
	lines := []string{m.st.header.Render("bord"), ""}
	lines = append(lines, strings.Split(ansi.Wrap(m.msg.DemoOffer, m.width, ""), "\n")...) // read in full
	lines = append(lines, "",
		m.st.key.Render(m.msg.DemoYes),
		m.st.key.Render(m.msg.NewBoard),
		m.st.key.Render(m.msg.Quit),
	)
	return block(lines, m.width, m.bodyHeight())
}
