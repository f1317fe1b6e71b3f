package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// meeting is the bordsessie part of the board screen: its keys, the bar
// above the areas and the close overlay. It moves the board screen's focus
// (area) to the step's area while it follows the leader.
type meeting struct {
	*Common
	meetingState
	keys boardKeys
	area *int
}

func newMeeting(c *Common, area *int) *meeting {
	return &meeting{Common: c, keys: newBoardKeys(c.msg), area: area}
}

// meetingState is what one screen keeps of the running bordsessie: whether
// it follows the leader's step, the step it last followed, and the recaps
// loaded for it.
type meetingState struct {
	follow   bool
	step     board.Step
	id       uint64
	since    *board.Recap // since the previous session
	during   *board.Recap // this session so far, for the close step
	duringAt uint64       // board version the during recap was read at
	// pending: the leader asked for step and the snapshot has not shown
	// it yet; older steps in between are not followed back.
	pending bool
}

type (
	// moveFailedMsg: saving the leader's step failed. The screen had
	// already moved on to the step asked for; it goes back to the stored one.
	moveFailedMsg struct{ err error }
	recapMsg      struct {
		id     uint64
		since  bool
		r      board.Recap
		atVers uint64
	}
)

// meetingBarHeight is the rows the bordsessie bar takes above the areas.
const meetingBarHeight = 2

// sync runs after every new snapshot: it follows the leader's step,
// starts the second timer and loads the recaps a step needs.
func (m *meeting) sync() tea.Cmd {
	mt := m.b.Meeting()
	if mt == nil {
		m.meetingState = meetingState{}
		return nil
	}
	var cmds []tea.Cmd
	if mt.ID != m.id {
		m.meetingState = meetingState{follow: true, id: mt.ID}
		cmds = append(cmds, m.loadRecap(mt, true))
	}
	switch {
	case m.pending && mt.Step != m.step:
		// An earlier one of the leader's own quick steps: not followed back.
	case mt.Step != m.step:
		m.step = mt.Step
		if a, ok := mt.Step.Area(); ok && m.follow {
			*m.area = slices.Index(board.Areas, a)
		}
	}
	if mt.Step == m.step {
		m.pending = false
	}
	if mt.Step == board.StepClose && m.duringAt != m.b.Version {
		m.duringAt = m.b.Version
		cmds = append(cmds, m.loadRecap(mt, false))
	}
	cmds = append(cmds, m.startTicking())
	return tea.Batch(cmds...)
}

func (m *meeting) loadRecap(mt *board.Meeting, since bool) tea.Cmd {
	id, version := m.b.ID, m.b.Version
	after, upTo := mt.PrevEnd, mt.StartSeq
	if !since {
		after, upTo = mt.StartSeq, 0
	}
	meetingID := mt.ID
	return m.command(func(s Store, _ string) (tea.Msg, error) {
		r, err := s.Recap(id, after, upTo)
		return recapMsg{id: meetingID, since: since, r: r, atVers: version}, err
	})
}

// update takes the bordsessie's messages.
func (m *meeting) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case errMsg:
		m.pending = false
	case recapMsg:
		if msg.id == m.id {
			r := msg.r
			if msg.since {
				m.since = &r
			} else {
				m.during = &r
			}
		}
	case moveFailedMsg:
		// The shell reports it as an errMsg too.
		if mt := m.b.Meeting(); m.b != nil && mt != nil {
			m.step = mt.Step
			if a, ok := mt.Step.Area(); ok && m.follow {
				*m.area = slices.Index(board.Areas, a)
			}
		}
	}
	return nil
}

// key handles the keys of a bordsessie; ok is false for other keys.
func (m *meeting) key(k tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	mt := m.b.Meeting()
	s, user, id := m.cfg.Store, m.cfg.User, m.b.ID
	keys := m.keys
	if key.Matches(k, keys.MeetStart) {
		// A stale session (left open since an earlier day) does not block
		// a new one: the store closes it when the new one starts.
		if mt != nil && !mt.Stale(m.now()) {
			m.setStatus(m.msg.Err(board.ErrMeetingRunning), true)
			return nil, true
		}
		f := &form{title: m.msg.MeetingStart, submit: m.start, saveAs: m.msg.Words.SaveStart}
		f.add("minutes", m.msg.FieldMinutes, fNumber, m.msg.HintMinutes, strconv.Itoa(int(board.DefaultMeeting.Minutes())))
		return m.openForm(f, 0), true
	}
	if mt == nil {
		if key.Matches(k, keys.MeetStep, keys.MeetFollow, keys.MeetLead, keys.MeetEnd) {
			m.setStatus(m.msg.Words.NoSessionKeys, true) // say why nothing happens
			return nil, true
		}
		return nil, false
	}
	switch {
	case key.Matches(k, keys.MeetStep):
		if !mt.IsLeader(user) {
			m.setStatus(m.msg.Err(board.ErrNotLeader), true)
			return nil, true
		}
		// Step from where this screen already is, so pressing ] twice
		// quickly moves two steps even before the first is saved.
		from := m.step
		i := max(slices.Index(board.Agenda, from), 0)
		if k.String() == "]" {
			i = min(i+1, len(board.Agenda)-1)
		} else {
			i = max(i-1, 0)
		}
		to := board.Agenda[i]
		m.follow, m.step, m.pending = true, to, true
		if a, ok := to.Area(); ok {
			*m.area = slices.Index(board.Areas, a)
		}
		return func() tea.Msg {
			if _, err := s.MoveMeetingFrom(user, id, from, to); err != nil {
				return moveFailedMsg{err}
			}
			return doneMsg{status: m.msg.Step(to)}
		}, true
	case key.Matches(k, keys.MeetFollow):
		m.follow = true
		if a, ok := mt.Step.Area(); ok {
			*m.area = slices.Index(board.Areas, a)
		}
		return nil, true
	case key.Matches(k, keys.MeetLead):
		if !mt.IsLeader(user) {
			// Anyone may take the role over, so a leader who left does not
			// lock the board; handing it to a third person is the leader's.
			m.choose = &chooser{title: fmt.Sprintf(m.msg.TakeOverAskF, mt.Leader), options: []string{m.msg.Yes, m.msg.No}, pick: func(i int) tea.Cmd {
				if i != 0 {
					return nil
				}
				me := cmp.Or(m.b.Team.Member(user), user)
				return m.write(func(s Store, user string) error { _, err := s.HandOver(user, id, user); return err }, fmt.Sprintf(m.msg.LeaderNowF, me))
			}}
			return nil, true
		}
		names := m.handOverNames(user)
		m.choose = &chooser{title: m.msg.HandOverTo, options: names, pick: func(i int) tea.Cmd {
			to := names[i]
			return m.write(func(s Store, user string) error { _, err := s.HandOver(user, id, to); return err }, fmt.Sprintf(m.msg.LeaderNowF, to))
		}}
		return nil, true
	case key.Matches(k, keys.MeetEnd):
		if !mt.IsLeader(user) {
			m.setStatus(m.msg.Err(board.ErrNotLeader), true)
			return nil, true
		}
		m.choose = &chooser{title: m.msg.MeetingEndAsk, options: []string{m.msg.Yes, m.msg.No}, pick: func(i int) tea.Cmd {
			if i != 0 {
				return nil
			}
			return m.write(func(s Store, user string) error { _, err := s.EndMeeting(user, id); return err }, m.msg.MeetingEnded)
		}}
		return nil, true
	}
	return nil, false
}

func (m *meeting) start(f *form) tea.Cmd {
	minutes, ok := f.number("minutes", 1, 240, m.msg.HintMinutes)
	if !ok {
		return nil
	}
	id, d := m.b.ID, time.Duration(minutes*float64(time.Minute))
	return m.write(func(s Store, user string) error { _, err := s.StartMeeting(user, id, d); return err }, m.msg.MeetingStarted)
}

// meetingBar is the two lines above the areas during a bordsessie: leader,
// step and timer; then the recap or the agenda.
func (m *meeting) bar(mt *board.Meeting) []string {
	now := m.now()
	left := mt.Remaining(now)
	elapsed := min(max(float64(now.Sub(mt.Started))/float64(mt.Duration), 0), 1)
	clock := fmt.Sprintf(m.msg.TimeLeftF, mmss(left))
	if left < 0 {
		clock = fmt.Sprintf(m.msg.TimeOverF, mmss(-left))
	}
	step := fmt.Sprintf("%d/%d %s (%d min)", mt.StepIndex()+1, len(board.Agenda), m.msg.Step(mt.Step), int(mt.Guide(mt.Step).Minutes()+0.5))
	// The clock first: on a narrow screen the end of the line is cut.
	first := fmt.Sprintf("%s · %s %s", m.st.header.Render(m.msg.Meeting), clock, bar(elapsed, 12))
	if mt.NearlyUp(now) {
		first += " " + m.st.warn.Render(m.msg.NearlyUp)
	}
	first += fmt.Sprintf(" · %s · %s: %s", step, m.msg.Leader, mt.Leader)
	if m.lead.gone != "" {
		// Right after the session's name: the end of the line is cut on a
		// narrow screen, and this is what everyone must see (leader.go).
		first = strings.Replace(first, " · ", " · "+m.st.warn.Render(fmt.Sprintf(m.msg.Wall.LeaderGoneF, mt.Leader))+" · ", 1)
	}
	var second string
	switch {
	case mt.Step == board.StepCheckIn && m.since != nil:
		second = m.msg.SinceLast + ": " + m.recapLine(m.since)
	case mt.Step == board.StepClose && m.during != nil:
		second = m.msg.ThisSession + ": " + m.recapLine(m.during)
	case mt.Step == board.StepGoals && len(m.b.Goals) > 0:
		second = goalView{m.Common}.goalsSummary(m.b)
	default:
		var parts []string
		for _, s := range board.Agenda {
			if s == mt.Step {
				parts = append(parts, m.st.title.Render("["+m.msg.Step(s)+"]"))
			} else {
				parts = append(parts, m.msg.Step(s))
			}
		}
		second = strings.Join(parts, " › ")
	}
	if !m.follow {
		second = m.st.dim.Render(m.msg.NotFollowing) + " · " + second
	}
	return []string{first, second}
}

func (m *meeting) recapLine(r *board.Recap) string {
	return fmt.Sprintf("✓ %d %s · + %d %s · ★ %d %s · ! %d %s",
		len(r.Done), m.msg.StatusDone, len(r.NewActions), m.msg.New, len(r.Successes), strings.ToLower(m.msg.AreaSuccess), len(r.Overdue), m.msg.Overdue)
}

// viewClose is the overlay of the close step: this session's new actions
// with owners, what was done, the successes, and who led the last sessions.
func (m *meeting) viewClose(mt *board.Meeting) string {
	lines := []string{m.st.title.Render(m.msg.Step(board.StepClose)), ""}
	if r := m.during; r != nil {
		lines = append(lines, m.recapLines(r)...)
	}
	lines = append(lines, "", m.msg.Leaders+": "+m.leaderHistory(5))
	if mt.IsLeader(m.cfg.User) {
		lines = append(lines, "", m.st.dim.Render(m.msg.EndHint))
	}
	return box(lines, min(m.width-4, 90), m.st.focusBorder)
}

func (m *meeting) recapLines(r *board.Recap) []string {
	var lines []string
	section := func(title string, items []string) {
		lines = append(lines, m.st.title.Render(fmt.Sprintf("%s (%d)", title, len(items))))
		for _, it := range items {
			lines = append(lines, "  "+it)
		}
	}
	var news, done, succ []string
	for _, a := range r.NewActions {
		news = append(news, fmt.Sprintf("%s — %s — %s", a.What, a.Who, m.msg.ShortDate(a.When)))
	}
	for _, a := range r.Done {
		done = append(done, fmt.Sprintf("%s — %s", a.What, a.Who))
	}
	for _, s := range r.Successes {
		succ = append(succ, s.Text)
	}
	section(m.msg.NewActions, news)
	section(m.msg.DoneActions, done)
	section(m.msg.AreaSuccess, succ)
	return lines
}

// leaderHistory lists who led the last n sessions, by week: the rotation
// the method asks for, visible at a glance.
func (m *meeting) leaderHistory(n int) string {
	ms := m.b.Meetings
	var parts []string
	for _, mt := range ms[max(len(ms)-n, 0):] {
		parts = append(parts, fmt.Sprintf(m.msg.WeekF+" %s", mt.Week.Week, strings.Join(mt.Leaders, "→")))
	}
	return strings.Join(parts, " · ")
}

func mmss(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// handOverNames is whom the leader can hand the role to: the others on the
// board now, when bord knows who is here (over SSH); else, or when nobody
// else is here, every other member of the team.
func (m *meeting) handOverNames(leader string) []string {
	var names []string
	for _, p := range m.peers {
		if !strings.EqualFold(p.Name, leader) && !slices.Contains(names, p.Name) {
			names = append(names, p.Name)
		}
	}
	if len(names) > 0 {
		return names
	}
	for _, n := range m.b.Team.MemberNames() {
		if !strings.EqualFold(n, leader) {
			names = append(names, n)
		}
	}
	return names
}
