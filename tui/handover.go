package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// Handing a retrospective or an arena over (L): the holder picks another
// member of the team, confirms, and the store records the new holder next
// to the old ones. The rules are the domain's (board/handover.go); the
// checks here only say "not you" before a chooser opens.

// handOver opens the chooser of the other members for the role now held
// by current; the pick is confirmed with askF before send runs.
func (c *Common) handOver(title, askF, current string, send func(to string) tea.Cmd) {
	var names []string
	for _, n := range c.b.Team.MemberNames() {
		if !strings.EqualFold(n, current) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		c.setStatus(c.msg.Handover.NoOneToHand, true)
		return
	}
	c.choose = &chooser{title: title, options: names, pick: func(i int) tea.Cmd {
		to := names[i]
		// The pick opens the question: a hand-over is not undone by the
		// one who gave the role away, so it is never one stray key.
		c.confirm(fmt.Sprintf(askF, to), func() tea.Cmd { return send(to) })
		return nil
	}}
}

// recordKey handles the keys an open retrospective and an open arena
// share: back to their list, the hand-over (hand), and moving the
// selection *sel over n rows. A guest, handed this one record, stays on it.
// It reports whether k was one of these keys.
func (c *Common) recordKey(k tea.KeyPressMsg, keys recordKeys, list screenID, hand func(), sel *int, n int) bool {
	switch {
	case key.Matches(k, keys.Back):
		if c.cfg.guest() {
			c.setStatus(c.msg.Handover.GuestStays, false)
			return true
		}
		c.screen = list
	case key.Matches(k, keys.HandOver):
		hand()
	default:
		return moveSel(k, keys.Up, keys.Down, keys.Page, sel, n, c.panelPage())
	}
	return true
}

// handRetro hands the open retrospective to another member.
func (m *retroScreen) handRetro(r *board.Retro) {
	h := m.msg.Handover
	switch {
	case !r.Running():
		m.setStatus(m.msg.RetroClosed, true)
	case !strings.EqualFold(r.Facilitator, m.cfg.User) && !m.b.Team.HasMember(r.Facilitator):
		// The facilitator left the team: anyone in it may take the
		// retrospective over, or it would be stuck in its phase for good.
		m.confirm(fmt.Sprintf(h.RetroTakeOverAskF, r.Facilitator), func() tea.Cmd {
			return m.changeRetro(board.RetroOp{Kind: board.OpTakeOver}, fmt.Sprintf(h.RetroLeadsF, m.cfg.User))
		})
	case !strings.EqualFold(r.Facilitator, m.cfg.User):
		m.setStatus(m.msg.Err(board.ErrNotFacilitator), true)
	default:
		m.handOver(h.RetroHandTo, h.RetroHandAskF, r.Facilitator, func(to string) tea.Cmd {
			return m.changeRetro(board.RetroOp{Kind: board.OpHandRetro, Text: to}, fmt.Sprintf(h.RetroLeadsF, to))
		})
	}
}

// handArena hands the open arena's lead to another member. A leader who
// left the team can be replaced by anyone still in it.
func (m *arenaScreen) handArena(a *board.Arena) {
	h := m.msg.Handover
	switch {
	case !a.Open():
		m.setStatus(m.msg.Err(board.ErrReported), true)
	case !strings.EqualFold(a.Leader, m.cfg.User) && m.b.Team.HasMember(a.Leader):
		m.setStatus(h.NotArenaLeader, true)
	default:
		m.handOver(h.ArenaHandTo, h.ArenaHandAskF, a.Leader, func(to string) tea.Cmd {
			return m.changeArena(board.ArenaOp{Kind: board.OpHandLead, Text: to}, fmt.Sprintf(h.ArenaLeadsF, to))
		})
	}
}

// ledBy is "Anna → Bram" once the role changed hands, else the holder.
func ledBy(led []string) string { return strings.Join(led, " → ") }
