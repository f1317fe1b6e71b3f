package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// textKind is one kind of board item with its main text field, so the
// conflict tests run the same story for every area a user edits.
type textKind struct {
	name string
	new  func(f *fixture) board.Item
	get  func(board.Item) string
	set  func(board.Item, string)
}

var textKinds = []textKind{
	{"action",
		func(f *fixture) board.Item { return f.action("Rooster pauzedienst maken", "Bram", 3) },
		func(it board.Item) string { return it.(*board.Action).What },
		func(it board.Item, s string) { it.(*board.Action).What = s }},
	{"goal",
		func(f *fixture) board.Item { return &board.Goal{Title: "Begrijpend lezen", ByWhen: f.clk.Day(35)} },
		func(it board.Item) string { return it.(*board.Goal).Title },
		func(it board.Item, s string) { it.(*board.Goal).Title = s }},
	{"success",
		func(f *fixture) board.Item { return &board.Success{Text: "Ouderavond goed bezocht", Who: "Anna"} },
		func(it board.Item) string { return it.(*board.Success).Text },
		func(it board.Item, s string) { it.(*board.Success).Text = s }},
	{"planning",
		func(f *fixture) board.Item { return &board.PlanItem{Date: f.clk.Day(10), Text: "Studiedag"} },
		func(it board.Item) string { return it.(*board.PlanItem).Text },
		func(it board.Item, s string) { it.(*board.PlanItem).Text = s }},
	{"parking",
		func(f *fixture) board.Item { return &board.Parking{Text: "Hoe betrekken we ouders?"} },
		func(it board.Item) string { return it.(*board.Parking).Text },
		func(it board.Item, s string) { it.(*board.Parking).Text = s }},
}

// readTwice plays two users opening the same item: both get their own copy
// of it from the same snapshot, at the same version.
func readTwice(t *testing.T, f *fixture, area board.Area, id uint64) (a, b board.Item) {
	t.Helper()
	seen := f.snap(t).Find(area, id)
	if seen == nil {
		t.Fatalf("%s %d not in snapshot", area, id)
	}
	return clone(seen), clone(seen)
}

// auditLen is the number of audit records of the fixture's board.
func auditLen(t *testing.T, f *fixture) int {
	t.Helper()
	recs, err := f.s.Audit(f.board.ID, 0)
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	return len(recs)
}

// wantConflict checks that err is a conflict caused by "by", with the item
// as it is now (text, version) attached for the editor to show.
func wantConflict(t *testing.T, err error, k textKind, by, text string, version uint64) {
	t.Helper()
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("err = %v, want ErrConflict", err)
	}
	var ce *store.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %T %v, want *ConflictError", err, err)
	}
	if ce.By != by {
		t.Errorf("ConflictError.By = %q, want %q", ce.By, by)
	}
	if ce.Current == nil {
		t.Fatalf("ConflictError.Current is nil")
	}
	if got := k.get(ce.Current); got != text {
		t.Errorf("ConflictError.Current text = %q, want %q", got, text)
	}
	if got := ce.Current.Base().Version; got != version {
		t.Errorf("ConflictError.Current version = %d, want %d", got, version)
	}
}

// TestConflictUpdate: two users edit the same item from the same version;
// the second save is refused with who changed it and what it says now, and
// nothing of the second user's is written (no silent lost update).
func TestConflictUpdate(t *testing.T) {
	for _, k := range textKinds {
		t.Run(k.name, func(t *testing.T) {
			f := newFixture(t)
			added := f.add(t, "Anna", k.new(f))
			a, b := readTwice(t, f, added.Area(), added.Base().ID)
			v := a.Base().Version

			f.clk.Add(time.Minute)
			k.set(a, "Tekst van Chris")
			saved, err := f.s.Update("Chris", f.board.ID, a)
			if err != nil {
				t.Fatalf("first Update: %v", err)
			}
			if saved.Base().Version != v+1 || saved.Base().UpdatedBy != "Chris" {
				t.Fatalf("saved meta = %+v, want version %d by Chris", *saved.Base(), v+1)
			}
			before := f.snap(t)
			records := auditLen(t, f)

			k.set(b, "Tekst van Bram")
			_, err = f.s.Update("Bram", f.board.ID, b)
			wantConflict(t, err, k, "Chris", "Tekst van Chris", v+1)
			var ce *store.ConflictError
			errors.As(err, &ce)
			if !ce.At.Equal(f.clk.Now()) {
				t.Errorf("ConflictError.At = %v, want %v", ce.At, f.clk.Now())
			}

			after := f.snap(t)
			if after.Version != before.Version {
				t.Errorf("board version %d → %d after a refused update", before.Version, after.Version)
			}
			if got := k.get(after.Find(added.Area(), added.Base().ID)); got != "Tekst van Chris" {
				t.Errorf("stored text = %q after refused update, want Chris's", got)
			}
			if n := auditLen(t, f); n != records {
				t.Errorf("audit grew from %d to %d on a refused update", records, n)
			}

			// The editor keeps Bram's text; saving it again on top of the
			// version he has now been shown succeeds.
			b.Base().Version = ce.Current.Base().Version
			if _, err := f.s.Update("Bram", f.board.ID, b); err != nil {
				t.Fatalf("Update after seeing the conflict: %v", err)
			}
			if got := k.get(f.snap(t).Find(added.Area(), added.Base().ID)); got != "Tekst van Bram" {
				t.Errorf("stored text = %q, want Bram's after his retry", got)
			}
		})
	}
}

// TestConflictDelete: deleting an item someone else changed since you saw it
// is refused the same way; deleting what you did see works, and a second
// delete or an edit of a deleted item says it is gone.
func TestConflictDelete(t *testing.T) {
	for _, k := range textKinds {
		t.Run(k.name, func(t *testing.T) {
			f := newFixture(t)
			added := f.add(t, "Anna", k.new(f))
			area, id := added.Area(), added.Base().ID
			a, b := readTwice(t, f, area, id)
			v := a.Base().Version

			k.set(a, "Tekst van Chris")
			if _, err := f.s.Update("Chris", f.board.ID, a); err != nil {
				t.Fatalf("Update: %v", err)
			}
			before := f.snap(t).Version

			err := f.s.Delete("Bram", f.board.ID, area, id, v)
			wantConflict(t, err, k, "Chris", "Tekst van Chris", v+1)
			snap := f.snap(t)
			if snap.Find(area, id) == nil {
				t.Fatalf("item deleted by a stale delete")
			}
			if snap.Version != before {
				t.Errorf("board version %d → %d after a refused delete", before, snap.Version)
			}

			if err := f.s.Delete("Bram", f.board.ID, area, id, v+1); err != nil {
				t.Fatalf("Delete at current version: %v", err)
			}
			if f.snap(t).Find(area, id) != nil {
				t.Fatalf("item still there after Delete")
			}
			if err := f.s.Delete("Bram", f.board.ID, area, id, v+1); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("second Delete: err = %v, want ErrNotFound", err)
			}
			k.set(b, "Tekst van Bram")
			if _, err := f.s.Update("Bram", f.board.ID, b); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("Update of deleted item: err = %v, want ErrNotFound", err)
			}
		})
	}
}

// TestAddsNeverConflict: adding a card is commutative, so two users who saw
// the same board version both get their card, also when they add at once.
func TestAddsNeverConflict(t *testing.T) {
	f := newFixture(t)
	seen := f.snap(t).Version
	a := f.add(t, "Anna", &board.Parking{Text: "Kaart van Anna"})
	b := f.add(t, "Bram", &board.Parking{Text: "Kaart van Bram"})
	if a.Base().ID == b.Base().ID {
		t.Fatalf("both adds got id %d", a.Base().ID)
	}

	const per = 10
	var wg sync.WaitGroup
	errs := make(chan error, 2*per)
	for _, who := range []string{"Anna", "Bram"} {
		wg.Go(func() {
			for i := range per {
				_, err := f.s.Add(who, f.board.ID, f.action(who+" actie "+string(rune('a'+i)), who, 1))
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent Add: %v", err)
		}
	}

	snap := f.snap(t)
	if len(snap.Parking) != 2 || len(snap.Actions) != 2*per {
		t.Fatalf("board has %d parking, %d actions; want 2, %d", len(snap.Parking), len(snap.Actions), 2*per)
	}
	ids := map[uint64]bool{}
	for _, a := range snap.Actions {
		if ids[a.ID] {
			t.Errorf("action id %d handed out twice", a.ID)
		}
		ids[a.ID] = true
	}
	if want := seen + 2 + 2*per; snap.Version != want {
		t.Errorf("board version = %d, want %d (one per add)", snap.Version, want)
	}
}

// TestValidation: the store refuses invalid items with a ValidationError the
// message catalog can word, and writes nothing for them.
func TestValidation(t *testing.T) {
	f := newFixture(t)
	goal := f.add(t, "Anna", &board.Goal{Title: "Rekenen", ByWhen: f.clk.Day(30)})
	tests := []struct {
		name                  string
		item                  board.Item
		field, problem, value string
	}{
		{"empty what", f.action("   ", "Anna", 1), "what", board.ProblemEmpty, ""},
		{"what only an escape", f.action("\x1b[2J\x1b]0;x\x07", "Anna", 1), "what", board.ProblemEmpty, ""},
		{"no owner", f.action("Iets", "", 1), "who", board.ProblemEmpty, ""},
		{"unknown owner", f.action("Iets", "Dirk", 1), "who", board.ProblemUnknownOwner, "Dirk"},
		{"past date", f.action("Iets", "Anna", -1), "when", board.ProblemPastDate, ""},
		{"no date", &board.Action{What: "Iets", Who: "Anna"}, "when", board.ProblemNoDate, ""},
		{"unknown goal", &board.Action{What: "Iets", Who: "Anna", When: f.clk.Day(1), GoalID: goal.Base().ID + 7}, "goal", board.ProblemBadValue, ""},
		{"bad status", &board.Action{What: "Iets", Who: "Anna", When: f.clk.Day(1), Status: "busy"}, "status", board.ProblemBadValue, ""},
		{"goal past date", &board.Goal{Title: "Oud doel", ByWhen: f.clk.Day(-7)}, "by_when", board.ProblemPastDate, ""},
		{"planning past date", &board.PlanItem{Text: "Gisteren", Date: f.clk.Day(-1)}, "date", board.ProblemPastDate, ""},
		{"success unknown who", &board.Success{Text: "Mooi", Who: "Eva"}, "who", board.ProblemUnknownOwner, "Eva"},
		{"empty parking", &board.Parking{Text: "\n\t "}, "text", board.ProblemEmpty, ""},
	}
	sub := f.s.Subscribe(f.board.ID)
	defer sub.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.snap(t)
			_, err := f.s.Add("Anna", f.board.ID, tt.item)
			v, ok := board.AsValidation(err)
			if !ok {
				t.Fatalf("err = %v, want a *board.ValidationError", err)
			}
			if v.Field != tt.field || v.Problem != tt.problem || v.Value != tt.value {
				t.Errorf("got {%s %s %q}, want {%s %s %q}", v.Field, v.Problem, v.Value, tt.field, tt.problem, tt.value)
			}
			after := f.snap(t)
			if after.Version != before.Version || after.Count(tt.item.Area()) != before.Count(tt.item.Area()) {
				t.Errorf("refused add changed the board: version %d → %d", before.Version, after.Version)
			}
			select {
			case v := <-sub.C:
				t.Errorf("refused add published version %d", v)
			default:
			}
		})
	}

	// Owners are matched case-insensitively and stored as the member is named.
	got := f.add(t, "Anna", f.action("Iets", " bRAM ", 1)).(*board.Action)
	if got.Who != "Bram" {
		t.Errorf("Who = %q, want the member's own spelling Bram", got.Who)
	}
}

// TestUpdateKeepsPastDate: a new action may not be due in the past, but an
// existing action whose day has passed can still be edited (marked done,
// reworded) without moving its date.
func TestUpdateKeepsPastDate(t *testing.T) {
	f := newFixture(t)
	added := f.add(t, "Anna", f.action("Toetsen nakijken", "Anna", 4)).(*board.Action)
	due := added.When

	f.clk.Add(14 * 24 * time.Hour)
	edit := clone(f.snap(t).Find(board.AreaAction, added.ID)).(*board.Action)
	if !edit.Overdue(f.clk.Now()) {
		t.Fatalf("test setup: action should be overdue now")
	}
	edit.Status = board.StatusDone
	saved, err := f.s.Update("Anna", f.board.ID, edit)
	if err != nil {
		t.Fatalf("Update of an overdue action: %v", err)
	}
	got := saved.(*board.Action)
	if !got.When.Equal(due) || got.Status != board.StatusDone || !got.DoneAt.Equal(f.clk.Now()) {
		t.Errorf("saved = when %v status %s done %v; want when %v, done now", got.When, got.Status, got.DoneAt, due)
	}

	// The same past date on a new action is still refused.
	_, err = f.s.Add("Anna", f.board.ID, &board.Action{What: "Nieuw", Who: "Anna", When: due})
	if v, ok := board.AsValidation(err); !ok || v.Problem != board.ProblemPastDate {
		t.Errorf("Add with past date: err = %v, want past_date", err)
	}
}

// TestSanitizedOnWrite: whatever a client types, what lands in the file (and
// so in every other user's terminal) has no escape sequences, controls or
// bidi overrides. The snapshot is read back from the file, so it shows what
// was stored.
func TestSanitizedOnWrite(t *testing.T) {
	const hostile = "\x1b]52;c;aGk=\x07hi\x1b[2J" // OSC 52 clipboard write, then clear screen
	f := newFixture(t)

	team, err := f.s.CreateTeam("Anna", "Team\x1b[31m Rood\u202e", "Eva\x07", hostile)
	if err != nil {
		t.Fatalf("CreateTeam: %v", err)
	}
	if team.Name != "Team Rood" || !reflect.DeepEqual(team.MemberNames(), []string{"Eva", "hi"}) {
		t.Errorf("team = %q %q, want \"Team Rood\" [Eva hi]", team.Name, team.MemberNames())
	}
	info, err := f.s.CreateBoard("Anna", team.ID, "Bord\r\n"+hostile)
	if err != nil {
		t.Fatalf("CreateBoard: %v", err)
	}
	if info.Name != "Bord hi" {
		t.Errorf("board name = %q, want %q", info.Name, "Bord hi")
	}
	if _, err := f.s.AddMember("Anna", f.team.ID, "Dirk\x1b[2J\u2066"); err != nil {
		t.Fatalf("AddMember: %v", err)
	}

	f.add(t, "Anna", &board.Action{What: hostile, Who: "Anna", When: f.clk.Day(1)})
	f.add(t, "Anna", &board.Parking{Text: "Ouders\x1b[31m betrekken\r\nbij OPP\u202e\u009b2J"})
	f.add(t, "Anna", &board.Success{Text: "Goed\bgedaan\x1bc!"})
	if _, err := f.s.SetCheckIn("Dirk", f.board.ID, board.MoodGood, "blij\x1b[5m"); err != nil {
		t.Fatalf("SetCheckIn for the new member: %v", err)
	}

	snap := f.snap(t)
	checks := []struct{ field, got, want string }{
		{"action what", snap.Actions[0].What, "hi"},
		{"parking text", snap.Parking[0].Text, "Ouders betrekken\nbij OPP2J"},
		{"success text", snap.Successes[0].Text, "Goedgedaan!"},
		{"member", snap.Team.Members[3].Name, "Dirk"},
		{"check-in who", snap.CheckIns[0].Who, "Dirk"},
		{"check-in word", snap.CheckIns[0].Word, "blij"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}

	// The audit log is a file others read too.
	recs, err := f.s.Audit(f.board.ID, 0)
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	for _, r := range recs {
		for _, s := range []string{r.Label, string(r.After), string(r.Before)} {
			if strings.ContainsAny(s, "\x1b\x07\u009b\u202e") || strings.Contains(s, `\u001b`) || strings.Contains(s, `\u0007`) {
				t.Errorf("audit record %d holds an escape: %q", r.Seq, s)
			}
		}
	}
}

// TestReopen: everything written survives Close and Open unchanged,
// versions included, and ids handed out later never reuse an old one, not
// even the id of a deleted item.
func TestReopen(t *testing.T) {
	clk := newClock()
	path := filepath.Join(t.TempDir(), "bord.db")
	s, err := store.Open(path, store.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{s: s, clk: clk, path: path}
	if f.team, err = s.CreateTeam("Anna", "Groep 3", "Anna", "Bram"); err != nil {
		t.Fatal(err)
	}
	if f.board, err = s.CreateBoard("Anna", f.team.ID, "Bord"); err != nil {
		t.Fatal(err)
	}
	goal := f.add(t, "Anna", &board.Goal{Title: "Lezen", ByWhen: clk.Day(30),
		Indicator: &board.Indicator{Unit: "AVI", Baseline: 3, Target: 5, Measurements: []board.Measurement{{Date: clk.Day(0), Value: 3.5}}}})
	for i, who := range []string{"Anna", "Bram", "Anna"} {
		a := f.action("Actie "+string(rune('A'+i)), who, i+1)
		a.GoalID = goal.Base().ID
		f.add(t, "Anna", a)
	}
	edit := clone(&f.snap(t).Actions[0]).(*board.Action)
	edit.Status = board.StatusDoing
	if _, err := s.Update("Bram", f.board.ID, edit); err != nil {
		t.Fatal(err)
	}
	last := f.snap(t).Actions[2]
	if err := s.Delete("Anna", f.board.ID, board.AreaAction, last.ID, last.Version); err != nil {
		t.Fatal(err)
	}
	f.add(t, "Anna", &board.Parking{Text: "Later"})
	if _, err := s.SetCheckIn("Bram", f.board.ID, board.MoodSoSo, "druk"); err != nil {
		t.Fatal(err)
	}
	before := f.snap(t)
	auditBefore, _ := s.Audit(f.board.ID, 0)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	f.s = open(t, path, clk)
	after := f.snap(t)
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("snapshot changed across reopen:\nbefore %+v\nafter  %+v", before, after)
	}
	auditAfter, _ := f.s.Audit(f.board.ID, 0)
	if !reflect.DeepEqual(auditBefore, auditAfter) {
		t.Errorf("audit changed across reopen: %d → %d records", len(auditBefore), len(auditAfter))
	}

	// The versions the users saw before the restart are still good to edit.
	edit = clone(&after.Actions[0]).(*board.Action)
	edit.What = "Na herstart"
	if _, err := f.s.Update("Anna", f.board.ID, edit); err != nil {
		t.Errorf("Update with a version seen before reopen: %v", err)
	}
	if got := f.add(t, "Anna", f.action("Nieuw", "Anna", 1)).Base().ID; got != last.ID+1 {
		t.Errorf("new action id = %d, want %d (after the deleted %d)", got, last.ID+1, last.ID)
	}
	team, err := f.s.CreateTeam("Anna", "Groep 4")
	if err != nil || team.ID <= f.team.ID {
		t.Errorf("new team id = %d (err %v), want > %d", team.ID, err, f.team.ID)
	}
	info, err := f.s.CreateBoard("Anna", f.team.ID, "Tweede bord")
	if err != nil || info.ID <= f.board.ID {
		t.Errorf("new board id = %d (err %v), want > %d", info.ID, err, f.board.ID)
	}
	recs, _ := f.s.Audit(f.board.ID, auditBefore[len(auditBefore)-1].Seq)
	if len(recs) != 2 || recs[0].Seq != auditBefore[len(auditBefore)-1].Seq+1 {
		t.Errorf("audit after reopen = %+v, want two records continuing the sequence", recs)
	}
}

// TestTeamChanges: the team is part of every board snapshot, so member
// changes bump the versions of that team's boards (and only theirs) and tell
// their subscribers; names are unique per scope.
func TestTeamChanges(t *testing.T) {
	f := newFixture(t)
	second, err := f.s.CreateBoard("Anna", f.team.ID, "Tweede bord")
	if err != nil {
		t.Fatal(err)
	}
	other, err := f.s.CreateTeam("Eva", "Groep 7/8", "Eva")
	if err != nil {
		t.Fatal(err)
	}
	otherBoard, err := f.s.CreateBoard("Eva", other.ID, "Verbeterbord bovenbouw") // same name, other team: fine
	if err != nil {
		t.Fatalf("same board name in another team: %v", err)
	}
	bramsAction := f.add(t, "Anna", f.action("Rapporten", "Bram", 5)).Base().ID

	version := func(id uint64) uint64 {
		b, err := f.s.Board(id)
		if err != nil {
			t.Fatal(err)
		}
		return b.Version
	}
	sub, otherSub := f.s.Subscribe(f.board.ID), f.s.Subscribe(otherBoard.ID)
	defer sub.Close()
	defer otherSub.Close()
	v1, v2, vo := version(f.board.ID), version(second.ID), version(otherBoard.ID)

	team, err := f.s.AddMember("Anna", f.team.ID, "Dirk")
	if err != nil {
		t.Fatalf("AddMember: %v", err)
	}
	if !team.HasMember("Dirk") {
		t.Errorf("returned team lacks Dirk: %v", team.MemberNames())
	}
	if got := version(f.board.ID); got != v1+1 {
		t.Errorf("board version after AddMember = %d, want %d", got, v1+1)
	}
	if got := version(second.ID); got != v2+1 {
		t.Errorf("second board version after AddMember = %d, want %d", got, v2+1)
	}
	if got := version(otherBoard.ID); got != vo {
		t.Errorf("other team's board version %d → %d", vo, got)
	}
	select {
	case v := <-sub.C:
		if v != v1+1 {
			t.Errorf("notice = %d, want %d", v, v1+1)
		}
	default:
		t.Errorf("AddMember published no notice")
	}
	select {
	case v := <-otherSub.C:
		t.Errorf("other team's board got notice %d", v)
	default:
	}
	if !f.snap(t).Team.HasMember("Dirk") {
		t.Errorf("snapshot after AddMember still has the old team")
	}
	f.add(t, "Dirk", f.action("Nieuw lid doet mee", "Dirk", 2))

	// Adding someone who is there already changes nothing.
	before := version(f.board.ID)
	if _, err := f.s.AddMember("Anna", f.team.ID, " dirk "); err != nil {
		t.Fatal(err)
	}
	if got := version(f.board.ID); got != before {
		t.Errorf("no-op AddMember bumped version %d → %d", before, got)
	}
	if n := len(f.snap(t).Team.Members); n != 4 {
		t.Errorf("team has %d members after adding Dirk twice, want 4", n)
	}

	team, err = f.s.RemoveMember("Anna", f.team.ID, "BRAM")
	if err != nil {
		t.Fatalf("RemoveMember: %v", err)
	}
	if team.HasMember("Bram") {
		t.Errorf("Bram still a member: %v", team.MemberNames())
	}
	if got := version(f.board.ID); got != before+1 {
		t.Errorf("board version after RemoveMember = %d, want %d", got, before+1)
	}
	snap := f.snap(t)
	if snap.Team.HasMember("Bram") {
		t.Errorf("snapshot team still has Bram")
	}
	if a := snap.Find(board.AreaAction, bramsAction); a == nil || a.(*board.Action).Who != "Bram" {
		t.Errorf("Bram's action lost its owner: %+v", a)
	}
	_, err = f.s.Add("Anna", f.board.ID, f.action("Voor Bram", "Bram", 1))
	if v, ok := board.AsValidation(err); !ok || v.Problem != board.ProblemUnknownOwner {
		t.Errorf("action for removed member: err = %v, want unknown_owner", err)
	}

	if _, err := f.s.AddMember("Anna", f.team.ID, "\x1b[2J"); err == nil {
		t.Errorf("AddMember with an empty name succeeded")
	}
	if _, err := f.s.AddMember("Anna", 999, "Zoë"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("AddMember to unknown team: err = %v, want ErrNotFound", err)
	}

	// Names are unique: teams across the file, boards within their team.
	if _, err := f.s.CreateTeam("Anna", "  groep   5/6 "); !errors.Is(err, store.ErrExists) {
		t.Errorf("duplicate team: err = %v, want ErrExists", err)
	}
	if _, err := f.s.CreateBoard("Anna", f.team.ID, "VERBETERBORD bovenbouw"); !errors.Is(err, store.ErrExists) {
		t.Errorf("duplicate board: err = %v, want ErrExists", err)
	}
	if _, err := f.s.CreateBoard("Anna", 999, "Bord"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("board for unknown team: err = %v, want ErrNotFound", err)
	}
	if teams, _ := f.s.Teams(); len(teams) != 2 {
		t.Errorf("%d teams, want 2", len(teams))
	}
	// A team sees only its own boards.
	infos, err := f.s.Boards(other.ID)
	if err != nil || len(infos) != 1 || infos[0].ID != otherBoard.ID {
		t.Errorf("Boards(other team) = %+v, %v; want only its own board", infos, err)
	}
	if all, _ := f.s.Boards(0); len(all) != 3 {
		t.Errorf("Boards(0) lists %d boards, want 3", len(all))
	}
}

// TestCheckInOncePerWeek: a person has one check-in per week; checking in
// again that week changes the mood instead of adding a second one.
func TestCheckInOncePerWeek(t *testing.T) {
	f := newFixture(t)
	first, err := f.s.SetCheckIn("Bram", f.board.ID, board.MoodSoSo, "druk")
	if err != nil {
		t.Fatalf("SetCheckIn: %v", err)
	}
	if _, err := f.s.SetCheckIn("Anna", f.board.ID, board.MoodGood, ""); err != nil {
		t.Fatal(err)
	}
	f.clk.Add(2 * 24 * time.Hour) // Wednesday, same week
	again, err := f.s.SetCheckIn("bram", f.board.ID, board.MoodGood, "blij")
	if err != nil {
		t.Fatalf("second SetCheckIn: %v", err)
	}
	if again.ID != first.ID || again.Version != first.Version+1 || again.Who != "Bram" {
		t.Errorf("second check-in = id %d v%d %q; want id %d v%d Bram", again.ID, again.Version, again.Who, first.ID, first.Version+1)
	}
	snap := f.snap(t)
	if len(snap.CheckIns) != 2 {
		t.Fatalf("%d check-ins this week, want 2 (one each)", len(snap.CheckIns))
	}
	c, ok := snap.CheckIn("Bram", board.WeekOf(monday))
	if !ok || c.Mood != board.MoodGood || c.Word != "blij" {
		t.Errorf("Bram's check-in = %+v, want good/blij", c)
	}

	f.clk.Add(7 * 24 * time.Hour) // next week: a new check-in
	next, err := f.s.SetCheckIn("Bram", f.board.ID, board.MoodNotOK, "moe")
	if err != nil {
		t.Fatal(err)
	}
	if next.ID == first.ID || next.Week == first.Week {
		t.Errorf("next week's check-in reused id %d / week %v", next.ID, next.Week)
	}
	if n := len(f.snap(t).CheckIns); n != 3 {
		t.Errorf("%d check-ins over two weeks, want 3", n)
	}

	_, err = f.s.SetCheckIn("Dirk", f.board.ID, board.MoodGood, "")
	if v, ok := board.AsValidation(err); !ok || v.Problem != board.ProblemUnknownOwner || v.Value != "Dirk" {
		t.Errorf("check-in by non-member: err = %v, want unknown_owner Dirk", err)
	}
	_, err = f.s.SetCheckIn("Anna", f.board.ID, "great", "")
	if v, ok := board.AsValidation(err); !ok || v.Problem != board.ProblemBadValue {
		t.Errorf("unknown mood: err = %v, want bad_value", err)
	}
}

// TestRestore: undo of a delete puts the item back under its own id; the
// id must really be free, and must have been handed out before.
func TestRestore(t *testing.T) {
	f := newFixture(t)
	f.add(t, "Anna", f.action("Eerste", "Anna", 1))
	added := f.add(t, "Anna", f.action("Tweede", "Bram", 2))
	f.add(t, "Anna", f.action("Derde", "Chris", 3))
	id := added.Base().ID
	deleted := clone(f.snap(t).Find(board.AreaAction, id)).(*board.Action)
	if err := f.s.Delete("Bram", f.board.ID, board.AreaAction, id, deleted.Version); err != nil {
		t.Fatal(err)
	}
	if f.snap(t).Find(board.AreaAction, id) != nil {
		t.Fatal("item still there after Delete")
	}

	// Undo comes later than the action's day: it still goes back.
	f.clk.Add(5 * 24 * time.Hour)
	restored, err := f.s.Restore("Bram", f.board.ID, clone(deleted))
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if restored.Base().ID != id || restored.Base().Version <= deleted.Version {
		t.Errorf("restored meta = %+v, want id %d and a version above %d", *restored.Base(), id, deleted.Version)
	}
	back := f.snap(t).Find(board.AreaAction, id)
	if back == nil || back.(*board.Action).What != "Tweede" || back.(*board.Action).Who != "Bram" {
		t.Fatalf("after Restore the snapshot has %+v", back)
	}
	if n := len(f.snap(t).Actions); n != 3 {
		t.Errorf("%d actions after restore, want 3", n)
	}

	if _, err := f.s.Restore("Bram", f.board.ID, clone(deleted)); !errors.Is(err, store.ErrExists) {
		t.Errorf("Restore of a present id: err = %v, want ErrExists", err)
	}
	never := clone(deleted).(*board.Action)
	never.ID = 99
	if _, err := f.s.Restore("Bram", f.board.ID, never); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Restore of an id never handed out: err = %v, want ErrNotFound", err)
	}

	recs, err := f.s.Audit(f.board.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ops []store.Op
	for _, r := range recs {
		ops = append(ops, r.Op)
	}
	want := []store.Op{store.OpCreateBoard, store.OpAdd, store.OpAdd, store.OpAdd, store.OpDelete, store.OpRestore}
	if !reflect.DeepEqual(ops, want) {
		t.Errorf("audit ops = %v, want %v", ops, want)
	}
	if del := recs[4]; del.ItemID != id || del.Actor != "Bram" || !strings.Contains(string(del.Before), "Tweede") {
		t.Errorf("delete record = %+v, want Bram deleting %d with the item before", del, id)
	}
}

// TestLocked: a second Open of a file in use gives ErrLocked after the
// timeout, and the holder file says who has it and where to join.
func TestLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bord.db")
	first, err := store.Open(path, store.Options{Timeout: 100 * time.Millisecond, Holder: "bord serve", Addr: ":2222"})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()

	second, err := store.Open(path, store.Options{Timeout: 100 * time.Millisecond})
	if !errors.Is(err, store.ErrLocked) {
		if second != nil {
			second.Close()
		}
		t.Fatalf("second Open: err = %v, want ErrLocked", err)
	}
	h, ok := store.ReadHolder(path)
	if !ok {
		t.Fatal("ReadHolder found no holder")
	}
	if h.Command != "bord serve" || h.Addr != ":2222" || h.PID != os.Getpid() {
		t.Errorf("holder = %+v, want bord serve on :2222, pid %d", h, os.Getpid())
	}
	// The refused Open must not have replaced the holder's description.
	if h2, _ := store.ReadHolder(path); h2 != h {
		t.Errorf("holder changed by a refused Open: %+v", h2)
	}

	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := store.ReadHolder(path); ok {
		t.Errorf("holder file left after Close")
	}
	third, err := store.Open(path, store.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open after the holder closed: %v", err)
	}
	third.Close()
}

// TestSnapshotCache: one snapshot per board version, shared by every reader
// until the next change; old snapshots are never modified.
func TestSnapshotCache(t *testing.T) {
	f := newFixture(t)
	b1, b2 := f.snap(t), f.snap(t)
	if b1 != b2 {
		t.Fatalf("two reads without a change built two snapshots")
	}
	f.add(t, "Anna", f.action("Iets", "Anna", 1))
	b3 := f.snap(t)
	if b3 == b1 || b3.Version <= b1.Version {
		t.Fatalf("after a change: same=%v, version %d → %d", b3 == b1, b1.Version, b3.Version)
	}
	if len(b1.Actions) != 0 || len(b3.Actions) != 1 {
		t.Errorf("old snapshot has %d actions (want 0), new %d (want 1)", len(b1.Actions), len(b3.Actions))
	}
	if _, err := f.s.Add("Anna", f.board.ID, f.action("", "Anna", 1)); err == nil {
		t.Fatal("invalid add succeeded")
	}
	if f.snap(t) != b3 {
		t.Errorf("a refused write dropped the cached snapshot")
	}
	if _, err := f.s.Board(999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Board(999): err = %v, want ErrNotFound", err)
	}
}

// TestSnapshotMonotonic: under concurrent writes no reader ever sees a board
// go back in time, and a writer always reads its own write right after it.
func TestSnapshotMonotonic(t *testing.T) {
	f := newFixture(t)
	const writers, edits, readers = 2, 20, 3
	ids := make([]uint64, writers)
	for i := range ids {
		ids[i] = f.add(t, "Anna", f.action("Start", "Anna", 1)).Base().ID
	}

	done := make(chan struct{})
	var readerWG, writerWG sync.WaitGroup
	for range readers {
		readerWG.Go(func() {
			var last uint64
			for {
				b, err := f.s.Board(f.board.ID)
				if err != nil {
					t.Error(err)
					return
				}
				if b.Version < last {
					t.Errorf("snapshot version went back from %d to %d", last, b.Version)
					return
				}
				last = b.Version
				select {
				case <-done:
					return
				default:
				}
			}
		})
	}
	for w, id := range ids {
		writerWG.Go(func() {
			a := clone(f.snap(t).Find(board.AreaAction, id)).(*board.Action)
			for i := range edits {
				a.What = "Versie " + string(rune('a'+w)) + string(rune('a'+i))
				saved, err := f.s.Update("Anna", f.board.ID, a)
				if err != nil {
					t.Errorf("Update: %v", err)
					return
				}
				b, err := f.s.Board(f.board.ID)
				if err != nil {
					t.Error(err)
					return
				}
				got := b.Find(board.AreaAction, id)
				if got == nil || got.Base().Version < saved.Base().Version {
					t.Errorf("writer %d read a snapshot without its own write (version %d)", w, saved.Base().Version)
					return
				}
			}
		})
	}
	writerWG.Wait()
	close(done)
	readerWG.Wait()
	if got, want := f.snap(t).Version, uint64(writers+writers*edits); got != want {
		t.Errorf("final version = %d, want %d", got, want)
	}
}
