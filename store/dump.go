package store

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// DumpFormat names the JSON export format and its version.
const DumpFormat = "bord-export/1"

// Dump is the whole database as JSON: every team, every board with all its
// items and its audit history, and the sequences that hand out ids, so an
// import continues exactly where the export left off.
type Dump struct {
	Format    string       `json:"format"`
	Schema    uint64       `json:"schema"`
	Teams     []board.Team `json:"teams"`
	TeamSeq   uint64       `json:"team_seq"`
	TeamAudit []Record     `json:"team_audit"`
	Boards    []DumpBoard  `json:"boards"`
	BoardSeq  uint64       `json:"board_seq"`
	// Duos are the lesson-design duos as stored (duo_dump.go).
	Duos   []json.RawMessage `json:"duos,omitempty"`
	DuoSeq uint64            `json:"duo_seq,omitempty"`
	// Speerpunten are the network's, as stored (schema 4 on).
	Speerpunten  []json.RawMessage `json:"speerpunten,omitempty"`
	SpeerpuntSeq uint64            `json:"speerpunt_seq,omitempty"`
}

// DumpBoard is one board in a Dump.
type DumpBoard struct {
	Info    board.Info                       `json:"info"`
	Version uint64                           `json:"version"`
	Items   map[board.Area][]json.RawMessage `json:"items"`
	Seqs    map[board.Area]uint64            `json:"seqs"`
	Audit   []Record                         `json:"audit"`
	// Meetings are the board's bordsessies as stored.
	Meetings   []json.RawMessage `json:"meetings,omitempty"`
	MeetingSeq uint64            `json:"meeting_seq,omitempty"`
	Retros     []json.RawMessage `json:"retros,omitempty"`
	RetroSeq   uint64            `json:"retro_seq,omitempty"`
	Arenas     []json.RawMessage `json:"arenas,omitempty"`
	ArenaSeq   uint64            `json:"arena_seq,omitempty"`
	// Plan holds the board's plan years (board.PlanYear).
	Plan []json.RawMessage `json:"plan,omitempty"`
}

// Export writes the whole database as indented JSON.
func (s *Store) Export(w io.Writer) error {
	d, err := s.dump()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// ExportWithoutNotes writes the database as Export does, without the raw
// notes of any arena (what pupils said, which may hold their names): a copy
// that may leave the school. The arenas keep their questions, themes, ideas
// and report-back, and say when their notes were left out.
func (s *Store) ExportWithoutNotes(w io.Writer) error {
	d, err := s.dump()
	if err != nil {
		return err
	}
	for i := range d.Boards {
		for j, raw := range d.Boards[i].Arenas {
			var a board.Arena
			if err := json.Unmarshal(raw, &a); err != nil {
				return err
			}
			if len(a.Notes) > 0 {
				a.Notes, a.NotesDeleted = nil, s.now()
			}
			if d.Boards[i].Arenas[j], err = json.Marshal(a); err != nil {
				return err
			}
		}
	}
	if err := stripObservations(d, s.now()); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

func (s *Store) dump() (*Dump, error) {
	d := &Dump{Format: DumpFormat, Schema: s.schema, Teams: []board.Team{}, TeamAudit: []Record{}, Boards: []DumpBoard{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		teams := tx.Bucket(bucketTeams)
		d.TeamSeq = teams.Sequence()
		var err error
		if d.Teams, err = appendAll(d.Teams, teams); err != nil {
			return err
		}
		if d.TeamAudit, err = readRecords(tx.Bucket(bucketAudit)); err != nil {
			return err
		}
		if err := dumpRaw(tx.Bucket(bucketDuos), &d.DuoSeq, &d.Duos); err != nil {
			return err
		}
		if err := dumpRaw(tx.Bucket(bucketSpeerpunten), &d.SpeerpuntSeq, &d.Speerpunten); err != nil {
			return err
		}
		boards := tx.Bucket(bucketBoards)
		d.BoardSeq = boards.Sequence()
		return boards.ForEachBucket(func(k []byte) error {
			var err error
			bb := boards.Bucket(k)
			db := DumpBoard{Version: btoi(bb.Get(keyVersion)), Items: map[board.Area][]json.RawMessage{}, Seqs: map[board.Area]uint64{}}
			if err := json.Unmarshal(bb.Get(keyInfo), &db.Info); err != nil {
				return err
			}
			for _, a := range board.Areas {
				items := bb.Bucket([]byte(a))
				db.Seqs[a] = items.Sequence()
				if db.Items[a], err = appendRaw([]json.RawMessage{}, items); err != nil {
					return err
				}
			}
			for _, r := range []struct {
				bucket []byte
				seq    *uint64
				raws   *[]json.RawMessage
			}{
				{bucketArenas, &db.ArenaSeq, &db.Arenas},
				{bucketRetros, &db.RetroSeq, &db.Retros},
				{bucketMeetings, &db.MeetingSeq, &db.Meetings},
				{bucketPlan, nil, &db.Plan}, // keyed by year: no sequence
			} {
				if err := dumpRaw(bb.Bucket(r.bucket), r.seq, r.raws); err != nil {
					return err
				}
			}
			db.Audit, err = readRecords(bb.Bucket(bucketAudit))
			d.Boards = append(d.Boards, db)
			return err
		})
	})
	return d, err
}

// dumpRaw adds the records of bucket b to *raws, as stored, and its
// sequence to *seq (nil: a bucket without one); a missing bucket (a board
// that never had an arena) adds nothing.
func dumpRaw(b *bolt.Bucket, seq *uint64, raws *[]json.RawMessage) (err error) {
	if b == nil {
		return nil
	}
	if seq != nil {
		*seq = b.Sequence()
	}
	*raws, err = appendRaw(*raws, b)
	return err
}

func readRecords(b *bolt.Bucket) ([]Record, error) {
	return appendAll([]Record{}, b)
}

// Import loads a JSON export into this database, which must be empty. The
// whole export is checked first (format and schema, id ranges and
// uniqueness, references, known values, nothing after the JSON); a
// *DumpError lists every problem by path and nothing is written. Every text
// is sanitized again on the way in: an export file is user input too. An
// export of an older schema first gets what Open's migrations would give
// it: before the check, actions lose links to goals that no longer exist
// (older bord left those); in the import's transaction, the other steps.
func (s *Store) Import(r io.Reader) error {
	var d Dump
	dec := json.NewDecoder(r)
	if err := dec.Decode(&d); err != nil {
		return fmt.Errorf("store: reading export: %w", err)
	}
	unlinkDanglingGoals(&d)
	problems := checkDump(&d)
	// A second document or stray bytes after the export mean the file is
	// not what was exported.
	if _, err := dec.Token(); err != io.EOF {
		problems = append(problems, DumpProblem{Path: "(end)", Kind: DumpTrailing, Value: fmt.Sprintf("offset %d", dec.InputOffset())})
	}
	if len(problems) > 0 {
		return &DumpError{Problems: problems}
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		teams, boards := tx.Bucket(bucketTeams), tx.Bucket(bucketBoards)
		if k, _ := teams.Cursor().First(); k != nil {
			return ErrNotEmpty
		}
		if k, _ := boards.Cursor().First(); k != nil {
			return ErrNotEmpty
		}
		// A sequence below an imported id (a hand-edited export) would make
		// a later add reuse that id and overwrite what it names, so every
		// sequence is raised to at least the highest id imported.
		lastTeam, lastBoard := d.TeamSeq, d.BoardSeq
		for _, t := range d.Teams {
			lastTeam = max(lastTeam, t.ID)
			t.Name = board.CleanName(t.Name)
			for i := range t.Members {
				t.Members[i].Name = board.CleanName(t.Members[i].Name)
			}
			if err := putJSON(teams, itob(t.ID), t); err != nil {
				return err
			}
		}
		if err := teams.SetSequence(lastTeam); err != nil {
			return err
		}
		if err := putRecords(tx.Bucket(bucketAudit), d.TeamAudit); err != nil {
			return err
		}
		if err := putSpeerpunten(tx, d); err != nil {
			return err
		}
		for _, db := range d.Boards {
			lastBoard = max(lastBoard, db.Info.ID)
			if err := importBoard(boards, db); err != nil {
				return err
			}
		}
		if err := boards.SetSequence(lastBoard); err != nil {
			return err
		}
		if err := importDuos(tx, &d); err != nil {
			return err
		}
		// An export of an older file is brought to this schema in the same
		// transaction, as Open does with the file.
		for v := d.Schema; v < SchemaVersion; v++ {
			if err := migrations[v-1](tx); err != nil {
				return fmt.Errorf("store: migrating the export from schema %d to %d: %w", v, v+1, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, db := range d.Boards {
		s.changed(db.Info.ID)
	}
	return nil
}

// importBoard loads one board of a checked export: its info, items,
// audit history and records, every text cleaned.
func importBoard(boards *bolt.Bucket, db DumpBoard) error {
	db.Info.Name = board.CleanName(db.Info.Name)
	bb, err := createBoardBuckets(boards, db.Info.ID)
	if err != nil {
		return fmt.Errorf("store: board %d: %w", db.Info.ID, err)
	}
	if err := putJSON(bb, keyInfo, db.Info); err != nil {
		return err
	}
	if err := bb.Put(keyVersion, itob(db.Version)); err != nil {
		return err
	}
	for area, raws := range db.Items {
		items := bb.Bucket([]byte(area))
		if items == nil {
			return fmt.Errorf("store: unknown area %q", area)
		}
		last, err := putEach(items, raws, func() board.Item { return board.NewItem(area) }, cleanItem, itemID)
		if err != nil {
			return err
		}
		if err := items.SetSequence(max(db.Seqs[area], last)); err != nil {
			return err
		}
	}
	if err := putRecords(bb.Bucket(bucketAudit), db.Audit); err != nil {
		return err
	}
	return putRecordsOf(bb, db)
}

// cleanItem cleans an imported item's texts, and the names of who made
// and last changed it: they are shown too ("changed by ...").
func cleanItem(it board.Item) {
	it.Clean()
	m := it.Base()
	m.CreatedBy, m.UpdatedBy = board.CleanName(m.CreatedBy), board.CleanName(m.UpdatedBy)
}

func putRecords(b *bolt.Bucket, recs []Record) error {
	var last uint64
	for _, r := range recs {
		r.clean()
		if err := putJSON(b, itob(r.Seq), r); err != nil {
			return err
		}
		last = max(last, r.Seq)
	}
	return b.SetSequence(last)
}

// putCleaned loads one kind of a board's records (arenas, retrospectives,
// bordsessies) from an export into its sub-bucket, cleaning every text in
// them: an export file is user input.
func putCleaned[T any, P interface {
	*T
	Clean()
}](bb *bolt.Bucket, bucket []byte, raws []json.RawMessage, seq uint64, id func(*T) uint64) error {
	b, err := bb.CreateBucketIfNotExists(bucket)
	if err != nil {
		return err
	}
	if _, err := putEach(b, raws, fresh[T], func(v *T) { P(v).Clean() }, id); err != nil {
		return err
	}
	return b.SetSequence(seq)
}

// putEach stores every record of raws in b under its id, decoded into
// what decodeTo makes and cleaned by clean, and returns the highest id.
func putEach[P any](b *bolt.Bucket, raws []json.RawMessage, decodeTo func() P, clean func(P), id func(P) uint64) (last uint64, err error) {
	for _, raw := range raws {
		v := decodeTo()
		if err := json.Unmarshal(raw, v); err != nil {
			return last, err
		}
		clean(v)
		if err := putJSON(b, itob(id(v)), v); err != nil {
			return last, err
		}
		last = max(last, id(v))
	}
	return last, nil
}

func fresh[T any]() *T { return new(T) }

func itemID(it board.Item) uint64 { return it.Base().ID }

// putRaised loads a root bucket's records from an export (speerpunten,
// duos), each cleaned by clean, with the bucket's sequence raised to at
// least the highest id (see Import).
func putRaised[T any](tx *bolt.Tx, bucket []byte, raws []json.RawMessage, seq uint64, clean func(*T), id func(*T) uint64) error {
	b, err := tx.CreateBucketIfNotExists(bucket)
	if err != nil {
		return err
	}
	last, err := putEach(b, raws, fresh[T], clean, id)
	if err != nil {
		return err
	}
	return b.SetSequence(max(seq, last))
}

// putRecordsOf loads a board's arenas, retrospectives and bordsessies; a
// kind the export has none of gets no bucket, as on a board that never had
// one.
func putRecordsOf(bb *bolt.Bucket, db DumpBoard) error {
	if len(db.Arenas) > 0 {
		if err := putCleaned(bb, bucketArenas, db.Arenas, db.ArenaSeq, func(a *board.Arena) uint64 { return a.ID }); err != nil {
			return err
		}
	}
	if len(db.Retros) > 0 {
		if err := putCleaned(bb, bucketRetros, db.Retros, db.RetroSeq, func(r *board.Retro) uint64 { return r.ID }); err != nil {
			return err
		}
	}
	if len(db.Plan) > 0 {
		if err := putCleaned(bb, bucketPlan, db.Plan, 0, func(p *board.PlanYear) uint64 { return uint64(p.Year) }); err != nil {
			return err
		}
	}
	if len(db.Meetings) > 0 {
		return putCleaned(bb, bucketMeetings, db.Meetings, db.MeetingSeq, func(m *board.Meeting) uint64 { return m.ID })
	}
	return nil
}

// putSpeerpunten loads the network's speerpunten, cleaned, with their
// sequence raised to at least the highest id (see Import).
func putSpeerpunten(tx *bolt.Tx, d Dump) error {
	return putRaised(tx, bucketSpeerpunten, d.Speerpunten, d.SpeerpuntSeq, func(sp *board.Speerpunt) { cleanItem(sp) }, func(sp *board.Speerpunt) uint64 { return sp.ID })
}
