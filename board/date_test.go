package board

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zoneinfo
)

// amsterdam is where bord's users are; its DST changes are what can break
// "midnight" arithmetic, so the date tests run in it rather than in UTC.
var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at builds a time in Amsterdam; tests never read the wall clock.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, amsterdam)
}

func day(y int, m time.Month, d int) time.Time { return at(y, m, d, 0, 0) }

// The fixed "nows" the date tests are relative to.
var (
	monday     = at(2026, 11, 23, 10, 30) // Monday of 2026-W48
	friday     = at(2026, 11, 27, 16, 0)  // Friday of 2026-W48
	lateDec    = at(2026, 12, 28, 9, 0)   // Monday of 2026-W53, the last ISO week
	newYearDay = at(2027, 1, 1, 11, 0)    // Friday, still in 2026-W53
	leapMarch  = at(2028, 3, 10, 9, 0)    // just after a 29 February
	plainNov   = at(2027, 11, 23, 9, 0)   // the next 29 February is in 2028
)

type dateCase struct {
	in   string
	now  time.Time
	want time.Time // zero: ErrBadDate expected
}

var dateCases = []dateCase{
	// Full and partial dates; without a year the next one, or one that
	// passed less than a month ago (the caller questions it: not moved a
	// year ahead).
	{"2026-12-04", monday, day(2026, 12, 4)},
	{"4-12", monday, day(2026, 12, 4)},
	{"4/12", monday, day(2026, 12, 4)},
	{"4.12", monday, day(2026, 12, 4)},
	{"4-12-2026", monday, day(2026, 12, 4)},
	{"04-12-2026", monday, day(2026, 12, 4)},
	{"4/12/26", monday, day(2026, 12, 4)},
	{"23-11", monday, day(2026, 11, 23)}, // today counts
	{"22-11", monday, day(2026, 11, 22)}, // yesterday: passed, not next year
	{"4-12", lateDec, day(2026, 12, 4)},  // passed: the caller questions it
	{"4-1", lateDec, day(2027, 1, 4)},
	{"  4-12  ", monday, day(2026, 12, 4)},
	{"29-2", plainNov, day(2028, 2, 29)},  // the next 29 February
	{"29-2", leapMarch, day(2028, 2, 29)}, // ten days ago, not 1 March
	{"29-2-2028", monday, day(2028, 2, 29)},
	{"2026-12-04 ", monday, day(2026, 12, 4)},
	{"31-2", monday, time.Time{}},
	{"31-4", monday, time.Time{}},
	{"29-2-2027", monday, time.Time{}},
	{"0-12", monday, time.Time{}},
	{"4-13", monday, time.Time{}},
	{"4-0", monday, time.Time{}},
	{"4-12-1800", monday, time.Time{}},
	{"0001-01-01", monday, time.Time{}}, // ISO form holds to the same years
	{"1899-12-31", monday, time.Time{}},
	{"2026-02-30", monday, time.Time{}},
	{"4", monday, time.Time{}},
	{"1-2-3-4", monday, time.Time{}},
	{"4-dec", monday, day(2026, 12, 4)},
	{"4 dec", monday, day(2026, 12, 4)},
	{"1 sep", monday, day(2027, 9, 1)},
	{"sep 1", monday, day(2027, 9, 1)},
	{"Sep 1, 2027", monday, day(2027, 9, 1)},
	{"1 maart", monday, day(2027, 3, 1)},
	{"1-9", monday, day(2027, 9, 1)},     // passed long ago: next year's
	{"24-10", monday, day(2026, 10, 24)}, // 30 days ago: just passed
	{"4 decmber", monday, time.Time{}},
	{"dec", monday, time.Time{}},

	// Weekdays: the next such day, today counting.
	{"vr", monday, day(2026, 11, 27)},
	{"vrijdag", monday, day(2026, 11, 27)},
	{"fri", monday, day(2026, 11, 27)},
	{"friday", monday, day(2026, 11, 27)},
	{"Vrijdag", monday, day(2026, 11, 27)},
	{"  VR. ", monday, day(2026, 11, 27)},
	{"vr", friday, day(2026, 11, 27)},
	{"vrijdag", friday, day(2026, 11, 27)},
	{"ma", monday, day(2026, 11, 23)},
	{"ma", friday, day(2026, 11, 30)},
	{"di", monday, day(2026, 11, 24)},
	{"woensdag", monday, day(2026, 11, 25)},
	{"do", friday, day(2026, 12, 3)},
	{"zondag", monday, day(2026, 11, 29)},
	{"sat", friday, day(2026, 11, 28)},
	{"vr", lateDec, day(2027, 1, 1)},
	{"vrijdagmiddag", monday, time.Time{}},

	// Relative days.
	{"vandaag", monday, day(2026, 11, 23)},
	{"today", monday, day(2026, 11, 23)},
	{"Vandaag", friday, day(2026, 11, 27)},
	{"morgen", monday, day(2026, 11, 24)},
	{"tomorrow", monday, day(2026, 11, 24)},
	{"MORGEN", at(2026, 12, 31, 22, 0), day(2027, 1, 1)},
	{"overmorgen", monday, day(2026, 11, 25)},
	{"overmorgen", lateDec, day(2026, 12, 30)},
	{"volgende week", monday, day(2026, 11, 30)},
	{"next week", monday, day(2026, 11, 30)},
	{"  Volgende   Week ", monday, day(2026, 11, 30)},
	{"volgende week", lateDec, day(2027, 1, 4)},

	// ISO weeks: the Friday of that week, this year or next.
	{"week 50", monday, day(2026, 12, 11)},
	{"wk 50", monday, day(2026, 12, 11)},
	{"w50", monday, day(2026, 12, 11)},
	{"W 50", monday, day(2026, 12, 11)},
	{"Week  50", monday, day(2026, 12, 11)},
	{"week 48", monday, day(2026, 11, 27)}, // this week's Friday
	{"week 48", friday, day(2026, 11, 27)}, // is today
	{"week 47", monday, day(2026, 11, 20)}, // last week: passed, not next year's
	{"week 53", monday, day(2027, 1, 1)},   // 2026 has 53 weeks
	{"week 1", lateDec, day(2027, 1, 8)},
	{"week 1", at(2026, 12, 31, 9, 0), day(2027, 1, 8)},
	{"week 53", newYearDay, day(2027, 1, 1)},       // 1 Jan 2027 is in 2026-W53
	{"week 53", at(2027, 6, 1, 9, 0), time.Time{}}, // not in 2027 nor 2028
	{"week 60", monday, time.Time{}},
	{"week 0", monday, time.Time{}},
	{"week -1", monday, time.Time{}},
	{"week", monday, time.Time{}},
	{"w", monday, time.Time{}},
	{"week vijftig", monday, time.Time{}},

	// Nonsense.
	{"", monday, time.Time{}},
	{"   ", monday, time.Time{}},
	{"blah", monday, time.Time{}},
	{"gisteren", monday, day(2026, 11, 22)},
	{"vorige week", monday, day(2026, 11, 16)},
}

func TestParseDate(t *testing.T) {
	for _, tc := range dateCases {
		got, err := ParseDate(tc.in, tc.now)
		if tc.want.IsZero() {
			if !errors.Is(err, ErrBadDate) {
				t.Errorf("ParseDate(%q, %s) = %s, %v; want ErrBadDate", tc.in, tc.now.Format("Mon 2006-01-02"), got, err)
			}
			continue
		}
		if err != nil || !got.Equal(tc.want) || got.Location() != tc.now.Location() {
			t.Errorf("ParseDate(%q, %s) = %s, %v; want %s", tc.in, tc.now.Format("Mon 2006-01-02"), got, err, tc.want)
		}
	}
}

// The issue's own examples, on Wednesday 2 December 2026: a period looks
// back, a due date looks to the nearest and leaves a passed one passed.
func TestParseDateForItsUse(t *testing.T) {
	dec2 := at(2026, 12, 2, 9, 0)
	cases := []struct {
		in   string
		use  DateUse
		want time.Time
	}{
		{"1-9", DateBack, day(2026, 9, 1)},
		{"1-9", DateAhead, day(2027, 9, 1)}, // a due date looks ahead
		{"1-12", DateBack, day(2026, 12, 1)},
		{"1-12", DateAhead, day(2026, 12, 1)}, // yesterday, not 1 December 2027
		{"2-12", DateBack, day(2026, 12, 2)},
		{"3-12", DateBack, day(2025, 12, 3)},
		{"1-1", DateAhead, day(2027, 1, 1)},
		{"1-1", DateBack, day(2026, 1, 1)},
		{"1 sep", DateBack, day(2026, 9, 1)},
		{"sep 1", DateBack, day(2026, 9, 1)},
		{"vr", DateBack, day(2026, 11, 27)},
		{"vr", DateAhead, day(2026, 12, 4)},
		{"wo", DateBack, day(2026, 12, 2)}, // today counts
		{"wo", DateAhead, day(2026, 12, 2)},
		{"week 45", DateBack, day(2026, 11, 6)},
		{"week 50", DateBack, day(2025, 12, 12)},
		{"week 50", DateAhead, day(2026, 12, 11)},
		{"4-12-2026", DateBack, day(2026, 12, 4)}, // a year is a year
	}
	for _, tc := range cases {
		got, err := ParseDateAs(tc.in, dec2, tc.use)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("ParseDateAs(%q, 2 Dec, %d) = %s, %v; want %s", tc.in, tc.use, got, err, tc.want)
		}
	}
}

// A failed date names the part not understood, so the screen can say it.
func TestDateErrorNamesThePart(t *testing.T) {
	cases := []struct{ in, part, problem string }{
		{"", "", DateEmpty},
		{"morgan", "morgan", DateUnknown},
		{"4 decmber", "decmber", DateUnknown},
		{"week vijftig", "vijftig", DateUnknown},
		{"week 60", "60", DateNoWeek},
		{"31-2", "31-2", DateNoDay},
		{"4-13-2026", "4-13-2026", DateNoDay},
		{"4-12-1800", "4-12-1800", DateYear},
	}
	for _, tc := range cases {
		_, err := ParseDate(tc.in, monday)
		var de *DateError
		if !errors.As(err, &de) || de.Part != tc.part || de.Problem != tc.problem || !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDate(%q) error = %#v; want part %q, problem %q", tc.in, err, tc.part, tc.problem)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tc := range dateCases {
		f.Add(tc.in, int16(tc.now.Sub(monday).Hours()/24))
	}
	f.Fuzz(func(t *testing.T, in string, days int16) {
		// Any day within ±90 years of the reference, at an awkward hour.
		now := monday.AddDate(0, 0, int(days)).Add(13*time.Hour + 7*time.Minute)
		got, err := ParseDate(in, now)
		// Which way a date looks changes which day it is, never whether it
		// is one (but for a week 53, which only some years have).
		if back, berr := ParseDateAs(in, now, DateBack); (berr == nil) != (err == nil) && !noWeek(err) && !noWeek(berr) {
			t.Fatalf("ParseDateAs(%q, back) = %s, %v; ahead %s, %v", in, back, berr, got, err)
		}
		if err != nil {
			if !errors.Is(err, ErrBadDate) {
				t.Fatalf("ParseDate(%q) error %v is not ErrBadDate", in, err)
			}
			return
		}
		if got.Location() != amsterdam {
			t.Fatalf("ParseDate(%q) = %s: location %s, want now's", in, got, got.Location())
		}
		if h, m, s := got.Clock(); h != 0 || m != 0 || s != 0 || got.Nanosecond() != 0 {
			t.Fatalf("ParseDate(%q) = %s: not midnight", in, got)
		}
		if y := got.Year(); y < 1900 || y > 9999 {
			t.Fatalf("ParseDate(%q) = %s: year out of range", in, got)
		}
	})
}

// Monday and WeekOf must agree for every week, including 53-week years and
// weeks that start in the previous calendar year.
func TestWeekMondayRoundTrip(t *testing.T) {
	anchors := map[Week]time.Time{
		{2024, 1}:  day(2024, 1, 1),
		{2025, 1}:  day(2024, 12, 30),
		{2026, 1}:  day(2025, 12, 29),
		{2026, 48}: day(2026, 11, 23),
		{2026, 53}: day(2026, 12, 28),
		{2027, 1}:  day(2027, 1, 4),
		{2030, 1}:  day(2029, 12, 31),
	}
	for w, want := range anchors {
		if got := w.Monday(amsterdam); !got.Equal(want) {
			t.Errorf("%s.Monday = %s, want %s", w, got, want)
		}
	}

	weeks := 0
	for y := 2024; y <= 2030; y++ {
		// 28 December is always in the last ISO week of its year.
		last := WeekOf(time.Date(y, 12, 28, 0, 0, 0, 0, amsterdam)).Week
		if last != 52 && last != 53 {
			t.Fatalf("%d has %d weeks", y, last)
		}
		var prev time.Time
		for n := 1; n <= last; n++ {
			w := Week{y, n}
			m := w.Monday(amsterdam)
			if m.Weekday() != time.Monday || !m.Equal(Day(m)) || m.Location() != amsterdam {
				t.Errorf("%s.Monday = %s: not a Monday midnight in Amsterdam", w, m)
			}
			if got := WeekOf(m); got != w {
				t.Errorf("WeekOf(%s.Monday) = %s", w, got)
			}
			if got := WeekOf(m.AddDate(0, 0, 6)); got != w {
				t.Errorf("WeekOf(%s's Sunday) = %s", w, got)
			}
			if !prev.IsZero() && !prev.AddDate(0, 0, 7).Equal(m) {
				t.Errorf("%s.Monday = %s, not a week after %s", w, m, prev)
			}
			prev = m
			weeks++
		}
	}
	if weeks != 7*52+1 {
		t.Errorf("walked %d weeks in 2024–2030, want %d (one 53-week year)", weeks, 7*52+1)
	}
}

func TestWeekString(t *testing.T) {
	for w, want := range map[Week]string{{2026, 5}: "2026-W05", {2026, 48}: "2026-W48", {2027, 1}: "2027-W01"} {
		if got := w.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", w, got, want)
		}
	}
}

func TestDay(t *testing.T) {
	got := Day(at(2026, 3, 29, 23, 59)) // the day DST starts: 23 hours long
	if !got.Equal(day(2026, 3, 29)) || got.Location() != amsterdam {
		t.Errorf("Day = %s, want 2026-03-29 00:00 in Amsterdam", got)
	}
}

func noWeek(err error) bool {
	var de *DateError
	return errors.As(err, &de) && de.Problem == DateNoWeek
}
