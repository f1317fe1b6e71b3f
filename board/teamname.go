package board

import "strings"

// dashes are the dashes people type, or their keyboard or word processor
// makes of a typed "-": a team made as "Team 3 – 4" must be found as
// "team 3 - 4".
var dashes = strings.NewReplacer(
	"\u2010", "-", // hyphen
	"\u2011", "-", // non-breaking hyphen
	"\u2012", "-", // figure dash
	"\u2013", "-", // en dash
	"\u2014", "-", // em dash
	"\u2015", "-", // horizontal bar
	"\u2212", "-", // minus sign
	"\uFE63", "-", // small hyphen-minus
	"\uFF0D", "-", // fullwidth hyphen-minus
)

// SameName reports whether a and b name the same team or board as people
// type it: case, repeated spaces, spaces around a dash and the kind of dash
// do not count ("Groep 7 – 8" is "groep 7-8").
func SameName(a, b string) bool {
	return strings.EqualFold(foldName(a), foldName(b))
}

func foldName(s string) string {
	s = strings.Join(strings.Fields(dashes.Replace(s)), " ")
	return strings.ReplaceAll(strings.ReplaceAll(s, " -", "-"), "- ", "-")
}
