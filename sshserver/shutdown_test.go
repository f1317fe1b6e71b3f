package sshserver_test

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
)

// What bubbletea sends to give the terminal back: leave the alternate
// screen, show the cursor.
const (
	leaveAltScreen = "\x1b[?1049l"
	showCursor     = "\x1b[?25h"
	goodbyeNL      = "bord stopt nu"
)

// Shutdown ends every terminal session the normal way: the program stops,
// the terminal is restored, a goodbye line follows, the session ends. Then
// Serve returns, new connections are refused, and the store closes and
// opens again cleanly.
func TestGracefulShutdown(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	anna := e.open(t, e.member("Anna"))
	anna.name = "Anna"
	stranger := e.open(t, newKey(t)) // on the invite screen
	stranger.name = "stranger"
	anna.waitFor(demoAction)
	stranger.waitFor(askInviteNL)
	e.sessions(t, 2)
	// A client leaves when its session ends, as ssh does; a connection
	// kept open (multiplexing) would hold Shutdown until ctx ends.
	for _, tm := range []*term{anna, stranger} {
		go func() { <-tm.eof; tm.client.Close() }()
	}

	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := e.srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	e.stopped = true
	if ctx.Err() != nil {
		t.Error("Shutdown waited for its deadline instead of for the sessions")
	}
	select {
	case err := <-e.served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(wait):
		t.Fatal("Serve did not return")
	}

	for _, tm := range []*term{anna, stranger} {
		if err := tm.ended(); err != nil {
			t.Errorf("%s: the session ended with %v", tm.name, err)
		}
		raw := tm.raw()
		bye := strings.LastIndex(raw, goodbyeNL)
		switch {
		case bye < 0:
			t.Errorf("%s: no goodbye line; the end of the stream: %q", tm.name, tail(raw))
		case strings.LastIndex(raw, leaveAltScreen) < 0 || strings.LastIndex(raw, leaveAltScreen) > bye:
			t.Errorf("%s: the goodbye is not after leaving the alternate screen: %q", tm.name, tail(raw))
		case strings.LastIndex(raw, showCursor) < strings.LastIndex(raw, "\x1b[?25l"):
			t.Errorf("%s: the cursor stays hidden: %q", tm.name, tail(raw))
		}
	}
	if n := e.srv.Sessions(); n != 0 {
		t.Errorf("%d sessions after Shutdown", n)
	}
	if _, err := e.dial(e.member("Bert")); err == nil {
		t.Error("a new connection was accepted after Shutdown")
	}

	path := e.st.Path()
	e.closed = true
	if err := e.st.Close(); err != nil {
		t.Fatalf("closing the store after Shutdown: %v", err)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("reopening the store: %v", err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Errorf("the store after Shutdown: %v", err)
	}
	if b, err := st.Board(e.boardID); err != nil || len(b.Actions) == 0 {
		t.Errorf("the board after reopening: %v", err)
	}
}

// MaxSessions caps connections before the handshake: the one over the cap
// is closed before the server says a word; once someone leaves there is
// room again.
func TestConnectionCap(t *testing.T) {
	t.Parallel()
	e := startServer(t, fromLoopback(func(c *sshserver.Config) { c.MaxSessions = 2 }))
	key := e.member("Anna")
	first := e.mustDial(t, key)
	second := e.open(t, key) // a terminal session holds a place too
	second.waitFor(demoAction)

	if c, err := e.dial(key); err == nil {
		c.Close()
		t.Fatal("a third connection was let in with MaxSessions 2")
	}
	// Before the handshake: not even the version line is sent.
	conn, err := net.Dial("tcp", e.addr)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetDeadline(time.Now().Add(wait))
	got, err := io.ReadAll(conn)
	conn.Close()
	if err != nil || len(got) != 0 {
		t.Errorf("the refused connection got %q (%v), want it closed at once", got, err)
	}

	first.Close()
	if !eventually(func() bool {
		c, err := e.dial(key)
		if err == nil {
			c.Close()
		}
		return err == nil
	}) {
		t.Fatal("no room after a connection closed")
	}
}

// The host key is made once, 0600, and used again at the next start; a
// key others can read is refused, by LoadHostKey and by New.
func TestHostKey(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "keys", "host_ed25519")
	first, err := sshserver.LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if first.PublicKey().Type() != "ssh-ed25519" {
		t.Errorf("host key type %s, want ssh-ed25519", first.PublicKey().Type())
	}
	assertMode(t, path, 0o600)
	again, err := sshserver.LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if sshserver.Fingerprint(again.PublicKey()) != sshserver.Fingerprint(first.PublicKey()) {
		t.Error("the second load made a new key")
	}

	st, err := store.Open(filepath.Join(t.TempDir(), "bord.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := sshserver.New(sshserver.Config{Store: st, HostKeyPath: path})
	if err != nil {
		t.Fatal(err)
	}
	if srv.HostKeyFingerprint() != sshserver.Fingerprint(first.PublicKey()) {
		t.Error("the server does not use the stored host key")
	}

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := sshserver.LoadHostKey(path); !errors.Is(err, sshserver.ErrHostKeyMode) {
		t.Errorf("a 0644 key: %v, want ErrHostKeyMode", err)
	}
	if _, err := sshserver.New(sshserver.Config{Store: st, HostKeyPath: path}); !errors.Is(err, sshserver.ErrHostKeyMode) {
		t.Errorf("New with a 0644 key: %v, want ErrHostKeyMode", err)
	}
}

// assertMode fails unless path has exactly the permissions want.
func assertMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s has mode %04o, want %04o", path, got, want)
	}
}
