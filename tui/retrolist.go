package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// retroListScreen lists the board's retrospectives, newest first.
type retroListScreen struct{ *list }

func newRetroList(c *Common, open func(uint64)) *retroListScreen {
	m := &retroListScreen{newList(c, c.msg.Retros, open, "esc", "q", "R")}
	m.newForm = m.newRetroForm
	m.items = func() ([]string, []uint64) {
		var items []string
		var ids []uint64
		for _, r := range slices.Backward(m.b.Retros) {
			items = append(items, fmt.Sprintf("%s  %s  (%s)", r.Created.Format("2006-01-02"), r.Topic, m.phaseName(r.Phase)))
			ids = append(ids, r.ID)
		}
		return items, ids
	}
	m.empty = c.msg.NoRetros
	return m
}

func (m *retroListScreen) newRetroForm() *form {
	f := &form{title: m.msg.NewRetro, submit: m.createRetro}
	f.add("topic", m.msg.FieldTopic, fLine, m.msg.HintTopic, "")
	f.add("from", m.msg.FieldFrom, fDate, m.msg.HintDate, "")
	f.add("to", m.msg.FieldTo, fDate, m.msg.HintDate, "")
	f.lookBack("from", "to")
	hint := m.msg.HintFormat
	for i, cols := range m.b.Team.Formats {
		if i < 5 {
			hint += fmt.Sprintf(" · %d %s", i+5, strings.Join(cols, ", "))
		}
	}
	f.add("format", m.msg.FieldFormat, fLine, hint, "1")
	f.add("named", m.msg.FieldNamed, fLine, m.msg.HintNamed, m.msg.No)
	f.add("votes", m.msg.FieldVotes, fNumber, "", strconv.Itoa(board.DefaultVotes))
	return f
}

// createRetro reads the new-retrospective form. The format is a number
// from the list of templates, or the team's own column names separated by
// commas.
func (m *retroListScreen) createRetro(f *form) tea.Cmd {
	f.clearErrors()
	var from, to time.Time
	for _, k := range []string{"from", "to"} {
		if f.value(k) != "" { // a period is optional
			d, ok := f.date(k, m.now(), m.msg)
			if !ok {
				return nil
			}
			if k == "from" {
				from = d
			} else {
				to = d
			}
		}
	}
	format, columns := board.FormatLeerKRACHT, []string(nil)
	switch v := f.value("format"); {
	case v == "":
	case len(v) == 1 && v >= "1" && v <= "4":
		format = board.Formats[v[0]-'1']
	case len(v) == 1 && v >= "5" && v <= "9" && int(v[0]-'5') < len(m.b.Team.Formats):
		format, columns = "", m.b.Team.Formats[v[0]-'5']
	case strings.Contains(v, ","):
		format, columns = "", strings.Split(v, ",")
	default:
		f.field("format").err = m.msg.HintFormat
		return nil
	}
	named := strings.HasPrefix(strings.ToLower(f.value("named")), strings.ToLower(m.msg.Yes[:1]))
	votes, ok := f.number("votes", 1, 20, m.msg.ErrNumber)
	if !ok {
		return nil
	}
	id, topic := m.b.ID, f.value("topic")
	return m.command(func(s Store, user string) (tea.Msg, error) {
		r, err := s.CreateRetro(user, id, topic, format, columns, from, to, named, int(votes))
		return retroOpenMsg{r.ID}, err
	})
}

// retroOpenMsg opens a retrospective just made.
type retroOpenMsg struct{ id uint64 }
