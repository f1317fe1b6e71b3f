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
	"io"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	if code := exitCode(newRoot(), os.Stderr); code != 0 {
		os.Exit(code)
	}
}

// exitCode runs root as a process does, this one or a later one's in the owner
// (ownerExec), and returns its exit status: a forwarded command's own (the
// owner printed why), 1 after writing any other error to errOut, else 0.
func exitCode(root *cobra.Command, errOut io.Writer) int {
	if err := execute(root); err != nil {
		var f forwarded
		if errors.As(err, &f) {
			return f.code
		}
		fmt.Fprintln(errOut, err)
		return 1
	}
	return 0
}

// forwarded ends a command whose work the owner did: the owner printed
// its output and errors, code is its exit status. execute turns it into
// nil or a silent non-zero exit.
type forwarded struct{ code int }

func (f forwarded) Error() string { return fmt.Sprintf("exit status %d", f.code) }

// execute runs root; a command the owner ran ends with the owner's status.
func execute(root *cobra.Command) error {
	err := root.Execute()
	var f forwarded
	if errors.As(err, &f) && f.code == 0 {
		return nil
	}
	return err
}
