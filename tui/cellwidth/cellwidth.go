// Package cellwidth measures and cuts terminal lines the way
// github.com/charmbracelet/x/ansi does (StringWidth, Truncate), with the
// same results, but cheaply for the lines bord draws.
//
// Why: every line of every frame of every session is measured, often twice
// (the TUI fits it, the SSH screen writer checks it), and ansi segments
// each line into grapheme clusters to do so. Nearly all of bord's lines are
// printable ASCII, box drawing and Latin letters between SGR sequences, where
// every rune is its own cluster one cell wide; such a line is measured by
// counting. Any other line (emoji, wide or combining runes, other escape
// sequences) goes to ansi, through a small cache shared by all sessions,
// since the same lines repeat across sessions and frames.
package cellwidth

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// simple reports whether r is one cell wide and a grapheme cluster on its
// own next to any other simple rune or SGR sequence. The ranges are checked
// rune by rune against ansi in the tests.
func simple(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f:
		return true
	case r >= 0xa1 && r <= 0xff:
		// Latin-1 letters and signs (é, ë, ·, ½); not NBSP or the soft
		// hyphen, whose widths differ between libraries.
		return r != 0xad
	case r >= 0x2500 && r <= 0x259f: // box drawing, block elements
		return true
	case r == 0x2013, r == 0x2014, r == 0x2022, r == 0x2026, r == 0x203a, r == 0x2190,
		r == 0x2191, r == 0x2192, r == 0x2193, r == 0x21e7, r == 0x23ce, r == 0x25aa,
		r == 0x25b6, r == 0x25cb, r == 0x25cf, r == 0x2605, r == 0x270e, r == 0x2713,
		r == 0x2717, r == 0x23f1, r == 0x26a0:
		// – — • … › ← ↑ → ↓ ⇧ ⏎ ▪ ▶ ○ ● ★ ✎ ✓ ✗ ⏱ ⚠: marks the screens use.
		return true
	}
	return false
}

// fast measures s if it is simple: simple runes and SGR sequences
// (ESC [ parameters m) only. ok is false for anything else.
func fast(s string) (w int, ok bool) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			w++
			i++
		case c == 0x1b:
			n := sgrLen(s[i:])
			if n == 0 {
				return 0, false
			}
			i += n
		case c < utf8.RuneSelf:
			return 0, false // other control characters
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !simple(r) {
				return 0, false
			}
			w++
			i += size
		}
	}
	return w, true
}

// sgrLen is the length of the SGR sequence s starts with, or 0 if s does
// not start with one.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c == ';', c == ':':
		case c == 'm':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// cacheMax bounds the cache of lines ansi measured: a whole set of screens
// at a few sizes fits, and when it is full it is emptied, which costs one
// measurement per line again and never memory without bound.
const cacheMax = 8192

var cache = struct {
	sync.RWMutex
	m map[string]int
}{m: make(map[string]int)}

// String is ansi.StringWidth(s).
func String(s string) int {
	if w, ok := fast(s); ok {
		return w
	}
	cache.RLock()
	w, ok := cache.m[s]
	cache.RUnlock()
	if ok {
		return w
	}
	w = ansi.StringWidth(s)
	if len(s) > 1024 {
		return w // not worth keeping
	}
	cache.Lock()
	if len(cache.m) >= cacheMax {
		clear(cache.m)
	}
	cache.m[s] = w
	cache.Unlock()
	return w
}

// Truncate is ansi.Truncate(s, length, tail): s cut to length cells with
// tail at the end when it is wider, escape sequences kept.
func Truncate(s string, length int, tail string) string {
	sw, ok := fast(s)
	if !ok {
		return ansi.Truncate(s, length, tail)
	}
	if sw <= length {
		return s
	}
	length -= String(tail)
	if length < 0 {
		return ""
	}
	// As ansi does: the runes up to length, then the tail, then every
	// escape sequence after it (so styles are closed as they were).
	var b strings.Builder
	b.Grow(len(s) + len(tail))
	w, cutting := 0, false
	for i := 0; i < len(s); {
		if n := sgrLen(s[i:]); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if !cutting && w >= length {
			cutting = true
			b.WriteString(tail)
		}
		if !cutting {
			b.WriteString(s[i : i+size])
			w++
		}
		i += size
	}
	return b.String()
}
