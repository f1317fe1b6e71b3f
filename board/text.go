package board

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits for user text, in runes. They keep one card readable on a
// board and keep a hostile client from filling memory.
const (
	MaxLine = 200  // titles, names, one-line fields
	MaxText = 2000 // longer notes
)

// CleanLine is Clean for one-line fields: line breaks and tabs become spaces,
// runs of spaces collapse, and the result is trimmed and cut to max runes.
func CleanLine(s string, max int) string {
	s = clean(s, false)
	s = strings.Join(strings.Fields(s), " ")
	return truncate(s, max)
}

// CleanText is the sanitizer for multi-line text: it keeps line breaks
// (normalised to \n) and cuts the result to max runes.
func CleanText(s string, max int) string {
	return truncate(strings.TrimSpace(clean(s, true)), max)
}

// clean removes everything from s that could change a terminal's state or
// hide what the text says: invalid UTF-8, escape sequences (CSI, OSC, DCS,
// SOS, PM, APC and two-byte ESC sequences), C0 and C1 controls, and invisible
// format characters such as bidi overrides. ZWJ stays, so emoji sequences
// survive. It is the single place where user text is made safe; x/ansi.Strip
// alone is not enough because it keeps \r, \b, BEL, U+009B and U+202E.
func clean(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(utf8.RuneError)
			i += max(size, 1)
			continue
		}
		switch {
		case r == 0x1b:
			i = skipEscape(s, i+size)
			continue
		case r == '\n' || r == '\r':
			if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++ // \r\n counts as one break
			}
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case r == 0x200d: // zero width joiner: part of emoji sequences
			b.WriteRune(r)
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			// C0 and C1 controls, DEL: dropped.
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r):
			// bidi overrides and isolates, BOM, soft hyphen, tags, private use.
		case r == 0x2028 || r == 0x2029: // line and paragraph separators
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// skipEscape returns the index just past the escape sequence whose ESC ended
// before i. Unterminated sequences swallow the rest of the string: better to
// lose a tail than to pass half a sequence on.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[': // CSI: parameters and intermediates, then one final byte
		for i++; i < len(s); i++ {
			if c := s[i]; c >= 0x40 && c <= 0x7e {
				return i + 1
			}
		}
		return i
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to BEL or ST
		for i++; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return i
	}
	// Two-byte sequence (ESC c, ESC 7, ...): drop the next rune too.
	_, size := utf8.DecodeRuneInString(s[i:])
	return i + size
}

func truncate(s string, max int) string {
	if max <= 0 || utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace)
		}
		n++
	}
	return s
}

// CleanScreen is the last line of defence before a terminal: it keeps line
// breaks and SGR styling (ESC [ digits ; : m, the only sequences bord paints
// with) and removes everything else that clean removes. The TUI runs every
// frame through it, so text that reached the database uncleaned (an older
// file, a hand edit) still cannot move a cursor, set a clipboard, open a
// link or reverse text on anyone's screen. A frame with nothing to remove
// is returned as it is, without copying.
func CleanScreen(s string) string {
	i := firstUnsafe(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i < len(s) {
		b.WriteString(s[:i])
		s = s[i:]
		// s starts with something unsafe.
		if s[0] == 0x1b {
			s = s[skipEscape(s, 1):]
		} else {
			r, size := utf8.DecodeRuneInString(s)
			if r == '\t' || r == '\r' {
				b.WriteByte(' ')
			} else if r == utf8.RuneError && size <= 1 {
				b.WriteRune(utf8.RuneError)
			}
			s = s[max(size, 1):]
		}
		i = firstUnsafe(s)
	}
	b.WriteString(s)
	return b.String()
}

// firstUnsafe is the index of the first byte of s that CleanScreen must
// drop or replace: an ESC that does not start an SGR sequence, a control
// other than \n, or a rune clean drops.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			n := sgrLen(s[i:])
			if n == 0 {
				return i
			}
			i += n
			continue
		}
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size <= 1) || (r >= 0x80 && r <= 0x9f) ||
			(r != 0x200d && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r))) ||
			r == 0x2028 || r == 0x2029 {
			return i
		}
		i += size
	}
	return len(s)
}

// sgrLen is the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case (c >= '0' && c <= '9') || c == ';' || c == ':':
		default:
			return 0
		}
	}
	return 0
}
