package board

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrBadDate is returned by ParseDate for input it does not understand;
// the error itself is a *DateError that says which part.
var ErrBadDate = errors.New("board: unknown date")

// Why a typed date could not be read (DateError.Problem).
const (
	DateEmpty   = "empty"    // nothing typed
	DateUnknown = "unknown"  // Part is a word or number that is no date
	DateNoDay   = "no_day"   // Part names a day that is not in the calendar (31-2, 4-13)
	DateNoWeek  = "no_week"  // Part is a week number outside 1–53 (or 53 in a 52-week year)
	DateYear    = "bad_year" // Part's year is before 1900 or after 9999
)

// DateError says what part of a typed date was not understood, so the
// screen can say so and show what works. It is ErrBadDate for errors.Is.
type DateError struct {
	Input   string // the text as read (lower case, spaces folded)
	Part    string // the part not understood; the whole input when no one part is to blame
	Problem string // one of the Date… problems
}

func (e *DateError) Error() string {
	return fmt.Sprintf("board: unknown date %q (%s: %q)", e.Input, e.Problem, e.Part)
}

func (e *DateError) Unwrap() error { return ErrBadDate }

// DateUse says which way a date typed without a year, a weekday or a week
// number looks: what "1-9" means depends on what the date is for.
type DateUse int

const (
	// DateAhead is a due date or a planned day: a weekday is the next one,
	// a day-month or week the next one ("1-9" on 2 December is 1 September
	// next year), unless it passed less than JustPassed ago ("1-12" on 2
	// December is yesterday): the caller questions that rather than moving
	// it silently a year ahead.
	DateAhead DateUse = iota
	// DateBack is a period looked back on, a measurement, a report-back:
	// the last such day, today counting ("1-9" on 2 December is the last
	// 1 September).
	DateBack
)

// Week is an ISO 8601 week.
type Week struct {
	Year int `json:"year"`
	Week int `json:"week"`
}

// WeekOf returns the ISO week t falls in.
func WeekOf(t time.Time) Week {
	y, w := t.ISOWeek()
	return Week{y, w}
}

// String formats the week as 2026-W48.
func (w Week) String() string { return fmt.Sprintf("%d-W%02d", w.Year, w.Week) }

// Monday returns the Monday that starts w, at midnight in loc.
func (w Week) Monday(loc *time.Location) time.Time {
	// January 4th is always in week 1.
	jan4 := time.Date(w.Year, 1, 4, 0, 0, 0, 0, loc)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+(w.Week-1)*7)
}

// Day truncates t to midnight in its own location.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

var weekdays = map[string]time.Weekday{
	"ma": time.Monday, "maandag": time.Monday, "mon": time.Monday, "monday": time.Monday,
	"di": time.Tuesday, "dinsdag": time.Tuesday, "tue": time.Tuesday, "tuesday": time.Tuesday,
	"wo": time.Wednesday, "woensdag": time.Wednesday, "wed": time.Wednesday, "wednesday": time.Wednesday,
	"do": time.Thursday, "donderdag": time.Thursday, "thu": time.Thursday, "thursday": time.Thursday,
	"vr": time.Friday, "vrijdag": time.Friday, "fri": time.Friday, "friday": time.Friday,
	"za": time.Saturday, "zaterdag": time.Saturday, "sat": time.Saturday, "saturday": time.Saturday,
	"zo": time.Sunday, "zondag": time.Sunday, "sun": time.Sunday, "sunday": time.Sunday,
}

var relative = map[string]int{
	"vandaag": 0, "today": 0,
	"morgen": 1, "tomorrow": 1,
	"overmorgen": 2,
	"gisteren":   -1, "yesterday": -1,
	"eergisteren":   -2,
	"volgende week": 7, "next week": 7,
	"vorige week": -7, "last week": -7,
}

// months are the month names and abbreviations people type, Dutch and
// English ("4 dec", "dec 4", "1 maart", "march 1").
var months = map[string]time.Month{
	"jan": 1, "januari": 1, "january": 1,
	"feb": 2, "februari": 2, "february": 2,
	"mrt": 3, "mar": 3, "maart": 3, "march": 3,
	"apr": 4, "april": 4,
	"mei": 5, "may": 5,
	"jun": 6, "juni": 6, "june": 6,
	"jul": 7, "juli": 7, "july": 7,
	"aug": 8, "augustus": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"okt": 10, "oct": 10, "oktober": 10, "october": 10,
	"nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

// ParseDate reads a due date (DateAhead); see ParseDateAs.
func ParseDate(s string, now time.Time) (time.Time, error) {
	return ParseDateAs(s, now, DateAhead)
}

// ParseDateAs reads a date the way people type it in a meeting, in Dutch or
// English, relative to now and looking the way use says:
//
//	2026-12-04, 4-12-2026, 4/12   a date; without a year see DateUse
//	4 dec, 1 sep, sep 1, 1 maart  the same with the month's name
//	vr, vrijdag, fri              the next (DateBack: last) such weekday, today counting
//	vandaag, morgen, gisteren     today, tomorrow, yesterday, and so on
//	volgende week, vorige week    seven days from or before today
//	week 50, wk 50                the Friday of ISO week 50 (see DateUse)
//
// The result is midnight in now's location. The caller shows it back to the
// user, so an unexpected reading is seen before it is saved. A failure is a
// *DateError naming the part not understood.
func ParseDateAs(s string, now time.Time, use DateUse) (time.Time, error) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSuffix(s, ".")
	today := Day(now)
	if s == "" {
		return time.Time{}, &DateError{Problem: DateEmpty}
	}
	if n, ok := relative[s]; ok {
		return today.AddDate(0, 0, n), nil
	}
	if wd, ok := weekdays[s]; ok {
		ahead := (int(wd) - int(today.Weekday()) + 7) % 7
		if use == DateBack {
			return today.AddDate(0, 0, -((7 - ahead) % 7)), nil
		}
		return today.AddDate(0, 0, ahead), nil
	}
	if rest, ok := cutAny(s, "week ", "wk ", "w"); ok {
		return parseWeek(s, strings.TrimSpace(rest), today, use)
	}
	if t, err := time.ParseInLocation("2006-01-02", s, now.Location()); err == nil {
		if t.Year() < 1900 {
			return time.Time{}, &DateError{Input: s, Part: s, Problem: DateYear}
		}
		return t, nil
	}
	return parseDayMonth(s, today, use)
}

func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return "", false
}

// parseWeek reads the number after "week" as the Friday of that ISO week,
// the next (DateAhead, see pick) or the last (DateBack) such week.
func parseWeek(s, num string, today time.Time, use DateUse) (time.Time, error) {
	n, err := strconv.Atoi(num)
	if err != nil {
		return time.Time{}, &DateError{Input: s, Part: unknownPart(s), Problem: DateUnknown}
	}
	// Count from today's ISO year: on 1 January today may still be in the
	// previous year's week 53. A week 53 comes every five or six years.
	iso := WeekOf(today).Year
	var found []time.Time
	for y := iso - 7; y <= iso+1; y++ {
		w := Week{y, n}
		fri := w.Monday(today.Location()).AddDate(0, 0, 4)
		if n >= 1 && n <= 53 && WeekOf(fri) == w {
			found = append(found, fri)
		}
	}
	if t, ok := pick(found, today, use); ok {
		return t, nil
	}
	return time.Time{}, &DateError{Input: s, Part: num, Problem: DateNoWeek}
}

// JustPassed is how far back a due date typed without a year still means
// the day that just passed (a slip to question) rather than next year's.
const JustPassed = 31 * 24 * time.Hour

// pick chooses among the candidates (in time order) the one use asks for:
// looking back the last on or before today; looking ahead the first that
// passed less than JustPassed ago.
func pick(cands []time.Time, today time.Time, use DateUse) (time.Time, bool) {
	var best time.Time
	for _, t := range cands {
		if use == DateBack {
			if !t.After(today) {
				best = t
			}
			continue
		}
		if today.Sub(t) < JustPassed {
			return t, true
		}
	}
	return best, !best.IsZero()
}

// parseDayMonth reads d-m, d/m, d-m-yyyy, d/m/yyyy (Dutch order) and the
// same with a month's name: "4 dec", "dec 4", "4 december 2026".
func parseDayMonth(s string, today time.Time, use DateUse) (time.Time, error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' || r == ',' })
	bad := func(problem string) (time.Time, error) {
		part := s
		if problem == DateUnknown {
			part = unknownPart(s)
		}
		return time.Time{}, &DateError{Input: s, Part: part, Problem: problem}
	}
	if len(parts) < 2 || len(parts) > 3 {
		return bad(DateUnknown)
	}
	// A month's name may stand first ("sep 1") or second ("1 sep").
	if mo, ok := months[parts[0]]; ok && len(parts) >= 2 {
		parts[0], parts[1] = parts[1], strconv.Itoa(int(mo))
	} else if mo, ok := months[parts[1]]; ok {
		parts[1] = strconv.Itoa(int(mo))
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return bad(DateUnknown)
		}
		nums[i] = n
	}
	d, m := nums[0], nums[1]
	if len(nums) == 3 {
		year := nums[2]
		if year < 100 && year >= 0 {
			year += 2000
		}
		if year < 1900 || year > 9999 {
			return bad(DateYear)
		}
		if t, ok := validDate(year, m, d, today.Location()); ok {
			return t, nil
		}
		return bad(DateNoDay)
	}
	// Without a year: the one use asks for among the years around today. A
	// 29 February may be up to eight years away either way.
	var cands []time.Time
	for y := today.Year() - 8; y <= today.Year()+8; y++ {
		if t, ok := validDate(y, m, d, today.Location()); ok {
			cands = append(cands, t)
		}
	}
	if t, ok := pick(cands, today, use); ok {
		return t, nil
	}
	return bad(DateNoDay)
}

// unknownPart is the first word of s that is neither a number nor a name of
// a month, a weekday or a relative day: the part to point at. It is s when
// every word is known and only their order is wrong.
func unknownPart(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' || r == ',' }) {
		if _, err := strconv.Atoi(w); err == nil {
			continue
		}
		if _, ok := months[w]; ok {
			continue
		}
		if _, ok := weekdays[w]; ok {
			continue
		}
		if w == "week" || w == "wk" {
			continue
		}
		return w
	}
	return s
}

// validDate is d-m-year if that day exists (not 31-2 and friends) and the
// year is one bord can store and show.
func validDate(year, m, d int, loc *time.Location) (time.Time, bool) {
	t := time.Date(year, time.Month(m), d, 0, 0, 0, 0, loc)
	ok := t.Day() == d && int(t.Month()) == m && year >= 1900 && year <= 9999
	return t, ok
}
