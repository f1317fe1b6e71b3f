// Command bord is the verbeterbord in the terminal: `bord` opens the board,
// the subcommands export, back up, import and fill a database. This package
// only parses flags and wires packages together; the rules live in board,
// the data in store, the screens in tui.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := newRoot().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
