package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/cmd/commands"

	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The command line's own messages, in both languages (commands.Text).
// These words live here, not in i18n, because that catalogue belongs to
// package tui.
var (
	txtNoDatabase = commands.Text{
		"Geen database op %s. Controleer --db; een nieuwe maak je met 'bord', 'bord demo', 'bord import' of 'bord team add'.",
		"No database at %s. Check --db; make a new one with 'bord', 'bord demo', 'bord import' or 'bord team add'.",
	}
	txtNoHome = commands.Text{
		"Geen plek voor de database: HOME (en XDG_DATA_HOME) is niet gezet. Geef het bestand met --db PAD.",
		"No place for the database: HOME (and XDG_DATA_HOME) is not set. Name the file with --db PATH.",
	}
	txtCorrupt = commands.Text{
		"Het bestand %s is beschadigd; zet een back-up terug: stop bord en kopieer de nieuwste back-up over dit bestand. Het bestand is niet veranderd. (%v)",
		"The file %s is damaged; restore a backup: stop bord and copy the newest backup over this file. The file was not changed. (%v)",
	}
	txtNotBord = commands.Text{
		"%s is geen bord-database (een bestand van een ander programma); bord verandert het niet. Controleer --db.",
		"%s is not a bord database (another program's file); bord leaves it alone. Check --db.",
	}
	txtBadKey = commands.Text{
		"--key %q is geen SSH-sleutel. Geef de regel uit het .pub-bestand van die persoon (ssh-ed25519 AAAA…) of de naam van dat bestand, bijv. --key ~/anna.pub.",
		"--key %q is not an SSH key. Give the line from the person's .pub file (ssh-ed25519 AAAA…) or the name of that file, e.g. --key ~/anna.pub.",
	}
	txtCreated = commands.Text{
		"Nieuwe database gemaakt: %s",
		"New database created: %s",
	}
	txtBackupExists = commands.Text{
		"%s bestaat al; kies een nieuwe naam, of overschrijf het met --force.",
		"%s exists already; choose a new name, or overwrite it with --force.",
	}
	txtBackupIsDB = commands.Text{
		"%s is de database zelf; kies een ander bestand voor de back-up.",
		"%s is the database itself; choose another file for the backup.",
	}
	txtBackupDirIsDBDir = commands.Text{
		"--backup-dir %s: dat is de map van de database zelf; kies een eigen map voor de back-ups.",
		"--backup-dir %s: that is the database's own directory; give the backups a directory of their own.",
	}
	txtNoTeam = commands.Text{
		"Er is geen team %q. De teams zijn: %s. Geef een van die namen met --team.",
		"There is no team %q. The teams are: %s. Give one of those names with --team.",
	}
	txtNoTeams = commands.Text{
		"Er is geen team %q: er zijn nog geen teams. Maak er een met: bord team add NAAM",
		"There is no team %q: there are no teams yet. Make one with: bord team add NAME",
	}
	txtNoSocket = commands.Text{
		"Let op: andere bord-opdrachten kunnen niet bij deze database zolang deze bord open is (geen socket: %v); sluit bord af voor je ze gebruikt.",
		"Note: other bord commands cannot reach this database while this bord is open (no socket: %v); quit bord before you use them.",
	}
	txtServeHeld = commands.Text{
		"bord serve opent de database zelf, en die is nu open in een andere bord. Sluit die eerst af en start dan bord serve.",
		"bord serve opens the database itself, and another bord has it open now. Quit that one first, then start bord serve.",
	}
	txtNeedsTerminal = commands.Text{
		"Het bord opent in een terminal: start 'bord' zonder opdracht in een terminalvenster.",
		"The board opens in a terminal: start 'bord' without a command in a terminal window.",
	}
	txtBackupDirNotWritable = commands.Text{
		"--backup-dir %s: bord kan daar niet schrijven (%v); kies een map waar bord mag schrijven.",
		"--backup-dir %s: bord cannot write there (%v); choose a directory bord may write to.",
	}
)

// openError words an error of store.Open for the user; nil if it is not
// one of Open's.
func openError(lang i18n.Lang, path string, err error) error {
	switch {
	case errors.Is(err, store.ErrNoDatabase):
		return txtNoDatabase.Errorf(lang, path)
	case errors.Is(err, store.ErrCorrupt):
		return txtCorrupt.Errorf(lang, path, err)
	case errors.Is(err, store.ErrNotBord):
		return txtNotBord.Errorf(lang, path)
	}
	return nil
}

var txtBadDump = commands.Text{
	"Het exportbestand %s klopt niet; er is niets geïmporteerd. Herstel het bestand of exporteer opnieuw:",
	"The export file %s is not valid; nothing was imported. Repair the file or export again:",
}

var txtDumpProblem = map[store.ProblemKind]commands.Text{
	store.DumpRange:      {"getal buiten het bereik 1…%d", "number out of the range 1…%d"},
	store.DumpDuplicate:  {"komt twee keer voor", "occurs twice"},
	store.DumpMissing:    {"verwijst naar iets dat niet in de export staat", "refers to something not in the export"},
	store.DumpUnknown:    {"onbekende waarde", "unknown value"},
	store.DumpUnreadable: {"onleesbaar", "unreadable"},
	store.DumpTrailing:   {"er staat nog iets na de export", "there is more after the export"},
}

// dumpError words a refused import, one line per problem, by path.
func dumpError(lang i18n.Lang, file string, de *store.DumpError) error {
	var b strings.Builder
	fmt.Fprintf(&b, txtBadDump.In(lang), file)
	for _, p := range de.Problems {
		what := string(p.Kind)
		if t, ok := txtDumpProblem[p.Kind]; ok {
			what = t.In(lang)
			if p.Kind == store.DumpRange {
				what = fmt.Sprintf(what, store.MaxID)
			}
		}
		fmt.Fprintf(&b, "\n  %s: %s", p.Path, what)
		if p.Value != "" {
			fmt.Fprintf(&b, " (%s)", board.CleanLine(p.Value, board.MaxLine))
		}
	}
	return errors.New(b.String())
}
