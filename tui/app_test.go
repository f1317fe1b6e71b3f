package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

func TestKeyNames(t *testing.T) {
	// The harness must build keys that the app's string matches see as
	// the named key, or every other test presses the wrong thing.
	for _, name := range []string{"enter", "tab", "shift+tab", "esc", "space", "up", "down", "left", "right",
		"home", "end", "delete", "backspace", "ctrl+s", "ctrl+c", "ctrl+u", "ctrl+z", "a", "X", "?", "1"} {
		if got := keyMsg(name).String(); got != name {
			t.Errorf("keyMsg(%q).String() = %q", name, got)
		}
	}
}

func TestWelcomeDemo(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	h := start(t, s, Config{}, 100, 30)
	if h.m.screen != screenWelcome {
		t.Fatalf("empty store: screen %d, want welcome\n%s", h.m.screen, h.plain())
	}
	mustContain(t, h.plain(), "Welkom bij bord", "d  voorbeeldteam en -bord maken")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContain(t, h.plain(), "samenwerkingsverband?") // wrapped, not cut
	mustNotContain(t, h.plain(), "…")
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})

	h.press("d")
	if h.m.screen != screenBoard {
		t.Fatalf("after d: screen %d, want board\n%s", h.m.screen, h.plain())
	}
	teams, _ := s.Teams()
	if len(teams) != 1 || teams[0].Name != store.DemoTeam || !teams[0].HasMember(me) {
		t.Fatalf("teams after d: %+v", teams)
	}
	mustContain(t, h.plain(), "week 48", store.DemoTeam, store.DemoBoard, "jij: "+me, "Overzicht wachttijden")
	if h.focused() != board.AreaAction {
		t.Errorf("board opens on %s, want the actions", h.focused())
	}
}

func TestWelcomeQuit(t *testing.T) {
	t.Parallel()
	h := start(t, openStore(t), Config{}, 80, 24)
	h.press("q")
	if !h.quit {
		t.Error("q on the welcome screen does not quit")
	}
}

// twoBoards is a store with the demo board and a second team's board.
func twoBoards(t *testing.T) (*store.Store, board.Info, board.Info) {
	t.Helper()
	s := openStore(t)
	demoInfo, err := s.CreateDemo(me)
	if err != nil {
		t.Fatal(err)
	}
	team, err := s.CreateTeam(me, "Team Oost", me, "Kees")
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateBoard(me, team.ID, "Bord Oost")
	if err != nil {
		t.Fatal(err)
	}
	return s, demoInfo, other
}

// pickingOfTwo starts at 100×30 on the store of twoBoards, in the picker.
func pickingOfTwo(t *testing.T) (*harness, *store.Store, board.Info) {
	t.Helper()
	s, _, other := twoBoards(t)
	return start(t, s, Config{}, 100, 30), s, other
}

// onDemoOfTwo starts at w×ht on the store of twoBoards with the demo board
// open (Config.BoardID).
func onDemoOfTwo(t *testing.T, w, ht int) (*harness, *store.Store, board.Info, board.Info) {
	t.Helper()
	s, demoInfo, other := twoBoards(t)
	return start(t, s, Config{BoardID: demoInfo.ID}, w, ht), s, demoInfo, other
}

func TestPickerOpensBoard(t *testing.T) {
	t.Parallel()
	h, _, other := pickingOfTwo(t)
	if h.m.screen != screenPicker {
		t.Fatalf("two boards: screen %d, want picker\n%s", h.m.screen, h.plain())
	}
	mustContain(t, h.plain(), "Kies een bord", store.DemoTeam+" — "+store.DemoBoard, "Team Oost — Bord Oost")

	h.press("down", "down", "up", "down") // down stops at the last board
	h.press("enter")
	if h.m.screen != screenBoard || h.m.b.ID != other.ID {
		t.Fatalf("enter opened %v, want %q\n%s", h.m.b, other.Name, h.plain())
	}
	mustContain(t, h.plain(), "Team Oost", "Bord Oost", "(nog leeg)")
}

func TestPickerNewBoard(t *testing.T) {
	t.Parallel()
	h, s, _ := pickingOfTwo(t)
	h.press("n")
	if h.m.form == nil || h.m.form.title != h.m.msg.NewBoard[3:] {
		t.Fatalf("n did not open the new-board form\n%s", h.plain())
	}
	mustContain(t, h.plain(), "zelf een team en bord maken", "Team", "Bord", "Teamleden")
	h.typeText("Team West")
	h.press("enter")
	h.typeText("Verbeterbord West")
	h.fill("members", me+", Kees, Lotte")
	h.press("ctrl+s")

	if h.m.form != nil {
		t.Fatalf("form still open: %q\n%s", h.m.form.err, h.plain())
	}
	if h.m.screen != screenBoard || h.m.b.Name != "Verbeterbord West" || h.m.b.Team.Name != "Team West" {
		t.Fatalf("new board not open\n%s", h.plain())
	}
	if got := h.m.b.Team.MemberNames(); !slices.Equal(got, []string{me, "Kees", "Lotte"}) {
		t.Errorf("members %v", got)
	}
	infos, _ := s.Boards(0)
	if len(infos) != 3 {
		t.Errorf("store has %d boards, want 3", len(infos))
	}
	mustContain(t, h.plain(), "Team West", "Verbeterbord West")
}

func TestNewBoardExistingTeam(t *testing.T) {
	t.Parallel()
	// A team name that exists (in any case) adds the board to that team.
	h, s, _ := pickingOfTwo(t)
	h.press("n")
	h.typeText("team oost")
	h.press("enter")
	h.typeText("Tweede bord")
	h.press("ctrl+s")
	if h.m.screen != screenBoard || h.m.b.Name != "Tweede bord" || h.m.b.Team.Name != "Team Oost" {
		t.Fatalf("board not opened in the existing team\n%s", h.plain())
	}
	teams, _ := s.Teams()
	if len(teams) != 2 {
		t.Errorf("%d teams, want 2", len(teams))
	}
}

func TestNewBoardEmptyName(t *testing.T) {
	t.Parallel()
	h := start(t, openStore(t), Config{}, 100, 30)
	mustForm(t, h, "form closed on an empty team name", "n", "ctrl+s")
	mustContain(t, h.plain(), "Team mag niet leeg zijn.")
	h.press("esc")
	if h.m.form != nil || h.m.screen != screenWelcome {
		t.Error("esc does not close the form back to the welcome screen")
	}
}

func TestAreaFocus(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	steps := []struct {
		key  string
		want board.Area
	}{
		{"tab", board.AreaPlanning},
		{"tab", board.AreaParking},
		{"tab", board.AreaCheckIn}, // wraps round
		{"shift+tab", board.AreaParking},
		{"shift+tab", board.AreaPlanning},
		{"1", board.AreaCheckIn},
		{"2", board.AreaSuccess},
		{"3", board.AreaGoal},
		{"4", board.AreaAction},
		{"5", board.AreaPlanning},
		{"6", board.AreaParking},
		{"right", board.AreaCheckIn},
		{"left", board.AreaParking},
		{"left", board.AreaPlanning},
		{"l", board.AreaParking},
		{"h", board.AreaPlanning},
		{"7", board.AreaPlanning}, // no seventh area
	}
	names := map[board.Area]string{board.AreaCheckIn: "Check-in", board.AreaSuccess: "Successen", board.AreaGoal: "Doelen",
		board.AreaAction: "Acties", board.AreaPlanning: "Planning", board.AreaParking: "Parkeerplaats"}
	for _, st := range steps {
		h.press(st.key)
		if h.focused() != st.want {
			t.Fatalf("after %s: focus %s, want %s", st.key, h.focused(), st.want)
		}
		// The focus shows without colour: a heavy frame and a marker.
		if got := strings.Count(h.plain(), "▶ "); got != 1 {
			t.Fatalf("after %s: %d focus markers\n%s", st.key, got, h.plain())
		}
		mustContain(t, h.plain(), "┏━ ▶ "+names[st.want]+" (")
	}
}

func TestSelectionMoves(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	n := len(h.m.board.rows(h.m.b, board.AreaAction))
	if n != 7 {
		t.Fatalf("demo shows %d actions, want 7", n)
	}
	steps := []struct {
		key  string
		want int
	}{
		{"up", 0}, {"down", 1}, {"j", 2}, {"k", 1}, {"end", n - 1}, {"down", n - 1}, {"home", 0},
	}
	for _, st := range steps {
		h.press(st.key)
		if got := h.m.board.sel[board.AreaAction]; got != st.want {
			t.Fatalf("after %s: row %d, want %d", st.key, got, st.want)
		}
	}
	// The selected row is marked with › in the view.
	h.press("end")
	if !strings.Contains(h.plain(), "›[x]") {
		t.Errorf("last row (the done action) not marked as selected\n%s", h.plain())
	}
	// Each area keeps its own selection.
	h.press("3", "down", "4")
	if h.m.board.sel[board.AreaAction] != n-1 || h.m.board.sel[board.AreaGoal] != 1 {
		t.Errorf("selections %v", h.m.board.sel)
	}
	// Moving in an empty area does nothing.
	h2, _ := demo(t, i18n.NL, 80, 24)
	h2.press("6", "d", "down", "d", "end", "up")
	if h2.m.board.sel[board.AreaParking] != 0 || len(h2.board().Parking) != 0 {
		t.Errorf("empty parking: sel %d, %d items", h2.m.board.sel[board.AreaParking], len(h2.board().Parking))
	}
	mustContain(t, h2.plain(), "(nog leeg)", "a om toe te voegen")
}

func TestAddAction(t *testing.T) {
	t.Parallel()
	cases := []struct {
		when string
		want int // days after today
	}{
		{"vr", 4},
		{"morgen", 1},
		{"4-12", 11},
		{"volgende week", 7},
		{"week 50", 18}, // the Friday of week 50
	}
	for _, c := range cases {
		t.Run(c.when, func(t *testing.T) {
			t.Parallel()
			h, _ := demo(t, i18n.NL, 140, 40)
			before := len(h.board().Actions)
			h.press("a")
			if h.m.form == nil || h.m.form.area != board.AreaAction {
				t.Fatalf("a did not open the action form\n%s", h.plain())
			}
			mustContain(t, h.plain(), "Acties: nieuw", "Wat", "Wie", "Wanneer", "Doel")
			h.typeText("Agenda delen met " + c.when)
			h.fill("who", "fatima") // any case; stored as the member's name
			h.fill("when", c.when)
			// The form previews how it reads the date before saving.
			mustContain(t, h.plain(), "→ "+h.m.msg.Date(day(c.want)))
			h.press("ctrl+s")

			if h.m.form != nil {
				t.Fatalf("form still open: %q %+v\n%s", h.m.form.err, h.m.form.fields, h.plain())
			}
			b := h.board()
			if len(b.Actions) != before+1 {
				t.Fatalf("%d actions, want %d", len(b.Actions), before+1)
			}
			a, ok := h.actionByWhat("Agenda delen met " + c.when)
			if !ok {
				t.Fatal("action not in the store")
			}
			if a.Who != "Fatima" || !a.When.Equal(day(c.want)) || a.Status != board.StatusTodo || a.CreatedBy != me {
				t.Errorf("stored %+v, want Fatima on %s", a, day(c.want))
			}
			// The new action is selected, in the focused actions area.
			if h.focused() != board.AreaAction || h.selectedAction().ID != a.ID {
				t.Errorf("selected %+v in %s, want the new action", h.m.board.selected(), h.focused())
			}
			mustContain(t, h.plain(), "Opgeslagen: Agenda delen met "+c.when, "›[ ]")
		})
	}
}

func TestAddActionWithGoal(t *testing.T) {
	t.Parallel()
	h, _ := adding(t, i18n.NL)
	h.typeText("Gesprek met leerplicht")
	h.fill("when", "morgen")
	h.fill("goal", "snel") // a unique prefix is enough
	mustContain(t, h.plain(), "→ Snellere toewijzing arrangementen")
	h.press("enter") // enter on the last field saves
	a, ok := h.actionByWhat("Gesprek met leerplicht")
	if !ok {
		t.Fatalf("not saved\n%s", h.plain())
	}
	g, _ := h.board().Goal(a.GoalID)
	if a.Who != me || g.Title != "Snellere toewijzing arrangementen" {
		t.Errorf("stored %+v (goal %q), want mine, linked to the second goal", a, g.Title)
	}
}

func TestAddActionValidation(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		what, who string
		when      string
		field     string
		message   string
	}{
		{"empty what", "", me, "morgen", "what", "Wat mag niet leeg zijn."},
		{"unknown owner", "Iets doen", "Kees", "morgen", "who", `"Kees" is geen lid van dit team.`},
		{"past date", "Iets doen", me, "1-1-2020", "when", "wo 1 jan 2020 is al voorbij. Bedoel je 1-1-2027?"},
		{"no date", "Iets doen", me, "", "when", "Wanneer is verplicht."},
		{"unreadable date", "Iets doen", me, "ooit", "when", `"ooit" begrijp ik niet als datum. Dit werkt: 4-12, 4 dec`},
		{"unknown goal", "Iets doen", me, "morgen", "goal", "Die waarde klopt niet."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h, _ := demo(t, i18n.NL, 140, 40)
			before := h.board()
			h.press("a")
			h.typeText(c.what)
			h.fill("who", c.who)
			h.fill("when", c.when)
			if c.field == "goal" {
				h.fill("goal", "bestaat niet")
			}
			mustForm(t, h, "form closed on invalid input", "ctrl+s")
			if got := h.m.form.field(c.field).err; !strings.HasPrefix(got, c.message) {
				t.Errorf("field %s message %q, want %q", c.field, got, c.message)
			}
			mustContain(t, h.plain(), c.message)
			if after := h.board(); after.Version != before.Version || len(after.Actions) != len(before.Actions) {
				t.Errorf("something was saved: version %d→%d", before.Version, after.Version)
			}
			// What was typed is still there.
			if got := h.m.form.value("who"); got != c.who {
				t.Errorf("who now %q, typed %q", got, c.who)
			}
			// Fixing the field and saving again works.
			h.fill("what", "Iets doen")
			h.fill("who", me)
			h.fill("when", "morgen")
			h.fill("goal", "")
			h.press("ctrl+s")
			if h.m.form != nil {
				t.Fatalf("fixed form not saved: %q\n%s", h.m.form.err, h.plain())
			}
			if _, ok := h.actionByWhat("Iets doen"); !ok {
				t.Error("fixed action not stored")
			}
		})
	}
}

func TestFormEscCancels(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	before := h.board().Version
	h.press("a")
	h.typeText("Toch maar niet")
	// Text was typed: esc asks first (issue 13: it was thrown away without
	// a word); no, or esc, keeps the form and the text.
	h.press("esc")
	if h.m.form == nil || h.m.choose == nil {
		t.Fatal("esc in a half-filled form did not ask first")
	}
	mustContain(t, h.plain(), "Wat je typte bij "+h.m.form.title+" weggooien?", "Toch maar niet")
	h.press("enter") // the safe answer is selected: keep it
	if h.m.form == nil || h.m.form.value("what") != "Toch maar niet" {
		t.Fatal("no did not keep the form")
	}
	h.press("esc", "1") // yes
	if h.m.form != nil || h.board().Version != before {
		t.Error("esc did not close the form without saving")
	}
	mustNotContain(t, h.plain(), "Toch maar niet")
	// An untouched form closes at once.
	h.press("a", "esc")
	if h.m.form != nil || h.m.choose != nil {
		t.Error("esc on an untouched form asked")
	}
}

// TestCtrlCInFormAsks: ctrl+c in a half-filled form asks before it quits;
// a second ctrl+c quits.
func TestCtrlCInFormAsks(t *testing.T) {
	t.Parallel()
	h, _ := adding(t, i18n.EN)
	h.typeText("Half")
	h.press("ctrl+c")
	if h.quit || h.m.choose == nil || h.m.form == nil {
		t.Fatalf("ctrl+c with text typed: quit %v, asked %v", h.quit, h.m.choose != nil)
	}
	mustContain(t, h.plain(), "Throw away what you typed in "+h.m.form.title+"?")
	h.press("esc") // keep typing
	if h.quit || h.m.form == nil || h.m.choose != nil {
		t.Fatal("esc on the question did not go back to the form")
	}
	h.press("ctrl+c", "ctrl+c")
	if !h.quit {
		t.Error("a second ctrl+c did not quit")
	}
}

func TestEditAction(t *testing.T) {
	t.Parallel()
	h, a, _ := editing(t, i18n.NL, "Checklist aanvraag")
	mustContain(t, h.plain(), "Acties: bewerken", "Checklist aanvraag arrangement vereenvoudigen", "Sanne", "2-12-2026")
	h.fill("what", "Checklist aanvraag arrangement halveren")
	h.fill("when", "4-12")
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("not saved: %q", h.m.form.err)
	}
	got, _ := h.action(a.ID)
	if got.What != "Checklist aanvraag arrangement halveren" || !got.When.Equal(day(11)) || got.Who != "Sanne" ||
		got.Version != a.Version+1 || got.UpdatedBy != me || got.GoalID != a.GoalID {
		t.Errorf("after edit %+v", got)
	}
	if h.selectedAction().ID != a.ID {
		t.Error("selection left the edited action")
	}

	// enter edits too; an edit may keep a date in the past.
	old := h.selectAction("Overzicht wachttijden")
	h.press("enter")
	h.fill("what", "Overzicht wachttijden per school mailen")
	h.press("ctrl+s")
	got, _ = h.action(old.ID)
	if h.m.form != nil || got.What != "Overzicht wachttijden per school mailen" || !got.When.Equal(old.When) {
		t.Errorf("editing an overdue action: form %v, stored %+v", h.m.form != nil, got)
	}
}

func TestEditConflict(t *testing.T) {
	t.Parallel()
	h, a, info := editing(t, i18n.NL, "Checklist aanvraag")
	h.fill("what", "Mijn versie van de checklist")

	// Meanwhile Fatima changes the same action.
	theirs := a
	theirs.What = "Haar versie van de checklist"
	if _, err := h.s.Update("Fatima", info.ID, &theirs); err != nil {
		t.Fatal(err)
	}

	mustForm(t, h, "form closed on a conflict", "ctrl+s")
	if got := h.m.form.value("what"); got != "Mijn versie van de checklist" {
		t.Errorf("typed text lost: %q", got)
	}
	screen := h.plain()
	mustContain(t, screen, "Ondertussen gewijzigd door Fatima", "Mijn versie van de checklist",
		"Haar versie van de checklist", "Druk ctrl+s om jouw versie")
	if got, _ := h.action(a.ID); got.What != "Haar versie van de checklist" {
		t.Errorf("conflicting save wrote: %+v", got)
	}

	// Saving again puts the user's version over theirs.
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("second save failed: %q", h.m.form.err)
	}
	got, _ := h.action(a.ID)
	if got.What != "Mijn versie van de checklist" || got.UpdatedBy != me || got.Version != a.Version+2 {
		t.Errorf("after reapply %+v", got)
	}
}

func TestEditDeletedMeanwhile(t *testing.T) {
	t.Parallel()
	h, a, info := editing(t, i18n.NL, "Checklist aanvraag")
	h.fill("what", "Checklist, nieuwe versie")
	if err := h.s.Delete("Fatima", info.ID, board.AreaAction, a.ID, a.Version); err != nil {
		t.Fatal(err)
	}
	mustForm(t, h, "form closed although the item is gone", "ctrl+s")
	mustContain(t, h.plain(), "Dit bestaat niet meer", "Checklist, nieuwe versie")
	h.press("ctrl+s") // saving again makes it anew
	if h.m.form != nil {
		t.Fatalf("second save failed: %q", h.m.form.err)
	}
	if _, ok := h.actionByWhat("Checklist, nieuwe versie"); !ok {
		t.Error("not saved anew")
	}
}

func TestDeleteAndUndo(t *testing.T) {
	t.Parallel()
	h, a, _ := atAction(t, i18n.NL, "Leerlingarena voorbereiden")
	h.press("d")
	if _, ok := h.action(a.ID); ok {
		t.Fatal("d did not delete")
	}
	mustContain(t, h.plain(), "Verwijderd: Leerlingarena voorbereiden met schoolcoach (u zet het terug)")
	mustNotContain(t, h.plain(), "Pieter: Leerlingarena")
	h.press("u")
	got, ok := h.action(a.ID)
	if !ok || got.What != a.What || got.Who != a.Who || got.GoalID != a.GoalID {
		t.Fatalf("u did not restore: %+v", got)
	}
	mustContain(t, h.plain(), "Ongedaan gemaakt: Leerlingarena", "Pieter: Leerlingarena")
	h.press("u")
	mustContain(t, h.plain(), "Niets om ongedaan te maken.")
}

func TestUndoAdd(t *testing.T) {
	t.Parallel()
	h, _ := adding(t, i18n.NL)
	h.typeText("Eenmalig")
	h.fill("when", "morgen")
	h.press("ctrl+s")
	a, ok := h.actionByWhat("Eenmalig")
	if !ok {
		t.Fatal("not added")
	}
	h.press("u")
	if _, ok := h.action(a.ID); ok {
		t.Error("u after add did not remove it")
	}
	mustContain(t, h.plain(), "Ongedaan gemaakt: Eenmalig", "Acties (7)")
	mustNotContain(t, h.plain(), me+": Eenmalig")
}

func TestUndoEdit(t *testing.T) {
	t.Parallel()
	h, a, _ := editing(t, i18n.NL, "Format schoolondersteuningsprofiel")
	h.fill("what", "Iets heel anders")
	h.fill("who", "Joost")
	h.press("ctrl+s")
	if got, _ := h.action(a.ID); got.What != "Iets heel anders" || got.Who != "Joost" {
		t.Fatalf("edit not saved: %+v", got)
	}
	h.press("ctrl+z")
	got, _ := h.action(a.ID)
	if got.What != a.What || got.Who != "Ingrid" || !got.When.Equal(a.When) {
		t.Errorf("undo did not restore the old text: %+v", got)
	}
}

func TestStatusCycle(t *testing.T) {
	t.Parallel()
	h, a, _ := atAction(t, i18n.NL, "Koffie-afspraak")
	if a.Status != board.StatusTodo {
		t.Fatalf("demo action %q is %s", a.What, a.Status)
	}
	for _, want := range []board.Status{board.StatusDoing, board.StatusDone, board.StatusTodo} {
		h.press("space")
		got, _ := h.action(a.ID)
		if got.Status != want {
			t.Fatalf("space: %s, want %s", got.Status, want)
		}
		if want == board.StatusDone && !got.DoneAt.Equal(today) {
			t.Errorf("done without DoneAt: %v", got.DoneAt)
		}
		if want != board.StatusDone && !got.DoneAt.IsZero() {
			t.Errorf("%s with DoneAt %v", want, got.DoneAt)
		}
		// The row moves (done sorts last); the selection goes with it.
		if h.selectedAction().ID != a.ID {
			t.Fatalf("selection moved off the action after %s", want)
		}
	}
	mustContain(t, h.plain(), "Koffie-afspraak nieuwe collega orthopedagoog → te doen")
	// s is the other status key.
	h.press("s")
	if got, _ := h.action(a.ID); got.Status != board.StatusDoing {
		t.Errorf("s: %s", got.Status)
	}
	// The undo of a status change puts the old one back.
	h.press("u")
	if got, _ := h.action(a.ID); got.Status != board.StatusTodo {
		t.Errorf("undo status: %s", got.Status)
	}
}

func TestDoneAndDrop(t *testing.T) {
	t.Parallel()
	h, a, _ := atAction(t, i18n.NL, "Checklist aanvraag")
	h.press("x")
	got, _ := h.action(a.ID)
	if got.Status != board.StatusDone || !got.DoneAt.Equal(today) {
		t.Fatalf("x: %s, DoneAt %v", got.Status, got.DoneAt)
	}
	mustContain(t, h.plain(), "[x] 2 dec")
	h.press("x") // done again reopens
	if got, _ = h.action(a.ID); got.Status != board.StatusTodo || !got.DoneAt.IsZero() {
		t.Fatalf("x on a done action: %s, %v", got.Status, got.DoneAt)
	}
	h.press("X")
	if got, _ = h.action(a.ID); got.Status != board.StatusDropped {
		t.Fatalf("X: %s", got.Status)
	}
	mustContain(t, h.plain(), "[-] 2 dec")
	// Status keys do nothing outside the actions.
	h.press("3")
	before := h.board().Version
	h.press("space", "x", "X", "g")
	if h.board().Version != before || h.m.choose != nil {
		t.Error("status keys changed something in the goals area")
	}
}

func TestLinkGoal(t *testing.T) {
	t.Parallel()
	h, a, _ := atAction(t, i18n.NL, "Koffie-afspraak")
	h.press("g")
	if h.m.choose == nil {
		t.Fatal("g did not open the goal chooser")
	}
	mustContain(t, h.plain(), "Koppel aan doel", "1  Zonder doel", "3  Snellere toewijzing arrangementen")
	if h.m.choose.cursor != 0 {
		t.Errorf("cursor %d, want 0 (no goal yet)", h.m.choose.cursor)
	}
	h.press("down", "down", "enter")
	got, _ := h.action(a.ID)
	g, _ := h.board().Goal(got.GoalID)
	if g.Title != "Snellere toewijzing arrangementen" {
		t.Fatalf("linked to %q", g.Title)
	}
	mustContain(t, h.plain(), "Gekoppeld aan Snellere toewijzing arrangementen")

	// The chooser opens on the current goal; a digit picks directly.
	h.press("g")
	if h.m.choose.cursor != 2 {
		t.Errorf("cursor %d, want 2 (the linked goal)", h.m.choose.cursor)
	}
	h.press("1")
	if got, _ = h.action(a.ID); got.GoalID != 0 {
		t.Errorf("1 did not unlink: %d", got.GoalID)
	}
	// esc leaves without a change.
	before := h.board().Version
	h.press("g", "esc")
	if h.m.choose != nil || h.board().Version != before {
		t.Error("esc in the chooser changed something")
	}
}

// actionRows counts the rows the actions panel draws on a narrow screen.
func actionRows(screen string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		for _, box := range []string{"[ ]", "[~]", "[x]", "[-]"} {
			if strings.Contains(l, box) {
				n++
				break
			}
		}
	}
	return n
}

func TestFilter(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 80, 24)
	if n := actionRows(h.plain()); n != 7 {
		t.Fatalf("unfiltered: %d rows\n%s", n, h.plain())
	}
	cases := []struct {
		pick  string
		rows  int
		title string
	}{
		{"2", 1, "Acties (1) · ! 1 te laat · filter: mijn acties"},
		{"3", 1, "Acties (1) · ! 1 te laat · filter: te laat"},
		{"4", 2, "Acties (2) · ! 1 te laat · filter: doel: Minder thuiszitters in de regio"},
		{"5", 2, "Acties (2) · ! 1 te laat · filter: doel: Snellere toewijzing"},
		{"6", 1, "Acties (1) · ! 1 te laat · filter: doel: Basisondersteuning zichtbaar"},
		{"1", 7, "Acties (7) · ! 1 te laat"},
	}
	for _, c := range cases {
		h.press("1") // another area first: the filter brings focus back
		h.press("f")
		mustContain(t, h.plain(), "1  alle acties", "2  mijn acties", "3  te laat", "4  doel: Minder thuiszitters")
		h.press(c.pick)
		screen := h.plain()
		if n := actionRows(screen); n != c.rows {
			t.Errorf("filter %s: %d rows, want %d\n%s", c.pick, n, c.rows, screen)
		}
		if h.focused() != board.AreaAction {
			t.Errorf("filter %s: focus %s", c.pick, h.focused())
		}
		mustContain(t, screen, c.title)
	}
	h.press("f", "3")
	mustContain(t, h.plain(), "Joost: Overzicht wachttijden")
	h.press("f", "2")
	mustContain(t, h.plain(), me+": Koffie-afspraak")

	// A new action under a goal filter gets that goal.
	h.press("f", "6", "a")
	if g := h.m.form.value("goal"); g != "Basisondersteuning zichtbaar op elke school" {
		t.Errorf("goal field %q under a goal filter", g)
	}
}

func TestCheckIn(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	week := board.WeekOf(today)
	mustContain(t, h.plain(), "nog niet: "+me+", Ingrid, Pieter") // not yet checked in
	cases := []struct {
		pick string
		mood board.Mood
		word string
		row  string
	}{
		{"1", board.MoodGood, "zonnig", ":-) " + me + " — goed · zonnig"},
		{"2", board.MoodSoSo, "druk", ":-| " + me + " — gaat wel · druk"},
		{"3", board.MoodNotOK, "moe", ":-( " + me + " — niet goed · moe"},
	}
	for _, c := range cases {
		h.press("c")
		if h.m.choose == nil {
			t.Fatal("c did not open the mood chooser")
		}
		mustContain(t, h.plain(), "1  :-) goed", "2  :-| gaat wel", "3  :-( niet goed")
		h.press(c.pick)
		if h.m.form == nil || h.m.form.title != h.m.msg.PickMood {
			t.Fatal("no word form after picking a mood")
		}
		h.fill("word", c.word)
		h.press("enter")
		if h.m.form != nil {
			t.Fatalf("check-in not saved: %q", h.m.form.err)
		}
		got, ok := h.board().CheckIn(me, week)
		if !ok || got.Mood != c.mood || got.Word != c.word {
			t.Errorf("after %s: %+v", c.pick, got)
		}
		if h.focused() != board.AreaCheckIn {
			t.Errorf("focus %s after check-in", h.focused())
		}
		mustContain(t, h.plain(), c.row, "Check-in: "+c.mood.Symbol())
	}
	mustContain(t, h.plain(), "nog niet: Ingrid, Pieter")
	// One check-in per week: the last one replaced the others.
	n := 0
	for _, c := range h.board().CheckIns {
		if c.Who == me {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d check-ins of mine", n)
	}
	// Undo puts the previous mood back.
	h.press("u")
	if got, _ := h.board().CheckIn(me, week); got.Mood != board.MoodSoSo || got.Word != "druk" {
		t.Errorf("undo check-in: %+v", got)
	}
	// a in the check-in area also checks in; the chooser starts on my mood.
	h.press("1", "a")
	if h.m.choose == nil || h.m.choose.cursor != 1 {
		t.Errorf("a in check-in: chooser %+v", h.m.choose)
	}
}

func TestMeasurement(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	h.press("3", "home")
	g, ok := h.m.board.selected().(*board.Goal)
	if !ok || g.Title != "Minder thuiszitters in de regio" {
		t.Fatalf("selected %+v", h.m.board.selected())
	}
	// The row starts with the goal's bar; goals_test.go checks what the
	// bar and the rest of the row say.
	barBefore := goalView{h.m.Common}.goalBar(g, today)
	mustContain(t, h.plain(), "›"+barBefore+" ")
	h.press("m")
	if h.m.form == nil || !strings.HasPrefix(h.m.form.title, h.m.msg.MeasureTitle) {
		t.Fatal("m did not open the measurement form")
	}
	mustContain(t, h.plain(), "Meting toevoegen: Minder thuiszitters", "vandaag", "→ ma 23 nov 2026")
	h.typeText("abc")
	mustRefuse(t, h, "value", "a non-number was accepted")
	// ParseFloat reads these, but no measurement can be them.
	for _, bad := range []string{"NaN", "inf", "-Infinity"} {
		h.fill("value", bad)
		mustRefuse(t, h, "value", bad+" was accepted as a measurement")
	}
	h.fill("value", "32,5")
	h.fill("note", "na de zomer")
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("not saved: %q", h.m.form.err)
	}
	got, _ := h.board().Goal(g.ID)
	ms := got.Indicator.Measurements
	if n := len(ms); n < 2 || ms[n-1].Value != 32.5 || !ms[n-1].Date.Equal(day(0)) || ms[n-1].Note != "na de zomer" {
		t.Errorf("measurements %+v", ms)
	}
	// The row's bar follows the new measurement.
	barAfter := goalView{h.m.Common}.goalBar(&got, today)
	if barAfter == barBefore {
		t.Errorf("the bar %s did not move with the measurement", barAfter)
	}
	mustContain(t, h.plain(), "›"+barAfter+" ")
	// m on an action does nothing.
	h.press("4", "m")
	if h.m.form != nil {
		t.Error("m opened a form on an action")
	}
}

func TestAddInOtherAreas(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	// A goal.
	h.press("3", "a")
	mustContain(t, h.plain(), "Doelen: nieuw", "Waarom", "Klaar op", "Streefwaarde")
	h.typeText("Minder verzuim")
	h.fill("by_when", "week 50")
	h.fill("unit", "procent")
	h.fill("baseline", "8")
	h.fill("target", "5")
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("goal not saved: %q %+v", h.m.form.err, h.m.form.fields)
	}
	// A success, a planning date, a parked topic.
	h.press("2", "a")
	h.typeText("Ouderavond goed bezocht")
	h.press("ctrl+s")
	h.press("5", "a")
	h.fill("date", "volgende week")
	h.fill("text", "Studiedag")
	h.press("ctrl+s")
	h.press("6", "a")
	h.typeText("Budget 2027")
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("form open: %q", h.m.form.err)
	}
	b := h.board()
	if len(b.Goals) != 4 || len(b.Successes) != 4 || len(b.Planning) != 5 || len(b.Parking) != 3 {
		t.Errorf("counts: %d goals, %d successes, %d planning, %d parking",
			len(b.Goals), len(b.Successes), len(b.Planning), len(b.Parking))
	}
	mustContain(t, h.plain(), "Minder verzuim", "★ Ouderavond goed bezocht — "+me, "30 nov Studiedag", "• Budget 2027")
	// Only one's own check-in can be deleted or edited.
	h.press("1", "home")
	before := h.board().Version
	h.press("d", "e")
	if h.board().Version != before || h.m.form != nil || h.m.choose != nil {
		t.Error("someone else's check-in could be changed")
	}
}

func TestHelpOverlay(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	h.press("?")
	if !h.m.showHelp {
		t.Fatal("? did not open help")
	}
	mustContain(t, h.plain(), "Toetsen", "koppel doel", "meting", "borden")
	// Any key closes it, and does nothing else.
	h.press("a")
	if h.m.showHelp || h.m.form != nil {
		t.Errorf("after a: help %v, form %v", h.m.showHelp, h.m.form != nil)
	}
	mustNotContain(t, h.plain(), "Toetsen")

	// At 80 columns every key is still listed, none cut off.
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		h, _ := demo(t, lang, 80, 24)
		h.press("?")
		msg := i18n.For(lang)
		for _, desc := range []string{msg.KeyAreas, msg.KeyMove, msg.KeyBoards, msg.KeyAdd, msg.KeyEdit, msg.KeyDelete,
			msg.KeyUndo, msg.KeyCheckIn, msg.KeyStatus, msg.KeyDone, msg.KeyDrop, msg.KeyGoal, msg.KeyMeasure,
			msg.KeyFilter, msg.KeyHelp, msg.KeyQuit} {
			mustContain(t, h.plain(), desc)
		}
		mustNotContain(t, h.plain(), "…│")
		checkSize(t, h, 80, 24)
	}
}

func TestBoardsKey(t *testing.T) {
	t.Parallel()
	h, _, demoInfo, other := onDemoOfTwo(t, 100, 30)
	if h.m.screen != screenBoard || h.m.b.ID != demoInfo.ID {
		t.Fatalf("Config.BoardID did not open the board\n%s", h.plain())
	}
	h.press("b")
	if h.m.screen != screenPicker {
		t.Fatalf("b: screen %d\n%s", h.m.screen, h.plain())
	}
	mustContain(t, h.plain(), "Kies een bord", "Team Oost — Bord Oost")
	h.press("esc") // back to the open board
	if h.m.screen != screenBoard || h.m.b.ID != demoInfo.ID {
		t.Fatal("esc did not go back to the board")
	}
	h.press("b", "down", "enter")
	if h.m.screen != screenBoard || h.m.b.ID != other.ID {
		t.Fatal("picking another board did not open it")
	}
}

func TestBoardsKeySingleBoard(t *testing.T) {
	t.Parallel()
	// With one board, b must still reach the picker, where n makes a second.
	h, _ := demo(t, i18n.NL, 100, 30)
	h.press("b")
	if h.m.screen != screenPicker {
		t.Fatalf("b with one board: screen %d, want the picker\n%s", h.m.screen, h.plain())
	}
	mustContain(t, h.plain(), "Kies een bord", "n nieuw bord")
	h.press("n")
	if h.m.form == nil || h.m.form.title != h.m.msg.NewBoard[3:] {
		t.Fatal("n in the picker did not open the new-board form")
	}
}

func TestTeamsLimitBoards(t *testing.T) {
	t.Parallel()
	// Over SSH a member sees only their teams' boards.
	s, _, other := twoBoards(t)
	h := start(t, s, Config{Store: s.For([]uint64{other.TeamID})}, 100, 30)
	if h.m.screen != screenBoard || h.m.b.ID != other.ID {
		t.Fatalf("the one visible board did not open\n%s", h.plain())
	}
	mustNotContain(t, h.plain(), store.DemoTeam)
}

func TestAutoJoin(t *testing.T) {
	t.Parallel()
	s, _, other := twoBoards(t)
	h := start(t, s, Config{User: "Lotte", BoardID: other.ID, AutoJoin: true}, 100, 30)
	if h.m.screen != screenBoard || !h.m.b.Team.HasMember("Lotte") {
		t.Fatalf("not joined\n%s", h.plain())
	}
}

func TestMouseWide(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	// 140x40: three panels of 46, 46, 48 in the top band from y=1, whose
	// height follows what they hold; then actions 70 wide, and 35 and 35.
	// Rows wrap, so a row's line is looked up, not counted.
	rowAt := func(a board.Area, row int) (x, y int) {
		rects, _ := h.m.board.layout()
		for _, r := range rects {
			if r.area == a {
				_, lineRow := h.m.board.areaLines(r)
				return r.x + 5, r.y + 1 + slices.Index(lineRow, row)
			}
		}
		t.Fatalf("no panel for %s", a)
		return 0, 0
	}
	top, _ := h.m.board.layout()
	bottom := top[3].y
	h.click(rowAt(board.AreaAction, 2)) // third row of the actions
	if h.focused() != board.AreaAction || h.m.board.sel[board.AreaAction] != 2 {
		t.Fatalf("click in actions: %s row %d", h.focused(), h.m.board.sel[board.AreaAction])
	}
	x, y := rowAt(board.AreaGoal, 1)
	h.click(x+20, y+1) // the second goal's second line
	if h.focused() != board.AreaGoal || h.m.board.sel[board.AreaGoal] != 1 {
		t.Fatalf("click in goals: %s row %d", h.focused(), h.m.board.sel[board.AreaGoal])
	}
	mustContain(t, h.plain(), "┏━ ▶ Doelen (3)", "›▕")
	h.click(10, 1+1+1) // first check-in row, under the line of who is missing
	c, ok := h.m.board.selected().(*board.CheckIn)
	if h.focused() != board.AreaCheckIn || !ok || c.Who != "Ahmed" {
		t.Fatalf("click in check-in: %s %+v", h.focused(), h.m.board.selected())
	}
	h.click(120, bottom+12) // parking, below its rows: focus, keep the row
	if h.focused() != board.AreaParking || h.m.board.sel[board.AreaParking] != 0 {
		t.Fatalf("click in parking: %s row %d", h.focused(), h.m.board.sel[board.AreaParking])
	}
	h.click(80, bottom+1) // planning, first row
	if h.focused() != board.AreaPlanning || h.m.board.sel[board.AreaPlanning] != 0 {
		t.Fatalf("click in planning: %s", h.focused())
	}
	// Clicks on the header, or under an open form, change nothing.
	h.click(5, 0)
	if h.focused() != board.AreaPlanning {
		t.Error("a click on the header moved the focus")
	}
	h.press("a")
	h.click(5, 18)
	if h.focused() != board.AreaPlanning || h.m.form == nil {
		t.Error("a click through a form moved the focus")
	}
}

func TestMouseNarrow(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 80, 24)
	tabs := strings.Split(h.plain(), "\n")[1]
	for i, name := range []string{"1 Check-in", "2 Successen", "3 Doelen", "4 Acties", "5 Planning", "6 Parkeerplaats"} {
		at := strings.Index(tabs, name)
		if at < 0 {
			t.Fatalf("tab %q not in %q", name, tabs)
		}
		h.click(ansi.StringWidth(tabs[:at])+1, 1)
		if h.m.board.area != i {
			t.Fatalf("click on tab %q: area %d", name, h.m.board.area)
		}
		tabs = strings.Split(h.plain(), "\n")[1]
		if !strings.Contains(tabs, "["+name+"]") {
			t.Errorf("tab %q not shown as active: %q", name, tabs)
		}
	}
	// In the narrow layout the panel starts at y=2; its rows at y=3.
	h.click(1, 2)
	h.click(10, 3+1)
	if h.focused() != board.AreaParking || h.m.board.sel[board.AreaParking] != 1 {
		t.Errorf("click on the second parking row: %s row %d", h.focused(), h.m.board.sel[board.AreaParking])
	}
}

func TestLiveUpdate(t *testing.T) {
	t.Parallel()
	h, sanne, info := atAction(t, i18n.NL, "Checklist aanvraag")
	// Someone else adds an action that sorts above the selection.
	_, err := h.s.Add("Fatima", info.ID, &board.Action{What: "Live van Fatima", Who: "Fatima", When: day(1)})
	if err != nil {
		t.Fatal(err)
	}
	mustNotContain(t, h.plain(), "Live van Fatima") // not yet: nothing told the model
	h.awaitChange()
	mustContain(t, h.plain(), "Fatima: Live van Fatima", "Acties (8)")
	if h.selectedAction().ID != sanne.ID {
		t.Error("a colleague's change moved the selection")
	}
	// And again: the watch goes on after each notice.
	if _, err := h.s.SetCheckIn("Ingrid", info.ID, board.MoodGood, "uitgerust"); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	mustContain(t, h.plain(), ":-) Ingrid — goed · uitgerust", "nog niet: "+me+", Pieter")
	// Our own changes reach the watch too, and are harmless there.
	h.press("x")
	if _, err := h.s.Add("Joost", info.ID, &board.Parking{Text: "Live geparkeerd"}); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	for !strings.Contains(h.plain(), "Live geparkeerd") {
		h.awaitChange()
	}
}

func TestLiveUpdateKeepsForm(t *testing.T) {
	t.Parallel()
	h, info := adding(t, i18n.NL)
	h.typeText("Half getypt")
	if _, err := h.s.Add("Fatima", info.ID, &board.Parking{Text: "Tussendoor"}); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	if h.m.form == nil || h.m.form.value("what") != "Half getypt" {
		t.Fatal("a colleague's change disturbed the open form")
	}
	mustContain(t, h.plain(), "Half getypt")
	h.press("esc", "1")
	mustContain(t, h.plain(), "Parkeerplaats (3)", "• Tussendoor")
}

func TestEscapesNeverReachTheScreen(t *testing.T) {
	t.Parallel()
	const evil = "\x1b]52;c;aGk=\x07x\x1b[2J"
	check := func(t *testing.T, h *harness, when string) {
		t.Helper()
		v := h.view()
		for _, bad := range []string{"\x1b]52", "\x1b[2J", "\x07"} {
			if strings.Contains(v, bad) {
				t.Errorf("%s: view holds %q", when, bad)
			}
		}
	}
	h, _ := adding(t, i18n.NL)
	h.typeText(evil) // as single key presses
	check(t, h, "typed")
	h.press("ctrl+u")
	h.send(tea.KeyPressMsg{Code: tea.KeyExtended, Text: evil}) // as one key holding all the text
	check(t, h, "one key")
	h.fill("when", "morgen")
	h.press("ctrl+s")
	if h.m.form != nil {
		t.Fatalf("not saved: %q", h.m.form.err)
	}
	check(t, h, "saved")
	for _, a := range h.board().Actions {
		if strings.ContainsAny(a.What, "\x1b\x07") {
			t.Errorf("stored %q", a.What)
		}
	}
	// Pasted into a parked topic.
	h.press("6", "a")
	h.send(tea.PasteMsg{Content: evil + "\n" + evil})
	check(t, h, "pasted")
	h.press("ctrl+s")
	check(t, h, "pasted and saved")
}

func TestAddHiddenByFilterDoesNotJumpLater(t *testing.T) {
	t.Parallel()
	// An action added for someone else under the "mine" filter is not on
	// screen; the focus must not jump to it later, when it shows up.
	h, info := demo(t, i18n.NL, 140, 40)
	h.press("f", "2", "a")
	h.typeText("Voor Fatima")
	h.fill("who", "Fatima")
	h.fill("when", "morgen")
	h.press("ctrl+s")
	a, ok := h.actionByWhat("Voor Fatima")
	if !ok || h.m.form != nil {
		t.Fatal("not saved")
	}
	h.press("f", "1", "2", "down") // all actions again; the user moves on to the successes
	if _, err := h.s.Add("Joost", info.ID, &board.Parking{Text: "Later"}); err != nil {
		t.Fatal(err)
	}
	h.awaitChange()
	if h.focused() != board.AreaSuccess || h.m.board.sel[board.AreaSuccess] != 1 {
		t.Errorf("a colleague's change moved the focus to %s row %d (the hidden new action is %d)",
			h.focused(), h.m.board.sel[h.focused()], a.ID)
	}
}

// saveAfterOther edits the selected action while Fatima changes it, and
// saves: the save meets her change (a conflict).
func saveAfterOther(t *testing.T, h *harness, boardID uint64) {
	t.Helper()
	a := h.selectedAction()
	h.press("e")
	a.What = "Iets anders"
	if _, err := h.s.Update("Fatima", boardID, &a); err != nil {
		t.Fatal(err)
	}
	h.press("ctrl+s")
}

func TestFormMessagesNotCut(t *testing.T) {
	t.Parallel()
	// At the usual 80 columns, long messages in a form wrap instead of
	// losing their end (which says what to do).
	h, info := demo(t, i18n.NL, 80, 24)
	saveAfterOther(t, h, info.ID)
	mustContain(t, h.plain(), "Jouw tekst staat hieronder", "nog.", "of esc om de hunne te", "houden.")
	mustNotContain(t, h.plain(), "…│") // no line of the form is cut
	h.press("esc", "a")
	h.fill("when", "ooit")
	h.press("ctrl+s")
	mustContain(t, h.plain(), `✗ "ooit" begrijp ik niet als datum.`, "50.")
	mustNotContain(t, h.plain(), "…│")
	checkSize(t, h, 80, 24)
}

// Undo acts on the board where the change was made. Opening a board starts
// a new undo list, but a write's result can arrive just after the user
// switched boards: its undo must not then act on the new board, where the
// same item id is another item.
func TestUndoStaysOnItsBoard(t *testing.T) {
	t.Parallel()
	h, s, demoInfo, other := onDemoOfTwo(t, 140, 40)
	demoAction := h.selectAction("Format schoolondersteuningsprofiel")
	var oost board.Item
	for oost == nil || oost.Base().ID < demoAction.ID {
		a, err := s.Add(me, other.ID, &board.Action{What: "Oost", Who: me, When: day(3)})
		if err != nil {
			t.Fatal(err)
		}
		oost = a
	}
	if oost.Base().ID != demoAction.ID {
		t.Fatalf("ids %d and %d: the test needs the same id on both boards", oost.Base().ID, demoAction.ID)
	}
	h.press("b", "down", "enter")
	if h.m.b.ID != other.ID {
		t.Fatal("picking another board did not open it")
	}
	// A late result of a delete made on the demo board.
	late := &undoOp{board: demoInfo.ID, kind: undoDelete, area: board.AreaAction, id: demoAction.ID, seen: demoAction.Version, label: demoAction.What}
	h.send(doneMsg{status: "late", undo: late})
	h.press("u")
	if _, ok := h.action(oost.Base().ID); !ok {
		t.Fatal("u on Bord Oost deleted Bord Oost's action with the demo action's id")
	}
	mustContain(t, h.plain(), "Niets om ongedaan te maken")
}
