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
