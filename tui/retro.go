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

// retroScreen is one open retrospective: columns of cards through the
// phases, or one list in the phases that read as one.
type retroScreen struct {
	*Common
	keys retroKeys
	rs   retroState
}

func newRetroScreen(c *Common) *retroScreen {
	return &retroScreen{Common: c, keys: newRetroKeys(c.msg), rs: retroState{sel: map[int]int{}}}
}

func (m *retroScreen) Title() string     { return m.msg.Retro }
func (m *retroScreen) Keys() help.KeyMap { return m.keys }

// open shows retrospective id from its first column.
func (m *retroScreen) open(id uint64) {
	m.rs = retroState{id: id, sel: map[int]int{}}
	m.screen = screenRetro
}

func (m *retroScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.key(msg)
	case errMsg:
		m.rs.busy = false
	case retroOpenMsg:
		m.form = nil
		m.open(msg.id)
		return m.loadSnapshot(m.b.ID)
	}
	return nil
}

// sync notes that the retrospective caught up with the facilitator.
func (m *retroScreen) sync() tea.Cmd {
	if r := m.retro(); r != nil && m.rs.busy && r.PhaseIndex() == m.rs.asked {
		m.rs.busy = false
	}
	return nil
}

// ticks is true while a phase timer runs on screen.
func (m *retroScreen) ticks() bool {
	r := m.retro()
	return m.screen == screenRetro && r != nil && r.Running() && r.PhaseMinutes > 0
}

// changeRetro sends one op to the store.
func (m *retroScreen) changeRetro(op board.RetroOp, status string) tea.Cmd {
	boardID, id := m.b.ID, m.rs.id
	return m.write(func(s Store, user string) error { _, err := s.ChangeRetro(user, boardID, id, op); return err }, status)
}

func (m *retroScreen) key(k tea.KeyPressMsg) tea.Cmd {
	r := m.retro()
	if r == nil {
		m.screen = screenRetros
		return nil
	}
	flat := flatPhase(r.Phase)
	rows := m.flatRows(r)
	if !flat {
		rows = m.columnRows(r, m.rs.col)
	}
	sel := &m.rs.flat
	if !flat {
		v := m.rs.sel[m.rs.col]
		sel = &v
		defer func() { m.rs.sel[m.rs.col] = v }()
	}
	if m.recordKey(k, m.keys.recordKeys, screenRetros, func() { m.handRetro(r) }, sel, len(rows)) {
		return nil
	}
	row, hasRow := m.selectedRow(r)
	is := func(bs ...key.Binding) bool { return key.Matches(k, bs...) }
	switch s := k.String(); {
	case is(m.keys.NextCol) && !flat:
		m.rs.sel[m.rs.col] = *sel
		m.rs.col = (m.rs.col + 1) % r.ColumnCount()
		*sel = m.rs.sel[m.rs.col]
	case is(m.keys.PrevCol) && !flat:
		m.rs.sel[m.rs.col] = *sel
		m.rs.col = (m.rs.col + r.ColumnCount() - 1) % r.ColumnCount()
		*sel = m.rs.sel[m.rs.col]
	case is(m.keys.Column) && int(s[0]-'1') < r.ColumnCount():
		m.rs.sel[m.rs.col] = *sel
		m.rs.col = int(s[0] - '1')
		*sel = m.rs.sel[m.rs.col]
	case is(m.keys.Phase, m.keys.Timer) && !r.Running():
		m.setStatus(m.msg.RetroClosed, true)
	case is(m.keys.Phase, m.keys.Timer) && !strings.EqualFold(r.Facilitator, m.cfg.User):
		// Said here, before a form or a write: only the facilitator moves
		// the phases and sets the timer.
		m.setStatus(m.msg.Err(board.ErrNotFacilitator), true)
	case is(m.keys.Phase):
		i := r.PhaseIndex()
		if m.rs.busy && i != m.rs.asked {
			i = m.rs.asked
		}
		// From is where this screen stood: the store may save quick presses
		// out of order, and uses it to ignore one a later press overtook.
		from := board.Phases[i]
		if s == "]" {
			i = min(i+1, len(board.Phases)-1)
		} else {
			i = max(i-1, 0)
		}
		to, id := board.Phases[i], m.rs.id
		move := func() tea.Cmd {
			if m.rs.id != id {
				return nil // the answer came after another retrospective opened
			}
			m.rs.flat = 0
			m.rs.asked, m.rs.busy = i, true
			return m.changeRetro(board.RetroOp{Kind: board.OpPhase, From: from, Phase: to}, m.phaseName(to))
		}
		if to == board.PhaseClosed && from != board.PhaseClosed {
			// Closing ends writing and voting for everyone: ask first, so
			// that a burst of keys never closes a retrospective.
			m.confirm(m.msg.RetroCloseAsk, move)
			return nil
		}
		return move()
	case is(m.keys.Timer):
		f := &form{title: m.msg.PhaseTimer, submit: m.setTimer}
		f.add("minutes", m.msg.FieldMinutes, fNumber, m.msg.HintTimer, "5")
		return m.openForm(f, 0)
	case is(m.keys.Card, m.keys.Edit, m.keys.Delete) && !r.Running():
		m.setStatus(m.msg.RetroClosed, true)
	case is(m.keys.ToAction) && r.Phase == board.PhaseActions && hasRow && row.card != 0:
		c, _ := r.Card(row.card)
		return m.toAction(c.Action, row.card, c.Text, m.msg.RetroToAction, m.msg.AlreadyActionCardAsk, m.makeAction)
	case is(m.keys.Card) && r.PhaseIndex() > slices.Index(board.Phases, board.PhaseGroup):
		// Checked before the form opens, so nobody types a card in vain.
		m.setStatus(m.msg.NoCardsNow, true)
	case is(m.keys.Card):
		col := m.rs.col
		f := &form{title: fmt.Sprintf(m.msg.FormAddF, m.columnName(r, col)), submit: m.saveCard}
		f.add("text", m.columnName(r, col), fText, m.msg.HintCard, "")
		return m.openForm(f, 0)
	case is(m.keys.Edit, m.keys.Delete) && hasRow && row.card != 0 && !m.mayEditCard(r, row.card):
	case is(m.keys.Edit) && hasRow && row.card != 0:
		c, _ := r.Card(row.card)
		f := &form{title: fmt.Sprintf(m.msg.FormEditF, m.columnName(r, c.Column)), base: c.ID, seen: c.Version, submit: m.saveCard}
		f.add("text", m.columnName(r, c.Column), fText, "", c.Text)
		return m.openForm(f, 0)
	case is(m.keys.Delete) && hasRow && row.card != 0:
		return m.changeRetro(board.RetroOp{Kind: board.OpDeleteCard, Card: row.card}, m.msg.Deleted)
	case is(m.keys.Vote) && r.Phase == board.PhaseVote && hasRow:
		return m.changeRetro(board.RetroOp{Kind: board.OpVote, Card: row.card}, fmt.Sprintf(m.msg.VotesLeftF, r.VotesLeft(m.cfg.User)-1, r.Votes))
	case is(m.keys.Unvote) && r.Phase == board.PhaseVote && hasRow:
		return m.changeRetro(board.RetroOp{Kind: board.OpUnvote, Card: row.card}, fmt.Sprintf(m.msg.VotesLeftF, min(r.VotesLeft(m.cfg.User)+1, r.Votes), r.Votes))
	case is(m.keys.Group) && r.Phase == board.PhaseGroup && hasRow:
		m.pickGroup(r, row.card)
	case is(m.keys.Ungroup) && r.Phase == board.PhaseGroup && hasRow:
		return m.changeRetro(board.RetroOp{Kind: board.OpUngroup, Card: row.card}, m.msg.Ungrouped)
	case is(m.keys.ReviewDone, m.keys.ReviewOpen, m.keys.ReviewDrop) && r.Phase == board.PhaseReview && hasRow && row.action != 0:
		st := map[string]board.Status{"x": board.StatusDone, "o": board.StatusTodo, "X": board.StatusDropped}[s]
		it := m.b.Find(board.AreaAction, row.action)
		return m.changeRetro(board.RetroOp{Kind: board.OpReview, Action: it.(*board.Action), Status: st}, m.reviewWord(st))
	}
	return nil
}

// mayEditCard reports whether this user may edit or delete card id now,
// and says why not on the status line: the same rules as the domain's, told
// before a form opens instead of after the text is typed.
func (m *retroScreen) mayEditCard(r *board.Retro, id uint64) bool {
	c, _ := r.Card(id)
	switch {
	case !strings.EqualFold(c.Author, m.cfg.User):
		m.setStatus(m.msg.Err(board.ErrNotYours), true)
	case r.Phase != board.PhaseReview && r.Phase != board.PhaseWrite:
		m.setStatus(m.msg.EditBeforeReveal, true)
	default:
		return true
	}
	return false
}

// pickGroup asks under which card (with an optional title) to put a card.
func (m *retroScreen) pickGroup(r *board.Retro, id uint64) {
	var ids []uint64
	var opts []string
	for _, c := range r.Roots() {
		if c.ID != id {
			ids = append(ids, c.ID)
			opts = append(opts, fmt.Sprintf("%s · %s", strings.ReplaceAll(c.Text, "\n", " "), m.columnName(r, c.Column)))
		}
	}
	m.choose = &chooser{title: m.msg.GroupUnder, options: opts, pick: func(i int) tea.Cmd {
		into, _ := r.Card(ids[i])
		f := &form{title: m.msg.GroupTitle, submit: func(f *form) tea.Cmd {
			return m.changeRetro(board.RetroOp{Kind: board.OpGroup, Card: id, Into: into.ID, Text: f.value("title"), Seen: into.Version}, m.msg.Grouped)
		}}
		f.add("title", m.msg.Words.LabelTitle, fLine, m.msg.HintGroupTitle, into.Title)
		return m.openForm(f, 0)
	}}
}

// saveCard saves a new card in the focused column, or the edited one.
func (m *retroScreen) saveCard(f *form) tea.Cmd {
	if f.base != 0 {
		return m.changeRetro(board.RetroOp{Kind: board.OpEditCard, Card: f.base, Text: f.value("text"), Seen: f.seen}, m.msg.Saved)
	}
	return m.changeRetro(board.RetroOp{Kind: board.OpAddCard, Column: m.rs.col, Text: f.value("text")}, m.msg.Saved)
}

// setTimer sets the phase timer.
func (m *retroScreen) setTimer(f *form) tea.Cmd {
	n, ok := f.number("minutes", 0, 120, m.msg.HintTimer)
	if !ok {
		return nil
	}
	return tea.Batch(m.changeRetro(board.RetroOp{Kind: board.OpTimer, Column: int(n)}, m.msg.PhaseTimer), m.startTicking())
}

// makeAction puts an action made from a card on the board.
func (m *retroScreen) makeAction(f *form) tea.Cmd {
	f.area = board.AreaAction
	it, ok := m.build(f)
	if !ok {
		return nil
	}
	// The card goes along: a card made into an action already refuses a
	// second one.
	return m.changeRetro(board.RetroOp{Kind: board.OpMakeAction, Card: f.base, Action: it.(*board.Action)}, fmt.Sprintf(m.msg.SavedF, it.Label()))
}
