package board

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The catalog in tui/i18n owns the real labels; these stand in for them so
// the layout is tested in both languages without importing tui.
var labelsNL, labelsEN = testLabels(func(nl, _ string) string { return nl }), testLabels(func(_, en string) string { return en })

// testLabels writes the stand-in labels in the language t picks, each
// word once with its Dutch and English side by side (as the catalog does).
func testLabels(t func(nl, en string) string) Labels {
	return Labels{
		Board: t("Verbeterbord", "Improvement board"), Actions: t("Acties", "Actions"), NoGoal: t("Zonder doel", "No goal"), Overdue: t("te laat", "overdue"),
		CheckIns: "Check-in", Successes: t("Successen", "Successes"), Goals: t("Doelen", "Goals"), Planning: "Planning",
		Parking: t("Parkeerplaats", "Parking lot"), Measure: t("Meten", "Measure"), Status: "Status", Week: "week",
		Generated: t("Gemaakt", "Generated"), Nothing: t("nog niets", "nothing yet"),
		Moods:        map[Mood]string{MoodGood: t("goed", "good"), MoodSoSo: t("gaat wel", "so-so"), MoodNotOK: t("niet goed", "not good")},
		Statuses:     map[Status]string{StatusTodo: t("te doen", "to do"), StatusDoing: t("bezig", "doing"), StatusDone: t("klaar", "done"), StatusDropped: t("vervallen", "dropped")},
		GoalStatuses: map[GoalStatus]string{GoalActive: t("actief", "active"), GoalReached: t("bereikt", "reached"), GoalStopped: t("gestopt", "stopped")},
	}
}

// swvBoard is the SWV office team's board on Monday 2026-11-23 (week 48).
// Items are added out of order on purpose: the output must sort them.
func swvBoard() *Board {
	b := &Board{Info: Info{ID: 3, TeamID: 1, Name: "Bureau SWV Passend Onderwijs"}, Team: team, Version: 42}
	b.Team.Name = "Team Bureau"

	b.Add(&CheckIn{Meta: Meta{ID: 1}, Who: "Sanne Bakker", Week: Week{2026, 48}, Mood: MoodSoSo})
	b.Add(&CheckIn{Meta: Meta{ID: 2}, Who: "Anna de Vries", Week: Week{2026, 48}, Mood: MoodGood, Word: "energiek"})
	b.Add(&CheckIn{Meta: Meta{ID: 3}, Who: "Joël Mertens", Week: Week{2026, 48}, Mood: MoodNotOK, Word: "druk"})
	b.Add(&CheckIn{Meta: Meta{ID: 4}, Who: "Fatima El Amrani", Week: Week{2026, 47}, Mood: MoodGood}) // last week: not shown

	b.Add(&Success{Meta: Meta{ID: 5}, Text: "Alle aanmeldingen van oktober binnen zes weken afgehandeld", Who: "Sanne Bakker", Date: day(2026, 11, 20)})
	b.Add(&Success{Meta: Meta{ID: 6}, Text: "Drie thuiszitters terug naar school", Date: day(2026, 11, 13)})

	b.Add(&Goal{Meta: Meta{ID: 10}, Title: "Minder thuiszitters", Status: GoalActive, ByWhen: day(2026, 12, 18),
		Why: "Elke leerling een passende plek", Measure: "Aantal thuiszitters op de teldatum",
		Indicator: &Indicator{Unit: "leerlingen", Baseline: 40, Target: 25, Measurements: []Measurement{
			{Date: day(2026, 10, 1), Value: 38}, {Date: day(2026, 11, 1), Value: 33},
		}}})
	b.Add(&Goal{Meta: Meta{ID: 20}, Title: "Snellere toelaatbaarheidsverklaringen (TLV)", Status: GoalActive, ByWhen: day(2027, 1, 8),
		Measure:   "Doorlooptijd in weken",
		Indicator: &Indicator{Unit: "weken", Baseline: 8, Target: 4, Measurements: []Measurement{{Date: day(2026, 11, 15), Value: 6.5}}}})
	b.Add(&Goal{Meta: Meta{ID: 30}, Title: "Ouders eerder betrekken", Status: GoalReached, ByWhen: day(2026, 11, 20)}) // no actions

	b.Add(&Action{Meta: Meta{ID: 11}, What: "Thuiszitterslijst bijwerken met scholen", Who: "Sanne Bakker", When: day(2026, 12, 4), Status: StatusTodo, GoalID: 10})
	b.Add(&Action{Meta: Meta{ID: 15}, What: "Nieuwsbrief voor intern begeleiders", Who: "Anna de Vries", When: day(2026, 11, 30), Status: StatusTodo})
	b.Add(&Action{Meta: Meta{ID: 14}, What: "Format TLV-aanvraag vereenvoudigen", Who: "Fatima El Amrani", When: day(2026, 12, 11), Status: StatusDoing, GoalID: 20})
	b.Add(&Action{Meta: Meta{ID: 12}, What: "Gesprek met leerplicht over verzuimmeldingen", Who: "Anna de Vries", When: day(2026, 11, 18), Status: StatusDoing, GoalID: 10})
	b.Add(&Action{Meta: Meta{ID: 18}, What: "Wachtlijst ambulante begeleiding delen", Who: "Fatima El Amrani", When: day(2026, 12, 4), Status: StatusTodo, GoalID: 10})
	b.Add(&Action{Meta: Meta{ID: 13}, What: "Casusoverleg plannen met VO-scholen", Who: "Joël Mertens", When: day(2026, 11, 20), Status: StatusDone, GoalID: 10, DoneAt: at(2026, 11, 19, 15, 0)})
	b.Add(&Action{Meta: Meta{ID: 16}, What: "Oude actie bij een verwijderd doel", Who: "Joël Mertens", When: day(2026, 11, 26), Status: StatusDropped, GoalID: 99})
	b.Add(&Action{Meta: Meta{ID: 17}, What: "Aanmeldingen TLV tellen", Who: "Sanne Bakker", When: day(2026, 12, 4), Status: StatusTodo, GoalID: 20})

	b.Add(&PlanItem{Meta: Meta{ID: 40}, Text: "Werksessie thuiszitters", Who: "Anna de Vries", Date: day(2026, 12, 2)})
	b.Add(&PlanItem{Meta: Meta{ID: 41}, Text: "Bordsessie", Date: day(2026, 11, 30)})
	b.Add(&PlanItem{Meta: Meta{ID: 42}, Text: "Deadline jaarverslag OSP", Date: day(2026, 12, 14)})

	b.Add(&Parking{Meta: Meta{ID: 50}, Text: "Rol van de jeugdarts bij verzuim"})
	b.Add(&Parking{Meta: Meta{ID: 51}, Text: "Onderwijszorgarrangementen evalueren met het bestuur"})
	return b
}

// golden compares got with testdata/name.golden, or rewrites that file when
// the test runs with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./board -run %s -update to create it)", err, t.Name())
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d:\n got: %q\nwant: %q\n(run with -update if the change is intended)", path, i+1, g, w)
		}
	}
	t.Fatalf("%s differs (line endings?)", path)
}

func TestMarkdownGolden(t *testing.T) {
	empty := &Board{Info: Info{Name: "Leeg bord"}, Team: Team{Name: "Nieuw team"}}
	for _, tc := range []struct {
		name string
		got  string
	}{
		{"actions_nl", MarkdownActions(swvBoard(), labelsNL, monday)},
		{"actions_en", MarkdownActions(swvBoard(), labelsEN, monday)},
		{"board_nl", MarkdownBoard(swvBoard(), labelsNL, monday)},
		{"board_en", MarkdownBoard(swvBoard(), labelsEN, monday)},
		{"actions_empty_nl", MarkdownActions(empty, labelsNL, monday)},
		{"board_empty_nl", MarkdownBoard(empty, labelsNL, monday)},
	} {
		t.Run(tc.name, func(t *testing.T) { golden(t, tc.name, tc.got) })
	}
}

// The goldens could be regenerated wrong; these lines pin the layout rules
// themselves: the action format, checked when done, overdue marked, goals in
// board order with undated order fixed by id, actions without goal last.
func TestMarkdownActionsLayout(t *testing.T) {
	got := MarkdownActions(swvBoard(), labelsNL, monday)
	want := []string{
		"# Bureau SWV Passend Onderwijs: Acties",
		"## Minder thuiszitters",
		"- [ ] Gesprek met leerplicht over verzuimmeldingen — Anna de Vries — 2026-11-18 — **te laat**",
		"- [x] Casusoverleg plannen met VO-scholen — Joël Mertens — 2026-11-20",
		"- [ ] Thuiszitterslijst bijwerken met scholen — Sanne Bakker — 2026-12-04",
		"- [ ] Wachtlijst ambulante begeleiding delen — Fatima El Amrani — 2026-12-04",
		"## Snellere toelaatbaarheidsverklaringen (TLV)",
		"- [ ] Aanmeldingen TLV tellen — Sanne Bakker — 2026-12-04",
		"- [ ] Format TLV-aanvraag vereenvoudigen — Fatima El Amrani — 2026-12-11 — _bezig_",
		"## Zonder doel",
		"- [ ] Oude actie bij een verwijderd doel — Joël Mertens — 2026-11-26 — _vervallen_",
		"- [ ] Nieuwsbrief voor intern begeleiders — Anna de Vries — 2026-11-30",
	}
	var lines []string
	for _, l := range strings.Split(got, "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("MarkdownActions:\n%s\nwant (ignoring blank lines):\n%s", got, strings.Join(want, "\n"))
	}
	if strings.Contains(got, "Ouders eerder betrekken") {
		t.Error("a goal without actions got a heading in the action list")
	}
	if !strings.HasSuffix(got, "\n") || strings.HasSuffix(got, "\n\n") {
		t.Errorf("output must end in exactly one newline: %q", got[max(0, len(got)-20):])
	}
}

func TestMarkdownBoardContent(t *testing.T) {
	got := MarkdownBoard(swvBoard(), labelsEN, monday)
	for _, want := range []string{
		"# Improvement board: Bureau SWV Passend Onderwijs\n",
		"Team Bureau: 2026-11-23 · week 48\n",
		"## Check-in (week 48)\n\n- :-) Anna de Vries — good — energiek\n- :-( Joël Mertens — not good — druk\n- :-| Sanne Bakker — so-so\n\n",
		"- 2026-11-13 Drie thuiszitters terug naar school\n- 2026-11-20 Alle aanmeldingen",
		"### Minder thuiszitters\n\n- Status: active · 2026-12-18\n- Elke leerling een passende plek\n- Measure: Aantal thuiszitters op de teldatum\n- 40 → 25 leerlingen · 2026-10-01: 38 · 2026-11-01: 33\n",
		"- 8 → 4 weken · 2026-11-15: 6.5\n",
		"- Status: reached · 2026-11-20\n",
		"### No goal\n",
		"## Planning\n\n- 2026-11-30 Bordsessie\n- 2026-12-02 Werksessie thuiszitters — Anna de Vries\n- 2026-12-14 Deadline jaarverslag OSP\n",
		"## Parking lot\n\n- Rol van de jeugdarts bij verzuim\n- Onderwijszorgarrangementen evalueren met het bestuur\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("MarkdownBoard lacks %q", want)
		}
	}
	if strings.Contains(got, "Fatima El Amrani — good") {
		t.Error("last week's check-in is on this week's board")
	}
	// Areas in bordsessie order.
	last := -1
	for _, h := range []string{"## Check-in", "## Successes", "## Goals", "## Actions", "## Planning", "## Parking lot"} {
		i := strings.Index(got, h)
		if i <= last {
			t.Errorf("%q is out of board order", h)
		}
		last = i
	}
	if strings.HasSuffix(got, "\n\n") {
		t.Error("MarkdownBoard ends in a blank line")
	}
}

// hostile are card texts meant to break out of their line: terminal escapes,
// markdown that would open a heading, list, quote, link, image or HTML, line
// breaks, a backslash that would cancel our escape, and bidi tricks.
var hostile = []string{
	"\x1b[2J\x1b]52;c;ZXZpbA==\x07# kop",
	"[link](https://evil.example)",
	"regel een\n# kop twee\r\n- [x] nep\u2028## nog een",
	`\[a\](x)`,
	`\\[b\\](x)`,
	"![plaatje](x) <script>alert(1)</script> <https://evil.example>",
	"`code` *vet* _schuin_ \\",
	"\u202e# omgekeerd",
	"- lijst",
	"+ plus",
	"> citaat",
	"\x00#\x7f kop na controles",
	"\u009b31m\x1bPdcs\x1b\\[x](y)",
	"</details><img src=x onerror=alert(1)>",
}

// boardOf fills every user text field of a board with text(i), so the same
// structure can be rendered with hostile and with harmless text.
func boardOf(text func(i int) string) *Board {
	n := 0
	next := func() string { n++; return text(n) }
	b := &Board{Info: Info{Name: next()}, Team: Team{Name: next()}}
	for i := range 3 {
		b.Add(&CheckIn{Meta: Meta{ID: uint64(100 + i)}, Who: next(), Word: next(), Week: Week{2026, 48}, Mood: Moods[i]})
		b.Add(&Success{Meta: Meta{ID: uint64(200 + i)}, Text: next(), Who: next(), Date: day(2026, 11, 20)})
		b.Add(&Goal{Meta: Meta{ID: uint64(300 + i)}, Title: next(), Why: next(), Measure: next(), ByWhen: day(2026, 12, 18),
			Status: GoalActive, Indicator: &Indicator{Unit: next(), Baseline: 1, Target: 2, Measurements: []Measurement{{Date: day(2026, 11, 1), Value: 1, Note: next()}}}})
		b.Add(&Action{Meta: Meta{ID: uint64(400 + i)}, What: next(), Who: next(), When: day(2026, 11, 20+i), Status: Statuses[i], GoalID: uint64(300 + i)})
		b.Add(&Action{Meta: Meta{ID: uint64(410 + i)}, What: next(), Who: next(), When: day(2026, 11, 30)})
		b.Add(&PlanItem{Meta: Meta{ID: uint64(500 + i)}, Text: next(), Who: next(), Date: day(2026, 12, 1+i)})
		b.Add(&Parking{Meta: Meta{ID: uint64(600 + i)}, Text: next()})
	}
	return b
}

// unescaped returns the index of the first byte of s in chars that markdown
// would read as markup (not preceded by an odd number of backslashes), or -1.
func unescaped(s, chars string) int {
	backslashes := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			backslashes++
			continue
		}
		if strings.IndexByte(chars, s[i]) >= 0 && backslashes%2 == 0 {
			return i
		}
		backslashes = 0
	}
	return -1
}

// shape is what a markdown reader sees first on a line: a heading of some
// level, a task, a list item or plain text.
func shape(line string) string {
	switch {
	case line == "":
		return "blank"
	case strings.HasPrefix(line, "#"):
		return strings.SplitN(line, " ", 2)[0]
	case strings.HasPrefix(line, "- [ ] "), strings.HasPrefix(line, "- [x] "):
		return "task"
	case strings.HasPrefix(line, "- "):
		return "item"
	}
	return "text"
}

// listBody is the user part of a list line: what follows "- " or "- [ ] ".
func listBody(line string) string {
	for _, p := range []string{"- [ ] ", "- [x] ", "- "} {
		if rest, ok := strings.CutPrefix(line, p); ok {
			return rest
		}
	}
	return line
}

func TestMarkdownHostileText(t *testing.T) {
	render := func(b *Board) []string {
		return strings.Split(MarkdownActions(b, labelsNL, monday)+MarkdownBoard(b, labelsNL, monday), "\n")
	}
	bad := render(boardOf(func(i int) string { return hostile[i%len(hostile)] }))
	good := render(boardOf(func(int) string { return "x" }))

	// Same number of lines, each of the same kind: no card made a new line,
	// heading or list item.
	if len(bad) != len(good) {
		t.Fatalf("hostile text changed the line count: %d, want %d", len(bad), len(good))
	}
	for i := range bad {
		if shape(bad[i]) != shape(good[i]) {
			t.Errorf("line %d is a %s, want a %s: %q", i+1, shape(bad[i]), shape(good[i]), bad[i])
		}
	}

	for i, line := range bad {
		for _, r := range line {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (unicode.Is(unicode.Cf, r) && r != 0x200d) {
				t.Errorf("line %d holds %U: %q", i+1, r, line)
			}
		}
		body := listBody(line)
		if strings.HasPrefix(line, "#") {
			body = strings.SplitN(line, " ", 2)[1]
		}
		// A link, image, autolink or HTML needs an unescaped [ or <.
		if j := unescaped(body, "[]<>`"); j >= 0 {
			t.Errorf("line %d has live markup %q at %d: %q", i+1, body[j], j, line)
		}
		// A list body or heading text starting with these would nest a
		// heading, list or quote.
		if body != line || strings.HasPrefix(line, "#") {
			if strings.IndexAny(body, "#-+>") == 0 {
				t.Errorf("line %d starts its text with live markup: %q", i+1, line)
			}
		}
	}
}

// mdLine's output, whatever the input, stays on one line and has no live
// markdown of the kinds that make links, HTML, headings or nested lists.
func FuzzMarkdownLine(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	for _, tc := range cleanCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := mdLine(in)
		checkClean(t, "mdLine", in, out, 1<<30, false)
		if j := unescaped(out, "[]<>`*_"); j >= 0 {
			t.Fatalf("mdLine(%+q) = %+q: live %q at %d", in, out, out[j], j)
		}
		if strings.IndexAny(out, "#-+") == 0 {
			t.Fatalf("mdLine(%+q) = %+q starts with markup", in, out)
		}
	})
}

func BenchmarkMarkdownActions10k(b *testing.B) {
	bd := &Board{Info: Info{Name: "Groot bord"}, Team: team}
	for g := range 40 {
		bd.Add(&Goal{Meta: Meta{ID: uint64(g + 1)}, Title: fmt.Sprintf("Doel %d: minder thuiszitters in regio %d", g+1, g%7), Status: GoalActive})
	}
	statuses := []Status{StatusTodo, StatusDoing, StatusDone, StatusTodo, StatusDropped}
	for i := range 10_000 {
		bd.Add(&Action{
			Meta:   Meta{ID: uint64(1000 + i)},
			What:   fmt.Sprintf("Actie %d: ouders bellen over [verzuim] en *afspraken*", i),
			Who:    team.Members[i%len(team.Members)].Name,
			When:   monday.AddDate(0, 0, i%60-20),
			Status: statuses[i%len(statuses)],
			GoalID: uint64(i % 41), // 0: no goal
		})
	}
	var out string
	b.ReportAllocs()
	for b.Loop() {
		out = MarkdownActions(bd, labelsNL, monday)
	}
	b.SetBytes(int64(len(out)))
}
