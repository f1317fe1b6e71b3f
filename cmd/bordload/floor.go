package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"sync"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// floor is the least an SSH fan-out server can do on bord's stack
// (gliderlabs/ssh, x/crypto, a PTY per session): every line one client types
// is written as one line to every session. Its figures are the floor bord is
// measured against in the same run, so the ratio says what bord's own work
// costs, whatever the machine.
type floor struct {
	srv *ssh.Server
	mu  sync.Mutex
	out map[ssh.Session]chan []byte
}

func newFloor() *floor {
	f := &floor{out: map[ssh.Session]chan []byte{}}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		fail(err)
	}
	f.srv = &ssh.Server{
		Handler: f.handle,
		// Loopback only and measured, like bord's members: any key is let in.
		PublicKeyHandler: func(ssh.Context, ssh.PublicKey) bool { return true },
	}
	f.srv.AddHostKey(signer)
	return f
}

func (f *floor) serve(l net.Listener) { _ = f.srv.Serve(l) }

func (f *floor) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.out)
}

func (f *floor) handle(s ssh.Session) {
	_, winCh, ok := s.Pty()
	if !ok {
		_, _ = io.WriteString(s, "pty required\n")
		_ = s.Exit(1)
		return
	}
	go func() {
		for range winCh {
		}
	}()
	// A writer of its own per session, so a slow client never holds up
	// the others (what bord promises too).
	ch := make(chan []byte, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range ch {
			if _, err := s.Write(b); err != nil {
				return
			}
		}
	}()
	ch <- []byte("Acties\r\n")
	f.mu.Lock()
	f.out[s] = ch
	f.mu.Unlock()

	var line []byte
	buf := make([]byte, 1024)
	for {
		n, err := s.Read(buf)
		for _, c := range buf[:n] {
			if c != '\r' && c != '\n' {
				line = append(line, c)
				continue
			}
			if len(line) > 0 {
				f.broadcast(append(line, '\r', '\n'))
				line = nil
			}
		}
		if err != nil {
			break
		}
	}
	f.mu.Lock()
	delete(f.out, s)
	f.mu.Unlock()
	close(ch)
	<-done
}

func (f *floor) broadcast(b []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, ch := range f.out {
		select {
		case ch <- b:
		default: // that client is too slow: it misses a line, nobody waits
		}
	}
}
