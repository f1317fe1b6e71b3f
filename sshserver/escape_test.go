package sshserver_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	bolt "go.etcd.io/bbolt"
)

// hostile is card text that would act on a colleague's terminal if it got
// there raw: OSC 52 sets the clipboard, CSI 2J clears the screen, CSI 6n
// makes the terminal type a reply, OSC 8 hides a link, U+009B is an 8-bit
// CSI and U+202E turns text around.
const hostile = "\x1b]52;c;aGFjaw==\x07" + "\x1b[2J" + "\x1b[6n" +
	"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\" + "\u009b31m" + "\u202e" + " einde"

// forbidden are the byte strings of hostile that must never reach a
// terminal or an export.
var forbidden = []string{"\x1b]52", "\x1b[2J", "\x1b[6n", "\x1b]8;;http", "\xc2\x9b", "\u202e"}

// clearScreen is what the renderer itself sends to clear the screen (at the
// start and after a resize): cursor home, then CSI 2J. It is the only CSI
// 2J allowed.
const clearScreen = "\x1b[H\x1b[2J"

// hostileText puts \r and \b right after marker, where a terminal would
// act on them (back to the line start, one cell back).
func hostileText(marker string) string { return marker + "\r\b" + hostile }

// assertClean fails if out holds any hostile sequence, or \r or \b right
// after a marker.
func assertClean(t *testing.T, where, out string, markers ...string) {
	t.Helper()
	out = strings.ReplaceAll(out, clearScreen, "")
	for _, f := range forbidden {
		if i := strings.Index(out, f); i >= 0 {
			t.Errorf("%s holds %q: …%q…", where, f, out[max(i-40, 0):min(i+40, len(out))])
		}
	}
	for _, m := range markers {
		for _, c := range []string{"\r", "\b"} {
			if strings.Contains(out, m+c) {
				t.Errorf("%s holds %q raw after %s", where, c, m)
			}
		}
	}
}

// Escape sequences and controls in card text never reach another member's
// terminal or an export, whether the text came in by pasting into the TUI
// or by any other writer of the store.
func TestHostileTextNeverReachesTerminals(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	a, b := e.join(t, "Anna"), e.join(t, "Bert")

	// Anna pastes it into a new action (bracketed paste carries every
	// byte, unlike typing, where the input parser takes ESC and \r as
	// keys), then who (kept), when, goal (empty) and save.
	const pasted = "Plakmerk7q"
	a.send("a", "\x1b[200~"+hostileText(pasted)+"\x1b[201~", "\r", "\r", "morgen", "\r", "\r")
	b.waitFor(pasted)

	// Any other writer: straight into the store, as Anna.
	const direct = "Opslagmerk4z"
	tomorrow := tomorrow()
	if _, err := e.st.Add("Anna", e.boardID, &board.Action{What: hostileText(direct), Who: "Marieke", When: tomorrow}); err != nil {
		t.Fatalf("adding hostile text: %v", err)
	}
	b.waitFor(direct)
	a.waitFor(direct)

	// The store keeps what Anna meant to write, without the controls.
	bd, err := e.st.Board(e.boardID)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, act := range bd.Actions {
		if strings.HasPrefix(act.What, pasted) || strings.HasPrefix(act.What, direct) {
			found++
			assertClean(t, "the stored action", act.What, pasted, direct)
		}
	}
	if found != 2 {
		t.Errorf("%d of the 2 hostile actions are stored", found)
	}

	// Bert's terminal, not Anna's: her own form echoes what she pasted
	// while she edits it (package tui shows U+202E there), which is no
	// attack on anyone else.
	assertClean(t, "Bert's terminal", b.raw(), pasted, direct)

	for _, cmd := range []string{"export", "export --what board"} {
		out, errOut, status := e.run(t, e.member("Carla"), cmd)
		if status != 0 || !strings.Contains(out, pasted) || !strings.Contains(out, direct) {
			t.Fatalf("%s: status %d, stderr %q, want both markers in:\n%s", cmd, status, errOut, out)
		}
		assertClean(t, cmd, out, pasted, direct)
	}
}

// The second line of defence: text that is in the database raw (a file
// from an older bord, or edited by hand, bypassing the cleaning at entry)
// is cleaned again where it is written to a terminal or an export.
func TestHostileTextInFileIsCleanedOnOutput(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bord.db")
	st, info := openDemo(t, path)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	const marker = "Bestandmerk9k"
	n := rewriteFile(t, path, "Koffie-afspraak nieuwe collega orthopedagoog", hostileText(marker))
	if n == 0 {
		t.Fatal("the demo action was not found in the file")
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := serve(t, st, info, nil)

	t.Run("export", func(t *testing.T) {
		out, errOut, status := e.run(t, e.member("Carla"), "export")
		if status != 0 || !strings.Contains(out, marker) {
			t.Fatalf("export: status %d, stderr %q, want the marker in:\n%s", status, errOut, out)
		}
		assertClean(t, "export", out, marker)
	})
	t.Run("terminal", func(t *testing.T) {
		b := e.open(t, e.member("Bert"))
		b.name = "Bert"
		b.waitFor(marker)
		assertClean(t, "Bert's terminal", b.raw(), marker)
	})
}

// rewriteFile replaces the JSON string old by new in every value of a
// closed bbolt file, as a hand edit would, and says how many it changed.
func rewriteFile(t *testing.T, path, old, new string) int {
	t.Helper()
	from, _ := json.Marshal(old)
	to, _ := json.Marshal(new)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := 0
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		type kv struct{ k, v []byte }
		var changes []kv
		err := b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(b.Bucket(k))
			}
			if bytes.Contains(v, from) {
				changes = append(changes, kv{bytes.Clone(k), bytes.ReplaceAll(v, from, to)})
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, c := range changes {
			if err := b.Put(c.k, c.v); err != nil {
				return err
			}
			n++
		}
		return nil
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walk(b) })
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
