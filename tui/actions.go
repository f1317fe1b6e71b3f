package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// undoOp reverses one of the user's own changes.
type undoOp struct {
	board uint64 // the board it happened on: undo acts there and only there
	kind  undoKind
	area  board.Area
	item  board.Item // the item to restore or to put back
	id    uint64     // for undoDelete
	seen  uint64     // the version our change left, for undoDelete
	label string
}

type undoKind int

const (
	undoDelete  undoKind = iota // reverse an add
	undoUpdate                  // put the old values back
	undoRestore                 // reverse a delete
	undoCheckIn                 // put the old mood back
)

// boardKey handles a key on the board screen. During a bordsessie, moving
// to another area than the step's means looking elsewhere: the screen stops
// following the leader until v.
func (m *Model) boardKey(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.meetingKey(k); ok {
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

func (m *Model) boardKeyPlain(k tea.KeyPressMsg) tea.Cmd {
	area := board.Areas[m.area]
	rows := m.rows(m.b, area)
	switch {
	case key.Matches(k, m.keys.Quit):
		m.Close()
		return tea.Quit
	case key.Matches(k, m.keys.Help):
		m.showHelp = true
	case key.Matches(k, m.keys.NextArea):
		m.area = (m.area + 1) % len(board.Areas)
	case key.Matches(k, m.keys.PrevArea):
		m.area = (m.area + len(board.Areas) - 1) % len(board.Areas)
	case len(k.String()) == 1 && k.String() >= "1" && k.String() <= "6":
		m.area = int(k.String()[0] - '1')
	case key.Matches(k, m.keys.Up):
		m.sel[area] = max(m.sel[area]-1, 0)
	case key.Matches(k, m.keys.Down):
		m.sel[area] = max(min(m.sel[area]+1, len(rows)-1), 0)
	case k.String() == "home":
		m.sel[area] = 0
	case k.String() == "end":
		m.sel[area] = max(len(rows)-1, 0)
	case key.Matches(k, m.keys.Add):
		if area == board.AreaCheckIn {
			return m.openCheckIn()
		}
		m.form = m.itemForm(area, nil)
		return m.form.setFocus(0)
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
	case k.String() == "R":
		m.screen, m.rs.list = screenRetros, 0
	case k.String() == "A":
		m.screen, m.as.list = screenArenas, 0
	case key.Matches(k, m.keys.Boards):
		m.screen = screenPicker
		return m.loadBoards(0, false)
	}
	return nil
}

func (m *Model) click(ms tea.Mouse) tea.Cmd {
	if m.screen != screenBoard || m.form != nil || m.choose != nil || ms.Button != tea.MouseLeft {
		return nil
	}
	m.showHelp = false
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

// itemForm opens the editor of an area, for a new item or a copy of it.
func (m *Model) itemForm(area board.Area, it board.Item) *form {
	name := m.msg.Area(area)
	f := &form{kind: formItem, area: area, orig: it, title: fmt.Sprintf(m.msg.FormAddF, name)}
	if it != nil {
		f.title = fmt.Sprintf(m.msg.FormEditF, name)
		f.base = it.Base().Version
	}
	members := m.b.Team.MemberNames()
	switch area {
	case board.AreaAction:
		a, _ := it.(*board.Action)
		if a == nil {
			a = &board.Action{Who: m.cfg.User}
			if m.filter.kind == filterGoal {
				a.GoalID = m.filter.goalID
			}
		}
		f.add("what", m.msg.FieldWhat, fLine, "", a.What)
		f.add("who", m.msg.FieldWho, fWho, m.msg.HintWho, a.Who)
		f.add("when", m.msg.FieldWhen, fDate, m.msg.HintDate, dateOr(a.When, m))
		goal := ""
		if g, ok := m.b.Goal(a.GoalID); ok {
			goal = g.Title
		}
		f.add("goal", m.msg.FieldGoal, fGoal, m.msg.HintGoal, goal)
		titles := make([]string, len(m.b.Goals))
		for i, g := range m.b.Goals {
			titles[i] = g.Title
		}
		suggest(f.field("goal"), titles)
	case board.AreaGoal:
		g, _ := it.(*board.Goal)
		if g == nil {
			g = &board.Goal{}
		}
		f.add("title", m.msg.FieldTitle, fLine, "", g.Title)
		f.add("why", m.msg.FieldWhy, fText, "", g.Why)
		f.add("by_when", m.msg.FieldByWhen, fDate, m.msg.HintDate, dateOr(g.ByWhen, m))
		f.add("measure", m.msg.FieldMeasure, fText, "", g.Measure)
		unit, baseline, target := "", "", ""
		if in := g.Indicator; in != nil {
			unit, baseline, target = in.Unit, num(in.Baseline), num(in.Target)
		}
		f.add("unit", m.msg.FieldUnit, fLine, "", unit)
		f.add("baseline", m.msg.FieldBaseline, fNumber, "", baseline)
		f.add("target", m.msg.FieldTarget, fNumber, "", target)
	case board.AreaSuccess:
		s, _ := it.(*board.Success)
		if s == nil {
			s = &board.Success{Who: m.cfg.User}
		}
		f.add("text", m.msg.FieldText, fText, "", s.Text)
		f.add("who", m.msg.FieldWho, fWho, m.msg.HintWho, s.Who)
	case board.AreaPlanning:
		p, _ := it.(*board.PlanItem)
		if p == nil {
			p = &board.PlanItem{}
		}
		f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, dateOr(p.Date, m))
		f.add("text", m.msg.FieldText, fLine, "", p.Text)
		f.add("who", m.msg.FieldWho, fWho, m.msg.HintWho, p.Who)
	case board.AreaParking:
		p, _ := it.(*board.Parking)
		if p == nil {
			p = &board.Parking{}
		}
		f.add("text", m.msg.FieldText, fText, "", p.Text)
	}
	if fl := f.field("who"); fl != nil {
		suggest(fl, members)
	}
	return f
}

func suggest(fl *field, values []string) {
	fl.input.ShowSuggestions = true
	fl.input.SetSuggestions(values)
}

func (m *Model) edit() tea.Cmd {
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
	m.form = m.itemForm(it.Area(), it)
	return m.form.setFocus(0)
}

// submit saves the open form in a command; the result comes back as a
// doneMsg or an errMsg that keeps the form open with the user's text.
func (m *Model) submit() tea.Cmd {
	f := m.form
	switch f.kind {
	case formNewBoard:
		return m.createBoard(f)
	case formCheckIn:
		return m.saveCheckIn(f)
	case formMeasure:
		return m.saveMeasure(f)
	case formMeeting:
		return m.startMeeting(f)
	case formRetro, formCard, formGroup, formRetroAction, formRetroTimer:
		return m.submitRetro(f)
	case formArena, formQuestion, formTheme, formIdea, formPromote, formReportBack, formRetention:
		return m.submitArena(f)
	}
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

// revert is the undo of an update: the old values at the new version.
func revert(boardID uint64, old, saved board.Item) *undoOp {
	back := board.NewItem(old.Area())
	copyItem(back, old)
	back.Base().Version = saved.Base().Version
	return &undoOp{board: boardID, kind: undoUpdate, area: old.Area(), item: back, label: saved.Label()}
}

func copyItem(dst, src board.Item) {
	switch d := dst.(type) {
	case *board.Action:
		*d = *src.(*board.Action)
	case *board.Goal:
		*d = *src.(*board.Goal)
	case *board.Success:
		*d = *src.(*board.Success)
	case *board.PlanItem:
		*d = *src.(*board.PlanItem)
	case *board.Parking:
		*d = *src.(*board.Parking)
	case *board.CheckIn:
		*d = *src.(*board.CheckIn)
	}
}

func (m *Model) delete() tea.Cmd {
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
func (m *Model) setStatusOf(to *board.Status) tea.Cmd {
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
func (m *Model) update(old, changed board.Item, status string) tea.Cmd {
	s, user, boardID := m.cfg.Store, m.cfg.User, m.b.ID
	return func() tea.Msg {
		saved, err := s.Update(user, boardID, changed)
		if err != nil {
			return errMsg{err}
		}
		return doneMsg{status: status, undo: revert(boardID, old, saved)}
	}
}

func (m *Model) popUndo() tea.Cmd {
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

// chooser is a small list to pick one option from: a goal, a filter.
type chooser struct {
	title   string
	options []string
	cursor  int
	pick    func(i int) tea.Cmd
}

func (m *Model) chooseKey(k tea.KeyPressMsg) tea.Cmd {
	c := m.choose
	switch s := k.String(); {
	case s == "esc" || s == "q":
		m.choose = nil
	case key.Matches(k, m.keys.Up):
		c.cursor = max(c.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		c.cursor = min(c.cursor+1, len(c.options)-1)
	case s == "enter" || s == "space":
		m.choose = nil
		return c.pick(c.cursor)
	case len(s) == 1 && s >= "1" && s <= "9":
		if i := int(s[0] - '1'); i < len(c.options) {
			m.choose = nil
			return c.pick(i)
		}
	}
	return nil
}

func (m *Model) viewChooser() string {
	c := m.choose
	lines := []string{m.st.title.Render(c.title), ""}
	for i, o := range c.options {
		line := fmt.Sprintf("%d  %s", i+1, o)
		if i >= 9 {
			line = "   " + o
		}
		if i == c.cursor {
			line = m.st.selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", m.st.dim.Render(fmt.Sprintf("enter %s · esc %s", m.msg.KeyPick, m.msg.KeyCancel)))
	return box(lines, min(m.width-4, 80), m.st.focusBorder)
}

func (m *Model) pickGoal() tea.Cmd {
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

func (m *Model) pickFilter() {
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
func (m *Model) openCheckIn() tea.Cmd {
	m.area = slices.Index(board.Areas, board.AreaCheckIn)
	prev, had := m.b.CheckIn(m.cfg.User, board.WeekOf(m.now()))
	opts := make([]string, len(board.Moods))
	for i, md := range board.Moods {
		opts[i] = md.Symbol() + " " + m.msg.Mood(md)
	}
	m.choose = &chooser{title: m.msg.PickMood, options: opts, pick: func(i int) tea.Cmd {
		f := &form{kind: formCheckIn, title: m.msg.PickMood}
		f.add("mood", m.msg.FieldMood, fMood, m.msg.HintMood, m.msg.Mood(board.Moods[i]))
		f.add("word", m.msg.FieldWord, fLine, "", prev.Word)
		m.form = f
		return f.setFocus(1)
	}}
	if had {
		m.choose.cursor = slices.Index(board.Moods, prev.Mood)
	}
	return nil
}

func (m *Model) saveCheckIn(f *form) tea.Cmd {
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

func (m *Model) openMeasure() tea.Cmd {
	g, ok := m.selected().(*board.Goal)
	if !ok {
		return nil
	}
	f := &form{kind: formMeasure, title: m.msg.MeasureTitle + ": " + g.Title, area: board.AreaGoal, orig: g, base: g.Version}
	f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, "vandaag")
	if m.msg.Lang == "en" {
		f.field("date").input.SetValue("today")
	}
	f.add("value", m.msg.FieldValue, fNumber, "", "")
	f.add("note", m.msg.FieldNote, fLine, "", "")
	m.form = f
	return f.setFocus(1)
}

func (m *Model) saveMeasure(f *form) tea.Cmd {
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
