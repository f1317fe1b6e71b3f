package sshserver_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/verbeterbord/bord/sshserver"
	gossh "golang.org/x/crypto/ssh"
)

// TestScripts runs the scripts in testdata/script against one real server:
// regression tests kept forever, in soft-serve's style, for the ways in
// (an unknown key, a key offered but never proven, no key at all). Each
// script makes its own keys and members.
//
// Commands besides testscript's own:
//
//	key NAME             a new key nobody knows; sets $FP_NAME (its
//	                     fingerprint, regexp-quoted for stdout/stderr)
//	member NAME KEY      KEY (made by key) becomes member NAME's, demo team
//	ssh [-key KEY] [-probe KEY] [-password] [-kbd] CMD...
//	                     runs CMD without a PTY: -key proves KEY, -probe
//	                     offers KEY without proving it (see unproven),
//	                     -password and -kbd offer those methods too (the
//	                     server must refuse them). Fails if the connection
//	                     or the command fails.
func TestScripts(t *testing.T) {
	t.Parallel()
	e := startServer(t, func(c *sshserver.Config) {
		c.SessionsPerKey = 1000
		c.ConnsPerIP = 1000
	})
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Values[keysKey{}] = map[string]gossh.Signer{}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"key":    e.scriptKey,
			"member": e.scriptMember,
			"ssh":    e.scriptSSH,
		},
	})
}

type keysKey struct{}

func scriptKeys(ts *testscript.TestScript) map[string]gossh.Signer {
	return ts.Value(keysKey{}).(map[string]gossh.Signer)
}

func (e *env) scriptKey(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: key NAME")
	}
	k := newKey(e.t)
	scriptKeys(ts)[args[0]] = k
	ts.Setenv("FP_"+args[0], regexp.QuoteMeta(fp(k)))
}

func (e *env) scriptMember(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: member NAME KEY")
	}
	k, ok := scriptKeys(ts)[args[1]]
	if !ok {
		ts.Fatalf("no key %q", args[1])
	}
	_, err := e.st.AddMemberKey("Marieke", e.teamID, args[0], fp(k))
	ts.Check(err)
}

func (e *env) scriptSSH(ts *testscript.TestScript, neg bool, args []string) {
	keys := scriptKeys(ts)
	key := func(name string) gossh.Signer {
		k, ok := keys[name]
		if !ok {
			ts.Fatalf("no key %q", name)
		}
		return k
	}
	// All keys go in one publickey method, in the order given: the client
	// tries each method name once.
	var signers []gossh.Signer
	var others []gossh.AuthMethod
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "-key":
			signers = append(signers, key(args[1]))
			args = args[1:]
		case "-probe":
			signers = append(signers, unproven{key(args[1])})
			args = args[1:]
		case "-password":
			others = append(others, gossh.Password("geheim"))
		case "-kbd":
			others = append(others, gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil }))
		default:
			ts.Fatalf("ssh: unknown option %s", args[0])
		}
		args = args[1:]
	}
	var auth []gossh.AuthMethod
	if len(signers) > 0 {
		auth = append(auth, gossh.PublicKeys(signers...))
	}
	auth = append(auth, others...)
	err := e.runScript(ts, auth, strings.Join(args, " "))
	switch {
	case err != nil && !neg:
		ts.Fatalf("ssh %s: %v", strings.Join(args, " "), err)
	case err == nil && neg:
		ts.Fatalf("ssh %s: succeeded, want a failure", strings.Join(args, " "))
	}
}

// runScript dials with auth and runs cmd, copying its output to the
// script's stdout and stderr.
func (e *env) runScript(ts *testscript.TestScript, auth []gossh.AuthMethod, cmd string) error {
	want := e.srv.HostKeyFingerprint()
	c, err := gossh.Dial("tcp", e.addr, &gossh.ClientConfig{
		User: "bord",
		Auth: auth,
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if got := sshserver.Fingerprint(k); got != want {
				return fmt.Errorf("host key %s, want %s", got, want)
			}
			return nil
		},
		Timeout: wait,
	})
	if err != nil {
		fmt.Fprintf(ts.Stderr(), "dial: %v\n", err)
		return err
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return err
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(cmd)
	io.Copy(ts.Stdout(), &out)
	io.Copy(ts.Stderr(), &errOut)
	var exit *gossh.ExitError
	if errors.As(err, &exit) {
		fmt.Fprintf(ts.Stderr(), "exit status %d\n", exit.ExitStatus())
	}
	return err
}

// unproven offers a key and then a signature the server refuses as an
// ordinary auth failure (its format does not fit the key), so the client
// goes on to its next method: the server's auth callback saw the key, but
// possession was never proven. (A wrong signature of the right format ends
// the handshake in x/crypto, and a signer that fails ends the client's.)
type unproven struct{ k gossh.Signer }

func (u unproven) PublicKey() gossh.PublicKey { return u.k.PublicKey() }

func (u unproven) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	return &gossh.Signature{Format: gossh.KeyAlgoRSASHA256, Blob: []byte("no proof")}, nil
}

// Even with password auth on (it is off, and auth_probed_key.txtar keeps it
// so), a key that was offered but never proven does not become the
// session's: gliderlabs reports the last key offered, so identify compares
// it with the key x/crypto saw a valid signature for.
func TestProbedKeyIsNeverTheSession(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	e := startServer(t, func(c *sshserver.Config) {
		c.Logger = slog.New(slog.NewTextHandler(&logs, nil))
		sshserver.SetPasswordAuth(c)
	})
	anna := e.member("Anna")
	var out, errOut bytes.Buffer
	c, err := gossh.Dial("tcp", e.addr, &gossh.ClientConfig{
		User:            "bord",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(unproven{anna}), gossh.Password("wat dan ook")},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         wait,
	})
	if err != nil {
		t.Fatalf("with passwords on, the password should get through the handshake: %v", err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run("whoami")
	if exitStatus(err) != 1 || strings.Contains(out.String()+errOut.String(), "Anna") {
		t.Errorf("a probed member key with a password: %v, output %q %q; want refused", err, out.String(), errOut.String())
	}
	if !strings.Contains(logs.String(), `reason="key mismatch"`) {
		t.Errorf("the refusal is not logged:\n%s", logs.String())
	}
}
