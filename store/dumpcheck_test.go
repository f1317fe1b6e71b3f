package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/store"
)

// edit decodes an export, changes it with fn and encodes it again; numbers
// stay exact (2⁶⁴−1 survives).
func edit(t *testing.T, dump []byte, fn func(m map[string]any)) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(dump))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	fn(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// at walks a decoded export: at(m, "boards", 0, "items", "action", 3).
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

func obj(v any, path ...any) map[string]any { return at(v, path...).(map[string]any) }

const maxUint64 = "18446744073709551615"

// TestImportChecksTheWholeDump: every kind of wrong export from issue 13 is
// refused before anything is written, with the path of what is wrong.
func TestImportChecksTheWholeDump(t *testing.T) {
	f := fill(t)
	good := export(t, f.s)
	for _, tc := range []struct {
		name string
		dump []byte
		want []string // "path: kind"
	}{
		{"id 2^64-1 (later ids would wrap)", edit(t, good, func(m map[string]any) {
			obj(m, "boards", 0, "items", "action", 3)["id"] = json.Number(maxUint64)
		}), []string{"boards[0].items.action[3].id: range"}},
		{"sequence 2^64-1", edit(t, good, func(m map[string]any) {
			m["team_seq"] = json.Number(maxUint64)
			obj(m, "boards", 0, "seqs")["action"] = json.Number(maxUint64)
		}), []string{"team_seq: range", "boards[0].seqs.action: range"}},
		{"board of a missing team", edit(t, good, func(m map[string]any) {
			obj(m, "boards", 1, "info")["team_id"] = json.Number("99")
		}), []string{"boards[1].info.team_id: missing"}},
		{"duplicate ids", edit(t, good, func(m map[string]any) {
			obj(m, "teams", 1)["id"] = obj(m, "teams", 0)["id"]
			obj(m, "boards", 0, "items", "action", 2)["id"] = obj(m, "boards", 0, "items", "action", 0)["id"]
		}), []string{"teams[1].id: duplicate", "boards[0].items.action[2].id: duplicate"}},
		{"unknown schema", edit(t, good, func(m map[string]any) { m["schema"] = json.Number("99") }),
			[]string{"schema: unknown"}},
		{"no schema", edit(t, good, func(m map[string]any) { delete(m, "schema") }),
			[]string{"schema: unknown"}},
		{"unknown format", edit(t, good, func(m map[string]any) { m["format"] = "bord-export/9" }),
			[]string{"format: unknown"}},
		{"unknown status", edit(t, good, func(m map[string]any) {
			obj(m, "boards", 0, "items", "action", 1)["status"] = "klaar"
		}), []string{"boards[0].items.action[1].status: unknown"}},
		{"unknown area", edit(t, good, func(m map[string]any) {
			obj(m, "boards", 0, "items")["wishes"] = []any{}
		}), []string{"boards[0].items.wishes: unknown"}},
		{"action of a missing goal", edit(t, good, func(m map[string]any) {
			obj(m, "boards", 0, "items", "action", 0)["goal_id"] = json.Number("77")
		}), []string{"boards[0].items.action[0].goal_id: missing"}},
		{"trailing garbage", append(append([]byte{}, good...), []byte("xyz")...), []string{"(end): trailing"}},
		{"a second document", append(append([]byte{}, good...), good...), []string{"(end): trailing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fresh := emptyStore(t, f.clk)
			err := fresh.Import(bytes.NewReader(tc.dump))
			var de *store.DumpError
			if !errors.As(err, &de) || !errors.Is(err, store.ErrBadDump) {
				t.Fatalf("Import: %v, want a DumpError", err)
			}
			var got []string
			for _, p := range de.Problems {
				got = append(got, p.Path+": "+string(p.Kind))
			}
			for _, w := range tc.want {
				if !strings.Contains(strings.Join(got, "\n"), w) {
					t.Errorf("problems %q lack %q", got, w)
				}
			}
			if teams, _ := fresh.Teams(); len(teams) != 0 {
				t.Errorf("a refused import wrote %d teams", len(teams))
			}
			if boards, _ := fresh.Boards(0); len(boards) != 0 {
				t.Errorf("a refused import wrote %d boards", len(boards))
			}
		})
	}
	// The unchanged export is still fine.
	if err := emptyStore(t, f.clk).Import(bytes.NewReader(good)); err != nil {
		t.Fatalf("the good export: %v", err)
	}
}

// A read-only export of an older file says its real schema, and importing
// it migrates the data in the import's transaction: schema-1 actions get
// the origin Open would have given them.
func TestImportMigratesAnOlderExport(t *testing.T) {
	path := t.TempDir() + "/oud.db"
	writeSchema1(t, path, 0)
	old, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	dump := export(t, old)
	old.Close()
	var head struct{ Schema uint64 }
	if err := json.Unmarshal(dump, &head); err != nil || head.Schema != 1 {
		t.Fatalf("export of a schema-1 file says schema %d (%v)", head.Schema, err)
	}
	fresh := imported(t, newClock(), dump, "Import")
	b, err := fresh.Board(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range b.Actions {
		if a.Origin != "board" {
			t.Fatalf("action %d has origin %q after import", a.ID, a.Origin)
		}
	}
}
