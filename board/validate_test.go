package board

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// team is an SWV office team; Joël checks case folding beyond ASCII.
var team = Team{ID: 1, Name: "Bureau SWV", Members: []Member{
	{Name: "Anna de Vries"}, {Name: "Sanne Bakker"}, {Name: "Joël Mertens"}, {Name: "Fatima El Amrani"},
}}

// checkCase is one Check of a valid item changed by change (nil: the valid
// item itself).
type checkCase[T any] struct {
	name                  string
	change                func(*T)
	isNew                 bool
	field, problem, value string
}

// runChecks checks every case on its own copy of ok, as wantInvalid; after,
// when given, then looks at the copy as it was before (its change made)
// and after Check.
func runChecks[T any, P interface {
	*T
	Item
}](t *testing.T, ok T, now time.Time, cases []checkCase[T], after func(tc checkCase[T], before T, checked P)) {
	t.Helper()
	for _, tc := range cases {
		v := ok
		if tc.change != nil {
			tc.change(&v)
		}
		before := v
		wantInvalid(t, tc.name, P(&v).Check(team, now, tc.isNew), tc.field, tc.problem, tc.value)
		if after != nil {
			after(tc, before, &v)
		}
	}
}

// datedCases are the cases every item with a text and a due date shares
// (actions, goals, planning items): valid as it is, the text empty, no
// date, and past, a date a new item may not have but an edited one keeps.
func datedCases[T any](textField string, text func(*T) *string, dateField string, date func(*T) *time.Time, past time.Time) []checkCase[T] {
	return []checkCase[T]{
		{"valid", nil, true, "", "", ""},
		{"empty " + textField, func(v *T) { *text(v) = "" }, true, textField, ProblemEmpty, ""},
		{"no date", func(v *T) { *date(v) = time.Time{} }, true, dateField, ProblemNoDate, ""},
		{"new in the past", func(v *T) { *date(v) = past }, true, dateField, ProblemPastDate, ""},
		{"edit keeps a past date", func(v *T) { *date(v) = past }, false, "", "", ""},
	}
}

// wantInvalid checks that err is a ValidationError for field with problem
// (and value, when given); an empty field means err must be nil.
func wantInvalid(t *testing.T, name string, err error, field, problem, value string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Errorf("%s: unexpected error %v", name, err)
		}
		return
	}
	v, ok := AsValidation(err)
	if !ok {
		t.Errorf("%s: error %v, want a ValidationError %s/%s", name, err, field, problem)
		return
	}
	if v.Field != field || v.Problem != problem || v.Value != value {
		t.Errorf("%s: got %s/%s/%q, want %s/%s/%q", name, v.Field, v.Problem, v.Value, field, problem, value)
	}
}

func TestActionCheck(t *testing.T) {
	now := monday
	yesterday, nextWeek := day(2026, 11, 22), day(2026, 11, 30)
	ok := Action{What: "Ouders bellen", Who: "Anna de Vries", When: nextWeek}
	dueCases := datedCases("what", func(a *Action) *string { return &a.What }, "when", func(a *Action) *time.Time { return &a.When }, yesterday)
	runChecks(t, ok, now, append(dueCases, []checkCase[Action]{
		{"empty who", func(a *Action) { a.Who = "" }, true, "who", ProblemEmpty, ""},
		{"unknown owner", func(a *Action) { a.Who = "Piet Jansen" }, true, "who", ProblemUnknownOwner, "Piet Jansen"},
		{"due today, earlier hour", func(a *Action) { a.When = at(2026, 11, 23, 8, 0) }, true, "", "", ""},
		{"bad status", func(a *Action) { a.Status = "klaar" }, true, "status", ProblemBadValue, ""},
		{"bad origin", func(a *Action) { a.Origin = "mail" }, true, "origin", ProblemBadValue, ""},
		{"retro origin", func(a *Action) { a.Origin = OriginRetro }, true, "", "", ""},
	}...), nil)
}

func TestActionCheckNormalises(t *testing.T) {
	now := monday
	a := Action{What: "Ouders bellen", Who: "  joËl mertens ", When: day(2026, 11, 30)}
	if err := a.Check(team, now, true); err != nil {
		t.Fatal(err)
	}
	if a.Who != "Joël Mertens" {
		t.Errorf("Who = %q, want the stored name %q", a.Who, "Joël Mertens")
	}
	if a.Status != StatusTodo || a.Origin != OriginBoard {
		t.Errorf("defaults: status %q origin %q, want todo/board", a.Status, a.Origin)
	}
	if !a.DoneAt.IsZero() {
		t.Errorf("DoneAt = %s for an open action", a.DoneAt)
	}

	a.Status = StatusDone
	if err := a.Check(team, now, false); err != nil {
		t.Fatal(err)
	}
	if !a.DoneAt.Equal(now) {
		t.Errorf("DoneAt = %s after done, want now %s", a.DoneAt, now)
	}

	// A second save of a done action keeps the moment it was done.
	if err := a.Check(team, now.Add(48*time.Hour), false); err != nil {
		t.Fatal(err)
	}
	if !a.DoneAt.Equal(now) {
		t.Errorf("DoneAt moved to %s on a later save", a.DoneAt)
	}

	// Reopened: no longer done, so no done date.
	a.Status = StatusDoing
	if err := a.Check(team, now, false); err != nil {
		t.Fatal(err)
	}
	if !a.DoneAt.IsZero() {
		t.Errorf("DoneAt = %s after reopening, want zero", a.DoneAt)
	}
}

func TestCheckInCheck(t *testing.T) {
	ok := CheckIn{Who: "sanne bakker", Week: Week{2026, 48}, Mood: MoodSoSo}
	runChecks(t, ok, monday, []checkCase[CheckIn]{
		{"valid", nil, true, "", "", ""},
		{"empty who", func(c *CheckIn) { c.Who = "" }, true, "who", ProblemEmpty, ""},
		{"unknown who", func(c *CheckIn) { c.Who = "Kees" }, true, "who", ProblemUnknownOwner, "Kees"},
		{"no mood", func(c *CheckIn) { c.Mood = "" }, true, "mood", ProblemBadValue, ""},
		{"bad mood", func(c *CheckIn) { c.Mood = "happy" }, true, "mood", ProblemBadValue, ""},
		{"week 0", func(c *CheckIn) { c.Week.Week = 0 }, true, "week", ProblemBadValue, ""},
		{"week 54", func(c *CheckIn) { c.Week.Week = 54 }, true, "week", ProblemBadValue, ""},
	}, func(tc checkCase[CheckIn], _ CheckIn, c *CheckIn) {
		if tc.field == "" && c.Who != "Sanne Bakker" {
			t.Errorf("%s: Who = %q, want the stored name", tc.name, c.Who)
		}
	})
}

func TestSuccessCheck(t *testing.T) {
	tests := []struct {
		name                  string
		s                     Success
		field, problem, value string
		who                   string
		date                  time.Time
	}{
		{"who is optional, date defaults to today", Success{Text: "Drie thuiszitters terug"}, "", "", "", "", day(2026, 11, 23)},
		{"who normalised", Success{Text: "TLV's op tijd", Who: "FATIMA EL AMRANI"}, "", "", "", "Fatima El Amrani", day(2026, 11, 23)},
		{"own date kept", Success{Text: "x", Date: day(2026, 11, 13)}, "", "", "", "", day(2026, 11, 13)},
		{"empty text", Success{Who: "Anna de Vries"}, "text", ProblemEmpty, "", "", time.Time{}},
		{"unknown who", Success{Text: "x", Who: "Onbekend"}, "who", ProblemUnknownOwner, "Onbekend", "", time.Time{}},
	}
	for _, tc := range tests {
		s := tc.s
		wantInvalid(t, tc.name, s.Check(team, monday, true), tc.field, tc.problem, tc.value)
		if tc.field != "" {
			continue
		}
		if s.Who != tc.who || !s.Date.Equal(tc.date) {
			t.Errorf("%s: Who %q Date %s, want %q %s", tc.name, s.Who, s.Date, tc.who, tc.date)
		}
	}
}

func TestGoalCheck(t *testing.T) {
	ok := Goal{Title: "Minder thuiszitters", ByWhen: day(2026, 12, 18)}
	dueCases := datedCases("title", func(g *Goal) *string { return &g.Title }, "by_when", func(g *Goal) *time.Time { return &g.ByWhen }, day(2026, 11, 1))
	runChecks(t, ok, monday, append(dueCases, []checkCase[Goal]{
		{"bad status", func(g *Goal) { g.Status = "ok" }, true, "status", ProblemBadValue, ""},
		{"reached", func(g *Goal) { g.Status = GoalReached }, false, "", "", ""},
		{"NaN target", func(g *Goal) { g.Indicator = &Indicator{Target: math.NaN()} }, true, "indicator", ProblemBadValue, ""},
		{"infinite baseline", func(g *Goal) { g.Indicator = &Indicator{Baseline: math.Inf(1)} }, true, "indicator", ProblemBadValue, ""},
		{"infinite measurement", func(g *Goal) {
			g.Indicator = &Indicator{Target: 10, Measurements: []Measurement{{Date: monday, Value: math.Inf(-1)}}}
		}, false, "measurement", ProblemBadValue, ""},
		{"finite indicator", func(g *Goal) {
			g.Indicator = &Indicator{Baseline: 1, Target: 10, Measurements: []Measurement{{Date: monday, Value: 4}}}
		}, true, "", "", ""},
	}...), func(tc checkCase[Goal], before Goal, g *Goal) {
		if tc.field == "" && before.Status == "" && g.Status != GoalActive {
			t.Errorf("%s: Status = %q, want default %q", tc.name, g.Status, GoalActive)
		}
	})
}

func TestPlanItemCheck(t *testing.T) {
	ok := PlanItem{Text: "Werksessie", Date: day(2026, 12, 2)}
	dueCases := datedCases("text", func(p *PlanItem) *string { return &p.Text }, "date", func(p *PlanItem) *time.Time { return &p.Date }, day(2026, 11, 20))
	runChecks(t, ok, monday, append(dueCases, checkCase[PlanItem]{
		"unknown who", func(p *PlanItem) { p.Who = "De inspectie" }, true, "who", ProblemUnknownOwner, "De inspectie",
	}), nil)

	p := ok
	p.Who = "anna DE vries"
	if err := p.Check(team, monday, true); err != nil || p.Who != "Anna de Vries" {
		t.Errorf("Check = %v, Who %q; want nil and the stored name", err, p.Who)
	}
}

func TestParkingCheck(t *testing.T) {
	wantInvalid(t, "empty", (&Parking{}).Check(team, monday, true), "text", ProblemEmpty, "")
	wantInvalid(t, "valid", (&Parking{Text: "Rol van de jeugdarts"}).Check(team, monday, true), "", "", "")
}

// Clean runs before Check in the store, so a field of only junk must come out
// empty and be refused as empty, and every text field must be sanitized.
func TestCleanThenCheck(t *testing.T) {
	junk := " \x1b[2J\u202e\t\r\n "
	items := []Item{
		&CheckIn{Who: junk, Week: Week{2026, 48}, Mood: MoodGood},
		&Success{Text: junk},
		&Goal{Title: junk, ByWhen: day(2026, 12, 18)},
		&Action{What: junk, Who: "Anna de Vries", When: day(2026, 12, 4)},
		&Action{What: "Bellen", Who: junk, When: day(2026, 12, 4)},
		&PlanItem{Text: junk, Date: day(2026, 12, 4)},
		&Parking{Text: junk},
	}
	for _, it := range items {
		it.Clean()
		v, ok := AsValidation(it.Check(team, monday, true))
		if !ok || v.Problem != ProblemEmpty {
			t.Errorf("%s item of junk: Check = %v, want an empty-field error", it.Area(), v)
		}
	}

	g := &Goal{
		Title: "Minder\x1b]52;c;eA==\x07 thuiszitters", Why: "regel 1\r\nregel 2\x07", Measure: "\u202eaantal",
		Indicator: &Indicator{Unit: "leer\u00adlingen\n", Measurements: []Measurement{{Note: "na\x1b[31m de\nvakantie"}}},
	}
	g.Clean()
	if g.Title != "Minder thuiszitters" || g.Why != "regel 1\nregel 2" || g.Measure != "aantal" ||
		g.Indicator.Unit != "leerlingen" || g.Indicator.Measurements[0].Note != "na de vakantie" {
		t.Errorf("Goal.Clean left %+q %+q %+q %+q %+q", g.Title, g.Why, g.Measure, g.Indicator.Unit, g.Indicator.Measurements[0].Note)
	}

	c := &CheckIn{Word: strings.Repeat("moe ", 20)}
	c.Clean()
	if n := len([]rune(c.Word)); n > 40 {
		t.Errorf("check-in word kept %d runes, want at most 40", n)
	}
}

func TestAsValidation(t *testing.T) {
	a := Action{What: "x", Who: "Piet", When: day(2026, 12, 4)}
	err := fmt.Errorf("opslaan: %w", a.Check(team, monday, true))
	v, ok := AsValidation(err)
	if !ok || v.Field != "who" || v.Problem != ProblemUnknownOwner || v.Value != "Piet" {
		t.Fatalf("AsValidation(wrapped) = %+v, %v", v, ok)
	}
	// Error text carries codes for logs, never a sentence for the user.
	if msg := err.Error(); !strings.Contains(msg, "who") || !strings.Contains(msg, ProblemUnknownOwner) || !strings.Contains(msg, `"Piet"`) {
		t.Errorf("Error() = %q, want field, code and value", msg)
	}
	if _, ok := AsValidation(errors.New("schijf vol")); ok {
		t.Error("AsValidation accepted a plain error")
	}
	if _, ok := AsValidation(nil); ok {
		t.Error("AsValidation accepted nil")
	}
	if msg := invalid("what", ProblemEmpty).Error(); strings.Contains(msg, `""`) {
		t.Errorf("Error() without value = %q, shows an empty value", msg)
	}
}
