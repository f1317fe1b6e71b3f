package commands_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/cmd/commands"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest/storefix"
	"github.com/verbeterbord/bord/tui/i18n"
)

// calNow is the fixed today of the calendar tests.
var calNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// calendarStore is a board with a plan item, a bordsessie, a
// retrospective and an arena.
func calendarStore(t *testing.T) (*store.Store, board.Info, *board.PlanItem) {
	t.Helper()
	now := calNow
	s := storefix.Open(t, store.Options{Now: func() time.Time { return now }})
	info := storefix.TeamBoard(t, s, "Marieke", "Team", "Bord", "Marieke", "Joost")
	it, err := s.Add("Marieke", info.ID, &board.PlanItem{Date: now.AddDate(0, 0, 3), Text: "Studiedag", Who: "Joost"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartMeeting("Marieke", info.ID, 15*time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateRetro("Marieke", info.ID, "Gedrag", "", nil, time.Time{}, time.Time{}, false, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateArena("Marieke", info.ID, "Uitleg", now.AddDate(0, 0, 10), "groep 7", 6, "Marieke", nil, 0); err != nil {
		t.Fatal(err)
	}
	return s, info, it.(*board.PlanItem)
}

// exportCalendar runs `export --what planning --format ics` as a member
// over SSH would, and parses the answer back with the library.
func exportCalendar(t *testing.T, s *store.Store, teams []uint64, lang i18n.Lang) (*ics.Calendar, string) {
	t.Helper()
	out, err := runAs(s, teams, lang, "export", "--what", "planning", "--format", "ics")
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the export does not parse: %v\n%s", err, out)
	}
	return cal, out
}

// runAs runs a command as Marieke, a member of teams, over SSH would; it
// returns what the command wrote and its error.
func runAs(s *store.Store, teams []uint64, lang i18n.Lang, args ...string) (string, error) {
	env := &commands.Env{View: commands.Teams(s, teams), Who: commands.Identity{Name: "Marieke", Known: true},
		Msg: i18n.For(lang), Now: func() time.Time { return calNow }}
	var out, errOut bytes.Buffer
	err := commands.Run(env, args, &out, &errOut)
	return out.String(), err
}

func uids(cal *ics.Calendar) map[string]string {
	out := map[string]string{}
	for _, e := range cal.Events() {
		out[e.Id()] = e.GetProperty(ics.ComponentPropertySummary).Value
	}
	return out
}

// The planning exports as iCalendar with one event per date, and every
// event keeps its UID across exports and edits, so a calendar that imports
// the file again updates instead of doubling.
func TestPlanningCalendarUIDsStable(t *testing.T) {
	s, info, plan := calendarStore(t)
	first, _ := exportCalendar(t, s, []uint64{info.TeamID}, i18n.NL)
	got := uids(first)
	if len(got) != 4 {
		t.Fatalf("want 4 events (plan item, bordsessie, retro, arena), got %v", got)
	}
	var summaries []string
	for _, v := range got {
		summaries = append(summaries, v)
	}
	slices.Sort(summaries)
	want := []string{"Bordsessie · Bord", "Leerlingarena: Uitleg", "Retrospective: Gedrag", "Studiedag"}
	if !slices.Equal(summaries, want) {
		t.Fatalf("summaries %q, want %q", summaries, want)
	}
	for _, e := range first.Events() {
		if strings.Contains(e.GetProperty(ics.ComponentPropertySummary).Value, "Bordsessie") {
			if r := e.GetProperty(ics.ComponentPropertyRrule); r == nil || r.Value != "FREQ=WEEKLY" {
				t.Errorf("the bordsessie does not repeat weekly: %v", r)
			}
			// At 09:00 UTC in November: 10:00 in Amsterdam, in the zone
			// the calendar file describes, so summer time keeps 10:00.
			if _, err := time.LoadLocation("Europe/Amsterdam"); err == nil {
				start, err := e.GetStartAt()
				if err != nil || !start.Equal(calNow) || len(first.Timezones()) != 1 {
					t.Errorf("the bordsessie starts %v (%v), want %v in a described zone (%d zones)", start, err, calNow, len(first.Timezones()))
				}
			}
		}
	}
	second, _ := exportCalendar(t, s, []uint64{info.TeamID}, i18n.NL)
	if !mapsEqualKeys(got, uids(second)) {
		t.Fatalf("UIDs changed between two exports: %v vs %v", got, uids(second))
	}
	plan.Text, plan.Date = "Studiedag (verzet)", calNow.AddDate(0, 0, 5)
	if _, err := s.Update("Marieke", info.ID, plan); err != nil {
		t.Fatal(err)
	}
	third, _ := exportCalendar(t, s, []uint64{info.TeamID}, i18n.NL)
	after := uids(third)
	if !mapsEqualKeys(got, after) {
		t.Fatalf("an edit changed the UIDs: %v vs %v", got, after)
	}
	for _, e := range third.Events() {
		if after[e.Id()] != "Studiedag (verzet)" {
			continue
		}
		if seq := e.GetProperty(ics.ComponentPropertySequence); seq == nil || seq.Value != "2" {
			t.Errorf("the edited item's SEQUENCE is %v, want 2", seq)
		}
		if d, err := e.GetAllDayStartAt(); err != nil || d.Day() != 28 {
			t.Errorf("the edited date: %v %v", d, err)
		}
	}
}

func mapsEqualKeys(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

// A member's calendar holds only their teams' dates; another team's
// board is not in it.
func TestPlanningCalendarOnlyOwnTeams(t *testing.T) {
	s, info, _ := calendarStore(t)
	other, err := s.CreateTeam("Marieke", "Ander team", "Marieke")
	if err != nil {
		t.Fatal(err)
	}
	cal, _ := exportCalendar(t, s, []uint64{other.ID}, i18n.EN)
	if n := len(cal.Events()); n != 0 {
		t.Fatalf("a member of another team sees %d events of board %d", n, info.ID)
	}
}

// Formats that do not fit what is asked are refused with what to type
// instead, in both languages; nothing is written.
func TestPlanningFormatRefused(t *testing.T) {
	s, info, _ := calendarStore(t)
	checkRefused(t, s, info.TeamID, []refusal{
		{i18n.NL, []string{"export", "--format", "ics"}, "--what planning --format ics"},
		{i18n.EN, []string{"export", "--what", "planning"}, "add --format ics"},
		{i18n.NL, []string{"export", "--format", "json"}, "alleen op de server"},
		{i18n.EN, []string{"export", "--format", "pdf"}, `--format "pdf": use md`},
		{i18n.EN, []string{"export", "--what", "planning", "--format", "ics", "--board", "Nope"}, "Nope"},
	})
}

// refusal is a command that must fail with an error holding want, and
// write nothing.
type refusal struct {
	lang i18n.Lang
	args []string
	want string
}

func checkRefused(t *testing.T, s *store.Store, team uint64, cases []refusal) {
	t.Helper()
	for _, tc := range cases {
		out, err := runAs(s, []uint64{team}, tc.lang, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) || out != "" {
			t.Errorf("%v: %v (wrote %q), want an error with %q", tc.args, err, out, tc.want)
		}
	}
}

// The next arena of a recurring one is announced by its planning item:
// one event for it, not two.
func TestPlanningCalendarRecurringArenaOnce(t *testing.T) {
	s, info, _ := calendarStore(t)
	b, err := s.Board(info.ID)
	if err != nil {
		t.Fatal(err)
	}
	a := b.Arenas[0]
	for _, op := range []board.ArenaOp{{Kind: board.OpRepeat, Delta: 12},
		{Kind: board.OpReportBack, Text: "in de klas", Date: calNow, PlanText: "Leerlingarena: Uitleg"}} {
		if _, err := s.ChangeArena("Marieke", info.ID, a.ID, op); err != nil {
			t.Fatal(err)
		}
	}
	cal, _ := exportCalendar(t, s, []uint64{info.TeamID}, i18n.NL)
	n := 0
	for _, e := range cal.Events() {
		if strings.Contains(e.GetProperty(ics.ComponentPropertySummary).Value, "Uitleg") {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d events for the arena and its next one, want 2 (the held one, the planning item)", n)
	}
}

// A guest code is made for an open retrospective or arena by the start of
// its topic; what cannot be made says why and what is open, in both
// languages, and makes no code.
func TestGuestInviteCommand(t *testing.T) {
	s, info, _ := calendarStore(t)
	checkRefused(t, s, info.TeamID, []refusal{
		{i18n.NL, []string{"invite", "--retro", "Rekenen"}, "open zijn: Gedrag"},
		{i18n.EN, []string{"invite", "--arena", "Rekenen"}, "open ones: Uitleg"},
		{i18n.EN, []string{"invite", "--retro", "Gedrag", "--arena", "Uitleg"}, "not both"},
		{i18n.NL, []string{"invite", "--retro", "Gedrag", "--ttl", "0s"}, "--ttl"},
		{i18n.NL, []string{"invite", "--retro", "Gedrag", "--board", "Nope"}, "Nope"},
	})
	out, err := runAs(s, []uint64{info.TeamID}, i18n.EN, "invite", "--retro", "ged")
	if err != nil || !strings.Contains(out, "guest in Gedrag") {
		t.Fatalf("invite --retro ged: %q %v", out, err)
	}
	if _, err := s.RedeemInvite(strings.Fields(out)[0], "SHA256:gast", "Gina"); err != nil {
		t.Fatalf("the code does not work: %v", err)
	}
	if g, ok := s.IdentifyGuest("SHA256:gast"); !ok || g.Scope.Kind != store.GuestRetro {
		t.Fatalf("the code made %+v, %v; want a guest of the retrospective", g, ok)
	}
}
