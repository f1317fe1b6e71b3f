package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/verbeterbord/bord/cmd/owner"
	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	gossh "golang.org/x/crypto/ssh"
)

// The first bord that opens a database file owns it (bbolt locks the file
// to it) and serves later bord processes of the same user over a Unix
// socket beside the file (package owner). What it serves is the SSH stack
// of bord serve (package sshserver): a session over the socket is the
// local user with the whole file, runs the command line in the owner's
// process (ownerExec) or, with a terminal, the board, live. So the later
// process is a thin client: a command sends its words (forward), a second
// bord window is a terminal on the owner (client.go). Reusing the SSH
// stack keeps one implementation of live sessions, window sizes, presence
// and shutdown; the socket's owner check replaces SSH's keys.

// joinWait is how long a command waits for an owner that holds the lock
// but may not listen yet (it just started), or for the file to come free.
// A variable: a test of a file held by no owner need not wait it out.
var joinWait = 3 * time.Second

// localForever stands for "no limit" for the owner's local sessions: the
// owner's own user sits at both terminals.
const localForever = 30 * 24 * time.Hour

// startOwner serves the database s (at o.db) on its socket with srv, or
// with a server of its own when srv is nil (a bord TUI). stop removes the
// socket and ends the sessions; call it before closing s. A socket that
// cannot be made is no reason not to work: bord then works as before,
// alone with its file, and says so on stderr.
func (o *options) startOwner(s *store.Store, srv *sshserver.Server, stderr io.Writer) (*sshserver.Server, func()) {
	path, err := owner.Socket(o.db)
	var l net.Listener
	if err == nil {
		l, err = owner.Listen(path)
	}
	if err == nil && srv == nil {
		srv, err = localServer(s, o.db)
	}
	if err != nil {
		if l != nil {
			l.Close()
		}
		msg, _ := o.messages()
		fmt.Fprintf(stderr, txtNoSocket.In(msg.Lang)+"\n", err)
		return srv, func() {}
	}
	done := make(chan struct{})
	go func() { srv.Serve(l); close(done) }()
	return srv, func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		l.Close()
		<-done
	}
}

// localServer is the SSH server of a bord TUI that owns its file: only on
// the socket, with a host key of its own that no one needs to know (the
// client checks the socket's user instead), and no log in the TUI's
// terminal.
func localServer(s *store.Store, db string) (*sshserver.Server, error) {
	signer, err := ephemeralSigner()
	if err != nil {
		return nil, err
	}
	return sshserver.New(sshserver.Config{
		Store: s, HostKey: signer, Logger: slog.New(slog.DiscardHandler),
		Idle: localForever, MaxSession: localForever,
		LocalExec: ownerExec(s, db),
	})
}

// ownerExec runs a later process's command line in the owner, on the file
// the owner holds.
func ownerExec(s *store.Store, db string) sshserver.LocalExec {
	return func(args []string, out, errOut io.Writer) int {
		o := &options{held: s, heldPath: db}
		root := newRootFor(o)
		root.SetArgs(args)
		root.SetOut(out)
		root.SetErr(errOut)
		root.SetIn(strings.NewReader(""))
		return exitCode(root, errOut)
	}
}

// ephemeralSigner is a key made for one run: the owner's host key and a
// window's client key, which nobody needs to know (the socket's user is
// what is checked).
func ephemeralSigner() (gossh.Signer, error) {
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return gossh.NewSignerFromKey(key)
}
