package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/store"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixed is the clock of these tests: Monday 23 November 2026, ISO week 48.
var fixed = time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)

// demoDB makes a database with the demo board, as of the fixed clock.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bord.db")
	s, err := store.Open(path, store.Options{Now: func() time.Time { return fixed }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDemo("Marieke"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs the bord command line in-process and returns stdout and stderr.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	now = func() time.Time { return fixed }
	t.Cleanup(func() { now = time.Now })
	root := newRoot()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := execute(root)
	return out.String(), errOut.String(), err
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestExportMarkdownGolden(t *testing.T) {
	db := demoDB(t)
	for _, tc := range []struct{ name, lang, what string }{
		{"actions_nl.md", "nl", "actions"},
		{"actions_en.md", "en", "actions"},
		{"board_nl.md", "nl", "board"},
		{"board_en.md", "en", "board"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := run(t, "--db", db, "--lang", tc.lang, "export", "--what", tc.what)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, out)
		})
	}
}

func TestExportFileAndBoardChoice(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "acties.md")
	if _, _, err := run(t, "--db", db, "export", "--board", "verbeterbord KERNTEAM", "-o", out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "- [x] Terugbellen ouders") || !strings.Contains(string(data), "**te laat**") {
		t.Errorf("export file lacks a done or an overdue action:\n%s", data)
	}
	_, _, err = run(t, "--db", db, "--lang", "nl", "export", "--board", "bestaat niet")
	if err == nil || !strings.Contains(err.Error(), `Geen bord met de naam "bestaat niet"`) {
		t.Errorf("unknown board: got %v", err)
	}
}

// The JSON export, loaded into a new database with `bord import`, exports
// to exactly the same JSON: nothing is lost on the way.
func TestExportImportJSONRoundTrip(t *testing.T) {
	db := demoDB(t)
	dump := filepath.Join(t.TempDir(), "alles.json")
	if _, _, err := run(t, "--db", db, "export", "--format", "json", "-o", dump); err != nil {
		t.Fatal(err)
	}
	db2 := filepath.Join(t.TempDir(), "nieuw.db")
	if _, _, err := run(t, "--db", db2, "import", dump); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(dump)
	second, _, err := run(t, "--db", db2, "export", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if second != string(first) {
		t.Error("JSON export after import differs from the original export")
	}
	_, _, err = run(t, "--db", db2, "--lang", "en", "import", dump)
	if err == nil || !strings.Contains(err.Error(), "empty database") {
		t.Errorf("import into a full database: got %v", err)
	}
}

func TestBackupCommand(t *testing.T) {
	db := demoDB(t)
	bak := filepath.Join(t.TempDir(), "kopie.db")
	out, _, err := run(t, "--db", db, "--lang", "nl", "backup", bak)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Back-up gemaakt") {
		t.Errorf("backup output: %q", out)
	}
	if err := store.CheckFile(bak); err != nil {
		t.Fatal(err)
	}
	md, _, err := run(t, "--db", bak, "export")
	if err != nil || !strings.Contains(md, "Casusoverleg plannen") {
		t.Errorf("backup does not hold the board: %v\n%s", err, md)
	}
}

func TestBadInputMessages(t *testing.T) {
	_, _, err := run(t, "--lang", "fr", "version")
	if err != nil {
		t.Fatalf("version must not need a language: %v", err)
	}
	_, _, err = run(t, "--db", filepath.Join(t.TempDir(), "x.db"), "--lang", "fr", "export")
	if err == nil || !strings.Contains(err.Error(), `"fr"`) {
		t.Errorf("bad language: %v", err)
	}
	if _, _, err := run(t, "--db", demoDB(t), "export", "--what", "alles"); err == nil {
		t.Error("unknown --what accepted")
	}
}

// A second bord on a database held by another process says who holds it
// and, for a server, how to join over ssh, instead of hanging or failing
// with a Go error.
func TestLockedDatabaseMessage(t *testing.T) {
	if os.Getenv("BORD_HOLD_DB") != "" {
		s, err := store.Open(os.Getenv("BORD_HOLD_DB"), store.Options{Holder: "bord serve", Addr: ":2222"})
		if err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("holding\n")
		// Hold it until the test is done with it (it closes our input),
		// not for a fixed time a busy machine could outlast.
		io.Copy(io.Discard, os.Stdin)
		s.Close()
		os.Exit(0)
	}
	// The holder is no owner (it serves no socket, as a bord of an older
	// version): the message comes once the wait for an owner is over.
	defer func(w time.Duration) { joinWait = w }(joinWait)
	joinWait = 100 * time.Millisecond
	db := filepath.Join(t.TempDir(), "bord.db")
	holder := exec.Command(os.Args[0], "-test.run=^TestLockedDatabaseMessage$")
	holder.Env = append(os.Environ(), "BORD_HOLD_DB="+db)
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	release, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { release.Close(); holder.Process.Kill(); holder.Wait() })
	buf := make([]byte, 8)
	if _, err := stdout.Read(buf); err != nil || !strings.HasPrefix(string(buf), "holding") {
		t.Fatalf("holder did not start: %v %q", err, buf)
	}
	_, _, err = run(t, "--db", db, "--lang", "nl", "export")
	if err == nil || !strings.Contains(err.Error(), "ssh -p 2222") || !strings.Contains(err.Error(), "bord serve") {
		t.Errorf("locked database: got %v", err)
	}
	_, _, err = run(t, "--db", db, "--lang", "en", "export")
	if err == nil || !strings.Contains(err.Error(), "Join with: ssh -p 2222") {
		t.Errorf("locked database (en): got %v", err)
	}
}
