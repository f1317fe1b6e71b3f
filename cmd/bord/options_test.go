package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --as is shown on everyone's board and stored with every change: escape
// sequences and controls in it must not get that far.
func TestDisplayNameIsCleaned(t *testing.T) {
	o := &options{as: "Ann\x1b]2;PWNED\x07\x1b[5m\u202eB\r"}
	if got := o.user(); got != "AnnB" {
		t.Errorf("user() = %q, want %q", got, "AnnB")
	}
	o = &options{as: "\x1b[2J"}
	if got := o.user(); got == "" || strings.ContainsAny(got, "\x1b[") {
		t.Errorf("a name of only an escape falls back to the login name, got %q", got)
	}
}

// The database lives where the README says when --db is not given.
func TestDefaultDatabasePath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	if got, want := defaultDB(), filepath.Join(dir, "xdg", "bord", "bord.db"); got != want {
		t.Errorf("with XDG_DATA_HOME: %s, want %s", got, want)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", filepath.Join(dir, "home"))
	if got, want := defaultDB(), filepath.Join(dir, "home", ".local", "share", "bord", "bord.db"); got != want {
		t.Errorf("without XDG_DATA_HOME: %s, want %s", got, want)
	}
	// And the command really creates it there.
	if _, _, err := run(t, "demo"); err != nil {
		t.Fatalf("bord demo with the default database: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "home", ".local", "share", "bord", "bord.db")); err != nil {
		t.Errorf("bord demo did not create the default database: %v", err)
	}
}
