package sshserver_test

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/sshserver"
	gossh "golang.org/x/crypto/ssh"
)

// A command longer than MaxCommand is refused before anything splits it
// into words (gliderlabs' split is quadratic: 100 KB cost seconds of CPU),
// whoever sends it; one just under the limit is read as usual.
func TestLongExecCommandRefused(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	e := startServer(t, func(c *sshserver.Config) { c.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	stranger, anna := newKey(t), e.member("Anna")

	long := "export --topic '" + strings.Repeat("a b ", 25_000) + "'"
	for _, who := range []struct {
		name string
		key  gossh.Signer
	}{{"stranger", stranger}, {"member", anna}} {
		t.Run(who.name, func(t *testing.T) {
			out, errOut, status := e.run(t, who.key, long)
			if status != 1 || out != "" || !strings.Contains(errOut, "te lang") {
				t.Errorf("a %d-byte command: status %d, stdout %.80q, stderr %q; want 1 and \"te lang\"", len(long), status, out, errOut)
			}
		})
	}
	if !strings.Contains(logs.String(), `reason="command too long"`) {
		t.Errorf("the refusal is not logged:\n%s", logs.String())
	}
	// At the limit: read as usual.
	atLimit := "whoami" + strings.Repeat(" ", sshserver.MaxCommand-len("whoami"))
	if out, errOut, status := e.run(t, anna, atLimit); status != 0 || !strings.Contains(out, "Anna") {
		t.Errorf("a command of exactly %d bytes: status %d, %q %q", len(atLimit), status, out, errOut)
	}
}

// Words after a command are refused, not ignored: `ssh host export $(id)`
// used to export. Nothing is written to stdout and no invite is made.
func TestExecExtraWordsRefused(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	anna := e.member("Anna")
	for _, cmd := range []string{"export uid=1000(anna)", "export --what board extra", "whoami x", "help me", "invite --ttl 1h nu"} {
		out, errOut, status := e.run(t, anna, cmd)
		if status != 1 || out != "" || !strings.Contains(errOut, "hoort niets meer") {
			t.Errorf("%s: status %d, stdout %q, stderr %q; want 1, nothing, and what is wrong", cmd, status, out, errOut)
		}
	}
}

// A member's key can make only InvitesMade codes in a row over SSH; the
// next is refused with a message and logged.
func TestInviteCapPerMember(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	e := startServer(t, func(c *sshserver.Config) {
		c.InvitesMade = 2
		c.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	})
	anna := e.member("Anna")
	for i := range 2 {
		if out, errOut, status := e.run(t, anna, "invite"); status != 0 || len(out) < len("XXXX-XXXX-XXXX") {
			t.Fatalf("invite %d: status %d, %q %q", i+1, status, out, errOut)
		}
	}
	out, errOut, status := e.run(t, anna, "invite")
	if status != 1 || out != "" || !strings.Contains(errOut, "veel uitnodigingscodes") {
		t.Errorf("the third invite: status %d, stdout %q, stderr %q; want refused", status, out, errOut)
	}
	if !strings.Contains(logs.String(), `reason="invite cap per member"`) || !strings.Contains(logs.String(), "member=Anna") {
		t.Errorf("the cap is not logged:\n%s", logs.String())
	}
	// Another member has their own allowance.
	if _, errOut, status := e.run(t, e.member("Bert"), "invite"); status != 0 {
		t.Errorf("Bert's first invite: %d %q", status, errOut)
	}
}
