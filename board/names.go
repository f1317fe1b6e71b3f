package board

import (
	"strings"
	"unicode"
)

// The name guard keeps pupils' (and teachers') names out of arena notes:
// pupils are minors, and the method asks that nobody is named. It warns,
// it does not forbid: the note-taker may rephrase or save anyway.

// firstNames are common Dutch first names, lower case. Names that are also
// ordinary words are in ambiguousNames instead and only count when written
// with a capital in the middle of a sentence.
var firstNames = setOf(`
adam ahmed aisha alex amber amira anna anouk ayoub bas benjamin bram britt
bo casper daan david dewi dylan elif emma esmee eva evi fatima femke finn
floor gijs hanna hamza hidde ibrahim imane ilse iris isa jan jasper jayden
jesse jens jesper joep joost jurre kevin kim lars laura lieke lisa liam lina
lotte lucas luuk maud max meike milan mila mohamed mohammed naomi nina noah
noor nora olivia omar pim quinn rayan renske rick robin romy ruben sam sanne
sara sarah sem senna sofie sophie stijn sven teun thijs thomas tim timo
tobias tom twan vera wessel willem yara yasmin youssef zoë zoe ziggy mees
anne marie julia julian jonas lucas levi luca hugo siem thijmen tygo noud melle ryan
nova saar yfke fenna lynn fleur roos sterre jade lana elin feline maria
mark peter marieke ingrid pieter ahmet mehmet ali emre selin kees henk
`)

var ambiguousNames = setOf(`fleur roos sterre jade lana mark bo floor
kim max sam tim tom vera noor nova iris eva`)

// knownCapitals are words that Dutch and English write with a capital in
// the middle of a sentence without being a person: months and days (often
// capitalised by mistake), school subjects, languages, and school words.
var knownCapitals = setOf(`
januari februari maart april mei juni juli augustus september oktober
november december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday
nederlands engels duits frans spaans latijn grieks arabisch turks
wiskunde rekenen taal lezen spelling geschiedenis aardrijkskunde biologie
natuurkunde scheikunde economie gym lo bewegingsonderwijs muziek tekenen
handvaardigheid drama informatica techniek godsdienst levensbeschouwing
mentor mentoruur kerst pasen sinterklaas ramadan suikerfeest
teams magister somtoday chromebook chromebooks ipad ipads google classroom
kahoot word excel powerpoint youtube
english dutch german french spanish maths math science history geography
biology physics chemistry music art
ik i ok oké
`)

// particles are the small words inside Dutch surnames (de, van, ter): part
// of a member's name, but ordinary words on their own.
var particles = setOf(`de van der den het ten ter te 't in op la le el al von du da di`)

// namePrefixes are words after which a capitalised word is almost surely a
// name: "juf Jansen", "meester Bram", "mevrouw De Vries".
var namePrefixes = setOf(`juf meester mevrouw meneer mw dhr mr mrs miss ms sir teacher`)

// titles are the prefixes that are followed by a name even when the
// note-taker types it in lower case ("meneer jansen", "juf de vries"); the
// English "miss", "sir" and "teacher" are too often followed by other words.
var titles = setOf(`juf meester mevrouw meneer mw dhr mr mrs ms`)

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

// LooksLikeName returns the words of text that look like a person's name:
// a name of a team member or a common first name (in any case, also as a
// part of "sanne-lotte" or "Ahmed's"), the word after "juf" or "meneer", or
// a capitalised word that is neither at the start of a sentence nor a known
// word. It returns nil when text looks clean.
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
	var found []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[strings.ToLower(w)] {
			seen[strings.ToLower(w)] = true
			found = append(found, w)
		}
	}
	sentenceStart := true
	prev := ""
	title := false // the words after a title until its name
	for _, tok := range tokens(text) {
		if tok.punct {
			if strings.ContainsAny(tok.s, ".!?:;\"“”‘(\n") {
				sentenceStart = true
			}
			if strings.TrimSpace(tok.s) != "" {
				title = false
			}
			continue
		}
		w := tok.s
		lw := strings.ToLower(w)
		parts := wordParts(w)
		isLabel := len(w) <= 3 && (w[0] == 'L' || w[0] == 'l') && strings.Trim(w[1:], "0123456789") == ""
		// Names first, in any case: "SANNE" is not an abbreviation, and a
		// team member at the start of a sentence is still named.
		named := false
		for _, p := range parts {
			lp := strings.ToLower(p)
			if member[lp] || firstNames[lp] && !ambiguousNames[lp] {
				add(p)
				named = true
			}
		}
		capitals := 0
		for _, p := range parts {
			if unicode.IsUpper([]rune(p)[0]) {
				capitals++
			}
		}
		capital := unicode.IsUpper([]rune(w)[0])
		allCaps := strings.ToUpper(w) == w
		switch {
		case named || isLabel:
			title = false
		case title && titleParticles[lw]:
			if capital {
				add(w) // "mevrouw De Vries": the particle is part of the name
			}
		case title && afterTitle[lw]:
			title = false
		case title:
			for _, p := range parts {
				if len([]rune(p)) > 1 {
					add(p)
				}
			}
			title = false
		case allCaps && len([]rune(w)) > 1:
			// abbreviations (OPP, IB) are fine
		case capital && namePrefixes[strings.ToLower(prev)]:
			add(w)
		case capitals > 1 && len(parts) > 1:
			// "Anne-Marie", also at the start of a sentence
			for _, p := range parts {
				if unicode.IsUpper([]rune(p)[0]) && !knownCapitals[strings.ToLower(p)] {
					add(p)
				}
			}
		case capital && !sentenceStart && !knownCapitals[lw] && !knownCapitals[strings.ToLower(parts[0])]:
			add(parts[0])
		}
		if titles[lw] {
			title = true
		}
		sentenceStart = false
		prev = w
	}
	return found
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
