package board

// MaskText returns text with every word the name guard flags now replaced
// by mask ("[naam]"). members are the team's names: they are always caught.
// Screens and reports that show notes to anyone but their note-taker call
// this (or MaskedNote), so a name the guard learns to see later is hidden
// in old notes too.
func MaskText(text string, members []string, mask string) string {
	return MaskNames(text, LooksLikeName(text, members), mask)
}

// MaskedNote is note n of arena a as a report or a report-back screen shows
// it: masked by the current guard, with the team's members, the arena's
// leader and note-takers and the note's writer as known names, and also
// the words the guard warned about when the note was saved (n.Suspect).
func MaskedNote(a *Arena, n Note, members []string, mask string) string {
	known := make([]string, 0, len(members)+len(a.NoteTakers)+2)
	known = append(known, members...)
	known = append(known, a.Leader, n.By)
	known = append(known, a.NoteTakers...)
	return MaskNames(n.Text, append(LooksLikeName(n.Text, known), n.Suspect...), mask)
}
