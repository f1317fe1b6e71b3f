package commands

import (
	"errors"
	"fmt"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The few words only these commands say, in both languages. Here, not in
// i18n, because that catalogue belongs to package tui.

// Text is one sentence, in Dutch and in English, for the words of these
// commands and of cmd/bord.
type Text [2]string

// In is the sentence in language l: English for EN, else Dutch.
func (t Text) In(l i18n.Lang) string {
	if l == i18n.EN {
		return t[1]
	}
	return t[0]
}

// Errorf words t for l and formats it.
func (t Text) Errorf(l i18n.Lang, args ...any) error {
	return fmt.Errorf(t.In(l), args...)
}

func extraWords(l i18n.Lang, cmd, word string) error {
	word = board.CleanLine(word, 40)
	if l == i18n.EN {
		return fmt.Errorf("%s takes no further words, not %q. See: help", cmd, word)
	}
	return fmt.Errorf("na %s hoort niets meer, ook niet %q. Zie: help", cmd, word)
}

func badTTL(l i18n.Lang, ttl time.Duration) error {
	if l == i18n.EN {
		return fmt.Errorf("--ttl %v: give a time above 0 and at most 720h, for example --ttl 72h", ttl)
	}
	return fmt.Errorf("--ttl %v: geef een tijd boven 0 en hoogstens 720h, bijvoorbeeld --ttl 72h", ttl)
}

// validUntilF takes the team and the end time.
func validUntilF(l i18n.Lang) string {
	if l == i18n.EN {
		return "(%s, valid until %s)"
	}
	return "(%s, geldig tot %s)"
}

// nothingYet is export's answer when there is no board yet: on the command
// line how to make one, over SSH who can.
func nothingYet(l i18n.Lang, local bool) error {
	text := "Er is nog niets om te exporteren: je team heeft nog geen bord. Open bord (ssh zonder opdracht) en maak er een, exporteer dan opnieuw."
	switch {
	case l == i18n.EN && local:
		text = "There is nothing to export yet: this database has no board. Start with 'bord' (it asks for a team and a board) or look around in an example with 'bord demo'."
	case l == i18n.EN:
		text = "There is nothing to export yet: your team has no board. Open bord (ssh without a command) and make one, then export again."
	case local:
		text = "Er is nog niets om te exporteren: deze database heeft nog geen bord. Begin met 'bord' (dat vraagt om een team en een bord) of kijk rond in een voorbeeld met 'bord demo'."
	}
	return errors.New(text)
}
