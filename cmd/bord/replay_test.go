package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives the real bord binary in a real terminal.
type tmuxSession struct {
	t    *testing.T
	sock string
	wait time.Duration // how long waitFor waits for a text
}

func startTmux(t *testing.T, w, h int, cmdline string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: nothing to drive a real terminal with")
	}
	s := &tmuxSession{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock"), wait: 20 * time.Second}
	if out, err := exec.Command("tmux", "-S", s.sock, "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmdline).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	return s
}

func (s *tmuxSession) screen() string {
	out, _ := exec.Command("tmux", "-S", s.sock, "capture-pane", "-p").CombinedOutput()
	return string(out)
}

// keys sends tmux key names (Enter, Escape, or literal text) one by one.
func (s *tmuxSession) keys(keys ...string) {
	for _, k := range keys {
		args := []string{"-S", s.sock, "send-keys"}
		switch k {
		case "Enter", "Escape", "Tab", "Down", "Up", "Space":
			args = append(args, k)
		default:
			args = append(args, "-l", k)
		}
		exec.Command("tmux", args...).Run()
		time.Sleep(60 * time.Millisecond)
	}
}

func (s *tmuxSession) waitFor(texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(s.wait)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		ok := true
		for _, text := range texts {
			ok = ok && strings.Contains(scr, text)
		}
		if ok {
			return scr
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("%q never appeared; the screen shows:\n%s", texts, scr)
	return ""
}

// TestReplayMeetingAndRetro replays a whole bordsessie and a whole
// retrospective from a user's keystrokes in a real terminal, then checks
// what was kept with the exports. Replay it with: make replay
func TestReplayMeetingAndRetro(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a real terminal")
	}
	bin := filepath.Join(t.TempDir(), "bord")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(t.TempDir(), "bord.db")
	if out, err := exec.Command(bin, "--db", db, "--as", "Fatima", "demo").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	s := startTmux(t, 120, 36, fmt.Sprintf("%s --db %s --as Fatima --lang nl; echo bord-exited-$?; sleep 5", bin, db))
	s.waitFor("Parkeerplaats")

	// The bordsessie: start, check in, through the agenda, an action, close.
	s.keys("S")
	s.waitFor("Bordsessie starten")
	s.keys("Enter")
	s.waitFor("Bordsessie · nog 15:00", "Sinds vorige sessie")
	s.keys("c")
	s.waitFor("Check-in")
	s.keys("1", "blij", "Enter")
	s.waitFor(":-) Fatima")
	s.keys("]", "]", "]")
	s.waitFor("4/6 Acties")
	s.keys("a", "Ouders uitnodigen voor het OPP-gesprek", "Enter", "Enter", "volgende week", "Enter", "Enter")
	s.waitFor("Ouders uitnodigen")
	s.keys("]", "]")
	s.waitFor("Afsluiten", "Nieuwe acties (1)")
	s.keys("E")
	s.waitFor("Bordsessie afsluiten")
	s.keys("1")
	s.waitFor("Bordsessie afgesloten")

	// The retrospective: create, write, reveal, vote, discuss, action, close.
	s.keys("R", "n", "Ondersteuning gedrag", "Enter", "1-11", "Enter", "20-11", "Enter", "Enter", "Enter", "Enter")
	s.waitFor("Retrospective · Ondersteuning gedrag")
	s.keys("]")
	s.waitFor("2/8: Schrijven")
	s.keys("a", "Korte lijnen met de ouders", "Enter")
	s.waitFor("Korte lijnen met de ouders (jij)")
	s.keys("2", "a", "OPP te laat gestart", "Enter")
	s.waitFor("OPP te laat gestart")
	s.keys("]", "]", "]")
	s.waitFor("5/8: Stemmen", "stemmen over: 3/3")
	s.keys(" ", " ")
	s.waitFor("stemmen over: 1/3")
	s.keys("]")
	s.waitFor("6/8: Bespreken", "(2) OPP te laat gestart")
	s.keys("]", "a")
	s.waitFor("Kaart → verbeteractie")
	s.keys("Enter", "week 50", "Enter", "Enter")
	s.waitFor("Opgeslagen")
	s.keys("]")
	// Closing a retrospective asks first (issue 13: a key burst closed one).
	s.waitFor("De retrospective afsluiten?")
	s.keys("1")
	s.waitFor("8/8: Afgesloten")
	s.keys("Escape", "Escape", "q")
	// The exports below open the database: wait until bord has let go of it.
	s.waitFor("bord-exited-0")

	out, err := exec.Command(bin, "--db", db, "--lang", "nl", "export", "--what", "session").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "- [ ] Ouders uitnodigen voor het OPP-gesprek — Fatima") {
		t.Errorf("session export: %v\n%s", err, out)
	}
	out, err = exec.Command(bin, "--db", db, "--lang", "nl", "export", "--what", "retro").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "- [ ] OPP te laat gestart — Fatima") || !strings.Contains(string(out), "OPP te laat gestart (2)") {
		t.Errorf("retro export: %v\n%s", err, out)
	}
}
