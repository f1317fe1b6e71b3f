package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/verbeterbord/bord/owner"
	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
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
		fmt.Fprintf(stderr, txtNoSocket.in(msg.Lang)+"\n", err)
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
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.NewSignerFromKey(key)
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
		if err := execute(root); err != nil {
			var f forwarded
			if errors.As(err, &f) {
				return f.code
			}
			fmt.Fprintln(errOut, err)
			return 1
		}
		return 0
	}
}

// forwarded ends a command whose work the owner did: the owner printed
// its output and errors, code is its exit status. execute turns it into
// nil or a silent non-zero exit.
type forwarded struct{ code int }

func (f forwarded) Error() string { return fmt.Sprintf("exit status %d", f.code) }

// execute runs root; a command the owner ran ends with the owner's status.
func execute(root *cobra.Command) error {
	err := root.Execute()
	var f forwarded
	if errors.As(err, &f) && f.code == 0 {
		return nil
	}
	return err
}

// errNoOwner: nobody answers on the file's socket; whatever holds the
// file is no owner (a bord of an older version, bord compact of one).
var errNoOwner = errors.New("no owner on the socket")

// forward runs cmd in the owner of o.db, when one answers within wait,
// and returns forwarded with the owner's exit status.
func (o *options) forward(cmd *cobra.Command, args []string, msg *i18n.Messages, wait time.Duration) error {
	if o.held != nil || o.db == "" {
		return errNoOwner
	}
	path, err := owner.Socket(o.db)
	if err != nil {
		return errNoOwner
	}
	conn, err := owner.Dial(path, wait)
	if err != nil {
		return errNoOwner
	}
	words, err := forwardArgs(cmd, args, msg.Lang, o.user())
	if err != nil {
		conn.Close()
		return err
	}
	sess, done, err := dialSession(conn, o.user())
	if err != nil {
		return errNoOwner
	}
	defer done()
	sess.Stdout, sess.Stderr = cmd.Root().OutOrStdout(), cmd.Root().ErrOrStderr()
	err = sess.Run(shellQuote(words))
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return forwarded{0}
	case errors.As(err, &exit):
		return forwarded{exit.ExitStatus()}
	}
	return err
}

// dialSession is an SSH session to the owner over conn, as user.
func dialSession(conn net.Conn, user string) (*gossh.Session, func(), error) {
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	signer, err := gossh.NewSignerFromKey(key)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, "bord", &gossh.ClientConfig{
		User: user,
		Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		// owner.Dial checked that the socket's other end is this user;
		// the owner's host key is made new at every start.
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	})
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	client := gossh.NewClient(cc, chans, reqs)
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return nil, nil, err
	}
	return sess, func() { sess.Close(); client.Close() }, nil
}

// forwardArgs are the words that run cmd with args in the owner: the
// command's path, the flags given (--db left out: the owner has its file;
// --lang and --as always, so the owner answers in this process's language
// and under its name) and the arguments. Files are named absolutely: the
// owner runs in another directory.
func forwardArgs(cmd *cobra.Command, args []string, lang i18n.Lang, user string) ([]string, error) {
	words := strings.Fields(cmd.CommandPath())[1:]
	words = append(words, "--lang="+string(lang), "--as="+user)
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if f.Name == "db" || f.Name == "lang" || f.Name == "as" {
			return
		}
		values := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		for _, v := range values {
			if _, isFile := f.Annotations[cobra.BashCompFilenameExt]; isFile && v != "-" {
				if v, err = filepath.Abs(v); err != nil {
					return
				}
			}
			words = append(words, "--"+f.Name+"="+v)
		}
	})
	words = append(words, "--")
	for _, a := range args {
		if cmd.Annotations[fileArgs] != "" {
			if a, err = filepath.Abs(a); err != nil {
				return nil, err
			}
		}
		words = append(words, a)
	}
	return words, err
}

// fileArgs marks a command whose arguments are file names.
const fileArgs = "bord/file-args"

// shellQuote joins words so that the server's split (POSIX shell words,
// as gliderlabs' Session.Command does it) gives them back unchanged.
func shellQuote(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}
