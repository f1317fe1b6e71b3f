package tui

import (
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// guardStore fails the test when the store is called from inside Update or
// View: every store call must run in a tea.Cmd. The harness wraps every
// test's store in one, so every key path of every test checks it.
type guardStore struct {
	s Store
	t testing.TB
	// in is the goroutine inside Update or View (0: none). Commands run in
	// goroutines of their own, so a call from that goroutine while it is
	// set came from Update or View itself.
	in *atomic.Int64
}

func (g guardStore) check(name string) {
	if id := g.in.Load(); id != 0 && id == goroutineID() {
		g.t.Errorf("store.%s called inside Update or View: store calls belong in a tea.Cmd", name)
	}
}

// goroutineID reads the running goroutine's number from its stack header,
// "goroutine 18 [running]:". Only tests use it.
func goroutineID() int64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	f := strings.Fields(string(buf[:n]))
	if len(f) < 2 {
		return -1
	}
	id, _ := strconv.ParseInt(f[1], 10, 64)
	return id
}

// inside runs f as the goroutine inside Update or View.
func (g guardStore) inside(f func()) {
	g.in.Store(goroutineID())
	defer g.in.Store(0)
	f()
}

func (g guardStore) Teams() ([]board.Team, error) {
	g.check("Teams")
	return g.s.Teams()
}

func (g guardStore) Boards(teamID uint64) ([]board.Info, error) {
	g.check("Boards")
	return g.s.Boards(teamID)
}

func (g guardStore) Board(id uint64) (*board.Board, error) {
	g.check("Board")
	return g.s.Board(id)
}

func (g guardStore) Watch(boardID uint64) (<-chan uint64, func()) {
	g.check("Watch")
	return g.s.Watch(boardID)
}

func (g guardStore) Add(actor string, boardID uint64, it board.Item) (board.Item, error) {
	g.check("Add")
	return g.s.Add(actor, boardID, it)
}

func (g guardStore) Update(actor string, boardID uint64, it board.Item) (board.Item, error) {
	g.check("Update")
	return g.s.Update(actor, boardID, it)
}

func (g guardStore) Restore(actor string, boardID uint64, it board.Item) (board.Item, error) {
	g.check("Restore")
	return g.s.Restore(actor, boardID, it)
}

func (g guardStore) Delete(actor string, boardID uint64, area board.Area, id, seen uint64) error {
	g.check("Delete")
	return g.s.Delete(actor, boardID, area, id, seen)
}

func (g guardStore) ChangeItem(actor string, boardID uint64, op board.ItemOp) (board.Item, error) {
	g.check("ChangeItem")
	return g.s.ChangeItem(actor, boardID, op)
}

func (g guardStore) SetCheckIn(actor string, boardID uint64, mood board.Mood, word string) (board.CheckIn, error) {
	g.check("SetCheckIn")
	return g.s.SetCheckIn(actor, boardID, mood, word)
}

func (g guardStore) StartMeeting(actor string, boardID uint64, d time.Duration) (board.Meeting, error) {
	g.check("StartMeeting")
	return g.s.StartMeeting(actor, boardID, d)
}

func (g guardStore) MoveMeeting(actor string, boardID uint64, to board.Step) (board.Meeting, error) {
	g.check("MoveMeeting")
	return g.s.MoveMeeting(actor, boardID, to)
}

func (g guardStore) MoveMeetingFrom(actor string, boardID uint64, from, to board.Step) (board.Meeting, error) {
	g.check("MoveMeetingFrom")
	return g.s.MoveMeetingFrom(actor, boardID, from, to)
}

func (g guardStore) HandOver(actor string, boardID uint64, to string) (board.Meeting, error) {
	g.check("HandOver")
	return g.s.HandOver(actor, boardID, to)
}

func (g guardStore) EndMeeting(actor string, boardID uint64) (board.Meeting, error) {
	g.check("EndMeeting")
	return g.s.EndMeeting(actor, boardID)
}

func (g guardStore) Recap(boardID, after, upTo uint64) (board.Recap, error) {
	g.check("Recap")
	return g.s.Recap(boardID, after, upTo)
}

func (g guardStore) CreateRetro(actor string, boardID uint64, topic, format string, columns []string, from, to time.Time, named bool, votes int) (board.Retro, error) {
	g.check("CreateRetro")
	return g.s.CreateRetro(actor, boardID, topic, format, columns, from, to, named, votes)
}

func (g guardStore) ChangeRetro(actor string, boardID, retroID uint64, op board.RetroOp) (board.Retro, error) {
	g.check("ChangeRetro")
	return g.s.ChangeRetro(actor, boardID, retroID, op)
}

func (g guardStore) CreateArena(actor string, boardID uint64, topic string, date time.Time, group string, pupils int, leader string, noteTakers []string, minutes int) (board.Arena, error) {
	g.check("CreateArena")
	return g.s.CreateArena(actor, boardID, topic, date, group, pupils, leader, noteTakers, minutes)
}

func (g guardStore) ChangeArena(actor string, boardID, arenaID uint64, op board.ArenaOp) (board.Arena, error) {
	g.check("ChangeArena")
	return g.s.ChangeArena(actor, boardID, arenaID, op)
}

func (g guardStore) SetRetention(actor string, boardID uint64, days int) error {
	g.check("SetRetention")
	return g.s.SetRetention(actor, boardID, days)
}

func (g guardStore) CreateDemo(actor string) (board.Info, error) {
	g.check("CreateDemo")
	return g.s.CreateDemo(actor)
}

func (g guardStore) CreateDemoIn(lang, actor string) (board.Info, error) {
	g.check("CreateDemoIn")
	return g.s.CreateDemoIn(lang, actor)
}

func (g guardStore) CreateTeam(actor, name string, members ...string) (board.Team, error) {
	g.check("CreateTeam")
	return g.s.CreateTeam(actor, name, members...)
}

func (g guardStore) CreateBoard(actor string, teamID uint64, name string) (board.Info, error) {
	g.check("CreateBoard")
	return g.s.CreateBoard(actor, teamID, name)
}

func (g guardStore) AddMember(actor string, teamID uint64, name string) (board.Team, error) {
	g.check("AddMember")
	return g.s.AddMember(actor, teamID, name)
}

func (g guardStore) ChangeGoal(actor string, boardID uint64, op board.GoalOp) (board.Goal, error) {
	g.check("ChangeGoal")
	return g.s.ChangeGoal(actor, boardID, op)
}

func (g guardStore) AddSpeerpunt(actor string, sp board.Speerpunt) (board.Speerpunt, error) {
	g.check("AddSpeerpunt")
	return g.s.AddSpeerpunt(actor, sp)
}

func (g guardStore) SpeerpuntUse(id uint64) (goals, boards int, err error) {
	g.check("SpeerpuntUse")
	return g.s.SpeerpuntUse(id)
}

func (g guardStore) DeleteSpeerpunt(actor string, id, seen uint64) error {
	g.check("DeleteSpeerpunt")
	return g.s.DeleteSpeerpunt(actor, id, seen)
}

func (g guardStore) SetPhase(actor string, boardID uint64, year int, seen, to board.BKAPhase) (board.PlanYear, error) {
	g.check("SetPhase")
	return g.s.SetPhase(actor, boardID, year, seen, to)
}

func (g guardStore) Duos() ([]board.Duo, error) {
	g.check("Duos")
	return g.s.Duos()
}

func (g guardStore) Duo(id uint64) (board.Duo, error) {
	g.check("Duo")
	return g.s.Duo(id)
}

func (g guardStore) WatchDuo(id uint64) (<-chan uint64, func()) {
	g.check("WatchDuo")
	return g.s.WatchDuo(id)
}

func (g guardStore) ChangeDuo(actor string, id uint64, op board.DuoOp) (board.Duo, error) {
	g.check("ChangeDuo")
	return g.s.ChangeDuo(actor, id, op)
}

func (g guardStore) CreateDuo(actor string, teamID uint64, name string, partners []board.Partner) (board.Duo, error) {
	g.check("CreateDuo")
	return g.s.CreateDuo(actor, teamID, name, partners)
}
