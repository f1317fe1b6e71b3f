package board

// Clean sanitizes every text of a retrospective in place: the one place
// that knows its fields, for a retrospective read from a file (an import).
// Apply cleans what it stores itself.
func (r *Retro) Clean() {
	r.Topic, r.Format = CleanLine(r.Topic, MaxLine), CleanLine(r.Format, 40)
	r.Facilitator = CleanName(r.Facilitator)
	cleanNames(r.Facilitators)
	for i := range r.Columns {
		r.Columns[i] = CleanLine(r.Columns[i], 40)
	}
	for i := range r.Cards {
		c := &r.Cards[i]
		c.Text, c.Title, c.Author = CleanText(c.Text, MaxText), CleanLine(c.Title, MaxLine), CleanName(c.Author)
		c.ChangedBy = CleanName(c.ChangedBy)
	}
	for i := range r.Ballots {
		r.Ballots[i].Voter = CleanName(r.Ballots[i].Voter)
	}
}

// Clean sanitizes every text of an arena in place; see Retro.Clean.
func (a *Arena) Clean() {
	a.Topic, a.Group, a.Leader = CleanLine(a.Topic, MaxLine), CleanLine(a.Group, 40), CleanName(a.Leader)
	a.ReportHow = CleanText(a.ReportHow, MaxText)
	cleanNames(a.Leaders)
	cleanNames(a.NoteTakers)
	for i := range a.Questions {
		a.Questions[i].Text = CleanText(a.Questions[i].Text, MaxText)
	}
	for i := range a.Notes {
		n := &a.Notes[i]
		n.Text, n.Speaker, n.By = CleanText(n.Text, MaxText), CleanLine(n.Speaker, 3), CleanName(n.By)
		n.EditedBy = CleanName(n.EditedBy)
		for j := range n.Suspect {
			n.Suspect[j] = CleanLine(n.Suspect[j], 60)
		}
	}
	for i := range a.Themes {
		a.Themes[i].Title = CleanLine(a.Themes[i].Title, MaxLine)
	}
	for i := range a.Ideas {
		a.Ideas[i].Text = CleanText(a.Ideas[i].Text, MaxText)
		a.Ideas[i].EditedBy = CleanName(a.Ideas[i].EditedBy)
	}
}

// Clean sanitizes every text of a bordsessie in place, its summary too;
// see Retro.Clean.
func (m *Meeting) Clean() {
	m.Leader = CleanName(m.Leader)
	cleanNames(m.Leaders)
	if r := m.Summary; r != nil {
		for _, acts := range [][]Action{r.NewActions, r.Done, r.Overdue} {
			for i := range acts {
				acts[i].Clean()
				acts[i].Meta.cleanNames()
			}
		}
		for i := range r.Successes {
			r.Successes[i].Clean()
			r.Successes[i].Meta.cleanNames()
		}
	}
}

func (m *Meta) cleanNames() {
	m.CreatedBy, m.UpdatedBy = CleanName(m.CreatedBy), CleanName(m.UpdatedBy)
}
