package tui

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// fieldKind decides how a field's text is read and previewed.
type fieldKind int

const (
	fText fieldKind = iota
	fLine
	fDate
	fWho
	fGoal
	fNumber
	fMood
)

type field struct {
	key   string
	label string
	kind  fieldKind
	hint  string
	input textinput.Model
	err   string
	// limit is the most the store keeps, in characters. The input takes
	// more, so nothing is cut silently: the form counts near the limit and
	// refuses to save over it.
	limit int
	// use is which way a date field looks: ahead (a due date) or back (a
	// period, a measurement). See board.DateUse.
	use board.DateUse
	// passedOK is a passed due date the user was asked about and saved
	// again: the second save keeps it.
	passedOK string
	// preset marks a pre-filled value shown selected (the user's own name
	// as owner): the first character typed replaces it instead of being
	// added to it ("rootSa"), any other key keeps it.
	preset bool
}

// Domain limits of fields that hold less than a line (see package board).
const (
	nameLimit  = 60 // board.CleanName: people, teams, boards
	shortLimit = 40 // a check-in word, a unit, a group
)

// countFrom is how close to its limit a field starts to show a counter.
const countFrom = 20

// form edits one thing. Its fields keep what the user typed through failed
// saves and conflicts: nothing typed is lost until the user presses esc.
type form struct {
	title string
	// submit checks the fields and returns the command that saves them;
	// nil when a field cannot be read (it says why on the field). Each
	// form brings its own, so the shell needs no list of kinds.
	submit func(f *form) tea.Cmd
	fields []field
	focus  int
	area   board.Area
	orig   board.Item // the item as the user first saw it; nil when new
	gone   board.Item // orig, after a save found it deleted meanwhile
	base   uint64     // the version a save is checked against
	seen   uint64     // the version of a card, note or idea being edited (ops check it)
	forced bool       // a conflict was shown: the next save writes only the user's fields
	err    string     // a message about the whole form
	note   string     // their version, after a conflict
	mine   board.Item // what the last save sent: the conflict box says where theirs differs
	// saving is set while the form's write is under way: its result closes
	// this form (or reports on it), never a form opened after it.
	saving bool
	// start is each field's text when the form opened: a form whose text
	// changed asks before esc or ctrl+c throws it away.
	start []string
	// saveAs is what ctrl+s does, for the key line, when it is more than
	// saving ("starten"); "" says "opslaan".
	saveAs string
}

func newInput(value string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 4 * limit // typed text over the limit is refused, not cut; this only stops a flood
	in.SetValue(value)
	in.KeyMap.Paste.SetEnabled(false) // ctrl+v would read the server's clipboard
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return in
}

func (f *form) add(key, label string, kind fieldKind, hint, value string) {
	limit := board.MaxLine
	switch kind {
	case fText:
		limit = board.MaxText
	case fWho:
		limit = nameLimit
	}
	in := newInput(value, limit)
	f.fields = append(f.fields, field{key: key, label: label, kind: kind, hint: hint, input: in, limit: limit})
}

// limitTo sets a field's limit below a line's.
func (f *form) limitTo(key string, limit int) {
	if fl := f.field(key); fl != nil {
		fl.limit = limit
		fl.input.CharLimit = 4 * limit
	}
}

// tooLong marks every field over its limit and focuses the first; it
// reports whether there was one. A save is refused then: the store would
// cut the text.
func (f *form) tooLong(msg *i18n.Messages) bool {
	first := -1
	for i := range f.fields {
		fl := &f.fields[i]
		if n := utf8.RuneCountInString(strings.TrimSpace(fl.input.Value())); n > fl.limit {
			fl.err = fmt.Sprintf(msg.ErrTooLongF, n, fl.limit)
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		f.setFocus(first)
	}
	return first >= 0
}

func (f *form) value(key string) string {
	for _, fl := range f.fields {
		if fl.key == key {
			return strings.TrimSpace(fl.input.Value())
		}
	}
	return ""
}

func (f *form) field(key string) *field {
	for i := range f.fields {
		if f.fields[i].key == key {
			return &f.fields[i]
		}
	}
	return nil
}

func (f *form) keepStart() {
	f.start = f.start[:0]
	for _, fl := range f.fields {
		f.start = append(f.start, fl.input.Value())
	}
}

// changed reports whether the user typed anything since the form opened.
func (f *form) changed() bool {
	for i, fl := range f.fields {
		if i >= len(f.start) || fl.input.Value() != f.start[i] {
			return true
		}
	}
	return false
}

func (f *form) setFocus(i int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	f.focus = (i + len(f.fields)) % len(f.fields)
	for j := range f.fields {
		f.fields[j].input.Blur()
	}
	return f.fields[f.focus].input.Focus()
}

func (f *form) clearErrors() {
	f.err = ""
	for i := range f.fields {
		f.fields[i].err = ""
	}
}

// update handles a key in the form. submit is true when the user asked to
// save; cancel when they asked to leave.
func (f *form) update(msg tea.Msg) (cmd tea.Cmd, submit, cancel bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		cur := &f.fields[f.focus]
		switch keys := formKeyMap; {
		case key.Matches(k, keys.Cancel):
			return nil, false, true
		case key.Matches(k, keys.Save):
			return nil, true, false
		case key.Matches(k, keys.Next):
			cur.acceptName()
			if f.focus == len(f.fields)-1 {
				return nil, true, false
			}
			return f.setFocus(f.focus + 1), false, false
		case key.Matches(k, keys.Down):
			return f.setFocus(f.focus + 1), false, false
		case key.Matches(k, keys.Up):
			return f.setFocus(f.focus - 1), false, false
		case key.Matches(k, keys.Tab):
			if s := cur.input.CurrentSuggestion(); s != "" && !strings.EqualFold(s, cur.input.Value()) {
				break // let the input accept the suggestion
			}
			return f.setFocus(f.focus + 1), false, false
		case key.Matches(k, cur.input.KeyMap.NextSuggestion, cur.input.KeyMap.PrevSuggestion) && len(cur.input.MatchedSuggestions()) == 0:
			// Cycling through no suggestions leaves the input's index at -1,
			// and its next CurrentSuggestion panics (bubbles v2.0.0).
			return nil, false, false
		}
	}
	var c tea.Cmd
	cur := &f.fields[f.focus]
	cur.takePreset(msg)
	was := cur.input.Value()
	cur.input, c = cur.input.Update(msg)
	if cur.input.Value() != was {
		// The message was about the old text: it goes as soon as the text
		// changes, instead of standing beside a corrected value.
		cur.err = ""
	}
	return c, false, false
}

// lookBack makes date fields read a date looking back: a retrospective's
// period, a measurement, a report-back ("1-9" is the last 1 September).
func (f *form) lookBack(keys ...string) {
	for _, k := range keys {
		if fl := f.field(k); fl != nil {
			fl.use = board.DateBack
		}
	}
}

// preselect shows the pre-filled value of field key selected: typing
// replaces it.
func (f *form) preselect(key string) {
	if fl := f.field(key); fl != nil && fl.input.Value() != "" {
		fl.preset = true
	}
}

// takePreset ends a preset selection at the first key or paste that reaches
// the input: text, a paste, backspace or delete replace it first.
func (fl *field) takePreset(msg tea.Msg) {
	if !fl.preset {
		return
	}
	switch k := msg.(type) {
	case tea.KeyPressMsg:
		if k.Text != "" || k.Code == tea.KeyBackspace || k.Code == tea.KeyDelete {
			fl.input.SetValue("")
		}
	case tea.PasteMsg:
		fl.input.SetValue("")
	default:
		return
	}
	fl.preset = false
}

// acceptName completes a name typed in part ("Sa") to the one member it
// begins, when enter leaves the field: the quick way to give an action to
// a colleague is their first letters and enter. A name typed in full stays
// as it is.
func (fl *field) acceptName() {
	v := strings.TrimSpace(fl.input.Value())
	if fl.kind != fWho || v == "" {
		return
	}
	var match string
	for _, s := range fl.input.AvailableSuggestions() {
		switch {
		case strings.EqualFold(s, v):
			return
		case strings.HasPrefix(strings.ToLower(s), strings.ToLower(v)):
			if match != "" {
				return // two members begin so: the user must say which
			}
			match = s
		}
	}
	if match != "" {
		fl.input.SetValue(match)
	}
}

// date reads field key as a date the way the field looks; when it cannot,
// the field says what it did not understand, or that it is required.
func (f *form) date(key string, now time.Time, msg *i18n.Messages) (time.Time, bool) {
	fl := f.field(key)
	d, err := board.ParseDateAs(f.value(key), now, fl.use)
	if err != nil {
		fl.err = msg.DateErr(fl.label, err)
		return d, false
	}
	return d, true
}

// passed questions a passed due date on an edited item, when the user
// changed the field: a second save keeps it. It reports whether d may be
// saved. A new item's is refused by the domain (board's due) and worded by
// pastDue.
func (f *form) passed(key string, d, now time.Time, isNew bool, msg *i18n.Messages) bool {
	fl := f.field(key)
	i := indexOf(f, key)
	v := f.value(key)
	if isNew || fl == nil || fl.use != board.DateAhead || d.IsZero() || !d.Before(board.Day(now)) ||
		i < len(f.start) && strings.TrimSpace(f.start[i]) == v || fl.passedOK == v {
		return true
	}
	fl.err, fl.passedOK = fmt.Sprintf(msg.Words.PastDueAgainF, msg.Date(d), dateOr(nextOf(d, now))), v
	return false
}

// pastDue words a save the domain refused for a passed due date: which
// date has passed and the same day to come, to type instead.
func (f *form) pastDue(err error, now time.Time, msg *i18n.Messages) {
	v, ok := board.AsValidation(err)
	if !ok || v.Problem != board.ProblemPastDate {
		return
	}
	fl := f.field(v.Field)
	if fl == nil {
		return
	}
	if d, err := board.ParseDateAs(f.value(v.Field), now, fl.use); err == nil {
		fl.err = fmt.Sprintf(msg.Words.PastDueF, msg.Date(d), dateOr(nextOf(d, now)))
	}
}

// nextOf is d's day and month in the first year it has not passed.
func nextOf(d, now time.Time) time.Time {
	for y := 1; y <= 8; y++ { // a 29 February may be eight years on
		n := d.AddDate(y, 0, 0)
		if n.Day() == d.Day() && !n.Before(board.Day(now)) {
			return n
		}
	}
	return d
}

// number reads field key as a number from lo to hi; when it cannot, the
// field says bad.
func (f *form) number(key string, lo, hi float64, bad string) (float64, bool) {
	v, err := parseNumber(f.value(key))
	if err != nil || v < lo || v > hi {
		f.field(key).err = bad
		return 0, false
	}
	return v, true
}

// parseNumber reads 12,5 as well as 12.5. ParseFloat also takes "NaN" and
// "inf", which no measurement can be.
func parseNumber(s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
	if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return 0, strconv.ErrSyntax
	}
	return f, err
}

func (m *Common) parseMood(s string) (board.Mood, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, md := range board.Moods {
		if s == strconv.Itoa(i+1) || s == strings.ToLower(m.msg.Mood(md)) || s == string(md) || s == md.Symbol() {
			return md, true
		}
	}
	return "", false
}

func (m *Common) matchGoal(s string) (board.Goal, bool) {
	if m.b == nil {
		return board.Goal{}, false
	}
	s = strings.ToLower(strings.TrimSpace(s))
	for _, g := range m.b.Goals {
		if strings.ToLower(g.Title) == s {
			return g, true
		}
	}
	for _, g := range m.b.Goals { // a unique prefix is enough
		if strings.HasPrefix(strings.ToLower(g.Title), s) {
			return g, true
		}
	}
	return board.Goal{}, false
}

// showError puts a save error where the user will look: on the field it is
// about, or at the top of the form.
func (f *form) showError(msg *i18n.Messages, err error) {
	if v, ok := board.AsValidation(err); ok {
		if fl := f.field(v.Field); fl != nil {
			fl.err = msg.Err(err)
			f.setFocus(indexOf(f, v.Field))
			return
		}
	}
	f.err = msg.Err(err)
}

func indexOf(f *form, key string) int {
	for i, fl := range f.fields {
		if fl.key == key {
			return i
		}
	}
	return f.focus
}

// fail shows a failed save on the form, keeping what the user typed.
func (f *form) fail(msg *i18n.Messages, err error) {
	var c *board.ConflictError
	if errors.As(err, &c) {
		// Keep the user's text; show theirs; a second save goes over it.
		f.err = fmt.Sprintf(msg.ChangedByF, c.By, c.At.Local().Format("15:04"))
		f.note = msg.Reapply
		f.seen = 0 // a card, note or idea: the second save goes over theirs
		if c.Current != nil {
			f.note = c.Current.Label() + "\n" + msg.Reapply
			if diff := diffOf(f.mine, c.Current); len(diff) > 0 {
				f.note = c.Current.Label() + "\n" + fmt.Sprintf(msg.DiffersF, msg.DiffFields(diff)) + "\n" + msg.Reapply
			}
			f.base = c.Current.Base().Version
			f.forced = true
		}
		return
	}
	if errors.Is(err, board.ErrNotFound) && f.orig != nil {
		// Deleted meanwhile: saving again makes it anew, unless it was
		// restored by then (see boardScreen.saveItem).
		f.gone, f.orig, f.base = f.orig, nil, 0
	}
	f.showError(msg, err)
}

// diffOf is every field in which theirs differs from mine; none when the
// save sent no item.
func diffOf(mine, theirs board.Item) []string {
	if mine == nil {
		return nil
	}
	return board.Diff(mine, theirs)
}
