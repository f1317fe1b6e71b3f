package tui

import (
	"maps"
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/tui/i18n"
)

// Config is what a screen needs to start.
type Config struct {
	// Store is all the application reaches of the data. Over SSH it is the
	// member's view of the store (store.View), which refuses every board
	// and team but their own: team isolation is the store's, not the UI's.
	Store Store
	// User is the display name of the person at this terminal.
	User string
	Lang i18n.Lang
	// Now is the clock; tests fix it. Default time.Now.
	Now func() time.Time
	// BoardID opens this board straight away when it is visible.
	BoardID uint64
	// AutoJoin adds the user to a board's team when they open it; for the
	// local terminal, where whoever runs bord owns the file.
	AutoJoin bool
	// Presence shows who else is here; nil for the local terminal.
	Presence Presence
	// OpenRetro or OpenArena opens that record once the board is open:
	// a guest's one record (guest.go).
	OpenRetro, OpenArena uint64
}

// guest reports whether the session is a guest's, who has their one
// retrospective or arena and nothing else to go back to.
func (c Config) guest() bool { return c.OpenRetro != 0 || c.OpenArena != 0 }

// Model is the application shell for one person at one terminal: it opens
// boards, routes messages between the screens and draws the frame (the
// overlays over the active screen). Each screen lives in its own file.
type Model struct {
	*Common
	help    help.Model
	helpKey key.Binding // ? on every screen: the shell shows the screen's keys
	ctrlC   key.Binding // quits from anywhere, overlays included
	// boardHelp is the board's help line, drawn once per width: lipgloss
	// is too slow to draw it every frame.
	boardHelp  string
	boardHelpW int
	boardHelpS bool // drawn for a running bordsessie

	screens map[screenID]Screen
	picker  *pickerScreen
	board   *boardScreen
	retros  *retroListScreen
	retro   *retroScreen
	arenas  *arenaListScreen
	arena   *arenaScreen
	goal    *goalScreen
	plan    *planScreen
	// The duos live beside the boards: made once, kept when a board opens.
	duos *duoListScreen
	duo  *duoScreen

	watch    <-chan uint64
	unwatch  func()
	lastMove moveKey // where Presence last heard we are
}

// New makes the application model.
func New(cfg Config) *Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	h := help.New()
	h.ShortSeparator = " · "
	h.SetWidth(80)
	c := &Common{cfg: cfg, msg: i18n.For(cfg.Lang), st: newStyles(), width: 80, height: 24}
	m := &Model{Common: c, help: h, helpKey: helpKey(c.msg), ctrlC: ctrlCKey(c.msg)}
	m.picker = newPicker(c, m.openBoard)
	m.duo = newDuoScreen(c)
	m.duos = newDuoList(c, m.duo.open)
	m.openScreens()
	return m
}

// openScreens makes the screens of a board afresh: a newly opened board
// starts with no selection, undo, retrospective or arena open.
func (m *Model) openScreens() {
	c := m.Common
	m.board = newBoardScreen(c)
	m.retro = newRetroScreen(c)
	m.retros = newRetroList(c, m.retro.open)
	m.arena = newArenaScreen(c)
	m.arenas = newArenaList(c, m.arena.open)
	m.goal = newGoalScreen(c)
	m.plan = newPlanScreen(c, m.goal.open)
	m.board.openGoal = m.goal.open
	m.goal.edit = m.board.openItemForm
	m.screens = map[screenID]Screen{
		screenWelcome: welcomeScreen{c, m.picker},
		screenPicker:  m.picker,
		screenBoard:   m.board,
		screenRetros:  m.retros,
		screenRetro:   m.retro,
		screenArenas:  m.arenas,
		screenArena:   m.arena,
		screenGoal:    m.goal,
		screenPlan:    m.plan,
		screenDuos:    m.duos,
		screenDuo:     m.duo,
	}
}

// Close ends the board subscription and leaves Presence; call it when the
// program ends.
func (m *Model) Close() {
	m.duo.close()
	m.stopWatch()
	// Gone at once for the others, not when the connection ends: a leader
	// who quits has left the bordsessie (leader.go).
	if l, ok := m.cfg.Presence.(interface{ Leave() }); ok {
		l.Leave()
	}
}

// stopWatch ends the subscription to the open board's changes.
func (m *Model) stopWatch() {
	if m.unwatch != nil {
		m.unwatch()
		m.unwatch = nil
	}
}

// Update handles one message: the shell's own, then keys for the overlay
// or the active screen, and every other message for all screens.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		return m, nil
	case boardsMsg:
		m.picker.boards = msg.entries
		switch {
		case msg.open != 0:
			return m, m.openBoard(msg.open)
		case len(msg.entries) == 0 && msg.duos > 0:
			// A partner of a duo only (joined by a duo invite).
			m.screen = screenDuos
			return m, m.duos.load()
		case len(msg.entries) == 0:
			m.screen = screenWelcome
		default:
			m.screen = screenPicker
		}
		return m, nil
	case openedMsg:
		m.stopWatch()
		m.b, m.watch, m.unwatch = msg.b, msg.watch, msg.unwatch
		m.screen = screenBoard
		m.openScreens()
		return m, tea.Batch(m.waitChange(), m.announce(), m.sync(), m.openRecord())
	case changedMsg:
		if msg.ch != m.watch {
			return m, nil // a notice for a board we left
		}
		switch {
		case msg.err != nil:
			m.setStatus(m.msg.Err(msg.err), true)
		case msg.b.Version > m.b.Version:
			m.board.setBoard(msg.b)
			return m, tea.Batch(m.waitChange(), m.sync(), m.announce())
		}
		return m, m.waitChange()
	case snapshotMsg:
		if m.b != nil && msg.b.ID == m.b.ID && msg.b.Version >= m.b.Version {
			m.board.setBoard(msg.b)
			return m, tea.Batch(m.sync(), m.announce())
		}
		return m, nil
	case doneMsg:
		if m.form == nil || m.form.saving {
			m.form = nil
		}
		m.choose = nil
		m.setStatus(msg.status, false)
		m.board.done(msg)
		if m.b != nil {
			return m, m.loadSnapshot(m.b.ID)
		}
		return m, nil
	case errMsg:
		cmd := m.broadcast(msg) // screens drop what they were waiting for
		if m.form != nil && m.form.saving {
			m.form.saving = false
			m.form.fail(m.msg, msg.err)
			m.form.pastDue(msg.err, m.now(), m.msg)
			return m, cmd
		}
		m.setStatus(m.msg.Err(msg.err), true)
		if m.screen == screenLoading {
			m.screen = screenPicker
		}
		return m, cmd
	case moveFailedMsg:
		cmd := m.broadcast(msg)
		_, errCmd := m.Update(errMsg(msg)) // and report it like any failed write
		return m, tea.Batch(cmd, errCmd)
	case createdMsg:
		m.form = nil
		return m, m.picker.load(msg.id, false)
	case presenceMsg:
		m.peers = msg.peers
		m.watchLeader()
		if msg.wait {
			return m, m.waitPresence()
		}
		return m, nil
	case tickMsg:
		if !m.wantsTick() {
			m.ticking = false
			return m, nil
		}
		return m, tick()
	case tea.MouseClickMsg:
		if m.tooSmall() || m.screen != screenBoard || m.form != nil || m.choose != nil || msg.Button != tea.MouseLeft {
			return m, nil
		}
		m.showHelp = false
		return m, tea.Batch(m.board.click(msg.Mouse()), m.announce())
	case tea.KeyPressMsg:
		return m, tea.Batch(m.key(msg), m.announce())
	case tea.PasteMsg:
		// A bracketed paste is typing: it goes where keys go, to the form
		// or to the active screen, never to every screen.
		if m.tooSmall() {
			return m, nil
		}
		if m.form != nil {
			cmd, _, _ := m.form.update(msg)
			return m, cmd
		}
		if s, ok := m.screens[m.screen]; ok && m.choose == nil && !m.showHelp {
			return m, s.Update(msg)
		}
		return m, nil
	}
	cmd := m.broadcast(msg)
	if m.form != nil {
		c, _, _ := m.form.update(msg)
		cmd = tea.Batch(cmd, c)
	}
	return m, cmd
}

// broadcast gives msg to every screen.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range slices.Sorted(maps.Keys(m.screens)) {
		cmds = append(cmds, m.screens[id].Update(msg))
	}
	return tea.Batch(cmds...)
}

// sync lets every screen follow a new snapshot, and keeps the second
// timer going while a screen shows a clock.
func (m *Model) sync() tea.Cmd {
	m.watchLeader()
	var cmds []tea.Cmd
	for _, s := range m.screens {
		if sy, ok := s.(syncer); ok {
			cmds = append(cmds, sy.sync())
		}
	}
	if m.wantsTick() {
		cmds = append(cmds, m.startTicking())
	}
	return tea.Batch(cmds...)
}

func (m *Model) wantsTick() bool {
	for _, s := range m.screens {
		if t, ok := s.(ticker); ok && t.ticks() {
			return true
		}
	}
	return false
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, m.ctrlC) {
		// A half-filled form asks first; asked already, ctrl+c quits.
		if m.form != nil && m.form.changed() && (m.choose == nil || !m.choose.discard) {
			m.askDiscard(func() tea.Cmd { m.Close(); return tea.Quit })
			return nil
		}
		m.Close()
		return tea.Quit
	}
	if m.tooSmall() {
		if key.Matches(k, quitKey(m.msg)) {
			m.Close()
			return tea.Quit
		}
		return nil // the screen cannot be seen: no key may change it
	}
	m.status = ""
	m.board.focusOn = nil // the user moved on: a later snapshot must not move the cursor
	switch {
	case m.choose != nil: // over the form, when it asks about the form
		cmd, done := m.choose.update(k, m.height)
		if done {
			m.choose = nil
			if cmd != nil {
				return cmd()
			}
		}
		return nil
	case m.form != nil:
		return m.formKey(k)
	case m.showHelp:
		m.showHelp = false
		return nil
	case m.offerLead():
		return nil
	}
	s, ok := m.screens[m.screen]
	if !ok { // still loading
		if key.Matches(k, quitKey(m.msg)) {
			return tea.Quit
		}
		return nil
	}
	if t, ok := s.(typist); !(ok && t.typing()) && key.Matches(k, m.helpKey) {
		m.showHelp = true
		return nil
	}
	before := m.screen
	cmd := s.Update(k)
	if m.screen != before {
		if e, ok := m.screens[m.screen].(enterer); ok {
			cmd = tea.Batch(cmd, e.enter(before))
		}
	}
	return cmd
}

func (m *Model) formKey(k tea.KeyPressMsg) tea.Cmd {
	cmd, submit, cancel := m.form.update(k)
	switch {
	case cancel && m.form.changed() && !m.form.saving:
		m.askDiscard(func() tea.Cmd { m.form = nil; return nil })
		return nil
	case cancel:
		m.form = nil
		return nil
	case submit:
		if m.form.saving {
			return nil // one save at a time: a second enter must not save twice
		}
		f := m.form
		f.clearErrors()
		if f.tooLong(m.msg) {
			return nil
		}
		cmd := f.submit(f)
		if cmd != nil && m.form == f {
			f.saving = true
		}
		return cmd
	}
	return cmd
}
