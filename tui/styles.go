package tui

import (
	"charm.land/lipgloss/v2"
)

// styles holds every style of the interface. Colours are ANSI basic colours
// so they survive a 16-colour terminal; meaning is always carried by a symbol
// or word as well, so nothing is lost without colour (NO_COLOR).
type styles struct {
	title, header, dim, selected, focusTitle, blurTitle, overdue, done, err, ok, key, tab, tabActive lipgloss.Style
	border, focusBorder                                                                              lipgloss.Style
}

func newStyles() styles {
	return styles{
		title:       lipgloss.NewStyle().Bold(true),
		header:      lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Cyan),
		dim:         lipgloss.NewStyle().Foreground(lipgloss.BrightBlack),
		selected:    lipgloss.NewStyle().Reverse(true),
		focusTitle:  lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Cyan),
		blurTitle:   lipgloss.NewStyle(),
		overdue:     lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Red),
		done:        lipgloss.NewStyle().Foreground(lipgloss.Green),
		err:         lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Red),
		ok:          lipgloss.NewStyle().Foreground(lipgloss.Green),
		key:         lipgloss.NewStyle().Bold(true),
		tab:         lipgloss.NewStyle(),
		tabActive:   lipgloss.NewStyle().Bold(true).Reverse(true),
		border:      lipgloss.NewStyle().Foreground(lipgloss.BrightBlack),
		focusBorder: lipgloss.NewStyle().Foreground(lipgloss.Cyan),
	}
}
