package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMakeRunInTmux starts `make run` in a real terminal (tmux) on a fresh
// database, as a new user would, takes the demo offer with one key, and
// checks that the board is what the terminal shows — in Dutch at 80×24 and
// in English at 140×40.
func TestMakeRunInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("starts make and a terminal")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, size string
		w, h       int
		welcome    string
		want       []string
	}{
		{"nl", "80x24", 80, 24, "voorbeeldbord", []string{"Acties", "week ", "SWV Zuid-Holland Oost", "! ", "[4 Acties]"}},
		{"en", "140x40", 140, 40, "example board", []string{"Actions", "Parking lot", "Goals", "Successes", "Check-in", "Planning"}},
	} {
		t.Run(tc.lang+"_"+tc.size, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "bord.db")
			cmdline := fmt.Sprintf("cd %q && make -s run DB=%q ARGS='--lang %s --as Tester'; sleep 5", root, db, tc.lang)
			tm := startTmux(t, tc.w, tc.h, cmdline)
			tm.wait = 90 * time.Second // the first make builds bord
			tm.waitFor(tc.welcome)
			tm.keys("d")
			s := tm.waitFor(tc.want[0])
			for _, w := range tc.want {
				if !strings.Contains(s, w) {
					t.Errorf("screen lacks %q:\n%s", w, s)
				}
			}
			for i, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
				if n := len([]rune(line)); n > tc.w {
					t.Errorf("line %d is %d wide, wider than the terminal", i, n)
				}
			}
			tm.keys("q")
			if _, err := os.Stat(db); err != nil {
				t.Errorf("the database was not created: %v", err)
			}
		})
	}
}
