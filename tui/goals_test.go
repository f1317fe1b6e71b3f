package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/cellwidth"
	"github.com/verbeterbord/bord/tui/i18n"
)

// goalBoard opens a board of its own with three goals, so these tests do
// not follow every change of the demo. "Minder thuiszitters in de regio"
// hangs under the speerpunt Thuiszitters (2025–2029): a nulmeting of 38 on
// 26 July, four measurements down to 31, a streefwaarde of 30 on 28
// December; on track. "Snellere toewijzing arrangementen" is behind and
// missed its meetmoment of 25 September; "Basisondersteuning zichtbaar op
// elke school" cannot be measured.
func goalBoard(t *testing.T, lang i18n.Lang, w, h int) *harness {
	t.Helper()
	s := openStore(t)
	team, err := s.CreateTeam(me, "Kernteam", me, "Fatima", "Ahmed", "Sanne")
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.CreateBoard(me, team.ID, "Verbeterbord")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := s.AddSpeerpunt(me, board.Speerpunt{Title: "Thuiszitters", FromYear: 2025, ToYear: 2029})
	if err != nil {
		t.Fatal(err)
	}
	basis, err := s.AddSpeerpunt(me, board.Speerpunt{Title: "Basisondersteuning op orde", FromYear: 2025, ToYear: 2029})
	if err != nil {
		t.Fatal(err)
	}
	for seen, to := range []board.BKAPhase{board.BKA1, board.BKA2} {
		if _, err := s.SetPhase(me, info.ID, 2026, board.BKAPhase(seen), to); err != nil {
			t.Fatal(err)
		}
	}
	m := func(d int, v float64, who, note string) board.Measurement {
		return board.Measurement{Date: day(d), Value: v, Who: who, Note: note}
	}
	goals := []*board.Goal{
		{Title: "Minder thuiszitters in de regio", ByWhen: day(35), Owner: "Fatima", SpeerpuntID: sp.ID,
			Indicator: &board.Indicator{Unit: "leerlingen", Baseline: 38, BaselineDate: day(-120), Target: 30, TargetDate: day(35),
				Direction: board.LowerIsBetter, Measurements: []board.Measurement{
					m(-90, 37, "Fatima", ""), m(-60, 35, "Fatima", ""), m(-30, 33, "Ahmed", "twee terug naar school"), m(-7, 31, "Fatima", "")}}},
		{Title: "Snellere toewijzing arrangementen", ByWhen: day(60), Owner: "Sanne", SpeerpuntID: basis.ID,
			Indicator: &board.Indicator{Unit: "werkdagen", Baseline: 30, BaselineDate: day(-90), Target: 15, TargetDate: day(60),
				Cadence: board.CadenceMonthly, Measurements: []board.Measurement{m(-29, 27, "Sanne", "")}}},
		{Title: "Basisondersteuning zichtbaar op elke school", ByWhen: day(90), SpeerpuntID: basis.ID},
	}
	for _, g := range goals {
		saved, err := s.Add(me, info.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range []board.Status{board.StatusTodo, board.StatusDone} {
			a := &board.Action{What: fmt.Sprintf("Actie %d bij %s", i+1, g.Title), Who: me, When: day(7), GoalID: saved.Base().ID, Status: st}
			if _, err := s.Add(me, info.ID, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	hs := start(t, s, Config{Lang: lang, BoardID: info.ID}, w, h)
	if hs.m.screen != screenBoard {
		t.Fatalf("board did not open\n%s", hs.plain())
	}
	return hs
}

// openGoal opens the detail of the first goal.
func openGoal(t *testing.T, lang i18n.Lang, w, h int) (*harness, *board.Goal) {
	t.Helper()
	hs := goalBoard(t, lang, w, h)
	hs.press("3", "home")
	g, ok := hs.m.board.selected().(*board.Goal)
	if !ok {
		t.Fatalf("no goal selected: %+v", hs.m.board.selected())
	}
	hs.press("o")
	if hs.m.screen != screenGoal {
		t.Fatalf("o did not open the goal\n%s", hs.plain())
	}
	return hs, g
}

// measuring opens the measurement form of the demo's first goal at 80×24.
func measuring(t *testing.T, lang i18n.Lang) (*harness, *board.Goal) {
	t.Helper()
	h, g := openGoal(t, lang, 80, 24)
	mustForm(t, h, "m did not open the measurement form", "m")
	return h, g
}

func TestGoalRowsSteer(t *testing.T) {
	t.Parallel()
	h := goalBoard(t, i18n.NL, 80, 24)
	h.press("3")
	mustContain(t, h.plain(),
		"✓ op koers Minder thuiszitters", "38 → 31 → 30 leerlingen █▆▃▁",
		"▼ achter Snellere toewijzing", "⚠ meetmoment gemist: 25 sep",
		"⚠ niet meetbaar: indicator, nulmeting en streefwaarde ontbreken")
	// The bar marks where the goal should have been when last measured:
	// passed (┃ in the filled part) for the goal on track, not reached (│
	// in the empty part) for the one behind.
	mustContain(t, h.plain(), "▕█████┃█░▏ ✓", "▕██░│░░░░▏ ▼")
}

func TestGoalDetailChartAndTables(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h, _ := openGoal(t, i18n.NL, size[0], size[1])
		screen := h.plain()
		mustContain(t, screen, "Doel · Minder thuiszitters in de regio (lopend)", "speerpunt: Thui",
			"✓ op koers", "lager is beter", "38┼", "30┤", "└┬", "26 jul", "28 dec",
			"Metingen (4)", "16 nov 2026", "Ahmed · twee", "Geschiedenis (0)", "acties: 1 open · 1 klaar")
		checkSize(t, h, size[0], size[1])
		h.press("esc")
		if h.m.screen != screenBoard {
			t.Fatalf("esc did not go back to the board")
		}
	}
}

func TestGoalMeasurementInput(t *testing.T) {
	t.Parallel()
	h, g := measuring(t, i18n.NL)
	for _, tc := range []struct{ date, value, want string }{
		{"vandaag", "abc", `"abc" is geen getal`},
		{"vandaag", "NaN", "geen meetbaar getal"},
		{"vandaag", "-Inf", "geen meetbaar getal"},
		{"vandaag", "3,5,5", "geen getal"},
		// Thuiszitters runs 2025–2029.
		{"1-3-2031", "30", "buiten de planperiode 2025–2029"},
	} {
		h.fill("date", tc.date)
		h.fill("value", tc.value)
		h.press("ctrl+s")
		if h.m.form == nil {
			t.Fatalf("%s %q was saved", tc.date, tc.value)
		}
		mustContain(t, h.plain(), tc.want)
	}
	h.fill("date", "vandaag")
	h.fill("value", "30,5")
	mustSave(t, h)
	got, _ := h.board().Goal(g.ID)
	last, _ := got.Indicator.Latest()
	if last.Value != 30.5 || last.Who != me {
		t.Errorf("latest measurement %+v", last)
	}
	mustContain(t, h.plain(), "Metingen (5)", "30,5  Marieke", "Meting 30,5 toegevoegd")
	if h.m.screen != screenGoal {
		t.Errorf("the save left the goal detail")
	}
}

// English reads and writes numbers the English way; both decimal marks are
// read in both languages.
func TestGoalNumbersEnglish(t *testing.T) {
	t.Parallel()
	h, g := measuring(t, i18n.EN)
	h.fill("value", "30.25")
	h.press("ctrl+s")
	h.press("m")
	h.fill("value", "1,250.5")
	mustSave(t, h)
	got, _ := h.board().Goal(g.ID)
	if n := len(got.Indicator.Measurements); n != 6 {
		t.Fatalf("%d measurements", n)
	}
	mustContain(t, h.plain(), "1,250.5", "30.25")
}

func TestGoalCloseAsksReason(t *testing.T) {
	t.Parallel()
	h, g := openGoal(t, i18n.NL, 80, 24)
	h.press("c")
	if h.m.choose == nil {
		t.Fatal("c did not ask for the new status")
	}
	mustForm(t, h, "no reason asked", "1") // bereikt
	mustRefuse(t, h, "reason", "closed without a reason")
	h.fill("reason", "streefwaarde eerder gehaald")
	mustSave(t, h)
	got, _ := h.board().Goal(g.ID)
	if got.Status != board.GoalReached || len(got.History) != 1 || got.History[0].Reason != "streefwaarde eerder gehaald" {
		t.Errorf("goal %+v", got)
	}
	mustContain(t, h.plain(), "(bereikt)", "Marieke: lopend → bereikt", "— streefwaarde eerder gehaald")
}

func TestGoalAdjustKeepsOldTarget(t *testing.T) {
	t.Parallel()
	h, g := openGoal(t, i18n.NL, 140, 40)
	mustForm(t, h, "t did not open the adjustment", "t")
	h.fill("target", "twintig")
	h.fill("reason", "te ambitieus")
	h.press("ctrl+s")
	if h.m.form == nil || !strings.Contains(h.m.form.field("target").err, "geen getal") {
		t.Fatal("a word was taken as the new target")
	}
	h.fill("target", "32")
	mustSave(t, h)
	got, _ := h.board().Goal(g.ID)
	if got.Indicator.Target != 32 || got.Status != board.GoalAdjusted || got.History[0].Target == nil || got.History[0].Target.OldValue != 30 {
		t.Errorf("goal %+v history %+v", got.Indicator, got.History)
	}
	mustContain(t, h.plain(), "(bijgesteld)", "streefwaarde 30 (28 dec) → 32 (28 dec)", "— te ambitieus")
}

// openPlan opens the plan view of the demo board.
func openPlan(t *testing.T, lang i18n.Lang, w, h int) *harness {
	t.Helper()
	hs := goalBoard(t, lang, w, h)
	hs.press("P")
	if hs.m.screen != screenPlan {
		t.Fatalf("p did not open the plan\n%s", hs.plain())
	}
	return hs
}

func TestPlanTree(t *testing.T) {
	t.Parallel()
	h := openPlan(t, i18n.NL, 140, 40)
	mustContain(t, h.plain(),
		"Plan · 2026 · BKA-fase 2 van 3: uitvoeren, bijsturen en evalueren",
		"▾ Thuiszitters (2025–2029) · doelen: 1, op koers: 1, achter: 0",
		"✓ op koers Minder thuiszitters in de regio · 38 → 31 → 30 leerlingen",
		"[x] 30 nov   Marieke: Actie 2 bij Minder thuiszitters",
		"▾ Basisondersteuning op orde (2025–2029) · doelen: 2, op koers: 0, achter: 1",
		"⚠ niet meetbaar")
	// Folding a speerpunt hides its goals; o on a goal opens it.
	h.press("enter")
	mustContain(t, h.plain(), "▸ Thuiszitters")
	mustNotContain(t, h.plain(), "Minder thuiszitters")
	h.press("enter", "down", "o")
	if h.m.screen != screenGoal {
		t.Fatalf("o on a goal did not open it\n%s", h.plain())
	}
	h.press("esc")
	if h.m.screen != screenPlan {
		t.Errorf("esc from a goal opened in the plan went to %d", h.m.screen)
	}
	h.press("esc")
	if h.m.screen != screenBoard {
		t.Errorf("esc from the plan went to %d", h.m.screen)
	}
}

func TestPlanPhase(t *testing.T) {
	t.Parallel()
	h := openPlan(t, i18n.EN, 80, 24)
	h.press("F")
	if h.m.choose == nil {
		t.Fatal("F did not offer the phases")
	}
	h.press("3")
	py := h.board().PlanYear(2026)
	if py.Phase != board.BKA3 || len(py.History) == 0 || py.History[len(py.History)-1].By != me {
		t.Fatalf("plan year %+v", py)
	}
	mustContain(t, h.plain(), "BKA phase 3 of 3: evaluate, give account and adjust", "phase 2 → 3 by Marieke")
}

func TestPlanSpeerpuntAddLinkDelete(t *testing.T) {
	t.Parallel()
	h := openPlan(t, i18n.NL, 140, 40)
	h.press("n")
	h.fill("title", "Samenwerking onderwijs en jeugdhulp")
	h.fill("period", "2030-2020")
	mustRefuse(t, h, "period", "a period running backwards was taken")
	h.fill("period", "2026-2030")
	mustSave(t, h)
	mustContain(t, h.plain(), "▾ Samenwerking onderwijs en jeugdhulp (2026–2030) · doelen: 0")
	sps := h.board().Speerpunten
	added := sps[len(sps)-1]

	// l links the selected goal: the first goal, under Thuiszitters.
	h.press("home", "down", "l")
	if h.m.choose == nil {
		t.Fatal("l did not offer the speerpunten")
	}
	h.press(fmtKey(len(sps) + 1)) // (geen speerpunt) first, then each speerpunt
	if g, _ := h.board().Goal(goalByTitle(t, h, "Minder thuiszitters in de regio").ID); g.SpeerpuntID != added.ID {
		t.Fatalf("goal hangs under %d, want %d", g.SpeerpuntID, added.ID)
	}
	mustContain(t, h.plain(), "Samenwerking onderwijs en jeugdhulp (2026–2030) · doelen: 1")

	// Deleting a speerpunt with a goal under it asks; the goal stays.
	h.press("home")
	for range 10 {
		if n := h.m.plan.cached().nodes[h.m.plan.sel]; n.goal == nil && n.speerpunt == added.ID {
			break
		}
		h.press("down")
	}
	h.press("d")
	if h.m.choose == nil || !strings.Contains(h.m.choose.title, "1 doelen hangen eronder") {
		t.Fatalf("no question before deleting a speerpunt with goals: %+v", h.m.choose)
	}
	h.press("enter") // yes
	if _, ok := h.board().Speerpunt(added.ID); ok {
		t.Fatal("speerpunt not deleted")
	}
	g := goalByTitle(t, h, "Minder thuiszitters in de regio")
	if g.SpeerpuntID != 0 {
		t.Errorf("goal still under %d", g.SpeerpuntID)
	}
	mustContain(t, h.plain(), "▾ Zonder speerpunt", "Minder thuiszitters in de regio")
}

// A member of two teams sees each speerpunt across both boards.
func TestPlanAcrossTeams(t *testing.T) {
	t.Parallel()
	h := openPlan(t, i18n.NL, 140, 40)
	s := h.s
	thuis := h.board().Speerpunten[0]
	team, err := s.CreateTeam(me, "Obs De Regenboog", me)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.CreateBoard(me, team.ID, "Zorgteam")
	if err != nil {
		t.Fatal(err)
	}
	g := &board.Goal{Title: "Thuiszitters binnen 3 weken terug", ByWhen: day(30), SpeerpuntID: thuis.ID,
		Indicator: &board.Indicator{Unit: "leerlingen", Baseline: 4, BaselineDate: day(-60), Target: 0, TargetDate: day(30),
			Measurements: []board.Measurement{{Date: day(-7), Value: 4}}}}
	if _, err := s.Add(me, info.ID, g); err != nil {
		t.Fatal(err)
	}
	h.press("esc", "P") // the view reads the other boards when it opens
	mustContain(t, h.plain(), "Thuiszitters (2025–2029) · doelen: 1, op koers: 1, achter: 0 · Over al je teams: 2 scholen, 1 op koers, 1 achter")
}

func goalByTitle(t *testing.T, h *harness, title string) board.Goal {
	t.Helper()
	for _, g := range h.board().Goals {
		if g.Title == title {
			return g
		}
	}
	t.Fatalf("no goal %q", title)
	return board.Goal{}
}

func fmtKey(n int) string { return string(rune('0' + n)) }

// A new goal made measurable in the form: the dates of nulmeting and
// streefwaarde, which way is better, how often it is measured, who and
// under which speerpunt; numbers the Dutch way.
func TestGoalFormMakesMeasurable(t *testing.T) {
	t.Parallel()
	h, _ := demoForm(t, i18n.NL, 80, 24, "3", "a")
	h.fill("title", "Wachttijd arrangement naar 10 werkdagen")
	h.fill("by_when", "1-7-2027")
	h.fill("unit", "werkdagen")
	h.fill("baseline", "1.250")
	h.fill("target", "10,5")
	h.fill("baseline_date", "1-11-2026")
	h.fill("direction", "l")
	h.fill("cadence", "maand")
	h.fill("owner", "Sanne")
	h.fill("speerpunt", "zonder titel")
	mustRefuse(t, h, "speerpunt", "an unknown speerpunt was taken")
	h.fill("speerpunt", "Basis")
	mustSave(t, h)
	g := goalByTitle(t, h, "Wachttijd arrangement naar 10 werkdagen")
	in := g.Indicator
	sp, _ := h.board().Speerpunt(g.SpeerpuntID)
	if in == nil || in.Baseline != 1250 || in.Target != 10.5 || in.Direction != board.LowerIsBetter ||
		in.Cadence != board.CadenceMonthly || !in.TargetDate.Equal(g.ByWhen) || g.Owner != "Sanne" ||
		!strings.HasPrefix(sp.Title, "Basisondersteuning") {
		t.Fatalf("goal %+v indicator %+v", g, in)
	}
	if m := g.Missing(); len(m) != 0 {
		t.Errorf("still not measurable: %v", m)
	}
	// Edited again, the form shows the numbers the Dutch way.
	h.press("e")
	if v := h.m.form.field("baseline").input.Value(); v != "1.250" {
		t.Errorf("baseline shown as %q", v)
	}
}

// The new keys are in the help: the board's line and ? overlay list the
// plan view and the goal detail, and each new screen's ? lists its keys.
func TestGoalKeysInHelp(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	mustContain(t, h.plain(), "P plan")
	h.press("?")
	mustContain(t, h.plain(), "doel openen", "plan")
	h.press("esc", "P", "?")
	mustContain(t, h.plain(), "BKA-fase", "koppel aan speerpunt", "nieuw speerpunt", "open/dicht")
	h.press("esc", "esc", "3", "o", "?")
	mustContain(t, h.plain(), "afsluiten/heropenen", "bijstellen", "meting")
}

// A number typed another way than the user's language writes it shows how
// it was read, before it is saved.
func TestNumberPreview(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        i18n.Lang
		typed, want string
	}{
		{i18n.NL, "3.5", "→ 3,5"},
		{i18n.NL, "1250", "→ 1.250"},
		{i18n.EN, "1.250", "→ 1.25"},
		{i18n.EN, "3,5", "→ 3.5"},
	} {
		h, _ := openGoal(t, tc.lang, 80, 24)
		h.press("m")
		h.fill("value", tc.typed)
		mustContain(t, h.plain(), tc.want)
	}
}

// The goal detail and the plan view fill any size exactly, from the
// smallest bord draws to a large terminal, for a goal on track, one
// behind and one that cannot be measured.
func TestGoalScreensFitEverySize(t *testing.T) {
	t.Parallel()
	h := goalBoard(t, i18n.EN, 80, 24)
	for i := range 3 {
		for _, scr := range []string{"goal", "plan"} {
			h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			h.press("esc", "esc", "3", "home")
			for range i {
				h.press("down")
			}
			want := screenGoal
			if scr == "goal" {
				h.press("o")
			} else {
				h.press("P")
				want = screenPlan
			}
			if h.m.screen != want {
				t.Fatalf("%s %d did not open", scr, i)
			}
			for _, size := range [][2]int{{minWidth, minHeight}, {40, 10}, {60, 15}, {100, 30}, {200, 60}} {
				h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				if why := misfit(h.view(), size[0], size[1]); why != "" {
					t.Errorf("%s %d at %dx%d: %s", scr, i, size[0], size[1], why)
				}
			}
		}
	}
}

// More than five open goals on a board is flagged on the board, in the
// bordsessie's goals step and in the plan view; a passed target date shows
// on its goal.
func TestGoalFocusAndPassedTarget(t *testing.T) {
	t.Parallel()
	h := goalBoard(t, i18n.NL, 80, 24)
	for i := range 3 {
		g := &board.Goal{Title: fmt.Sprintf("Extra doel %d met 10 leerlingen", i), ByWhen: day(30),
			Indicator: &board.Indicator{Unit: "scholen", Baseline: 2, BaselineDate: day(-60), Target: 10, TargetDate: day(-5 - i)}}
		if _, err := h.s.Add(me, h.m.b.ID, g); err != nil {
			t.Fatal(err)
		}
	}
	h.awaitChange()
	h.press("3")
	mustContain(t, h.plain(), "Doelen (6) · ⚠ beperk het aantal doelen")
	h.press("down", "down", "down", "down", "down", "o")
	mustContain(t, h.plain(), "⚠ streefdatum 16 nov voorbij: sluit af of stel bij")
	h.press("esc", "P")
	mustContain(t, h.plain(), "⚠ Beperk het aantal doelen: 6 lopen er, houd het bij 5 of minder")
	h.press("esc", "S", "enter", "]", "]")
	mustContain(t, h.plain(), "doelen: 6, op koers: 1, achter: 1 · ⚠ Beperk het aantal doelen")
}

// mustSave saves the open form and fails the test when it stayed open.
func mustSave(t *testing.T, h *harness) {
	t.Helper()
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("not saved: %q\n%s", h.m.form.err, h.plain())
	}
}

// mustForm presses keys, after which a form must be open; what says what
// failed when none is.
func mustForm(t *testing.T, h *harness, what string, keys ...string) {
	t.Helper()
	h.press(keys...)
	if h.m.form == nil {
		t.Fatal(what)
	}
}

// mustRefuse saves the form, which must stay open with an error on field
// key; taken says what was wrongly taken.
func mustRefuse(t *testing.T, h *harness, key, taken string) {
	t.Helper()
	h.press("ctrl+s")
	if h.m.form == nil || h.m.form.field(key).err == "" {
		t.Fatal(taken)
	}
}

// A vague title (no number, no date, a word like versterken, no
// indicator) gets a hint on its row and what to do in its detail, as the
// arena hints at a closed question.
func TestGoalVagueTitleHint(t *testing.T) {
	t.Parallel()
	h := goalBoard(t, i18n.NL, 100, 30)
	if _, err := h.s.Add(me, h.m.b.ID, &board.Goal{Title: "Samenwerking met jeugdhulp versterken", ByWhen: day(40)}); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	h.press("3", "end")
	mustContain(t, h.plain(), "⚠ niet meetbaar: indicator, nulmeting en streefwaarde ontbreken · ⚠ vaag?")
	h.press("o")
	// Wrapped over two lines at 100 columns, not cut.
	mustContain(t, h.plain(), `⚠ vaag? "versterken" zegt niet hoeveel of wanneer:`, "\nindicator ")
}

// e in the goal detail opens the goal's own form; saved, the detail shows
// the change and stays open.
func TestGoalDetailEdit(t *testing.T) {
	t.Parallel()
	h, g := openGoal(t, i18n.NL, 80, 24)
	h.press("e")
	if h.m.form == nil || h.m.form.field("baseline_date") == nil {
		t.Fatal("e did not open the goal's form")
	}
	h.fill("title", "Minder thuiszitters in de hele regio")
	mustSave(t, h)
	if got, _ := h.board().Goal(g.ID); got.Title != "Minder thuiszitters in de hele regio" || h.m.screen != screenGoal {
		t.Fatalf("title %q, screen %d", got.Title, h.m.screen)
	}
	mustContain(t, h.plain(), "Doel · Minder thuiszitters in de hele regio")
}

// The goal charts of goalchart.go: the progress bar, the sparkline and the
// line chart.

func TestProgressBar(t *testing.T) {
	for _, tc := range []struct {
		p, expect float64
		want      string
	}{
		{0, -1, "▕░░░░░░░░░░▏"},
		{0.5, -1, "▕█████░░░░░▏"},
		{1.7, -1, "▕██████████▏"}, // past the target: full, never wider
		{-0.3, -1, "▕░░░░░░░░░░▏"},
		{0.2, 0.6, "▕██░░░░│░░░▏"}, // behind: the mark stands in the empty part
		{0.8, 0.6, "▕██████┃█░░▏"}, // ahead: the mark stands in the filled part
		{0.5, 1, "▕█████░░░░│▏"},
	} {
		if got := progressBar(tc.p, tc.expect, 10); got != tc.want {
			t.Errorf("progressBar(%v, %v) = %q, want %q", tc.p, tc.expect, got, tc.want)
		}
	}
}

func TestSparkline(t *testing.T) {
	for _, tc := range []struct {
		vals []float64
		w    int
		want string
	}{
		{nil, 4, ""},
		{[]float64{3}, 4, "▅"},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8}, 8, "▁▂▃▄▅▆▇█"},
		{[]float64{8, 100, 1, 8}, 2, "▁█"}, // the last w values, scaled among themselves
	} {
		if got := sparkline(tc.vals, tc.w); got != tc.want {
			t.Errorf("sparkline(%v, %d) = %q, want %q", tc.vals, tc.w, got, tc.want)
		}
	}
}

// The chart fits its box at both screen sizes, has the target line and the
// measured line apart by shape, and dates on its axis from the nulmeting to
// the target date.
func TestLineChartFitsWithDates(t *testing.T) {
	d := func(m, day int) time.Time { return time.Date(2026, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	msg := i18n.For(i18n.NL)
	m := goalView{&Common{msg: msg}}
	c := chartSpec{
		points: []point{{d(4, 9), 9.5}, {d(1, 10), 12}, {d(2, 10), 11}, {d(3, 12), 9}},
		from:   point{d(1, 10), 12}, to: point{d(7, 1), 4},
		num: m.roundedNumber, date: msg.ShortDate,
	}
	for _, size := range [][2]int{{76, 12}, {130, 28}} {
		c.w, c.h = size[0], size[1]
		lines := lineChart(c)
		if len(lines) == 0 || len(lines) > c.h {
			t.Fatalf("%dx%d: %d lines", c.w, c.h, len(lines))
		}
		plain := make([]string, len(lines))
		for i, l := range lines {
			if n := cellwidth.String(l); n > c.w {
				t.Errorf("%dx%d: line %d is %d wide: %q", c.w, c.h, i, n, ansi.Strip(l))
			}
			plain[i] = ansi.Strip(l)
		}
		all := strings.Join(plain, "\n")
		dates := plain[len(plain)-1]
		if !strings.HasPrefix(strings.TrimSpace(dates), "10 jan") || !strings.HasSuffix(dates, "1 jul") {
			t.Errorf("%dx%d: date axis %q, want 10 jan … 1 jul", c.w, c.h, dates)
		}
		if !strings.Contains(all, "····") || !strings.Contains(all, "╰") {
			t.Errorf("%dx%d: want the dotted target line and the measured line:\n%s", c.w, c.h, all)
		}
		if !strings.Contains(all, "12┼") || !strings.Contains(all, " 4┤") {
			t.Errorf("%dx%d: want the nulmeting 12 and the target 4 on the value axis:\n%s", c.w, c.h, all)
		}
	}
	c.w, c.h = 10, 3
	if lines := lineChart(c); lines != nil {
		t.Errorf("a box too small for a chart drew %q", lines)
	}
}
