package sshserver

import (
	"context"
	"runtime/debug"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/verbeterbord/bord/tui/i18n"
)

// newProgram makes the tea.Program for one terminal session (the program
// factory): input and output are the session, the environment and colours
// the client's, and the window size always the last one the client sent.
// cancel ends the session; it is called when the input or the window
// changes end.
func (s *Server) newProgram(ctx context.Context, ss *session, c *caller, model tea.Model, cancel func()) *tea.Program {
	sess := ss.sess
	env := append(sess.Environ(), "TERM="+c.pty.Term)
	ss.lastInput.Store(s.cfg.Now().UnixNano())
	in := &inputTracker{r: sess, now: s.cfg.Now, last: &ss.lastInput, onEOF: cancel}
	win := &lastSize{}
	win.set(c.pty.Window.Width, c.pty.Window.Height)
	if s.cfg.hooks.wrapModel != nil {
		model = s.cfg.hooks.wrapModel(model)
	}
	g := &guarded{m: model, onPanic: func(r any, stack []byte) {
		s.logPanic(c.fp, r, stack)
		ss.setBye(crashed(c.msg.Lang))
	}}
	// Detect would find no TTY on the server side and strip colour.
	profile := colorprofile.Env(env)
	ss.scr = newScreen(sess, profile)
	w, h := win.size()
	p := tea.NewProgram(drawn{inner: g, scr: ss.scr, w: w, h: h},
		tea.WithInput(in),
		tea.WithOutput(sess),
		tea.WithEnvironment(env),
		tea.WithColorProfile(profile),
		tea.WithWindowSize(w, h),
		tea.WithContext(ctx),
		tea.WithoutSignalHandler(),
		tea.WithFilter(win.filter),
		// screen draws the frames (screen.go); the program's own ticker
		// then only flushes its rare query output, once a second.
		tea.WithoutRenderer(),
		tea.WithFPS(1),
	)
	g.quit = p.Quit
	go func() {
		// Always drain window changes; their end is the session's end.
		for w := range c.winch {
			win.set(w.Width, w.Height)
			p.Send(tea.WindowSizeMsg{}) // the filter fills in the size
		}
		cancel()
	}()
	return p
}

// lastSize is the last window size the client sent. bubbletea sends its
// first size from a goroutine of its own, so that stale size can arrive
// after a newer one from the client; the filter gives every size message
// the last size seen, so whichever arrives last, the screen fits.
type lastSize struct{ wh atomic.Uint64 }

// set stores a size, 80x24 for a side the client does not report: ssh -tt
// from a script sends 0x0, and bubbletea draws nothing in a 0-wide window.
func (l *lastSize) set(w, h int) {
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	l.wh.Store(uint64(uint32(w))<<32 | uint64(uint32(h)))
}

func (l *lastSize) size() (w, h int) {
	v := l.wh.Load()
	return int(uint32(v >> 32)), int(uint32(v))
}

// filter runs in the program's event loop, before the renderer and the
// model see a message.
func (l *lastSize) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.WindowSizeMsg:
		w, h := l.size()
		return tea.WindowSizeMsg{Width: w, Height: h}
	case tea.SuspendMsg:
		// ctrl+z: suspending would stop the whole server process, not
		// the user's session.
		return tea.ResumeMsg{}
	}
	return msg
}

// guarded logs a panic in the model (Init, Update, View and the commands
// they return) as one structured line and ends the session. bubbletea
// would recover too, but print to the server's stderr without the key.
type guarded struct {
	m       tea.Model
	onPanic func(r any, stack []byte)
	quit    func()
}

func (g *guarded) Init() (cmd tea.Cmd) {
	defer g.recover(&cmd)
	return g.wrap(g.m.Init())
}

func (g *guarded) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	m = g // also after a panic: bubbletea needs a model to end with
	defer g.recover(&cmd)
	next, cmd := g.m.Update(msg)
	g.m = next
	return g, g.wrap(cmd)
}

func (g *guarded) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			g.onPanic(r, debug.Stack())
			v = tea.View{}
			// View runs in the event loop; Quit sends to it.
			go g.quit()
		}
	}()
	return g.m.View()
}

// recover, deferred, turns a panic into a log line and the end.
func (g *guarded) recover(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		g.onPanic(r, debug.Stack())
		*cmd = tea.Quit
	}
}

// wrap recovers a panic in cmd, and in the commands of a batch it returns.
func (g *guarded) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.onPanic(r, debug.Stack())
				msg = tea.QuitMsg{}
			}
		}()
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			for i := range b {
				b[i] = g.wrap(b[i])
			}
		}
		return msg
	}
}

// crashed is the goodbye after a panic. Here, not in i18n (package tui's),
// because only the server can say it.
func crashed(l i18n.Lang) string {
	if l == i18n.EN {
		return "Something went wrong in bord and your session was closed; nothing you saved is lost. Connect again."
	}
	return "Er ging iets mis in bord en je sessie is gesloten; wat je hebt opgeslagen is bewaard. Verbind opnieuw."
}
