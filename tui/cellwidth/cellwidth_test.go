package cellwidth

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// simpleRunes lists every rune the fast path counts as one cell.
func simpleRunes() []rune {
	var rs []rune
	for r := rune(0); r < 0x3000; r++ {
		if simple(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

// TestSimpleRunesAreOneCellClusters checks the fast path's premise against
// ansi for every rune it accepts, alone and next to every other: each is
// one cell and its own cluster.
func TestSimpleRunesAreOneCellClusters(t *testing.T) {
	rs := simpleRunes()
	for _, r := range rs {
		if w := ansi.StringWidth(string(r)); w != 1 {
			t.Fatalf("%U is %d cells wide in ansi", r, w)
		}
		for _, r2 := range rs {
			if w := ansi.StringWidth(string(r) + "\x1b[1m" + string(r2)); w != 2 {
				t.Fatalf("%U %U are %d cells wide in ansi", r, r2, w)
			}
		}
	}
}

var samples = []string{
	"",
	"plain ascii",
	"\x1b[1;38;2;10;20;30mvet\x1b[m en \x1b[0mnormaal",
	"│ Doel 01: minder thuiszitters … ╭─╮ ┏━┓ ▶ ● ✓ → café naïef",
	"👩‍👩‍👧 gezin",
	"e\u0301 combining after e",
	"\x1b[1me\x1b[m\u0301 combining after SGR",
	"中文宽字符 and ＡＢ",
	"🇳🇱 flag",
	"❤️ with VS16",
	"tab\there",
	"\x1b]8;;http://x\x07link\x1b]8;;\x07",
	"\x1b[?25l cursor",
	"\x1b[38:5:1mcolon\x1b[m",
	"\x1b[",
	"trail\x1b",
	"\u00a0nbsp\u00adsoft",
	"ǅ Ω ∑ ≤ ½ ™",
	"a\u200db zwj",
	"\xff\xfe invalid",
}

func pieces() []string {
	var ps []string
	for _, s := range samples {
		ps = append(ps, strings.Split(s, " ")...)
	}
	return append(ps, " ", "\x1b[m", "\x1b[31m", "é", "─", "…", "👍🏽", "\u0308")
}

// TestSameAsAnsi compares String and Truncate with ansi on the samples and
// on random joins of their pieces, at every cut length.
func TestSameAsAnsi(t *testing.T) {
	ps := pieces()
	rnd := rand.New(rand.NewPCG(1, 2))
	in := append([]string{}, samples...)
	for range 3000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(ps[rnd.IntN(len(ps))])
		}
		in = append(in, b.String())
	}
	for _, s := range in {
		check(t, s)
	}
}

func check(t *testing.T, s string) {
	t.Helper()
	want := ansi.StringWidth(s)
	if got := String(s); got != want {
		t.Fatalf("String(%q) = %d, ansi says %d", s, got, want)
	}
	if got := String(s); got != want { // again, from the cache if it went there
		t.Fatalf("String(%q) = %d the second time, ansi says %d", s, got, want)
	}
	for n := -1; n <= want+1; n++ {
		for _, tail := range []string{"", "…", "..."} {
			if got, want := Truncate(s, n, tail), ansi.Truncate(s, n, tail); got != want {
				t.Fatalf("Truncate(%q, %d, %q) = %q, ansi says %q", s, n, tail, got, want)
			}
		}
	}
}

func FuzzSameAsAnsi(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { check(t, s) })
}

func BenchmarkString(b *testing.B) {
	line := "│\x1b[1m Doel 01:\x1b[m minder thuiszitters in deelregio 1 · Fatima · 12 sep     │"
	b.Run("cellwidth", func(b *testing.B) {
		for b.Loop() {
			String(line)
		}
	})
	b.Run("ansi", func(b *testing.B) {
		for b.Loop() {
			ansi.StringWidth(line)
		}
	})
}
