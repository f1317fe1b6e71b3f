package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// bindings lists every key.Binding field of a key map struct, those of
// the key sets it embeds (recordKeys) included: the keys the screen's
// Update matches on.
func bindings(km any) map[string]key.Binding {
	out := map[string]key.Binding{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		for i := range v.NumField() {
			switch f := v.Type().Field(i); {
			case f.Anonymous && f.Type.Kind() == reflect.Struct:
				walk(v.Field(i)) // its exported fields read like the map's own
			case !f.IsExported():
				// display-only parts of a help line, not keys of their own
			default:
				if b, ok := v.Field(i).Interface().(key.Binding); ok {
					out[f.Name] = b
				}
			}
		}
	}
	walk(reflect.ValueOf(km))
	return out
}

// TestHelpShowsEveryKey walks to every screen and checks that every
// binding its Update matches on is in its ? overlay, with its key and
// description on screen. Before, ? showed the board's keys everywhere, and
// the board's R, A and 1–6 were handled but not listed.
func TestHelpShowsEveryKey(t *testing.T) {
	t.Parallel()
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		h, _ := demo(t, lang, 160, 50)
		check := func(id screenID, goTo func()) {
			t.Helper()
			goTo()
			if h.m.screen != id {
				t.Fatalf("%s: screen %d, want %d\n%s", lang, h.m.screen, id, h.plain())
			}
			km := h.m.screens[id].Keys()
			var listed [][]string
			for _, col := range km.FullHelp() {
				for _, b := range col {
					listed = append(listed, b.Keys())
				}
			}
			h.press("?")
			if !h.m.showHelp {
				t.Fatalf("%s: ? did not open the help on screen %d", lang, id)
			}
			screen := h.plain()
			for name, b := range bindings(km) {
				if !b.Enabled() {
					continue
				}
				if !slices.ContainsFunc(listed, func(k []string) bool { return slices.Equal(k, b.Keys()) }) {
					t.Errorf("%s screen %d: %s (%v) works but is not in the overlay", lang, id, name, b.Keys())
				}
				mustList(t, screen, b.Help().Key, b.Help().Desc)
			}
			h.press("esc") // closes the overlay only
			if h.m.showHelp || h.m.screen != id {
				t.Fatalf("%s: esc on the overlay: help %v, screen %d", lang, h.m.showHelp, h.m.screen)
			}
		}
		check(screenBoard, func() {})
		check(screenRetros, func() { h.press("R") })
		check(screenRetro, func() { h.press("esc"); toRetro(t, h) })
		check(screenArenas, func() { h.press("esc", "esc", "A") })
		check(screenArena, func() { h.press("esc", "esc"); toArena(t, h) })
		check(screenPicker, func() { h.press("esc", "esc", "b") })
	}
}

// TestArenaHelpIsTheArenas: ? on the arena lists the arena's keys, not the
// board's (it showed the board's before).
func TestArenaHelpIsTheArenas(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.NL, 140, 40)
	toArena(t, h)
	h.press("?")
	msg := i18n.For(i18n.NL)
	screen := h.plain()
	mustList(t, screen, "b", msg.KeyBank, "K/J", msg.KeyOrder, "p", msg.KeyPromote)
	if listed(screen, "m", msg.KeyMeasure) || listed(screen, "c", msg.KeyCheckIn) {
		t.Errorf("the arena's help lists the board's keys:\n%s", screen)
	}

	// While the capture line has the keyboard, ? is typed, not help.
	h.press("esc", "2")
	h.typeText("waarom?")
	if h.m.showHelp || h.m.arena.as.input.Value() != "waarom?" {
		t.Errorf("? on the capture line: help %v, line %q", h.m.showHelp, h.m.arena.as.input.Value())
	}
}

// TestBoardHelpListsEveryKey: R, A and 1–6 work on the board, so the
// overlay lists them.
func TestBoardHelpListsEveryKey(t *testing.T) {
	t.Parallel()
	h, _ := demo(t, i18n.EN, 140, 40)
	h.press("?")
	msg := i18n.For(i18n.EN)
	screen := h.plain()
	mustList(t, screen, "R", msg.KeyRetros, "A", msg.KeyArenas, "1–6", msg.KeyAreas, "home/end", msg.KeyFirstLast)
}

// listed reports whether the help on screen has key with desc beside it.
func listed(screen, key, desc string) bool {
	return regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(key) + ` +` + regexp.QuoteMeta(desc)).MatchString(screen)
}

// mustList checks that the help on screen lists each key with its
// description, given as key, desc, key, desc, ...
func mustList(t testing.TB, screen string, keyDesc ...string) {
	t.Helper()
	for i := 0; i+1 < len(keyDesc); i += 2 {
		if key, desc := keyDesc[i], keyDesc[i+1]; !listed(screen, key, desc) {
			t.Errorf("help lacks %q %q:\n%s", key, desc, screen)
		}
	}
}

// TestKeysOnlyInKeyMaps: no screen compares a key's name by hand outside a
// key map, so every key that works is a binding the help is built from.
// (A matched binding may still look at which of its keys it was.)
func TestKeysOnlyInKeyMaps(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "keys.go" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		for i, line := range strings.Split(src, "\n") {
			if strings.Contains(line, `String() == "ctrl`) || strings.Contains(line, "switch k.String()") || strings.Contains(line, "switch msg.String()") ||
				strings.Contains(line, `case "`) && strings.Contains(line, `":`) && !strings.Contains(line, "//") {
				t.Errorf("%s:%d matches a key by name outside a key map: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}

// TestViewKeepsTeamsApart drives a member's session on a store view of
// their own team: the other team's board is never listed, opened or shown,
// not even when asked for by id.
func TestViewKeepsTeamsApart(t *testing.T) {
	t.Parallel()
	s, demoInfo, other := twoBoards(t)
	b, err := s.Board(other.ID)
	if err != nil {
		t.Fatal(err)
	}
	secret := []string{b.Name, b.Team.Name}
	h := start(t, s, Config{Store: s.For([]uint64{demoInfo.TeamID}), BoardID: other.ID}, 120, 36)
	mustNotContain(t, h.plain(), secret...)
	if h.m.b != nil && h.m.b.ID == other.ID {
		t.Fatal("the other team's board opened by id")
	}
	h.press("b") // the picker lists our boards only
	mustNotContain(t, h.plain(), secret...)
	for _, k := range []string{"down", "down", "enter", "b", "end", "enter", "R", "esc", "A", "esc", "b", "down", "space"} {
		h.press(k)
		mustNotContain(t, h.plain(), secret...)
		if h.m.b != nil && h.m.b.TeamID != demoInfo.TeamID {
			t.Fatalf("after %q the board of team %d is open", k, h.m.b.TeamID)
		}
	}
	// And a write aimed at the other board by id is refused by the view.
	if _, err := h.m.cfg.Store.Add(me, other.ID, &board.Parking{Text: "ingebroken"}); err == nil {
		t.Error("the view let a write reach the other team's board")
	}
}

// TestArenaPasteLands: a bracketed paste into the note line lands in it,
// and Enter saves it (issue 13: it was dropped).
func TestArenaPasteLands(t *testing.T) {
	t.Parallel()
	h, info := demo(t, i18n.NL, 140, 40)
	toArena(t, h)
	h.press("a")
	h.typeText("Wat helpt jou?")
	h.press("enter", "2")
	h.send(tea.PasteMsg{Content: "L2: de uitleg gaat te snel"})
	if v := h.m.arena.as.input.Value(); v != "L2: de uitleg gaat te snel" {
		t.Fatalf("after the paste the line is %q", v)
	}
	h.press("enter")
	b, _ := h.s.Board(info.ID)
	if a := b.Arenas[0]; len(a.Notes) != 1 || a.Notes[0].Text != "de uitleg gaat te snel" || a.Notes[0].Speaker != "L2" {
		t.Fatalf("notes %+v", a.Notes)
	}
}
