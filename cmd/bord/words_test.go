package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An import of a file that is no export names the file and says what to
// choose, in the user's language; the raw JSON error stays out.
func TestImportNotJSONNamesTheFile(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "verslag.md")
	if err := os.WriteFile(bad, []byte("Åpenbaar verslag\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"nl": "verslag.md is geen bord-export (JSON): onverwacht teken op positie 1. Kies het bestand dat 'bord export --format json' maakte.",
		"en": "verslag.md is not a bord export (JSON): unexpected character at position 1. Choose the file 'bord export --format json' made.",
	} {
		_, _, err := run(t, "--db", filepath.Join(t.TempDir(), "b.db"), "--lang", lang, "import", bad)
		if err == nil || !strings.HasSuffix(err.Error(), want) || strings.Contains(err.Error(), "invalid character") {
			t.Errorf("%s: import error %v\nwant …%s", lang, err, want)
		}
	}
	_, _, err := run(t, "--db", filepath.Join(t.TempDir(), "b.db"), "--lang", "en", "import", filepath.Join(t.TempDir(), "weg.json"))
	if err == nil || !strings.Contains(err.Error(), "weg.json does not exist. Check the name and the folder.") {
		t.Errorf("missing file: %v", err)
	}
}

// A database bord may not read says so with the file's name, not
// "open …: permission denied".
func TestOpenNoAccessNamesTheFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	db := demoDB(t)
	if err := os.Chmod(db, 0); err != nil {
		t.Fatal(err)
	}
	_, _, err := run(t, "--db", db, "--lang", "en", "export")
	if err == nil || !strings.HasPrefix(err.Error(), "bord may not read or write "+db) {
		t.Errorf("export of an unreadable database: %v", err)
	}
}
