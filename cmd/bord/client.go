package main

import (
	"errors"
	"io"
	"net"
	"os"
	"time"

	xterm "github.com/charmbracelet/x/term"
	"github.com/verbeterbord/bord/tui/i18n"
	gossh "golang.org/x/crypto/ssh"
)

// terminal is where a window on the owner's board runs: the user's
// terminal, or pipes in a test (then fd is -1 and the size fixed).
type terminal struct {
	in  io.Reader
	out io.Writer
	// fd is the terminal's file descriptor, for raw mode and its size;
	// -1 when in is no terminal.
	fd int
	// winch signals a new window size; nil when it cannot change.
	winch <-chan os.Signal
	w, h  int // the size when fd is -1
}

// userTerminal is the terminal bord was started in.
func userTerminal() terminal {
	t := terminal{in: os.Stdin, out: os.Stdout, fd: -1, w: 80, h: 24}
	if fd := os.Stdin.Fd(); xterm.IsTerminal(fd) {
		t.fd = int(fd)
		t.winch = notifyWinch()
	}
	return t
}

func (t terminal) size() (w, h int) {
	if t.fd >= 0 {
		if w, h, err := xterm.GetSize(uintptr(t.fd)); err == nil {
			return w, h
		}
	}
	return t.w, t.h
}

// runClient shows the owner's board in t over conn, as user, until the
// user quits or the owner stops: an SSH session with a terminal, as ssh
// would make it, in raw mode, following the window's size.
func runClient(conn net.Conn, user string, lang i18n.Lang, t terminal) error {
	sess, done, err := dialSession(conn, user)
	if err != nil {
		return err
	}
	defer done()
	// The language chosen here (--lang, else LANG), as ssh's SendEnv.
	locale := "nl_NL.UTF-8"
	if lang == i18n.EN {
		locale = "en_GB.UTF-8"
	}
	_ = sess.Setenv("LANG", locale)
	if ct := os.Getenv("COLORTERM"); ct != "" {
		_ = sess.Setenv("COLORTERM", ct)
	}
	term := os.Getenv("TERM")
	if term == "" {
		term = "xterm-256color"
	}
	w, h := t.size()
	if err := sess.RequestPty(term, h, w, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		return err
	}
	if t.fd >= 0 {
		state, err := xterm.MakeRaw(uintptr(t.fd))
		if err != nil {
			return err
		}
		defer xterm.Restore(uintptr(t.fd), state)
	}
	sess.Stdin, sess.Stdout, sess.Stderr = t.in, t.out, t.out
	if err := sess.Shell(); err != nil {
		return err
	}
	go func() {
		for range t.winch {
			w, h := t.size()
			_ = sess.WindowChange(h, w)
		}
	}()
	err = sess.Wait()
	var exit *gossh.ExitError
	var missing *gossh.ExitMissingError
	if errors.As(err, &exit) || errors.As(err, &missing) {
		// The session's end is said on the screen (the goodbye line).
		return nil
	}
	return err
}

// dialSession is an SSH session to the owner over conn, as user.
func dialSession(conn net.Conn, user string) (*gossh.Session, func(), error) {
	signer, err := ephemeralSigner()
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
