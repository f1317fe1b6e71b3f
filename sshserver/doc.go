// Package sshserver serves bord's TUI over SSH with gliderlabs/ssh, so a whole
// team works on the same board from their own terminals: public-key identity,
// invites for new keys, limits, one tea.Program per session, presence, exec
// commands without a PTY, and a graceful shutdown that restores every
// client's terminal.
//
// The session path is a chain of one-purpose middlewares (middleware.go),
// each a func(ssh.Handler) ssh.Handler in its own file: recover.go →
// identify.go → ratelimit.go → logging.go → exec.go → tui.go, with the
// tea.Program made in program.go and its frames drawn by the line renderer
// in screen.go instead of bubbletea's. Connection caps run before the
// handshake (admit in server.go). Exec commands are package commands', the same code
// the command line runs. A connection over a Unix socket (the owner's socket
// beside the database, package owner, which checks the peer's user) is the
// local user: the whole file, and the full command line via Config.LocalExec
// (local.go). It must never log card contents: only joins,
// leaves, refusals and command names, with the key's fingerprint.
package sshserver
