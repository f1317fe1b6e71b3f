package board

import (
	"fmt"
	"strings"
	"time"
)

// CalEvent is one date of a board as a calendar (Outlook, Google Agenda)
// shows it. UID is what makes a second import update the event instead of
// adding a copy: it is built from the board and the record only, never
// from a text or a date that can change.
type CalEvent struct {
	UID         string
	Summary     string
	Description string
	Start       time.Time
	// AllDay events fill Start's day; the others last Duration.
	AllDay   bool
	Duration time.Duration
	// Weekly repeats the event every week from Start (the bordsessie).
	Weekly bool
	// Sequence grows with the record's changes where the record counts
	// them (plan items), so a calendar that compares it takes the newer
	// one; for the rest the export's DTSTAMP decides.
	Sequence uint64
}

// CalLabels are the words the events need.
type CalLabels struct {
	Session, Retro, Arena, Facilitator, Group, Who string
}

// CalUID is the stable UID of record id of kind on board b. The board's
// creation time is part of it, so two bord files whose boards share an id
// never update each other's events in one calendar.
func CalUID(b *Board, kind string, id uint64) string {
	return fmt.Sprintf("bord-%d-%d-%s-%d@verbeterbord", b.CreatedAt.Unix(), b.ID, kind, id)
}

// BoardEvents are a board's dates: its planning, the weekly bordsessie
// (at the time of the last one), its retrospectives and its arenas.
func BoardEvents(b *Board, l CalLabels) []CalEvent {
	var out []CalEvent
	for _, p := range b.Planning {
		ev := CalEvent{UID: CalUID(b, "plan", p.ID), Summary: p.Text, Start: Day(p.Date), AllDay: true, Sequence: p.Version}
		if p.Who != "" {
			ev.Description = l.Who + ": " + p.Who
		}
		out = append(out, ev)
	}
	if n := len(b.Meetings); n > 0 {
		last := b.Meetings[n-1]
		out = append(out, CalEvent{UID: CalUID(b, "session", 0), Summary: l.Session + " · " + b.Name, Start: last.Started,
			Duration: cmpDuration(last.Duration, DefaultMeeting), Weekly: true, Sequence: uint64(n)})
	}
	for _, r := range b.Retros {
		ev := CalEvent{UID: CalUID(b, "retro", r.ID), Summary: l.Retro + ": " + r.Topic, Start: Day(r.Created), AllDay: true,
			Description: l.Facilitator + ": " + strings.Join(r.Led(), " → ")}
		if !r.Closed.IsZero() {
			ev.Start = Day(r.Closed)
		}
		out = append(out, ev)
	}
	for _, a := range b.Arenas {
		if a.Plan != 0 && b.Find(AreaPlanning, a.Plan) != nil {
			continue // announced by its planning item: one event, not two
		}
		// The topic and the group only: nothing of what pupils said goes
		// into a calendar, which lives outside bord.
		out = append(out, CalEvent{UID: CalUID(b, "arena", a.ID), Summary: l.Arena + ": " + a.Topic,
			Description: l.Group + ": " + a.Group, Start: Day(a.Date), AllDay: true})
	}
	return out
}

func cmpDuration(d, or time.Duration) time.Duration {
	if d <= 0 {
		return or
	}
	return d
}
