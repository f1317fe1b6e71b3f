package sshserver_test

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/verbeterbord/bord/sshserver"
	gossh "golang.org/x/crypto/ssh"
)

// localEnv is a server that also listens on a Unix socket, as the owner
// of a database file does, with a LocalExec that notes what it ran.
type localEnv struct {
	*env
	sock string
	mu   sync.Mutex
	ran  [][]string
}

func startLocal(t *testing.T) *localEnv {
	t.Helper()
	le := &localEnv{}
	le.env = startServer(t, func(c *sshserver.Config) {
		c.LocalExec = func(args []string, out, _ io.Writer) int {
			le.mu.Lock()
			le.ran = append(le.ran, args)
			le.mu.Unlock()
			fmt.Fprintln(out, "ran locally")
			return 0
		}
	})
	dir, err := os.MkdirTemp("", "ss") // a socket's path has ~104 bytes
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	le.sock = filepath.Join(dir, "s")
	l, err := net.Listen("unix", le.sock)
	if err != nil {
		t.Fatal(err)
	}
	go le.srv.Serve(l)
	return le
}

// dialLocal connects over the socket as the user named name.
func (le *localEnv) dialLocal(t *testing.T, name string) *gossh.Client {
	t.Helper()
	conn, err := net.Dial("unix", le.sock)
	if err != nil {
		t.Fatal(err)
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, "bord", &gossh.ClientConfig{
		User: name, Auth: []gossh.AuthMethod{gossh.PublicKeys(newKey(t))},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: wait,
	})
	if err != nil {
		t.Fatal(err)
	}
	c := gossh.NewClient(cc, chans, reqs)
	t.Cleanup(func() { c.Close() })
	return c
}

// Over the owner's socket a command runs as the local command line does
// (LocalExec), whatever key the client has; over TCP the same key is a
// stranger's, refused, and LocalExec never runs.
func TestLocalSessionRunsTheCommandLine(t *testing.T) {
	le := startLocal(t)
	sess, err := le.dialLocal(t, "Zoë").NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.Output("'export' '--what=board' 'Groep 7 – 8'")
	if err != nil || string(out) != "ran locally\n" {
		t.Fatalf("local exec: %q %v", out, err)
	}
	if _, stderr, status := le.run(t, newKey(t), "export --what board"); status == 0 || strings.Contains(stderr, "ran locally") {
		t.Errorf("over TCP a stranger's export: status %d, %q", status, stderr)
	}
	le.mu.Lock()
	defer le.mu.Unlock()
	if len(le.ran) != 1 || strings.Join(le.ran[0], "|") != "export|--what=board|Groep 7 – 8" {
		t.Errorf("LocalExec ran %q", le.ran)
	}
}

// A window over the socket is the owner's own user: the whole file, no
// invite, and when the owner stops it says so and how to go on.
func TestLocalWindowSeesTheBoard(t *testing.T) {
	le := startLocal(t)
	c := le.dialLocal(t, "Zoë")
	tm := openWith(t, c, termOpts{w: 120, h: 30, env: map[string]string{"LANG": "nl_NL.UTF-8"}})
	tm.waitFor(demoAction)
	tm.waitFor("jij: Zoë")
	stopped := make(chan struct{})
	go func() { le.shutdown(); close(stopped) }()
	tm.waitFor("De bord die deze database open had, is gestopt")
	c.Close() // as bord's window does once its session ended
	<-stopped
}
