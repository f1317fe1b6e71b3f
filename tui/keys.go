package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/verbeterbord/bord/tui/i18n"
)

// keyMap is every key of the board screen, with help in the user's language.
// It implements help.KeyMap for the help line and the overlay.
type keyMap struct {
	NextArea, PrevArea, Up, Down, Add, Edit, Delete, Status, Done, Drop, Goal key.Binding
	Measure, Filter, Undo, CheckIn, Boards, Help, Quit                        key.Binding
	// Bordsessie keys; the handlers live in meeting.go.
	MeetStart, MeetStep, MeetLead, MeetEnd, MeetFollow key.Binding
}

func newKeyMap(m *i18n.Messages) keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		NextArea: b("tab/→", m.KeyAreas, "tab", "right", "l"),
		PrevArea: b("⇧tab/←", m.KeyAreas, "shift+tab", "left", "h"),
		Up:       b("↑", m.KeyMove, "up", "k"),
		Down:     b("↓", m.KeyMove, "down", "j"),
		Add:      b("a", m.KeyAdd, "a", "n", "+"),
		Edit:     b("e/enter", m.KeyEdit, "e", "enter"),
		Delete:   b("d/del", m.KeyDelete, "d", "delete", "backspace"),
		Status:   b(m.KeySpace, m.KeyStatus, "space", "s"),
		Done:     b("x", m.KeyDone, "x"),
		Drop:     b("X", m.KeyDrop, "X"),
		Goal:     b("g", m.KeyGoal, "g"),
		Measure:  b("m", m.KeyMeasure, "m"),
		Filter:   b("f", m.KeyFilter, "f"),
		Undo:     b("u", m.KeyUndo, "u", "ctrl+z"),
		CheckIn:  b("c", m.KeyCheckIn, "c"),
		Boards:   b("b", m.KeyBoards, "b"),
		Help:     b("?", m.KeyHelp, "?"),
		Quit:     b("q", m.KeyQuit, "q", "ctrl+c"),

		MeetStart:  b("S", m.KeyMeetStart, "S"),
		MeetStep:   b("] [", m.KeyMeetStep, "]", "["),
		MeetLead:   b("L", m.KeyMeetLead, "L"),
		MeetEnd:    b("E", m.KeyMeetEnd, "E"),
		MeetFollow: b("v", m.KeyMeetFollow, "v"),
	}
}

// ShortHelp is the always-visible help line.
func (k keyMap) ShortHelp() []key.Binding {
	// Help and quit first: a narrow terminal cuts the end of the line.
	return []key.Binding{k.Help, k.Quit, k.NextArea, k.Add, k.Edit, k.Delete, k.Status, k.Undo, k.Filter}
}

// FullHelp is the overlay shown by ?.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextArea, k.PrevArea, k.Up, k.Down, k.Boards},
		{k.Add, k.Edit, k.Delete, k.Undo, k.CheckIn},
		{k.Status, k.Done, k.Drop, k.Goal, k.Measure},
		{k.Filter, k.Help, k.Quit},
		{k.MeetStart, k.MeetStep, k.MeetFollow, k.MeetLead, k.MeetEnd},
	}
}
