package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	gossh "golang.org/x/crypto/ssh"
)

type result struct {
	p50, p99, max  time.Duration
	joinP50        time.Duration
	cpuPerChange   time.Duration // server CPU per change per session, idle cost taken out
	idleCPU        float64       // share of one core while nothing changes
	heapPerSession float64
	rssPerSession  float64
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

func (c *child) number(q string) (uint64, error) {
	s, err := c.ask(q)
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(s, 10, 64)
}

// rss reads the child's resident memory from outside the process, as an
// operator's tools would see it.
func (c *child) rss() (uint64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseUint(f[1], 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for the server")
}

func (c *child) waitSessions(n int) error {
	deadline := time.Now().Add(120 * time.Second)
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

// prepare makes the database bord serves: the demo board with every
// client's key as a member.
func prepare(db string, signers []gossh.Signer) error {
	st, err := store.Open(db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	info, err := st.CreateDemo("Lid 0")
	if err != nil {
		return err
	}
	for i, s := range signers {
		if _, err := st.AddMemberKey("bordload", info.TeamID, fmt.Sprintf("Lid %d", i), sshserver.Fingerprint(s.PublicKey())); err != nil {
			return err
		}
	}
	return nil
}

func run(mode string, n, changes int, idle time.Duration) (*result, error) {
	dir, err := os.MkdirTemp("", "bordload")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)

	signers := make([]gossh.Signer, n)
	for i := range signers {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		if signers[i], err = gossh.NewSignerFromKey(priv); err != nil {
			return nil, err
		}
	}
	db := filepath.Join(dir, "bord.db")
	if mode == "bord" {
		if err := prepare(db, signers); err != nil {
			return nil, err
		}
	}

	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), "BORDLOAD_SERVER="+db, "BORDLOAD_MODE="+mode, "BORDLOAD_MAX="+strconv.Itoa(n+10))
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
	heapBefore, err := c.number("heap")
	if err != nil {
		return nil, err
	}
	rssBefore, err := c.rss()
	if err != nil {
		return nil, err
	}

	clients, joins, err := connect(c.addr, signers)
	defer func() {
		for _, cl := range clients {
			cl.close()
		}
	}()
	if err != nil {
		return nil, err
	}
	if err := c.waitSessions(n); err != nil {
		return nil, err
	}
	time.Sleep(2 * time.Second) // presence churn settles
	r := &result{joinP50: joins[len(joins)/2]}

	// At rest: nothing changes, nobody types. Measured before the heap
	// question, whose forced GC would set the runtime's scavenger to
	// returning memory for a while after.
	cpu0, err := c.number("cpu")
	if err != nil {
		return nil, err
	}
	time.Sleep(idle)
	cpu1, err := c.number("cpu")
	if err != nil {
		return nil, err
	}
	r.idleCPU = float64(cpu1-cpu0) / float64(idle)

	heapAfter, err := c.number("heap")
	if err != nil {
		return nil, err
	}
	rssAfter, err := c.rss()
	if err != nil {
		return nil, err
	}
	r.heapPerSession = perSession(heapAfter, heapBefore, n)
	r.rssPerSession = perSession(rssAfter, rssBefore, n)

	lat, received, cpu, wall, err := fanOut(c, mode, clients, changes)
	if err != nil {
		return nil, err
	}
	slices.Sort(lat)
	r.p50, r.p99, r.max = lat[len(lat)/2], lat[min(len(lat)*99/100, len(lat)-1)], lat[len(lat)-1]
	// The change's own cost: what the server spent during the rounds less
	// what it would have spent at rest in that time.
	own := float64(cpu) - r.idleCPU*float64(wall)
	r.cpuPerChange = time.Duration(max(own, 0) / float64(changes*n))
	if n > 1 {
		r.bytesPerClient = float64(received) / float64((n-1)*changes)
	}
	return r, nil
}

func perSession(after, before uint64, n int) float64 {
	if after < before {
		return 0
	}
	return float64(after-before) / float64(n)
}

// connect dials every client, 16 at a time like a class arriving, and
// returns how long each took from dialling to its first full screen.
func connect(addr string, signers []gossh.Signer) ([]*client, []time.Duration, error) {
	clients := make([]*client, len(signers))
	joins := make([]time.Duration, len(signers))
	var wg sync.WaitGroup
	errs := make(chan error, len(signers))
	sem := make(chan struct{}, 16)
	for i := range clients {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			start := time.Now()
			cl, err := dial(addr, signers[i])
			if err != nil {
				errs <- err
				return
			}
			clients[i] = cl
			if err := cl.waitFor("Acties", 120*time.Second, 0); err != nil {
				errs <- err
				return
			}
			joins[i] = time.Since(start)
		}(i)
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return clients, nil, err
	}
	slices.Sort(joins)
	return clients, joins, nil
}

// fanOut adds changes cards one at a time through the first client and
// measures how long each takes to reach every screen; it returns those
// times, the bytes the other clients received, and the server's CPU and the
// wall time over all rounds.
func fanOut(c *child, mode string, clients []*client, changes int) ([]time.Duration, int64, time.Duration, time.Duration, error) {
	n := len(clients)
	var lat []time.Duration
	var received int64
	cpuStart, err := c.number("cpu")
	if err != nil {
		return nil, 0, 0, 0, err
	}
	wallStart := time.Now()
	for k := range changes {
		marker := fmt.Sprintf("LOAD%dX%d", n, k)
		offsets := make([]int, n)
		for i, cl := range clients {
			offsets[i] = cl.len()
		}
		adder := clients[0]
		// bord: open the action form, type the card, owner, date; the
		// last enter saves. The floor: the line is sent on enter.
		keys := []string{"a", marker, "\r", "\r", "morgen", "\r"}
		if mode == "floor" {
			keys = []string{marker}
		}
		for _, k := range keys {
			adder.type_(k)
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
	wall := time.Since(wallStart)
	cpuEnd, err := c.number("cpu")
	if err != nil {
		return nil, 0, 0, 0, err
	}
	if len(lat) < n*changes {
		return nil, 0, 0, 0, fmt.Errorf("only %d of %d screens showed the new cards", len(lat), n*changes)
	}
	return lat, received, time.Duration(cpuEnd - cpuStart), wall, nil
}
