package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// A full disk says so, also when bbolt flattened the errno into its text;
// it never says "try again" alone, which cannot help.
func TestDiskFullSaysSo(t *testing.T) {
	wrapped := fmt.Errorf("store: %w", &fs.PathError{Op: "write", Path: "/srv/bord.db", Err: syscall.ENOSPC})
	flattened := fmt.Errorf("meta 0 copy: %s", &fs.PathError{Op: "write", Path: "/backup/b.db", Err: syscall.ENOSPC})
	for _, lang := range []Lang{NL, EN} {
		m := For(lang)
		for _, err := range []error{wrapped, flattened} {
			if got := m.Err(err); got != m.Words.DiskFull {
				t.Errorf("%s: Err(%v) = %q, want the full disk", lang, err, got)
			}
		}
		got := m.FileErr("/backup/b.db", flattened)
		if !strings.Contains(got, "/backup/b.db") || !strings.Contains(got, map[Lang]string{NL: "schijf is vol", EN: "disk filled up"}[lang]) {
			t.Errorf("%s: FileErr = %q", lang, got)
		}
	}
}

// An import that is no JSON names the file and what to pick instead, not
// "invalid character 'Å' looking for beginning of value".
func TestFileErrNamesTheFile(t *testing.T) {
	var v any
	err := json.Unmarshal([]byte("Åpenbaar"), &v)
	m := For(NL)
	got := m.FileErr("verslag.md", fmt.Errorf("store: reading export: %w", err))
	want := "verslag.md is geen bord-export (JSON): onverwacht teken op positie 1. Kies het bestand dat 'bord export --format json' maakte."
	if got != want {
		t.Errorf("FileErr = %q\nwant      %q", got, want)
	}
	if got := m.FileErr("weg.json", fs.ErrNotExist); got != "weg.json bestaat niet. Controleer de naam en de map." {
		t.Errorf("missing file: %q", got)
	}
	if got := m.FileErr("x.json", &fs.PathError{Op: "open", Path: "x.json", Err: syscall.EACCES}); !strings.HasPrefix(got, "bord mag x.json niet") {
		t.Errorf("no access: %q", got)
	}
	if got := m.FileProblem("x", errors.New("anything else")); got != "" {
		t.Errorf("FileProblem of another error = %q, want none", got)
	}
}

// No message starts with an internal prefix.
func TestReportWhatWorded(t *testing.T) {
	for _, lang := range []Lang{NL, EN} {
		_, err := For(lang).Report(&board.Board{}, "plannen", "", time.Time{})
		if !errors.Is(err, ErrWhat) || strings.Contains(err.Error(), "i18n") || !strings.Contains(err.Error(), `"plannen"`) || !strings.Contains(err.Error(), "--what") {
			t.Errorf("%s: %v", lang, err)
		}
	}
}

func TestWait(t *testing.T) {
	m := For(NL)
	for d, want := range map[time.Duration]string{
		300 * time.Millisecond: "een seconde", 5500 * time.Millisecond: "6 seconden",
		time.Minute: "een minuut", 2*time.Minute + time.Second: "3 minuten",
	} {
		if got := m.Wait(d); got != want {
			t.Errorf("Wait(%s) = %q, want %q", d, got, want)
		}
	}
	if got := For(EN).TooMany(36 * time.Second); got != "Too many attempts. Try again in 36 seconds." {
		t.Errorf("TooMany = %q", got)
	}
}
