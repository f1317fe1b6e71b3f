package board

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The name guard keeps pupils' (and teachers') names out of arena notes:
// pupils are minors, and the method asks that nobody is named. It warns,
// it does not forbid: the note-taker may rephrase or save anyway, and the
// arena report masks what the guard flags when it is made.
//
// It knows words from lists (names_lex.go: about 80,000 first names and
// surnames of many origins, 350,000 Dutch word forms, places, feasts and
// school vocabulary) and reads a word in its sentence: a name that is no
// Dutch word is flagged anywhere and in any case; a word that is both
// ("Roos", "Storm") only where it is used as a name; an unknown word where
// a name stands (capitalised inside a sentence, after "juf", before
// "zegt"). board/testdata/arena_notes.tsv measures it (names_eval_test.go).

// particles are the small words inside Dutch surnames (de, van, ter): part
// of a member's name, but ordinary words on their own.
var particles = setOf(`de van der den het ten ter te 't in op la le el al von du da di`)

// namePrefixes are words after which a capitalised word is almost surely a
// name: "juf Jansen", "meester Bram", "mevrouw De Vries".
var namePrefixes = setOf(`juf meester mevrouw meneer mw dhr mr mrs miss ms sir teacher`)

// titles are the prefixes that are followed by a name even when the
// note-taker types it in lower case ("meneer jansen", "juf de vries"); the
// English "miss", "sir" and "teacher" are too often followed by other words.
var titles = setOf(`juf meester juffrouw mevrouw meneer mw mevr dhr mnr mr mrs ms`)

// weakTitles are also ordinary nouns ("de juf is lief"): after them a lower
// case Dutch word is a word, where after "meneer" or "dhr" it is a surname
// ("dhr bakker").
var weakTitles = setOf(`juf meester juffrouw`)

// titleParticles may stand between a title and the surname: "juf de vries".
var titleParticles = setOf(`de van der den ter ten t von la le du da di`)

// afterTitle are the ordinary words that follow a title in a sentence about
// the teacher ("de juf legt het uit"): they end the title, they are no name.
var afterTitle = setOf(`
is was zegt zei heeft had legt legde geeft gaf kan kon moet wil mag doet deed
gaat ging vindt vond weet snapt helpt hielp praat leest laat liet maakt zit
staat loopt komt kwam wordt werd zou zal vertelt vertelde gebruikt luistert
kijkt neemt let vraagt vroeg antwoordt schrijft roept lacht wacht begint
stopt en of die dat ook niet wel nog altijd vaak soms nooit meestal heel erg
echt zo best een het in op bij met voor aan uit om naar als dan maar want
omdat zijn waren kunnen moeten willen hebben
`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// personVerbs follow a person as subject ("Jip zegt", "Aylin en Jip
// vinden"): an unknown word before one is a name.
var personVerbs = setOf(`
zegt zei zeggen vindt vond vinden denkt dacht denken wil wilde willen snapt
snapte snappen begrijpt begreep vraagt vroeg vragen lacht lachte lachen praat
praatte praten roept riep roepen helpt hielp helpen pest pestte pesten huilt
huilde fluistert fluisterde kletst kletste antwoordt antwoordde vertelt
vertelde vertellen schreeuwt schreeuwde speelt speelde spelen zit zat zitten
loopt liep leest las heeft had hebben mag mocht kan kon kunnen moet moest
is was zijn waren komt kwam gaat ging gaan doet deed doen weet wist werkt
werkte maakt maakte krijgt kreeg geeft gaf neemt nam hoort hoorde kijkt keek
stoort stoorde durft durfde luistert luisterde stelde stelt noemt noemde
`)

// humanVerbs are the person verbs a thing seldom does: before one, a word
// that is also an ordinary word ("Roos vindt", but not "Storm is") is a name.
var humanVerbs = setOf(`
zegt zei zeggen vindt vond vinden denkt dacht denken wil wilde willen snapt
snapte begrijpt begreep vraagt vroeg vragen lacht lachte praat praatte roept
riep helpt hielp pest pestte huilt huilde fluistert fluisterde kletst
antwoordt antwoordde vertelt vertelde schreeuwt durft luistert noemt
`)

// pluralVerbs are the person verbs with a plural subject ("kinderen
// vinden"): after one word, that word is no single person.
var pluralVerbs = setOf(`zeggen vinden denken willen snappen vragen lachen praten roepen helpen pesten vertellen spelen zitten hebben kunnen zijn waren gaan doen`)

// functionWords start sentences and are in some name list too ("Dan",
// "Ze"); they are never taken for a name by their place alone.
var functionWords = setOf(`
ik je jij u hij zij ze wij we jullie het de een die dat dit deze er daar hier
toen nu dan ook alle alles iedereen niemand iemand wie wat waar men mijn jouw
zijn haar onze ons hun en of maar want als omdat dus nog wel niet geen
`)

// conjunctions start a clause, like the start of a sentence: "…dat roos vindt".
var conjunctions = setOf(`en of maar want dat omdat toen als terwijl zodat doordat nadat hoewel volgens`)

// determiners before a word make it a thing: "de storm", "mijn roos".
var determiners = setOf(`de het een die dat deze dit mijn jouw je zijn haar onze ons hun uw elke ieder`)

// word is one word of a note with what is known of its place.
type word struct {
	s     string
	start bool   // first word of a sentence
	punct string // for a break (s == ""): the punctuation
}

// LooksLikeName returns the words of text that look like a person's name:
// a team member's name; a first name or surname that is no Dutch word, in
// any case and place, also inside "sanne-lotte", "Ahmed's" or "Milans"; a
// word that is both a word and a name ("Roos") where it is used as a name;
// the name after "juf", "meester" or "mevrouw", also only an initial; an
// unknown capitalised word inside a sentence; an unknown word before
// "zegt" or "vindt"; and the other of two words joined by "en" when one is
// a name. It returns nil when text looks clean.
func LooksLikeName(text string, members []string) []string {
	member := map[string]bool{}
	for _, m := range members {
		for _, part := range strings.Fields(strings.ToLower(m)) {
			for _, p := range wordParts(part) {
				if !particles[p] {
					member[p] = true
				}
			}
		}
	}
	var words []word
	sentenceStart := true
	for _, tok := range tokens(text) {
		if tok.punct {
			if strings.ContainsAny(tok.s, ".!?:;\"“”‘(\n•*") || strings.HasPrefix(strings.TrimSpace(tok.s), "-") {
				sentenceStart = true
			}
			if strings.TrimSpace(tok.s) != "" {
				words = append(words, word{punct: tok.s}) // a break: no "en" pair, no title over it
			}
			continue
		}
		words = append(words, word{s: tok.s, start: sentenceStart})
		sentenceStart = false
	}

	var found []string
	seen := map[string]bool{}
	add := func(w string) {
		if w != "" && !seen[strings.ToLower(w)] {
			seen[strings.ToLower(w)] = true
			found = append(found, w)
		}
	}
	next := func(i int) string {
		if i+1 < len(words) {
			return strings.ToLower(words[i+1].s)
		}
		return ""
	}
	prev := func(i int) string {
		if i > 0 {
			return strings.ToLower(words[i-1].s)
		}
		return ""
	}
	label := func(i int) bool { // "Mila: ik wil…", a speaker's name before a colon
		return words[i].start && i+1 < len(words) && words[i+1].s == "" && strings.HasPrefix(words[i+1].punct, ":")
	}
	inPhrase := phrases(words)
	flagged := make([]bool, len(words))
	title := false    // the words after a title until its name
	particle := false // a particle after a title: "juf de vries"
	for i, w := range words {
		if w.s == "" {
			// "mevr. Kowalski": the dot of an abbreviated title keeps it
			title = title && strings.TrimSpace(w.punct) == "."
			continue
		}
		lw := strings.ToLower(w.s)
		parts := wordParts(w.s)
		capital := unicode.IsUpper([]rune(w.s)[0])
		allCaps := strings.ToUpper(w.s) == w.s && len([]rune(w.s)) > 1
		isLabel := len(w.s) <= 3 && (w.s[0] == 'L' || w.s[0] == 'l') && strings.Trim(w.s[1:], "0123456789") == ""
		// A team member is named wherever, in whatever case.
		for _, p := range parts {
			if member[strings.ToLower(p)] {
				add(p)
				flagged[i] = true
			}
		}
		switch {
		case flagged[i] || isLabel || inPhrase[i]:
			title = false
		case title && titleParticles[lw]:
			if capital {
				add(w.s) // "mevrouw De Vries": the particle is part of the name
				flagged[i] = true
			}
			particle = true
		case title && !particle && (afterTitle[lw] || weakTitles[prev(i)] && !capital && lookup(lw)&(lexWord|lexEnglish) != 0):
			title = false
		case title:
			for _, p := range parts {
				add(p) // also an initial: "meester D."
			}
			flagged[i] = true
			title = false
		default:
			for _, p := range parts {
				if isName(p, w.start && p == parts[0], allCaps, label(i), prev(i), next(i)) {
					add(p)
					flagged[i] = true
				}
			}
		}
		particle = particle && title
		if titles[lw] || namePrefixes[lw] && capital {
			title = titles[lw] || i+1 < len(words) && words[i+1].s != "" && unicode.IsUpper([]rune(words[i+1].s)[0])
		}
	}
	// "Roos en Milan": when one of two words joined by "en" is a name, the
	// other is one too if it could be (capitalised, or a name in a list).
	for i := 1; i+1 < len(words); i++ {
		if strings.ToLower(words[i].s) != "en" {
			continue
		}
		a, b := i-1, i+1
		for _, pair := range [][2]int{{a, b}, {b, a}} {
			x, y := pair[0], pair[1]
			if !flagged[x] || flagged[y] || words[y].s == "" {
				continue
			}
			ly := strings.ToLower(words[y].s)
			l := lookup(ly)
			if functionWords[ly] || l&lexThing != 0 && l&lexPerson == 0 {
				continue
			}
			if l&lexPerson != 0 || unicode.IsUpper([]rune(words[y].s)[0]) && l&(lexWord|lexEnglish) == 0 {
				add(words[y].s)
				flagged[y] = true
			}
		}
	}
	return found
}

// compound says whether w is two known words written as one, as Dutch
// does ("zuiderzee|museum", "school|plein", with a linking s:
// "verjaardag|s|feest"). Each part has at least four letters, so a name
// is seldom split by chance.
func compound(w string) bool {
	const min = 4
	known := func(s string) bool { return lookup(s)&(lexWord|lexThing) != 0 }
	for i := min; i+min <= len(w); i++ {
		if !utf8.RuneStart(w[i]) {
			continue
		}
		if lookup(w[i:])&lexWord == 0 {
			continue
		}
		if known(w[:i]) || w[i-1] == 's' && i-1 >= min && known(w[:i-1]) {
			return true
		}
	}
	return false
}

// phrases marks the words that make up a known title or name of a thing
// ("Harry Potter", "Albert Heijn", "Anne Frank Huis"): the lists hold them
// joined by spaces, and a first name inside one names nobody.
func phrases(words []word) []bool {
	in := make([]bool, len(words))
	for i := range words {
		if words[i].s == "" || !unicode.IsUpper([]rune(words[i].s)[0]) {
			continue
		}
		key := strings.ToLower(words[i].s)
		for j := i + 1; j < len(words) && j < i+4 && words[j].s != ""; j++ {
			key += " " + strings.ToLower(words[j].s)
			if lookup(key)&lexThing != 0 {
				for k := i; k <= j; k++ {
					in[k] = true
				}
			}
		}
	}
	return in
}

// isName decides one part of a word by what the lists know of it and by
// its place: start of a sentence, in capitals, the words around it.
func isName(p string, start, allCaps, label bool, prev, next string) bool {
	lp := strings.ToLower(p)
	capital := unicode.IsUpper([]rune(p)[0])
	if len([]rune(lp)) < 2 || functionWords[lp] && !capital {
		return false
	}
	l := lookup(lp)
	word := l&(lexWord|lexEnglish) != 0
	person := l&lexPerson != 0
	thing := l&lexThing != 0
	if allCaps && len([]rune(lp)) <= 3 {
		return false // OPP, IB, AH: abbreviations
	}
	switch {
	case person && !word:
		return true
	case person:
		// both a word and a name: a name where a name stands
		if determiners[prev] || functionWords[lp] {
			return false
		}
		// Before a singular verb only: "Roos vindt", not "Kinderen vinden".
		return capital && !start && !allCaps || label ||
			humanVerbs[next] && !pluralVerbs[next] && (capital || start || conjunctions[prev])
	case thing || word:
		return false
	}
	// Unknown to every list. A possessive of a name: "Milans", "Noahs".
	if strings.HasSuffix(lp, "s") {
		if s := lookup(lp[:len(lp)-1]); s&lexPerson != 0 && s&(lexWord|lexEnglish|lexThing) == 0 {
			return true
		}
	}
	if (capital && !allCaps && !start || label) && !compound(lp) {
		return true // not "Zuiderzeemuseum": two known words
	}
	return personVerbs[next] && !determiners[prev]
}

// wordParts splits a word at the apostrophes and hyphens it keeps inside:
// "Ahmed's" is Ahmed, "sanne-lotte" is sanne and lotte. A trailing "s" of a
// possessive is dropped.
func wordParts(w string) []string {
	parts := strings.FieldsFunc(w, isJoiner)
	out := parts[:0]
	for i, p := range parts {
		if i > 0 && (p == "s" || p == "S") {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return []string{w}
	}
	return out
}

func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

type token struct {
	s     string
	punct bool
}

// tokens splits text into words (letters and digits, with apostrophes and
// hyphens between them) and the punctuation between them. Joined back they
// are text again, so MaskNames can rebuild it.
func tokens(text string) []token {
	var out []token
	var word, gap strings.Builder
	flush := func(b *strings.Builder, punct bool) {
		if b.Len() > 0 {
			out = append(out, token{s: b.String(), punct: punct})
			b.Reset()
		}
	}
	rs := []rune(text)
	for i, r := range rs {
		joins := word.Len() > 0 && isJoiner(r) && i+1 < len(rs) && isWordRune(rs[i+1])
		if isWordRune(r) || joins {
			flush(&gap, true)
			word.WriteRune(r)
			continue
		}
		flush(&word, false)
		gap.WriteRune(r)
	}
	flush(&word, false)
	flush(&gap, true)
	return out
}

// MaskNames replaces the given words (as LooksLikeName found them) in text
// with mask, also where they are part of a longer word: "Ahmed's" becomes
// "[naam]'s". The rest of text is kept as it was.
func MaskNames(text string, names []string, mask string) string {
	if len(names) == 0 {
		return text
	}
	hide := map[string]bool{}
	for _, n := range names {
		hide[strings.ToLower(n)] = true
	}
	var sb strings.Builder
	for _, tok := range tokens(text) {
		switch {
		case tok.punct:
			sb.WriteString(tok.s)
		case hide[strings.ToLower(tok.s)]:
			sb.WriteString(mask)
		default:
			// mask part by part, keeping the joiners between them
			var part strings.Builder
			flush := func() {
				if hide[strings.ToLower(part.String())] {
					sb.WriteString(mask)
				} else {
					sb.WriteString(part.String())
				}
				part.Reset()
			}
			for _, r := range tok.s {
				if isJoiner(r) {
					flush()
					sb.WriteRune(r)
					continue
				}
				part.WriteRune(r)
			}
			flush()
		}
	}
	return sb.String()
}
