package tui

import (
	"cmp"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
)

// How a form looks: its box, each field's preview of how its text will be
// read, and the counter near a field's limit.

// viewForm draws the form as a box of the given width.
func (m *Common) viewForm(f *form, width int) string {
	width = max(min(width, 100), 30)
	labelW := 0
	for _, fl := range f.fields {
		labelW = max(labelW, ansi.StringWidth(fl.label))
	}
	inner := width - 4
	var lines []string
	lines = append(lines, m.st.title.Render(f.title), "")
	text := width - 3 // inside the frame, after its leading space
	if f.err != "" {
		lines = append(lines, wrapped("! "+f.err, text, m.st.err)...)
	}
	if f.note != "" { // their version, then how to go on
		lines = append(lines, wrapped(f.note, text, m.st.dim)...)
	}
	if f.err != "" || f.note != "" {
		lines = append(lines, "")
	}
	for i := range f.fields {
		fl := &f.fields[i]
		marker := "  "
		if i == f.focus {
			marker = "› "
		}
		fl.input.SetWidth(max(inner-labelW-4, 10))
		in := fl.input.View()
		if fl.preset && i == f.focus {
			in = m.st.selected.Render(fl.input.Value()) // typing replaces it
		}
		lines = append(lines, marker+padRight(fl.label, labelW)+"  "+in)
		// A preview can be a whole sentence (what was not understood
		// and what works): it wraps like an error, never cut.
		subs := []string{""}
		if p, st := m.preview(fl); p != "" {
			subs = wrapped(p, text-labelW-4, st)
		}
		if c := m.counter(fl); c != "" {
			subs = []string{c}
		}
		if fl.err != "" {
			subs = wrapped("✗ "+fl.err, text-labelW-4, m.st.err)
		}
		if subs[0] == "" && i == f.focus && fl.hint != "" {
			subs = wrapped(fl.hint, text-labelW-4, m.st.dim)
		}
		for _, sub := range subs {
			if sub != "" {
				lines = append(lines, strings.Repeat(" ", labelW+4)+sub)
			}
		}
	}
	lines = append(lines, "", m.keyLine(m.formKeyLine(f)))
	return box(lines, width, m.st.focusBorder)
}

// formKeyLine is the form's key line as it works now: ctrl+s says what
// saving does (a session start says "starten"), and on the last field,
// where enter saves too, enter says so instead of "next field".
func (m *Common) formKeyLine(f *form) formKeys {
	k := newFormKeys(m.msg)
	save := cmp.Or(f.saveAs, m.msg.KeySave)
	k.Save.SetHelp("ctrl+s", save)
	if f.focus == len(f.fields)-1 {
		k.Next.SetEnabled(false)
		k.Save.SetHelp("enter/ctrl+s", save)
	}
	return k
}

// wrapped breaks s into styled lines of at most w cells, at spaces where it
// can, so that a message is read in full instead of cut off.
func wrapped(s string, w int, st paint) []string {
	lines := strings.Split(ansi.Wrap(s, max(w, 10), ""), "\n")
	for i, l := range lines {
		lines[i] = st.Render(strings.TrimRight(l, " "))
	}
	return lines
}

// preview shows how a field's text will be read, and in which style: the
// parsed date, the goal it matches, or why it cannot be read.
func (m *Common) preview(fl *field) (string, paint) {
	v := strings.TrimSpace(fl.input.Value())
	if v == "" {
		return "", m.st.dim
	}
	switch fl.kind {
	case fDate:
		d, err := board.ParseDateAs(v, m.now(), fl.use)
		if err != nil {
			return "✗ " + m.msg.DateErr(fl.label, err), m.st.err
		}
		if fl.use == board.DateAhead && d.Before(board.Day(m.now())) {
			return "→ " + m.msg.Date(d) + " · " + m.msg.Words.Passed, m.st.warn
		}
		return "→ " + m.msg.Date(d), m.st.ok
	case fGoal:
		if g, ok := m.matchGoal(v); ok {
			return "→ " + g.Title, m.st.ok
		}
		return "✗ " + m.msg.ErrBadValue, m.st.err
	case fNumber:
		// Read the user's way (1.250 is a thousand and more in Dutch); a
		// number typed another way shows how it was read.
		n, err := m.msg.Numbers().Parse(v)
		if err != nil {
			return "✗ " + m.msg.ErrNumber, m.st.err
		}
		if shown := (goalView{m}).number(n); shown != v {
			return "→ " + shown, m.st.ok
		}
	case fMood:
		if md, ok := m.parseMood(v); ok {
			return "→ " + md.Symbol() + " " + m.msg.Mood(md), m.st.ok
		}
		return "✗ " + m.msg.HintMood, m.st.err
	}
	return "", m.st.dim
}

// counter is the count of a field's characters once it comes near its
// limit, in the error style over it; "" before.
func (m *Common) counter(fl *field) string {
	n := utf8.RuneCountInString(strings.TrimSpace(fl.input.Value()))
	switch {
	case n > fl.limit:
		return m.st.err.Render("✗ " + fmt.Sprintf(m.msg.ErrTooLongF, n, fl.limit))
	case n > fl.limit-countFrom:
		return m.st.warn.Render(fmt.Sprintf(m.msg.CountF, n, fl.limit))
	}
	return ""
}
