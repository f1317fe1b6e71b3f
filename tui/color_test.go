package tui

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/verbeterbord/bord/tui/i18n"
)

var sgrRe = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// sgrParams lists every SGR parameter in s.
func sgrParams(s string) []int {
	var ps []int
	for _, m := range sgrRe.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			ps = append(ps, n)
		}
	}
	return ps
}

// On a 16-colour terminal the frame comes out in the basic colours only:
// bord's own styles are basic colours already, and the greys of the help
// line (bubbles) are lowered by the profile bubbletea picks for the terminal.
func TestSixteenColours(t *testing.T) {
	h, _ := demo(t, i18n.NL, 140, 40)
	var out bytes.Buffer
	w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.Env([]string{"TERM=xterm"})}
	if w.Profile != colorprofile.ANSI {
		t.Fatalf("TERM=xterm gives profile %v, want ANSI (16 colours)", w.Profile)
	}
	if _, err := w.Write([]byte(h.m.View().Content)); err != nil {
		t.Fatal(err)
	}
	ps := sgrParams(out.String())
	if len(ps) == 0 {
		t.Fatal("the board has no styling at all: the test cannot see colours")
	}
	for _, p := range ps {
		switch {
		case p == 0, p == 1, p == 2, p == 7, p == 22, p == 27, p == 39, p == 49:
		case p >= 30 && p <= 37, p >= 90 && p <= 97, p >= 40 && p <= 47, p >= 100 && p <= 107:
		default:
			t.Fatalf("SGR parameter %d is not a basic colour or attribute", p)
		}
	}
}

// With NO_COLOR the terminal gets no colour at all; bold and reverse stay,
// so the selection and overdue marks are still visible, and they never
// depend on colour alone (the "!" and "›" marks are text).
func TestNoColor(t *testing.T) {
	h, _ := demo(t, i18n.NL, 140, 40)
	var out bytes.Buffer
	w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.Env([]string{"TERM=xterm-256color", "NO_COLOR=1"})}
	if _, err := w.Write([]byte(h.m.View().Content)); err != nil {
		t.Fatal(err)
	}
	for _, p := range sgrParams(out.String()) {
		if (p >= 30 && p <= 37) || (p >= 90 && p <= 97) || (p >= 40 && p <= 47) || p == 38 || p == 48 {
			t.Fatalf("NO_COLOR output holds colour parameter %d", p)
		}
	}
	plain := out.String()
	for _, mark := range []string{"›", "!", "te laat"} {
		if !strings.Contains(plain, mark) {
			t.Errorf("without colour, the mark %q is gone", mark)
		}
	}
}
