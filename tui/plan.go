package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
)

// planScreen is the plan view: the support plan's speerpunten, the board's
// goals under each and the actions under each goal, as a tree, with the
// BKA phase of the plan year. For a member of several teams each
// speerpunt also says how it stands on all their teams' boards, which a
// command reads from the store when the view opens.
type planScreen struct {
	*Common
	goalForms
	keys     planKeys
	sel      int
	closed   map[uint64]bool // speerpunten folded shut (0: the goals under none)
	boards   []*board.Board  // every board of the member's teams, for the tallies
	openGoal func(id uint64, from screenID)
	drawn    planDrawn
}

// planDrawn keeps the tree and the words of its lines for one snapshot, day
// and width: a goal's line reads all its measurements and meetmomenten,
// and a large plan redrawn on every key would take more than a frame
// (BenchmarkViewPlan). Anything else that changes a line (the tallies
// across teams, folding) clears it.
type planDrawn struct {
	b     *board.Board
	day   int64
	w     int
	nodes []planNode
	lines map[int]string
}

// cached returns the tree, read anew when the snapshot, day or width
// changed.
func (m *planScreen) cached() *planDrawn {
	d, day := &m.drawn, board.Day(m.now()).Unix()
	if d.b != m.b || d.day != day || d.w != m.width || d.lines == nil {
		*d = planDrawn{b: m.b, day: day, w: m.width, nodes: m.tree(), lines: map[int]string{}}
	}
	return d
}

// forget drops the drawn tree: what it shows changed.
func (m *planScreen) forget() { m.drawn = planDrawn{} }

func newPlanScreen(c *Common, openGoal func(uint64, screenID)) *planScreen {
	return &planScreen{Common: c, goalForms: newGoalForms(c), keys: newPlanKeys(c.msg), closed: map[uint64]bool{}, openGoal: openGoal}
}

func (m *planScreen) Title() string     { return m.msg.Goals.Plan }
func (m *planScreen) Keys() help.KeyMap { return m.keys }

// planBoardsMsg brings the snapshots of every board of the member's teams.
type planBoardsMsg struct{ boards []*board.Board }

// enter reads the member's other boards for the tallies across teams.
func (m *planScreen) enter(screenID) tea.Cmd { return m.loadBoards() }

// sync keeps the tallies fresh while the plan view is open.
func (m *planScreen) sync() tea.Cmd {
	if m.screen != screenPlan {
		return nil
	}
	return m.loadBoards()
}

func (m *planScreen) loadBoards() tea.Cmd {
	return m.command(func(s Store, _ string) (tea.Msg, error) {
		var out []*board.Board
		err := eachBoard(s, func(_ board.Team, in board.Info) error {
			b, err := s.Board(in.ID)
			out = append(out, b)
			return err
		})
		return planBoardsMsg{out}, err
	})
}

// planNode is one line of the tree.
type planNode struct {
	speerpunt uint64 // the speerpunt of the line, or the one a goal hangs under
	goal      *board.Goal
	action    *board.Action
	unlinked  bool // the group of goals under no speerpunt
}

// tree is the lines of the tree in order, folded speerpunten without their
// goals. Building it touches no text, so the view words only what shows.
func (m *planScreen) tree() []planNode {
	b := m.b
	var out []planNode
	// Pointers into the snapshot, not board.GoalsUnder's copies: a large
	// plan has many goals, each with all its measurements.
	add := func(sp uint64, unlinked bool) {
		out = append(out, planNode{speerpunt: sp, unlinked: unlinked})
		if m.closed[sp] {
			return
		}
		for i := range b.Goals {
			g := &b.Goals[i]
			if g.SpeerpuntID != sp {
				continue
			}
			out = append(out, planNode{speerpunt: sp, goal: g})
			for j := range b.Actions {
				if a := &b.Actions[j]; a.GoalID == g.ID && a.Status != board.StatusDropped {
					out = append(out, planNode{speerpunt: sp, goal: g, action: a})
				}
			}
		}
	}
	for _, s := range b.Speerpunten {
		add(s.ID, false)
	}
	if slices.ContainsFunc(b.Goals, func(g board.Goal) bool { return g.SpeerpuntID == 0 }) {
		add(0, true)
	}
	return out
}

func (m *planScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case planBoardsMsg:
		m.boards = msg.boards
		m.forget()
		return nil
	case speerpuntUseMsg:
		return m.askDelete(msg)
	case tea.KeyPressMsg:
		if m.screen != screenPlan {
			return nil
		}
		return m.key(msg)
	}
	return nil
}

func (m *planScreen) key(k tea.KeyPressMsg) tea.Cmd {
	nodes := m.cached().nodes
	m.sel = max(min(m.sel, len(nodes)-1), 0)
	var n planNode
	if len(nodes) > 0 {
		n = nodes[m.sel]
	}
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = screenBoard
	case key.Matches(k, m.keys.Up):
		m.sel = max(m.sel-1, 0)
	case key.Matches(k, m.keys.Down):
		m.sel = max(min(m.sel+1, len(nodes)-1), 0)
	case key.Matches(k, m.keys.Fold):
		if n.goal == nil && len(nodes) > 0 {
			m.closed[n.speerpunt] = !m.closed[n.speerpunt]
			m.forget()
		}
	case key.Matches(k, m.keys.Open):
		if n.goal != nil {
			m.openGoal(n.goal.ID, screenPlan)
		}
	case key.Matches(k, m.keys.New):
		return m.openSpeerpuntForm()
	case key.Matches(k, m.keys.Delete):
		if n.goal == nil && !n.unlinked && len(nodes) > 0 {
			return m.deleteSpeerpunt(n.speerpunt)
		}
	case key.Matches(k, m.keys.Link):
		if n.goal != nil && n.action == nil {
			m.pickSpeerpunt(n.goal)
		}
	case key.Matches(k, m.keys.Phase):
		m.pickPhase()
	}
	return nil
}

// View draws the header with the plan year's phase and the tree.
func (m *planScreen) View() string {
	w, h := m.width, m.bodyHeight()
	gm := m.msg.Goals
	year := m.now().Year()
	py := m.b.PlanYear(year)
	head := m.st.header.Render(gm.Plan) + " · " + strconv.Itoa(year) + " · "
	phase := ""
	if py.Phase.Valid() {
		head += m.st.title.Render(fmt.Sprintf(gm.PhaseF, int(py.Phase), 3, gm.Phases[py.Phase-1]))
		if n := len(py.History); n > 0 {
			c := py.History[n-1]
			phase = m.st.dim.Render(fmt.Sprintf(gm.PhaseHistoryF, int(c.From), int(c.To), c.By, m.msg.ShortDate(c.At)))
		}
	} else {
		head += m.st.warn.Render(fmt.Sprintf(gm.NoPhase, year))
	}
	lines := []string{fit(head, w), fit(phase, w)}
	for _, f := range m.focusWarnings(m.b) {
		lines = append(lines, fit(m.st.warn.Render("⚠ "+f), w))
	}
	d := m.cached()
	nodes := d.nodes
	if len(m.b.Speerpunten) == 0 {
		lines = append(lines, fit(m.st.dim.Render(" "+gm.NoSpeerpunten), w))
	}
	avail := h - len(lines)
	start := scrollStart(m.sel, len(nodes), avail)
	for i := start; i < len(nodes) && len(lines) < h; i++ {
		text, ok := d.lines[i]
		if !ok {
			text = m.nodeLine(nodes[i])
			d.lines[i] = text
		}
		if i == m.sel {
			text = m.st.bar(text, w)
		} else {
			text = fit(" "+text, w)
		}
		lines = append(lines, text)
	}
	return block(lines, w, h)
}

// nodeLine words one line of the tree.
func (m *planScreen) nodeLine(n planNode) string {
	gm := m.msg.Goals
	switch {
	case n.action != nil:
		return "      " + (&areaRows{Common: m.Common}).actionRow(*n.action)
	case n.goal != nil:
		g := n.goal
		text := "  " + m.goalBar(g, m.now()) + " " + m.trackWord(g) + " " + g.Title
		if in := g.Indicator; in != nil && len(g.Missing()) == 0 {
			text += " · " + m.goalValues(g) + " " + sparkline(lastValues(in, 8), 8)
		}
		if ws := g.Warnings(m.now()); len(ws) > 0 {
			text += " " + m.st.warn.Render("⚠ "+m.warning(m.b, ws[0], true))
		}
		return text
	}
	fold := "▾ "
	if m.closed[n.speerpunt] {
		fold = "▸ "
	}
	if n.unlinked {
		return fold + m.st.title.Render(gm.Unlinked)
	}
	s, _ := m.b.Speerpunt(n.speerpunt)
	here := board.TallySpeerpunt(s.ID, []*board.Board{m.b})
	text := fold + m.st.title.Render(s.Title) + " (" + fmt.Sprintf(gm.PeriodF, s.FromYear, s.ToYear) + ")"
	text += " · " + fmt.Sprintf(gm.GoalsTallyF, here.Goals, here.GoalsOnCourse, here.GoalsBehind)
	if len(m.boards) > 1 {
		all := board.TallySpeerpunt(s.ID, m.boards)
		text += " · " + gm.AcrossTeams + ": " + fmt.Sprintf(gm.TallyF, all.Schools, all.OnCourse, all.Behind)
	}
	return text
}

// openSpeerpuntForm asks for a new speerpunt: title, period, owner.
func (m *planScreen) openSpeerpuntForm() tea.Cmd {
	gm := m.msg.Goals
	y := m.now().Year()
	f := &form{title: gm.NewSpeerpunt}
	f.add("title", m.msg.FieldTitle, fLine, "", "")
	f.add("period", gm.FieldPeriod, fLine, gm.HintPeriod, fmt.Sprintf("%d-%d", y, y+4))
	f.add("owner", gm.FieldOwner, fLine, "", m.cfg.User)
	f.add("description", gm.FieldDescription, fText, "", "")
	f.submit = func(f *form) tea.Cmd {
		from, to, ok := parsePeriod(f.value("period"))
		if !ok {
			f.field("period").err = gm.ErrPeriod
			return nil
		}
		sp := board.Speerpunt{Title: f.value("title"), FromYear: from, ToYear: to, Owner: f.value("owner"), Description: f.value("description")}
		return m.write(func(s Store, user string) error {
			_, err := s.AddSpeerpunt(user, sp)
			return err
		}, fmt.Sprintf(m.msg.SavedF, sp.Title))
	}
	return m.openForm(f, 0)
}

// parsePeriod reads "2026-2030" (or one year, or with an en dash).
func parsePeriod(s string) (from, to int, ok bool) {
	s = strings.NewReplacer("–", "-", " ", "").Replace(strings.TrimSpace(s))
	a, b, two := strings.Cut(s, "-")
	from, err := strconv.Atoi(a)
	if err != nil {
		return 0, 0, false
	}
	to = from
	if two {
		if to, err = strconv.Atoi(b); err != nil {
			return 0, 0, false
		}
	}
	if from < board.MinPlanYear || to > board.MaxPlanYear || to < from || to-from >= board.MaxPlanLength {
		return 0, 0, false
	}
	return from, to, true
}

// speerpuntUseMsg brings how many goals hang under a speerpunt to delete.
type speerpuntUseMsg struct {
	sp           board.Speerpunt
	goals, teams int
}

// deleteSpeerpunt counts the goals under the speerpunt on every board
// first: with goals under it, it asks (they stay, unlinked).
func (m *planScreen) deleteSpeerpunt(id uint64) tea.Cmd {
	sp, ok := m.b.Speerpunt(id)
	if !ok {
		return nil
	}
	return m.command(func(s Store, _ string) (tea.Msg, error) {
		goals, boards, err := s.SpeerpuntUse(id)
		return speerpuntUseMsg{sp: sp, goals: goals, teams: boards}, err
	})
}

// askDelete deletes a speerpunt without goals at once, else asks first.
func (m *planScreen) askDelete(u speerpuntUseMsg) tea.Cmd {
	del := func() tea.Cmd {
		return m.write(func(st Store, user string) error {
			return st.DeleteSpeerpunt(user, u.sp.ID, u.sp.Version)
		}, fmt.Sprintf(m.msg.Goals.DeleteSpeerpuntF, u.sp.Title))
	}
	if u.goals == 0 {
		return del()
	}
	m.confirm(fmt.Sprintf(m.msg.Goals.DeleteSpeerpuntAskF, u.sp.Title, u.goals), del)
	return nil
}

// pickSpeerpunt links a goal to a speerpunt, or to none, as an edit of
// the goal checked against the version the user saw.
func (m *planScreen) pickSpeerpunt(g *board.Goal) {
	gm := m.msg.Goals
	ids := []uint64{0}
	names := []string{gm.Unlink}
	for _, s := range m.b.Speerpunten {
		ids, names = append(ids, s.ID), append(names, s.Title)
	}
	boardID := m.b.ID
	m.choose = &chooser{title: gm.KeyLink, options: names, cursor: max(slices.Index(ids, g.SpeerpuntID), 0), pick: func(i int) tea.Cmd {
		it := m.b.Find(board.AreaGoal, g.ID)
		linked, ok := it.(*board.Goal)
		if !ok {
			return nil
		}
		linked.SpeerpuntID = ids[i]
		return m.write(func(s Store, user string) error {
			_, err := s.Update(user, boardID, linked)
			return err
		}, fmt.Sprintf(gm.LinkedF, g.Title, names[i]))
	}}
}

// pickPhase sets the BKA phase of this plan year.
func (m *planScreen) pickPhase() {
	gm := m.msg.Goals
	year := m.now().Year()
	names := make([]string, 3)
	for i, p := range gm.Phases {
		names[i] = fmt.Sprintf("BKA%d %s", i+1, p)
	}
	boardID := m.b.ID
	seen := m.b.PlanYear(year).Phase
	m.choose = &chooser{title: gm.PickPhase, options: names, cursor: max(int(seen)-1, 0), pick: func(i int) tea.Cmd {
		p := board.BKAPhase(i + 1)
		return m.write(func(s Store, user string) error {
			_, err := s.SetPhase(user, boardID, year, seen, p)
			return err
		}, fmt.Sprintf(gm.PhaseSetF, year, i+1))
	}}
}
