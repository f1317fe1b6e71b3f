package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/cmd/owner"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/store/storetest"
	"github.com/verbeterbord/bord/tui/i18n"
)

// shortDB is a demo database in a directory with a short path: the socket
// beside it must fit in a socket's ~104 bytes.
func shortDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(storetest.ShortDir(t), "bord.db")
	if _, _, err := run(t, "--db", db, "--as", "Marieke", "demo"); err != nil {
		t.Fatal(err)
	}
	return db
}

// bordProcess is the real bord (this test binary running main) with args.
func bordProcess(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestDamagedFileExitCode$")
	cmd.Env = append(os.Environ(), "BORD_MAIN_ARGS="+strings.Join(args, "\n"))
	return cmd
}

// waitForOwner waits until the owner of db answers on its socket.
func waitForOwner(t *testing.T, db string) {
	t.Helper()
	path, err := owner.Socket(db)
	if err != nil {
		t.Fatal(err)
	}
	c, err := owner.Dial(path, 30*time.Second)
	if err != nil {
		t.Fatalf("no owner of %s: %v", db, err)
	}
	c.Close()
}

// localOwner opens db and serves it on its socket as a bord TUI does;
// stop ends it as a TUI that quits.
func localOwner(t *testing.T, db string) (stop func()) {
	t.Helper()
	o := &options{db: db}
	s, err := o.open(i18n.For(i18n.NL), openWrite, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	srv, stopServer := o.startOwner(s, nil, io.Discard)
	if srv == nil {
		t.Fatal("no owner server")
	}
	var once sync.Once
	stop = func() { once.Do(func() { stopServer(); closeLocal(s) }) }
	t.Cleanup(stop)
	return stop
}

// While bord serve runs (a real process), bord member add, invite, team
// list, export and backup of the same user work: the server does them.
// When it stops, its socket goes and the next command opens the file.
func TestCommandsWhileServing(t *testing.T) {
	db := shortDB(t)
	var serveErr bytes.Buffer
	srv := bordProcess("--db", db, "serve", "--addr", "127.0.0.1:0")
	srv.Stderr = &serveErr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	waitForOwner(t, db)

	if _, _, err := run(t, "--db", db, "member", "add", "Kees O'Brien", "--team", "swv zuid-holland oost - KERNTEAM"); err != nil {
		t.Fatalf("member add while serving: %v", err)
	}
	out, _, err := run(t, "--db", db, "team", "list")
	if err != nil || !strings.Contains(out, "Kees O'Brien") {
		t.Errorf("team list while serving: %q %v", out, err)
	}
	out, _, err = run(t, "--db", db, "invite", "--team", "SWV Zuid-Holland Oost – kernteam")
	if err != nil || !strings.Contains(out, "geldig tot") {
		t.Errorf("invite while serving: %q %v", out, err)
	}
	// A file named relative to this process's directory, not the server's.
	dir := t.TempDir()
	t.Chdir(dir)
	if _, _, err := run(t, "--db", db, "backup", "kopie.db"); err != nil {
		t.Fatalf("backup while serving: %v", err)
	}
	bk, err := store.Open(filepath.Join(dir, "kopie.db"), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the backup: %v", err)
	}
	if teams, _ := bk.Teams(); len(teams) != 1 || !teams[0].HasMember("Kees O'Brien") {
		t.Errorf("backup without the member added while serving: %+v", teams)
	}
	bk.Close()
	// An error of the server's reaches this process, in its language.
	_, errOut, err := run(t, "--db", db, "--lang", "en", "member", "remove", "Kees", "--team", "Team X")
	if err == nil || !strings.Contains(errOut, `There is no team "Team X"`) {
		t.Errorf("an error while serving: %v, stderr %q", err, errOut)
	}

	srv.Process.Signal(syscall.SIGTERM)
	if err := srv.Wait(); err != nil {
		t.Fatalf("serve: %v\n%s", err, serveErr.String())
	}
	if path, _ := owner.Socket(db); fileExists(path) {
		t.Error("the socket stayed after bord serve stopped")
	}
	if out, _, err := run(t, "--db", db, "export"); err != nil || !strings.Contains(out, "# Verbeterbord kernteam") {
		t.Errorf("export after serve stopped: %v", err)
	}
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// While a bord TUI has the file open (a real bord in a real terminal),
// export works, and a second bord opens the same board live: each shows
// the other on its presence line. When the first quits, the second says
// so, and the next bord takes the file.
func TestExportAndSecondWindowWhileTUIOwns(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a real terminal")
	}
	db := shortDB(t)
	cmdline := fmt.Sprintf("BORD_MAIN_ARGS='--db\n%s\n--as\nAnna\n--lang\nnl' %s -test.run='^TestDamagedFileExitCode$'; echo bord-exited-$?; sleep 5", db, os.Args[0])
	tm := startTmux(t, 120, 30, cmdline)
	tm.waitFor("jij: Anna", "Parkeerplaats")
	waitForOwner(t, db)

	out, _, err := run(t, "--db", db, "export")
	if err != nil || !strings.Contains(out, "Overzicht wachttijden") {
		t.Fatalf("export while the TUI runs: %q %v", out, err)
	}

	// The second window, through the same client code bord runs.
	path, _ := owner.Socket(db)
	conn, err := owner.Dial(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	in, keys := io.Pipe()
	screen := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- runClient(conn, "Bert", i18n.NL, terminal{in: in, out: screen, fd: -1, w: 120, h: 30}) }()
	waitForScreen(t, screen, "jij: Bert", "Hier: Anna")
	tm.waitFor("Hier: Bert")

	tm.keys("q")
	tm.waitFor("bord-exited-0")
	waitForScreen(t, screen, "De bord die deze database open had, is gestopt")
	keys.Close()
	if err := <-done; err != nil {
		t.Errorf("second window: %v", err)
	}
	if fileExists(path) {
		t.Error("the socket stayed after the TUI quit")
	}
	stop := localOwner(t, db) // the next bord takes over
	defer stop()
	if out, _, err := run(t, "--db", db, "--lang", "en", "export"); err != nil || !strings.Contains(out, "Actions") {
		t.Errorf("export through the next owner: %v", err)
	}
}

// waitForScreen waits until what the client wrote to b shows texts.
func waitForScreen(t *testing.T, b *syncBuffer, texts ...string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		plain := ansi.Strip(b.String())
		ok := true
		for _, text := range texts {
			ok = ok && strings.Contains(plain, text)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%q never appeared; the client got:\n%s", texts, plain)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// When the owner quits, the next bord owns the file: commands then go to
// it, whichever process it is.
func TestOwnerExitsNextTakesOver(t *testing.T) {
	db := shortDB(t)
	stop := localOwner(t, db)
	if out, _, err := run(t, "--db", db, "member", "add", "Gina", "--team", "SWV Zuid-Holland Oost – kernteam"); err != nil {
		t.Fatalf("member add through the first owner: %q %v", out, err)
	}
	stop()
	stop = localOwner(t, db)
	defer stop()
	out, _, err := run(t, "--db", db, "member", "list")
	if err != nil || !strings.Contains(out, "Gina") {
		t.Errorf("member list through the next owner: %q %v", out, err)
	}
}

// A socket a killed owner left behind is no owner: commands open the file
// themselves, and the next owner replaces the socket.
func TestStaleSocketFile(t *testing.T) {
	db := shortDB(t)
	srv := bordProcess("--db", db, "serve", "--addr", "127.0.0.1:0")
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	waitForOwner(t, db)
	srv.Process.Kill() // no chance to remove its socket
	srv.Wait()
	path, _ := owner.Socket(db)
	if !fileExists(path) {
		t.Fatal("a killed server left no socket: nothing stale to test")
	}
	if out, _, err := run(t, "--db", db, "export"); err != nil || !strings.Contains(out, "Overzicht wachttijden") {
		t.Fatalf("export beside a stale socket: %v", err)
	}
	stop := localOwner(t, db)
	defer stop()
	if out, _, err := run(t, "--db", db, "team", "list"); err != nil || !strings.Contains(out, "Marieke") {
		t.Errorf("team list through the owner after a stale socket: %q %v", out, err)
	}
}

// Two bord started at once on one file: one owns it, the other becomes a
// window on it, neither fails.
func TestTwoStartAtOnce(t *testing.T) {
	db := shortDB(t)
	type result struct {
		o    *options
		s    *store.Store
		conn bool
		err  error
	}
	results := make(chan result, 2)
	start := make(chan struct{})
	for range 2 {
		go func() {
			o := &options{db: db}
			<-start
			s, conn, err := o.openOrJoin(i18n.For(i18n.NL), io.Discard)
			if s != nil {
				_, stop := o.startOwner(s, nil, io.Discard)
				t.Cleanup(func() { stop(); s.Close() })
			}
			if conn != nil {
				conn.Close()
			}
			results <- result{o, s, conn != nil, err}
		}()
	}
	close(start)
	owners, windows := 0, 0
	for range 2 {
		r := <-results
		if r.err != nil {
			t.Errorf("a start failed: %v", r.err)
		}
		if r.s != nil {
			owners++
		}
		if r.conn {
			windows++
		}
	}
	if owners != 1 || windows != 1 {
		t.Errorf("%d owners and %d windows, want one of each", owners, windows)
	}
}

// What only the owner's own process can do is refused over the socket,
// saying what to do: serving the file, or a board without a terminal.
func TestOwnerRefusesServeAndTUIOverTheSocket(t *testing.T) {
	db := shortDB(t)
	localOwner(t, db)
	path, _ := owner.Socket(db)
	for words, want := range map[string]string{
		"'--lang=en' 'serve'": "Quit that one first, then start bord serve.",
		"'--lang=en'":         "start 'bord' without a command in a terminal window",
	} {
		conn, err := owner.Dial(path, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		sess, done, err := dialSession(conn, "Anna")
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		sess.Stderr = &stderr
		if err := sess.Run(words); err == nil || !strings.Contains(stderr.String(), want) {
			t.Errorf("%s over the socket: %v, stderr %q", words, err, stderr.String())
		}
		done()
	}
}

// The help says what the README and the user guide say about working while
// bord is open, so none of the three falls behind the others.
func TestHelpAndDocsAgreeOnWorkingWhileOpen(t *testing.T) {
	out, _, err := run(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Terwijl bord open is", "While bord is open, export,\nbackup, team, member and invite still work", "second window opens the same board, live"} {
		if !strings.Contains(out, want) {
			t.Errorf("bord --help lacks %q", want)
		}
	}
	for file, wants := range map[string][]string{
		"../../README.md":                     {"### Terwijl bord open is / While bord is open", "`bord member add/remove` and `bord invite` work while the board is open", "opens the same board, live"},
		"../../docs/gebruikershandleiding.md": {"## Terwijl bord open is", "hetzelfde bord, live", "opens the same\nboard live"},
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range wants {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s lacks %q", file, want)
			}
		}
	}
}
