package sshserver_test

import (
	"net"
	"sync"
	"testing"
)

// cable is a loopback proxy to the server that can go dead the way a
// dropped wifi does: it stops carrying bytes and closes nothing.
type cable struct {
	addr string
	dead chan struct{} // closed by cut
	done chan struct{} // closed when the test ends
}

func newCable(t *testing.T, to string) *cable {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &cable{addr: l.Addr().String(), dead: make(chan struct{}), done: make(chan struct{})}
	var conns []net.Conn
	var mu sync.Mutex
	t.Cleanup(func() {
		close(c.done)
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, x := range conns {
			x.Close()
		}
	})
	go func() {
		for {
			in, err := l.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", to)
			if err != nil {
				in.Close()
				return
			}
			mu.Lock()
			conns = append(conns, in, out)
			mu.Unlock()
			go c.carry(out, in)
			go c.carry(in, out)
		}
	}()
	return c
}

// carry copies src to dst until the cable dies; then it holds the bytes.
func (c *cable) carry(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		select {
		case <-c.dead:
			<-c.done // hold on to the bytes, answer nothing
			return
		default:
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (c *cable) cut() { close(c.dead) }
