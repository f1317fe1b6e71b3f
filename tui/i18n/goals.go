package i18n

import (
	"math"
	"strconv"
	"strings"
)

// GoalsMessages are the words of the goal rows, the goal detail and the
// plan view (issue 9).
type GoalsMessages struct {
	// Decimal and Thousands are the number marks: 3,5 and 1.250 in Dutch,
	// 3.5 and 1,250 in English.
	Decimal, Thousands string
}

var nlGoals = GoalsMessages{
	Decimal: ",", Thousands: ".",
}

var enGoals = GoalsMessages{
	Decimal: ".", Thousands: ",",
}

// Number writes f the way the user's language does, with at most prec
// decimals and no trailing zeros: 1.250 and 3,5 in Dutch, 1,250 and 3.5 in
// English. NaN and infinities, which no measurement can be, write as "?".
func (g GoalsMessages) Number(f float64, prec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "?"
	}
	s := strconv.FormatFloat(f, 'f', max(prec, 0), 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(g.Thousands)
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += g.Decimal + frac
	}
	if neg && strings.Trim(out, "0.,") != "" {
		out = "-" + out
	}
	return out
}
