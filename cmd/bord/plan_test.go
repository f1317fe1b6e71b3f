package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The year's account and the measurements CSV of the demo board, in both
// languages, as goldens: what a quality officer hands on.
func TestExportPlanGolden(t *testing.T) {
	db := demoDB(t)
	for _, c := range []struct{ name, lang, what, format string }{
		{"plan_nl.md", "nl", "plan", "md"},
		{"plan_en.md", "en", "plan", "md"},
		{"measurements_nl.csv", "nl", "measurements", "csv"},
		{"measurements_en.csv", "en", "measurements", "csv"},
	} {
		out, errOut, err := run(t, "--db", db, "--lang", c.lang, "export", "--what", c.what, "--format", c.format, "--year", "2026")
		if err != nil {
			t.Fatalf("%s: %v (%s)", c.name, err, errOut)
		}
		golden(t, c.name, out)
	}
	if _, _, err := run(t, "--db", db, "export", "--what", "board", "--format", "csv"); err == nil || !strings.Contains(err.Error(), "--what measurements") {
		t.Errorf("csv of a board: %v", err)
	}
}

// bord import measurements reads what export writes; a file with a bad
// line names it and imports nothing, not even its good lines.
func TestImportMeasurementsCSV(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	exported := func() string {
		out, _, err := run(t, "--db", db, "export", "--what", "measurements", "--format", "csv")
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := exported()
	bad := write("bad.csv", "speerpunt;doel;datum;waarde\n"+
		"Thuiszitters;Minder thuiszitters in de regio;2026-11-30;30,5\n"+
		"Thuiszitters;Minder thuiszitters in de regio;2026-12-01;abc\n"+
		"Thuiszitters;Minder thuiszitters in de regio;2099-12-01;29\n")
	_, _, err := run(t, "--db", db, "--as", "Marieke", "import", "measurements", bad)
	if err == nil || !strings.Contains(err.Error(), `regel 3: "abc" is geen getal`) || !strings.Contains(err.Error(), "niets geïmporteerd") {
		t.Fatalf("a bad line: %v", err)
	}
	if exported() != before {
		t.Fatal("a refused file imported its good lines")
	}
	comma := write("comma.csv", "speerpunt,goal,date,value\nThuiszitters,Minder thuiszitters in de regio,2026-11-30,30,5\n")
	if _, _, err := run(t, "--db", db, "--lang", "en", "--as", "Marieke", "import", "measurements", comma); err == nil || !strings.Contains(err.Error(), "decimal comma") {
		t.Errorf("a decimal comma in a comma-separated file: %v", err)
	}
	// The export itself, read back into a copy of the board's goals, adds
	// every row again: the same columns both ways.
	again := write("again.csv", before)
	out, _, err := run(t, "--db", db, "--as", "Marieke", "import", "measurements", again)
	if err != nil || !strings.Contains(out, "5 metingen geïmporteerd") {
		t.Fatalf("import of the export: %q, %v", out, err)
	}
	if got := exported(); strings.Count(got, "\n") != 2*strings.Count(before, "\n")-1 {
		t.Errorf("after importing the export: %d lines, want every row twice:\n%s", strings.Count(got, "\n"), got)
	}
}

// While bord serve holds the file, import measurements is done by it: the
// file, named relative to this process's directory, is found, and a bad
// line's message comes back.
func TestImportMeasurementsWhileOwned(t *testing.T) {
	db := shortDB(t)
	// A real process, with its own working directory.
	srv := bordProcess("--db", db, "serve", "--addr", "127.0.0.1:0")
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	waitForOwner(t, db)
	t.Chdir(t.TempDir())
	if err := os.WriteFile("m.csv", []byte("doel;datum;waarde\nMinder thuiszitters in de regio;2026-11-20;34,5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("bad.csv", []byte("doel;datum;waarde\nMinder thuiszitters in de regio;2026-11-20;veel\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err := run(t, "--db", db, "--as", "Marieke", "import", "measurements", "bad.csv"); err == nil || !strings.Contains(errOut, `regel 2: "veel" is geen getal`) {
		t.Errorf("a bad file while owned: %v, stderr %q", err, errOut)
	}
	out, errOut, err := run(t, "--db", db, "--as", "Marieke", "import", "measurements", "m.csv")
	if err != nil || !strings.Contains(out, "1 metingen geïmporteerd") {
		t.Fatalf("import while owned: %q %v %q", out, err, errOut)
	}
	if out, _, _ := run(t, "--db", db, "export", "--what", "measurements", "--format", "csv"); !strings.Contains(out, "2026-11-20;34,5;leerlingen;Marieke") {
		t.Errorf("the imported measurement is not in the export:\n%s", out)
	}
}
