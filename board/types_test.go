package board

import (
	"math"
	"sync"
	"testing"
	"time"
)

func TestStatusNext(t *testing.T) {
	// A quick cycle must never drop work: dropped comes back as todo.
	for s, want := range map[Status]Status{
		StatusTodo:    StatusDoing,
		StatusDoing:   StatusDone,
		StatusDone:    StatusTodo,
		StatusDropped: StatusTodo,
		"":            StatusTodo,
	} {
		if got := s.Next(); got != want {
			t.Errorf("%q.Next() = %q, want %q", s, got, want)
		}
	}
	for s, want := range map[Status]bool{StatusTodo: true, StatusDoing: true, StatusDone: false, StatusDropped: false} {
		if got := s.Open(); got != want {
			t.Errorf("%q.Open() = %v, want %v", s, got, want)
		}
	}
}

func TestActionOverdue(t *testing.T) {
	now := monday // 2026-11-23 10:30
	tests := []struct {
		name   string
		status Status
		when   time.Time
		want   bool
	}{
		{"todo, yesterday", StatusTodo, day(2026, 11, 22), true},
		{"doing, last week", StatusDoing, day(2026, 11, 16), true},
		{"todo, yesterday late evening", StatusTodo, at(2026, 11, 22, 23, 59), true},
		{"done, yesterday", StatusDone, day(2026, 11, 22), false},
		{"dropped, yesterday", StatusDropped, day(2026, 11, 22), false},
		{"todo, today midnight", StatusTodo, day(2026, 11, 23), false},
		{"todo, today earlier hour", StatusTodo, at(2026, 11, 23, 9, 0), false},
		{"todo, tomorrow", StatusTodo, day(2026, 11, 24), false},
		{"todo, no date", StatusTodo, time.Time{}, false},
	}
	for _, tc := range tests {
		a := Action{Status: tc.status, When: tc.when}
		if got := a.Overdue(now); got != tc.want {
			t.Errorf("%s: Overdue = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestIndicator(t *testing.T) {
	m := func(d int, v float64) Measurement { return Measurement{Date: day(2026, 11, d), Value: v} }
	tests := []struct {
		name     string
		in       *Indicator
		latest   float64
		hasValue bool
		progress float64
		ok       bool
	}{
		{"nil indicator", nil, 0, false, 0, false},
		{"no measurements", &Indicator{Baseline: 40, Target: 25}, 0, false, 0, false},
		{"baseline equals target", &Indicator{Baseline: 5, Target: 5, Measurements: []Measurement{m(1, 5)}}, 5, true, 0, false},
		{"rising, halfway", &Indicator{Baseline: 10, Target: 20, Measurements: []Measurement{m(1, 15)}}, 15, true, 0.5, true},
		{"rising, past target clamps to 1", &Indicator{Baseline: 10, Target: 20, Measurements: []Measurement{m(1, 35)}}, 35, true, 1, true},
		{"rising, below baseline clamps to 0", &Indicator{Baseline: 10, Target: 20, Measurements: []Measurement{m(1, 2)}}, 2, true, 0, true},
		// Thuiszitters: fewer is better; 40 → 25, now 30 is two thirds of the way.
		{"falling, two thirds", &Indicator{Baseline: 40, Target: 25, Measurements: []Measurement{m(1, 30)}}, 30, true, 2.0 / 3, true},
		{"falling, reached", &Indicator{Baseline: 40, Target: 25, Measurements: []Measurement{m(1, 20)}}, 20, true, 1, true},
		{"falling, worse than baseline", &Indicator{Baseline: 40, Target: 25, Measurements: []Measurement{m(1, 45)}}, 45, true, 0, true},
		// Latest is by date, not by position: measurements may be entered late.
		{"latest by date", &Indicator{Baseline: 40, Target: 25, Measurements: []Measurement{m(20, 28), m(1, 38), m(10, 33)}}, 28, true, 0.8, true},
		// A NaN would reach progress bars as garbage widths.
		{"NaN measurement", &Indicator{Baseline: 40, Target: 25, Measurements: []Measurement{m(1, math.NaN())}}, math.NaN(), true, 0, false},
		{"infinite range", &Indicator{Baseline: math.Inf(-1), Target: math.Inf(1), Measurements: []Measurement{m(1, 3)}}, 3, true, 0, false},
	}
	for _, tc := range tests {
		got, has := tc.in.Latest()
		if has != tc.hasValue || (has && !sameFloat(got.Value, tc.latest)) {
			t.Errorf("%s: Latest = %v, %v; want %v, %v", tc.name, got.Value, has, tc.latest, tc.hasValue)
		}
		p, ok := tc.in.Progress()
		if ok != tc.ok || (ok && math.Abs(p-tc.progress) > 1e-9) {
			t.Errorf("%s: Progress = %v, %v; want %v, %v", tc.name, p, ok, tc.progress, tc.ok)
		}
		if ok && !(p >= 0 && p <= 1) {
			t.Errorf("%s: Progress = %v, outside 0..1", tc.name, p)
		}
	}
}

func sameFloat(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }

// smallBoard has one item in every area, with a goal that has an indicator:
// the only item that holds a pointer.
func smallBoard() *Board {
	b := &Board{Info: Info{ID: 7, TeamID: 1, Name: "Bureau"}, Team: team}
	b.Add(&CheckIn{Meta: Meta{ID: 1}, Who: "Anna de Vries", Week: Week{2026, 48}, Mood: MoodGood})
	b.Add(&Success{Meta: Meta{ID: 2}, Text: "Drie thuiszitters terug", Date: day(2026, 11, 20)})
	b.Add(&Goal{Meta: Meta{ID: 3}, Title: "Minder thuiszitters", ByWhen: day(2026, 12, 18), Status: GoalActive,
		Indicator: &Indicator{Unit: "leerlingen", Baseline: 40, Target: 25, Measurements: []Measurement{{Date: day(2026, 11, 1), Value: 33}}}})
	b.Add(&Action{Meta: Meta{ID: 4}, What: "Ouders bellen", Who: "Sanne Bakker", When: day(2026, 12, 4), Status: StatusTodo, GoalID: 3})
	b.Add(&PlanItem{Meta: Meta{ID: 5}, Text: "Werksessie", Date: day(2026, 12, 2)})
	b.Add(&Parking{Meta: Meta{ID: 6}, Text: "Rol van de jeugdarts"})
	return b
}

func TestBoardAddCountFind(t *testing.T) {
	b := smallBoard()
	for i, a := range Areas {
		if n := b.Count(a); n != 1 {
			t.Errorf("Count(%s) = %d, want 1", a, n)
		}
		id := uint64(i + 1)
		it := b.Find(a, id)
		if it == nil || it.Area() != a || it.Base().ID != id {
			t.Errorf("Find(%s, %d) = %#v", a, id, it)
		}
		if b.Find(a, 99) != nil {
			t.Errorf("Find(%s, 99) found an item that does not exist", a)
		}
		if b.Find(a, id+1) != nil {
			t.Errorf("Find(%s, %d) found an item of another area", a, id+1)
		}
		if it := NewItem(a); it == nil || it.Area() != a || it.Base() == nil {
			t.Errorf("NewItem(%s) = %#v", a, it)
		}
	}
	if b.Find("nope", 1) != nil || NewItem("nope") != nil || b.Count("nope") != 0 {
		t.Error("an unknown area must find, make and count nothing")
	}
	if g, ok := b.Goal(3); !ok || g.Title != "Minder thuiszitters" {
		t.Errorf("Goal(3) = %q, %v", g.Title, ok)
	}
	if _, ok := b.Goal(4); ok {
		t.Error("Goal(4) found an action as a goal")
	}
}

// Board is a shared read-only snapshot: an editor works on what Find returns,
// so changing that, including through the goal's indicator, must not reach
// the board.
func TestFindReturnsCopy(t *testing.T) {
	b := smallBoard()

	a := b.Find(AreaAction, 4).(*Action)
	a.What, a.Status = "iets anders", StatusDone
	if b.Actions[0].What != "Ouders bellen" || b.Actions[0].Status != StatusTodo {
		t.Errorf("editing the found action changed the board: %+v", b.Actions[0])
	}

	g := b.Find(AreaGoal, 3).(*Goal)
	g.Title = "ander doel"
	g.Indicator.Target = 0
	g.Indicator.Unit = "\x1b[31mvuil\n"
	g.Indicator.Measurements[0].Value = 99
	g.Indicator.Measurements[0].Note = "\u202e"
	g.Indicator.Measurements = append(g.Indicator.Measurements, Measurement{Value: 1})
	g.Clean()
	in := b.Goals[0].Indicator
	if b.Goals[0].Title != "Minder thuiszitters" || in.Target != 25 || in.Unit != "leerlingen" ||
		len(in.Measurements) != 1 || in.Measurements[0].Value != 33 || in.Measurements[0].Note != "" {
		t.Errorf("editing the found goal changed the board: %+v %+v", b.Goals[0], *in)
	}

	c := b.Find(AreaCheckIn, 1).(*CheckIn)
	c.Mood = MoodNotOK
	if b.CheckIns[0].Mood != MoodGood {
		t.Error("editing the found check-in changed the board")
	}
}

// Many sessions render one snapshot while each edits its own copy; run with
// -race, this fails if a copy shares memory with the snapshot.
func TestSnapshotSharedAcrossSessions(t *testing.T) {
	b := smallBoard()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				_ = MarkdownBoard(b, labelsNL, monday)
				g := b.Find(AreaGoal, 3).(*Goal)
				g.Indicator.Unit = "stuks"
				g.Indicator.Measurements[0].Note = "sessie"
				g.Clean()
				_ = g.Check(team, monday, false)
			}
		}()
	}
	wg.Wait()
	if b.Goals[0].Indicator.Unit != "leerlingen" {
		t.Errorf("sessions changed the shared snapshot: unit %q", b.Goals[0].Indicator.Unit)
	}
}

func TestBoardCheckIn(t *testing.T) {
	b := smallBoard()
	b.Add(&CheckIn{Meta: Meta{ID: 8}, Who: "Anna de Vries", Week: Week{2026, 47}, Mood: MoodNotOK})
	if c, ok := b.CheckIn("ANNA DE VRIES", Week{2026, 48}); !ok || c.ID != 1 || c.Mood != MoodGood {
		t.Errorf("CheckIn(Anna, W48) = %+v, %v; want id 1, good", c, ok)
	}
	if c, ok := b.CheckIn("anna de vries", Week{2026, 47}); !ok || c.ID != 8 {
		t.Errorf("CheckIn(Anna, W47) = %+v, %v; want id 8", c, ok)
	}
	if _, ok := b.CheckIn("Anna de Vries", Week{2025, 48}); ok {
		t.Error("CheckIn matched the same week number of another year")
	}
	if _, ok := b.CheckIn("Sanne Bakker", Week{2026, 48}); ok {
		t.Error("CheckIn found a check-in for someone who did not check in")
	}
}

func TestTeamMember(t *testing.T) {
	for in, want := range map[string]string{
		"Anna de Vries":    "Anna de Vries",
		"anna de vries":    "Anna de Vries",
		"  ANNA DE VRIES ": "Anna de Vries",
		"joël mertens":     "Joël Mertens",
		"JOËL MERTENS":     "Joël Mertens",
		"Anna":             "",
		"":                 "",
		"Piet":             "",
	} {
		if got := team.Member(in); got != want {
			t.Errorf("Member(%q) = %q, want %q", in, got, want)
		}
		if got := team.HasMember(in); got != (want != "") {
			t.Errorf("HasMember(%q) = %v", in, got)
		}
	}
	names := team.MemberNames()
	if len(names) != 4 || names[0] != "Anna de Vries" || names[3] != "Fatima El Amrani" {
		t.Errorf("MemberNames = %q, want stored order", names)
	}
}

func TestMoodSymbol(t *testing.T) {
	// Moods are told apart by shape, not only by colour, so every symbol differs.
	seen := map[string]Mood{}
	for _, m := range Moods {
		s := m.Symbol()
		if s == "" || s == Mood("").Symbol() {
			t.Errorf("%q has no symbol", m)
		}
		if other, dup := seen[s]; dup {
			t.Errorf("%q and %q share symbol %q", m, other, s)
		}
		seen[s] = m
	}
	if w := len(Mood("?").Symbol()); w != len(MoodGood.Symbol()) {
		t.Errorf("unknown mood symbol is %d wide, want %d so columns line up", w, len(MoodGood.Symbol()))
	}
}

func TestItemLabel(t *testing.T) {
	b := smallBoard()
	for _, c := range []struct {
		a    Area
		id   uint64
		want string
	}{
		{AreaCheckIn, 1, "Anna de Vries good"},
		{AreaSuccess, 2, "Drie thuiszitters terug"},
		{AreaGoal, 3, "Minder thuiszitters"},
		{AreaAction, 4, "Ouders bellen"},
		{AreaPlanning, 5, "Werksessie"},
		{AreaParking, 6, "Rol van de jeugdarts"},
	} {
		if got := b.Find(c.a, c.id).Label(); got != c.want {
			t.Errorf("%s label = %q, want %q", c.a, got, c.want)
		}
	}
}
