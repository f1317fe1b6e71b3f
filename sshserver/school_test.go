package sshserver_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// A school behind one address: forty members connecting from one IP in the
// same moment all get in, with the default limits. Per-address limits are
// for connections that are not a member's session yet; members count per
// key. (Before, the per-address rate refused the 21st, and the open
// connections cap refused whoever was over 20 mid-handshake.) The time it
// takes is logged, not asserted: speed is for cmd/bordload.
func TestSchoolBehindOneAddress(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	const n = 40
	keys := make([]gossh.Signer, n)
	for i := range keys {
		keys[i] = e.member(fmt.Sprintf("Collega %02d", i))
	}
	start := make(chan struct{})
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			c, err := e.dial(k)
			if err != nil {
				errs <- fmt.Errorf("member %d: %w", i, err)
				return
			}
			defer c.Close()
			sess, err := c.NewSession()
			if err != nil {
				errs <- fmt.Errorf("member %d: %w", i, err)
				return
			}
			defer sess.Close()
			out, err := sess.Output("whoami")
			if want := fmt.Sprintf("Collega %02d", i); err != nil || !strings.Contains(string(out), want) {
				errs <- fmt.Errorf("member %d: whoami %q, %v", i, out, err)
			}
		}()
	}
	began := time.Now()
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d members from one address in %v", n, time.Since(began).Round(time.Millisecond))
}
