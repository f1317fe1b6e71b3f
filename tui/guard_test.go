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

// at is the store for a call of its method name, after failing the test
// when that call comes from inside Update or View. Every method of Store
// below goes through it.
func (g guardStore) at(name string) Store {
	if id := g.in.Load(); id != 0 && id == goroutineID() {
		g.t.Errorf("store.%s called inside Update or View: store calls belong in a tea.Cmd", name)
	}
	return g.s
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

func (g guardStore) Teams() ([]board.Team, error)               { return g.at("Teams").Teams() }
func (g guardStore) Boards(teamID uint64) ([]board.Info, error) { return g.at("Boards").Boards(teamID) }
func (g guardStore) Board(id uint64) (*board.Board, error)      { return g.at("Board").Board(id) }

func (g guardStore) Watch(boardID uint64) (<-chan uint64, func()) {
	return g.at("Watch").Watch(boardID)
}

func (g guardStore) Add(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return g.at("Add").Add(actor, boardID, it)
}

func (g guardStore) Update(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return g.at("Update").Update(actor, boardID, it)
}

func (g guardStore) Restore(actor string, boardID uint64, it board.Item) (board.Item, error) {
	return g.at("Restore").Restore(actor, boardID, it)
}

func (g guardStore) Delete(actor string, boardID uint64, area board.Area, id, seen uint64) error {
	return g.at("Delete").Delete(actor, boardID, area, id, seen)
}

func (g guardStore) ChangeItem(actor string, boardID uint64, op board.ItemOp) (board.Item, error) {
	return g.at("ChangeItem").ChangeItem(actor, boardID, op)
}

func (g guardStore) SetCheckIn(actor string, boardID uint64, mood board.Mood, word string) (board.CheckIn, error) {
	return g.at("SetCheckIn").SetCheckIn(actor, boardID, mood, word)
}

func (g guardStore) StartMeeting(actor string, boardID uint64, d time.Duration) (board.Meeting, error) {
	return g.at("StartMeeting").StartMeeting(actor, boardID, d)
}

func (g guardStore) MoveMeeting(actor string, boardID uint64, to board.Step) (board.Meeting, error) {
	return g.at("MoveMeeting").MoveMeeting(actor, boardID, to)
}

func (g guardStore) MoveMeetingFrom(actor string, boardID uint64, from, to board.Step) (board.Meeting, error) {
	return g.at("MoveMeetingFrom").MoveMeetingFrom(actor, boardID, from, to)
}

func (g guardStore) HandOver(actor string, boardID uint64, to string) (board.Meeting, error) {
	return g.at("HandOver").HandOver(actor, boardID, to)
}

func (g guardStore) EndMeeting(actor string, boardID uint64) (board.Meeting, error) {
	return g.at("EndMeeting").EndMeeting(actor, boardID)
}

func (g guardStore) Recap(boardID, after, upTo uint64) (board.Recap, error) {
	return g.at("Recap").Recap(boardID, after, upTo)
}

func (g guardStore) CreateRetro(actor string, boardID uint64, topic, format string, columns []string, from, to time.Time, named bool, votes int) (board.Retro, error) {
	return g.at("CreateRetro").CreateRetro(actor, boardID, topic, format, columns, from, to, named, votes)
}

func (g guardStore) ChangeRetro(actor string, boardID, retroID uint64, op board.RetroOp) (board.Retro, error) {
	return g.at("ChangeRetro").ChangeRetro(actor, boardID, retroID, op)
}

func (g guardStore) CreateArena(actor string, boardID uint64, topic string, date time.Time, group string, pupils int, leader string, noteTakers []string, minutes int) (board.Arena, error) {
	return g.at("CreateArena").CreateArena(actor, boardID, topic, date, group, pupils, leader, noteTakers, minutes)
}

func (g guardStore) ChangeArena(actor string, boardID, arenaID uint64, op board.ArenaOp) (board.Arena, error) {
	return g.at("ChangeArena").ChangeArena(actor, boardID, arenaID, op)
}

func (g guardStore) SetRetention(actor string, boardID uint64, days int) error {
	return g.at("SetRetention").SetRetention(actor, boardID, days)
}

func (g guardStore) CreateDemo(actor string) (board.Info, error) {
	return g.at("CreateDemo").CreateDemo(actor)
}

func (g guardStore) CreateDemoIn(lang, actor string) (board.Info, error) {
	return g.at("CreateDemoIn").CreateDemoIn(lang, actor)
}

func (g guardStore) CreateTeam(actor, name string, members ...string) (board.Team, error) {
	return g.at("CreateTeam").CreateTeam(actor, name, members...)
}

func (g guardStore) CreateBoard(actor string, teamID uint64, name string) (board.Info, error) {
	return g.at("CreateBoard").CreateBoard(actor, teamID, name)
}

func (g guardStore) AddMember(actor string, teamID uint64, name string) (board.Team, error) {
	return g.at("AddMember").AddMember(actor, teamID, name)
}

func (g guardStore) ChangeGoal(actor string, boardID uint64, op board.GoalOp) (board.Goal, error) {
	return g.at("ChangeGoal").ChangeGoal(actor, boardID, op)
}

func (g guardStore) AddSpeerpunt(actor string, sp board.Speerpunt) (board.Speerpunt, error) {
	return g.at("AddSpeerpunt").AddSpeerpunt(actor, sp)
}

func (g guardStore) SpeerpuntUse(id uint64) (goals, boards int, err error) {
	return g.at("SpeerpuntUse").SpeerpuntUse(id)
}

func (g guardStore) DeleteSpeerpunt(actor string, id, seen uint64) error {
	return g.at("DeleteSpeerpunt").DeleteSpeerpunt(actor, id, seen)
}

func (g guardStore) SetPhase(actor string, boardID uint64, year int, seen, to board.BKAPhase) (board.PlanYear, error) {
	return g.at("SetPhase").SetPhase(actor, boardID, year, seen, to)
}

func (g guardStore) Duos() ([]board.Duo, error)                 { return g.at("Duos").Duos() }
func (g guardStore) Duo(id uint64) (board.Duo, error)           { return g.at("Duo").Duo(id) }
func (g guardStore) WatchDuo(id uint64) (<-chan uint64, func()) { return g.at("WatchDuo").WatchDuo(id) }

func (g guardStore) ChangeDuo(actor string, id uint64, op board.DuoOp) (board.Duo, error) {
	return g.at("ChangeDuo").ChangeDuo(actor, id, op)
}

func (g guardStore) CreateDuo(actor string, teamID uint64, name string, partners []board.Partner) (board.Duo, error) {
	return g.at("CreateDuo").CreateDuo(actor, teamID, name, partners)
}
