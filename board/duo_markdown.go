package board

import (
	"fmt"
	"strings"
	"time"
)

// DuoLabels are the words of a duo report, from the catalog.
type DuoLabels struct {
	Duo, Coordinator, Partners, Left, Step, Designs, Version, By, Changed, Visits string
	Visitor, Teacher, Tried, Copy, Observations, Kijkvraag, Talk, Lessons, Action string
	Nothing, NameMask, ObservationsDeleted, Minutes                               string
	Steps                                                                         map[DuoStep]string
	Fields                                                                        map[string]string // DesignFields
	TalkSteps                                                                     map[string]string // TalkSteps
}

// MarkdownDuo writes a duo: its partners and step, every design with every
// version (and what each version changed), and every visit with its
// observations, nagesprek and lessen. No pupil name leaves bord through
// it: every free text is masked by the name guard, with the duo's people
// as known names, and a flagged observation's suspect words too.
func MarkdownDuo(d *Duo, l DuoLabels, now time.Time) string {
	var sb strings.Builder
	mask := func(s string) string {
		return MaskNames(s, LooksLikeName(s, append(d.PartnerNames(), d.Coordinator)), l.NameMask)
	}
	fmt.Fprintf(&sb, "# %s: %s\n\n", l.Duo, mdLine(d.Name))
	partners := make([]string, len(d.Partners))
	for i, p := range d.Partners {
		partners[i] = mdLine(p.Name)
		if p.School != "" {
			partners[i] += " (" + mdLine(p.School) + ")"
		}
		if p.Left {
			partners[i] += " — " + l.Left
		}
	}
	fmt.Fprintf(&sb, "- %s: %s\n- %s: %s\n- %s: %s\n\n", l.Partners, strings.Join(partners, ", "),
		l.Coordinator, mdLine(d.Coordinator), l.Step, l.Steps[d.Step(now)])

	fmt.Fprintf(&sb, "## %s\n\n", l.Designs)
	nothing(&sb, len(d.Designs), Labels{Nothing: l.Nothing})
	for _, ds := range d.Designs {
		fmt.Fprintf(&sb, "### %s\n\n", mdLine(ds.Current().Title()))
		for i, v := range ds.Versions {
			fmt.Fprintf(&sb, "#### %s %d — %s %s, %s\n\n", l.Version, v.N, l.By, mdLine(v.By), v.At.Format("2006-01-02"))
			if i > 0 {
				changed := DiffVersions(ds.Versions[i-1], v)
				names := make([]string, len(changed))
				for j, f := range changed {
					names[j] = l.Fields[f]
				}
				fmt.Fprintf(&sb, "%s: %s\n\n", l.Changed, strings.Join(names, ", "))
			}
			writeDesign(&sb, v, l, mask)
		}
	}

	fmt.Fprintf(&sb, "## %s\n\n", l.Visits)
	nothing(&sb, len(d.Visits), Labels{Nothing: l.Nothing})
	for _, v := range d.Visits {
		writeVisit(&sb, d, v, l, mask)
	}
	return strings.TrimRight(sb.String(), "\n") + "\n"
}

func writeDesign(sb *strings.Builder, v DesignVersion, l DuoLabels, mask func(string) string) {
	for _, f := range DesignFields {
		text := v.Field(f)
		if text == "" {
			continue
		}
		if f == "phases" {
			fmt.Fprintf(sb, "- %s (%d %s):\n", l.Fields[f], v.Minutes(), l.Minutes)
			for _, p := range v.Phases {
				fmt.Fprintf(sb, "  - %s — %d %s\n", mdLine(mask(p.Name)), p.Minutes, l.Minutes)
			}
			continue
		}
		fmt.Fprintf(sb, "- %s: %s\n", l.Fields[f], mdLine(mask(text)))
	}
	sb.WriteString("\n")
}

func writeVisit(sb *strings.Builder, d *Duo, v Visit, l DuoLabels, mask func(string) string) {
	fmt.Fprintf(sb, "### %s · %s · %s\n\n", v.At.Format("2006-01-02 15:04"), mdLine(v.School), mdLine(v.Group))
	fmt.Fprintf(sb, "- %s: %s · %s: %s\n", l.Teacher, mdLine(v.Teacher), l.Visitor, mdLine(v.Visitor))
	if tried, ok := d.Tried(v); ok {
		line := fmt.Sprintf("- %s: %s, %s %d", l.Tried, mdLine(tried.Title()), l.Version, tried.N)
		if v.Copy != nil {
			line += " (" + l.Copy + ")"
		}
		fmt.Fprintf(sb, "%s\n- %s: %s\n", line, l.Kijkvraag, mdLine(mask(tried.Kijkvraag)))
	}
	sb.WriteString("\n")
	if len(v.Observations) > 0 || !v.ObservationsDeleted.IsZero() {
		fmt.Fprintf(sb, "#### %s\n\n", l.Observations)
		for _, o := range v.Observations {
			mark := ""
			if o.Kijkvraag {
				mark = " (" + l.Kijkvraag + ")"
			}
			fmt.Fprintf(sb, "- %s%s\n", mdLine(d.MaskedObservation(o, l.NameMask)), mark)
		}
		if !v.ObservationsDeleted.IsZero() {
			fmt.Fprintf(sb, "- %s %s\n", l.ObservationsDeleted, v.ObservationsDeleted.Format("2006-01-02"))
		}
		sb.WriteString("\n")
	}
	if v.Talk.Done() {
		fmt.Fprintf(sb, "#### %s\n\n", l.Talk)
		for _, step := range TalkSteps {
			if text := v.Talk.Field(step); text != "" {
				fmt.Fprintf(sb, "- %s: %s\n", l.TalkSteps[step], mdLine(mask(text)))
			}
		}
		sb.WriteString("\n")
	}
	if len(v.Lessons) > 0 {
		fmt.Fprintf(sb, "#### %s\n\n", l.Lessons)
		for _, ls := range v.Lessons {
			line := "- " + mdLine(mask(ls.Text))
			if ls.Action != 0 {
				line += " — " + l.Action
			}
			sb.WriteString(line + "\n")
		}
		sb.WriteString("\n")
	}
}
