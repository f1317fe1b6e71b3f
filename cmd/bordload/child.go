package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"syscall"
	"time"

	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
)

// serverChild serves on a loopback port and answers questions on stdin:
// addr, heap, sessions, cpu. BORDLOAD_MODE=floor serves the minimal line
// fan-out server instead of bord (see floor.go).
func serverChild() {
	maxSessions, _ := strconv.Atoi(os.Getenv("BORDLOAD_MAX"))
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	var sessions func() int
	var stop func()
	if os.Getenv("BORDLOAD_MODE") == "floor" {
		f := newFloor()
		go f.serve(l)
		sessions, stop = f.count, func() { _ = f.srv.Close() }
	} else {
		db := os.Getenv("BORDLOAD_SERVER")
		st, err := store.Open(db, store.Options{Holder: "bordload"})
		if err != nil {
			fail(err)
		}
		srv, err := sshserver.New(sshserver.Config{
			Store: st, HostKeyPath: filepath.Join(filepath.Dir(db), "host_key"),
			MaxSessions: maxSessions, ConnsPerIP: maxSessions * 2, SessionsPerKey: 10,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		})
		if err != nil {
			fail(err)
		}
		go srv.Serve(l)
		sessions = srv.Sessions
		stop = func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(ctx)
			st.Close()
		}
	}
	if p := os.Getenv("BORDLOAD_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			_ = pprof.StartCPUProfile(f)
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	defer stop()
	// BORDLOAD_IDLEPROFILE profiles only the idle window: from the first
	// "cpu" question to the second.
	idleProf, cpuAsked := os.Getenv("BORDLOAD_IDLEPROFILE"), 0
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
			fmt.Println(sessions())
		case "cpu":
			// User plus system time of this process so far, in
			// nanoseconds: the server's own CPU, whatever the machine
			// does beside it.
			var ru syscall.Rusage
			_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
			fmt.Println(ru.Utime.Nano() + ru.Stime.Nano())
			if cpuAsked++; idleProf != "" {
				switch cpuAsked {
				case 1:
					if f, err := os.Create(idleProf); err == nil {
						_ = pprof.StartCPUProfile(f)
					}
				case 2:
					pprof.StopCPUProfile()
				}
			}
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
