// Package tui is bord's terminal interface, built on bubbletea v2: the app
// shell, the board screen, forms, pickers and the help overlay. The same
// models serve the local terminal and every SSH session.
//
// It depends on package board and on the small Store interface it defines
// itself, never on the store or the SSH server. Update and View never do
// I/O: every read or write of the store runs in a tea.Cmd. All user-facing
// words come from the catalog in tui/i18n.
package tui
