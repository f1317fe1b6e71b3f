package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// Screen is one room of the application: the board, a list, a
// retrospective, a leerlingarena. Each keeps its own state and gets the
// shared Common. The shell sends key presses only to the active screen and
// every other message to all screens, which ignore what is not theirs.
// Update and View never do I/O: store calls run in the returned tea.Cmd.
type Screen interface {
	Update(msg tea.Msg) tea.Cmd
	// View draws the screen's body: the whole w×h but the status and help
	// lines, which the shell draws from Keys.
	View() string
	// Keys is every key the screen handles, for the help line and the ?
	// overlay: a key that works is in it, so help cannot be wrong.
	Keys() help.KeyMap
	Title() string
}

// Optional parts of a screen.
type (
	// syncer follows a new snapshot of the open board.
	syncer interface{ sync() tea.Cmd }
	// enterer hears that it became the active screen, and from where.
	enterer interface{ enter(from screenID) tea.Cmd }
	// ticker wants the second timer while it shows a clock.
	ticker interface{ ticks() bool }
	// typist is typing into a line of its own, which gets every key.
	typist interface{ typing() bool }
	// overlayer draws a box of its own over the screen ("" for none), below
	// the shell's overlays.
	overlayer interface{ overlay() string }
)

type screenID int

const (
	screenLoading screenID = iota
	screenWelcome
	screenPicker
	screenBoard
	screenRetros
	screenRetro
	screenArenas
	screenArena
	screenGoal
	screenPlan
	screenDuos
	screenDuo
)

type tickMsg struct{}

// tickEvery is how often the timer of a running session redraws.
var tickEvery = time.Second

// tick wakes the screen while a session runs, for the timer.
func tick() tea.Cmd {
	return tea.Tick(tickEvery, func(time.Time) tea.Msg { return tickMsg{} })
}
