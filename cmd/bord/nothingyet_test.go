package main

import (
	"path/filepath"
	"strings"
	"testing"

	"crypto/ed25519"
	"github.com/verbeterbord/bord/store"
	gossh "golang.org/x/crypto/ssh"
	"os"
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

// member add --key takes the key's line or the .pub file that holds it (the
// file is what people give), and anything else is refused with what to give.
func TestMemberAddKeyLineOrFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "bord.db")
	if _, _, err := run(t, "--db", db, "team", "add", "Groep 8"); err != nil {
		t.Fatal(err)
	}
	pubKey := func() []byte {
		k, _, err := ed25519.GenerateKey(nil)
		if err != nil {
			t.Fatal(err)
		}
		pk, err := gossh.NewPublicKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return gossh.MarshalAuthorizedKey(pk)
	}
	pub := filepath.Join(dir, "anna.pub")
	if err := os.WriteFile(pub, pubKey(), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, key := range map[string]string{"Anna": pub, "Bram": strings.TrimSpace(string(pubKey()))} {
		out, _, err := run(t, "--db", db, "member", "add", name, "--team", "Groep 8", "--key", key)
		if err != nil || !strings.Contains(out, "SHA256:") {
			t.Errorf("--key %s: %q, %v", key, out, err)
		}
	}
	for lang, want := range map[string]string{"nl": "is geen SSH-sleutel", "en": "is not an SSH key"} {
		_, _, err := run(t, "--db", db, "--lang", lang, "member", "add", "Chris", "--team", "Groep 8", "--key", filepath.Join(dir, "nope.pub"))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), ".pub") {
			t.Errorf("%s: a key that is neither: %v", lang, err)
		}
	}
}
