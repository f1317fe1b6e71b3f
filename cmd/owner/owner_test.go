package owner

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/store/storetest"
)

// socketPath is where a socket goes in a new directory with a short path.
func socketPath(t *testing.T) string {
	return filepath.Join(storetest.ShortDir(t), "bord.db.sock")
}

// listen is Listen at path; the test fails on its error.
func listen(t *testing.T, path string) net.Listener {
	t.Helper()
	l, err := Listen(path)
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	return l
}

// echo serves l: every connection gets "hi" and is closed.
func echo(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		c.Write([]byte("hi"))
		c.Close()
	}
}

func greeting(t *testing.T, path string) string {
	t.Helper()
	c, err := Dial(path, 5*time.Second)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer c.Close()
	b, _ := io.ReadAll(c)
	return string(b)
}

// A socket a crashed owner left is removed by the next owner, who then
// serves on a socket only its user may use (mode 0600); Close removes it.
func TestStaleSocketIsReplaced(t *testing.T) {
	path := socketPath(t)
	stale, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	stale.SetUnlinkOnClose(false)
	stale.Close() // as a killed process leaves it: a file nobody listens on
	if _, err := Dial(path, 0); err == nil {
		t.Fatal("a stale socket answered")
	}
	l, err := Listen(path)
	if err != nil {
		t.Fatalf("listen over a stale socket: %v", err)
	}
	go echo(l)
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("socket mode: %v %v", fi.Mode(), err)
	}
	if got := greeting(t, path); got != "hi" {
		t.Errorf("greeting %q", got)
	}
	l.Close()
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the socket stayed after Close: %v", err)
	}
}

// Something that is not a socket where the socket goes is never removed.
func TestListenLeavesOtherFiles(t *testing.T) {
	path := socketPath(t)
	if err := os.WriteFile(path, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Listen(path); !errors.Is(err, ErrNotSocket) {
		t.Fatalf("listen over a file: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Errorf("the file was changed: %q", b)
	}
}

// An owner that stops after a new one took its place (it was stuck while
// the new one found its socket stale) leaves the new socket alone.
func TestCloseKeepsTheNextOwnersSocket(t *testing.T) {
	path := socketPath(t)
	first := listen(t, path)
	next := listen(t, path)
	defer next.Close()
	go echo(next)
	first.Close()
	if got := greeting(t, path); got != "hi" {
		t.Errorf("the next owner's socket is gone: %q", got)
	}
}

// A connection from another user is closed before anyone reads from it.
func TestOtherUserIsRefused(t *testing.T) {
	path := socketPath(t)
	l := listen(t, path)
	defer l.Close()
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "freebsd" {
		t.Skip("this system cannot tell who is at the other end")
	}
	l.(*listener).uid = os.Getuid() + 1 // as if we were someone else
	go echo(l)
	c, err := Dial(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	if b, _ := io.ReadAll(c); len(b) != 0 {
		t.Errorf("another user was served: %q", b)
	}
}

// A database path too long for a socket gets one in a directory of this
// user's that only they can enter.
func TestLongPathSocket(t *testing.T) {
	db := filepath.Join(storetest.ShortDir(t), strings.Repeat("d", 100), "bord.db")
	path, err := Socket(db)
	if err != nil {
		t.Fatal(err)
	}
	if len(path) > maxSocketPath || strings.HasPrefix(path, filepath.Dir(db)) {
		t.Fatalf("socket %s", path)
	}
	if again, _ := Socket(db); again != path {
		t.Errorf("two paths for one database: %s, %s", path, again)
	}
	l := listen(t, path)
	defer l.Close()
	go echo(l)
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("socket directory: %v %v", fi.Mode(), err)
	}
	if got := greeting(t, path); got != "hi" {
		t.Errorf("greeting %q", got)
	}
}

// A database named through a symlink has the socket of its real path, so
// a command that names it either way finds the same owner.
func TestSocketFollowsSymlinks(t *testing.T) {
	dir := storetest.ShortDir(t)
	db := filepath.Join(dir, "bord.db")
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Skip("no symlinks here")
	}
	a, _ := Socket(db)
	b, _ := Socket(link)
	if a != b || filepath.Base(a) != "bord.db.sock" {
		t.Errorf("sockets %s and %s, want both bord.db.sock beside %s", a, b, db)
	}
}
