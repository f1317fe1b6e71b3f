package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/verbeterbord/bord/board"
)

// MaxID is the highest id or sequence number bord hands out or imports.
// Capping imports here leaves 2⁶⁴−2⁵³ numbers of room, so allocation can
// never wrap around onto existing ids, and every id stays exact in JSON
// readers that use floating point.
const MaxID = 1<<53 - 1

// ErrIDsExhausted: a bucket has handed out MaxID ids; bord refuses to wrap
// around and overwrite the first ones.
var ErrIDsExhausted = errors.New("store: no ids left")

// ErrBadDump: an export file failed its check; the DumpError says where.
var ErrBadDump = errors.New("store: the export is not valid")

// ProblemKind is what is wrong at a path of an export.
type ProblemKind string

// The problems the import check reports.
const (
	DumpRange      ProblemKind = "range"      // an id or sequence is 0 or above MaxID
	DumpDuplicate  ProblemKind = "duplicate"  // an id occurs twice where it must be unique
	DumpMissing    ProblemKind = "missing"    // a reference to something not in the export
	DumpUnknown    ProblemKind = "unknown"    // a format, schema, area or status bord does not know
	DumpUnreadable ProblemKind = "unreadable" // JSON that does not fit the field
	DumpTrailing   ProblemKind = "trailing"   // more after the export's JSON
)

// DumpProblem is one thing wrong in an export, by path, e.g.
// boards[0].items.action[3].id.
type DumpProblem struct {
	Path  string
	Kind  ProblemKind
	Value string
}

func (p DumpProblem) String() string {
	if p.Value == "" {
		return fmt.Sprintf("%s: %s", p.Path, p.Kind)
	}
	return fmt.Sprintf("%s: %s (%s)", p.Path, p.Kind, p.Value)
}

// DumpError is every problem found in an export. Import writes nothing
// when there is one.
type DumpError struct{ Problems []DumpProblem }

func (e *DumpError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return ErrBadDump.Error() + ": " + strings.Join(lines, "; ")
}

// Is makes errors.Is(err, ErrBadDump) true.
func (e *DumpError) Is(target error) bool { return target == ErrBadDump }

// dumpCheck collects the problems of one export.
type dumpCheck struct {
	problems    []DumpProblem
	speerpunten map[uint64]bool // the export's, for the goals' links
}

func (c *dumpCheck) add(path string, kind ProblemKind, value any) {
	c.problems = append(c.problems, DumpProblem{Path: path, Kind: kind, Value: fmt.Sprint(value)})
}

// id checks an id: 1…MaxID, and unique in seen when seen is not nil.
func (c *dumpCheck) id(path string, v uint64, seen map[uint64]bool) {
	if v == 0 || v > MaxID {
		c.add(path, DumpRange, v)
		return
	}
	if seen != nil {
		if seen[v] {
			c.add(path, DumpDuplicate, v)
		}
		seen[v] = true
	}
}

// seq checks a sequence or counter: 0…MaxID.
func (c *dumpCheck) seq(path string, v uint64) {
	if v > MaxID {
		c.add(path, DumpRange, v)
	}
}

// below checks that an id lies below the counter that hands out the next
// one; otherwise the next card or note would take its id.
func (c *dumpCheck) below(path string, id, next uint64) {
	if id != 0 && id <= MaxID && id >= next {
		c.add(path, DumpRange, fmt.Sprintf("%d, next_id %d", id, next))
	}
}

func (c *dumpCheck) records(path string, recs []Record) {
	seen := map[uint64]bool{}
	for i, r := range recs {
		c.id(fmt.Sprintf("%s[%d].seq", path, i), r.Seq, seen)
	}
}

// checkDump validates a whole export before anything is written: versions,
// id ranges and uniqueness, references and known values. Texts are not
// checked here; Import cleans them.
func checkDump(d *Dump) []DumpProblem {
	c := &dumpCheck{}
	if d.Format != DumpFormat {
		c.add("format", DumpUnknown, d.Format)
	}
	if d.Schema < 1 || d.Schema > SchemaVersion {
		c.add("schema", DumpUnknown, d.Schema)
	}
	c.seq("team_seq", d.TeamSeq)
	c.seq("board_seq", d.BoardSeq)
	teams := map[uint64]bool{}
	for i, t := range d.Teams {
		c.id(fmt.Sprintf("teams[%d].id", i), t.ID, teams)
	}
	c.records("team_audit", d.TeamAudit)
	c.seq("speerpunt_seq", d.SpeerpuntSeq)
	c.speerpunten = map[uint64]bool{}
	eachRecord(c, "speerpunten", d.Speerpunten, func(s *board.Speerpunt) uint64 { return s.ID }, func(p string, s *board.Speerpunt) {
		c.speerpunten[s.ID] = true
	})
	boards := map[uint64]bool{}
	for i := range d.Boards {
		c.board(fmt.Sprintf("boards[%d]", i), &d.Boards[i], teams, boards)
	}
	c.duos(d, teams)
	return c.problems
}

func (c *dumpCheck) board(path string, db *DumpBoard, teams, boards map[uint64]bool) {
	c.id(path+".info.id", db.Info.ID, boards)
	if !teams[db.Info.TeamID] {
		c.add(path+".info.team_id", DumpMissing, db.Info.TeamID)
	}
	c.seq(path+".version", db.Version)
	for area, v := range db.Seqs {
		if !slices.Contains(board.Areas, area) {
			c.add(path+".seqs."+string(area), DumpUnknown, area)
		}
		c.seq(path+".seqs."+string(area), v)
	}
	goals := map[uint64]bool{}
	var actions []*board.Action
	var actionPaths []string
	// Goals first, whatever order the map gives: actions refer to them.
	areas := slices.SortedFunc(func(yield func(board.Area) bool) {
		for a := range db.Items {
			if !yield(a) {
				return
			}
		}
	}, func(a, b board.Area) int { return slices.Index(board.Areas, a) - slices.Index(board.Areas, b) })
	for _, area := range areas {
		apath := path + ".items." + string(area)
		if !slices.Contains(board.Areas, area) {
			c.add(apath, DumpUnknown, area)
			continue
		}
		ids := map[uint64]bool{}
		for i, raw := range db.Items[area] {
			ipath := fmt.Sprintf("%s[%d]", apath, i)
			it := board.NewItem(area)
			if err := json.Unmarshal(raw, it); err != nil {
				c.add(ipath, DumpUnreadable, err)
				continue
			}
			c.id(ipath+".id", it.Base().ID, ids)
			c.seq(ipath+".version", it.Base().Version)
			switch v := it.(type) {
			case *board.Goal:
				goals[v.ID] = true
				if v.Status != "" && !slices.Contains(board.GoalStatuses, v.Status) {
					c.add(ipath+".status", DumpUnknown, v.Status)
				}
				if v.SpeerpuntID != 0 && !c.speerpunten[v.SpeerpuntID] {
					c.add(ipath+".speerpunt_id", DumpMissing, v.SpeerpuntID)
				}
			case *board.Action:
				actions, actionPaths = append(actions, v), append(actionPaths, ipath)
				if v.Status != "" && !slices.Contains(board.Statuses, v.Status) {
					c.add(ipath+".status", DumpUnknown, v.Status)
				}
				if !slices.Contains([]board.Origin{"", board.OriginBoard, board.OriginRetro, board.OriginArena}, v.Origin) {
					c.add(ipath+".origin", DumpUnknown, v.Origin)
				}
			case *board.CheckIn:
				if !slices.Contains([]board.Mood{board.MoodGood, board.MoodSoSo, board.MoodNotOK}, v.Mood) {
					c.add(ipath+".mood", DumpUnknown, v.Mood)
				}
			}
		}
	}
	for i, a := range actions {
		if a.GoalID != 0 && !goals[a.GoalID] {
			c.add(actionPaths[i]+".goal_id", DumpMissing, a.GoalID)
		}
	}
	c.records(path+".audit", db.Audit)
	c.seq(path+".meeting_seq", db.MeetingSeq)
	c.seq(path+".retro_seq", db.RetroSeq)
	c.seq(path+".arena_seq", db.ArenaSeq)
	c.meetings(path+".meetings", db.Meetings)
	c.retros(path+".retros", db.Retros)
	c.arenas(path+".arenas", db.Arenas)
	eachRecord(c, path+".plan", db.Plan, func(p *board.PlanYear) uint64 { return uint64(p.Year) }, func(p string, y *board.PlanYear) {
		if y.Year < board.MinPlanYear || y.Year > board.MaxPlanYear {
			c.add(p+".year", DumpRange, y.Year)
		}
		if y.Phase != board.BKANone && !y.Phase.Valid() {
			c.add(p+".phase", DumpUnknown, y.Phase)
		}
	})
}

func (c *dumpCheck) meetings(path string, raws []json.RawMessage) {
	eachRecord(c, path, raws, func(m *board.Meeting) uint64 { return m.ID }, func(string, *board.Meeting) {})
}

func (c *dumpCheck) retros(path string, raws []json.RawMessage) {
	eachRecord(c, path, raws, func(r *board.Retro) uint64 { return r.ID }, func(p string, r *board.Retro) {
		c.seq(p+".next_id", r.NextID)
		if !slices.Contains(board.Phases, r.Phase) {
			c.add(p+".phase", DumpUnknown, r.Phase)
		}
		cards := map[uint64]bool{}
		for j, card := range r.Cards {
			c.part(p, "cards", j, card.ID, cards, r.NextID)
		}
		for id, st := range r.Review {
			if !slices.Contains(board.Statuses, st) {
				c.add(fmt.Sprintf("%s.review.%d", p, id), DumpUnknown, st)
			}
		}
	})
}

func (c *dumpCheck) arenas(path string, raws []json.RawMessage) {
	eachRecord(c, path, raws, func(a *board.Arena) uint64 { return a.ID }, func(p string, a *board.Arena) {
		c.seq(p+".next_id", a.NextID)
		// Questions, notes, themes and ideas share the arena's NextID.
		inner := map[uint64]bool{}
		questions := map[uint64]bool{}
		for j, q := range a.Questions {
			c.part(p, "questions", j, q.ID, inner, a.NextID)
			questions[q.ID] = true
		}
		for j, n := range a.Notes {
			c.part(p, "notes", j, n.ID, inner, a.NextID)
			if !questions[n.Question] {
				c.add(fmt.Sprintf("%s.notes[%d].question", p, j), DumpMissing, n.Question)
			}
		}
		for j, t := range a.Themes {
			c.part(p, "themes", j, t.ID, inner, a.NextID)
		}
		for j, idea := range a.Ideas {
			c.part(p, "ideas", j, idea.ID, inner, a.NextID)
		}
	})
}

// eachRecord reads every record of one list of a board (meetings, retros,
// arenas), reports the unreadable and a repeated id, and hands the rest,
// with its path, to check.
func eachRecord[T any](c *dumpCheck, path string, raws []json.RawMessage, id func(*T) uint64, check func(p string, v *T)) {
	ids := map[uint64]bool{}
	for i, raw := range raws {
		p := fmt.Sprintf("%s[%d]", path, i)
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			c.add(p, DumpUnreadable, err)
			continue
		}
		c.id(p+".id", id(&v), ids)
		check(p, &v)
	}
}

// part checks the id of element j of a record's list: unique among seen,
// and below the record's NextID.
func (c *dumpCheck) part(p, list string, j int, id uint64, seen map[uint64]bool, next uint64) {
	q := fmt.Sprintf("%s.%s[%d].id", p, list, j)
	c.id(q, id, seen)
	c.below(q, id, next)
}
