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
julia julian jonas lucas levi luca hugo siem thijmen tygo noud melle ryan
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

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// LooksLikeName returns the words of text that look like a person's name:
// a name of a team member, a common first name, a capitalised word after
// "juf" or "meneer", or a capitalised word that is neither at the start of
// a sentence nor a known word. It returns nil when text looks clean.
func LooksLikeName(text string, members []string) []string {
	member := map[string]bool{}
	for _, m := range members {
		for _, part := range strings.Fields(strings.ToLower(m)) {
			if !particles[part] {
				member[part] = true
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
	for _, tok := range tokens(text) {
		if tok.punct {
			if strings.ContainsAny(tok.s, ".!?:;\"“”‘(\n") {
				sentenceStart = true
			}
			continue
		}
		w := tok.s
		lw := strings.ToLower(w)
		capital := unicode.IsUpper([]rune(w)[0])
		allCaps := strings.ToUpper(w) == w
		isLabel := len(w) <= 3 && (w[0] == 'L' || w[0] == 'l') && strings.Trim(w[1:], "0123456789") == ""
		switch {
		case isLabel || allCaps && len([]rune(w)) > 1:
			// speaker labels (L3) and abbreviations (OPP, IB) are fine
		case member[lw]:
			add(w)
		case firstNames[lw] && !ambiguousNames[lw]:
			add(w)
		case capital && namePrefixes[strings.ToLower(prev)]:
			add(w)
		case capital && !sentenceStart && !knownCapitals[lw]:
			add(w)
		}
		sentenceStart = false
		prev = w
	}
	return found
}

type token struct {
	s     string
	punct bool
}

// tokens splits text into words (letters, digits, apostrophes inside words)
// and the punctuation between them.
func tokens(text string) []token {
	var out []token
	var word, gap strings.Builder
	flushWord := func() {
		if word.Len() > 0 {
			out = append(out, token{s: strings.TrimRight(word.String(), "'’")})
			word.Reset()
		}
	}
	flushGap := func() {
		if gap.Len() > 0 {
			out = append(out, token{s: gap.String(), punct: true})
			gap.Reset()
		}
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (word.Len() > 0 && (r == '\'' || r == '’' || r == '-')) {
			flushGap()
			word.WriteRune(r)
			continue
		}
		flushWord()
		gap.WriteRune(r)
	}
	flushWord()
	flushGap()
	return out
}
