// Command bordload measures bord serve under load, on loopback only: it
// starts a server in a child process (so the server's heap is measured
// alone), connects N real SSH clients with PTYs to one board, lets one of them
// add a card by typing it, and measures the time until every client's screen
// stream contains the card's unique text. It also reports the server's heap
// per idle session and the bytes each client received for that one change.
//
//	go run ./cmd/bordload -n 10,100,300
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	gossh "golang.org/x/crypto/ssh"
)

func main() {
	if os.Getenv("BORDLOAD_SERVER") != "" {
		serverChild()
		return
	}
	ns := flag.String("n", "10,100,300", "client counts to measure, comma separated")
	// The server child writes profiles when BORDLOAD_HEAPPROFILE or
	// BORDLOAD_CPUPROFILE name files.
	changes := flag.Int("changes", 5, "cards added per run (one at a time); figures are over all of them")
	size := flag.String("size", "80x24", "every client's terminal size, WxH")
	flag.Parse()
	if _, err := fmt.Sscanf(*size, "%dx%d", &termW, &termH); err != nil || termW < 20 || termH < 8 {
		fmt.Fprintf(os.Stderr, "bordload: bad -size %q\n", *size)
		os.Exit(2)
	}
	fmt.Printf("terminal %dx%d, %d cards, %d CPUs\n\n", termW, termH, *changes, runtime.NumCPU())
	fmt.Println("| clients | fan-out p50 | fan-out p99 | fan-out max | server heap / idle session | bytes / client / change |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|")
	for _, f := range strings.Split(*ns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "bordload: bad -n %q\n", f)
			os.Exit(2)
		}
		r, err := run(n, *changes)
		if err != nil {
			fmt.Fprintf(os.Stderr, "bordload: n=%d: %v\n", n, err)
			os.Exit(1)
		}
		fmt.Printf("| %d | %s | %s | %s | %.0f KiB | %.0f B |\n", n, ms(r.p50), ms(r.p99), ms(r.max), r.heapPerSession/1024, r.bytesPerClient)
	}
}

// termW and termH are the clients' terminal size.
var termW, termH = 80, 24

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

type result struct {
	p50, p99, max  time.Duration
	heapPerSession float64
	bytesPerClient float64
}

// child is the server process, driven over its stdin and stdout.
type child struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Scanner
	addr string
}

func (c *child) ask(q string) (string, error) {
	if _, err := fmt.Fprintln(c.in, q); err != nil {
		return "", err
	}
	if !c.out.Scan() {
		return "", fmt.Errorf("server child ended: %v", c.out.Err())
	}
	return c.out.Text(), nil
}

func run(n, changes int) (*result, error) {
	dir, err := os.MkdirTemp("", "bordload")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)

	// Keys for every client, registered as members before the server starts.
	signers := make([]gossh.Signer, n)
	var pubs []string
	for i := range signers {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		s, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			return nil, err
		}
		signers[i] = s
		pubs = append(pubs, sshserver.Fingerprint(s.PublicKey()))
	}
	db := filepath.Join(dir, "bord.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		return nil, err
	}
	info, err := st.CreateDemo("Lid 0")
	if err != nil {
		return nil, err
	}
	for i, fp := range pubs {
		if _, err := st.AddMemberKey("bordload", info.TeamID, fmt.Sprintf("Lid %d", i), fp); err != nil {
			return nil, err
		}
	}
	st.Close()

	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), "BORDLOAD_SERVER="+db, "BORDLOAD_MAX="+strconv.Itoa(n+10))
	cmd.Stderr = os.Stderr
	in, _ := cmd.StdinPipe()
	outPipe, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, in: in, out: bufio.NewScanner(outPipe)}
	defer func() { in.Close(); cmd.Wait() }()
	if c.addr, err = c.ask("addr"); err != nil {
		return nil, err
	}
	before, err := c.heap()
	if err != nil {
		return nil, err
	}

	clients := make([]*client, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	sem := make(chan struct{}, 16) // connect 16 at a time, like a class arriving
	for i := range clients {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cl, err := dial(c.addr, signers[i])
			if err != nil {
				errs <- err
				return
			}
			clients[i] = cl
		}(i)
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	defer func() {
		for _, cl := range clients {
			cl.close()
		}
	}()
	// Everyone sees the board before we measure.
	for _, cl := range clients {
		if err := cl.waitFor("Acties", 60*time.Second, 0); err != nil {
			return nil, err
		}
	}
	if err := c.waitSessions(n); err != nil {
		return nil, err
	}
	time.Sleep(2 * time.Second) // presence churn settles
	after, err := c.heap()
	if err != nil {
		return nil, err
	}

	var lat []time.Duration
	var received int64
	for k := range changes {
		marker := fmt.Sprintf("LOAD%dX%d", n, k)
		offsets := make([]int, n)
		for i, cl := range clients {
			offsets[i] = cl.len()
		}
		adder := clients[0]
		for _, keys := range []string{"a", marker, "\r", "\r", "morgen", "\r"} {
			adder.type_(keys)
			time.Sleep(30 * time.Millisecond)
		}
		start := time.Now()
		adder.type_("\r")
		var mu sync.Mutex
		var wg sync.WaitGroup
		for i, cl := range clients {
			wg.Add(1)
			go func(i int, cl *client) {
				defer wg.Done()
				if err := cl.waitFor(marker, 30*time.Second, offsets[i]); err != nil {
					return
				}
				d := time.Since(start)
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}(i, cl)
		}
		wg.Wait()
		time.Sleep(300 * time.Millisecond) // let the last frames arrive
		for i, cl := range clients[1:] {
			received += int64(cl.len() - offsets[i+1])
		}
	}
	if len(lat) < n*changes {
		return nil, fmt.Errorf("only %d of %d screens showed the new cards", len(lat), n*changes)
	}
	slices.Sort(lat)
	r := &result{
		p50: lat[len(lat)/2], p99: lat[min(len(lat)*99/100, len(lat)-1)], max: lat[len(lat)-1],
		heapPerSession: float64(after-before) / float64(n),
	}
	if n > 1 {
		r.bytesPerClient = float64(received) / float64((n-1)*changes)
	}
	return r, nil
}

func (c *child) heap() (uint64, error) {
	s, err := c.ask("heap")
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(s, 10, 64)
}

func (c *child) waitSessions(n int) error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		s, err := c.ask("sessions")
		if err != nil {
			return err
		}
		if s == strconv.Itoa(n) {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("server never reached %d sessions", n)
}

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

// serverChild serves the database named in BORDLOAD_SERVER on a loopback
// port and answers questions on stdin: addr, heap, sessions.
func serverChild() {
	db := os.Getenv("BORDLOAD_SERVER")
	maxSessions, _ := strconv.Atoi(os.Getenv("BORDLOAD_MAX"))
	st, err := store.Open(db, store.Options{Holder: "bordload"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	srv, err := sshserver.New(sshserver.Config{
		Store: st, HostKeyPath: filepath.Join(filepath.Dir(db), "host_key"),
		MaxSessions: maxSessions, ConnsPerIP: maxSessions * 2, SessionsPerKey: 10,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go srv.Serve(l)
	if p := os.Getenv("BORDLOAD_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			_ = pprof.StartCPUProfile(f)
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		switch sc.Text() {
		case "addr":
			fmt.Println(l.Addr().String())
		case "heap":
			runtime.GC()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if p := os.Getenv("BORDLOAD_HEAPPROFILE"); p != "" {
				if f, err := os.Create(p); err == nil {
					_ = pprof.WriteHeapProfile(f)
					f.Close()
				}
			}
			fmt.Println(ms.HeapInuse)
		case "sessions":
			fmt.Println(srv.Sessions())
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	st.Close()
}
