package tui

import tea "charm.land/bubbletea/v2"

// openRecord opens the retrospective or arena of Config.OpenRetro or
// OpenArena once the board is open, so a guest lands in their one record
// instead of on a board that shows them nothing.
func (m *Model) openRecord() tea.Cmd {
	switch r, a := m.cfg.OpenRetro, m.cfg.OpenArena; {
	case r != 0:
		return func() tea.Msg { return retroOpenMsg{r} }
	case a != 0:
		return func() tea.Msg { return arenaOpenMsg{a} }
	}
	return nil
}
