package board

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// PlanLabels are the words of the plan's account (verantwoording), in the
// reader's language; the catalog in tui/i18n provides them.
type PlanLabels struct {
	Account, Generated, Phase, PhaseChanges, NoPhase, NoSpeerpunt, Owner, Period string
	Indicator, Baseline, Latest, Target, Status, Course, Measurements            string
	Date, Value, Who, Note, Adjustments, Activities, Done, Open, Overdue         string
	NotMeasurable, Nothing, Higher, Lower, TargetChangeF                         string
	// ActivitiesF takes the counts done, open and overdue.
	ActivitiesF  string
	Phases       map[BKAPhase]string
	GoalStatuses map[GoalStatus]string
	Tracks       map[Track]string
	Missing      map[Missing]string
}

// MarkdownPlan writes the account of plan year year for board b: the
// year's BKA phase and its changes, then per speerpunt (and last the goals
// under none) each goal that ran in the year with its indicator, nulmeting,
// latest value, streefwaarde, status, the year's measurements as a table,
// its adjustments with their reasons and its activities done and open.
// Numbers are written in nf.
func MarkdownPlan(b *Board, year int, l PlanLabels, nf NumberFormat, now time.Time) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s %d: %s\n\n", l.Account, year, mdLine(b.Name))
	py := b.PlanYear(year)
	phase := l.NoPhase
	if py.Phase.Valid() {
		phase = fmt.Sprintf("BKA%d — %s", py.Phase, l.Phases[py.Phase])
	}
	fmt.Fprintf(&sb, "%s · %s %s · %s: %s\n\n", mdLine(b.Team.Name), l.Generated, now.Format(time.DateOnly), l.Phase, phase)
	if len(py.History) > 0 {
		fmt.Fprintf(&sb, "%s:\n\n", l.PhaseChanges)
		for _, h := range py.History {
			fmt.Fprintf(&sb, "- %s %s: %s → %s\n", h.At.Format(time.DateOnly), mdLine(h.By), phaseName(h.From, l), phaseName(h.To, l))
		}
		sb.WriteString("\n")
	}
	sections := append(append([]Speerpunt(nil), b.Speerpunten...), Speerpunt{})
	for _, sp := range sections {
		var goals []*Goal
		for i := range b.Goals {
			if g := &b.Goals[i]; g.SpeerpuntID == sp.ID && g.ranIn(year) {
				goals = append(goals, g)
			}
		}
		if len(goals) == 0 {
			continue
		}
		if sp.ID == 0 {
			fmt.Fprintf(&sb, "## %s\n\n", l.NoSpeerpunt)
		} else {
			fmt.Fprintf(&sb, "## %s (%d–%d)\n\n", mdLine(sp.Title), sp.FromYear, sp.ToYear)
			if sp.Description != "" {
				fmt.Fprintf(&sb, "%s\n\n", mdLine(sp.Description))
			}
			if sp.Owner != "" {
				fmt.Fprintf(&sb, "%s: %s\n\n", l.Owner, mdLine(sp.Owner))
			}
		}
		for _, g := range goals {
			writePlanGoal(&sb, b, g, year, l, nf, now)
		}
	}
	return strings.TrimRight(sb.String(), "\n") + "\n"
}

// phaseName is "BKA2", or the word for no phase yet.
func phaseName(p BKAPhase, l PlanLabels) string {
	if p.Valid() {
		return fmt.Sprintf("BKA%d", p)
	}
	return l.NoPhase
}

// ranIn reports whether the goal was running at some time in year: from
// its nulmeting (or creation) to its target date.
func (g *Goal) ranIn(year int) bool {
	start := g.CreatedAt
	if g.Indicator != nil && !g.Indicator.BaselineDate.IsZero() && (start.IsZero() || g.Indicator.BaselineDate.Before(start)) {
		start = g.Indicator.BaselineDate
	}
	end := g.TargetDate()
	return (start.IsZero() || start.Year() <= year) && (end.IsZero() || end.Year() >= year)
}

func writePlanGoal(sb *strings.Builder, b *Board, g *Goal, year int, l PlanLabels, nf NumberFormat, now time.Time) {
	fmt.Fprintf(sb, "### %s\n\n", mdLine(g.Title))
	status := l.GoalStatuses[g.Status]
	if tr := g.Track(); tr != TrackUnknown && g.Open() {
		status += " · " + l.Tracks[tr]
	}
	fmt.Fprintf(sb, "- %s: %s\n", l.Status, status)
	if g.Owner != "" {
		fmt.Fprintf(sb, "- %s: %s\n", l.Owner, mdLine(g.Owner))
	}
	in := g.Indicator
	if missing := g.Missing(); len(missing) > 0 {
		words := make([]string, len(missing))
		for i, m := range missing {
			words[i] = l.Missing[m]
		}
		fmt.Fprintf(sb, "- **%s**: %s\n", l.NotMeasurable, strings.Join(words, ", "))
	}
	if in != nil {
		dir := l.Higher
		if in.Better() == LowerIsBetter {
			dir = l.Lower
		}
		fmt.Fprintf(sb, "- %s: %s (%s)\n", l.Indicator, mdLine(in.Unit), dir)
		if !in.BaselineDate.IsZero() {
			fmt.Fprintf(sb, "- %s: %s (%s)\n", l.Baseline, nf.Format(in.Baseline), in.BaselineDate.Format(time.DateOnly))
		}
		if m, ok := in.Latest(); ok {
			fmt.Fprintf(sb, "- %s: %s (%s)\n", l.Latest, nf.Format(m.Value), m.Date.Format(time.DateOnly))
		}
		if !in.TargetDate.IsZero() {
			fmt.Fprintf(sb, "- %s: %s (%s)\n", l.Target, nf.Format(in.Target), in.TargetDate.Format(time.DateOnly))
		}
	}
	sb.WriteString("\n")
	var rows []Measurement
	for _, m := range in.Sorted() {
		if m.Date.Year() == year {
			rows = append(rows, m)
		}
	}
	if len(rows) > 0 {
		fmt.Fprintf(sb, "%s:\n\n| %s | %s | %s | %s |\n|---|--:|---|---|\n", l.Measurements, l.Date, l.Value, l.Who, l.Note)
		for _, m := range rows {
			// Written piece by piece: with 60 rows a goal this loop is most
			// of the account's time (docs/performance.md).
			sb.WriteString("| ")
			sb.WriteString(m.Date.Format(time.DateOnly))
			sb.WriteString(" | ")
			sb.WriteString(nf.Format(m.Value))
			sb.WriteString(" | ")
			sb.WriteString(mdLine(m.Who))
			sb.WriteString(" | ")
			sb.WriteString(mdLine(m.Note))
			sb.WriteString(" |\n")
		}
		sb.WriteString("\n")
	}
	var changes []GoalChange
	for _, h := range g.History {
		if h.At.Year() == year {
			changes = append(changes, h)
		}
	}
	if len(changes) > 0 {
		fmt.Fprintf(sb, "%s:\n\n", l.Adjustments)
		for _, h := range changes {
			line := fmt.Sprintf("- %s %s: %s → %s", h.At.Format(time.DateOnly), mdLine(h.By), l.GoalStatuses[h.From], l.GoalStatuses[h.To])
			if t := h.Target; t != nil {
				line += ", " + fmt.Sprintf(l.TargetChangeF, nf.Format(t.OldValue), t.OldDate.Format(time.DateOnly), nf.Format(t.NewValue), t.NewDate.Format(time.DateOnly))
			}
			sb.WriteString(line + ": " + mdLine(h.Reason) + "\n")
		}
		sb.WriteString("\n")
	}
	c := b.ActionsOf(g.ID, now)
	fmt.Fprintf(sb, "%s: "+l.ActivitiesF+"\n\n", l.Activities, c.Done, c.Open, c.Overdue)
	for _, a := range SortActions(slices.DeleteFunc(slices.Clone(b.Actions), func(a Action) bool { return a.GoalID != g.ID })) {
		if a.Status == StatusDropped {
			continue
		}
		sb.WriteString(mdAction(a, l.Overdue, nil, now) + "\n")
	}
	sb.WriteString("\n")
}
