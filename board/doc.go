// Package board is bord's domain: teams, boards and everything on a verbeterbord
// (check-ins, successes, goals with indicators, actions, planning, parking lot),
// the rules for valid input, the one text sanitizer, date parsing and markdown
// rendering.
//
// It does no I/O and imports nothing of bord's own, so every other package can
// depend on it. It must never hold user-facing sentences: errors carry codes
// that the message catalog in package tui/i18n turns into Dutch or English.
package board
