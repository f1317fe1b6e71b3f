package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The board's edits: the item form and its save, delete, status, undo, the
// goal and filter pickers, the check-in and measurements.

func (m *boardScreen) delete() tea.Cmd {
	it := m.selected()
	if it == nil {
		return nil
	}
	if c, ok := it.(*board.CheckIn); ok && !strings.EqualFold(c.Who, m.cfg.User) {
		return nil
	}
	s, user, boardID := m.cfg.Store, m.cfg.User, m.b.ID
	del := func() tea.Cmd {
		return func() tea.Msg {
			if err := s.Delete(user, boardID, it.Area(), it.Base().ID, it.Base().Version); err != nil {
				return errMsg{err}
			}
			return doneMsg{status: fmt.Sprintf(m.msg.DeletedF, it.Label()), undo: &undoOp{board: boardID, kind: undoRestore, area: it.Area(), item: it, label: it.Label()}}
		}
	}
	if g, ok := it.(*board.Goal); ok {
		// Its open actions lose their goal: say so and ask first.
		if n := m.b.OpenActionsOf(g.ID); n > 0 {
			m.confirm(fmt.Sprintf(m.msg.DeleteGoalAskF, i18n.Count(n, m.msg.Words.NounOpenAction)), del)
			return nil
		}
	}
	return del()
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
			return undoFailedMsg{op: op, err: err}
		}
		return done
	}
}

// undoFailedMsg: an undo could not be done. It goes back on the stack, so
// the next u tries it again instead of undoing something older.
type undoFailedMsg struct {
	op  undoOp
	err error
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
		f.limitTo("word", shortLimit)
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

func (m *boardScreen) measure() tea.Cmd {
	g, ok := m.selected().(*board.Goal)
	if !ok {
		return nil
	}
	return newGoalForms(m.Common).openMeasure(g)
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
	// again is the user's text on the item a colleague deleted under this
	// form: if the delete was undone since, the save changes the restored
	// item instead of adding a second copy. Only the store knows by now.
	var again board.Item
	if f.gone != nil {
		f.orig = f.gone
		back, ok := m.build(f)
		f.orig = nil
		if !ok {
			return nil
		}
		again = back
	}
	it, ok := m.build(f)
	if !ok {
		return nil
	}
	f.mine = it
	s, user, boardID, orig, forced := m.cfg.Store, m.cfg.User, m.b.ID, f.orig, f.forced
	// added is the news of an item made (or back under its own id): undo
	// deletes it, and the selection follows it. changed is the news of an
	// edit: undo puts orig back.
	added := func(saved board.Item) tea.Msg {
		undo := &undoOp{board: boardID, kind: undoDelete, area: saved.Area(), id: saved.Base().ID, seen: saved.Base().Version, label: saved.Label()}
		return doneMsg{status: fmt.Sprintf(m.msg.SavedF, saved.Label()), undo: undo, focus: undo}
	}
	changed := func(orig, saved board.Item) tea.Msg {
		return doneMsg{status: fmt.Sprintf(m.msg.SavedF, saved.Label()), undo: revert(boardID, orig, saved)}
	}
	return func() tea.Msg {
		if orig == nil && again != nil {
			b, err := s.Board(boardID)
			if err != nil {
				return errMsg{err}
			}
			cur := b.Find(again.Area(), again.Base().ID)
			if cur == nil {
				// Still gone: it comes back under its own id. Should an
				// undo bring it back in the meantime, the store answers
				// with a conflict, never with a second copy.
				saved, err := s.ChangeItem(user, boardID, board.ItemOp{Kind: board.ItemResave, Item: again})
				if err != nil {
					return errMsg{err}
				}
				return added(saved)
			}
			again.Base().Version = cur.Base().Version
			orig, it = cur, again
		}
		if forced && orig != nil {
			// Saved over a conflict: only the fields this user changed
			// from what they started with are written, so a colleague's
			// change to another field stays.
			saved, err := s.ChangeItem(user, boardID, board.ItemOp{Kind: board.ItemForce, Item: it, Base: orig})
			if err != nil {
				return errMsg{err}
			}
			return changed(orig, saved)
		}
		if orig == nil {
			saved, err := s.Add(user, boardID, it)
			if err != nil {
				return errMsg{err}
			}
			return added(saved)
		}
		saved, err := s.Update(user, boardID, it)
		if err != nil {
			return errMsg{err}
		}
		return changed(orig, saved)
	}
}
