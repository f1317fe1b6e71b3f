// Command bord is the verbeterbord in the terminal: `bord` opens the board;
// its subcommands serve it over SSH, export, back up, compact, import and
// fill a database, and manage teams and members (invite and whoami are
// package commands', the same code SSH exec runs). This package parses
// flags, wires packages together and runs serve's housekeeping (upkeep.go:
// retention, compaction, backup rotation); the rules live in board, the data
// in store, the screens in tui. See docs/architecture.md.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	if err := execute(newRoot()); err != nil {
		var f forwarded
		if errors.As(err, &f) {
			os.Exit(f.code) // the owner printed why
		}
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
