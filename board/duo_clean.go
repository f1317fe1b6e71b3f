package board

// Clean sanitizes every text of a duo as it enters from outside the
// screens (an import): names, design versions, visits, observations, the
// nagesprek and lessen. It checks nothing: what was valid when stored stays.
func (d *Duo) Clean() {
	d.Name, d.Coordinator = CleanLine(d.Name, MaxLine), CleanName(d.Coordinator)
	for i := range d.Partners {
		p := &d.Partners[i]
		p.Name, p.School = CleanName(p.Name), CleanLine(p.School, MaxLine)
	}
	for i := range d.Designs {
		d.Designs[i].Author = CleanName(d.Designs[i].Author)
		for j := range d.Designs[i].Versions {
			d.Designs[i].Versions[j].cleanTexts()
		}
	}
	for i := range d.Visits {
		d.Visits[i].cleanTexts()
	}
}

func (v *DesignVersion) cleanTexts() {
	v.Group, v.Subject, v.By = CleanLine(v.Group, 40), CleanLine(v.Subject, MaxLine), CleanName(v.By)
	for _, s := range []*string{&v.Goal, &v.Criteria, &v.Start, &v.Differ, &v.Check, &v.Kijkvraag} {
		*s = CleanText(*s, MaxText)
	}
	for i := range v.Phases {
		v.Phases[i].Name = CleanLine(v.Phases[i].Name, 60)
	}
}

func (v *Visit) cleanTexts() {
	v.School, v.Group, v.Teacher, v.Visitor = CleanLine(v.School, MaxLine), CleanLine(v.Group, 40), CleanName(v.Teacher), CleanName(v.Visitor)
	if v.Copy != nil {
		v.Copy.cleanTexts()
	}
	for i := range v.Observations {
		o := &v.Observations[i]
		o.Text, o.By, o.EditedBy = CleanText(o.Text, MaxText), CleanName(o.By), CleanName(o.EditedBy)
		o.Suspect = cleanSuspects(o.Flagged, o.Suspect)
	}
	t := &v.Talk
	for _, s := range []*string{&t.Designer, &t.Saw, &t.Effect, &t.Try} {
		*s = CleanText(*s, MaxText)
	}
	t.By = CleanName(t.By)
	for i := range v.Lessons {
		v.Lessons[i].Text, v.Lessons[i].By = CleanLine(v.Lessons[i].Text, MaxLine), CleanName(v.Lessons[i].By)
	}
}
