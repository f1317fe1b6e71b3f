package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// filled is a database with something of everything an export must carry.
type filled struct {
	*fixture
	otherBoard  board.Info
	deletedPark uint64 // the highest parking id, deleted: only the sequence remembers it
}

// fill writes a realistic board history: members joining and leaving, items
// in all six areas, goals with indicators and measurements, edits, a delete
// and an undo, and a second team with its own board.
func fill(t *testing.T) *filled {
	t.Helper()
	f := &filled{fixture: newFixture(t)}
	s, id := f.s, f.board.ID
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.AddMember("Anna", f.team.ID, "Dirk")
	must(err)
	_, err = s.RemoveMember("Anna", f.team.ID, "Chris")
	must(err)
	other, err := s.CreateTeam("Eva", "Groep 7/8", "Eva", "Farid")
	must(err)
	f.otherBoard, err = s.CreateBoard("Eva", other.ID, "Bovenbouw")
	must(err)
	_, err = s.Add("Farid", f.otherBoard.ID, &board.Parking{Text: "Schoolreis"})
	must(err)

	lezen := f.add(t, "Anna", &board.Goal{Title: "Begrijpend lezen omhoog", Why: "Cito-scores dalen\nal twee jaar.",
		ByWhen: f.clk.Day(42), Measure: "Gemiddelde score blok 3",
		Indicator: &board.Indicator{Unit: "punten", Baseline: 42.5, Target: 50, Measurements: []board.Measurement{
			{Date: f.clk.Day(0), Value: 42.5, Note: "nulmeting"}}}}).(*board.Goal)
	rust := f.add(t, "Bram", &board.Goal{Title: "Rust in de gang", ByWhen: f.clk.Day(28), Measure: "Incidenten per week",
		Indicator: &board.Indicator{Unit: "incidenten", Baseline: 12, Target: 4}}).(*board.Goal)
	for i, a := range []*board.Action{
		{What: "Leesmethode kiezen", Who: "Anna", When: f.clk.Day(7), GoalID: lezen.ID},
		{What: "Pauzerooster aanpassen", Who: "Bram", When: f.clk.Day(3), GoalID: rust.ID, Status: board.StatusDoing},
		{What: "Ouderbrief over lezen", Who: "Dirk", When: f.clk.Day(10), GoalID: lezen.ID, Origin: board.OriginRetro},
		{What: "Koffie met de conciërge", Who: "bram", When: f.clk.Day(1)},
	} {
		f.clk.Add(time.Duration(i+1) * time.Minute)
		f.add(t, "Anna", a)
	}
	f.add(t, "Bram", &board.Success{Text: "Eerste leeskring\nwas een feest", Who: "Dirk"})
	f.add(t, "Anna", &board.PlanItem{Date: f.clk.Day(14), Text: "Studiemiddag lezen", Who: "Anna"})
	f.add(t, "Anna", &board.Parking{Text: "Hoe betrekken we ouders?\nEn de leerlingen zelf?"})
	last := f.add(t, "Anna", &board.Parking{Text: "Nieuwe gymzaal"})
	_, err = s.SetCheckIn("Anna", id, board.MoodGood, "zin in")
	must(err)
	_, err = s.SetCheckIn("Bram", id, board.MoodSoSo, "")
	must(err)

	// A week later: measurements, edits, a delete and an undone delete.
	f.clk.Add(7 * 24 * time.Hour)
	g := clone(f.snap(t).Find(board.AreaGoal, lezen.ID)).(*board.Goal)
	g.Indicator.Measurements = append(g.Indicator.Measurements, board.Measurement{Date: f.clk.Day(0), Value: 44.25})
	_, err = s.Update("Bram", id, g)
	must(err)
	done := clone(&f.snap(t).Actions[1]).(*board.Action)
	done.Status = board.StatusDone
	_, err = s.Update("Bram", id, done)
	must(err)
	must(s.Delete("Anna", id, board.AreaParking, last.Base().ID, last.Base().Version))
	f.deletedPark = last.Base().ID
	gone := clone(&f.snap(t).Actions[3])
	must(s.Delete("Bram", id, board.AreaAction, gone.Base().ID, gone.Base().Version))
	_, err = s.Restore("Bram", id, gone)
	must(err)
	_, err = s.SetCheckIn("Dirk", id, board.MoodNotOK, "moe")
	must(err)
	return f
}

// export returns s's export or fails the test.
func export(t *testing.T, s *store.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatalf("Export: %v", err)
	}
	return buf.Bytes()
}

// firstDiff shows where two exports part, for a readable failure.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d: %q ≠ %q", i+1, la[i], lb[i])
		}
	}
	return "one export is a prefix of the other"
}

// emptyStore is a fresh database in its own directory.
func emptyStore(t *testing.T, clk *clock) *store.Store {
	return open(t, filepath.Join(t.TempDir(), "leeg.db"), clk)
}

// imported is an empty store that imported data; what names the import
// when it fails.
func imported(t *testing.T, clk *clock, data []byte, what string) *store.Store {
	t.Helper()
	fresh := emptyStore(t, clk)
	if err := fresh.Import(bytes.NewReader(data)); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return fresh
}

// TestExportImportRoundTrip: export, import into an empty file, export again
// gives the same bytes; the boards, the history and the id sequences come
// across, so work continues where it was.
func TestExportImportRoundTrip(t *testing.T) {
	f := fill(t)
	first := export(t, f.s)

	fresh := imported(t, f.clk, first, "Import")
	second := export(t, fresh)
	if !bytes.Equal(first, second) {
		t.Fatalf("export after import differs: %s", firstDiff(first, second))
	}

	for _, id := range []uint64{f.board.ID, f.otherBoard.ID} {
		want, err := f.s.Board(id)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fresh.Board(id)
		if err != nil {
			t.Fatalf("imported Board(%d): %v", id, err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("board %d differs after import:\nwant %+v\n got %+v", id, want, got)
		}
		wantAudit, _ := f.s.Audit(id, 0)
		gotAudit, _ := fresh.Audit(id, 0)
		if !reflect.DeepEqual(wantAudit, gotAudit) {
			t.Errorf("audit of board %d differs after import", id)
		}
	}
	snap, _ := fresh.Board(f.board.ID)
	if len(snap.Goals) != 2 || len(snap.Goals[0].Indicator.Measurements) != 2 || len(snap.Parking) != 1 || len(snap.CheckIns) != 3 {
		t.Errorf("imported board lost items: %d goals, %d parking, %d check-ins", len(snap.Goals), len(snap.Parking), len(snap.CheckIns))
	}

	// Ids continue after the highest ever handed out, deleted ones included.
	p, err := fresh.Add("Anna", f.board.ID, &board.Parking{Text: "Na de import"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Base().ID != f.deletedPark+1 {
		t.Errorf("new parking id = %d, want %d (after the deleted %d)", p.Base().ID, f.deletedPark+1, f.deletedPark)
	}
	team, err := fresh.CreateTeam("Anna", "Groep 1/2")
	if err != nil || team.ID != 3 {
		t.Errorf("new team after import: id %d, %v; want 3", team.ID, err)
	}
	info, err := fresh.CreateBoard("Anna", team.ID, "Onderbouw")
	if err != nil || info.ID != 3 {
		t.Errorf("new board after import: id %d, %v; want 3", info.ID, err)
	}

	// A second import into the now filled file is refused and changes nothing.
	before := export(t, fresh)
	if err := fresh.Import(bytes.NewReader(first)); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("Import into a filled db: err = %v, want ErrNotEmpty", err)
	}
	if !bytes.Equal(before, export(t, fresh)) {
		t.Errorf("refused Import changed the database")
	}
}

// editDump decodes an export, lets fn change it and encodes it again: how a
// hand-edited or hostile export file looks.
func editDump(t *testing.T, data []byte, fn func(d *store.Dump)) []byte {
	t.Helper()
	var d store.Dump
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	fn(&d)
	out, err := json.Marshal(&d)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportRefusesBadInput: garbage, a foreign format and an export that
// breaks halfway are refused, and nothing of them is written, so a correct
// import afterwards still works.
func TestImportRefusesBadInput(t *testing.T) {
	f := fill(t)
	good := export(t, f.s)
	tests := []struct {
		name string
		data []byte
	}{
		{"garbage", []byte("\x00\x01 dit is geen export \xff")},
		{"empty", nil},
		{"other format", []byte(`{"format":"trello/2","teams":[]}`)},
		{"truncated", good[:len(good)/2]},
		{"unknown area", editDump(t, good, func(d *store.Dump) {
			d.Boards[1].Items["kanban"] = []json.RawMessage{json.RawMessage(`{"id":1}`)}
		})},
		{"board twice", editDump(t, good, func(d *store.Dump) {
			d.Boards = append(d.Boards, d.Boards[0])
		})},
		{"bad item", editDump(t, good, func(d *store.Dump) {
			d.Boards[1].Items[board.AreaAction] = append(d.Boards[1].Items[board.AreaAction], json.RawMessage(`"geen actie"`))
		})},
	}
	fresh := emptyStore(t, f.clk)
	empty := export(t, fresh)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := fresh.Import(bytes.NewReader(tt.data)); err == nil {
				t.Fatal("Import accepted it")
			}
			if got := export(t, fresh); !bytes.Equal(got, empty) {
				t.Errorf("refused Import wrote something: %s", firstDiff(empty, got))
			}
		})
	}
	if err := fresh.Import(bytes.NewReader(good)); err != nil {
		t.Fatalf("good Import after refused ones: %v", err)
	}
}

// TestImportSanitizes: an export file is user input too; escape sequences
// put into it by hand do not reach the database.
func TestImportSanitizes(t *testing.T) {
	const hostile = "\x1b]52;c;aGk=\x07"
	f := fill(t)
	data := editDump(t, export(t, f.s), func(d *store.Dump) {
		d.Teams[0].Name = "Groep\x1b[2J 5/6"
		d.Teams[0].Members[0].Name = hostile + "Anna"
		d.Boards[0].Info.Name = "Bord\u202e"
		raw, _ := json.Marshal(&board.Parking{Meta: board.Meta{ID: 1, Version: 1, CreatedBy: "Anna\x1b[8m", UpdatedBy: hostile + "Bram"},
			Text: hostile + "Geparkeerd\x1b[31m"})
		d.Boards[0].Items[board.AreaParking] = []json.RawMessage{raw}
		d.Boards[0].Audit[0].Label = "Label\x1b[5m"
		d.Boards[0].Audit[0].Actor = hostile + "Anna"
	})
	fresh := imported(t, f.clk, data, "Import")
	snap, err := fresh.Board(f.board.ID)
	if err != nil {
		t.Fatal(err)
	}
	// UpdatedBy reaches the screen as "changed by ..." in a conflict.
	p := snap.Parking[0]
	got := []string{snap.Team.Name, snap.Team.Members[0].Name, snap.Name, p.Text, p.CreatedBy, p.UpdatedBy}
	want := []string{"Groep 5/6", "Anna", "Bord", "Geparkeerd", "Anna", "Bram"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported texts = %q, want %q", got, want)
	}
	recs, _ := fresh.Audit(f.board.ID, 0)
	if recs[0].Label != "Label" || recs[0].Actor != "Anna" {
		t.Errorf("imported audit record = %q by %q, want Label by Anna", recs[0].Label, recs[0].Actor)
	}
}

// TestImportLowSequences: an export whose id sequences are behind its ids
// (edited by hand, or cut from another file) must not make later adds reuse
// an imported id and so silently overwrite that item, team or board.
func TestImportLowSequences(t *testing.T) {
	f := fill(t)
	data := editDump(t, export(t, f.s), func(d *store.Dump) {
		d.TeamSeq, d.BoardSeq = 0, 0
		for i := range d.Boards {
			for a := range d.Boards[i].Seqs {
				d.Boards[i].Seqs[a] = 0
			}
		}
	})
	fresh := imported(t, f.clk, data, "Import")
	before, _ := fresh.Board(f.board.ID)
	teamsBefore, _ := fresh.Teams()

	for _, it := range []board.Item{
		&board.Parking{Text: "Nieuw"},
		&board.Action{What: "Nieuw", Who: "Anna", When: f.clk.Day(1)},
		&board.Goal{Title: "Nieuw", ByWhen: f.clk.Day(30)},
	} {
		got, err := fresh.Add("Anna", f.board.ID, it)
		if err != nil {
			t.Fatalf("Add %s: %v", it.Area(), err)
		}
		if old := before.Find(it.Area(), got.Base().ID); old != nil {
			t.Errorf("new %s got id %d, which the imported %q has", it.Area(), got.Base().ID, old.Label())
		}
	}
	after, _ := fresh.Board(f.board.ID)
	for _, a := range board.Areas {
		if after.Count(a) < before.Count(a) {
			t.Errorf("%s: %d items before adding, %d after", a, before.Count(a), after.Count(a))
		}
	}
	team, err := fresh.CreateTeam("Anna", "Groep 1/2")
	if err != nil {
		t.Fatalf("CreateTeam after import: %v", err)
	}
	for _, old := range teamsBefore {
		if old.ID == team.ID {
			t.Errorf("new team got id %d of imported team %q", team.ID, old.Name)
		}
	}
	if teams, _ := fresh.Teams(); len(teams) != len(teamsBefore)+1 {
		t.Errorf("%d teams after CreateTeam, want %d", len(teams), len(teamsBefore)+1)
	}
	if _, err := fresh.CreateBoard("Anna", team.ID, "Onderbouw"); err != nil {
		t.Errorf("CreateBoard after import: %v", err)
	}
}
