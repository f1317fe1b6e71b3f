package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// boardScreen is the verbeterbord itself: six areas, the selection in
// each, the filter, the user's undo stack and the bordsessie bar.
type boardScreen struct {
	*Common
	keys     boardKeys
	help     help.Model
	helpLine string // the help line, drawn once per width: lipgloss is slow
	helpW    int
	area     int
	sel      map[board.Area]int
	filter   filter
	undo     []undoOp
	focusOn  *undoOp // select this item when the snapshot with it arrives
	meet     *meeting
}

func newBoardScreen(c *Common) *boardScreen {
	h := help.New()
	h.ShortSeparator = " · "
	m := &boardScreen{Common: c, keys: newBoardKeys(c.msg), help: h, sel: map[board.Area]int{}}
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
func (m *boardScreen) Keys() help.KeyMap { return m.keys }

// Update handles the board's keys and the bordsessie's messages.
func (m *boardScreen) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return m.boardKey(k)
	}
	return m.meet.update(msg)
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
		if id, ok := m.selectedID(old, a); ok {
			rows := m.rows(b, a)
			if i := slices.IndexFunc(rows, func(r row) bool { return r.id == id }); i >= 0 {
				m.sel[a] = i
				continue
			}
		}
		m.sel[a] = min(m.sel[a], max(len(m.rows(b, a))-1, 0))
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
	case key.Matches(k, m.keys.Quit):
		return tea.Quit
	case key.Matches(k, m.keys.Help):
		m.showHelp = true
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
		return m.openMeasure()
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
	case key.Matches(k, m.keys.Boards):
		m.screen = screenPicker
	}
	return nil
}

// click selects the area and row under the mouse.
func (m *boardScreen) click(ms tea.Mouse) tea.Cmd {
	m.focusOn = nil
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

func (m *boardScreen) edit() tea.Cmd {
	it := m.selected()
	if it == nil {
		return nil
	}
	if c, ok := it.(*board.CheckIn); ok {
		if !strings.EqualFold(c.Who, m.cfg.User) {
			return nil // only your own check-in
		}
		return m.openCheckIn()
	}
	return m.openItemForm(it.Area(), it)
}

// openItemForm opens the editor of an area, for a new item or a copy of
// one. An action added under a goal filter gets that goal.
func (m *boardScreen) openItemForm(area board.Area, it board.Item) tea.Cmd {
	goal := uint64(0)
	if m.filter.kind == filterGoal {
		goal = m.filter.goalID
	}
	f := m.itemForm(area, it, goal)
	f.submit = m.saveItem
	return m.openForm(f, 0)
}

// saveItem saves the item form in a command; the result comes back as a
// doneMsg or an errMsg that keeps the form open with the user's text.
func (m *boardScreen) saveItem(f *form) tea.Cmd {
	it, ok := m.build(f)
	if !ok {
		return nil
	}
	s, user, boardID, orig := m.cfg.Store, m.cfg.User, m.b.ID, f.orig
	return func() tea.Msg {
		if orig == nil {
			saved, err := s.Add(user, boardID, it)
			if err != nil {
				return errMsg{err}
			}
			undo := &undoOp{board: boardID, kind: undoDelete, area: saved.Area(), id: saved.Base().ID, seen: saved.Base().Version, label: saved.Label()}
			return doneMsg{status: fmt.Sprintf(m.msg.SavedF, saved.Label()), undo: undo, focus: undo}
		}
		saved, err := s.Update(user, boardID, it)
		if err != nil {
			return errMsg{err}
		}
		return doneMsg{status: fmt.Sprintf(m.msg.SavedF, saved.Label()), undo: revert(boardID, orig, saved)}
	}
}

func (m *boardScreen) delete() tea.Cmd {
	it := m.selected()
	if it == nil {
		return nil
	}
	if c, ok := it.(*board.CheckIn); ok && !strings.EqualFold(c.Who, m.cfg.User) {
		return nil
	}
	s, user, boardID := m.cfg.Store, m.cfg.User, m.b.ID
	return func() tea.Msg {
		if err := s.Delete(user, boardID, it.Area(), it.Base().ID, it.Base().Version); err != nil {
			return errMsg{err}
		}
		return doneMsg{status: fmt.Sprintf(m.msg.DeletedF, it.Label()), undo: &undoOp{board: boardID, kind: undoRestore, area: it.Area(), item: it, label: it.Label()}}
	}
}

// setStatusOf cycles the selected action's status, or sets it to *to.
func (m *boardScreen) setStatusOf(to *board.Status) tea.Cmd {
	a, ok := m.selected().(*board.Action)
	if !ok {
		return nil
	}
	old := *a
	next := a.Status.Next()
	if to != nil {
		next = *to
		if a.Status == next { // pressing done on a done action reopens it
			next = board.StatusTodo
		}
	}
	a.Status = next
	return m.update(&old, a, fmt.Sprintf(m.msg.StatusSetF, a.What, m.msg.Status(next)))
}

// update saves a changed copy of an item and remembers how to undo it.
func (m *boardScreen) update(old, changed board.Item, status string) tea.Cmd {
	s, user, boardID := m.cfg.Store, m.cfg.User, m.b.ID
	return func() tea.Msg {
		saved, err := s.Update(user, boardID, changed)
		if err != nil {
			return errMsg{err}
		}
		return doneMsg{status: status, undo: revert(boardID, old, saved)}
	}
}

func (m *boardScreen) popUndo() tea.Cmd {
	// The newest change on this board: changes on other boards wait until
	// the user is back there.
	i := len(m.undo) - 1
	for i >= 0 && m.undo[i].board != m.b.ID {
		i--
	}
	if i < 0 {
		m.setStatus(m.msg.NothingToUndo, false)
		return nil
	}
	op := m.undo[i]
	m.undo = slices.Delete(m.undo, i, i+1)
	s, user, boardID := m.cfg.Store, m.cfg.User, op.board
	done := doneMsg{status: fmt.Sprintf(m.msg.UndoneF, op.label), undone: true}
	return func() tea.Msg {
		var err error
		switch op.kind {
		case undoDelete:
			err = s.Delete(user, boardID, op.area, op.id, op.seen)
		case undoUpdate:
			_, err = s.Update(user, boardID, op.item)
		case undoRestore:
			_, err = s.Restore(user, boardID, op.item)
		case undoCheckIn:
			c := op.item.(*board.CheckIn)
			if c.Mood == "" {
				err = s.Delete(user, boardID, board.AreaCheckIn, op.id, op.seen)
			} else {
				_, err = s.SetCheckIn(user, boardID, c.Mood, c.Word)
			}
		}
		if err != nil {
			return errMsg{err}
		}
		return done
	}
}

func (m *boardScreen) pickGoal() tea.Cmd {
	a, ok := m.selected().(*board.Action)
	if !ok {
		return nil
	}
	opts := []string{m.msg.NoGoal}
	for _, g := range m.b.Goals {
		opts = append(opts, g.Title)
	}
	goals := slices.Clone(m.b.Goals)
	cur := slices.IndexFunc(goals, func(g board.Goal) bool { return g.ID == a.GoalID }) + 1
	m.choose = &chooser{title: m.msg.PickGoal, options: opts, cursor: cur, pick: func(i int) tea.Cmd {
		old, changed := *a, *a
		changed.GoalID = 0
		name := m.msg.NoGoal
		if i > 0 {
			changed.GoalID, name = goals[i-1].ID, goals[i-1].Title
		}
		return m.update(&old, &changed, fmt.Sprintf(m.msg.GoalLinkedF, name))
	}}
	return nil
}

func (m *boardScreen) pickFilter() {
	opts := []string{m.msg.FilterAll, m.msg.FilterMine, m.msg.FilterOverdue}
	goals := slices.Clone(m.b.Goals)
	for _, g := range goals {
		opts = append(opts, fmt.Sprintf(m.msg.FilterGoalF, g.Title))
	}
	m.choose = &chooser{title: m.msg.PickFilter, options: opts, pick: func(i int) tea.Cmd {
		switch {
		case i < 3:
			m.filter = filter{kind: filterKind(i)}
		default:
			m.filter = filter{kind: filterGoal, goalID: goals[i-3].ID}
		}
		m.area = slices.Index(board.Areas, board.AreaAction)
		m.sel[board.AreaAction] = 0
		return nil
	}}
}

// openCheckIn asks for this week's mood with a chooser: one key and done.
func (m *boardScreen) openCheckIn() tea.Cmd {
	m.area = slices.Index(board.Areas, board.AreaCheckIn)
	prev, had := m.b.CheckIn(m.cfg.User, board.WeekOf(m.now()))
	opts := make([]string, len(board.Moods))
	for i, md := range board.Moods {
		opts[i] = md.Symbol() + " " + m.msg.Mood(md)
	}
	m.choose = &chooser{title: m.msg.PickMood, options: opts, pick: func(i int) tea.Cmd {
		f := &form{title: m.msg.PickMood, submit: m.saveCheckIn}
		f.add("mood", m.msg.FieldMood, fMood, m.msg.HintMood, m.msg.Mood(board.Moods[i]))
		f.add("word", m.msg.FieldWord, fLine, "", prev.Word)
		return m.openForm(f, 1)
	}}
	if had {
		m.choose.cursor = slices.Index(board.Moods, prev.Mood)
	}
	return nil
}

func (m *boardScreen) saveCheckIn(f *form) tea.Cmd {
	mood, ok := m.parseMood(f.value("mood"))
	if !ok {
		f.field("mood").err = m.msg.HintMood
		return nil
	}
	s, user, boardID, word := m.cfg.Store, m.cfg.User, m.b.ID, f.value("word")
	prev, had := m.b.CheckIn(user, board.WeekOf(m.now()))
	return func() tea.Msg {
		c, err := s.SetCheckIn(user, boardID, mood, word)
		if err != nil {
			return errMsg{err}
		}
		undo := &undoOp{board: boardID, kind: undoCheckIn, area: board.AreaCheckIn, item: &board.CheckIn{}, id: c.ID, seen: c.Version, label: m.msg.PickMood}
		if had {
			undo.item = &prev
		}
		return doneMsg{status: fmt.Sprintf(m.msg.CheckedInF, mood.Symbol()+" "+m.msg.Mood(mood)), undo: undo}
	}
}

func (m *boardScreen) openMeasure() tea.Cmd {
	g, ok := m.selected().(*board.Goal)
	if !ok {
		return nil
	}
	f := &form{title: m.msg.MeasureTitle + ": " + g.Title, area: board.AreaGoal, orig: g, base: g.Version, submit: m.saveMeasure}
	f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, "vandaag")
	if m.msg.Lang == "en" {
		f.field("date").input.SetValue("today")
	}
	f.add("value", m.msg.FieldValue, fNumber, "", "")
	f.add("note", m.msg.FieldNote, fLine, "", "")
	return m.openForm(f, 1)
}

func (m *boardScreen) saveMeasure(f *form) tea.Cmd {
	f.clearErrors()
	d, err := board.ParseDate(f.value("date"), m.now())
	if err != nil {
		f.field("date").err = m.msg.ErrBadDate
		return nil
	}
	v, err := parseNumber(f.value("value"))
	if err != nil {
		f.field("value").err = m.msg.ErrNumber
		return nil
	}
	old := f.orig.(*board.Goal)
	g := *old
	in := board.Indicator{}
	if old.Indicator != nil {
		in = *old.Indicator
	}
	in.Measurements = append(slices.Clone(in.Measurements), board.Measurement{Date: d, Value: v, Note: f.value("note")})
	g.Indicator = &in
	g.Version = f.base
	return m.update(old, &g, fmt.Sprintf(m.msg.SavedF, g.Title))
}
