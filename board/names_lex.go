package board

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
)

// namedata.gz is made by internal/namegen from public word and name lists;
// namedata_NOTICE.txt names each source and its licence.
//
//go:generate go run ./internal/namegen
//go:embed namedata.gz
var namedata []byte

// lex says what a lower-case word is, by the lists in namedata.gz. A word
// can be several things ("roos" is a flower and a name).
type lex uint8

const (
	lexWord    lex = 1 << iota // an ordinary Dutch word
	lexEnglish                 // a common English word that is no name
	lexPerson                  // a first name or surname
	lexThing                   // a proper noun that is no person: place, feast, brand
)

var lexicon struct {
	once  sync.Once
	text  string   // "word\tflags\n" lines, sorted by word
	start []uint32 // offset of each line in text
}

// loadLexicon unpacks the embedded lists once, on first use, so a bord
// that never checks a note pays nothing for them.
func loadLexicon() {
	zr, err := gzip.NewReader(bytes.NewReader(namedata))
	if err != nil {
		return // a broken embed leaves the lists empty; the rules still run
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return
	}
	text := string(data)
	start := make([]uint32, 0, bytes.Count(data, []byte{'\n'}))
	for i := 0; i < len(text); {
		start = append(start, uint32(i))
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	lexicon.text, lexicon.start = text, start
}

// lookup returns what the lower-case word w is, 0 when no list has it.
func lookup(w string) lex {
	lexicon.once.Do(loadLexicon)
	text, start := lexicon.text, lexicon.start
	// key compares w with the word of line i: <0, 0, >0 as w sorts
	// before, equal to or after it, without slicing the line.
	key := func(i int) int {
		s := text[start[i]:]
		for j := 0; ; j++ {
			c := byte('\t')
			if j < len(s) {
				c = s[j]
			}
			switch {
			case j == len(w):
				if c == '\t' {
					return 0
				}
				return -1
			case c == '\t' || w[j] > c:
				return 1
			case w[j] < c:
				return -1
			}
		}
	}
	lo, hi := 0, len(start)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if key(m) > 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(start) || key(lo) != 0 {
		return 0
	}
	var l lex
	for _, c := range text[start[lo]+uint32(len(w))+1:] {
		switch c {
		case 'w':
			l |= lexWord
		case 'e':
			l |= lexEnglish
		case 'p':
			l |= lexPerson
		case 'k':
			l |= lexThing
		default:
			return l
		}
	}
	return l
}
