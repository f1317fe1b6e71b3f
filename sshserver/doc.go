// Package sshserver serves bord's TUI over SSH with gliderlabs/ssh, so a whole
// team works on the same board from their own terminals: public-key identity,
// invites for new keys, limits, one tea.Program per session, presence, exec
// commands without a PTY, and a graceful shutdown that restores every
// client's terminal.
//
// The session chain is small on purpose: connection limits before the
// handshake, then recover → identify → exec or TUI. It must never log card
// contents: only joins, leaves and refusals, with the key's fingerprint.
package sshserver
