package tui

import (
	"cmp"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// When the bordsessie's leader leaves, everyone on the board sees it, and
// the first key anyone presses on the board offers them the role (issue
// 14): the session was stuck with a leader who was gone until someone
// thought of L.
//
// Gone means: this session saw the leader on the board (Presence) during
// this bordsessie, and now does not. A leader this session never saw here
// — one on the local terminal, while the others come in over SSH — is not
// called gone.

// leaderWatch is what a session knows of the leader's presence.
type leaderWatch struct {
	meeting uint64 // the bordsessie watched
	seen    string // the leader seen on the board during it
	gone    string // the leader who left; "" while the leader is here
	offered bool   // the role was offered to this user for this departure
}

// watchLeader follows the peers and the snapshot: who leads, and whether
// that leader is still here.
func (m *Model) watchLeader() {
	w := &m.lead
	mt := (*board.Meeting)(nil)
	if m.b != nil {
		mt = m.b.Meeting()
	}
	if mt == nil || mt.ID != w.meeting {
		*w = leaderWatch{}
		if mt == nil {
			return
		}
		w.meeting = mt.ID
	}
	if mt.IsLeader(m.cfg.User) {
		w.seen, w.gone, w.offered = "", "", false
		return
	}
	if m.leaderHere(mt.Leader) {
		w.seen, w.gone, w.offered = mt.Leader, "", false
		return
	}
	if strings.EqualFold(w.seen, mt.Leader) {
		if w.gone == "" {
			m.setStatus(fmt.Sprintf(m.msg.Wall.LeaderGoneHintF, mt.Leader), true)
		}
		w.gone = mt.Leader
		return
	}
	w.gone = "" // a new leader, not seen yet: nothing to say about them
}

// leaderHere tells whether a session of name is on this board.
func (m *Model) leaderHere(name string) bool {
	for _, p := range m.peers {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// offerLead takes the first key on the board after the leader left: it
// asks whether this user leads now, instead of doing what the key does.
func (m *Model) offerLead() bool {
	w := &m.lead
	if w.gone == "" || w.offered || m.screen != screenBoard || m.form != nil || m.choose != nil || m.showHelp {
		return false
	}
	w.offered = true
	gone, id := w.gone, m.b.ID
	m.choose = &chooser{title: fmt.Sprintf(m.msg.Wall.TakeOverGoneAskF, gone), options: []string{m.msg.Yes, m.msg.No}, pick: func(i int) tea.Cmd {
		mt := m.b.Meeting()
		if i != 0 || mt == nil || !strings.EqualFold(mt.Leader, gone) {
			return nil // no, or someone else took the role in the meantime
		}
		me := cmp.Or(m.b.Team.Member(m.cfg.User), m.cfg.User)
		return m.write(func(s Store, user string) error { _, err := s.HandOver(user, id, user); return err }, fmt.Sprintf(m.msg.LeaderNowF, me))
	}}
	return true
}
