package sshserver_test

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/sshserver"
	gossh "golang.org/x/crypto/ssh"
)

// openFDs counts this process's open file descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("cannot count file descriptors: %v", err)
	}
	return len(fds)
}

// cycle connects, opens the board in a terminal, and leaves: with q (the
// program ends, the session closes) or by dropping the connection.
func (e *env) cycle(key gossh.Signer, quit bool) error {
	c, err := e.dial(key)
	if err != nil {
		return err
	}
	defer c.Close()
	tm, err := startTerm(c, termOpts{})
	if err != nil {
		return err
	}
	defer tm.sess.Close()
	seen := func() bool { return strings.Contains(ansi.Strip(tm.raw()), demoAction) }
	if !eventually(seen) {
		return errors.New("the board did not appear")
	}
	if !quit {
		return c.Close()
	}
	if _, err := tm.in.Write([]byte("q")); err != nil {
		return err
	}
	select {
	case err := <-tm.exit:
		return err
	case <-time.After(wait):
		return errors.New("q did not end the session")
	}
}

// 200 sessions come and go; afterwards the server holds no session, no
// presence, no board subscription, and the process is back to about the
// goroutines and file descriptors it had before.
func TestConnectCyclesLeakNothing(t *testing.T) {
	// Not parallel: it counts the whole process's goroutines and files.
	e := startServer(t, fromLoopback(func(c *sshserver.Config) { c.SessionsPerKey = 10000 }))
	keys := []gossh.Signer{e.member("Anna"), e.member("Bert"), e.member("Carla"), e.member("Daan")}

	// One round first, so that whatever starts once per process (timers,
	// pools) is in the baseline.
	if err := e.cycle(keys[0], true); err != nil {
		t.Fatal(err)
	}
	e.sessions(t, 0)
	// A baseline taken while the round's goroutines still wind down is
	// only higher, so the check after the cycles (which waits) is only
	// more lenient: no sleep needed.
	settle := runtime.GC
	settle()
	goroutines, fds := runtime.NumGoroutine(), openFDs(t)

	const cycles, workers = 200, 8
	var wg sync.WaitGroup
	errs := make(chan error, cycles)
	next := make(chan int)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := e.cycle(keys[w%len(keys)], i%2 == 0); err != nil {
					errs <- fmt.Errorf("cycle %d: %w", i, err)
				}
			}
		}()
	}
	for i := range cycles {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	e.sessions(t, 0)
	e.onBoard(t)
	if !eventually(func() bool { return e.st.Watchers(e.boardID) == 0 }) {
		t.Errorf("%d board subscriptions left", e.st.Watchers(e.boardID))
	}
	// Goroutines and sockets end asynchronously: wait for them, within
	// a small slack for runtime helpers.
	const slack = 5
	if !eventually(func() bool { settle(); return runtime.NumGoroutine() <= goroutines+slack }) {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after the cycles, %d before:\n%s", runtime.NumGoroutine(), goroutines, buf[:runtime.Stack(buf, true)])
	}
	if !eventually(func() bool { return openFDs(t) <= fds+slack }) {
		t.Errorf("%d open files after the cycles, %d before", openFDs(t), fds)
	}
}
