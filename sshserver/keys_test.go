package sshserver_test

// The client side of a test: keys, members with keys, and SSH connections
// to the test server that check its host key.

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net"
	"testing"

	"github.com/verbeterbord/bord/sshserver"
	gossh "golang.org/x/crypto/ssh"
)

// newKey makes an ed25519 client key.
func newKey(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fp is a key's fingerprint as the server sees it.
func fp(k gossh.Signer) string { return sshserver.Fingerprint(k.PublicKey()) }

// member makes a key for name in the demo team.
func (e *env) member(name string) gossh.Signer {
	return e.memberOf(e.teamID, name)
}

// memberOf makes a key for name in team teamID.
func (e *env) memberOf(teamID uint64, name string) gossh.Signer {
	e.t.Helper()
	k := newKey(e.t)
	if _, err := e.st.AddMemberKey("Marieke", teamID, name, fp(k)); err != nil {
		e.t.Fatal(err)
	}
	return k
}

// dial connects with key, checking the server's host key.
func (e *env) dial(key gossh.Signer) (*gossh.Client, error) {
	want := e.srv.HostKeyFingerprint()
	return gossh.Dial("tcp", e.addr, &gossh.ClientConfig{
		User: "bord",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if got := sshserver.Fingerprint(k); got != want {
				return fmt.Errorf("host key %s, want %s", got, want)
			}
			return nil
		},
		Timeout: wait,
	})
}

// mustDial is dial that fails the test on error and closes the client at
// the end of the test.
func (e *env) mustDial(t *testing.T, key gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := e.dial(key)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}
