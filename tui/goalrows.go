package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
)

// How a goal is shown wherever it stands in a list: on the board, in the
// bordsessie's goals step and in the plan view. Up to three lines: first
// how far it is and whether it is on track, then the numbers, the trend
// and the actions, then what needs attention. The words of the warnings
// come from the catalog; which warnings there are is board's
// (Goal.Warnings, Board.FocusWarnings).

// goalView words and draws goals for every screen that shows them; its
// own type keeps Common small.
type goalView struct{ *Common }

// goalRow is a goal's lines, joined by newlines; the last is empty when
// nothing needs attention.
func (m goalView) goalRow(b *board.Board, g *board.Goal) string {
	now := m.now()
	first := m.goalBar(g, now) + " " + m.trackWord(g)
	first += " " + g.Title
	if g.Status != board.GoalActive && g.Status != "" {
		first += " (" + m.msg.GoalStatus(g.Status) + ")"
	}
	var second, third []string
	if in := g.Indicator; in != nil {
		second = append(second, m.goalValues(g)+" "+sparkline(lastValues(in, 12), 12))
	}
	if g.Owner != "" {
		second = append(second, g.Owner)
	}
	if c := b.ActionsOf(g.ID, now); c.Open+c.Done > 0 {
		second = append(second, m.actionCounts(c))
	}
	for _, w := range g.Warnings(now) {
		third = append(third, m.st.warn.Render("⚠ "+m.warning(b, w, true)))
	}
	return first + "\n   " + strings.Join(second, " · ") + "\n   " + strings.Join(third, " · ")
}

// actionCounts is "acties: 2 open · 1 klaar · ! 1 te laat".
func (m goalView) actionCounts(c board.ActionCount) string {
	acts := strings.ToLower(m.msg.AreaAction) + ": " + fmt.Sprintf(m.msg.Goals.ActionsF, c.Open, c.Done)
	if c.Overdue > 0 {
		acts += " · " + m.st.overdue.Render("! "+fmt.Sprintf(m.msg.Goals.OverdueF, c.Overdue))
	}
	return acts
}

// goalBar is the progress bar with the point the goal should have reached
// when it was last measured: the same comparison as "op koers" and
// "achter" (board.Goal.Track), so the bar and the word never disagree. A
// goal that cannot be measured gets an empty bar.
func (m goalView) goalBar(g *board.Goal, now time.Time) string {
	p, ok := g.Indicator.Progress()
	if !ok {
		return progressBar(0, -1, 8)
	}
	at := now
	if last, ok := g.Indicator.Latest(); ok {
		at = last.Date
	}
	expect := -1.0
	if v, ok := g.Expected(at); ok {
		if e, ok := g.Indicator.ProgressOf(v); ok {
			expect = e
		}
	}
	return progressBar(p, expect, 8)
}

// trackWord says "op koers" or "achter" with a symbol, so it reads without
// colour; a goal that cannot tell yet gets a dash.
func (m goalView) trackWord(g *board.Goal) string {
	if !g.Open() {
		return "·"
	}
	switch g.Track() {
	case board.TrackOnCourse:
		return m.st.ok.Render("✓ " + m.msg.Goals.OnCourse)
	case board.TrackBehind:
		return m.st.overdue.Render("▼ " + m.msg.Goals.Behind)
	}
	return "–"
}

// goalValues is "12 → 9,5 → 4 leerlingen": nulmeting, latest, streefwaarde.
func (m goalView) goalValues(g *board.Goal) string {
	in := g.Indicator
	latest := "…"
	if l, ok := in.Latest(); ok {
		latest = m.number(l.Value)
	}
	s := m.number(in.Baseline) + " → " + latest + " → " + m.number(in.Target)
	if in.Unit != "" {
		s += " " + in.Unit
	}
	return s
}

// lastValues are an indicator's last n measured values, oldest first:
// what a sparkline shows. Measurements are usually stored in date order,
// which is checked without copying them; only out-of-order ones are sorted.
func lastValues(in *board.Indicator, n int) []float64 {
	ms := in.Measurements
	if !slices.IsSortedFunc(ms, func(a, b board.Measurement) int { return a.Date.Compare(b.Date) }) {
		ms = in.Sorted()
	}
	ms = ms[max(len(ms)-n, 0):]
	out := make([]float64, len(ms))
	for i, x := range ms {
		out[i] = x.Value
	}
	return out
}

// number writes a value the way the user's language does: 1.250 and 3,5
// in Dutch, 1,250 and 3.5 in English.
func (m goalView) number(v float64) string { return m.msg.Numbers().Format(v) }

// roundedNumber writes v with at most prec decimals, for a chart's axis.
func (m goalView) roundedNumber(v float64, prec int) string {
	p := math.Pow10(prec)
	return m.msg.Numbers().Format(math.Round(v*p) / p)
}

// warning words one warning; short is the form for a row, the long one
// says what to do about it.
func (m goalView) warning(b *board.Board, w board.Warning, short bool) string {
	g := m.msg.Goals
	switch w.Kind {
	case board.WarnNotMeasurable:
		if len(w.Missing) > 1 {
			return fmt.Sprintf(g.NotMeasurablesF, m.missing(w.Missing))
		}
		return fmt.Sprintf(g.NotMeasurableF, m.missing(w.Missing))
	case board.WarnVague:
		if short {
			return g.VagueHint
		}
		return fmt.Sprintf(g.VagueF, strings.Join(w.Words, ", "))
	case board.WarnMissedMoments:
		return fmt.Sprintf(g.MissedF, m.dates(w.Dates, short))
	case board.WarnTargetPassed:
		return fmt.Sprintf(g.TargetPassedF, m.dates(w.Dates, short))
	case board.WarnFocusBoard:
		if short {
			return g.FocusShort
		}
		return fmt.Sprintf(g.FocusBoardF, w.Count, w.Limit)
	case board.WarnFocusSpeerpunt:
		if short {
			return g.FocusShort
		}
		title := "?"
		if s, ok := b.Speerpunt(w.SpeerpuntID); ok {
			title = s.Title
		}
		return fmt.Sprintf(g.FocusSpeerpuntF, title, w.Count, w.Limit)
	}
	return string(w.Kind)
}

// missing names the missing parts: "nulmeting en streefwaarde".
func (m goalView) missing(ms []board.Missing) string {
	g := m.msg.Goals
	words := make([]string, len(ms))
	for i, x := range ms {
		switch x {
		case board.MissingIndicator:
			words[i] = g.MissingIndicator
		case board.MissingUnit:
			words[i] = g.MissingUnit
		case board.MissingBaseline:
			words[i] = g.MissingBaseline
		default:
			words[i] = g.MissingTarget
		}
	}
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + g.Moreover + " " + words[len(words)-1]
}

// dates lists dates; short keeps the last one and a count of the others.
func (m goalView) dates(ds []time.Time, short bool) string {
	if short && len(ds) > 1 {
		return fmt.Sprintf("%s (+%d)", m.msg.ShortDate(ds[len(ds)-1]), len(ds)-1)
	}
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = m.msg.ShortDate(d)
	}
	return strings.Join(parts, ", ")
}

// focusWarnings words the board's "too many goals" warnings, long.
func (m goalView) focusWarnings(b *board.Board) []string {
	var out []string
	for _, w := range b.FocusWarnings() {
		out = append(out, m.warning(b, w, false))
	}
	return out
}

// goalsSummary is the bordsessie's line in the goals step: how many open
// goals are on track and behind, and the board's focus warnings in full.
func (m goalView) goalsSummary(b *board.Board) string {
	var t board.Tally
	for i := range b.Goals {
		g := &b.Goals[i]
		if !g.Open() {
			continue
		}
		t.Goals++
		switch g.Track() {
		case board.TrackOnCourse:
			t.GoalsOnCourse++
		case board.TrackBehind:
			t.GoalsBehind++
		}
	}
	s := fmt.Sprintf(m.msg.Goals.GoalsTallyF, t.Goals, t.GoalsOnCourse, t.GoalsBehind)
	for _, f := range m.focusWarnings(b) {
		s += " · " + m.st.warn.Render("⚠ "+f)
	}
	return s
}
