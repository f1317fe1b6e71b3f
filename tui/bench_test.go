package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// BenchmarkViewLargeBoard measures one frame of a big board: 40 goals and
// 400 actions, made through the store, drawn wide and narrow.
func BenchmarkViewLargeBoard(b *testing.B) {
	s := openStore(b)
	members := []string{me, "Fatima", "Joost", "Sanne", "Ahmed", "Ingrid", "Pieter"}
	team, err := s.CreateTeam(me, "Groot team", members...)
	if err != nil {
		b.Fatal(err)
	}
	info, err := s.CreateBoard(me, team.ID, "Groot bord")
	if err != nil {
		b.Fatal(err)
	}
	var goals []uint64
	for i := range 40 {
		g := &board.Goal{Title: fmt.Sprintf("Doel %02d: minder thuiszitters in deelregio %d", i, i), ByWhen: day(30 + i),
			Measure: "telling", Indicator: &board.Indicator{Unit: "leerlingen", Baseline: 40, Target: 20,
				Measurements: []board.Measurement{{Date: day(-7), Value: float64(40 - i%20)}}}}
		saved, err := s.Add(me, info.ID, g)
		if err != nil {
			b.Fatal(err)
		}
		goals = append(goals, saved.Base().ID)
	}
	for i := range 400 {
		a := &board.Action{What: fmt.Sprintf("Actie %03d: casus bespreken met school en ouders", i),
			Who: members[i%len(members)], When: day(i % 60), GoalID: goals[i%len(goals)]}
		if i%10 == 0 {
			a.Status = board.StatusDoing
		}
		if _, err := s.Add(me, info.ID, a); err != nil {
			b.Fatal(err)
		}
	}
	h := start(b, s, Config{Lang: i18n.NL}, 140, 40)
	if h.m.b == nil || len(h.m.b.Actions) != 400 || len(h.m.b.Goals) != 40 {
		b.Fatal("large board not open")
	}
	for _, sz := range []struct{ w, h int }{{140, 40}, {80, 24}} {
		b.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(b *testing.B) {
			h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
			if n := strings.Count(h.view(), "\n") + 1; n != sz.h {
				b.Fatalf("%d lines", n)
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = h.m.View()
			}
		})
	}
}

// BenchmarkViewSessions measures what a server does for one change on a
// board that many sessions show: every session takes in the new snapshot
// and draws its frame. One op is one change seen by all sessions; per
// session is op ÷ sessions. Each session loads its own snapshot, as over
// SSH, where each has its own store view.
func BenchmarkViewSessions(b *testing.B) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		b.Run(fmt.Sprintf("100x%dx%d", sz.w, sz.h), func(b *testing.B) {
			// Each run has a new store whose board versions start again:
			// panels kept from a newer version of the last run's board of
			// the same ID would never be replaced (panelcache.go).
			clearPanels()
			first, info := demo(b, i18n.NL, sz.w, sz.h)
			sessions := []*harness{first}
			for len(sessions) < 100 {
				sessions = append(sessions, start(b, first.s, Config{Lang: i18n.NL}, sz.w, sz.h))
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n++
				if _, err := first.s.Add(me, info.ID, &board.Parking{Text: fmt.Sprintf("Punt %d voor later", n)}); err != nil {
					b.Fatal(err)
				}
				for _, h := range sessions {
					snap, err := h.s.Board(info.ID)
					if err != nil {
						b.Fatal(err)
					}
					h.send(snapshotMsg{snap})
					_ = h.m.View()
				}
			}
		})
	}
}
