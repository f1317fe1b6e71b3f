package board

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLooksLikeName(t *testing.T) {
	team := []string{"Marieke de Boer", "Joost"}
	tests := []struct {
		text string
		want []string
	}{
		// true positives
		{"Sanne zei dat de uitleg te snel gaat", []string{"Sanne"}},
		{"ik vind het fijn als daan helpt", []string{"daan"}},
		{"bij juf Jansen mag je kiezen", []string{"Jansen"}},
		{"de uitleg van Joost is duidelijk", []string{"Joost"}},
		{"marieke geeft veel huiswerk", []string{"marieke"}},
		{"we werken vaak samen met Wouter aan opdrachten", []string{"Wouter"}},
		{"mevrouw De Vries legt het goed uit", []string{"De", "Vries"}},
		{"Het is fijn. Ook Lotte vindt dat", []string{"Lotte"}},
		// names in capitals are not abbreviations
		{"SANNE en AHMED zijn het eens", []string{"SANNE", "AHMED"}},
		{"volgens JOOST is het goed", []string{"JOOST"}},
		// each part of a joined word is checked
		{"Ahmed's idee was goed", []string{"Ahmed"}},
		{"dat vond sanne-lotte ook", []string{"sanne", "lotte"}},
		{"Anne-Marie vindt het te druk", []string{"Anne", "Marie"}},
		{"het schrift van Wouter's buurman", []string{"Wouter"}},
		// a title names the next word, in any case, over particles
		{"meneer jansen legt het goed uit", []string{"jansen"}},
		{"bij juf de vries mag je kiezen", []string{"vries"}},
		{"dhr bakker is streng", []string{"bakker"}},
		// team members at the start of a sentence
		{"Joost legt het goed uit", []string{"Joost"}},
		{"Goed. Boer is duidelijk", []string{"Boer"}},
		{"marieke: dat klopt", []string{"marieke"}},
		// places are known, also where they could be surnames
		{"we gingen naar Amsterdam", nil},
		{"de reis naar Brussel was lang", nil},
		// common false positives: sentence starts, months, subjects, days,
		// labels, abbreviations, words that are also names in lower case
		{"Soms is het te druk in de klas", nil},
		{"Vooral bij Engels en Wiskunde is het lastig", nil},
		{"In Januari hadden we veel toetsen", nil},
		{"op Maandag is er altijd gym", nil},
		{"L3: de uitleg gaat te snel. Daarna oefenen we", nil},
		{"het OPP en de IB zijn niet bekend", nil},
		{"een roos tekenen bij tekenen vond ik leuk", nil},
		{"ik wil meer vrije keuze; Ik vind dat belangrijk", nil},
		{"\"Waarom moet dit?\" vroeg iemand", nil},
		{"we kregen een max van drie kansen", nil},
		{"", nil},
		// a title followed by an ordinary word, and school tools
		{"de juf is aardig en de meester legt het uit", nil},
		{"meneer, mag ik wat vragen", nil},
		{"we gebruiken Teams en Magister op de Chromebook", nil},
		{"Dinsdag en Donderdag hebben we Rekenen en Nederlands", nil},
		{"op Woensdag in September en Oktober", nil},
		{"L1: te snel. L8: te langzaam", nil},
		{"Zelf-evaluatie is lastig", nil},
		{"het was 's ochtends druk", nil},
		// people words and plural subjects before a person verb
		{"Kinderen vinden gym leuk", nil},
		{"Mama zegt dat huiswerk belangrijk is", nil},
		{"Roos vindt het leuk", []string{"Roos"}},
		// a compound of two known words is no name; unknown words are
		{"we gingen naar het Zuiderzeemuseum", nil},
		{"we werkten met Tesfalem", []string{"Tesfalem"}},
		// a name after a title, also only an initial
		{"meester D. is streng", []string{"D"}},
	}
	for _, tt := range tests {
		got := LooksLikeName(tt.text, team)
		if !slices.Equal(got, tt.want) {
			t.Errorf("LooksLikeName(%q) = %q, want %q", tt.text, got, tt.want)
		}
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
