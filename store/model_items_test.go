package store_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// itemsActor is one person at the board: the board as they last loaded it,
// their undo stack, and an edit whose item was deleted under them.
type itemsActor struct {
	name    string
	view    *board.Board
	undo    []modelUndo
	pending board.Item // edited, to save again after "it is gone"
}

type modelUndo struct {
	kind string // "delete" (of an add), "revert" (of an edit), "restore" (of a delete)
	item board.Item
	area board.Area
	id   uint64
	seen uint64
}

var modelAreas = []board.Area{board.AreaGoal, board.AreaAction, board.AreaSuccess, board.AreaPlanning, board.AreaParking}

// tagOf is the identity tag every model item's text starts with ("#12 "):
// two items with one tag are a duplicate.
func tagOf(it board.Item) string {
	tag, _, _ := strings.Cut(textOf(it), " ")
	return tag
}

func textOf(it board.Item) string {
	switch v := it.(type) {
	case *board.Goal:
		return v.Title
	case *board.Action:
		return v.What
	case *board.Success:
		return v.Text
	case *board.PlanItem:
		return v.Text
	case *board.Parking:
		return v.Text
	}
	return ""
}

func setText(it board.Item, s string) {
	switch v := it.(type) {
	case *board.Goal:
		v.Title = s
	case *board.Action:
		v.What = s
	case *board.Success:
		v.Text = s
	case *board.PlanItem:
		v.Text = s
	case *board.Parking:
		v.Text = s
	}
}

func allItems(b *board.Board) []board.Item {
	var out []board.Item
	for i := range b.Goals {
		out = append(out, clone(&b.Goals[i]))
	}
	for i := range b.Actions {
		out = append(out, clone(&b.Actions[i]))
	}
	for i := range b.Successes {
		out = append(out, clone(&b.Successes[i]))
	}
	for i := range b.Planning {
		out = append(out, clone(&b.Planning[i]))
	}
	for i := range b.Parking {
		out = append(out, clone(&b.Parking[i]))
	}
	return out
}

// TestModelItems: board items edited, deleted and undone by four people
// from stale views, goals deleted under their actions, a member removed
// and added again, forced saves and saves after a delete.
func TestModelItems(t *testing.T) {
	runModel(t, 120, func(m *model, steps int) {
		f, s, bid := m.f, m.f.s, m.f.board.ID
		if _, err := s.AddMember("Anna", f.team.ID, "Dirk"); err != nil {
			t.Fatal(err)
		}
		actors := []*itemsActor{{name: "Anna"}, {name: "Bram"}, {name: "Chris"}, {name: "Dirk"}}
		for _, a := range actors {
			a.view = m.snap()
		}
		tags := 0
		for m.step = 0; m.step < steps; m.step++ {
			a := actors[m.rng.IntN(len(actors))]
			m.oneOf(
				weighted{10, func() { a.view = m.snap(); m.did("%s looks", a.name) }},
				weighted{16, func() { tags++; m.itemsAdd(a, tags) }},
				weighted{16, func() { m.itemsEdit(a) }},
				weighted{10, func() { m.itemsStatus(a) }},
				weighted{10, func() { m.itemsDelete(a) }},
				weighted{14, func() { m.itemsUndo(a) }},
				weighted{6, func() { m.itemsMeasure(a) }},
				weighted{4, func() { m.itemsResave(a) }},
				weighted{3, func() {
					if m.snap().Team.HasMember("Dirk") {
						_, err := s.RemoveMember("Anna", f.team.ID, "Dirk")
						m.allowed("remove Dirk", err)
						m.did("Anna removes Dirk")
					} else {
						_, err := s.AddMember("Anna", f.team.ID, "Dirk")
						m.allowed("add Dirk", err)
						m.did("Anna adds Dirk")
					}
				}},
			)
			m.itemsInvariants()
		}
		_ = bid
	})
}

func (m *model) itemsAdd(a *itemsActor, tag int) {
	area, _ := pick(m, modelAreas)
	it := board.NewItem(area)
	text := fmt.Sprintf("#%d %s", tag, a.name)
	who, _ := pick(m, a.view.Team.MemberNames())
	switch v := it.(type) {
	case *board.Goal:
		*v = board.Goal{Title: text, ByWhen: m.f.clk.Day(30), Measure: "m"}
	case *board.Action:
		*v = board.Action{What: text, Who: who, When: m.f.clk.Day(7)}
		if g, ok := pick(m, a.view.Goals); ok && m.rng.IntN(2) == 0 {
			v.GoalID = g.ID
		}
	case *board.Success:
		*v = board.Success{Text: text, Who: who}
	case *board.PlanItem:
		*v = board.PlanItem{Text: text, Date: m.f.clk.Day(3)}
	case *board.Parking:
		*v = board.Parking{Text: text}
	}
	saved, err := m.f.s.Add(a.name, m.f.board.ID, it)
	m.did("%s adds %s %q: %v", a.name, area, text, err)
	// From a stale view the goal or the owner may be gone.
	m.allowed("add", only(err), errValidation)
	if err == nil {
		a.undo = append(a.undo, modelUndo{kind: "delete", area: area, id: saved.Base().ID, seen: saved.Base().Version})
	}
}

func (m *model) itemsEdit(a *itemsActor) {
	base, ok := pick(m, allItems(a.view))
	if !ok {
		return
	}
	edited := clone(base)
	setText(edited, tagOf(base)+" "+a.name+fmt.Sprint(m.rng.IntN(100)))
	if act, ok := edited.(*board.Action); ok && m.rng.IntN(2) == 0 {
		act.Status = act.Status.Next()
	}
	_, err := m.f.s.Update(a.name, m.f.board.ID, edited)
	m.did("%s edits %s %d (v%d): %v", a.name, base.Area(), base.Base().ID, base.Base().Version, err)
	var c *store.ConflictError
	switch {
	case err == nil:
		cur := m.snap().Find(base.Area(), base.Base().ID)
		a.undo = append(a.undo, modelUndo{kind: "revert", item: withVersion(base, cur.Base().Version)})
		m.sameFields("edit", edited, cur)
	case errors.As(err, &c):
		if m.rng.IntN(2) == 0 {
			m.itemsForce(a, base, edited)
		}
	case errors.Is(err, store.ErrNotFound):
		a.pending = edited
	default:
		m.fail("edit: %v", err)
	}
}

// itemsForce forces a save after a conflict: the fields this person
// changed land, every other field keeps what is stored.
func (m *model) itemsForce(a *itemsActor, base, edited board.Item) {
	before := m.snap().Find(base.Area(), base.Base().ID)
	_, err := m.f.s.ForceUpdate(a.name, m.f.board.ID, base, edited)
	m.did("%s forces %s %d: %v", a.name, base.Area(), base.Base().ID, err)
	m.allowed("forced save", err)
	after := m.snap().Find(base.Area(), base.Base().ID)
	mine := board.Diff(base, edited)
	for _, fld := range board.Diff(after, edited) {
		if slices.Contains(mine, fld) {
			m.fail("forced save lost my %s", fld)
		}
	}
	for _, fld := range board.Diff(after, before) {
		if !slices.Contains(mine, fld) && fld != "done_at" {
			m.fail("forced save changed %s, which I did not change (mine: %v)", fld, mine)
		}
	}
}

// itemsStatus changes an action's status from the board as it is now: it
// must always be possible, whatever happened to its goal or owner.
func (m *model) itemsStatus(a *itemsActor) {
	b := m.snap()
	act, ok := pick(m, b.Actions)
	if !ok {
		return
	}
	old := act
	act.Status = act.Status.Next()
	_, err := m.f.s.Update(a.name, m.f.board.ID, &act)
	m.did("%s sets action %d to %s: %v", a.name, act.ID, act.Status, err)
	if err != nil {
		m.fail("status of action %+v: %v", old, err)
	}
	cur := m.snap().Find(board.AreaAction, act.ID)
	a.undo = append(a.undo, modelUndo{kind: "revert", item: withVersion(&old, cur.Base().Version)})
}

func (m *model) itemsDelete(a *itemsActor) {
	it, ok := pick(m, allItems(a.view))
	if !ok {
		return
	}
	err := m.f.s.Delete(a.name, m.f.board.ID, it.Area(), it.Base().ID, it.Base().Version)
	m.did("%s deletes %s %d (v%d): %v", a.name, it.Area(), it.Base().ID, it.Base().Version, err)
	m.allowed("delete", err, store.ErrConflict, store.ErrNotFound)
	if err == nil {
		a.undo = append(a.undo, modelUndo{kind: "restore", item: it})
		if m.snap().Find(it.Area(), it.Base().ID) != nil {
			m.fail("deleted item still there")
		}
	}
}

func (m *model) itemsUndo(a *itemsActor) {
	if len(a.undo) == 0 {
		return
	}
	u := a.undo[len(a.undo)-1]
	a.undo = a.undo[:len(a.undo)-1]
	s, bid := m.f.s, m.f.board.ID
	switch u.kind {
	case "delete":
		err := s.Delete(a.name, bid, u.area, u.id, u.seen)
		m.did("%s undoes add of %s %d: %v", a.name, u.area, u.id, err)
		m.allowed("undo add", err, store.ErrConflict, store.ErrNotFound)
	case "revert":
		_, err := s.Update(a.name, bid, u.item)
		m.did("%s undoes edit of %s %d: %v", a.name, u.item.Area(), u.item.Base().ID, err)
		m.allowed("undo edit", err, store.ErrConflict, store.ErrNotFound)
		if err == nil {
			m.sameFields("undo edit", u.item, m.snap().Find(u.item.Area(), u.item.Base().ID))
		}
	case "restore":
		_, err := s.Restore(a.name, bid, clone(u.item))
		m.did("%s undoes delete of %s %d: %v", a.name, u.item.Area(), u.item.Base().ID, err)
		// Only "it is back already" may stop an undo of a delete.
		m.allowed("undo delete", err, store.ErrExists)
		if err == nil {
			m.sameFields("undo delete", u.item, m.snap().Find(u.item.Area(), u.item.Base().ID))
		}
	}
}

// sameFields fails unless got holds want's fields, except what the store
// derives (done_at) or must drop (a link to a goal deleted since).
func (m *model) sameFields(what string, want, got board.Item) {
	m.t.Helper()
	if got == nil {
		m.fail("%s: item %d is not on the board", what, want.Base().ID)
	}
	b := m.snap()
	for _, fld := range board.Diff(want, got) {
		switch {
		case fld == "done_at":
		case fld == "goal_id" && got.(*board.Action).GoalID == 0 && func() bool { _, ok := b.Goal(want.(*board.Action).GoalID); return !ok }():
		default:
			m.fail("%s: %s differs: want %+v, got %+v", what, fld, want, got)
		}
	}
}

func withVersion(it board.Item, v uint64) board.Item {
	c := clone(it)
	c.Base().Version = v
	return c
}

func (m *model) itemsMeasure(a *itemsActor) {
	g, ok := pick(m, m.snap().Goals)
	if !ok {
		return
	}
	n := 0
	if g.Indicator != nil {
		n = len(g.Indicator.Measurements)
	}
	_, err := m.f.s.AddMeasurement(a.name, m.f.board.ID, g.ID, board.Measurement{Date: m.f.clk.Day(0), Value: float64(m.rng.IntN(100))})
	m.did("%s measures goal %d: %v", a.name, g.ID, err)
	if !m.snap().Team.HasMember(a.name) {
		m.allowed("measure", only(err), errValidation)
		return
	}
	m.allowed("measure", err)
	if got := m.snap().Find(board.AreaGoal, g.ID).(*board.Goal); len(got.Indicator.Measurements) != n+1 {
		m.fail("measurement lost: %d, want %d", len(got.Indicator.Measurements), n+1)
	}
}

// itemsResave saves again an edit whose item was deleted under it.
func (m *model) itemsResave(a *itemsActor) {
	if a.pending == nil {
		return
	}
	it := a.pending
	a.pending = nil
	_, err := m.f.s.Resave(a.name, m.f.board.ID, it)
	m.did("%s saves %s %d again: %v", a.name, it.Area(), it.Base().ID, err)
	m.allowed("save again", only(err), store.ErrConflict, errValidation)
}

// itemsInvariants: no action points to a missing goal; no item is there
// twice.
func (m *model) itemsInvariants() {
	m.t.Helper()
	b := m.snap()
	for _, act := range b.Actions {
		if _, ok := b.Goal(act.GoalID); act.GoalID != 0 && !ok {
			m.fail("action %d points to missing goal %d", act.ID, act.GoalID)
		}
	}
	seen := map[string]uint64{}
	for _, it := range allItems(b) {
		key := string(it.Area()) + tagOf(it)
		if id, ok := seen[key]; ok {
			m.fail("%s %s is there twice: %d and %d", it.Area(), tagOf(it), id, it.Base().ID)
		}
		seen[key] = it.Base().ID
	}
}
