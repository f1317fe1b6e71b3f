package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The board's own words (not the demo content, which is Dutch) in each
// language, and words of the other language that must not show.
func TestLanguageBoard(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang     i18n.Lang
		want     []string
		notWant  []string
		form     []string
		help     []string
		narrow   []string
		welcome  []string
		hint     string
		statusOK string
	}{
		{
			lang: i18n.EN,
			want: []string{"week 48", "you: " + me, "Check-in (4)", "Successes (3)", "Goals (3)", "Actions (7) · ! 1 overdue",
				"Planning (4)", "Parking lot (2)", "21 Nov", "26 Nov", "a add", "q quit"},
			notWant:  []string{"Acties", "Successen", "Doelen", "Parkeerplaats", "te laat", "jij:", " nov ", "toevoegen", "stoppen", "acties"},
			form:     []string{"Actions: new", "What", "Who", "When", "Goal", "ctrl+s save", "esc cancel"},
			help:     []string{"Keys", "link goal", "measurement", "boards"},
			narrow:   []string{"1 Check-in", "2 Successes", "3 Goals", "[4 Actions]", "5 Planning", "6 Parking lot"},
			welcome:  []string{"Welcome to bord!", "d  create the example team and board"},
			hint:     "e.g. 4-12, 4 Dec, fri, tomorrow, next week, week 50",
			statusOK: "Saved: ",
		},
		{
			lang: i18n.NL,
			want: []string{"week 48", "jij: " + me, "Check-in (4)", "Successen (3)", "Doelen (3)", "Acties (7) · ! 1 te laat",
				"Planning (4)", "Parkeerplaats (2)", "21 nov", "26 nov", "a toevoegen", "q stoppen"},
			notWant:  []string{"Actions", "Successes", "Goals", "Parking lot", "overdue", "you:", " Nov ", " add ", "quit"},
			form:     []string{"Acties: nieuw", "Wat", "Wie", "Wanneer", "Doel", "ctrl+s opslaan", "esc annuleren"},
			help:     []string{"Toetsen", "koppel doel", "meting", "borden"},
			narrow:   []string{"1 Check-in", "2 Successen", "3 Doelen", "[4 Acties]", "5 Planning", "6 Parkeerplaats"},
			welcome:  []string{"Welkom bij bord!", "d  voorbeeldteam en -bord maken"},
			hint:     "bijv. 4-12, 4 dec, vr, morgen, volgende week, week 50",
			statusOK: "Opgeslagen: ",
		},
	}
	for _, c := range cases {
		t.Run(string(c.lang), func(t *testing.T) {
			t.Parallel()
			h, _ := demo(t, c.lang, 140, 40)
			mustContain(t, h.plain(), c.want...)
			mustNotContain(t, h.plain(), c.notWant...)

			h.press("a")
			mustContain(t, h.plain(), c.form...)
			h.typeText("x")
			h.press("enter", "enter") // to the empty date, which shows its hint
			mustContain(t, h.plain(), c.hint)
			h.typeText("morgen") // Dutch dates work in English too
			h.press("ctrl+s")
			mustContain(t, h.plain(), c.statusOK+"x")

			h.press("?")
			mustContain(t, h.plain(), c.help...)
			h.press("esc")

			h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			mustContain(t, h.plain(), c.narrow...)

			w := start(t, openStore(t), Config{Lang: c.lang}, 100, 30)
			mustContain(t, w.plain(), c.welcome...)
		})
	}
}

func TestLanguageMessages(t *testing.T) {
	t.Parallel()
	// Errors and choosers in English.
	h, _ := adding(t, i18n.EN)
	h.fill("who", "Kees")
	h.fill("when", "1-1-2020")
	h.press("ctrl+s")
	mustContain(t, h.plain(), "What cannot be empty.")
	h.fill("what", "Something")
	h.press("ctrl+s")
	mustContain(t, h.plain(), `"Kees" is not a member of this team.`)
	h.fill("who", me)
	h.press("ctrl+s")
	mustContain(t, h.plain(), "Wed 1 Jan 2020 has passed. Do you mean 1-1-2027?")
	h.press("esc", "1", "f")
	mustContain(t, h.plain(), "1  all actions", "2  my actions", "3  overdue", "4  goal: Minder thuiszitters")
	h.press("esc", "c")
	mustContain(t, h.plain(), "1  :-) good", "2  :-| so-so", "3  :-( not good")
	h.press("esc", "u")
	mustContain(t, h.plain(), "Nothing to undo.")
	h.press("3", "m")
	mustContain(t, h.plain(), "Add measurement", "today", "→ Mon 23 Nov 2026")
}
