package sshserver

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

func view(lines ...string) tea.View {
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "bord"
	return v
}

// renderOnce runs the diff without the writer goroutine, so what one frame
// writes can be seen on its own.
func renderOnce(s *screen, v tea.View, w, h int) string {
	var b bytes.Buffer
	s.render(&b, &frame{content: v.Content, w: w, h: h, modes: modesOf(v)})
	return b.String()
}

func TestScreenWritesOnlyChangedLines(t *testing.T) {
	s := &screen{profile: colorprofile.TrueColor}
	first := renderOnce(s, view("kop", "regel een", "regel twee"), 20, 5)
	for _, want := range []string{ansi.SetModeAltScreenSaveCursor, clearScreen, ansi.HideCursor, ansi.SetModeMouseButtonEvent, ansi.SetModeBracketedPaste, "kop", "regel een", "regel twee"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first frame lacks %q: %q", want, first)
		}
	}
	if again := renderOnce(s, view("kop", "regel een", "regel twee"), 20, 5); again != "" {
		t.Errorf("an unchanged frame wrote %q", again)
	}
	changed := renderOnce(s, view("kop", "regel EEN", "regel twee"), 20, 5)
	if !strings.Contains(changed, ansi.CursorPosition(1, 2)+"regel EEN") {
		t.Errorf("the changed line is not written at row 2: %q", changed)
	}
	if strings.Contains(changed, "kop") || strings.Contains(changed, "twee") || strings.Contains(changed, clearScreen) {
		t.Errorf("unchanged lines or a clear were written again: %q", changed)
	}
	shorter := renderOnce(s, view("kop", "regel EEN"), 20, 5)
	if !strings.Contains(shorter, ansi.CursorPosition(1, 3)+ansi.ResetStyle+ansi.EraseLineRight) {
		t.Errorf("a line that went away is not erased: %q", shorter)
	}
}

func TestScreenResizeRedrawsAndFits(t *testing.T) {
	s := &screen{profile: colorprofile.TrueColor}
	renderOnce(s, view("kop", "inhoud"), 20, 5)
	out := renderOnce(s, view("kop", "inhoud"), 10, 5)
	if !strings.Contains(out, clearScreen) || !strings.Contains(out, "kop") || !strings.Contains(out, "inhoud") {
		t.Errorf("a new size does not redraw the whole screen: %q", out)
	}
	// The same size again (a window change that did not change it): the
	// whole screen, as a user resizing to mend a garbled screen expects.
	var b bytes.Buffer
	v := view("kop", "inhoud")
	s.render(&b, &frame{content: v.Content, w: 10, h: 5, modes: modesOf(v), full: true})
	out = b.String()
	if !strings.Contains(out, clearScreen) || !strings.Contains(out, "inhoud") {
		t.Errorf("a repaint of the same size does not redraw: %q", out)
	}
	// A line wider than the terminal would wrap and scroll the screen.
	out = renderOnce(s, view("kop", "een regel die veel te lang is"), 10, 5)
	if strings.Contains(out, "te lang") || !strings.Contains(out, "een regel ") {
		t.Errorf("a wide line is not cut at the width: %q", out)
	}
	// More lines than rows: the rest is not drawn.
	out = renderOnce(s, view("1", "2", "3", "4", "5", "zesde"), 10, 5)
	if strings.Contains(out, "zesde") {
		t.Errorf("a line below the last row was drawn: %q", out)
	}
}

func TestScreenFullWidthLineKeepsItsLastCell(t *testing.T) {
	s := &screen{profile: colorprofile.TrueColor}
	out := renderOnce(s, view("0123456789"), 10, 2)
	// Erasing after writing the last column would erase that column.
	if !strings.Contains(out, "0123456789"+ansi.ResetStyle) || strings.Contains(out, "0123456789"+ansi.ResetStyle+ansi.EraseLineRight) {
		t.Errorf("a full-width line is erased after: %q", out)
	}
}

func TestScreenDownsamplesColour(t *testing.T) {
	truecolour := "\x1b[38;2;200;10;10mrood\x1b[m"
	s := &screen{profile: colorprofile.ANSI}
	out := renderOnce(s, view(truecolour), 20, 2)
	if strings.Contains(out, "38;2;") || !strings.Contains(out, "rood") {
		t.Errorf("a 16-colour terminal got true colour: %q", out)
	}
	s = &screen{profile: colorprofile.Ascii}
	out = renderOnce(s, view(truecolour), 20, 2)
	if strings.Contains(out, "38;") || !strings.Contains(out, "rood") {
		t.Errorf("a NO_COLOR terminal got colour: %q", out)
	}
}

// syncBuffer is a writer whose content can be read while it is written.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not happen", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestScreenCloseRestoresTheTerminal(t *testing.T) {
	var out syncBuffer
	s := newScreen(&out, colorprofile.TrueColor)
	s.draw(view("kop", "inhoud"), 20, 5)
	waitUntil(t, "the first frame", func() bool { return strings.Contains(out.String(), "inhoud") })
	s.close()
	s.close() // twice is fine
	s.draw(view("na het einde"), 20, 5)
	got := out.String()
	rest := got[strings.Index(got, "inhoud"):]
	for _, want := range []string{ansi.ResetModeMouseButtonEvent, ansi.ResetModeBracketedPaste, ansi.ShowCursor, ansi.ResetModeAltScreenSaveCursor} {
		if !strings.Contains(rest, want) {
			t.Errorf("close did not write %q: %q", want, rest)
		}
	}
	if strings.Contains(got, "na het einde") {
		t.Error("a frame drawn after close was written")
	}
}

// A client that stops reading must not hold up the program: draw never
// waits for the network, and the writer catches up with the latest frame.
func TestScreenSlowClientNeverBlocksDraw(t *testing.T) {
	pr, pw := io.Pipe()
	s := newScreen(pw, colorprofile.TrueColor)
	drew := make(chan struct{})
	go func() {
		for i := range 1000 {
			s.draw(view("kop", "frame "+strings.Repeat("x", i%7)), 40, 5)
		}
		s.draw(view("kop", "de laatste"), 40, 5)
		close(drew)
	}()
	select {
	case <-drew:
	case <-time.After(10 * time.Second):
		t.Fatal("draw blocked on a client that does not read")
	}
	var got syncBuffer
	go func() { _, _ = io.Copy(&got, pr) }()
	waitUntil(t, "the latest frame", func() bool { return strings.Contains(got.String(), "de laatste") })
	pw.Close()
	s.close()
}
