package board

import (
	_ "embed"
	"sync/atomic"
)

// namedata.bin is made by internal/namegen from public word and name lists;
// namedata_NOTICE.txt names each source and its licence. It is read where
// it lies in the binary: nothing is unpacked at start or on first use, so
// the first note checked waits for nothing.
//
//go:generate go run ./internal/namegen
//go:embed namedata.bin
var namedata string

// The table lies in the binary's read-only data, which the system loads
// page by page on first touch: cold, one note's lookups cost milliseconds
// of page faults. Touching every page once in the background at start
// (about 750 pages) makes the first note checked as quick as the rest.
func init() {
	go func() {
		var sum byte
		for i := 0; i < len(namedata); i += 4096 {
			sum += namedata[i]
		}
		touched.Store(uint32(sum) + 1)
	}()
}

// touched keeps the warm-up's result, so the compiler keeps its reads.
var touched atomic.Uint32

// lex says what a lower-case word is, by the lists in namedata.bin. A word
// can be several things ("roos" is a flower and a name).
type lex uint8

const (
	lexWord    lex = 1 << iota // an ordinary Dutch word
	lexEnglish                 // a common English word that is no name
	lexPerson                  // a first name or surname
	lexThing                   // a proper noun that is no person: place, feast, brand
)

// The layout of namedata.bin (see internal/namegen): a little-endian uint32
// count of blocks, that many uint32 offsets of the blocks into the entries,
// then the entries, sorted by word. An entry is the length of the prefix it
// shares with the entry before, the length of the rest, the rest, and a
// flag byte (the lex bits). Each block of 16 starts with a whole word.
func blockCount() int {
	if len(namedata) < 4 {
		return 0
	}
	return int(le32(namedata))
}

// lookup returns what the lower-case word w is, 0 when no list has it.
func lookup(w string) lex {
	n := blockCount()
	if n == 0 || len(w) == 0 || len(w) > 255 {
		return 0
	}
	entries := namedata[4+4*n:]
	block := func(i int) string {
		return entries[le32(namedata[4+4*i:]):]
	}
	head := func(i int) string { // the whole first word of block i
		e := block(i)
		return e[2 : 2+int(e[1])]
	}
	// the last block whose first word is not after w
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if head(m) <= w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 0
	}
	e := block(lo - 1)
	var buf [255]byte
	key := buf[:0]
	for range 16 {
		if len(e) < 3 {
			return 0
		}
		p, r := int(e[0]), int(e[1])
		key = append(key[:p], e[2:2+r]...)
		switch c := compare(key, w); {
		case c == 0:
			return lex(e[2+r])
		case c > 0:
			return 0
		}
		e = e[3+r:]
	}
	return 0
}

func le32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// compare is strings.Compare for a byte slice and a string, without
// copying either.
func compare(a []byte, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		switch {
		case a[i] < b[i]:
			return -1
		case a[i] > b[i]:
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}
