package store_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// The kill -9 test runs this test binary again as a writer process. These
// variables tell the child which file to write and how to name its texts.
const (
	writerEnv    = "BORD_STORE_WRITER"
	writerTagEnv = "BORD_STORE_WRITER_TAG"
)

// runWriter is the child's side: open the store, make a team and board if
// this is the first round, then add actions with unique texts forever,
// printing "ack <text>" only after Add has returned nil, that is after
// bbolt committed. The parent kills it; the limits below only keep a child
// whose parent died from running on.
func runWriter(path, tag string) {
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "writer:", err)
		os.Exit(3)
	}
	s, err := store.Open(path, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		fail(err)
	}
	teams, err := s.Teams()
	if err != nil {
		fail(err)
	}
	var team board.Team
	if len(teams) == 0 {
		if team, err = s.CreateTeam("Anna", "Groep 6", "Anna", "Bram"); err != nil {
			fail(err)
		}
	} else {
		team = teams[0]
	}
	infos, err := s.Boards(team.ID)
	if err != nil {
		fail(err)
	}
	var info board.Info
	if len(infos) == 0 {
		if info, err = s.CreateBoard("Anna", team.ID, "Bord"); err != nil {
			fail(err)
		}
	} else {
		info = infos[0]
	}
	parent := os.Getppid()
	for i := range 100_000 {
		if os.Getppid() != parent {
			os.Exit(4) // the parent is gone: nobody will kill us
		}
		text := fmt.Sprintf("%s-%d", tag, i)
		a := &board.Action{What: text, Who: "Bram", When: time.Now().AddDate(0, 0, 7)}
		if _, err := s.Add("Anna", info.ID, a); err != nil {
			fail(err)
		}
		// os.Stdout is unbuffered: the line is in the pipe when this returns.
		fmt.Printf("ack %s\n", text)
	}
	os.Exit(5)
}

// killRound starts a writer on path, kills it with SIGKILL at a random
// moment after its first acknowledged write, and returns every text it
// acknowledged.
func killRound(t *testing.T, path, tag string, rng *rand.Rand) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillNine$")
	cmd.Env = append(os.Environ(), writerEnv+"="+path, writerTagEnv+"="+tag)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}

	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()

	var acked []string
	collect := func(line string) {
		if text, ok := strings.CutPrefix(line, "ack "); ok {
			acked = append(acked, text)
		}
	}
	// Wait for the first ack; if the child ends first, it failed.
	for len(acked) == 0 {
		line, ok := <-lines
		if !ok {
			cmd.Wait()
			t.Fatalf("writer ended before its first write: %s", stderr.String())
		}
		collect(line)
	}
	time.Sleep(time.Duration(5+rng.IntN(146)) * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatalf("kill: %v", err)
	}
	// Acks already in the pipe were printed after a commit: they count.
	for line := range lines {
		collect(line)
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("writer: %v", err)
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("writer did not die by SIGKILL (%v): %s", err, stderr.String())
	}
	return acked
}

// TestKillNine: kill -9 at any moment loses no acknowledged write and leaves
// a file that passes bbolt's check and opens. Each round continues on the
// same file, so later rounds also exercise recovery after an earlier kill.
func TestKillNine(t *testing.T) {
	if path := os.Getenv(writerEnv); path != "" {
		runWriter(path, os.Getenv(writerTagEnv))
		return
	}
	// make test (-short) kills 6 times, each at a new random moment and
	// on the file the last kill left; make test-long the full 20.
	rounds := 20
	if testing.Short() {
		rounds = 6
	}
	path := filepath.Join(t.TempDir(), "bord.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed) // the kill moments, to rerun a failure
	rng := rand.New(rand.NewPCG(seed, seed))

	var all []string
	for round := range rounds {
		acked := killRound(t, path, fmt.Sprintf("r%02d", round), rng)
		all = append(all, acked...)

		if err := store.CheckFile(path); err != nil {
			t.Fatalf("round %d: CheckFile after kill: %v", round, err)
		}
		s, err := store.Open(path, store.Options{Timeout: time.Second})
		if err != nil {
			t.Fatalf("round %d: Open after kill: %v", round, err)
		}
		infos, err := s.Boards(0)
		if err != nil || len(infos) != 1 {
			s.Close()
			t.Fatalf("round %d: boards %+v, %v; want the one board", round, infos, err)
		}
		b, err := s.Board(infos[0].ID)
		if err != nil {
			s.Close()
			t.Fatalf("round %d: Board: %v", round, err)
		}
		texts := actionTexts(b)
		var lost []string
		for _, text := range all {
			if !texts[text] {
				lost = append(lost, text)
			}
		}
		s.Close()
		if len(lost) > 0 {
			t.Fatalf("round %d: %d acknowledged writes lost, e.g. %q", round, len(lost), lost[0])
		}
		// Every write is one commit that bumps the version once.
		if len(b.Actions) < len(all) || b.Version != uint64(len(b.Actions)) {
			t.Fatalf("round %d: %d actions at version %d for %d acks", round, len(b.Actions), b.Version, len(all))
		}
	}
	t.Logf("%d acknowledged writes over %d kills, none lost", len(all), rounds)
}
