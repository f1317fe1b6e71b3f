package sshserver

import (
	tea "charm.land/bubbletea/v2"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gliderlabs/ssh"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui"
	gossh "golang.org/x/crypto/ssh"
)

// Config sets up a server. Zero values get the defaults in parentheses.
type Config struct {
	Store       *store.Store
	HostKeyPath string
	// MaxSessions caps concurrent connections, checked before the
	// handshake (100).
	MaxSessions int
	// OpenPerIP caps the connections from one IP address that are not (yet)
	// a member's session: still in the handshake, or an unknown key. So one
	// address cannot hold every place, while a whole school behind one NAT
	// can still join: members' sessions do not count, and a connection over
	// the cap waits (up to Handshake) for a place rather than being
	// refused; twice the cap may wait (20: more than the 16 parallel dials
	// of cmd/bordload or a team joining at once, a fifth of the default
	// places).
	OpenPerIP int
	// Handshake is how long a connection may take from connect to its
	// first session (30s). Without it a silent TCP connection would hold a
	// place until MaxSession.
	Handshake time.Duration
	// Idle ends a session this long after its last keypress (30m).
	// Broadcasts of other people's changes do not count as activity.
	Idle time.Duration
	// MaxSession ends any session after this long (12h).
	MaxSession time.Duration
	// KeepAlive asks a terminal's client for an answer this often (3s)
	// and closes a connection that gave none in two: a dropped client
	// leaves the board within seconds (keepalive.go).
	KeepAlive time.Duration
	// ConnsPerIP allows this many sessions of keys that are no member's
	// (the invite screen, whoami) per IP address at once, refilled one per
	// ConnRefill (20 per 3s). Members' sessions do not count: forty
	// colleagues behind one school address must all get in.
	ConnsPerIP int
	ConnRefill time.Duration
	// SessionsPerKey allows this many sessions per member's key at once,
	// refilled one per SessionRefill (10 per 6s).
	SessionsPerKey int
	SessionRefill  time.Duration
	// InviteTries allows this many invite codes per key and IP, one more
	// per InviteRefill (5 per 3m).
	InviteTries  int
	InviteRefill time.Duration
	// InvitesMade caps the invite codes one member makes over SSH, one
	// more per InvitesMadeRefill (10 per 1h): each code is a way in for a
	// new key, so one member's key must not print them by the thousand.
	InvitesMade       int
	InvitesMadeRefill time.Duration
	Logger            *slog.Logger
	Now               func() time.Time
	// HostKey, when set, is the host key, and HostKeyPath is not read: for
	// a server that only listens on the owner's Unix socket (local.go),
	// whose clients check who the server is by the socket, not the key.
	HostKey gossh.Signer
	// LocalExec runs the command line for local sessions (local.go); nil
	// refuses them commands.
	LocalExec LocalExec

	hooks testHooks // set only by tests (export_test.go)
}

// testHooks let tests reach paths no client can trigger on demand.
type testHooks struct {
	beforeTUI   func()           // in runTUI, before any model exists
	afterRedeem func(key string) // after an invite code was used
	wrapModel   func(tea.Model) tea.Model
	password    bool                             // turn password auth on, as a careless change would
	ticks       func(fp string) <-chan time.Time // the watchdog's, per key
}

// ErrConfig: a Config value that cannot work, such as a negative limit.
var ErrConfig = errors.New("sshserver: invalid config")

// validate refuses negative values. Zero means the default (see defaults),
// and a negative one used to mean "no limit" by accident, or a panic.
func (c *Config) validate() error {
	for _, v := range []struct {
		name string
		n    int64
	}{
		{"MaxSessions", int64(c.MaxSessions)},
		{"OpenPerIP", int64(c.OpenPerIP)},
		{"ConnsPerIP", int64(c.ConnsPerIP)},
		{"SessionsPerKey", int64(c.SessionsPerKey)},
		{"InviteTries", int64(c.InviteTries)},
		{"InvitesMade", int64(c.InvitesMade)},
		{"InvitesMadeRefill", int64(c.InvitesMadeRefill)},
		{"Idle", int64(c.Idle)},
		{"MaxSession", int64(c.MaxSession)},
		{"KeepAlive", int64(c.KeepAlive)},
		{"Handshake", int64(c.Handshake)},
		{"ConnRefill", int64(c.ConnRefill)},
		{"SessionRefill", int64(c.SessionRefill)},
		{"InviteRefill", int64(c.InviteRefill)},
	} {
		if v.n < 0 {
			return fmt.Errorf("%w: %s is negative", ErrConfig, v.name)
		}
	}
	return nil
}

func (c *Config) defaults() {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	defDur := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.MaxSessions, 100)
	def(&c.OpenPerIP, 20)
	defDur(&c.Handshake, 30*time.Second)
	defDur(&c.Idle, 30*time.Minute)
	defDur(&c.MaxSession, 12*time.Hour)
	defDur(&c.KeepAlive, 3*time.Second)
	def(&c.ConnsPerIP, 20)
	defDur(&c.ConnRefill, 3*time.Second)
	def(&c.SessionsPerKey, 10)
	defDur(&c.SessionRefill, 6*time.Second)
	def(&c.InviteTries, 5)
	defDur(&c.InviteRefill, 3*time.Minute)
	def(&c.InvitesMade, 10)
	defDur(&c.InvitesMadeRefill, time.Hour)
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// Server is a running bord SSH server.
type Server struct {
	cfg     Config
	ssh     *ssh.Server
	signer  gossh.Signer
	log     *slog.Logger
	hub     tui.Hub
	conns   connCounter
	open    *ipCounter
	stop    chan struct{} // closed by Shutdown: connections stop waiting
	perIP   *limiter
	perKey  *limiter
	invites *limiter
	// invitesMade counts codes made per member name.
	invitesMade *limiter

	mu       sync.Mutex
	sessions map[*session]struct{}
	wg       sync.WaitGroup
	closing  atomic.Bool
}

// New makes a server; Serve starts it.
func New(cfg Config) (*Server, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	cfg.defaults()
	if cfg.Store == nil {
		return nil, errors.New("sshserver: no store")
	}
	signer := cfg.HostKey
	if signer == nil {
		var err error
		if signer, err = LoadHostKey(cfg.HostKeyPath); err != nil {
			return nil, err
		}
	}
	s := &Server{
		cfg: cfg, signer: signer, log: cfg.Logger,
		conns:       connCounter{max: int64(cfg.MaxSessions)},
		open:        newIPCounter(cfg.OpenPerIP),
		stop:        make(chan struct{}),
		perIP:       newLimiter(cfg.ConnRefill, cfg.ConnsPerIP),
		perKey:      newLimiter(cfg.SessionRefill, cfg.SessionsPerKey),
		invites:     newLimiter(cfg.InviteRefill, cfg.InviteTries),
		invitesMade: newLimiter(cfg.InvitesMadeRefill, cfg.InvitesMade),
		sessions:    map[*session]struct{}{},
	}
	s.ssh = &ssh.Server{
		Handler:     s.handler(),
		HostSigners: []ssh.Signer{signer},
		Version:     "bord",
		// Public keys only: with passwords or keyboard-interactive also
		// on, gliderlabs v0.3.8 can report a probed key that was never
		// proven. Every key is let in; an unknown one gets the invite
		// screen and nothing else.
		PublicKeyHandler: func(ssh.Context, ssh.PublicKey) bool { return true },
		// x/crypto calls this only once the client's signature for key
		// checked out: the key identify compares with the one gliderlabs
		// reports (the last one offered, proven or not).
		ServerConfigCallback: func(ctx ssh.Context) *gossh.ServerConfig {
			return &gossh.ServerConfig{
				VerifiedPublicKeyCallback: func(_ gossh.ConnMetadata, key gossh.PublicKey, p *gossh.Permissions, _ string) (*gossh.Permissions, error) {
					ctx.SetValue(provenKeyKey{}, Fingerprint(key))
					return p, nil
				},
			}
		},
		ConnCallback: s.admit,
		ChannelHandlers: map[string]ssh.ChannelHandler{
			"session": guardedSessionHandler,
		},
		// No forwarding, no subsystems: bord is a TUI and a few commands.
		LocalPortForwardingCallback:   func(ssh.Context, string, uint32) bool { return false },
		ReversePortForwardingCallback: func(ssh.Context, string, uint32) bool { return false },
		MaxTimeout:                    cfg.MaxSession + time.Minute,
	}
	if cfg.hooks.password {
		s.ssh.PasswordHandler = func(ssh.Context, string) bool { return true }
	}
	return s, nil
}

// HostKeyFingerprint is the fingerprint clients see for this server.
func (s *Server) HostKeyFingerprint() string { return Fingerprint(s.signer.PublicKey()) }

// Serve accepts connections on l until Shutdown. It may be called for
// more than one listener: bord serve's TCP address and the owner's Unix
// socket share one server, so everyone sees everyone on the board.
func (s *Server) Serve(l net.Listener) error {
	err := s.ssh.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// admit runs before the handshake: it caps concurrent connections, per IP
// address (waiting a while for a place) and in all, so refusals cost no
// crypto work, and sets the handshake deadline. It cannot know yet whose
// connection it is, so it does not rate-limit: that is done per key or,
// for strangers, per address once the key is known (ratelimit.go).
func (s *Server) admit(ctx ssh.Context, conn net.Conn) net.Conn {
	ip := hostOf(conn.RemoteAddr())
	if s.closing.Load() {
		return nil
	}
	if !s.open.take(ip, s.cfg.Handshake, s.stop) {
		s.log.Warn("refused", "reason", "open connections per ip", "ip", ip, "max", s.cfg.OpenPerIP)
		return nil
	}
	if !s.conns.take() {
		s.open.give(ip)
		s.log.Warn("refused", "reason", "max sessions", "ip", ip, "max", s.cfg.MaxSessions)
		return nil
	}
	// Over the owner's socket: the same user, checked by the listener.
	ctx.SetValue(localKey{}, isLocal(conn))
	tc := &trackedConn{Conn: conn, c: &s.conns, open: s.open, ip: ip, handshake: time.Now().Add(s.cfg.Handshake)}
	_ = conn.SetDeadline(tc.handshake)
	// handle finds the connection here, to clear the deadline.
	ctx.SetValue(connKey{}, tc)
	return tc
}

type connKey struct{}

// Sessions is the number of sessions being served now.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// OnBoard lists the names of the people on a board now.
func (s *Server) OnBoard(boardID uint64) []string { return s.hub.On(boardID) }

// Shutdown ends every session with a goodbye line and a restored terminal,
// then stops the server. Sessions still running when ctx ends are cut off.
func (s *Server) Shutdown(ctx context.Context) error {
	if !s.closing.Swap(true) {
		close(s.stop)
	}
	s.mu.Lock()
	for ss := range s.sessions {
		go ss.end(ss.goodbyeAtShutdown())
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
	// Then wait for the connections themselves (s.conns counts every one
	// admitted) and close. Not ssh.Server.Shutdown: its connWg.Wait races
	// with the connWg.Add of a connection that finishes its handshake
	// meanwhile (gliderlabs/ssh v0.3.8 server.go:217 against :302; -race
	// saw it in TestConnectionCap), and a new connection is refused by
	// admit while s.closing is set.
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for s.conns.n.Load() > 0 && ctx.Err() == nil {
		select {
		case <-ctx.Done():
		case <-tick.C:
		}
	}
	err := s.ssh.Close()
	if err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return fmt.Errorf("sshserver: shutdown: %w", err)
	}
	return nil
}

func (s *Server) track(ss *session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing.Load() {
		return false
	}
	s.sessions[ss] = struct{}{}
	s.wg.Add(1)
	return true
}

func (s *Server) untrack(ss *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.sessions[ss]; ok {
		delete(s.sessions, ss)
		s.wg.Done()
	}
}
