package i18n

import "github.com/verbeterbord/bord/board"

// CalLabels returns the words of the calendar export's events.
func (m *Messages) CalLabels() board.CalLabels {
	return board.CalLabels{Session: m.Meeting, Retro: m.Retro, Arena: m.Arena, Facilitator: m.Facilitator,
		Group: m.FieldGroup, Who: m.FieldWho}
}
