package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// duoScreen is one open duo: its cycle at a glance and three tabs, the
// lesson design (every version, and what bijstellen changed), the lesson
// visits with the fast capture of observations, and the nagesprek with its
// lessen. It follows the duo live: a partner's change arrives through the
// duo's watch, as a board's does.
type duoScreen struct {
	*Common
	keys duoKeys

	id      uint64
	d       board.Duo
	loaded  bool
	watch   <-chan uint64
	unwatch func()

	tab     int
	sel     [3]int // the design, the visit, the lesson
	version int    // the design version shown; 0: the newest
	compare bool   // show what the shown version changed
	scroll  int    // the first line of the tab's body shown (PgUp/PgDn): a design is longer than 80x24

	capturing bool // the capture line has the keyboard
	input     textinput.Model
	kijk      bool   // the next observation is about the kijkvraag
	warned    string // the text the name guard warned about; enter again saves it
}

func newDuoScreen(c *Common) *duoScreen {
	in := newInput("", board.MaxText)
	in.Prompt = "> "
	return &duoScreen{Common: c, keys: newDuoKeys(c.msg), input: in, kijk: true}
}

func (m *duoScreen) Title() string { return m.msg.Duo.Duo }
func (m *duoScreen) Keys() help.KeyMap {
	m.keys.setTab(m.tab, m.capturing)
	return m.keys
}

// typing is true while the capture line has the keyboard.
func (m *duoScreen) typing() bool { return m.capturing }

// duoOpenedMsg: the duo was read and its watch started.
type duoOpenedMsg struct {
	d       board.Duo
	watch   <-chan uint64
	unwatch func()
}

// duoChangedMsg: the duo has a new version (or ended: ok false).
type duoChangedMsg struct {
	watch <-chan uint64
	d     board.Duo
	err   error
}

// duoSavedMsg: a change of the duo was stored.
type duoSavedMsg struct {
	d      board.Duo
	status string
}

// open shows duo id: its first tab, and from then on its changes.
func (m *duoScreen) open(id uint64) tea.Cmd {
	m.close()
	*m = duoScreen{Common: m.Common, keys: m.keys, input: m.input, kijk: true, id: id}
	m.input.SetValue("")
	m.screen = screenDuo
	s := m.cfg.Store
	return func() tea.Msg {
		ch, stop := s.WatchDuo(id)
		d, err := s.Duo(id)
		if err != nil {
			stop()
			return errMsg{err}
		}
		return duoOpenedMsg{d: d, watch: ch, unwatch: stop}
	}
}

// close ends the duo's watch.
func (m *duoScreen) close() {
	if m.unwatch != nil {
		m.unwatch()
		m.unwatch, m.watch = nil, nil
	}
}

// waitDuo waits for the duo's next version and reads it.
func (m *duoScreen) waitDuo() tea.Cmd {
	s, ch, id := m.cfg.Store, m.watch, m.id
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		d, err := s.Duo(id)
		return duoChangedMsg{watch: ch, d: d, err: err}
	}
}

func (m *duoScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case duoOpenedMsg:
		if m.unwatch != nil || msg.d.ID != m.id {
			msg.unwatch() // a duo left before it opened
			return nil
		}
		m.d, m.loaded, m.watch, m.unwatch = msg.d, true, msg.watch, msg.unwatch
		return m.waitDuo()
	case duoChangedMsg:
		if msg.watch != m.watch {
			return nil
		}
		if msg.err == nil && msg.d.Version >= m.d.Version {
			m.d = msg.d
		}
		return m.waitDuo()
	case duoSavedMsg:
		if m.form != nil && m.form.saving {
			m.form = nil
		}
		if msg.d.ID == m.id && msg.d.Version >= m.d.Version {
			m.d = msg.d
		}
		m.setStatus(msg.status, false)
	case observedMsg:
		return m.observed(msg)
	case tea.PasteMsg:
		if m.capturing {
			m.warned = ""
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return cmd
		}
	case tea.KeyPressMsg:
		if !m.loaded {
			if key.Matches(msg, m.keys.Back) {
				m.screen = screenDuos
			}
			return nil
		}
		m.keys.setTab(m.tab, m.capturing)
		if m.capturing {
			return m.captureKey(msg)
		}
		return m.key(msg)
	}
	return nil
}

// change stores one change of the duo in a command.
func (m *duoScreen) change(op board.DuoOp, status string) tea.Cmd {
	id := m.id
	return m.command(func(s Store, user string) (tea.Msg, error) {
		d, err := s.ChangeDuo(user, id, op)
		return duoSavedMsg{d: d, status: status}, err
	})
}

func (m *duoScreen) key(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.TabN):
		m.tab, m.scroll = int(k.String()[0]-'1'), 0
		return nil
	case key.Matches(k, m.keys.NextTab):
		m.tab, m.scroll = (m.tab+1)%3, 0
		return nil
	case key.Matches(k, m.keys.Page):
		// Never further than the body is long, or PgUp would first have
		// to climb back from below its end.
		if k.String() == "pgup" {
			m.scroll = max(0, m.scroll-m.bodyHeight()/2)
		} else {
			m.scroll = min(m.scroll+m.bodyHeight()/2, len([3]func() []string{m.designView, m.visitsView, m.talkView}[m.tab]()))
		}
		return nil
	case key.Matches(k, m.keys.Back):
		m.close()
		m.screen = screenDuos
		return nil
	case key.Matches(k, m.keys.Up, m.keys.Down):
		m.move(key.Matches(k, m.keys.Down))
		return nil
	}
	switch m.tab {
	case 0:
		return m.designKey(k)
	case 1:
		return m.visitKey(k)
	}
	return m.talkKey(k)
}

// move moves the selection of the tab: designs, visits, lessons.
func (m *duoScreen) move(down bool) {
	n := [3]int{len(m.d.Designs), len(m.d.Visits), len(m.lessons())}[m.tab]
	m.sel[m.tab] = stepCursor(m.sel[m.tab], down, n)
	m.scroll = 0
	if m.tab == 0 {
		m.version, m.compare = 0, false
	}
}

func (m *duoScreen) design() (*board.Design, bool) {
	if m.sel[0] >= len(m.d.Designs) {
		return nil, false
	}
	return &m.d.Designs[m.sel[0]], true
}

func (m *duoScreen) visit() (*board.Visit, bool) {
	if m.sel[1] >= len(m.d.Visits) {
		return nil, false
	}
	return &m.d.Visits[m.sel[1]], true
}

func (m *duoScreen) lessons() []board.Lesson {
	if v, ok := m.visit(); ok {
		return v.Lessons
	}
	return nil
}

// shown is the design version on screen: the one picked with v, or the
// newest.
func (m *duoScreen) shown(ds *board.Design) board.DesignVersion {
	if v, ok := ds.Version(m.version); ok {
		return v
	}
	return ds.Current()
}

func (m *duoScreen) designKey(k tea.KeyPressMsg) tea.Cmd {
	ds, ok := m.design()
	switch {
	case key.Matches(k, m.keys.New):
		return m.openForm(m.designForm(nil, false), 0)
	case !ok:
		return nil
	case key.Matches(k, m.keys.Edit):
		return m.openForm(m.designForm(ds, false), 0)
	case key.Matches(k, m.keys.Revise):
		return m.openForm(m.designForm(ds, true), 0)
	case key.Matches(k, m.keys.Version):
		// Back through the versions, then round to the newest.
		n := m.shown(ds).N - 1
		if n < 1 {
			n = len(ds.Versions)
		}
		m.version = n
	case key.Matches(k, m.keys.Compare):
		m.compare = !m.compare
	case key.Matches(k, m.keys.Delete):
		return m.askDelete(ds.ID)
	}
	return nil
}

// askDelete asks before a design goes, twice when a visit uses it: the
// visit keeps a copy of the version it tried.
func (m *duoScreen) askDelete(id uint64) tea.Cmd {
	inUse := false
	for _, v := range m.d.Visits {
		inUse = inUse || v.Design == id
	}
	ask := m.msg.Duo.AskDeleteDesign
	if inUse {
		ask = m.msg.Duo.AskDeleteInUse
	}
	// The edit count seen now, when asked: a partner's edit while the
	// question stands is not deleted with it.
	var seen uint64
	if ds, ok := m.d.Design(id); ok {
		seen = ds.Current().Edits
	}
	m.confirm(ask, func() tea.Cmd {
		m.sel[0], m.version = 0, 0
		return m.change(board.DuoOp{Kind: board.OpDeleteDesign, ID: id, Seen: seen, Force: inUse}, m.msg.Deleted)
	})
	return nil
}

func (m *duoScreen) visitKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.New):
		return m.openForm(m.visitForm(), 0)
	case key.Matches(k, m.keys.Capture):
		if _, ok := m.visit(); ok {
			m.capturing = true
			return m.input.Focus()
		}
	case key.Matches(k, m.keys.Talk):
		if _, ok := m.visit(); ok {
			m.tab = 2
		}
	}
	return nil
}

func (m *duoScreen) talkKey(k tea.KeyPressMsg) tea.Cmd {
	v, ok := m.visit()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Edit, m.keys.Talk):
		return m.openForm(m.talkForm(v), 0)
	case key.Matches(k, m.keys.Lesson, m.keys.New):
		return m.openForm(m.lessonForm(v.ID), 0)
	case key.Matches(k, m.keys.ToAction):
		return m.lessonAction(v)
	case key.Matches(k, m.keys.Revise):
		return m.reviseFromTalk(v)
	}
	return nil
}

// reviseFromTalk opens bijstellen of the design the visit tried, with the
// visit's lessen beside the kijkvraag: the lessen become the next version.
func (m *duoScreen) reviseFromTalk(v *board.Visit) tea.Cmd {
	for i := range m.d.Designs {
		if m.d.Designs[i].ID != v.Design {
			continue
		}
		m.tab, m.sel[0], m.version = 0, i, 0
		f := m.designForm(&m.d.Designs[i], true)
		texts := make([]string, len(v.Lessons))
		for j, l := range v.Lessons {
			texts[j] = l.Text
		}
		if fl := f.field("kijkvraag"); fl != nil && len(texts) > 0 {
			fl.hint = m.msg.Duo.Lessons + ": " + strings.Join(texts, "; ")
		}
		return m.openForm(f, 0)
	}
	return nil
}

// captureKey is the capture line: enter saves the observation after the
// name guard, tab says whether it is about the kijkvraag, esc is done.
func (m *duoScreen) captureKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.StopTyping):
		m.capturing, m.warned = false, ""
		m.input.Blur()
		return nil
	case key.Matches(k, m.keys.Kijkvraag):
		m.kijk = !m.kijk
		return nil
	case key.Matches(k, m.keys.Save):
		return m.observe()
	}
	m.warned = ""
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(k)
	return cmd
}

// observedMsg reports an observation's save; typed is the line as sent, to
// put back in front when the save failed.
type observedMsg struct {
	typed string
	d     board.Duo
	err   error
}

// observe saves the capture line as an observation, after the arena's name
// guard: a text that looks like it names someone is saved only on a second
// enter, flagged with the words the guard saw, so every report masks them.
// The line is emptied at once, so what is typed next is the next one.
func (m *duoScreen) observe() tea.Cmd {
	text := strings.TrimSpace(m.input.Value())
	v, ok := m.visit()
	if text == "" || !ok {
		return nil
	}
	if n := utf8.RuneCountInString(text); n > board.MaxText {
		m.setStatus(fmt.Sprintf(m.msg.ErrTooLongF, n, board.MaxText), true)
		return nil
	}
	names := board.LooksLikeName(text, m.known())
	if !m.guardNames(&m.warned, text, names, func(string) {}) {
		m.warned = text
		return nil
	}
	op := board.DuoOp{Kind: board.OpObserve, ID: v.ID, Text: text, Kijkvraag: m.kijk, Flagged: len(names) > 0, Suspect: names}
	s, user, id, typed := m.cfg.Store, m.cfg.User, m.id, m.input.Value()
	m.input.SetValue("")
	return func() tea.Msg {
		d, err := s.ChangeDuo(user, id, op)
		return observedMsg{typed: typed, d: d, err: err}
	}
}

func (m *duoScreen) observed(msg observedMsg) tea.Cmd {
	if msg.err != nil {
		// Nothing typed is lost: the failed line goes back in front.
		m.input.SetValue(strings.TrimSpace(msg.typed + " " + m.input.Value()))
		m.input.CursorEnd()
		m.setStatus(m.msg.Err(msg.err), true)
		return nil
	}
	if msg.d.Version >= m.d.Version {
		m.d = msg.d
	}
	m.setStatus(m.msg.Saved, false)
	return nil
}

// known are the names the guard always catches in a duo: its people.
func (m *duoScreen) known() []string {
	return append(m.d.PartnerNames(), m.d.Coordinator)
}
