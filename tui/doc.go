// Package tui is bord's terminal interface, built on bubbletea v2. The same
// models serve the local terminal and every SSH session.
//
// It has the shape of soft-serve's pkg/ui: one shared value, Common (store,
// user, message catalog, styles, size, clock, the open board's snapshot and
// the overlays), and one small Screen interface (Update, View, Keys as a
// help.KeyMap, Title) that every room implements in its own files: the
// board (board*.go, with the bordsessie in meeting.go), the board picker
// and welcome (picker.go), the lists (list.go, retrolist.go, arenalist.go),
// the retrospective (retro*.go), the leerlingarena (arena*.go) and the
// invite screen (invite.go). The shell, Model in app.go, only opens boards, routes
// messages and draws the frame: the status line, the active screen's key
// line and at most one overlay (a form, a chooser or the ? help, which is
// built from the active screen's key map). Each form carries its own
// submit.
//
// It depends on package board and on the small Store interface it defines
// itself, never on the store or the SSH server. Which teams a session may
// reach is the Store's business (over SSH it is a store.View). Update and
// View never do I/O: every read or write of the store runs in a tea.Cmd.
// All keys live in key maps (keys.go) and all user-facing words come from
// the catalog in tui/i18n.
//
// Many sessions in one process show the same board: the board's drawn
// panels are shared between them per snapshot (panelcache.go), line
// widths are measured by tui/cellwidth, and a Hub (presence.go) tells each
// who else is on the board, which is how a bordsessie notices that its
// leader left (leader.go). From 140 columns rows wrap (boardwrap.go), and
// the presentation view shows a step large for a big screen (present.go).
package tui
