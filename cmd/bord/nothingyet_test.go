package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/store"
)

// member add finds a team whatever dash or case is typed, and a missing
// team is named with the teams there are, in both languages.
func TestMemberAddFindsTeamByDashAndCase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bord.db")
	if _, _, err := run(t, "--db", db, "team", "add", "Groep 7 – 8"); err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"groep 7 - 8", "GROEP 7—8", "Groep  7 ‐ 8 "} {
		if _, _, err := run(t, "--db", db, "member", "add", "Sanne", "--team", typed); err != nil {
			t.Errorf("--team %q: %v", typed, err)
		}
	}
	for lang, want := range map[string]string{
		"nl": `Er is geen team "Groep 9". De teams zijn: Groep 7 – 8. Geef een van die namen met --team.`,
		"en": `There is no team "Groep 9". The teams are: Groep 7 – 8. Give one of those names with --team.`,
	} {
		for _, cmd := range [][]string{{"remove", "Sanne"}, {"list"}} {
			args := append([]string{"--db", db, "--lang", lang, "member"}, cmd...)
			_, _, err := run(t, append(args, "--team", "Groep 9")...)
			if err == nil || err.Error() != want {
				t.Errorf("%s: member %s, missing team: %v, want %q", lang, cmd[0], err, want)
			}
		}
	}
}

// export on a database without a board says there is nothing yet and how
// to start, not that someone else deleted it.
func TestExportOnEmptyDatabaseSaysHowToStart(t *testing.T) {
	// What the first start of bord leaves when it is quit at once.
	empty := filepath.Join(t.TempDir(), "leeg.db")
	s, err := store.Open(empty, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for lang, want := range map[string]string{
		"nl": "Er is nog niets om te exporteren: deze database heeft nog geen bord. Begin met 'bord'",
		"en": "There is nothing to export yet: this database has no board. Start with 'bord'",
	} {
		_, _, err := run(t, "--db", empty, "--lang", lang, "export")
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "'bord demo'") {
			t.Errorf("%s: export of an empty database: %v", lang, err)
		}
	}
}

// bord --lang en demo makes the English demo; Dutch stays the default.
func TestDemoCommandSpeaksTheLanguage(t *testing.T) {
	for lang, team := range map[string]string{"en": store.DemoTeamEN, "nl": store.DemoTeam} {
		db := filepath.Join(t.TempDir(), "bord.db")
		if _, _, err := run(t, "--db", db, "--lang", lang, "demo"); err != nil {
			t.Fatal(err)
		}
		out, _, err := run(t, "--db", db, "team", "list")
		if err != nil || !strings.HasPrefix(out, team+"\n") {
			t.Errorf("%s: team list after demo: %q %v", lang, out, err)
		}
	}
}
