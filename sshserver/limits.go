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

// allow takes a token for key, or says no.
func (l *limiter) allow(key string) bool {
	if l == nil || l.burst <= 0 {
		return true
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
	return b.lim.AllowN(now, 1)
}

// connCounter caps concurrent connections before the SSH handshake, so a
// flood of half-open connections costs no crypto work.
type connCounter struct {
	max int64
	n   atomic.Int64
}

// take reserves a place, or says no.
func (c *connCounter) take() bool {
	if c.n.Add(1) > c.max && c.max > 0 {
		c.n.Add(-1)
		return false
	}
	return true
}

// countedConn gives its place back once, when closed.
type countedConn struct {
	net.Conn
	c    *connCounter
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() { c.c.n.Add(-1) })
	return c.Conn.Close()
}

func hostOf(addr net.Addr) string {
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return host
}
