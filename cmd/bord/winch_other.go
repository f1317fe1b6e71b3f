//go:build !unix

package main

import "os"

// notifyWinch: no window change signal here; the size stays the first.
func notifyWinch() <-chan os.Signal { return nil }
