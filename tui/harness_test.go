package tui

import (
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// today is the fixed clock of every test: Monday 23 November 2026, ISO week
// 48. The store and the screen share it, so the demo board (dated relative
// to now) and the golden files never change.
var today = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return today }

// day is n days after today, at midnight: how dates come out of the parser.
func day(n int) time.Time { return board.Day(today).AddDate(0, 0, n) }

// me is the person at the terminal; the demo makes them a team member.
const me = "Marieke"

// cmdTimeout bounds a store command; none should come near it.
const cmdTimeout = 5 * time.Second

// watchWait is how long a command run after a board notice may take before
// the harness takes it for the board watch, which blocks until the next
// change, and parks it.
const watchWait = 250 * time.Millisecond

// harness drives a Model the way the bubbletea runtime would, but in the
// test's goroutine: it runs each returned command, feeds the message back
// into Update and repeats until nothing is left. The board watch
// (waitChange) blocks until the board changes; the harness parks it in
// pending, and awaitChange delivers it once the test changed the board
// through the store as someone else.
type harness struct {
	t       testing.TB
	s       *store.Store
	guard   guardStore
	m       *Model
	pending []chan tea.Msg
	quit    bool
}

// openStore opens a fresh store in a temp dir with the fixed clock.
func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "bord.db"), store.Options{Now: fixedNow})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// start makes the model for cfg on s, sizes it and runs Init.
func start(t testing.TB, s *store.Store, cfg Config, w, h int) *harness {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = s
	}
	if cfg.User == "" {
		cfg.User = me
	}
	if cfg.Now == nil {
		cfg.Now = fixedNow
	}
	g := guardStore{s: cfg.Store, t: t, in: new(atomic.Int64)}
	cfg.Store = g
	hs := &harness{t: t, s: s, guard: g, m: New(cfg)}
	// Registered after the store's cleanup, so it runs first: closing the
	// watch ends every parked waitChange before the store closes.
	t.Cleanup(hs.m.Close)
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init(), cfg.Presence != nil) // the wait for presence blocks
	return hs
}

// demo starts on a store holding only the demo board, which opens at once.
func demo(t testing.TB, lang i18n.Lang, w, h int) (*harness, board.Info) {
	t.Helper()
	s := openStore(t)
	info, err := s.CreateDemo(me)
	if err != nil {
		t.Fatalf("CreateDemo: %v", err)
	}
	hs := start(t, s, Config{Lang: lang}, w, h)
	if hs.m.screen != screenBoard || hs.m.b == nil || hs.m.b.ID != info.ID {
		t.Fatalf("demo board did not open; screen %d\n%s", hs.m.screen, hs.plain())
	}
	return hs, info
}

// send is one message through Update, and everything it leads to.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	var cmd tea.Cmd
	h.guard.inside(func() { _, cmd = h.m.Update(msg) })
	switch msg.(type) {
	case openedMsg, duoOpenedMsg:
		// Its command is the board's (or duo's) watch (with a presence
		// announcement when there is Presence): park it.
		if cmd != nil {
			h.park(cmd)
		}
	case changedMsg, presenceMsg, duoChangedMsg:
		// Each may re-arm a wait that blocks: the board or duo watch,
		// presence.
		h.run(cmd, true)
	case tickMsg:
		// The timer re-arms itself forever; one tick is all a test needs.
	default:
		h.run(cmd, false)
	}
}

func (h *harness) park(cmd tea.Cmd) {
	res := make(chan tea.Msg, 1)
	go func() { res <- cmd() }()
	h.pending = append(h.pending, res)
}

// run executes cmd and handles its message. mayBlock marks commands that
// may be the board watch: if they do not return in watchWait they are
// parked. Any other command must return within cmdTimeout.
func (h *harness) run(cmd tea.Cmd, mayBlock bool) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	res := make(chan tea.Msg, 1)
	go func() { res <- cmd() }()
	limit := cmdTimeout
	if mayBlock {
		limit = watchWait
	}
	select {
	case msg := <-res:
		h.handle(msg, mayBlock)
	case <-time.After(limit):
		if !mayBlock {
			h.t.Fatalf("a command did not return within %s", limit)
		}
		h.pending = append(h.pending, res)
	}
}

func (h *harness) handle(msg tea.Msg, mayBlock bool) {
	h.t.Helper()
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c, mayBlock)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// awaitChange delivers the next board notice to the model, as the runtime
// does when a parked watch returns: no key is pressed.
func (h *harness) awaitChange() {
	h.t.Helper()
	deadline := time.Now().Add(cmdTimeout)
	for time.Now().Before(deadline) {
		for i, p := range h.pending {
			select {
			case msg := <-p:
				h.pending = slices.Delete(h.pending, i, i+1)
				h.handle(msg, true)
				switch msg.(type) {
				case changedMsg, duoChangedMsg:
					return
				}
			default:
				continue
			}
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	h.t.Fatal("no board notice arrived")
}

// keyMsg builds the key press that bubbletea would deliver for a key name
// as key.Matches and KeyPressMsg.String spell it.
func keyMsg(s string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"space":     {Code: tea.KeySpace, Text: " "},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"delete":    {Code: tea.KeyDelete},
		"backspace": {Code: tea.KeyBackspace},
		"pgup":      {Code: tea.KeyPgUp},
		"pgdown":    {Code: tea.KeyPgDown},
	}
	if k, ok := special[s]; ok {
		return k
	}
	if rest, ok := strings.CutPrefix(s, "ctrl+"); ok && len(rest) == 1 {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	if r := []rune(s); len(r) == 1 {
		return tea.KeyPressMsg{Code: r[0], Text: s}
	}
	panic("keyMsg: unknown key " + s)
}

// press sends keys by name, one after another.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText types s one rune at a time, as a terminal delivers it.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// fill moves the form's focus to the field and replaces its text.
func (h *harness) fill(key, value string) {
	h.t.Helper()
	f := h.m.form
	if f == nil {
		h.t.Fatalf("fill %s: no form open", key)
	}
	for range f.fields {
		if f.fields[f.focus].key == key {
			break
		}
		h.press("down")
	}
	if f.fields[f.focus].key != key {
		h.t.Fatalf("fill: form has no field %q", key)
	}
	h.press("ctrl+e", "ctrl+u")
	h.typeText(value)
}

func (h *harness) click(x, y int) {
	h.t.Helper()
	h.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
}

// view is the screen as the terminal gets it; plain is it without styling.
func (h *harness) view() string {
	var v tea.View
	h.guard.inside(func() { v = h.m.View() })
	return v.Content
}
func (h *harness) plain() string { return ansi.Strip(h.view()) }

// board is the store's current snapshot of the open board.
func (h *harness) board() *board.Board {
	h.t.Helper()
	b, err := h.s.Board(h.m.b.ID)
	if err != nil {
		h.t.Fatalf("Board: %v", err)
	}
	return b
}

// focused is the focused area.
func (h *harness) focused() board.Area { return board.Areas[h.m.board.area] }

// selectedAction is the selected item, which must be an action.
func (h *harness) selectedAction() board.Action {
	h.t.Helper()
	a, ok := h.m.board.selected().(*board.Action)
	if !ok {
		h.t.Fatalf("selected %T in %s, want an action", h.m.board.selected(), h.focused())
	}
	return *a
}

// selectAction focuses the actions area and selects the action whose text
// starts with what.
func (h *harness) selectAction(what string) board.Action {
	h.t.Helper()
	h.press("4", "home")
	for range h.m.board.rows(h.m.b, board.AreaAction) {
		if a := h.selectedAction(); strings.HasPrefix(a.What, what) {
			return a
		}
		h.press("down")
	}
	h.t.Fatalf("no action %q on the board\n%s", what, h.plain())
	return board.Action{}
}

// atAction opens the demo board at 140×40 in lang with the action whose
// text starts with what selected, and returns that action.
func atAction(t testing.TB, lang i18n.Lang, what string) (*harness, board.Action, board.Info) {
	t.Helper()
	h, info := demo(t, lang, 140, 40)
	return h, h.selectAction(what), info
}

// editing is atAction with the action's editor open.
func editing(t testing.TB, lang i18n.Lang, what string) (*harness, board.Action, board.Info) {
	t.Helper()
	h, a, info := atAction(t, lang, what)
	h.press("e")
	if h.m.form == nil || h.m.form.orig == nil {
		t.Fatalf("e did not open the editor of %q\n%s", what, h.plain())
	}
	return h, a, info
}

// demoForm opens the demo board at w×ht in lang and presses keys, which
// must open a form.
func demoForm(t testing.TB, lang i18n.Lang, w, ht int, keys ...string) (*harness, board.Info) {
	t.Helper()
	h, info := demo(t, lang, w, ht)
	h.press(keys...)
	if h.m.form == nil {
		t.Fatalf("%v opened no form\n%s", keys, h.plain())
	}
	return h, info
}

// adding opens the demo board at 140×40 in lang with the form of a new
// action.
func adding(t testing.TB, lang i18n.Lang) (*harness, board.Info) {
	t.Helper()
	return demoForm(t, lang, 140, 40, "a")
}

// action finds an action in the store's snapshot by id.
func (h *harness) action(id uint64) (board.Action, bool) {
	h.t.Helper()
	return h.actionWhere(func(a board.Action) bool { return a.ID == id })
}

// actionByWhat finds an action in the store's snapshot by its text.
func (h *harness) actionByWhat(what string) (board.Action, bool) {
	h.t.Helper()
	return h.actionWhere(func(a board.Action) bool { return a.What == what })
}

// actionWhere finds the first action in the store's snapshot that matches.
func (h *harness) actionWhere(match func(board.Action) bool) (board.Action, bool) {
	acts := h.board().Actions
	if i := slices.IndexFunc(acts, match); i >= 0 {
		return acts[i], true
	}
	return board.Action{}, false
}

// arenaOp changes arena id on board boardID as who through the store, as
// another terminal would; the test fails when the store refuses.
func (h *harness) arenaOp(who string, boardID, id uint64, op board.ArenaOp) board.Arena {
	h.t.Helper()
	a, err := h.s.ChangeArena(who, boardID, id, op)
	h.taken(who, op.Kind, err)
	return a
}

// retroOp is arenaOp for retrospective id.
func (h *harness) retroOp(who string, boardID, id uint64, op board.RetroOp) board.Retro {
	h.t.Helper()
	r, err := h.s.ChangeRetro(who, boardID, id, op)
	h.taken(who, op.Kind, err)
	return r
}

// taken fails the test when the store refused who's op of kind.
func (h *harness) taken(who string, kind any, err error) {
	h.t.Helper()
	if err != nil {
		h.t.Fatalf("%s %v: %v", who, kind, err)
	}
}

func mustContain(t testing.TB, screen string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(screen, w) {
			t.Errorf("screen lacks %q:\n%s", w, screen)
		}
	}
}

func mustNotContain(t testing.TB, screen string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(screen, b) {
			t.Errorf("screen has %q:\n%s", b, screen)
		}
	}
}
