package tui

import (
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// Recurring arenas (H): how many weeks after this one the next is held.
// The store makes the next one when this one is reported back
// (board/recurring.go); the planning panel flags one whose day passed.

// askRepeat opens the form of the number of weeks.
func (m *arenaScreen) askRepeat(a *board.Arena) tea.Cmd {
	if !a.Open() {
		m.setStatus(m.msg.Err(board.ErrReported), true)
		return nil
	}
	h := m.msg.Handover
	weeks := a.RepeatWeeks
	if weeks == 0 {
		weeks = 12
	}
	f := &form{title: h.RepeatTitle, submit: m.saveRepeat}
	f.add("weeks", h.FieldRepeatWeeks, fNumber, h.HintRepeatWeeks, strconv.Itoa(weeks))
	return m.openForm(f, 0)
}

func (m *arenaScreen) saveRepeat(f *form) tea.Cmd {
	h := m.msg.Handover
	n, ok := f.number("weeks", 0, board.MaxRepeatWeeks, h.HintRepeatWeeks)
	if !ok {
		return nil
	}
	status := fmt.Sprintf(h.RepeatSetF, int(n))
	if n == 0 {
		status = h.RepeatOff
	}
	return m.changeArena(board.ArenaOp{Kind: board.OpRepeat, Delta: int(n)}, status)
}

// nextPlanText is the planning line of a recurring arena's next one.
func (m *arenaScreen) nextPlanText() string {
	if a := m.arena(); a != nil {
		return m.msg.Arena + ": " + a.Topic
	}
	return ""
}

// repeatMark is the header's "every n weeks", or "".
func (m *arenaScreen) repeatMark(a *board.Arena) string {
	if a.RepeatWeeks == 0 {
		return ""
	}
	return " · " + fmt.Sprintf(m.msg.Handover.RepeatEveryF, a.RepeatWeeks)
}

// overdueArenas is the planning panel's flag of arenas whose day passed
// while nobody held them, or "". Short, for a narrow panel: the arena
// list names them.
func (m *boardScreen) overdueArenas() string {
	for _, a := range m.b.Arenas {
		if a.Overdue(m.now()) {
			return m.st.warn.Render(m.msg.Handover.ArenaOverdue)
		}
	}
	return ""
}

// arenaMarks is what the arena list adds to an arena's status: overdue,
// and every how many weeks it repeats.
func (m *arenaListScreen) arenaMarks(a *board.Arena) string {
	var s string
	if a.Overdue(m.now()) {
		s += " · " + m.msg.Handover.NotHeld
	}
	if a.RepeatWeeks > 0 {
		s += " · " + fmt.Sprintf(m.msg.Handover.RepeatEveryF, a.RepeatWeeks)
	}
	return s
}
