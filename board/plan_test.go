package board

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"
)

// planGoal is a thuiszitters goal: 40 → 20 pupils from 1 January to 31
// December 2026, lower is better, measured monthly.
func planGoal(ms ...Measurement) Goal {
	return Goal{Meta: Meta{ID: 7}, Title: "Thuiszitters 40 → 20", ByWhen: day(2026, 12, 31), Status: GoalActive,
		Indicator: &Indicator{Unit: "leerlingen", Baseline: 40, BaselineDate: day(2026, 1, 1), Target: 20, TargetDate: day(2026, 12, 31),
			Direction: LowerIsBetter, Cadence: CadenceMonthly, Measurements: ms}}
}

func meas(y int, mo time.Month, d int, v float64) Measurement {
	return Measurement{Date: day(y, mo, d), Value: v}
}

func TestProgressRespectsDirection(t *testing.T) {
	// Higher is better set explicitly although the target lies below the
	// baseline: moving down is going the wrong way, so no progress.
	in := &Indicator{Baseline: 40, Target: 20, Direction: HigherIsBetter, Measurements: []Measurement{meas(2026, 2, 1, 30)}}
	if p, ok := in.Progress(); !ok || p != 0 {
		t.Errorf("higher is better, value fell: Progress = %v, %v; want 0, true", p, ok)
	}
	in.Direction = LowerIsBetter
	if p, ok := in.Progress(); !ok || p != 0.5 {
		t.Errorf("lower is better, 40 → 30 of 40 → 20: Progress = %v, %v; want 0.5", p, ok)
	}
	if in.Better() != LowerIsBetter || (&Indicator{Baseline: 1, Target: 3}).Better() != HigherIsBetter || (&Indicator{Baseline: 3, Target: 1}).Better() != LowerIsBetter {
		t.Error("Better: an unset direction is derived from the target")
	}
}

func TestExpectedAndTrack(t *testing.T) {
	g := planGoal()
	mid := day(2026, 1, 1).Add(day(2026, 12, 31).Sub(day(2026, 1, 1)) / 2)
	for _, tc := range []struct {
		at   time.Time
		want float64
	}{{day(2025, 6, 1), 40}, {day(2026, 1, 1), 40}, {Day(mid), 30}, {day(2026, 12, 31), 20}, {day(2027, 3, 1), 20}} {
		if got, ok := g.Expected(tc.at); !ok || math.Abs(got-tc.want) > 0.1 {
			t.Errorf("Expected(%s) = %v, %v; want %v", tc.at.Format(time.DateOnly), got, ok, tc.want)
		}
	}
	if tr := g.Track(); tr != TrackUnknown {
		t.Errorf("no measurement: Track = %v, want unknown", tr)
	}
	// Halfway through the year the line says 30: 28 (lower) is on course,
	// 33 is behind.
	ahead, late := planGoal(meas(2026, 7, 2, 28)), planGoal(meas(2026, 7, 2, 33), meas(2026, 1, 15, 20))
	if tr := ahead.Track(); tr != TrackOnCourse {
		t.Errorf("28 at mid-year: Track = %v, want on course", tr)
	}
	if tr := late.Track(); tr != TrackBehind {
		t.Errorf("latest 33 at mid-year: Track = %v, want behind", tr)
	}
	up := Goal{ByWhen: day(2026, 12, 31), Indicator: &Indicator{Unit: "%", Baseline: 60, BaselineDate: day(2026, 1, 1), Target: 80, TargetDate: day(2026, 12, 31),
		Measurements: []Measurement{meas(2026, 7, 2, 65)}}}
	if tr := up.Track(); tr != TrackBehind {
		t.Errorf("60 → 80, 65 at mid-year: Track = %v, want behind", tr)
	}
	noBase := planGoal(meas(2026, 7, 2, 28))
	noBase.Indicator.BaselineDate = time.Time{}
	if tr := noBase.Track(); tr != TrackUnknown {
		t.Errorf("no nulmeting: Track = %v, want unknown", tr)
	}
}

func TestMissedMoments(t *testing.T) {
	now := day(2026, 5, 10)
	all := planGoal(meas(2026, 2, 1, 39), meas(2026, 3, 4, 37), meas(2026, 4, 1, 35), meas(2026, 5, 1, 33))
	if got := all.MissedMoments(now); len(got) != 0 {
		t.Errorf("every month measured (March three days late): missed %v", got)
	}
	gap := planGoal(meas(2026, 2, 1, 39), meas(2026, 5, 1, 33))
	want := []time.Time{day(2026, 3, 1), day(2026, 4, 1)}
	if got := gap.MissedMoments(now); !slices.EqualFunc(got, want, time.Time.Equal) {
		t.Errorf("March and April unmeasured: missed %v, want %v", got, want)
	}
	// The moment of today has not passed yet.
	empty := planGoal()
	if got := empty.MissedMoments(day(2026, 2, 1)); len(got) != 0 {
		t.Errorf("on the first moment's day: missed %v", got)
	}
	if n := len(empty.Moments()); n != 11 {
		t.Errorf("monthly from 1 January to 31 December: %d moments, want 11", n)
	}
	century := planGoal()
	century.Indicator.Cadence, century.Indicator.TargetDate = CadenceWeekly, day(2126, 1, 1)
	if n := len(century.Moments()); n != maxMoments {
		t.Errorf("a weekly century: %d moments, want the cap %d", n, maxMoments)
	}
}

func TestGoalWarnings(t *testing.T) {
	now := day(2026, 5, 10)
	kinds := func(ws []Warning) []WarningKind {
		var k []WarningKind
		for _, w := range ws {
			k = append(k, w.Kind)
		}
		return k
	}
	vague := Goal{Meta: Meta{ID: 1}, Title: "Ouderbetrokkenheid versterken", ByWhen: day(2026, 4, 1), Status: GoalActive}
	ws := vague.Warnings(now)
	if got := kinds(ws); !slices.Equal(got, []WarningKind{WarnNotMeasurable, WarnVague, WarnTargetPassed}) {
		t.Fatalf("vague goal past its date: %v", got)
	}
	if !slices.Equal(ws[0].Missing, []Missing{MissingIndicator, MissingBaseline, MissingTarget}) || !slices.Equal(ws[1].Words, []string{"versterken"}) || !ws[2].Dates[0].Equal(day(2026, 4, 1)) {
		t.Errorf("warning data: %+v", ws)
	}
	vague.Status = GoalStopped
	if got := vague.Warnings(now); got != nil {
		t.Errorf("a stopped goal has nothing to steer: %v", got)
	}
	g := planGoal(meas(2026, 2, 1, 39))
	g.Indicator.Unit = ""
	ws = g.Warnings(now)
	if got := kinds(ws); !slices.Equal(got, []WarningKind{WarnNotMeasurable, WarnMissedMoments}) || !slices.Equal(ws[0].Missing, []Missing{MissingUnit}) || len(ws[1].Dates) != 3 {
		t.Errorf("no unit, three months unmeasured: %+v", ws)
	}
}

func TestVagueWords(t *testing.T) {
	for title, want := range map[string][]string{
		"Leesresultaten verbeteren":                {"verbeteren"},
		"Samenwerking versterken en optimaliseren": {"versterken", "optimaliseren"},
		"Improve attendance":                       {"improve"},
		"Leesresultaten verbeteren naar 80%":       nil, // a number
		"Verzuim verbeteren voor de zomer":         nil, // a date
		"Elke week een lesbezoek":                  nil, // concrete, no vague verb
	} {
		if got := VagueWords(title); !slices.Equal(got, want) {
			t.Errorf("VagueWords(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestFocusWarnings(t *testing.T) {
	b := &Board{}
	for i := range 6 {
		sp := uint64(1)
		if i >= 4 {
			sp = 2
		}
		b.Goals = append(b.Goals, Goal{Meta: Meta{ID: uint64(i + 1)}, SpeerpuntID: sp, Status: GoalActive})
	}
	ws := b.FocusWarnings()
	want := []Warning{{Kind: WarnFocusBoard, Count: 6, Limit: 5}, {Kind: WarnFocusSpeerpunt, SpeerpuntID: 1, Count: 4, Limit: 3}}
	if len(ws) != 2 || ws[0].Kind != want[0].Kind || ws[0].Count != 6 || ws[1].Kind != want[1].Kind || ws[1].SpeerpuntID != 1 || ws[1].Count != 4 {
		t.Fatalf("six open goals, four under speerpunt 1: %+v", ws)
	}
	b.Goals[0].Status, b.Goals[5].Status = GoalReached, GoalStopped
	if ws := b.FocusWarnings(); len(ws) != 0 {
		t.Errorf("four open goals, three under speerpunt 1: %+v", ws)
	}
}

func TestActionsOf(t *testing.T) {
	now := day(2026, 5, 10)
	b := &Board{Actions: []Action{
		{GoalID: 7, Status: StatusTodo, When: day(2026, 5, 1)},
		{GoalID: 7, Status: StatusDoing, When: day(2026, 5, 20)},
		{GoalID: 7, Status: StatusDone, When: day(2026, 4, 1)},
		{GoalID: 7, Status: StatusDropped, When: day(2026, 4, 1)},
		{GoalID: 8, Status: StatusTodo, When: day(2026, 4, 1)},
	}}
	if got := b.ActionsOf(7, now); got != (ActionCount{Open: 2, Done: 1, Overdue: 1}) {
		t.Errorf("ActionsOf(7) = %+v", got)
	}
}

func TestTallySpeerpunt(t *testing.T) {
	onCourse, behind := planGoal(meas(2026, 7, 2, 28)), planGoal(meas(2026, 7, 2, 33))
	onCourse.SpeerpuntID, behind.SpeerpuntID = 3, 3
	unmeasured := planGoal()
	unmeasured.SpeerpuntID = 3
	reached := Goal{SpeerpuntID: 3, Status: GoalReached}
	other := planGoal(meas(2026, 7, 2, 33))
	boards := []*Board{
		{Goals: []Goal{onCourse, unmeasured}}, // on course
		{Goals: []Goal{onCourse, behind}},     // one behind: behind
		{Goals: []Goal{reached}},              // reached counts as on course
		{Goals: []Goal{unmeasured}},           // unknown
		{Goals: []Goal{other}},                // not under 3: not a school of it
	}
	got := TallySpeerpunt(3, boards)
	want := Tally{Schools: 4, OnCourse: 2, Behind: 1, Unknown: 1, Goals: 6, GoalsOnCourse: 3, GoalsBehind: 1}
	if got != want {
		t.Errorf("TallySpeerpunt = %+v, want %+v", got, want)
	}
}

func TestGoalOpApply(t *testing.T) {
	now := day(2026, 6, 1)
	g := planGoal()
	if err := (GoalOp{Kind: GoalSetStatus, Status: GoalReached}).Apply(&g, "Anna", now); !isProblem(err, "reason", ProblemEmpty) || g.Status != GoalActive {
		t.Fatalf("no reason: %v, status %s", err, g.Status)
	}
	if err := (GoalOp{Kind: GoalAdjust, Target: math.NaN(), TargetDate: day(2027, 6, 1), Reason: "x"}).Apply(&g, "Anna", now); !isProblem(err, "target", ProblemBadValue) {
		t.Fatalf("NaN target: %v", err)
	}
	err := (GoalOp{Kind: GoalAdjust, Target: 25, TargetDate: day(2027, 6, 1), Reason: "Nieuwe wet passend onderwijs"}).Apply(&g, "Anna", now)
	if err != nil {
		t.Fatal(err)
	}
	h := g.History[0]
	if g.Status != GoalAdjusted || g.Indicator.Target != 25 || h.From != GoalActive || h.To != GoalAdjusted ||
		h.Target.OldValue != 20 || !h.Target.OldDate.Equal(day(2026, 12, 31)) || h.Target.NewValue != 25 || h.By != "Anna" {
		t.Errorf("adjusted: status %s, target %v, history %+v %+v", g.Status, g.Indicator.Target, h, h.Target)
	}
	if err := (GoalOp{Kind: GoalSetStatus, Status: GoalStopped, Reason: "Opgegaan in speerpunt 2"}).Apply(&g, "Bram", now); err != nil || g.Status != GoalStopped || len(g.History) != 2 || g.History[1].From != GoalAdjusted {
		t.Errorf("stopped: %v, %s, %+v", err, g.Status, g.History)
	}
	if g.Open() {
		t.Error("a stopped goal is not open")
	}
}

func isProblem(err error, field, problem string) bool {
	v, ok := AsValidation(err)
	return ok && v.Field == field && v.Problem == problem
}

func TestSpeerpuntCheck(t *testing.T) {
	for _, tc := range []struct {
		s    Speerpunt
		want bool
	}{
		{Speerpunt{Title: "Thuiszitters", FromYear: 2026, ToYear: 2030}, true},
		{Speerpunt{Title: "", FromYear: 2026, ToYear: 2030}, false},
		{Speerpunt{Title: "x", FromYear: 2030, ToYear: 2026}, false},
		{Speerpunt{Title: "x", FromYear: 2026, ToYear: 2040}, false},
		{Speerpunt{Title: "x", FromYear: 0, ToYear: 0}, false},
	} {
		if err := tc.s.Check(Team{}, time.Time{}, true); (err == nil) != tc.want {
			t.Errorf("Check(%+v) = %v", tc.s, err)
		}
	}
	s := Speerpunt{FromYear: 2026, ToYear: 2030}
	if !s.InPeriod(day(2030, 12, 31)) || s.InPeriod(day(2031, 1, 1)) || s.InPeriod(day(2025, 12, 31)) {
		t.Error("InPeriod: both years of the period are in, the years around it out")
	}
	var pe *OutsidePeriodError
	if err := error(&OutsidePeriodError{Date: day(2031, 1, 1), FromYear: 2026, ToYear: 2030}); !errors.As(err, &pe) {
		t.Error("OutsidePeriodError is an error")
	}
}

func TestIndicatorCheck(t *testing.T) {
	team := Team{Members: []Member{{Name: "Anna"}}}
	g := planGoal()
	g.Owner = "anna"
	if err := g.Check(team, day(2026, 1, 1), true); err != nil || g.Owner != "Anna" {
		t.Fatalf("valid goal: %v, owner %q", err, g.Owner)
	}
	for name, change := range map[string]func(*Goal){
		"owner outside the team":      func(g *Goal) { g.Owner = "Zoë" },
		"bad direction":               func(g *Goal) { g.Indicator.Direction = "sideways" },
		"bad cadence":                 func(g *Goal) { g.Indicator.Cadence = "hourly" },
		"target before the nulmeting": func(g *Goal) { g.Indicator.TargetDate = day(2025, 1, 1) },
		"infinite baseline":           func(g *Goal) { g.Indicator.Baseline = math.Inf(1) },
		"bad status":                  func(g *Goal) { g.Status = "done" },
	} {
		g := planGoal()
		g.Indicator = new(*planGoal().Indicator)
		change(&g)
		if err := g.Check(team, day(2026, 1, 1), true); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		v      float64
		nl, en string
	}{
		{3.5, "3,5", "3.5"}, {1250, "1.250", "1,250"}, {-1250.25, "-1.250,25", "-1,250.25"},
		{0, "0", "0"}, {1e6, "1.000.000", "1,000,000"}, {0.1 + 0.2, "0,3", "0.3"}, {-0.001, "0", "0"}, {999, "999", "999"},
	} {
		if got := DutchNumbers.Format(tc.v); got != tc.nl {
			t.Errorf("Dutch %v = %q, want %q", tc.v, got, tc.nl)
		}
		if got := EnglishNumbers.Format(tc.v); got != tc.en {
			t.Errorf("English %v = %q, want %q", tc.v, got, tc.en)
		}
	}
	for _, tc := range []struct {
		in     string
		nl, en float64
	}{
		{"3,5", 3.5, 3.5}, {"3.5", 3.5, 3.5}, {" 12 ", 12, 12}, {"-7,25", -7.25, -7.25},
		{"1.250", 1250, 1.25}, {"1,250", 1.25, 1250}, // a lone mark before three digits: as the language writes it
		{"1.250,5", 1250.5, 1250.5}, {"1,250.5", 1250.5, 1250.5}, {"1.250.000", 1250000, 1250000},
	} {
		if got, err := DutchNumbers.Parse(tc.in); err != nil || got != tc.nl {
			t.Errorf("Dutch Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.nl)
		}
		if got, err := EnglishNumbers.Parse(tc.in); err != nil || got != tc.en {
			t.Errorf("English Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.en)
		}
	}
	for _, in := range []string{"", "NaN", "Inf", "-inf", "1e400", "abc", "3,5,1", "1.25.0", "1..5", "--3", "3,", ",5,", "12.34,5"} {
		if v, err := DutchNumbers.Parse(in); !errors.Is(err, ErrNotANumber) {
			t.Errorf("Parse(%q) = %v, %v; want ErrNotANumber", in, v, err)
		}
	}
}

// FuzzParseNumber: Parse never panics, accepts only finite numbers, and
// reads back what Format writes, in both languages.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"3,5", "1.250", "1.250,5", "-0", "NaN", "1e5", "+7", ",5", "1,,2", "12.345.678,9"} {
		f.Add(s, 3.25)
	}
	f.Fuzz(func(t *testing.T, s string, v float64) {
		for _, nf := range []NumberFormat{DutchNumbers, EnglishNumbers} {
			if got, err := nf.Parse(s); err == nil && !Finite(got) {
				t.Fatalf("Parse(%q) = %v", s, got)
			}
			if !Finite(v) || math.Abs(v) > 1e15 {
				continue
			}
			want, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64) // Format's rounding
			if got, err := nf.Parse(nf.Format(v)); err != nil || math.Abs(got-want) > 1e-9*max(1, math.Abs(want)) {
				t.Fatalf("Parse(Format(%v) = %q) = %v, %v; want %v", v, nf.Format(v), got, err, want)
			}
		}
	})
}
