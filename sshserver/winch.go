package sshserver

import (
	"sync"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// guardedSessionHandler works around two gliderlabs v0.3.8 bugs with
// window-change requests:
//   - one that arrives after pty-req and before shell blocks the session's
//     request loop forever (the size channel holds one value and nobody
//     reads it until the shell starts);
//   - one that arrives after shell writes the session's PTY size while the
//     handler reads it in sess.Pty(), unsynchronized (a data race).
//
// The guard answers window changes itself until the handler first reads or
// writes the channel, which it does only after sess.Pty(), and then hands
// the latest size on.
func guardedSessionHandler(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, &winchGuard{NewChannel: newChan}, ctx)
}

type winchGuard struct{ gossh.NewChannel }

func (g *winchGuard) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := g.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	gc := &guardedChannel{Channel: ch, used: make(chan struct{})}
	out := make(chan *gossh.Request)
	go gc.filter(reqs, out)
	return gc, out, nil
}

// guardedChannel notes the handler's first read or write.
type guardedChannel struct {
	gossh.Channel
	once sync.Once
	used chan struct{} // closed at the first Read or Write
}

func (c *guardedChannel) Read(p []byte) (int, error) {
	c.once.Do(func() { close(c.used) })
	return c.Channel.Read(p)
}

func (c *guardedChannel) Write(p []byte) (int, error) {
	c.once.Do(func() { close(c.used) })
	return c.Channel.Write(p)
}

// filter passes requests on to gliderlabs, holding back window changes
// (only the latest counts) until the channel is in use.
func (c *guardedChannel) filter(reqs <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	used := c.used
	var pending *gossh.Request
	for {
		select {
		case req, ok := <-reqs:
			if !ok {
				return
			}
			if used != nil && req.Type == "window-change" {
				_ = req.Reply(true, nil)
				pending = &gossh.Request{Type: req.Type, Payload: req.Payload}
				continue
			}
			out <- req
		case <-used:
			used = nil // a nil channel is never ready: stop watching
			if pending != nil {
				out <- pending
				pending = nil
			}
		}
	}
}
