package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// Config is what a screen needs to start.
type Config struct {
	Store Store
	// User is the display name of the person at this terminal.
	User string
	Lang i18n.Lang
	// Now is the clock; tests fix it. Default time.Now.
	Now func() time.Time
	// BoardID opens this board straight away when it is visible.
	BoardID uint64
	// Teams limits which teams' boards this person may see; nil means all
	// (the local terminal). Over SSH it holds the member's teams.
	Teams []uint64
	// AutoJoin adds the user to a board's team when they open it; for the
	// local terminal, where whoever runs bord owns the file.
	AutoJoin bool
	// Presence shows who else is here; nil for the local terminal.
	Presence Presence
}

type screen int

const (
	screenLoading screen = iota
	screenWelcome
	screenPicker
	screenBoard
	screenRetros
	screenRetro
	screenArenas
	screenArena
)

// Model is the whole application for one person at one terminal.
type Model struct {
	cfg  Config
	msg  *i18n.Messages
	st   styles
	keys keyMap
	help help.Model
	// helpLine is the help line, drawn once per width: the key map never
	// changes, and lipgloss drawing is too slow to repeat every frame.
	helpLine string

	width, height int
	screen        screen
	status        string // the last thing that happened, shown above the help line
	statusErr     bool

	// picker screen
	boards []boardEntry
	cursor int

	// board screen
	b       *board.Board
	watch   <-chan uint64
	unwatch func()
	area    int
	sel     map[board.Area]int
	filter  filter
	undo    []undoOp
	focusOn *undoOp // select this item when the snapshot with it arrives

	meet     meetingState
	rs       retroState
	as       arenaState
	peers    []Peer
	lastMove moveKey // where Presence last heard we are

	// overlays, at most one at a time
	form     *form
	choose   *chooser
	showHelp bool
}

type boardEntry struct {
	info board.Info
	team string
}

// New makes the application model.
func New(cfg Config) *Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	msg := i18n.For(cfg.Lang)
	h := help.New()
	h.ShortSeparator = " · "
	h.SetWidth(80)
	m := &Model{
		cfg: cfg, msg: msg, st: newStyles(), keys: newKeyMap(msg), help: h,
		width: 80, height: 24, sel: map[board.Area]int{},
	}
	m.helpLine = h.ShortHelpView(m.keys.ShortHelp())
	return m
}

func (m *Model) now() time.Time { return m.cfg.Now() }

// Messages between commands and Update.
type (
	boardsMsg struct {
		entries []boardEntry
		open    uint64 // open this board right away (0: show the picker)
	}
	openedMsg struct {
		b       *board.Board
		watch   <-chan uint64
		unwatch func()
	}
	// changedMsg brings the new snapshot of the watched board: loading it
	// in the waiting command means one message, and one redraw, per change.
	changedMsg struct {
		ch  <-chan uint64
		b   *board.Board
		err error
	}
	snapshotMsg struct{ b *board.Board }
	// doneMsg reports a finished write: a status line and how to undo it.
	doneMsg struct {
		status string
		undo   *undoOp
		undone bool
		focus  *undoOp // the item to select once the new snapshot is in
	}
	errMsg      struct{ err error }
	presenceMsg struct {
		peers []Peer
		wait  bool // from the waiting loop, which must be re-armed
	}
)

type moveKey struct {
	board uint64
	area  board.Area
}

// Init loads the list of boards.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.loadBoards(m.cfg.BoardID, true), m.waitPresence())
}

// waitPresence waits until presence on our board changes and reads it.
func (m *Model) waitPresence() tea.Cmd {
	p := m.cfg.Presence
	if p == nil {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-p.Changed(); !ok {
			return nil
		}
		return presenceMsg{peers: p.Peers(), wait: true}
	}
}

// announce tells Presence where we are now, when that changed.
func (m *Model) announce() tea.Cmd {
	p := m.cfg.Presence
	if p == nil {
		return nil
	}
	at := moveKey{}
	if m.screen == screenBoard && m.b != nil {
		at = moveKey{m.b.ID, board.Areas[m.area]}
	}
	if at == m.lastMove {
		return nil
	}
	m.lastMove = at
	// Move here, not in the Cmd: Cmds run in goroutines of their own, so two
	// quick moves could reach the others in the wrong order. Move only takes
	// a lock and never blocks.
	p.Move(at.board, at.area)
	return func() tea.Msg { return presenceMsg{peers: p.Peers()} }
}

func (m *Model) visibleTeam(id uint64) bool {
	return m.cfg.Teams == nil || slices.Contains(m.cfg.Teams, id)
}

// loadBoards lists the visible boards and opens board open, if not 0. With
// only set, it also opens the only board there is (at start, not when the
// user asked for the picker).
func (m *Model) loadBoards(open uint64, only bool) tea.Cmd {
	s := m.cfg.Store
	return func() tea.Msg {
		teams, err := s.Teams()
		if err != nil {
			return errMsg{err}
		}
		var entries []boardEntry
		for _, t := range teams {
			if !m.visibleTeam(t.ID) {
				continue
			}
			infos, err := s.Boards(t.ID)
			if err != nil {
				return errMsg{err}
			}
			for _, in := range infos {
				entries = append(entries, boardEntry{info: in, team: t.Name})
			}
		}
		if open == 0 && only && len(entries) == 1 {
			open = entries[0].info.ID
		}
		return boardsMsg{entries: entries, open: open}
	}
}

func (m *Model) openBoard(id uint64) tea.Cmd {
	s, user, join := m.cfg.Store, m.cfg.User, m.cfg.AutoJoin
	return func() tea.Msg {
		b, err := s.Board(id)
		if err != nil {
			return errMsg{err}
		}
		if !m.visibleTeam(b.TeamID) {
			return errMsg{board.ErrNotFound}
		}
		if join && !b.Team.HasMember(user) {
			if _, err := s.AddMember(user, b.TeamID, user); err != nil {
				return errMsg{err}
			}
			if b, err = s.Board(id); err != nil {
				return errMsg{err}
			}
		}
		ch, cancel := s.Watch(id)
		return openedMsg{b: b, watch: ch, unwatch: cancel}
	}
}

// waitChange waits for the next notice of the watched board and reads its
// snapshot, which the store builds once and shares among all sessions. A
// closed channel (board closed, program ending) ends the wait silently.
func (m *Model) waitChange() tea.Cmd {
	ch, s, id := m.watch, m.cfg.Store, m.b.ID
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		b, err := s.Board(id)
		return changedMsg{ch: ch, b: b, err: err}
	}
}

func (m *Model) loadSnapshot(id uint64) tea.Cmd {
	s := m.cfg.Store
	return func() tea.Msg {
		b, err := s.Board(id)
		if err != nil {
			return errMsg{err}
		}
		return snapshotMsg{b}
	}
}

// Close ends the board subscription; call it when the program ends.
func (m *Model) Close() {
	if m.unwatch != nil {
		m.unwatch()
		m.unwatch = nil
	}
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.meetingMsg(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		m.helpLine = m.help.ShortHelpView(m.keys.ShortHelp())
		return m, nil
	case boardsMsg:
		m.boards = msg.entries
		switch {
		case msg.open != 0:
			return m, m.openBoard(msg.open)
		case len(m.boards) == 0:
			m.screen = screenWelcome
		default:
			m.screen = screenPicker
		}
		return m, nil
	case openedMsg:
		m.Close()
		m.b, m.watch, m.unwatch = msg.b, msg.watch, msg.unwatch
		m.screen, m.undo, m.filter = screenBoard, nil, filter{}
		m.sel = map[board.Area]int{}
		m.area = slices.Index(board.Areas, board.AreaAction)
		m.meet, m.rs, m.as = meetingState{}, retroState{sel: map[int]int{}}, arenaState{}
		return m, tea.Batch(m.waitChange(), m.announce(), m.syncMeeting())
	case changedMsg:
		if msg.ch != m.watch {
			return m, nil // a notice for a board we left
		}
		switch {
		case msg.err != nil:
			m.setStatus(m.msg.Err(msg.err), true)
		case msg.b.Version > m.b.Version:
			m.setBoard(msg.b)
			m.applyFocus()
			return m, tea.Batch(m.waitChange(), m.syncMeeting(), m.announce())
		}
		return m, m.waitChange()
	case snapshotMsg:
		if m.b != nil && msg.b.ID == m.b.ID && msg.b.Version >= m.b.Version {
			m.setBoard(msg.b)
			m.applyFocus()
			return m, tea.Batch(m.syncMeeting(), m.announce())
		}
		return m, nil
	case doneMsg:
		if m.form == nil || m.form.saving {
			m.form = nil
		}
		m.choose = nil
		m.setStatus(msg.status, false)
		if msg.undo != nil && !msg.undone {
			m.undo = append(m.undo, *msg.undo)
		}
		m.focusOn = msg.focus
		if m.b != nil {
			return m, m.loadSnapshot(m.b.ID)
		}
		return m, nil
	case errMsg:
		m.rs.busy, m.meet.pending = false, false
		if m.form != nil && m.form.saving {
			m.form.saving = false
			m.formError(msg.err)
			return m, nil
		}
		m.setStatus(m.msg.Err(msg.err), true)
		if m.screen == screenLoading {
			m.screen = screenPicker
		}
		return m, nil
	case noteSavedMsg:
		return m, m.noteSaved(msg)
	case arenaOpenMsg:
		m.form = nil
		m.openArena(msg.id)
		return m, m.loadSnapshot(m.b.ID)
	case retroOpenMsg:
		m.form = nil
		m.rs = retroState{id: msg.id, sel: map[int]int{}}
		m.screen = screenRetro
		return m, m.loadSnapshot(m.b.ID)
	case createdMsg:
		m.form = nil
		return m, m.loadBoards(msg.id, false)
	case presenceMsg:
		m.peers = msg.peers
		if msg.wait {
			return m, m.waitPresence()
		}
		return m, nil
	case tea.MouseClickMsg:
		return m, tea.Batch(m.click(msg.Mouse()), m.announce())
	case tea.KeyPressMsg:
		return m, tea.Batch(m.key(msg), m.announce())
	}
	if m.form != nil {
		cmd, _, _ := m.form.update(msg)
		return m, cmd
	}
	return m, nil
}

// setBoard shows a newer snapshot and keeps each area's selection on the
// same item, so a colleague's change never moves the user's cursor.
func (m *Model) setBoard(b *board.Board) {
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
}

// applyFocus selects the item the user just added, once it is on screen.
func (m *Model) applyFocus() {
	f := m.focusOn
	if f == nil {
		return
	}
	rows := m.rows(m.b, f.area)
	if i := slices.IndexFunc(rows, func(r row) bool { return r.id == f.id }); i >= 0 {
		m.area = slices.Index(board.Areas, f.area)
		m.sel[f.area] = i
		m.focusOn = nil
	}
}

func (m *Model) setStatus(s string, isErr bool) {
	m.status, m.statusErr = s, isErr
}

func (m *Model) formError(err error) {
	f := m.form
	var c *board.ConflictError
	if errors.As(err, &c) {
		// Keep the user's text; show theirs; a second save goes over it.
		f.err = fmt.Sprintf(m.msg.ChangedByF, c.By, c.At.Local().Format("15:04"))
		f.note = m.msg.Reapply
		if c.Current != nil {
			f.note = c.Current.Label() + "\n" + m.msg.Reapply
			f.base = c.Current.Base().Version
		}
		return
	}
	if errors.Is(err, board.ErrNotFound) && f.orig != nil {
		// Deleted meanwhile: saving again makes it anew.
		f.orig, f.base = nil, 0
	}
	m.showError(f, err)
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	if k.String() == "ctrl+c" {
		m.Close()
		return tea.Quit
	}
	m.status = ""
	m.focusOn = nil // the user moved on: a later snapshot must not move the cursor
	switch {
	case m.form != nil:
		return m.formKey(k)
	case m.choose != nil:
		return m.chooseKey(k)
	case m.showHelp:
		m.showHelp = false
		return nil
	}
	switch m.screen {
	case screenWelcome:
		return m.welcomeKey(k)
	case screenPicker:
		return m.pickerKey(k)
	case screenBoard:
		return m.boardKey(k)
	case screenRetros:
		return m.retroListKey(k)
	case screenRetro:
		return m.retroKey(k)
	case screenArenas:
		return m.arenaListKey(k)
	case screenArena:
		return m.arenaKey(k)
	}
	if key.Matches(k, m.keys.Quit) {
		return tea.Quit
	}
	return nil
}

func (m *Model) formKey(k tea.KeyPressMsg) tea.Cmd {
	cmd, submit, cancel := m.form.update(k)
	switch {
	case cancel:
		m.form = nil
		return nil
	case submit:
		if m.form.saving {
			return nil // one save at a time: a second enter must not save twice
		}
		f := m.form
		cmd := m.submit()
		if cmd != nil && m.form == f {
			f.saving = true
		}
		return cmd
	}
	return cmd
}

func (m *Model) welcomeKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "d", "enter":
		s, user := m.cfg.Store, m.cfg.User
		return func() tea.Msg {
			info, err := s.CreateDemo(user)
			if err != nil {
				return errMsg{err}
			}
			return createdMsg{info.ID}
		}
	case "n":
		m.form = m.newBoardForm()
		return m.form.setFocus(0)
	case "q", "esc":
		return tea.Quit
	}
	return nil
}

func (m *Model) pickerKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, len(m.boards)-1)
	case k.String() == "enter" || k.String() == "space":
		if m.cursor < len(m.boards) {
			return m.openBoard(m.boards[m.cursor].info.ID)
		}
	case k.String() == "n":
		m.form = m.newBoardForm()
		return m.form.setFocus(0)
	case k.String() == "esc" && m.b != nil:
		m.screen = screenBoard
	case key.Matches(k, m.keys.Quit):
		m.Close()
		return tea.Quit
	}
	return nil
}

// View draws the whole screen.
func (m *Model) View() tea.View {
	// Every frame is cleaned as a whole: the one place that sees all text
	// on its way to a terminal, whatever screen drew it.
	v := tea.NewView(board.CleanScreen(m.render()))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "bord"
	return v
}

func (m *Model) render() string {
	w, h := m.width, m.height
	if w < 30 || h < 8 {
		return block([]string{"bord", m.msg.Empty}, w, h)
	}
	var base string
	switch m.screen {
	case screenWelcome:
		base = m.viewWelcome()
	case screenPicker:
		base = m.viewPicker()
	case screenBoard:
		base = m.viewBoard()
	case screenRetros:
		base = m.viewRetroList()
	case screenRetro:
		base = m.viewRetro()
	case screenArenas:
		base = m.viewArenaList()
	case screenArena:
		base = m.viewArena()
	default:
		base = block([]string{m.msg.Loading}, w, h)
	}
	switch {
	case m.form != nil:
		base = overlay(base, m.viewForm(m.form, w-4), w, h)
	case m.choose != nil:
		base = overlay(base, m.viewChooser(), w, h)
	case m.showHelp:
		base = overlay(base, m.viewHelp(), w, h)
	case m.screen == screenBoard && m.b.Meeting() != nil && m.b.Meeting().Step == board.StepClose:
		base = overlay(base, m.viewClose(m.b.Meeting()), w, h)
	}
	return base
}

func (m *Model) footer() []string {
	status := ""
	if m.status != "" {
		if m.statusErr {
			status = m.st.err.Render("! " + m.status)
		} else {
			status = m.st.ok.Render("✓ " + m.status)
		}
	}
	if here := m.presenceLine(); here != "" {
		if status != "" {
			status += "  ·  "
		}
		status += here
	}
	if m.screen != screenBoard {
		// The key line of the board would be wrong here; each screen
		// shows its own keys above its content.
		return []string{status, m.st.dim.Render("esc " + m.msg.KeyBack + " · ? " + m.msg.KeyHelp + " · ctrl+c " + m.msg.KeyQuit)}
	}
	return []string{status, m.helpLine}
}

// presenceLine names the others on this board and the area each is in.
func (m *Model) presenceLine() string {
	if len(m.peers) == 0 {
		return ""
	}
	parts := make([]string, len(m.peers))
	for i, p := range m.peers {
		parts[i] = p.Name
		if p.Area != "" {
			parts[i] += " (" + m.msg.Area(p.Area) + ")"
		}
	}
	return m.st.dim.Render(m.msg.Here + ": " + strings.Join(parts, ", "))
}

func (m *Model) viewWelcome() string {
	lines := []string{m.st.header.Render("bord"), ""}
	lines = append(lines, strings.Split(ansi.Wrap(m.msg.DemoOffer, m.width, ""), "\n")...) // read in full
	lines = append(lines, "",
		m.st.key.Render(m.msg.DemoYes),
		m.st.key.Render(m.msg.NewBoard),
		m.st.key.Render(m.msg.Quit),
	)
	if m.status != "" {
		lines = append(lines, "", m.st.err.Render("! "+m.status))
	}
	return block(lines, m.width, m.height)
}

func (m *Model) viewPicker() string {
	lines := []string{m.st.header.Render("bord · " + m.msg.PickerTitle), ""}
	for i, e := range m.boards {
		line := fmt.Sprintf("  %s — %s", e.team, e.info.Name)
		if i == m.cursor {
			line = m.st.selected.Render("› " + strings.TrimPrefix(line, "  "))
		}
		lines = append(lines, line)
	}
	body := block(lines, m.width, m.height-2)
	status := ""
	if m.status != "" {
		status = m.st.err.Render("! " + m.status)
	}
	return body + "\n" + block([]string{status, m.st.dim.Render(m.msg.PickerHint)}, m.width, 2)
}

func (m *Model) viewHelp() string {
	lines := []string{m.st.title.Render(m.msg.HelpTitle), ""}
	// As many columns of keys side by side as fit in the box; the others
	// below them, so that no key is cut off on a narrow screen.
	groups, room := m.keys.FullHelp(), m.width-7
	for _, per := range []int{len(groups), 2, 1} {
		var rows []string
		for i := 0; i < len(groups); i += per {
			if i > 0 {
				rows = append(rows, "")
			}
			rows = append(rows, strings.Split(m.help.FullHelpView(groups[i:min(i+per, len(groups))]), "\n")...)
		}
		if per == 1 || slices.IndexFunc(rows, func(r string) bool { return ansi.StringWidth(r) > room }) < 0 {
			lines = append(lines, rows...)
			break
		}
	}
	return box(lines, m.width-4, m.st.focusBorder)
}

// createdMsg reports a new board (demo or own) to open.
type createdMsg struct{ id uint64 }

func (m *Model) newBoardForm() *form {
	f := &form{kind: formNewBoard, title: m.msg.NewBoard[3:]}
	f.add("team", m.msg.FieldTeam, fLine, "", "")
	f.add("board", m.msg.FieldBoard, fLine, "", "")
	f.add("members", m.msg.FieldMembers, fLine, m.msg.HintMembers, m.cfg.User)
	return f
}

func (m *Model) createBoard(f *form) tea.Cmd {
	s, user := m.cfg.Store, m.cfg.User
	teamName, boardName := f.value("team"), f.value("board")
	members := append([]string{user}, strings.Split(f.value("members"), ",")...)
	if boardName == "" {
		boardName = teamName
	}
	return func() tea.Msg {
		t, err := s.CreateTeam(user, teamName, members...)
		if errors.Is(err, board.ErrExists) {
			teams, terr := s.Teams()
			if terr != nil {
				return errMsg{terr}
			}
			for _, other := range teams {
				if strings.EqualFold(other.Name, board.CleanName(teamName)) && m.visibleTeam(other.ID) {
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
