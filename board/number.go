package board

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// NumberFormat is how a language writes numbers: its decimal mark and the
// mark that groups thousands.
type NumberFormat struct {
	Decimal, Group byte
}

// The two languages' formats: 1.250,5 in Dutch, 1,250.5 in English.
var (
	DutchNumbers   = NumberFormat{Decimal: ',', Group: '.'}
	EnglishNumbers = NumberFormat{Decimal: '.', Group: ','}
)

// ErrNotANumber is returned by Parse for input that is not a finite number.
var ErrNotANumber = errors.New("board: not a number")

// Format writes v with at most two decimals, thousands grouped: 3,5 and
// 1.250 in Dutch, 3.5 and 1,250 in English.
func (f NumberFormat) Format(v float64) string {
	s := strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), ".")
	sign := ""
	if rest, neg := strings.CutPrefix(s, "-"); neg {
		s = rest
		if s != "0" { // -0.001 shows as 0, not -0
			sign = "-"
		}
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(f.Group)
		}
		b.WriteByte(whole[i])
	}
	if hasFrac {
		b.WriteByte(f.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Parse reads a number typed with either decimal mark: 3,5 and 3.5 are both
// three and a half. Thousands marks are understood where they cannot be a
// decimal mark (1.250.000, 1.250,5); a lone mark followed by exactly three
// digits (1.250) is read the way f writes it. NaN, Inf and anything else
// that is not a plain number fail with ErrNotANumber.
func (f NumberFormat) Parse(s string) (float64, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%w: %q", ErrNotANumber, s)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" {
		return 0, bad
	}
	for i := range len(digits) {
		if c := digits[i]; (c < '0' || c > '9') && c != '.' && c != ',' {
			return 0, bad
		}
	}
	dec := f.decimalMark(digits)
	var b strings.Builder
	b.WriteString(s[:len(s)-len(digits)])
	whole, frac, hasFrac := strings.Cut(digits, string(dec))
	if strings.ContainsRune(frac, ',') || strings.ContainsRune(frac, '.') {
		return 0, bad
	}
	groups := strings.FieldsFunc(whole, func(r rune) bool { return r == '.' || r == ',' })
	if strings.Count(whole, ".")+strings.Count(whole, ",")+1 != len(groups) {
		return 0, bad // an empty group: "1..5", ".5," and the like
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 || i == 0 && len(groups) > 1 && len(g) > 3 {
			return 0, bad
		}
		b.WriteString(g)
	}
	if hasFrac {
		if frac == "" {
			return 0, bad
		}
		b.WriteString("." + frac)
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil || !Finite(v) {
		return 0, bad
	}
	return v, nil
}

// decimalMark is the mark that separates the decimals in digits, or 0
// when it has none: the last mark when both kinds occur, a mark that
// occurs once unless it groups three digits the way f groups, and none
// when one mark occurs more than once (1.250.000).
func (f NumberFormat) decimalMark(digits string) byte {
	dots, commas := strings.Count(digits, "."), strings.Count(digits, ",")
	switch {
	case dots > 0 && commas > 0:
		return digits[strings.LastIndexAny(digits, ".,")]
	case dots+commas != 1:
		return 0
	}
	i := strings.IndexAny(digits, ".,")
	if digits[i] == f.Group && len(digits)-i-1 == 3 && i > 0 && i <= 3 {
		return 0
	}
	return digits[i]
}
