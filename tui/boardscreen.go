package tui

import (
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// boardScreen is the verbeterbord itself: six areas, the selection in
// each, the filter, the user's undo stack and the bordsessie bar.
type boardScreen struct {
	*Common
	keys boardKeys
	area int
	sel  map[board.Area]int
	areaRows
	undo    []undoOp
	focusOn *undoOp // select this item when the snapshot with it arrives
	meet    *meeting
	// openGoal shows a goal's detail (goaldetail.go).
	openGoal func(id uint64, from screenID)
	// present shows the step's area on its own, large (present.go).
	present bool
	// band is the wide layout's top band height, kept (boardwrap.go).
	band struct {
		key bandKey
		top int
	}
}

func newBoardScreen(c *Common) *boardScreen {
	m := &boardScreen{Common: c, areaRows: areaRows{Common: c}, keys: newBoardKeys(c.msg), sel: map[board.Area]int{}}
	m.area = slices.Index(board.Areas, board.AreaAction)
	m.meet = newMeeting(c, &m.area)
	return m
}

func (m *boardScreen) Title() string {
	if m.b == nil {
		return "bord"
	}
	return m.b.Name
}
func (m *boardScreen) Keys() help.KeyMap {
	k := m.keys
	if m.b != nil {
		mt := m.b.Meeting()
		k.inSession = mt != nil && !mt.Stale(m.now())
	}
	return k
}

// Update handles the board's keys and the bordsessie's messages.
func (m *boardScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.boardKey(msg)
	case focusMsg:
		// Another screen sends the user to an item on the board.
		rows := m.rows(m.b, msg.area)
		if i := slices.IndexFunc(rows, func(r row) bool { return r.id == msg.id }); i >= 0 {
			m.filter = filter{}
			m.area = slices.Index(board.Areas, msg.area)
			m.sel[msg.area] = i
		} else if m.filter.kind != filterAll {
			m.filter = filter{} // hidden by the filter: show all and look again
			return func() tea.Msg { return msg }
		}
		m.area = slices.Index(board.Areas, msg.area)
		m.screen = screenBoard
		return nil
	case undoFailedMsg:
		m.undo = append(m.undo, msg.op)
		m.setStatus(m.msg.Err(msg.err), true)
		return nil
	}
	return m.meet.update(msg)
}

// focusMsg asks the board screen to show and select an item.
type focusMsg struct {
	area board.Area
	id   uint64
}

// sync follows a new snapshot: the bordsessie's step and timer.
func (m *boardScreen) sync() tea.Cmd { return m.meet.sync() }

func (m *boardScreen) ticks() bool { return m.b != nil && m.b.Meeting() != nil }

// done takes a finished write's undo and the item to select.
func (m *boardScreen) done(msg doneMsg) {
	if msg.undo != nil && !msg.undone {
		m.undo = append(m.undo, *msg.undo)
	}
	m.focusOn = msg.focus
}

// setBoard shows a newer snapshot and keeps each area's selection on the
// same item, so a colleague's change never moves the user's cursor; then
// it selects the item the user just added, once it is on screen.
func (m *boardScreen) setBoard(b *board.Board) {
	old := m.b
	for _, a := range board.Areas {
		rows := m.rows(b, a)
		if id, ok := m.selectedID(old, a); ok {
			if i := slices.IndexFunc(rows, func(r row) bool { return r.id == id }); i >= 0 {
				m.sel[a] = i
				continue
			}
		}
		m.sel[a] = min(m.sel[a], max(len(rows)-1, 0))
	}
	m.b = b
	if f := m.focusOn; f != nil {
		rows := m.rows(m.b, f.area)
		if i := slices.IndexFunc(rows, func(r row) bool { return r.id == f.id }); i >= 0 {
			m.area = slices.Index(board.Areas, f.area)
			m.sel[f.area] = i
			m.focusOn = nil
		}
	}
}

// boardKey handles a key on the board screen. During a bordsessie, moving
// to another area than the step's means looking elsewhere: the screen stops
// following the leader until v.
func (m *boardScreen) boardKey(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.meet.key(k); ok {
		return cmd
	}
	before := m.area
	cmd := m.boardKeyPlain(k)
	if mt := m.b.Meeting(); mt != nil && m.area != before {
		if a, ok := mt.Step.Area(); !ok || board.Areas[m.area] != a {
			m.meet.follow = false
		}
	}
	return cmd
}

func (m *boardScreen) boardKeyPlain(k tea.KeyPressMsg) tea.Cmd {
	area := board.Areas[m.area]
	rows := m.rows(m.b, area)
	switch {
	case key.Matches(k, m.keys.Present):
		// esc only ends the presentation; p starts and ends it.
		m.present = !m.present && k.String() != "esc"
	case key.Matches(k, m.keys.Quit):
		return tea.Quit
	case key.Matches(k, m.keys.NextArea):
		m.area = (m.area + 1) % len(board.Areas)
	case key.Matches(k, m.keys.PrevArea):
		m.area = (m.area + len(board.Areas) - 1) % len(board.Areas)
	case key.Matches(k, m.keys.AreaN):
		m.area = int(k.String()[0] - '1')
	case key.Matches(k, m.keys.Up):
		m.sel[area] = max(m.sel[area]-1, 0)
	case key.Matches(k, m.keys.Down):
		m.sel[area] = max(min(m.sel[area]+1, len(rows)-1), 0)
	case key.Matches(k, m.keys.Page):
		m.sel[area] = paged(k, m.sel[area], len(rows), m.pageRows())
	case key.Matches(k, m.keys.FirstLast):
		m.sel[area] = 0
		if k.String() == "end" {
			m.sel[area] = max(len(rows)-1, 0)
		}
	case key.Matches(k, m.keys.Add):
		if area == board.AreaCheckIn {
			return m.openCheckIn()
		}
		return m.openItemForm(area, nil)
	case key.Matches(k, m.keys.Edit):
		return m.edit()
	case key.Matches(k, m.keys.Delete):
		return m.delete()
	case key.Matches(k, m.keys.Status):
		return m.setStatusOf(nil)
	case key.Matches(k, m.keys.Done):
		s := board.StatusDone
		return m.setStatusOf(&s)
	case key.Matches(k, m.keys.Drop):
		s := board.StatusDropped
		return m.setStatusOf(&s)
	case key.Matches(k, m.keys.Goal):
		return m.pickGoal()
	case key.Matches(k, m.keys.Measure):
		return m.measure()
	case key.Matches(k, m.keys.Filter):
		m.pickFilter()
	case key.Matches(k, m.keys.Undo):
		return m.popUndo()
	case key.Matches(k, m.keys.CheckIn):
		return m.openCheckIn()
	case key.Matches(k, m.keys.Retros):
		m.screen = screenRetros
	case key.Matches(k, m.keys.Arenas):
		m.screen = screenArenas
	case key.Matches(k, m.keys.Duos):
		m.screen = screenDuos
	case key.Matches(k, m.keys.Boards):
		m.screen = screenPicker
	case key.Matches(k, m.keys.Plan):
		m.screen = screenPlan
	case key.Matches(k, m.keys.GoalDetail):
		if g, ok := m.selected().(*board.Goal); ok {
			m.openGoal(g.ID, screenBoard)
		}
	case key.Matches(k, m.keys.Member):
		return m.memberForm()
	}
	return nil
}

// click selects the area and row under the mouse.
func (m *boardScreen) click(ms tea.Mouse) tea.Cmd {
	m.focusOn = nil
	if m.present {
		return nil // no panels under the pointer
	}
	area, rowIdx, ok := m.areaAt(ms.X, ms.Y)
	if !ok {
		return nil
	}
	if mt := m.b.Meeting(); mt != nil && area != m.area {
		if sa, ok := mt.Step.Area(); !ok || board.Areas[area] != sa {
			m.meet.follow = false
		}
	}
	m.area = area
	a := board.Areas[area]
	if n := len(m.rows(m.b, a)); rowIdx >= 0 && rowIdx < n {
		m.sel[a] = rowIdx
	}
	return nil
}
