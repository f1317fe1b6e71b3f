package commands

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// EventSource lists calendar events for `export --what planning --format
// ics`: it gets the boards the export covers and the Env, whose View may
// reach records that live beside the boards (a duo's visits). A new kind
// of dated record is one more function in eventSources.
type EventSource func(env *Env, boards []*board.Board) ([]board.CalEvent, error)

// eventSources are the sources of the calendar export, in order.
var eventSources = []EventSource{boardEvents}

// boardEvents are each board's own dates (board.BoardEvents).
func boardEvents(env *Env, boards []*board.Board) ([]board.CalEvent, error) {
	var out []board.CalEvent
	for _, b := range boards {
		out = append(out, board.BoardEvents(b, env.Msg.CalLabels())...)
	}
	return out, nil
}

// calendarZone is where the weekly bordsessie keeps its wall-clock time:
// bord's schools are Dutch, and a series written in UTC would move an
// hour at every change to or from summer time. Without the zone database
// the series is written in UTC.
func calendarZone() *time.Location {
	if loc, err := time.LoadLocation("Europe/Amsterdam"); err == nil {
		return loc
	}
	return time.UTC
}

// exportICS writes the planning of boards as one iCalendar file. Every
// event's UID stays the same from export to export (board.CalUID), so a
// calendar that imports the file again updates its events instead of
// doubling them.
func exportICS(w io.Writer, env *Env, boards []*board.Board) error {
	var events []board.CalEvent
	for _, src := range eventSources {
		evs, err := src(env, boards)
		if err != nil {
			return err
		}
		events = append(events, evs...)
	}
	slices.SortStableFunc(events, func(a, b board.CalEvent) int {
		return cmp.Or(a.Start.Compare(b.Start), strings.Compare(a.UID, b.UID))
	})
	cal := ics.NewCalendarFor("verbeterbord//bord")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName("bord")
	stamp := env.Now().UTC()
	zone := calendarZone()
	if zone != time.UTC && slices.ContainsFunc(events, func(e board.CalEvent) bool { return !e.AllDay }) {
		addAmsterdam(cal)
	}
	for _, e := range events {
		ev := cal.AddEvent(e.UID)
		ev.SetDtStampTime(stamp)
		// Texts were cleaned on the way in; the calendar gets one line.
		ev.SetSummary(board.CleanLine(e.Summary, board.MaxLine))
		if e.Description != "" {
			ev.SetDescription(board.CleanText(e.Description, board.MaxText))
		}
		ev.SetSequence(int(min(e.Sequence, 1<<30)))
		switch {
		case e.AllDay:
			day := board.Day(e.Start)
			ev.SetAllDayStartAt(day)
			ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
		case zone != time.UTC:
			start := e.Start.In(zone)
			ev.SetProperty(ics.ComponentPropertyDtStart, start.Format("20060102T150405"), ics.WithTZID(zone.String()))
			ev.SetProperty(ics.ComponentPropertyDtEnd, start.Add(e.Duration).Format("20060102T150405"), ics.WithTZID(zone.String()))
		default:
			ev.SetStartAt(e.Start)
			ev.SetEndAt(e.Start.Add(e.Duration))
		}
		if e.Weekly {
			ev.AddRrule("FREQ=WEEKLY")
		}
	}
	return cal.SerializeTo(w)
}

// addAmsterdam describes the zone the timed events are written in: Outlook
// reads a TZID only with its VTIMEZONE (Google knows the name). The rules
// are the EU's since 1996: summer time from the last Sunday of March to
// the last Sunday of October.
func addAmsterdam(cal *ics.Calendar) {
	tz := cal.AddTimezone("Europe/Amsterdam")
	for _, r := range []struct {
		c                     ics.ComponentBase
		from, to, start, rule string
		name                  string
		daylight              bool
	}{
		{from: "+0100", to: "+0200", start: "19810329T020000", rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", name: "CEST", daylight: true},
		{from: "+0200", to: "+0100", start: "19961027T030000", rule: "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", name: "CET"},
	} {
		c := r.c
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), r.from)
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), r.to)
		c.SetProperty(ics.ComponentPropertyDtStart, r.start)
		c.SetProperty(ics.ComponentPropertyRrule, r.rule)
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzname), r.name)
		if r.daylight {
			tz.Components = append(tz.Components, &ics.Daylight{ComponentBase: c})
		} else {
			tz.Components = append(tz.Components, &ics.Standard{ComponentBase: c})
		}
	}
}

// planningBoards are the boards a calendar export covers: the one named,
// or every board in reach — a member's planning is all of their boards.
func planningBoards(env *Env, name string) ([]*board.Board, error) {
	infos, err := env.View.Boards()
	if err != nil {
		return nil, err
	}
	if name != "" {
		info, _, ok := board.PickBoard(infos, name)
		if !ok {
			return nil, fmt.Errorf(env.Msg.ErrNoBoardF, board.CleanLine(name, 60))
		}
		infos = []board.Info{info}
	}
	var out []*board.Board
	for _, in := range infos {
		b, err := env.View.Board(in.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// planning writes the calendar of the named board, or of every board in
// reach.
func planning(w io.Writer, env *Env, name string) error {
	boards, err := planningBoards(env, name)
	if err != nil {
		return err
	}
	return exportICS(w, env, boards)
}

// checkCalendar refuses what does not fit the calendar, saying what would:
// ics is the planning's only, and the planning is ics only. json is the
// owner's, on the server's command line (cmd/bord), which handles it
// before the shared export runs. The other formats are checkFormat's.
func checkCalendar(env *Env, what, format string) error {
	en := env.Msg.Lang == i18n.EN
	switch {
	case format == "ics" && what != "planning":
		if en {
			return fmt.Errorf("--format ics is the calendar of the planning: use --what planning --format ics")
		}
		return fmt.Errorf("--format ics is de agenda van de planning: gebruik --what planning --format ics")
	case format == "ics":
		return nil
	case what == "planning":
		if en {
			return fmt.Errorf("--what planning is a calendar file: add --format ics")
		}
		return fmt.Errorf("--what planning is een agendabestand: voeg --format ics toe")
	case format == "json":
		if en {
			return fmt.Errorf("--format json (the whole database) is only for the server's own command line: bord export --format json")
		}
		return fmt.Errorf("--format json (de hele database) kan alleen op de server zelf: bord export --format json")
	case slices.Contains([]string{"", "md", "markdown", "csv"}, format):
		return nil
	}
	if en {
		return fmt.Errorf("--format %q: use md, csv with --what measurements, or ics with --what planning", board.CleanLine(format, 20))
	}
	return fmt.Errorf("--format %q: gebruik md, csv met --what measurements, of ics met --what planning", board.CleanLine(format, 20))
}
