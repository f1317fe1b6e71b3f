// Command bordload measures bord serve under load, on loopback only: it
// starts a server in a child process (so the server's heap, RSS and CPU are
// its own), connects N real SSH clients with PTYs to one board, lets one of
// them add a card by typing it, and measures the time until every client's
// screen stream contains the card's unique text. It also reports the join
// time, the server's CPU per change and at rest, its memory per idle session
// and the bytes each client received for one change.
//
// With -baseline it measures, in the same run, a minimal fan-out server on the
// same SSH stack that writes each change as one line to every session (the
// floor), and prints bord's p99 as a multiple of the floor's.
//
//	go run ./cmd/bordload -n 10,100,300 -baseline
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// termW and termH are the clients' terminal size.
var termW, termH = 80, 24

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
	baseline := flag.Bool("baseline", false, "also measure the minimal SSH fan-out server (the floor) in the same run")
	idle := flag.Duration("idle", 5*time.Second, "how long the server's CPU is measured while nothing changes")
	flag.Parse()
	if _, err := fmt.Sscanf(*size, "%dx%d", &termW, &termH); err != nil || termW < 20 || termH < 8 {
		fmt.Fprintf(os.Stderr, "bordload: bad -size %q\n", *size)
		os.Exit(2)
	}
	modes := []string{"bord"}
	if *baseline {
		modes = append(modes, "floor")
	}
	fmt.Printf("terminal %dx%d, %d cards, %d CPUs, idle measured over %s\n\n", termW, termH, *changes, runtime.NumCPU(), *idle)
	fmt.Println("| clients | server | fan-out p50 | fan-out p99 | fan-out max | CPU / change / session | idle CPU (% of a core) | RSS / idle session | heap / idle session | join p50 | bytes / client / change |")
	fmt.Println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	var ratios []string
	for _, f := range strings.Split(*ns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "bordload: bad -n %q\n", f)
			os.Exit(2)
		}
		p99 := map[string]time.Duration{}
		for _, mode := range modes {
			r, err := run(mode, n, *changes, *idle)
			if err != nil {
				fmt.Fprintf(os.Stderr, "bordload: %s n=%d: %v\n", mode, n, err)
				os.Exit(1)
			}
			p99[mode] = r.p99
			fmt.Printf("| %d | %s | %s | %s | %s | %.3f ms | %.2f %% | %.0f KiB | %.0f KiB | %s | %.0f B |\n",
				n, mode, ms(r.p50), ms(r.p99), ms(r.max), float64(r.cpuPerChange.Microseconds())/1000,
				100*r.idleCPU, r.rssPerSession/1024, r.heapPerSession/1024, ms(r.joinP50), r.bytesPerClient)
		}
		if fl := p99["floor"]; fl > 0 {
			ratios = append(ratios, fmt.Sprintf("n=%d: %.1f×", n, float64(p99["bord"])/float64(fl)))
		}
	}
	if len(ratios) > 0 {
		fmt.Printf("\nfan-out p99, bord ÷ floor: %s\n", strings.Join(ratios, ", "))
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
