package board

import (
	"slices"
	"testing"
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
	}
	for _, tt := range tests {
		got := LooksLikeName(tt.text, team)
		if !slices.Equal(got, tt.want) {
			t.Errorf("LooksLikeName(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
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
