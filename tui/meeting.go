package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// meetingState is what one screen keeps of the running bordsessie: whether
// it follows the leader's step, the step it last followed, and the recaps
// loaded for it.
type meetingState struct {
	follow   bool
	step     board.Step
	id       uint64
	since    *board.Recap // since the previous session
	during   *board.Recap // this session so far, for the close step
	ticking  bool
	duringAt uint64 // board version the during recap was read at
	// pending: the leader asked for step and the snapshot has not shown
	// it yet; older steps in between are not followed back.
	pending bool
}

type (
	tickMsg struct{}
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

// syncMeeting runs after every new snapshot: it follows the leader's step,
// starts the second timer and loads the recaps a step needs.
func (m *Model) syncMeeting() tea.Cmd {
	if r := m.retro(); r != nil && m.rs.busy && r.PhaseIndex() == m.rs.asked {
		m.rs.busy = false // the retrospective caught up with the facilitator
	}
	mt := m.b.Meeting()
	if mt == nil {
		ticking := m.meet.ticking
		m.meet = meetingState{ticking: ticking}
		if m.timerRunning() {
			return m.startTicking()
		}
		return nil
	}
	var cmds []tea.Cmd
	if mt.ID != m.meet.id {
		m.meet = meetingState{follow: true, id: mt.ID}
		cmds = append(cmds, m.loadRecap(mt, true))
	}
	switch {
	case m.meet.pending && mt.Step != m.meet.step:
		// An earlier one of the leader's own quick steps: not followed back.
	case mt.Step != m.meet.step:
		m.meet.step = mt.Step
		if a, ok := mt.Step.Area(); ok && m.meet.follow {
			m.area = slices.Index(board.Areas, a)
		}
	}
	if mt.Step == m.meet.step {
		m.meet.pending = false
	}
	if mt.Step == board.StepClose && m.meet.duringAt != m.b.Version {
		m.meet.duringAt = m.b.Version
		cmds = append(cmds, m.loadRecap(mt, false))
	}
	if !m.meet.ticking {
		m.meet.ticking = true
		cmds = append(cmds, tick())
	}
	return tea.Batch(cmds...)
}

// timerRunning reports whether a clock is on screen: a bordsessie, or a
// retrospective phase with a timer.
func (m *Model) timerRunning() bool {
	if m.b == nil {
		return false
	}
	if m.b.Meeting() != nil {
		return true
	}
	r := m.retro()
	return m.screen == screenRetro && r != nil && r.Running() && r.PhaseMinutes > 0 || m.arenaClock()
}

// startTicking starts the second timer unless it runs already.
func (m *Model) startTicking() tea.Cmd {
	if m.meet.ticking {
		return nil
	}
	m.meet.ticking = true
	return tick()
}

// tickEvery is how often the timer of a running session redraws.
var tickEvery = time.Second

// tick wakes the screen while a session runs, for the timer.
func tick() tea.Cmd {
	return tea.Tick(tickEvery, func(time.Time) tea.Msg { return tickMsg{} })
}

func (m *Model) loadRecap(mt *board.Meeting, since bool) tea.Cmd {
	s, id, version := m.cfg.Store, m.b.ID, m.b.Version
	after, upTo := mt.PrevEnd, mt.StartSeq
	if !since {
		after, upTo = mt.StartSeq, 0
	}
	meetingID := mt.ID
	return func() tea.Msg {
		r, err := s.Recap(id, after, upTo)
		if err != nil {
			return errMsg{err}
		}
		return recapMsg{id: meetingID, since: since, r: r, atVers: version}
	}
}

func (m *Model) meetingMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tickMsg:
		if !m.timerRunning() {
			m.meet.ticking = false
			return nil, true
		}
		return tick(), true
	case recapMsg:
		if msg.id == m.meet.id {
			r := msg.r
			if msg.since {
				m.meet.since = &r
			} else {
				m.meet.during = &r
			}
		}
		return nil, true
	case moveFailedMsg:
		if mt := m.b.Meeting(); mt != nil {
			m.meet.step = mt.Step
			if a, ok := mt.Step.Area(); ok && m.meet.follow {
				m.area = slices.Index(board.Areas, a)
			}
		}
		_, cmd := m.Update(errMsg(msg)) // and report it like any failed write
		return cmd, true
	}
	return nil, false
}

// meetingKey handles the keys of a bordsessie; ok is false for other keys.
func (m *Model) meetingKey(k tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	mt := m.b.Meeting()
	s, user, id := m.cfg.Store, m.cfg.User, m.b.ID
	switch k.String() {
	case "S":
		// A stale session (left open since an earlier day) does not block
		// a new one: the store closes it when the new one starts.
		if mt != nil && !mt.Stale(m.now()) {
			m.setStatus(m.msg.Err(board.ErrMeetingRunning), true)
			return nil, true
		}
		f := &form{kind: formMeeting, title: m.msg.MeetingStart}
		f.add("minutes", m.msg.FieldMinutes, fNumber, m.msg.HintMinutes, strconv.Itoa(int(board.DefaultMeeting.Minutes())))
		m.form = f
		return f.setFocus(0), true
	}
	if mt == nil {
		return nil, false
	}
	write := func(do func() error, status string) tea.Cmd {
		return func() tea.Msg {
			if err := do(); err != nil {
				return errMsg{err}
			}
			return doneMsg{status: status}
		}
	}
	switch k.String() {
	case "]", "[":
		if !mt.IsLeader(user) {
			m.setStatus(m.msg.Err(board.ErrNotLeader), true)
			return nil, true
		}
		// Step from where this screen already is, so pressing ] twice
		// quickly moves two steps even before the first is saved.
		from := m.meet.step
		i := max(slices.Index(board.Agenda, from), 0)
		if k.String() == "]" {
			i = min(i+1, len(board.Agenda)-1)
		} else {
			i = max(i-1, 0)
		}
		to := board.Agenda[i]
		m.meet.follow, m.meet.step, m.meet.pending = true, to, true
		if a, ok := to.Area(); ok {
			m.area = slices.Index(board.Areas, a)
		}
		return func() tea.Msg {
			if _, err := s.MoveMeetingFrom(user, id, from, to); err != nil {
				return moveFailedMsg{err}
			}
			return doneMsg{status: m.msg.Step(to)}
		}, true
	case "v":
		m.meet.follow = true
		if a, ok := mt.Step.Area(); ok {
			m.area = slices.Index(board.Areas, a)
		}
		return nil, true
	case "L":
		if !mt.IsLeader(user) {
			// Anyone may take the role over, so a leader who left does not
			// lock the board; handing it to a third person is the leader's.
			m.choose = &chooser{title: fmt.Sprintf(m.msg.TakeOverAskF, mt.Leader), options: []string{m.msg.Yes, m.msg.No}, pick: func(i int) tea.Cmd {
				if i != 0 {
					return nil
				}
				me := cmp.Or(m.b.Team.Member(user), user)
				return write(func() error { _, err := s.HandOver(user, id, user); return err }, fmt.Sprintf(m.msg.LeaderNowF, me))
			}}
			return nil, true
		}
		names := m.handOverNames(user)
		m.choose = &chooser{title: m.msg.HandOverTo, options: names, pick: func(i int) tea.Cmd {
			to := names[i]
			return write(func() error { _, err := s.HandOver(user, id, to); return err }, fmt.Sprintf(m.msg.LeaderNowF, to))
		}}
		return nil, true
	case "E":
		if !mt.IsLeader(user) {
			m.setStatus(m.msg.Err(board.ErrNotLeader), true)
			return nil, true
		}
		m.choose = &chooser{title: m.msg.MeetingEndAsk, options: []string{m.msg.Yes, m.msg.No}, pick: func(i int) tea.Cmd {
			if i != 0 {
				return nil
			}
			return write(func() error { _, err := s.EndMeeting(user, id); return err }, m.msg.MeetingEnded)
		}}
		return nil, true
	}
	return nil, false
}

func (m *Model) startMeeting(f *form) tea.Cmd {
	minutes, err := parseNumber(f.value("minutes"))
	if err != nil || minutes < 1 || minutes > 240 {
		f.field("minutes").err = m.msg.HintMinutes
		return nil
	}
	s, user, id := m.cfg.Store, m.cfg.User, m.b.ID
	d := time.Duration(minutes * float64(time.Minute))
	return func() tea.Msg {
		if _, err := s.StartMeeting(user, id, d); err != nil {
			return errMsg{err}
		}
		return doneMsg{status: m.msg.MeetingStarted}
	}
}

// meetingBar is the two lines above the areas during a bordsessie: leader,
// step and timer; then the recap or the agenda.
func (m *Model) meetingBar(mt *board.Meeting) []string {
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
	var second string
	switch {
	case mt.Step == board.StepCheckIn && m.meet.since != nil:
		second = m.msg.SinceLast + ": " + m.recapLine(m.meet.since)
	case mt.Step == board.StepClose && m.meet.during != nil:
		second = m.msg.ThisSession + ": " + m.recapLine(m.meet.during)
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
	if !m.meet.follow {
		second = m.st.dim.Render(m.msg.NotFollowing) + " · " + second
	}
	return []string{first, second}
}

func (m *Model) recapLine(r *board.Recap) string {
	return fmt.Sprintf("✓ %d %s · + %d %s · ★ %d %s · ! %d %s",
		len(r.Done), m.msg.StatusDone, len(r.NewActions), m.msg.New, len(r.Successes), strings.ToLower(m.msg.AreaSuccess), len(r.Overdue), m.msg.Overdue)
}

// viewClose is the overlay of the close step: this session's new actions
// with owners, what was done, the successes, and who led the last sessions.
func (m *Model) viewClose(mt *board.Meeting) string {
	lines := []string{m.st.title.Render(m.msg.Step(board.StepClose)), ""}
	if r := m.meet.during; r != nil {
		lines = append(lines, m.recapLines(r)...)
	}
	lines = append(lines, "", m.msg.Leaders+": "+m.leaderHistory(5))
	if mt.IsLeader(m.cfg.User) {
		lines = append(lines, "", m.st.dim.Render(m.msg.EndHint))
	}
	return box(lines, min(m.width-4, 90), m.st.focusBorder)
}

func (m *Model) recapLines(r *board.Recap) []string {
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
func (m *Model) leaderHistory(n int) string {
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
func (m *Model) handOverNames(leader string) []string {
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
