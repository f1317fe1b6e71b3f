package sshserver_test

import (
	"strings"
	"testing"
)

// Without a PTY a member gets a few plain-text commands; anything else is a
// clear message on stderr and exit status 1. An unknown key gets nothing
// of any board.
func TestExecWithoutPTY(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	anna := e.member("Anna")
	stranger := newKey(t)

	for _, c := range []struct {
		name   string
		key    bool // false: the unknown key
		cmd    string
		status int
		stdout []string // all of these in stdout
		stderr []string // all of these in stderr
		never  []string // none of these in stdout or stderr
	}{
		{name: "help", key: true, cmd: "help", stdout: []string{"Opdrachten:", "export", "whoami"}},
		{name: "whoami", key: true, cmd: "whoami", stdout: []string{"Anna — teams: " + demoTeamText}},
		{name: "export", key: true, cmd: "export", stdout: []string{"# " + "Verbeterbord kernteam", "- [ ] ", demoAction}},
		{name: "export plan", key: true, cmd: "export --what plan", stdout: []string{"# Verantwoording", "## Thuiszitters", "lopend · op koers", "lopend · achter", "Niet meetbaar", "| Datum | Waarde | Wie | Notitie |", "BKA2"}},
		{name: "export measurements", key: true, cmd: "export --what measurements --format csv", stdout: []string{"speerpunt;doel;datum;waarde;eenheid;wie;notitie\nThuiszitters;Minder thuiszitters in de regio;"}},
		{name: "unknown command", key: true, cmd: "rm -rf /", status: 1, stderr: []string{`Onbekende opdracht "rm"`, "help"}},
		{name: "csv of a board", key: true, cmd: "export --what board --format csv", status: 1, stderr: []string{"--format csv hoort bij --what measurements"}, never: []string{demoAction}},
		{name: "bad flag", key: true, cmd: "export --nope", status: 1, stderr: []string{"Opdrachten:"}, never: []string{demoAction}},
		// A stranger learns their fingerprint (to pass on), and the
		// exit status says they are no member.
		{name: "stranger whoami", cmd: "whoami", status: 1, stderr: []string{fp(stranger), "niet bekend"}, never: boardData},
		{name: "stranger export", cmd: "export", status: 1, stderr: []string{"niet bekend"}, never: boardData},
		{name: "stranger invite", cmd: "invite", status: 1, stderr: []string{"niet bekend"}, never: boardData},
	} {
		t.Run(c.name, func(t *testing.T) {
			key := stranger
			if c.key {
				key = anna
			}
			out, errOut, status := e.run(t, key, c.cmd)
			if status != c.status {
				t.Errorf("%s: exit status %d, want %d (stdout %q, stderr %q)", c.cmd, status, c.status, out, errOut)
			}
			if c.status == 0 && errOut != "" {
				t.Errorf("%s: stderr %q", c.cmd, errOut)
			}
			if c.status != 0 && out != "" {
				t.Errorf("%s failed but wrote to stdout: %q", c.cmd, out)
			}
			for _, s := range c.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("%s: stdout lacks %q:\n%s", c.cmd, s, out)
				}
			}
			for _, s := range c.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("%s: stderr lacks %q:\n%s", c.cmd, s, errOut)
				}
			}
			for _, s := range c.never {
				if strings.Contains(out+errOut, s) {
					t.Errorf("%s: output shows %q", c.cmd, s)
				}
			}
		})
	}

	// No command and no PTY (ssh -T): the message says how to connect.
	sess, err := e.mustDial(t, anna).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	sess.Stderr = &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Wait(); exitStatus(err) != 1 || !strings.Contains(stderr.String(), "ssh -t") {
		t.Errorf("shell without PTY: %v, stderr %q; want status 1 and how to connect", err, stderr.String())
	}

	// A member can make an invite code for a colleague; it works once.
	out, errOut, status := e.run(t, anna, "invite --ttl 1h")
	code, _, _ := strings.Cut(out, "\n")
	if status != 0 || len(code) != len("XXXX-XXXX-XXXX") {
		t.Fatalf("invite: status %d, stdout %q, stderr %q", status, out, errOut)
	}
	if _, err := e.st.RedeemInvite(code, fp(stranger), "Collega"); err != nil {
		t.Errorf("the code from invite does not work: %v", err)
	}
	if out, _, _ := e.run(t, stranger, "whoami"); !strings.Contains(out, "Collega — teams: "+demoTeamText) {
		t.Errorf("whoami after the invite: %q", out)
	}
}
