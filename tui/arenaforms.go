package tui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// The leerlingarena's forms and pickers, each with its own submit.

func (m *arenaScreen) pickTheme(a *board.Arena, note uint64) {
	opts := []string{m.msg.NoTheme}
	ids := []uint64{0}
	for _, t := range a.Themes {
		opts = append(opts, t.Title)
		ids = append(ids, t.ID)
	}
	m.choose = &chooser{title: m.msg.PickTheme, options: opts, pick: func(i int) tea.Cmd {
		return m.changeArena(board.ArenaOp{Kind: board.OpSetTheme, ID: note, Theme: ids[i]}, m.msg.Saved)
	}}
}

func (m *arenaScreen) ideaForm(a *board.Arena, idea *board.Idea) *form {
	f := &form{title: m.msg.NewIdea, submit: m.saveIdea}
	text, theme, feas, imp := "", "", "", ""
	if idea != nil {
		f.base, f.seen = idea.ID, idea.Version
		f.title = m.msg.RateIdea
		text, theme, feas, imp = idea.Text, themeTitle(a, idea.Theme), strconv.Itoa(idea.Feasibility), strconv.Itoa(idea.Impact)
	}
	f.add("text", m.msg.FieldIdea, fText, "", text)
	f.add("theme", m.msg.FieldTheme, fLine, m.msg.HintTheme, theme)
	f.add("feasibility", m.msg.Feasibility, fNumber, m.msg.HintRating, feas)
	f.add("impact", m.msg.Impact, fNumber, m.msg.HintRating, imp)
	titles := make([]string, len(a.Themes))
	for i, t := range a.Themes {
		titles[i] = t.Title
	}
	suggest(f.field("theme"), titles)
	return f
}

// guarded is the submit of a one-field form whose text goes through the
// name guard: a question, a theme.
func (m *arenaScreen) guarded(kind board.ArenaOpKind) func(f *form) tea.Cmd {
	return func(f *form) tea.Cmd {
		f.clearErrors()
		if !m.guard(&m.as.warned, f.value("text"), func(w string) { f.err = w }) {
			return nil
		}
		return m.changeArena(board.ArenaOp{Kind: kind, Text: f.value("text")}, m.msg.Saved)
	}
}

// saveIdea adds an idea, or edits one (f.base): text, theme and ratings.
func (m *arenaScreen) saveIdea(f *form) tea.Cmd {
	a := m.arena()
	f.clearErrors()
	feas, err1 := strconv.Atoi(f.value("feasibility"))
	imp, err2 := strconv.Atoi(f.value("impact"))
	if err1 != nil || feas < 1 || feas > 3 {
		f.field("feasibility").err = m.msg.HintRating
		return nil
	}
	if err2 != nil || imp < 1 || imp > 3 {
		f.field("impact").err = m.msg.HintRating
		return nil
	}
	var theme uint64
	if t := f.value("theme"); t != "" && a != nil {
		for _, th := range a.Themes { // the exact title, else the first it starts
			if strings.EqualFold(th.Title, t) || theme == 0 && strings.HasPrefix(strings.ToLower(th.Title), strings.ToLower(t)) {
				theme = th.ID
			}
		}
		if theme == 0 {
			f.field("theme").err = m.msg.ErrBadValue
			return nil
		}
	}
	// A changed text goes through the name guard; ratings alone do not.
	if (f.base == 0 || f.value("text") != strings.TrimSpace(f.start[0])) && !m.guard(&m.as.warned, f.value("text"), func(w string) { f.err = w }) {
		return nil
	}
	if f.base != 0 {
		// Text, theme and ratings, checked against the version seen.
		return m.changeArena(board.ArenaOp{Kind: board.OpEditIdea, ID: f.base, Text: f.value("text"), Theme: theme, Feasibility: feas, Impact: imp, Seen: f.seen}, m.msg.Saved)
	}
	return m.changeArena(board.ArenaOp{Kind: board.OpAddIdea, Text: f.value("text"), Theme: theme, Feasibility: feas, Impact: imp}, m.msg.Saved)
}

// promote makes an idea an action on the board.
func (m *arenaScreen) promote(f *form) tea.Cmd {
	f.clearErrors()
	f.area = board.AreaAction
	it, ok := m.build(f)
	if !ok {
		return nil
	}
	return m.changeArena(board.ArenaOp{Kind: board.OpPromote, ID: f.base, Action: it.(*board.Action)}, fmt.Sprintf(m.msg.SavedF, it.Label()))
}

// reportBack records how and when the pupils heard back.
func (m *arenaScreen) reportBack(f *form) tea.Cmd {
	f.clearErrors()
	d, ok := f.date("date", m.now(), m.msg)
	if !ok || !m.guard(&m.as.warned, f.value("text"), func(w string) { f.err = w }) {
		return nil
	}
	return m.changeArena(board.ArenaOp{Kind: board.OpReportBack, Text: f.value("text"), Date: d}, m.msg.Saved)
}
