package board

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Labels are the words markdown output needs, in the reader's language. The
// catalog in tui/i18n provides them; board only knows the layout.
type Labels struct {
	Board, Actions, NoGoal, Overdue, CheckIns, Successes, Goals, Planning, Parking string
	Measure, Status, Week, Generated, Nothing                                      string
	Session, Leader, NewActions, Done, SinceLast, NoSession                        string
	Moods                                                                          map[Mood]string
	Statuses                                                                       map[Status]string
	GoalStatuses                                                                   map[GoalStatus]string
	// Numbers is how the reader's language writes numbers (zero: English).
	Numbers NumberFormat
}

// MarkdownActions writes the actions of b grouped by goal, each as
// "- [ ] wat — wie — wanneer", done ones checked, overdue ones marked.
func MarkdownActions(b *Board, l Labels, now time.Time) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s: %s\n\n", mdLine(b.Name), l.Actions)
	writeActions(&sb, b, l, now, "##")
	return strings.TrimRight(sb.String(), "\n") + "\n" // one final newline, as MarkdownBoard
}

// MarkdownBoard writes the whole board: every area, then the actions by goal.
func MarkdownBoard(b *Board, l Labels, now time.Time) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s: %s\n\n", l.Board, mdLine(b.Name))
	week := WeekOf(now)
	fmt.Fprintf(&sb, "%s: %s · %s %d\n\n", mdLine(b.Team.Name), now.Format("2006-01-02"), l.Week, week.Week)

	fmt.Fprintf(&sb, "## %s (%s %d)\n\n", l.CheckIns, l.Week, week.Week)
	n := 0
	for _, c := range sortedCheckIns(b.CheckIns) {
		if c.Week != week {
			continue
		}
		n++
		line := fmt.Sprintf("- %s %s — %s", c.Mood.Symbol(), mdLine(c.Who), l.Moods[c.Mood])
		if c.Word != "" {
			line += " — " + mdLine(c.Word)
		}
		sb.WriteString(line + "\n")
	}
	nothing(&sb, n, l)

	writeDatedList(&sb, l.Successes, b.Successes, l, func(s Success) (time.Time, string, string) { return s.Date, s.Text, s.Who })

	fmt.Fprintf(&sb, "## %s\n\n", l.Goals)
	for _, g := range b.Goals {
		fmt.Fprintf(&sb, "### %s\n\n", mdLine(g.Title))
		fmt.Fprintf(&sb, "- %s: %s · %s\n", l.Status, l.GoalStatuses[g.Status], g.ByWhen.Format("2006-01-02"))
		if g.Why != "" {
			fmt.Fprintf(&sb, "- %s\n", mdLine(g.Why))
		}
		if g.Measure != "" {
			fmt.Fprintf(&sb, "- %s: %s\n", l.Measure, mdLine(g.Measure))
		}
		if in := g.Indicator; in != nil {
			nf := l.Numbers
			if nf.Decimal == 0 {
				nf = EnglishNumbers
			}
			fmt.Fprintf(&sb, "- %s → %s %s", nf.Format(in.Baseline), nf.Format(in.Target), mdLine(in.Unit))
			for _, m := range in.Measurements {
				fmt.Fprintf(&sb, " · %s: %s", m.Date.Format("2006-01-02"), nf.Format(m.Value))
			}
			sb.WriteString("\n")
		}
		sb.WriteString("\n")
	}
	if len(b.Goals) == 0 {
		nothing(&sb, 0, l)
	}

	fmt.Fprintf(&sb, "## %s\n\n", l.Actions)
	writeActions(&sb, b, l, now, "###")

	writeDatedList(&sb, l.Planning, b.Planning, l, func(p PlanItem) (time.Time, string, string) { return p.Date, p.Text, p.Who })

	writeList(&sb, l.Parking, b.Parking, l, func(p Parking) string { return "- " + mdLine(p.Text) })
	return strings.TrimRight(sb.String(), "\n") + "\n"
}

// writeDatedList writes a section of dated texts, oldest first, each with
// who when known.
func writeDatedList[T any](sb *strings.Builder, title string, items []T, l Labels, line func(T) (d time.Time, text, who string)) {
	sorted := sortedBy(items, func(it T) time.Time { d, _, _ := line(it); return d })
	writeList(sb, title, sorted, l, func(it T) string {
		d, text, who := line(it)
		entry := fmt.Sprintf("- %s %s", d.Format("2006-01-02"), mdLine(text))
		if who != "" {
			entry += " — " + mdLine(who)
		}
		return entry
	})
}

// writeList writes a section: its title, then a line per item, or that
// there is nothing yet.
func writeList[T any](sb *strings.Builder, title string, items []T, l Labels, line func(T) string) {
	fmt.Fprintf(sb, "## %s\n\n", title)
	for _, it := range items {
		sb.WriteString(line(it) + "\n")
	}
	nothing(sb, len(items), l)
}

func nothing(sb *strings.Builder, n int, l Labels) {
	if n == 0 {
		fmt.Fprintf(sb, "_%s_\n", l.Nothing)
	}
	sb.WriteString("\n")
}

func writeActions(sb *strings.Builder, b *Board, l Labels, now time.Time, h string) {
	groups := GroupByGoal(b)
	for _, g := range groups {
		title := l.NoGoal
		if g.Goal != nil {
			title = mdLine(g.Goal.Title)
		}
		fmt.Fprintf(sb, "%s %s\n\n", h, title)
		for _, a := range g.Actions {
			sb.WriteString(mdAction(a, l.Overdue, l.Statuses, now) + "\n")
		}
		sb.WriteString("\n")
	}
	if len(groups) == 0 {
		nothing(sb, 0, l)
	}
}

// mdAction is an action as a markdown task line, "- [ ] wat — wie —
// wanneer", checked when done, marked when overdue, and else with its
// status when it is doing or dropped and statuses has a word for it.
func mdAction(a Action, overdue string, statuses map[Status]string, now time.Time) string {
	box := " "
	if a.Status == StatusDone {
		box = "x"
	}
	line := fmt.Sprintf("- [%s] %s — %s — %s", box, mdLine(a.What), mdLine(a.Who), a.When.Format("2006-01-02"))
	switch {
	case a.Overdue(now):
		line += " — **" + overdue + "**"
	case (a.Status == StatusDoing || a.Status == StatusDropped) && statuses[a.Status] != "":
		line += " — _" + statuses[a.Status] + "_"
	}
	return line
}

// ActionGroup is a goal with its actions; Goal is nil for actions without one.
type ActionGroup struct {
	Goal    *Goal
	Actions []Action
}

// GroupByGoal groups the actions of b by goal in the goals' order, actions
// without a (known) goal last; within a group, by date then id.
func GroupByGoal(b *Board) []ActionGroup {
	byGoal := map[uint64][]Action{}
	for _, a := range b.Actions {
		id := a.GoalID
		if _, ok := b.Goal(id); !ok {
			id = 0
		}
		byGoal[id] = append(byGoal[id], a)
	}
	var groups []ActionGroup
	for i := range b.Goals {
		if acts := byGoal[b.Goals[i].ID]; len(acts) > 0 {
			groups = append(groups, ActionGroup{Goal: &b.Goals[i], Actions: SortActions(acts)})
		}
	}
	if acts := byGoal[0]; len(acts) > 0 {
		groups = append(groups, ActionGroup{Actions: SortActions(acts)})
	}
	return groups
}

// SortActions sorts actions by date, then id, in place, and returns them.
func SortActions(acts []Action) []Action {
	slices.SortStableFunc(acts, func(a, b Action) int {
		return cmp.Or(a.When.Compare(b.When), cmp.Compare(a.ID, b.ID))
	})
	return acts
}

func sortedBy[T any](items []T, key func(T) time.Time) []T {
	out := slices.Clone(items)
	slices.SortStableFunc(out, func(a, b T) int { return key(a).Compare(key(b)) })
	return out
}

func sortedCheckIns(cs []CheckIn) []CheckIn {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b CheckIn) int { return strings.Compare(a.Who, b.Who) })
	return out
}

// mdEscaper backslash-escapes markdown's active characters; the backslash
// itself first, or a typed "\[" would become a live link again.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "`", "\\`", "*", `\*`, "_", `\_`,
	"~", `\~`, "&", `\&`, "|", `\|`)

// listStart is what would start an ordered list at the beginning of a line
// or list item: up to nine digits and a dot or parenthesis.
var listStart = regexp.MustCompile(`^[0-9]{1,9}[.)]`)

// mdLine makes user text safe inside one markdown line: sanitized again
// (files are read in terminals too), one line, and markdown's active
// characters at the start escaped so a card cannot become a heading or a link.
// Backslashes are escaped too: a typed \[ would otherwise cancel the escape
// of the [ after it and make a live link again.
func mdLine(s string) string {
	s = mdEscaper.Replace(CleanLine(s, MaxText))
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "=") {
		s = `\` + s
	}
	if m := listStart.FindString(s); m != "" {
		s = m[:len(m)-1] + `\` + s[len(m)-1:]
	}
	// In a heading, " #" at the end would close it; an even run of
	// backslashes before it escapes only itself.
	if body, ok := strings.CutSuffix(s, "#"); ok && (len(body)-len(strings.TrimRight(body, `\`)))%2 == 0 {
		s = body + `\#`
	}
	return s
}

// MarkdownMeeting writes the summary of the board's last closed bordsessie:
// who led it, the new actions with owners, what was done, the successes, and
// what is overdue; then who led the sessions before it.
func MarkdownMeeting(b *Board, l Labels) string {
	var last *Meeting
	for i := range b.Meetings {
		if !b.Meetings[i].Running() {
			last = &b.Meetings[i]
		}
	}
	var sb strings.Builder
	if last == nil || last.Summary == nil {
		fmt.Fprintf(&sb, "# %s: %s\n\n_%s_\n", mdLine(b.Name), l.Session, l.NoSession)
		return sb.String()
	}
	fmt.Fprintf(&sb, "# %s: %s %s %d\n\n", mdLine(b.Name), l.Session, l.Week, last.Week.Week)
	fmt.Fprintf(&sb, "%s: %s · %s – %s\n\n", l.Leader, mdLine(strings.Join(last.Leaders, " → ")),
		last.Started.Format("2006-01-02 15:04"), last.Ended.Format("15:04"))
	r := last.Summary
	openLine := func(a Action) string {
		return fmt.Sprintf("- [ ] %s — %s — %s", mdLine(a.What), mdLine(a.Who), a.When.Format("2006-01-02"))
	}
	writeList(&sb, l.NewActions, r.NewActions, l, openLine)
	writeList(&sb, l.Done, r.Done, l, func(a Action) string { return fmt.Sprintf("- [x] %s — %s", mdLine(a.What), mdLine(a.Who)) })
	writeList(&sb, l.Successes, r.Successes, l, func(s Success) string { return "- " + mdLine(s.Text) })
	writeList(&sb, l.Overdue, r.Overdue, l, openLine)
	fmt.Fprintf(&sb, "## %s\n\n", l.Leader)
	for _, m := range b.Meetings {
		fmt.Fprintf(&sb, "- %s %d: %s\n", l.Week, m.Week.Week, mdLine(strings.Join(m.Leaders, " → ")))
	}
	return strings.TrimRight(sb.String(), "\n") + "\n"
}

// RetroLabels are the words a retrospective report needs.
type RetroLabels struct {
	Retro, Period, Phase, Facilitator, Cards, Actions, Review, Votes, Nothing string
	Columns                                                                   []string // the retro's column names
	PhaseName                                                                 string
	Statuses                                                                  map[Status]string
}

// MarkdownRetro writes a retrospective report: topic and period, the cards
// per column with their votes and groups (authors only for a closed retro
// that chose to show them), the actions made from it, and the review of the
// previous retrospective's actions. Cards still hidden (writing) are left
// out: a report is read by everyone.
func MarkdownRetro(b *Board, r *Retro, l RetroLabels) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s: %s\n\n", l.Retro, mdLine(r.Topic))
	if !r.From.IsZero() || !r.To.IsZero() {
		fmt.Fprintf(&sb, "%s: %s – %s\n\n", l.Period, dateOr(r.From), dateOr(r.To))
	}
	fmt.Fprintf(&sb, "%s: %s · %s: %s\n\n", l.Phase, l.PhaseName, l.Facilitator, mdLine(r.Facilitator))
	hidden := r.PhaseIndex() < slices.Index(Phases, PhaseReveal)
	for i := range r.ColumnCount() {
		name := "?"
		if i < len(l.Columns) {
			name = l.Columns[i]
		}
		fmt.Fprintf(&sb, "## %s\n\n", mdLine(name))
		n := 0
		for _, c := range r.Roots() {
			if c.Column != i || hidden {
				continue
			}
			n++
			sb.WriteString("- " + retroCardMd(r, c) + "\n")
			for _, ch := range r.Children(c.ID) {
				sb.WriteString("  - " + retroCardMd(r, ch) + "\n")
			}
		}
		nothing(&sb, n, l.labels())
	}
	fmt.Fprintf(&sb, "## %s\n\n", l.Actions)
	n := 0
	for _, id := range r.Actions {
		if it := b.Find(AreaAction, id); it != nil {
			a := it.(*Action)
			box := " "
			if a.Status == StatusDone {
				box = "x"
			}
			fmt.Fprintf(&sb, "- [%s] %s — %s — %s\n", box, mdLine(a.What), mdLine(a.Who), a.When.Format("2006-01-02"))
			n++
		}
	}
	nothing(&sb, n, l.labels())
	if len(r.Review) > 0 {
		fmt.Fprintf(&sb, "## %s\n\n", l.Review)
		ids := make([]uint64, 0, len(r.Review))
		for id := range r.Review {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			if it := b.Find(AreaAction, id); it != nil {
				fmt.Fprintf(&sb, "- %s — %s\n", mdLine(it.Label()), l.Statuses[r.Review[id]])
			}
		}
	}
	return strings.TrimRight(sb.String(), "\n") + "\n"
}

func (l RetroLabels) labels() Labels { return Labels{Nothing: l.Nothing} }

func retroCardMd(r *Retro, c Card) string {
	s := mdLine(c.Text)
	if c.Title != "" {
		s = "**" + mdLine(c.Title) + "**: " + s
	}
	if r.VotesVisible() {
		if v := r.VotesOf(c.ID, ""); v > 0 {
			s += fmt.Sprintf(" (%d)", v)
		}
	}
	if r.AuthorVisible() {
		s += " — " + mdLine(c.Author)
	}
	return s
}

func dateOr(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return t.Format("2006-01-02")
}

// ArenaLabels are the words an arena report needs.
type ArenaLabels struct {
	Arena, Group, Questions, Themes, Ideas, NoTheme, Feasibility, Impact, ReportedBack, Open, Nothing, NotesDeleted string
	// NameMask stands in the report for a word the name guard flags
	// ("[naam]"); "[…]" when not set.
	NameMask string
	// Members are the team's names, masked wherever they appear.
	Members []string
}

// arenaNoteMd is a note as the report shows it: every note is masked by
// the guard as it is when the report is made, not only the notes flagged
// when they were saved (the guard may have missed a name then). A masked
// note is not left out: the pupils' point is in the other words.
func arenaNoteMd(a *Arena, n Note, members []string, mask string) string {
	line := mdLine(MaskedNote(a, n, members, mask))
	if n.Speaker != "" {
		line = n.Speaker + ": " + line
	}
	return line
}

// MarkdownArena writes a leerlingarena report without any names: not the
// teachers' (gespreksleider, note-takers) and, by the name guard, not the
// pupils'. Notes appear per question with their speaker label only.
func MarkdownArena(a *Arena, l ArenaLabels) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s: %s\n\n", l.Arena, mdLine(a.Topic))
	fmt.Fprintf(&sb, "%s · %s: %s · %d\n\n", a.Date.Format("2006-01-02"), l.Group, mdLine(a.Group), a.Pupils)
	fmt.Fprintf(&sb, "## %s\n\n", l.Questions)
	if !a.NotesDeleted.IsZero() {
		fmt.Fprintf(&sb, "_%s_\n\n", l.NotesDeleted)
	}
	for i, q := range a.Questions {
		fmt.Fprintf(&sb, "### %d. %s\n\n", i+1, mdLine(q.Text))
		notes := a.NotesOf(q.ID)
		mask := l.NameMask
		if mask == "" {
			mask = "[…]"
		}
		for _, n := range notes {
			sb.WriteString("- " + arenaNoteMd(a, n, l.Members, mask) + "\n")
		}
		nothing(&sb, len(notes), Labels{Nothing: l.Nothing})
	}
	fmt.Fprintf(&sb, "## %s\n\n", l.Themes)
	for _, t := range a.Themes {
		n := 0
		for _, note := range a.Notes {
			if note.Theme == t.ID {
				n++
			}
		}
		fmt.Fprintf(&sb, "- %s (%d)\n", mdLine(t.Title), n)
	}
	nothing(&sb, len(a.Themes), Labels{Nothing: l.Nothing})
	fmt.Fprintf(&sb, "## %s\n\n", l.Ideas)
	for _, i := range a.Ideas {
		mark := " "
		if i.Action != 0 {
			mark = "x"
		}
		fmt.Fprintf(&sb, "- [%s] %s — %s %d, %s %d\n", mark, mdLine(i.Text), l.Feasibility, i.Feasibility, l.Impact, i.Impact)
	}
	nothing(&sb, len(a.Ideas), Labels{Nothing: l.Nothing})
	if a.Open() {
		fmt.Fprintf(&sb, "**%s**\n", l.Open)
	} else {
		fmt.Fprintf(&sb, "%s %s: %s\n", l.ReportedBack, a.ReportedBack.Format("2006-01-02"), mdLine(a.ReportHow))
	}
	return sb.String()
}
