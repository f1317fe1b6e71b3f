package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// memberForm lets a team lead add a colleague to the board's team from
// the board (bord member add on the command line): a name the team knows,
// so actions can be theirs. A key for SSH comes with an invite code.
func (m *Common) memberForm() tea.Cmd {
	w := &m.msg.Words
	f := &form{title: fmt.Sprintf(w.AddMemberF, m.b.Team.Name), saveAs: w.SaveAdd}
	f.add("name", w.LabelName, fLine, w.HintMember, "")
	f.limitTo("name", nameLimit)
	f.submit = func(f *form) tea.Cmd {
		f.clearErrors()
		name := board.CleanName(f.value("name"))
		switch {
		case name == "":
			f.field("name").err = fmt.Sprintf(m.msg.ErrEmptyF, w.LabelName)
			return nil
		case m.b.Team.HasMember(name):
			f.field("name").err = fmt.Sprintf(w.MemberExistsF, m.b.Team.Member(name))
			return nil
		}
		teamID := m.b.TeamID
		return m.write(func(s Store, user string) error {
			_, err := s.AddMember(user, teamID, name)
			return err
		}, fmt.Sprintf(w.MemberAddedF, name))
	}
	return m.openForm(f, 0)
}
