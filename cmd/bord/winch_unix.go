//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// notifyWinch reports the terminal's window changes.
func notifyWinch() <-chan os.Signal {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	return ch
}
