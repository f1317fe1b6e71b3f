package board

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrBadDate is returned by ParseDate for input it does not understand.
var ErrBadDate = errors.New("board: unknown date")

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
	"overmorgen":    2,
	"volgende week": 7, "next week": 7,
}

// ParseDate reads a date the way people type it in a meeting, in Dutch or
// English, relative to now:
//
//	2026-12-04, 4-12-2026, 4/12   a date; without a year the next one to come
//	vr, vrijdag, fri              the next such weekday (today counts)
//	vandaag, morgen, overmorgen   today, tomorrow, the day after
//	volgende week, next week      seven days from today
//	week 50, wk 50                the Friday of ISO week 50, this year or next
//
// The result is midnight in now's location. The caller shows it back to the
// user, so an unexpected reading is seen before it is saved.
func ParseDate(s string, now time.Time) (time.Time, error) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSuffix(s, ".")
	today := Day(now)
	if s == "" {
		return time.Time{}, ErrBadDate
	}
	if n, ok := relative[s]; ok {
		return today.AddDate(0, 0, n), nil
	}
	if wd, ok := weekdays[s]; ok {
		return today.AddDate(0, 0, (int(wd)-int(today.Weekday())+7)%7), nil
	}
	if rest, ok := cutAny(s, "week ", "wk ", "w"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(rest))
		if err != nil || n < 1 || n > 53 {
			return time.Time{}, ErrBadDate
		}
		// Start from today's ISO year: on 1 January today may still be in
		// the previous year's week 53.
		iso := WeekOf(today).Year
		for _, y := range []int{iso, iso + 1} {
			w := Week{y, n}
			fri := w.Monday(now.Location()).AddDate(0, 0, 4)
			if WeekOf(fri) == w && !fri.Before(today) {
				return fri, nil
			}
		}
		return time.Time{}, ErrBadDate
	}
	if t, err := time.ParseInLocation("2006-01-02", s, now.Location()); err == nil {
		if t.Year() < 1900 {
			return time.Time{}, ErrBadDate // the same years as d-m-yyyy
		}
		return t, nil
	}
	return parseDayMonth(s, today)
}

func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return "", false
}

// parseDayMonth reads d-m, d/m, d-m-yyyy and d/m/yyyy (Dutch order).
func parseDayMonth(s string, today time.Time) (time.Time, error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) < 2 || len(parts) > 3 {
		return time.Time{}, ErrBadDate
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, ErrBadDate
		}
		nums[i] = n
	}
	d, m := nums[0], nums[1]
	year := today.Year()
	if len(nums) == 3 {
		year = nums[2]
		if year < 100 {
			year += 2000
		}
	}
	if len(nums) == 2 {
		// The next such day to come, today counting. A 29 February may be
		// up to eight years away; adding a year to it would give 1 March.
		for y := year; y <= year+8; y++ {
			if t, ok := validDate(y, m, d, today.Location()); ok && !t.Before(today) {
				return t, nil
			}
		}
		return time.Time{}, ErrBadDate
	}
	if t, ok := validDate(year, m, d, today.Location()); ok {
		return t, nil
	}
	return time.Time{}, ErrBadDate
}

// validDate is d-m-year if that day exists (not 31-2 and friends) and the
// year is one bord can store and show.
func validDate(year, m, d int, loc *time.Location) (time.Time, bool) {
	t := time.Date(year, time.Month(m), d, 0, 0, 0, 0, loc)
	ok := t.Day() == d && int(t.Month()) == m && year >= 1900 && year <= 9999
	return t, ok
}
