package sshserver

import (
	"bytes"
	"io"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/tui/cellwidth"
)

// screen draws one SSH session's frames, in place of bubbletea's renderer.
//
// Why: bubbletea v2.0.10's renderer wakes every program 60 times a second and
// parses each frame string back into cells (grapheme segmentation, widths) to
// diff them. On a server that renders every member's screen that is most of
// the cost of a change and all of the cost at rest (docs/performance.md).
// bord's frames are whole lines already cleaned by the TUI (SGR and line
// breaks only), so a frame is diffed line by line as strings and only the
// changed lines are written, and nothing runs while nothing changes.
//
// draw is called on the program's event loop and never blocks on the
// network: it leaves the latest frame for the session's own writer
// goroutine, so a slow client skips frames instead of slowing anyone.
type screen struct {
	out     io.Writer
	profile colorprofile.Profile

	mu     sync.Mutex
	next   *frame // the latest frame not yet written, if any
	full   bool   // the next frame is drawn whole (a window change came)
	closed bool
	wake   chan struct{}
	done   chan struct{}

	// Owned by the writer goroutine.
	shown  []string // the lines on the client's screen now
	w, h   int
	modes  modes
	opened bool
}

type frame struct {
	content string
	w, h    int
	modes   modes
	full    bool
}

// modes are the terminal modes a view asks for.
type modes struct {
	alt   bool
	mouse tea.MouseMode
	paste bool
	title string
}

func modesOf(v tea.View) modes {
	return modes{alt: v.AltScreen, mouse: v.MouseMode, paste: !v.DisableBracketedPasteMode, title: v.WindowTitle}
}

func newScreen(out io.Writer, profile colorprofile.Profile) *screen {
	s := &screen{out: out, profile: profile, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go s.run()
	return s
}

// draw hands the writer the view to show at size w×h; a frame not written
// yet is replaced, never queued.
func (s *screen) draw(v tea.View, w, h int) {
	f := &frame{content: v.Content, w: w, h: h, modes: modesOf(v)}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	f.full, s.full = s.full, false
	if s.next != nil && s.next.full {
		f.full = true // the frame it replaces was to be drawn whole
	}
	s.next = f
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// repaint makes the next frame draw the whole screen. A window change
// does, also to the same size: resizing is how a user mends a garbled
// terminal, and what bubbletea's renderer does too.
func (s *screen) repaint() {
	s.mu.Lock()
	s.full = true
	s.mu.Unlock()
}

// close stops the writer and gives the client its terminal back (modes
// off, the normal screen). Safe to call more than once.
func (s *screen) close() {
	s.mu.Lock()
	already := s.closed
	s.closed = true
	s.mu.Unlock()
	if already {
		return
	}
	close(s.wake)
	<-s.done
	if !s.opened {
		return
	}
	var b bytes.Buffer
	b.WriteString(ansi.ResetStyle)
	s.setModes(&b, modes{paste: false})
	b.WriteString(ansi.ShowCursor)
	_, _ = s.out.Write(b.Bytes())
}

func (s *screen) run() {
	defer close(s.done)
	var b bytes.Buffer
	for range s.wake {
		s.mu.Lock()
		f := s.next
		s.next = nil
		s.mu.Unlock()
		if f == nil {
			continue
		}
		b.Reset()
		s.render(&b, f)
		if b.Len() == 0 {
			continue
		}
		if _, err := s.out.Write(b.Bytes()); err != nil {
			// The client is gone; the session ends through its input.
			return
		}
	}
}

// render appends to b what turns the shown screen into f.
func (s *screen) render(b *bytes.Buffer, f *frame) {
	if !s.opened {
		s.opened = true
		b.WriteString(ansi.HideCursor)
	}
	s.setModes(b, f.modes)
	lines := strings.Split(f.content, "\n")
	if len(lines) > f.h {
		lines = lines[:f.h]
	}
	mark := b.Len()
	b.WriteString(ansi.SetModeSynchronizedOutput)
	changed := f.full || f.w != s.w || f.h != s.h
	if changed {
		// A new size: the terminal has rewrapped or cut what it showed.
		s.w, s.h, s.shown = f.w, f.h, nil
		b.WriteString(ansi.ResetStyle + clearScreen)
	}
	for i, l := range lines {
		if i < len(s.shown) && s.shown[i] == l {
			continue
		}
		changed = true
		b.WriteString(ansi.CursorPosition(1, i+1))
		s.line(b, l)
	}
	for i := len(lines); i < len(s.shown); i++ {
		changed = true
		b.WriteString(ansi.CursorPosition(1, i+1) + ansi.ResetStyle + ansi.EraseLineRight)
	}
	if !changed {
		b.Truncate(mark)
		return
	}
	b.WriteString(ansi.ResetModeSynchronizedOutput)
	s.shown = lines
}

// line writes one line of the frame at the cursor, fitted to the width.
// The rest of a shorter line is erased; a full-width line is not, since
// erasing at the last column would take its last character with it.
func (s *screen) line(b *bytes.Buffer, l string) {
	width := cellwidth.String(l)
	if width > s.w {
		l, width = cellwidth.Truncate(l, s.w, ""), s.w
	}
	if s.profile < colorprofile.TrueColor {
		p := s.profile
		if p < colorprofile.ASCII {
			// No TTY or unknown: plain text, but the screen still
			// needs its positioning, which is not in l.
			p = colorprofile.ASCII
		}
		w := &colorprofile.Writer{Forward: b, Profile: p}
		_, _ = w.WriteString(l)
	} else {
		b.WriteString(l)
	}
	b.WriteString(ansi.ResetStyle)
	if width < s.w {
		b.WriteString(ansi.EraseLineRight)
	}
}

// setModes writes the mode changes from the current modes to m.
func (s *screen) setModes(b *bytes.Buffer, m modes) {
	old := s.modes
	if old.alt != m.alt {
		if m.alt {
			b.WriteString(ansi.SetModeAltScreenSaveCursor + clearScreen)
		} else {
			b.WriteString(ansi.ResetModeAltScreenSaveCursor)
		}
		s.shown = nil
	}
	if old.mouse != m.mouse {
		switch old.mouse {
		case tea.MouseModeCellMotion:
			b.WriteString(ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseExtSgr)
		case tea.MouseModeAllMotion:
			b.WriteString(ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr)
		}
		switch m.mouse {
		case tea.MouseModeCellMotion:
			b.WriteString(ansi.SetModeMouseButtonEvent + ansi.SetModeMouseExtSgr)
		case tea.MouseModeAllMotion:
			b.WriteString(ansi.SetModeMouseAnyEvent + ansi.SetModeMouseExtSgr)
		}
	}
	if old.paste != m.paste {
		if m.paste {
			b.WriteString(ansi.SetModeBracketedPaste)
		} else {
			b.WriteString(ansi.ResetModeBracketedPaste)
		}
	}
	if old.title != m.title {
		// The title is ours ("bord"), never a user's text.
		b.WriteString(ansi.SetWindowTitle(ansi.Strip(m.title)))
	}
	s.modes = m
}

// drawn runs a model with screen as its renderer: the program itself runs
// without one (tea.WithoutRenderer) and calls View after every message,
// which is when the frame is handed on.
type drawn struct {
	inner tea.Model
	scr   *screen
	w, h  int
}

func (d drawn) Init() tea.Cmd { return d.inner.Init() }

func (d drawn) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		d.w, d.h = ws.Width, ws.Height
		d.scr.repaint()
	}
	m, cmd := d.inner.Update(msg)
	d.inner = m
	return d, cmd
}

func (d drawn) View() tea.View {
	d.scr.draw(d.inner.View(), d.w, d.h)
	return tea.View{}
}

// clearScreen homes the cursor and clears: the one screen clear bord sends
// (the escape tests allow exactly this form).
const clearScreen = ansi.CursorHomePosition + ansi.EraseEntireScreen
