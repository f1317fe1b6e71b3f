package main

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// client is one SSH session with a PTY whose output is kept.
type client struct {
	conn  *gossh.Client
	sess  *gossh.Session
	stdin io.Writer
	mu    sync.Mutex
	buf   bytes.Buffer
	grew  chan struct{}
}

func dial(addr string, signer gossh.Signer) (*client, error) {
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "bord",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // our own loopback server
		Timeout:         30 * time.Second,
	})
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		conn.Close()
		return nil, err
	}
	cl := &client{conn: conn, sess: sess, grew: make(chan struct{}, 1)}
	cl.stdin, _ = sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.RequestPty("xterm-256color", termH, termW, gossh.TerminalModes{}); err != nil {
		conn.Close()
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		conn.Close()
		return nil, err
	}
	go func() {
		b := make([]byte, 32*1024)
		for {
			n, err := out.Read(b)
			if n > 0 {
				cl.mu.Lock()
				cl.buf.Write(b[:n])
				cl.mu.Unlock()
				select {
				case cl.grew <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return cl, nil
}

func (cl *client) len() int {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return cl.buf.Len()
}

func (cl *client) type_(s string) { _, _ = io.WriteString(cl.stdin, s) }

// waitFor waits until text appears in the output after offset.
func (cl *client) waitFor(text string, timeout time.Duration, offset int) error {
	deadline := time.After(timeout)
	for {
		cl.mu.Lock()
		found := bytes.Contains(cl.buf.Bytes()[offset:], []byte(text))
		cl.mu.Unlock()
		if found {
			return nil
		}
		select {
		case <-cl.grew:
		case <-deadline:
			return fmt.Errorf("%q did not appear within %s", text, timeout)
		}
	}
}

func (cl *client) close() {
	if cl != nil {
		cl.conn.Close()
	}
}
