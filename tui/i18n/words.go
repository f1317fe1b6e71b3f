package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"
	"time"

	"github.com/verbeterbord/bord/board"
)

// WordsMessages are the words of issue 14 ("nothing confusing"): dates that
// say what was not understood, errors that say what to do, and counts.
type WordsMessages struct {
	// Dates. Each failed date names the part it did not understand and
	// shows what works (DateWorks).
	DateUnknownF, DateNoDayF, DateNoWeekF, DateYearF, DateRequiredF, DateWorks string
	// A due date that has passed: the date, then the same day a year on.
	PastDueF, PastDueAgainF, Passed string
	// LabelTitle labels a title that is no goal's (a retrospective group).
	LabelTitle string
	// Counted nouns: "1 actie", "2 acties" (see Count).
	NounAction, NounOpenAction, NounQuestion, NounNote, NounTheme, NounIdea, NounPupil, NounDay, NounArena Noun
	// Adding a colleague to the team from the board.
	KeyMember, AddMemberF, LabelName, HintMember, MemberExistsF, MemberAddedF, SaveAdd string
	// SaveStart is ctrl+s of the form that starts a bordsessie;
	// NoSessionKeys answers a session key pressed with no session.
	SaveStart, NoSessionKeys string

	// Storage and files.
	DiskFull, DiskFullFileF, NoAccessF, FileNotFoundF, NotExportF, FileF string
	JSONAtF, JSONEnds, JSONTypeF, ReportWhatF                            string
	// Waiting, for the rate limits: "%s" is a duration worded by Wait.
	TooManyF, SecondsF, MinutesF, OneMinute, OneSecond string
}

var nlWords = WordsMessages{
	DateUnknownF:   "%q begrijp ik niet als datum. %s",
	DateNoDayF:     "%s bestaat niet in de kalender (eerst de dag, dan de maand). %s",
	DateNoWeekF:    "Week %s bestaat niet: een jaar heeft week 1 tot 52, soms 53. %s",
	DateYearF:      "Het jaar in %s kan niet: bord kent 1900 tot 9999. %s",
	DateRequiredF:  "%s is verplicht. %s",
	DateWorks:      "Dit werkt: 4-12, 4 dec, vr, morgen, volgende week, week 50.",
	PastDueF:       "%s is al voorbij. Bedoel je %s? Typ dat dan.",
	PastDueAgainF:  "%s is al voorbij. Bedoel je %s? Typ dat dan, of druk nog eens ctrl+s om deze datum te houden.",
	Passed:         "al voorbij",
	LabelTitle:     "Titel",
	NounAction:     Noun{"actie", "acties"},
	NounOpenAction: Noun{"open actie", "open acties"},
	NounQuestion:   Noun{"vraag", "vragen"},
	NounNote:       Noun{"notitie", "notities"},
	NounTheme:      Noun{"thema", "thema's"},
	NounIdea:       Noun{"idee", "ideeën"},
	NounPupil:      Noun{"leerling", "leerlingen"},
	NounDay:        Noun{"dag", "dagen"},
	NounArena:      Noun{"arena", "arena's"},
	SaveStart:      "starten",
	KeyMember:      "teamlid toevoegen",
	AddMemberF:     "Teamlid toevoegen aan %s",
	LabelName:      "Naam",
	HintMember:     "zoals het team je collega kent, bijv. Sanne of Sanne de Vries; geen leerlingen",
	MemberExistsF:  "%s is al lid van dit team.",
	MemberAddedF:   "%s hoort nu bij het team en kan eigenaar van acties zijn. Werkt je collega via ssh? Geef dan een uitnodigingscode (bord invite).",
	SaveAdd:        "toevoegen",
	NoSessionKeys:  "Er loopt geen bordsessie: ] [, v, L en E werken alleen tijdens een sessie. Start er een met S.",

	DiskFull:      "De schijf is vol: er is niets opgeslagen. Maak ruimte vrij op de computer met het bord (of vraag de beheerder) en probeer het opnieuw.",
	DiskFullFileF: "De schijf is vol bij het schrijven van %s; het bestand is niet af. Maak ruimte vrij of kies een andere plek, en probeer het opnieuw.",
	NoAccessF:     "bord mag %s niet lezen of schrijven. Kies een ander bestand of vraag de beheerder om toegang.",
	FileNotFoundF: "%s bestaat niet. Controleer de naam en de map.",
	NotExportF:    "%s is geen bord-export (JSON): %s. Kies het bestand dat 'bord export --format json' maakte.",
	FileF:         "%s: er ging iets mis met dit bestand (%s). Controleer het bestand en probeer het opnieuw.",
	JSONAtF:       "onverwacht teken op positie %d",
	JSONEnds:      "het bestand houdt halverwege op",
	JSONTypeF:     "%s heeft een verkeerd soort waarde",
	ReportWhatF:   "Een export %q bestaat niet. Kies met --what: actions, board, session, retro, arena, plan of measurements.",

	TooManyF:  "Te veel pogingen. Probeer het over %s opnieuw.",
	SecondsF:  "%d seconden",
	MinutesF:  "%d minuten",
	OneMinute: "een minuut",
	OneSecond: "een seconde",
}

var enWords = WordsMessages{
	DateUnknownF:   "I don't understand %q as a date. %s",
	DateNoDayF:     "%s is not in the calendar (day first, then month). %s",
	DateNoWeekF:    "There is no week %s: a year has weeks 1 to 52, sometimes 53. %s",
	DateYearF:      "The year in %s cannot be: bord knows 1900 to 9999. %s",
	DateRequiredF:  "%s is required. %s",
	DateWorks:      "These work: 4-12, 4 Dec, Dec 4, fri, tomorrow, next week, week 50.",
	PastDueF:       "%s has passed. Do you mean %s? Then type that.",
	PastDueAgainF:  "%s has passed. Do you mean %s? Then type that, or press ctrl+s again to keep this date.",
	Passed:         "passed",
	LabelTitle:     "Title",
	NounAction:     Noun{"action", "actions"},
	NounOpenAction: Noun{"open action", "open actions"},
	NounQuestion:   Noun{"question", "questions"},
	NounNote:       Noun{"note", "notes"},
	NounTheme:      Noun{"theme", "themes"},
	NounIdea:       Noun{"idea", "ideas"},
	NounPupil:      Noun{"pupil", "pupils"},
	NounDay:        Noun{"day", "days"},
	NounArena:      Noun{"arena", "arenas"},
	SaveStart:      "start",
	KeyMember:      "add a colleague",
	AddMemberF:     "Add a colleague to %s",
	LabelName:      "Name",
	HintMember:     "as the team knows them, e.g. Sanne or Sanne de Vries; no pupils",
	MemberExistsF:  "%s is already a member of this team.",
	MemberAddedF:   "%s is now on the team and can own actions. Does your colleague use ssh? Then give them an invite code (bord invite).",
	SaveAdd:        "add",
	NoSessionKeys:  "No board session is running: ] [, v, L and E only work during one. Start one with S.",

	DiskFull:      "The disk is full: nothing was saved. Free some space on the computer with the board (or ask its administrator) and try again.",
	DiskFullFileF: "The disk filled up while writing %s; the file is incomplete. Free some space or choose another place, and try again.",
	NoAccessF:     "bord may not read or write %s. Choose another file or ask the administrator for access.",
	FileNotFoundF: "%s does not exist. Check the name and the folder.",
	NotExportF:    "%s is not a bord export (JSON): %s. Choose the file 'bord export --format json' made.",
	FileF:         "%s: something went wrong with this file (%s). Check the file and try again.",
	JSONAtF:       "unexpected character at position %d",
	JSONEnds:      "the file ends halfway",
	JSONTypeF:     "%s has the wrong kind of value",
	ReportWhatF:   "There is no export %q. Choose one with --what: actions, board, session, retro, arena, plan or measurements.",

	TooManyF:  "Too many attempts. Try again in %s.",
	SecondsF:  "%d seconds",
	MinutesF:  "%d minutes",
	OneMinute: "a minute",
	OneSecond: "a second",
}

// Noun is a word in the singular and the plural.
type Noun struct{ One, Many string }

// Count puts a number before a noun in the right form: "1 vraag", "0 vragen".
func Count(n int, w Noun) string {
	if n == 1 {
		return "1 " + w.One
	}
	return fmt.Sprintf("%d %s", n, w.Many)
}

// DateErr words a date that could not be read: what was not understood and
// what works. field is the label of the field, for an empty required date.
func (m *Messages) DateErr(field string, err error) string {
	w := &m.Words
	var de *board.DateError
	if !errors.As(err, &de) {
		return m.ErrBadDate
	}
	switch de.Problem {
	case board.DateEmpty:
		return fmt.Sprintf(w.DateRequiredF, field, w.DateWorks)
	case board.DateNoDay:
		return fmt.Sprintf(w.DateNoDayF, de.Part, w.DateWorks)
	case board.DateNoWeek:
		return fmt.Sprintf(w.DateNoWeekF, de.Part, w.DateWorks)
	case board.DateYear:
		return fmt.Sprintf(w.DateYearF, de.Part, w.DateWorks)
	}
	return fmt.Sprintf(w.DateUnknownF, de.Part, w.DateWorks)
}

// Wait words how long to wait, rounded up: "3 minuten", "een seconde".
func (m *Messages) Wait(d time.Duration) string {
	w := &m.Words
	switch {
	case d <= time.Second:
		return w.OneSecond
	case d < time.Minute:
		return fmt.Sprintf(w.SecondsF, int((d+time.Second-1)/time.Second))
	case d <= time.Minute:
		return w.OneMinute
	}
	return fmt.Sprintf(w.MinutesF, int((d+time.Minute-1)/time.Minute))
}

// TooMany says that a limit was hit and how long to wait before the next try.
func (m *Messages) TooMany(wait time.Duration) string {
	return fmt.Sprintf(m.Words.TooManyF, m.Wait(wait))
}

// storageErr words an error of the disk or a file, without a file name
// (the screens write to the one database); "" when err is none of those.
func (m *Messages) storageErr(err error) string {
	var pe *fs.PathError
	switch {
	case diskFull(err):
		return m.Words.DiskFull
	case errors.Is(err, fs.ErrPermission) && errors.As(err, &pe):
		return fmt.Sprintf(m.Words.NoAccessF, board.CleanLine(pe.Path, board.MaxLine))
	}
	return ""
}

// FileErr words an error of reading or writing the file path (an import, a
// backup, an export): what went wrong with which file, and what to do.
func (m *Messages) FileErr(path string, err error) string {
	if s := m.FileProblem(path, err); s != "" {
		return s
	}
	if s := m.Err(err); s != m.ErrGeneric {
		return s
	}
	return fmt.Sprintf(m.Words.FileF, board.CleanLine(path, board.MaxLine), board.CleanLine(err.Error(), board.MaxLine))
}

// FileProblem is FileErr for the errors of the disk and of reading an
// export; "" for any other error, which the caller words itself.
func (m *Messages) FileProblem(path string, err error) string {
	w := &m.Words
	path = board.CleanLine(path, board.MaxLine) // typed, maybe pasted
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case diskFull(err):
		return fmt.Sprintf(w.DiskFullFileF, path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf(w.NoAccessF, path)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf(w.FileNotFoundF, path)
	case errors.As(err, &syn):
		return fmt.Sprintf(w.NotExportF, path, fmt.Sprintf(w.JSONAtF, syn.Offset))
	case errors.As(err, &typ):
		return fmt.Sprintf(w.NotExportF, path, fmt.Sprintf(w.JSONTypeF, board.CleanLine(typ.Field, board.MaxLine)))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Sprintf(w.NotExportF, path, w.JSONEnds)
	}
	return ""
}

// diskFull reports a full disk or quota. bbolt words some of its write
// errors with %s ("meta 0 copy: …", "file resize error: …"), which drops
// the errno from the chain; its text is then all that is left.
func diskFull(err error) bool {
	for _, e := range []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT} {
		if errors.Is(err, e) || strings.HasSuffix(err.Error(), e.Error()) {
			return true
		}
	}
	return false
}
