package sshserver

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// limiter hands out a token bucket per key (an IP address, a fingerprint)
// and forgets buckets that have been full for a while, so a scan of many
// addresses cannot grow it without bound.
type limiter struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	buckets map[string]*bucket
	sweep   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLimiter(per time.Duration, burst int) *limiter {
	return &limiter{every: rate.Every(per), burst: burst, buckets: map[string]*bucket{}}
}

// wait takes a token for key and returns 0, or takes none and returns how
// long until one is there: the refusal can then say truthfully how long to
// wait.
func (l *limiter) wait(key string) time.Duration {
	if l == nil || l.burst <= 0 {
		return 0
	}
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.sweep) > time.Minute {
		for k, b := range l.buckets {
			if b.lim.TokensAt(now) >= float64(l.burst) {
				delete(l.buckets, k)
			}
		}
		l.sweep = now
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(l.every, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now) // a refused try costs no token
		return d
	}
	return 0
}

// connCounter caps concurrent connections before the SSH handshake, so a
// flood of half-open connections costs no crypto work.
type connCounter struct {
	max int64
	n   atomic.Int64
}

// take reserves a place, or says no. Config.validate keeps max positive.
func (c *connCounter) take() bool {
	if c.n.Add(1) > c.max {
		c.n.Add(-1)
		return false
	}
	return true
}

// ipCounter caps the open connections per IP address that are not a
// member's session yet. One over the cap waits for a place instead of
// being refused: forty colleagues behind one school address connecting in
// the same second get in one after another, since each gives its place
// back as soon as it is a member's session. At most 2×max wait per
// address; more are refused at once.
type ipCounter struct {
	mu      sync.Mutex
	max     int
	n       map[string]int
	waiting map[string]int
	freed   chan struct{} // closed (and replaced) when a place is given back
}

func newIPCounter(max int) *ipCounter {
	return &ipCounter{max: max, n: map[string]int{}, waiting: map[string]int{}, freed: make(chan struct{})}
}

// take reserves a place for ip, waiting up to wait for one, or until stop
// is closed.
func (c *ipCounter) take(ip string, wait time.Duration, stop <-chan struct{}) bool {
	var timeout <-chan time.Time
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.n[ip] >= c.max {
		if c.waiting[ip] >= 2*c.max {
			return false
		}
		if timeout == nil {
			t := time.NewTimer(wait)
			defer t.Stop()
			timeout = t.C
		}
		freed := c.freed
		c.waiting[ip]++
		c.mu.Unlock()
		gotOne := false
		select {
		case <-freed:
			gotOne = true
		case <-timeout:
		case <-stop:
		}
		c.mu.Lock()
		if c.waiting[ip]--; c.waiting[ip] <= 0 {
			delete(c.waiting, ip)
		}
		if !gotOne {
			return false
		}
	}
	c.n[ip]++
	return true
}

func (c *ipCounter) give(ip string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n[ip]--; c.n[ip] <= 0 {
		delete(c.n, ip) // no entry per address ever seen
	}
	close(c.freed)
	c.freed = make(chan struct{})
}

// waiters is how many connections from ip wait for a place.
func (c *ipCounter) waiters(ip string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.waiting[ip]
}

// trackedConn holds a place in the connection caps, gives it back once when
// closed, and keeps the handshake deadline until the first session starts.
type trackedConn struct {
	net.Conn
	c    *connCounter
	open *ipCounter
	ip   string

	mu        sync.Mutex
	handshake time.Time // zero once a session started
	want      time.Time // the deadline gliderlabs asked for last
	member    bool      // the per-IP place was given back
	closed    bool
}

// SetDeadline is called by gliderlabs before every read and write (its
// MaxTimeout); during the handshake the earlier deadline wins, or it would
// undo ours at the first read.
func (c *trackedConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	c.want = t
	if hs := c.handshake; !hs.IsZero() && (t.IsZero() || t.After(hs)) {
		t = hs
	}
	c.mu.Unlock()
	return c.Conn.SetDeadline(t)
}

// started ends the handshake deadline: a session is running. Deadlines
// apply to reads already waiting, so the one gliderlabs wants is set now.
func (c *trackedConn) started() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.handshake.IsZero() {
		return
	}
	c.handshake = time.Time{}
	_ = c.Conn.SetDeadline(c.want)
}

// isMember gives the per-IP place back: members behind one NAT must not
// lock each other out.
func (c *trackedConn) isMember() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.member && !c.closed {
		c.member = true
		c.open.give(c.ip)
	}
}

func (c *trackedConn) Close() error {
	c.mu.Lock()
	if !c.closed {
		c.closed = true
		c.c.n.Add(-1)
		if !c.member {
			c.open.give(c.ip)
		}
	}
	c.mu.Unlock()
	return c.Conn.Close()
}

func hostOf(addr net.Addr) string {
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return host
}
