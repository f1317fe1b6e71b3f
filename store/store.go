package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/verbeterbord/bord/board"
	bolt "go.etcd.io/bbolt"
)

// Errors callers tell apart. The message catalog words each for the user.
// The item errors live in package board so that screens need not import the
// store; they are repeated here for callers of the store.
var (
	// ErrLocked: another process holds the database file. ReadHolder says
	// which.
	ErrLocked = errors.New("store: database is in use by another process")
	// ErrConflict: someone else changed the item since the user saw it.
	ErrConflict = board.ErrConflict
	// ErrNotFound: the team, board or item does not exist (any more).
	ErrNotFound = board.ErrNotFound
	// ErrExists: a team or board with that name exists already.
	ErrExists = board.ErrExists
	// ErrNotEmpty: import only loads into an empty database.
	ErrNotEmpty = errors.New("store: database is not empty")
	// ErrNewerSchema: the file was written by a newer bord.
	ErrNewerSchema = errors.New("store: database was written by a newer bord")
	// ErrNoDatabase: the file does not exist and Open was asked not to
	// create it (a mistyped path must not become a new, empty database).
	ErrNoDatabase = errors.New("store: no database file")
	// ErrCorrupt: the file is damaged (truncated, empty, failing bbolt's
	// check). Open found it before writing anything.
	ErrCorrupt = errors.New("store: database file is damaged")
	// ErrNotBord: the file is a bbolt file of some other program.
	ErrNotBord = errors.New("store: not a bord database")
)

// ConflictError is board.ConflictError: who changed the item, when, and how
// it is now.
type ConflictError = board.ConflictError

// Options tune Open. The zero value is fine for tests.
type Options struct {
	// Timeout is how long Open waits for another process to let go of the
	// file before it gives up with ErrLocked. Default 1s.
	Timeout time.Duration
	// Holder describes this process to a later one that finds the file
	// locked, e.g. "bord serve :2222". Empty means "bord".
	Holder string
	// Addr is where this process can be joined over ssh, if it serves.
	Addr string
	// Now is the clock; tests set it. Default time.Now.
	Now func() time.Time
	// ReadOnly opens an existing file for reading only: nothing is
	// migrated or written (not even the holder file) and every change
	// fails. For export, checks and looking at a backup.
	ReadOnly bool
	// NoCreate makes Open return ErrNoDatabase when the file does not
	// exist, instead of creating it.
	NoCreate bool
}

// Store is an open bord database. It is safe for concurrent use.
type Store struct {
	db   *dbRef // swapped by Compact
	path string
	now  func() time.Time
	feed feed

	// cache holds one snapshot per board, built on first read after a
	// change and shared read-only by every session showing that board.
	cacheMu sync.Mutex
	cache   map[uint64]*board.Board

	holderFile string
	created    bool
	// schema is the file's schema: SchemaVersion once opened for writing,
	// possibly older when opened read-only (nothing is migrated then).
	schema uint64
}

// Close closes the database. Subscribers get no more notices.
func (s *Store) Close() error {
	if s.holderFile != "" {
		os.Remove(s.holderFile)
	}
	return s.db.Close()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func btoi(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// Teams lists every team by id.
func (s *Store) Teams() ([]board.Team, error) {
	return viewed(s, func(tx *bolt.Tx) ([]board.Team, error) {
		return appendAll([]board.Team(nil), tx.Bucket(bucketTeams))
	})
}

// Team returns one team.
func (s *Store) Team(id uint64) (board.Team, error) {
	return viewed(s, func(tx *bolt.Tx) (board.Team, error) { return getTeam(tx, id) })
}

func getTeam(tx *bolt.Tx, id uint64) (board.Team, error) {
	var t board.Team
	v := tx.Bucket(bucketTeams).Get(itob(id))
	if v == nil {
		return t, ErrNotFound
	}
	return t, json.Unmarshal(v, &t)
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// CreateTeam adds a team with the given members.
func (s *Store) CreateTeam(actor, name string, members ...string) (board.Team, error) {
	t := board.Team{Name: board.CleanName(name)}
	if t.Name == "" {
		return t, &board.ValidationError{Field: "name", Problem: board.ProblemEmpty}
	}
	for _, m := range members {
		if m = board.CleanName(m); m != "" && !t.HasMember(m) {
			t.Members = append(t.Members, board.Member{Name: m})
		}
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return s.createTeamTx(tx, actor, &t) })
	return t, err
}

// createTeamTx is CreateTeam inside a running transaction.
func (s *Store) createTeamTx(tx *bolt.Tx, actor string, t *board.Team) error {
	teams := tx.Bucket(bucketTeams)
	if err := nameTaken(teams, t.Name, func(o *board.Team) string { return o.Name }); err != nil {
		return err
	}
	id, err := nextID(teams)
	if err != nil {
		return err
	}
	t.ID = id
	if err := putJSON(teams, itob(id), t); err != nil {
		return err
	}
	return s.audit(tx.Bucket(bucketAudit), Record{Actor: actor, Op: OpCreateTeam, TeamID: id, Label: t.Name})
}

// AddMember adds a member to a team; adding an existing member is a no-op.
func (s *Store) AddMember(actor string, teamID uint64, name string) (board.Team, error) {
	return s.changeTeam(actor, teamID, OpAddMember, name, func(t *board.Team, name string) bool {
		if t.HasMember(name) {
			return false
		}
		t.Members = append(t.Members, board.Member{Name: name})
		return true
	})
}

// RemoveMember removes a member from a team. Their actions keep their name.
func (s *Store) RemoveMember(actor string, teamID uint64, name string) (board.Team, error) {
	return s.changeTeam(actor, teamID, OpRemoveMember, name, func(t *board.Team, name string) bool {
		n := len(t.Members)
		t.Members = slices.DeleteFunc(t.Members, func(m board.Member) bool { return equalFold(m.Name, name) })
		return len(t.Members) != n
	})
}

func (s *Store) changeTeam(actor string, teamID uint64, op Op, name string, change func(*board.Team, string) bool) (board.Team, error) {
	name = board.CleanName(name)
	if name == "" {
		return board.Team{}, &board.ValidationError{Field: "name", Problem: board.ProblemEmpty}
	}
	var t board.Team
	var affected []uint64
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if t, err = getTeam(tx, teamID); err != nil {
			return err
		}
		if !change(&t, name) {
			return nil
		}
		if err := putJSON(tx.Bucket(bucketTeams), itob(teamID), t); err != nil {
			return err
		}
		// The team is part of every board snapshot: bump those boards.
		if err := bumpTeamBoards(tx, teamID, &affected); err != nil {
			return err
		}
		if op == OpRemoveMember {
			if err := dropVoter(tx, affected, name); err != nil {
				return err
			}
		}
		return s.audit(tx.Bucket(bucketAudit), Record{Actor: actor, Op: op, TeamID: teamID, Label: name})
	})
	if err == nil {
		for _, id := range affected {
			s.changed(id)
		}
	}
	return t, err
}

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }

// Boards lists the boards of a team, or of every team when teamID is 0.
func (s *Store) Boards(teamID uint64) ([]board.Info, error) {
	var infos []board.Info
	err := s.db.View(func(tx *bolt.Tx) error {
		boards := tx.Bucket(bucketBoards)
		return boards.ForEachBucket(func(k []byte) error {
			var info board.Info
			if err := json.Unmarshal(boards.Bucket(k).Get(keyInfo), &info); err != nil {
				return err
			}
			if teamID == 0 || info.TeamID == teamID {
				infos = append(infos, info)
			}
			return nil
		})
	})
	return infos, err
}

// CreateBoard adds an empty board to a team.
func (s *Store) CreateBoard(actor string, teamID uint64, name string) (board.Info, error) {
	info := board.Info{TeamID: teamID, Name: board.CleanName(name), CreatedAt: s.now()}
	if info.Name == "" {
		return info, &board.ValidationError{Field: "name", Problem: board.ProblemEmpty}
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return s.createBoardTx(tx, actor, &info) })
	return info, err
}

// createBoardTx is CreateBoard inside a running transaction.
func (s *Store) createBoardTx(tx *bolt.Tx, actor string, info *board.Info) error {
	teamID := info.TeamID
	if _, err := getTeam(tx, teamID); err != nil {
		return err
	}
	boards := tx.Bucket(bucketBoards)
	err := boards.ForEachBucket(func(k []byte) error {
		var other board.Info
		if json.Unmarshal(boards.Bucket(k).Get(keyInfo), &other) == nil &&
			other.TeamID == teamID && equalFold(other.Name, info.Name) {
			return ErrExists
		}
		return nil
	})
	if err != nil {
		return err
	}
	id, err := nextID(boards)
	if err != nil {
		return err
	}
	info.ID = id
	bb, err := createBoardBuckets(boards, id)
	if err != nil {
		return err
	}
	if err := putJSON(bb, keyInfo, info); err != nil {
		return err
	}
	return s.audit(bb.Bucket(bucketAudit), Record{Actor: actor, Op: OpCreateBoard, TeamID: teamID, BoardID: id, Label: info.Name})
}

func createBoardBuckets(boards *bolt.Bucket, id uint64) (*bolt.Bucket, error) {
	bb, err := boards.CreateBucket(itob(id))
	if err != nil {
		return nil, err
	}
	for _, a := range board.Areas {
		if _, err := bb.CreateBucket([]byte(a)); err != nil {
			return nil, err
		}
	}
	if _, err := bb.CreateBucket(bucketAudit); err != nil {
		return nil, err
	}
	return bb, bb.Put(keyVersion, itob(0))
}

func boardBucket(tx *bolt.Tx, id uint64) (*bolt.Bucket, error) {
	bb := tx.Bucket(bucketBoards).Bucket(itob(id))
	if bb == nil {
		return nil, ErrNotFound
	}
	return bb, nil
}

// Board returns the current snapshot of a board. Snapshots are shared: the
// caller must not modify it.
func (s *Store) Board(id uint64) (*board.Board, error) {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	if b, ok := s.cache[id]; ok {
		return b, nil
	}
	b, err := viewed(s, func(tx *bolt.Tx) (*board.Board, error) { return readBoard(tx, id) })
	if err != nil {
		return nil, err
	}
	s.cache[id] = b
	return b, nil
}

func readBoard(tx *bolt.Tx, id uint64) (*board.Board, error) {
	bb, err := boardBucket(tx, id)
	if err != nil {
		return nil, err
	}
	b := &board.Board{Version: btoi(bb.Get(keyVersion))}
	if err := json.Unmarshal(bb.Get(keyInfo), &b.Info); err != nil {
		return nil, err
	}
	if b.Team, err = getTeam(tx, b.TeamID); err != nil {
		return nil, err
	}
	for _, a := range board.Areas {
		err := bb.Bucket([]byte(a)).ForEach(func(_, v []byte) error {
			it := board.NewItem(a)
			if err := json.Unmarshal(v, it); err != nil {
				return err
			}
			b.Add(it)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if b.Meetings, err = appendAll(b.Meetings, bb.Bucket(bucketMeetings)); err != nil {
		return nil, err
	}
	if err := readRetros(bb, b); err != nil {
		return nil, err
	}
	if err := readArenas(bb, b); err != nil {
		return nil, err
	}
	if b.Speerpunten, err = appendAll(b.Speerpunten, tx.Bucket(bucketSpeerpunten)); err != nil {
		return nil, err
	}
	if b.PlanYears, err = appendAll(b.PlanYears, bb.Bucket(bucketPlan)); err != nil {
		return nil, err
	}
	return b, nil
}

// Subscribe returns a subscription to changes of a board.
func (s *Store) Subscribe(boardID uint64) *Subscription { return s.feed.add(boardID) }

// Watchers is how many subscriptions a board has.
func (s *Store) Watchers(boardID uint64) int { return s.feed.count(boardID) }

// changed drops the cached snapshot and tells subscribers. It runs after
// commit; the cache lock orders it after any snapshot being built from the
// old state, so a stale snapshot never outlives its invalidation.
func (s *Store) changed(boardID uint64) {
	s.cacheMu.Lock()
	delete(s.cache, boardID)
	s.cacheMu.Unlock()
	var v uint64
	_ = s.db.View(func(tx *bolt.Tx) error {
		if bb, err := boardBucket(tx, boardID); err == nil {
			v = btoi(bb.Get(keyVersion))
		}
		return nil
	})
	s.feed.publish(boardID, v)
}

// SetCheckIn records actor's mood for the current week, replacing an earlier
// one of the same week. A check-in is only ever changed by its own person, so
// it needs no version check.
func (s *Store) SetCheckIn(actor string, boardID uint64, mood board.Mood, word string) (board.CheckIn, error) {
	actor = board.CleanName(actor)
	c := board.CheckIn{Who: actor, Week: board.WeekOf(s.now()), Mood: mood, Word: word}
	var out board.CheckIn
	err := s.update(boardID, func(bb *bolt.Bucket) error {
		if err := s.setCheckInTx(bb, actor, boardID, &c); err != nil {
			return err
		}
		out = c
		return nil
	})
	return out, err
}

// setCheckInTx is SetCheckIn inside a running transaction; it fills in c's
// meta.
func (s *Store) setCheckInTx(bb *bolt.Bucket, actor string, boardID uint64, c *board.CheckIn) error {
	t, err := teamOf(bb)
	if err != nil {
		return err
	}
	c.Clean()
	if err := c.Check(t, s.now(), true); err != nil {
		return err
	}
	items := bb.Bucket([]byte(board.AreaCheckIn))
	now := s.now()
	var before []byte
	c.Meta = board.Meta{Version: 1, CreatedBy: actor, CreatedAt: now, UpdatedBy: actor, UpdatedAt: now}
	err = items.ForEach(func(k, v []byte) error {
		var old board.CheckIn
		if json.Unmarshal(v, &old) == nil && old.Week == c.Week && equalFold(old.Who, c.Who) {
			before = slices.Clone(v)
			c.Meta = old.Meta
			c.Version++
			c.UpdatedBy, c.UpdatedAt = actor, now
		}
		return nil
	})
	if err != nil {
		return err
	}
	if c.ID == 0 {
		id, err := nextID(items)
		if err != nil {
			return err
		}
		c.ID = id
	}
	return s.putAudited(items, itob(c.ID), c, bb.Bucket(bucketAudit), Record{Actor: actor, Op: OpCheckIn, BoardID: boardID, Area: board.AreaCheckIn, ItemID: c.ID, Label: c.Label(), Before: before})
}

// Check runs bbolt's consistency check over the whole file, as Open does
// before it writes to a file.
func (s *Store) Check() error {
	return guard(s.path, func() error {
		return s.db.View(func(tx *bolt.Tx) error { return checkTx(tx, s.path) })
	})
}
