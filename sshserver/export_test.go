package sshserver

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// Hooks for tests of paths no client can trigger on demand.

// SyncBuffer is the tests' writer whose content can be read while it is
// written, for logs the external tests read.
type SyncBuffer = syncBuffer

// SetBeforeTUI makes f run in each terminal session before its model exists.
func SetBeforeTUI(c *Config, f func()) { c.hooks.beforeTUI = f }

// SetAfterRedeem makes f run after a key used an invite code.
func SetAfterRedeem(c *Config, f func(key string)) { c.hooks.afterRedeem = f }

// SetWrapModel makes f wrap each terminal session's model, so a test can
// make it panic.
func SetWrapModel(c *Config, f func(tea.Model) tea.Model) { c.hooks.wrapModel = f }

// Waiting is how many connections from ip wait for a place under OpenPerIP.
func Waiting(s *Server, ip string) int { return s.open.waiters(ip) }

// SetPasswordAuth turns password auth on (any password), as a careless
// change would, to show that identify still trusts only a proven key.
func SetPasswordAuth(c *Config) { c.hooks.password = true }

// SetWatchdogTicks makes each session's watchdog look when f's channel for
// the session's key fingerprint ticks, instead of on a timer.
func SetWatchdogTicks(c *Config, f func(fp string) <-chan time.Time) { c.hooks.ticks = f }
