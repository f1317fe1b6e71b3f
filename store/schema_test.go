package store_test

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// docTree reads the schema tree drawn in doc.go: one path per bucket
// ("boards/<>/action/") and per key ("boards/<>/info"), with every <...>
// written as <>. The doc is the one declaration; this test keeps it true.
func docTree(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var paths, stack []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "//\t")
		if !ok {
			if in {
				break // the tree is the first indented block
			}
			continue
		}
		in = true
		body := strings.TrimLeft(line, " ")
		depth := (len(line) - len(body)) / 2
		var name string
		if strings.HasPrefix(body, "<") {
			name = "<>" + body[strings.Index(body, ">")+1:]
		} else {
			name = body
		}
		name, _, _ = strings.Cut(name, " ")
		if depth > len(stack) {
			t.Fatalf("doc.go: %q is indented deeper than its bucket", line)
		}
		stack = append(stack[:depth], name)
		paths = append(paths, strings.Join(stack, ""))
		if !strings.HasSuffix(name, "/") {
			stack = stack[:depth]
		}
	}
	if len(paths) == 0 {
		t.Fatal("doc.go draws no schema tree")
	}
	return paths
}

// fileTree walks a bbolt file the same way: an id (8 bytes, big-endian, so
// its first byte is 0 below 2⁵⁶; "planning" is 8 bytes too) or a hex hash
// key is <>.
func fileTree(t *testing.T, path string) []string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	seen := map[string]bool{}
	name := func(k []byte) string {
		if (len(k) == 8 && k[0] == 0) || (len(k) == 64 && strings.Trim(string(k), "0123456789abcdef") == "") {
			return "<>"
		}
		return string(k)
	}
	var walk func(prefix string, b *bolt.Bucket) error
	walk = func(prefix string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v != nil {
				seen[prefix+name(k)] = true
				return nil
			}
			p := prefix + name(k) + "/"
			seen[p] = true
			return walk(p, b.Bucket(k))
		})
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(k []byte, b *bolt.Bucket) error {
			p := name(k) + "/"
			seen[p] = true
			return walk(p, b)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return slices.Sorted(func(yield func(string) bool) {
		for p := range seen {
			if !yield(p) {
				return
			}
		}
	})
}

// TestSchemaTree fills a file with something of everything (the demo, a
// retrospective, an arena with a note, a bordsessie, an invite) and fails
// when the file holds a bucket or key the doc's tree does not draw, or the
// tree draws one the file lacks.
func TestSchemaTree(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vol.db")
	clk := newClock()
	s := open(t, path, clk)
	info, err := s.CreateDemo("Anna")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateRetro("Anna", info.ID, "Periode 2", board.FormatPlusDelta, nil, time.Time{}, time.Time{}, true, 3); err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateArena("Anna", info.ID, "Uitleg", clk.Day(0), "groep 7", 6, "Anna", []string{"Fatima"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = s.ChangeArena("Anna", info.ID, a.ID, board.ArenaOp{Kind: board.OpAddQuestion, Text: "Wat helpt?"}); err != nil {
		t.Fatal(err)
	}
	if _, err = s.ChangeArena("Fatima", info.ID, a.ID, board.ArenaOp{Kind: board.OpAddNote, Question: a.Questions[0].ID, Text: "uitleg op het bord"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartMeeting("Anna", info.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateInvite("Anna", info.TeamID, time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	doc, file := docTree(t), fileTree(t, path)
	for _, p := range file {
		if !slices.Contains(doc, p) {
			t.Errorf("the file has %s; the tree in doc.go does not draw it", p)
		}
	}
	for _, p := range doc {
		if !slices.Contains(file, p) {
			t.Errorf("doc.go draws %s; the filled file has none", p)
		}
	}
}
