// Package board is bord's domain: teams, boards and everything on a verbeterbord
// (check-ins, successes, goals with indicators, actions, planning, parking lot),
// the support plan above the boards (speerpunten, goals with nulmeting,
// streefwaarde and meetmomenten, their warnings and course, BKA phases),
// the bordsessie, retrospectives and leerlingarena's, each changed by an op
// and its Apply; the rules for valid input, the one text sanitizer, date
// parsing, number formats, the name guard that keeps pupils' names out of what others see,
// Diff and Merge of an item for conflicts, and markdown rendering.
//
// It does no I/O and imports nothing of bord's own, so every other package can
// depend on it. It must never hold user-facing sentences: errors carry codes
// that the message catalog in package tui/i18n turns into Dutch or English.
package board
