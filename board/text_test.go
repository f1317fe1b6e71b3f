package board

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// cleanCase is one sanitizer input with what CleanLine and CleanText must
// make of it. The same inputs seed the fuzzers, so every known attack stays
// in the corpus.
type cleanCase struct {
	name string
	in   string
	line string // CleanLine(in, MaxLine)
	text string // CleanText(in, MaxText)
}

// bidiControls are the invisible characters that reorder or hide text (the
// "Trojan Source" set plus the marks); none may reach a terminal or a file.
var bidiControls = []rune{
	0x202a, 0x202b, 0x202c, 0x202d, 0x202e, // embeddings and overrides
	0x2066, 0x2067, 0x2068, 0x2069, // isolates
	0x200e, 0x200f, 0x061c, // LRM, RLM, ALM
}

var cleanCases = []cleanCase{
	{"plain", "Leerlingen bellen", "Leerlingen bellen", "Leerlingen bellen"},
	{"dutch diacritics", "Noëlle, één idee, ruïne, ĳsbeer, café", "Noëlle, één idee, ruïne, ĳsbeer, café", "Noëlle, één idee, ruïne, ĳsbeer, café"},
	{"empty", "", "", ""},

	// Escape sequences: each could change the terminal of whoever views the card.
	{"OSC 52 clipboard, BEL", "a\x1b]52;c;ZWNobyBoaQ==\x07b", "ab", "ab"},
	{"OSC 52 clipboard, ST", "a\x1b]52;c;ZWNobyBoaQ==\x1b\\b", "ab", "ab"},
	{"CSI 2J clear screen", "a\x1b[2Jb", "ab", "ab"},
	{"CSI 6n cursor report", "a\x1b[6nb", "ab", "ab"},
	{"SGR colour", "\x1b[1;31mrood\x1b[0m", "rood", "rood"},
	{"CSI private mode", "a\x1b[?1049hb", "ab", "ab"},
	{"OSC 8 hyperlink", "\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\", "klik", "klik"},
	{"OSC title", "\x1b]0;gehackt\x07titel", "titel", "titel"},
	{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab", "ab"},
	{"APC", "a\x1b_Gf=24;AAAA\x1b\\b", "ab", "ab"},
	{"ESC c reset", "a\x1bcb", "ab", "ab"},
	{"ESC 7 save cursor", "a\x1b7b", "ab", "ab"},
	{"ESC before multibyte rune", "a\x1bëb", "ab", "ab"},
	{"lone ESC at end", "klaar\x1b", "klaar", "klaar"},
	{"unterminated CSI", "a\x1b[12;", "a", "a"},
	{"unterminated OSC swallows tail", "a\x1b]0;titel zonder einde", "a", "a"},
	{"OSC with ESC inside", "a\x1b]0;x\x1b[31my\x07b", "ab", "ab"},

	// C0 and C1 controls.
	{"carriage return", "veilig\rNEP", "veilig NEP", "veilig\nNEP"},
	{"backspace", "ab\bc", "abc", "abc"},
	{"bell", "a\ab", "ab", "ab"},
	{"NUL", "a\x00b", "ab", "ab"},
	{"DEL", "a\x7fb", "ab", "ab"},
	{"C1 CSI U+009B", "a\u009b2Jb", "a2Jb", "a2Jb"},
	{"C1 NEL U+0085", "a\u0085b", "ab", "ab"},
	{"C1 OSC U+009D", "a\u009d0;x\u009cb", "a0;xb", "a0;xb"},
	{"raw 0x9b byte", "a\x9b2Jb", "a\ufffd2Jb", "a\ufffd2Jb"},

	// Invisible format characters.
	{"RLO U+202E", "factuur\u202efdp.exe", "factuurfdp.exe", "factuurfdp.exe"},
	{"BOM", "\ufeffhallo", "hallo", "hallo"},
	{"soft hyphen", "ver\u00adbeter\u00adbord", "verbeterbord", "verbeterbord"},
	{"zero width space", "a\u200bb", "ab", "ab"},
	{"word joiner", "a\u2060b", "ab", "ab"},
	{"tag characters", "a\U000E0041\U000E007Fb", "ab", "ab"},
	{"private use", "a\ue000b", "ab", "ab"},

	// Invalid UTF-8 becomes U+FFFD, so the result is always valid.
	{"invalid byte", "a\xffb", "a\ufffdb", "a\ufffdb"},
	{"truncated sequence", "caf\xc3", "caf\ufffd", "caf\ufffd"},
	{"surrogate half", "a\xed\xa0\x80b", "a\ufffd\ufffd\ufffdb", "a\ufffd\ufffd\ufffdb"},

	// Line breaks and white space.
	{"CRLF", "een\r\ntwee", "een twee", "een\ntwee"},
	{"CR CR LF", "een\r\r\ntwee", "een twee", "een\n\ntwee"},
	{"newlines", "regel 1\nregel 2\n", "regel 1 regel 2", "regel 1\nregel 2"},
	{"tabs", "a\t\tb", "a b", "a  b"},
	{"runs of spaces", "  veel   spaties  ", "veel spaties", "veel   spaties"},
	{"line separator", "a\u2028b\u2029c", "a b c", "a\nb\nc"},
	{"no-break space", "a\u00a0b", "a b", "a\u00a0b"},
	{"only white space", " \t\r\n ", "", ""},
	{"blank lines around", "\n\nx\n\n", "x", "x"},

	// Emoji must survive whole: ZWJ joins them, U+FE0F selects the glyph.
	{"ZWJ teacher", "👩\u200d🏫 juf", "👩\u200d🏫 juf", "👩\u200d🏫 juf"},
	{"ZWJ family", "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"},
	{"variation selector", "\u2764\ufe0f", "\u2764\ufe0f", "\u2764\ufe0f"},
	{"flag", "🇳🇱 NL", "🇳🇱 NL", "🇳🇱 NL"},
	{"skin tone", "👍🏽", "👍🏽", "👍🏽"},

	// Markdown and HTML are text to the sanitizer; markdown.go escapes them.
	{"markdown", "# kop [link](x) <b>", "# kop [link](x) <b>", "# kop [link](x) <b>"},
}

func init() {
	for _, r := range bidiControls {
		s := "links" + string(r) + "rechts"
		cleanCases = append(cleanCases, cleanCase{"bidi " + string(r), s, "linksrechts", "linksrechts"})
	}
}

func TestCleanLine(t *testing.T) {
	for _, tc := range cleanCases {
		if got := CleanLine(tc.in, MaxLine); got != tc.line {
			t.Errorf("%s: CleanLine(%+q) = %+q, want %+q", tc.name, tc.in, got, tc.line)
		}
	}
}

func TestCleanText(t *testing.T) {
	for _, tc := range cleanCases {
		if got := CleanText(tc.in, MaxText); got != tc.text {
			t.Errorf("%s: CleanText(%+q) = %+q, want %+q", tc.name, tc.in, got, tc.text)
		}
	}
}

// Limits count runes of the cleaned text, and a cut never splits a rune.
func TestCleanLimits(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"cut at rune boundary", CleanLine("ëëëëë", 3), "ëëë"},
		{"ĳ is one rune", CleanLine("ĳĳĳĳ", 2), "ĳĳ"},
		{"no dangling space after cut", CleanLine("ab cd", 3), "ab"},
		{"escapes do not count", CleanLine("\x1b[2J\x1b]52;c;AAAA\x07abc", 3), "abc"},
		{"whitespace collapses before counting", CleanLine("a     b", 3), "a b"},
		{"text cut", CleanText("regel\nregel", 7), "regel\nr"},
		{"text: no dangling newline after cut", CleanText("regel\n\nregel", 7), "regel"},
		{"at the limit is kept", CleanLine("abc", 3), "abc"},
		{"emoji sequence under the limit is kept", CleanLine("👩\u200d🏫", 3), "👩\u200d🏫"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %+q, want %+q", tc.name, tc.got, tc.want)
		}
	}

	long := strings.Repeat("é", 3*MaxLine)
	if n := utf8.RuneCountInString(CleanLine(long, MaxLine)); n != MaxLine {
		t.Errorf("CleanLine of %d runes kept %d, want MaxLine=%d", 3*MaxLine, n, MaxLine)
	}
	if n := utf8.RuneCountInString(CleanText(strings.Repeat("é\n", MaxText), MaxText)); n > MaxText {
		t.Errorf("CleanText kept %d runes, want at most MaxText=%d", n, MaxText)
	}
	if got := CleanName(strings.Repeat("x", 100)); utf8.RuneCountInString(got) != 60 {
		t.Errorf("CleanName kept %d runes, want 60", utf8.RuneCountInString(got))
	}
}

// checkClean asserts what must hold for any output of the sanitizer, whatever
// the input: the rules of the Invariants section in docs/architecture.md.
func checkClean(t *testing.T, fn string, in, out string, max int, multiline bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s(%+q) = %+q: not valid UTF-8", fn, in, out)
	}
	for _, r := range out {
		switch {
		case r == '\n' && multiline:
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			t.Fatalf("%s(%+q) = %+q: holds control %U", fn, in, out, r)
		case unicode.Is(unicode.Cf, r) && r != 0x200d:
			t.Fatalf("%s(%+q) = %+q: holds format character %U", fn, in, out, r)
		}
	}
	if n := utf8.RuneCountInString(out); n > max {
		t.Fatalf("%s(%+q, %d) kept %d runes", fn, in, max, n)
	}
	if !multiline && strings.TrimSpace(out) != out {
		t.Fatalf("%s(%+q) = %+q: not trimmed", fn, in, out)
	}
	if !multiline && strings.Contains(out, "  ") {
		t.Fatalf("%s(%+q) = %+q: spaces not collapsed", fn, in, out)
	}
}

// fuzzMax turns a fuzzed number into a limit of 1..2500 runes, so short limits
// that cut inside sequences get exercised as much as the real ones.
func fuzzMax(n uint16) int { return int(n%2500) + 1 }

func FuzzCleanLine(f *testing.F) { fuzzClean(f, "CleanLine", CleanLine, MaxLine, false) }

func FuzzCleanText(f *testing.F) { fuzzClean(f, "CleanText", CleanText, MaxText, true) }

// fuzzClean checks what checkClean promises of clean, with its real limit
// and with limits that cut inside sequences, and that a second pass
// changes nothing.
func fuzzClean(f *testing.F, name string, clean func(string, int) string, limit int, multiline bool) {
	for _, tc := range cleanCases {
		f.Add(tc.in, uint16(limit))
		f.Add(tc.in, uint16(3))
	}
	f.Fuzz(func(t *testing.T, in string, n uint16) {
		max := fuzzMax(n)
		out := clean(in, max)
		checkClean(t, name, in, out, max, multiline)
		if again := clean(out, max); again != out {
			t.Fatalf("%s not idempotent: %+q → %+q → %+q", name, in, out, again)
		}
	})
}

// CleanScreen keeps what bord paints with (SGR styles, line breaks) and drops
// what a stored text could smuggle to a terminal.
func TestCleanScreen(t *testing.T) {
	const bold, reset = "\x1b[1m", "\x1b[m"
	for _, tc := range []struct{ name, in, want string }{
		{"plain frame", "a\nb", "a\nb"},
		{"styles kept", bold + "Acties" + reset + "\n\x1b[38;5;2;1mok\x1b[0m", bold + "Acties" + reset + "\n\x1b[38;5;2;1mok\x1b[0m"},
		{"clear screen", "a\x1b[2Jb", "ab"},
		{"cursor report", "a\x1b[6nb", "ab"},
		{"clipboard", "a\x1b]52;c;aGk=\x07b", "ab"},
		{"hyperlink", "\x1b]8;;https://x.example\x1b\\klik\x1b]8;;\x1b\\", "klik"},
		{"carriage return and backspace", "Sanne\r\bX", "Sanne X"},
		{"C1 CSI", "a\u009b2Jb", "a2Jb"},
		{"bidi override", "links\u202erechts", "linksrechts"},
		{"bell and tab", "a\x07\tb", "a b"},
		{"emoji joiner kept", "👩\u200d🏫", "👩\u200d🏫"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"half an SGR", "a\x1b[1", "a"},
	} {
		if got := CleanScreen(tc.in); got != tc.want {
			t.Errorf("%s: CleanScreen(%+q) = %+q, want %+q", tc.name, tc.in, got, tc.want)
		}
	}
	for _, tc := range cleanCases {
		checkScreen(t, tc.in, CleanScreen(tc.in))
	}
}

// checkScreen fails when out holds anything but text, line breaks and SGR.
func checkScreen(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("CleanScreen(%+q) = %+q: not valid UTF-8", in, out)
	}
	for i := 0; i < len(out); {
		if n := sgrLen(out[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == '\n':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			t.Fatalf("CleanScreen(%+q) = %+q: holds control %U", in, out, r)
		case unicode.Is(unicode.Cf, r) && r != 0x200d:
			t.Fatalf("CleanScreen(%+q) = %+q: holds format character %U", in, out, r)
		}
		i += size
	}
}

func FuzzCleanScreen(f *testing.F) {
	for _, tc := range cleanCases {
		f.Add(tc.in)
		f.Add("\x1b[1m" + tc.in + "\x1b[m\n")
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := CleanScreen(in)
		checkScreen(t, in, out)
		if again := CleanScreen(out); again != out {
			t.Fatalf("CleanScreen not idempotent: %+q → %+q → %+q", in, out, again)
		}
	})
}
