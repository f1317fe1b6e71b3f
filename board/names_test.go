package board

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Each case is a note with the names LooksLikeName must find in it
// [bracketed]; the brackets come out before the call.
func TestLooksLikeName(t *testing.T) {
	team := []string{"Marieke de Boer", "Joost"}
	for _, marked := range []string{
		"[Sanne] zei dat de uitleg te snel gaat",
		"ik vind het fijn als [daan] helpt",
		"bij juf [Jansen] mag je kiezen",
		"de uitleg van [Joost] is duidelijk",
		"[marieke] geeft veel huiswerk",
		"we werken vaak samen met [Wouter] aan opdrachten",
		"mevrouw [De] [Vries] legt het goed uit",
		"Het is fijn. Ook [Lotte] vindt dat",
		// names in capitals are not abbreviations
		"[SANNE] en [AHMED] zijn het eens",
		"volgens [JOOST] is het goed",
		// each part of a joined word is checked
		"[Ahmed]'s idee was goed",
		"dat vond [sanne]-[lotte] ook",
		"[Anne]-[Marie] vindt het te druk",
		"het schrift van [Wouter]'s buurman",
		// a title names the next word, in any case, over particles
		"meneer [jansen] legt het goed uit",
		"bij juf de [vries] mag je kiezen",
		"dhr [bakker] is streng",
		// team members at the start of a sentence
		"[Joost] legt het goed uit",
		"Goed. [Boer] is duidelijk",
		"[marieke]: dat klopt",
		// places are known, also where they could be surnames
		"we gingen naar Amsterdam",
		"de reis naar Brussel was lang",
		// common false positives: sentence starts, months, subjects, days,
		// labels, abbreviations, words that are also names in lower case
		"Soms is het te druk in de klas",
		"Vooral bij Engels en Wiskunde is het lastig",
		"In Januari hadden we veel toetsen",
		"op Maandag is er altijd gym",
		"L3: de uitleg gaat te snel. Daarna oefenen we",
		"het OPP en de IB zijn niet bekend",
		"een roos tekenen bij tekenen vond ik leuk",
		"ik wil meer vrije keuze; Ik vind dat belangrijk",
		"\"Waarom moet dit?\" vroeg iemand",
		"we kregen een max van drie kansen",
		"",
		// a title followed by an ordinary word, and school tools
		"de juf is aardig en de meester legt het uit",
		"meneer, mag ik wat vragen",
		"we gebruiken Teams en Magister op de Chromebook",
		"Dinsdag en Donderdag hebben we Rekenen en Nederlands",
		"op Woensdag in September en Oktober",
		"L1: te snel. L8: te langzaam",
		"Zelf-evaluatie is lastig",
		"het was 's ochtends druk",
		// people words and plural subjects before a person verb
		"Kinderen vinden gym leuk",
		"Mama zegt dat huiswerk belangrijk is",
		"[Roos] vindt het leuk",
		// a compound of two known words is no name; unknown words are
		"we gingen naar het Zuiderzeemuseum",
		"we werkten met [Tesfalem]",
		// a name after a title, also only an initial
		"meester [D]. is streng",
	} {
		text, want := unmark(marked)
		if got := LooksLikeName(text, team); !slices.Equal(got, want) {
			t.Errorf("LooksLikeName(%q) = %q, want %q", text, got, want)
		}
	}
}

// unmark takes the brackets out of a marked note: the note as written, and
// the bracketed words in order.
func unmark(marked string) (string, []string) {
	var text strings.Builder
	var names []string
	for {
		i, j := strings.IndexByte(marked, '['), strings.IndexByte(marked, ']')
		if i < 0 || j < i {
			text.WriteString(marked)
			return text.String(), names
		}
		names = append(names, marked[i+1:j])
		text.WriteString(marked[:i] + marked[i+1:j])
		marked = marked[j+1:]
	}
}

// MaskNames masks what LooksLikeName found.
func TestMaskNames(t *testing.T) {
	checkMasks(t, "MaskNames", func(text string) string { return MaskNames(text, LooksLikeName(text, nil), "[naam]") }, [][2]string{
		{"Sanne zei: SANNE wil meer tijd", "[naam] zei: [naam] wil meer tijd"},
		{"Ahmed's idee, met sanne-lotte", "[naam]'s idee, met [naam]-[naam]"},
		{"bij juf de vries.", "bij juf de [naam]."},
		{"niets te zien", "niets te zien"},
	})
}

// tokens must give back text exactly, or masking would change the note.
func FuzzTokensLossless(f *testing.F) {
	f.Add("Ahmed's idee - en 'sanne'-lotte. L3:")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // texts are cleaned to valid UTF-8 before they get here
		}
		var sb strings.Builder
		for _, tok := range tokens(s) {
			sb.WriteString(tok.s)
		}
		if sb.String() != s {
			t.Fatalf("tokens(%q) joined = %q", s, sb.String())
		}
	})
}

func FuzzLooksLikeName(f *testing.F) {
	f.Add("Sanne zei: de juf Jansen is leuk. L1 vindt Engels fijn")
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range LooksLikeName(s, []string{"Joost"}) {
			if w == "" {
				t.Fatal("empty name")
			}
		}
	})
}
