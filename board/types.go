package board

import (
	"slices"
	"strings"
	"time"
)

// Team is a group of people that owns boards. Members are known by display
// name; owners of actions must be members.
type Team struct {
	ID      uint64   `json:"id"`
	Name    string   `json:"name"`
	Members []Member `json:"members"`
	// Formats are the team's own retrospective columns, saved when a
	// retrospective first used them.
	Formats [][]string `json:"formats,omitempty"`
}

// Member is one person in a team. Keys are the SHA256 fingerprints of the
// SSH keys this person joins with; one key belongs to one person.
type Member struct {
	Name string   `json:"name"`
	Keys []string `json:"keys,omitempty"`
}

// HasKey reports whether fingerprint is one of the member's keys.
func (m Member) HasKey(fingerprint string) bool {
	return slices.Contains(m.Keys, fingerprint)
}

// HasMember reports whether name (case-insensitive) is a member of t.
func (t Team) HasMember(name string) bool {
	return t.Member(name) != ""
}

// Member returns the member's name as stored, or "" when name is not a member.
func (t Team) Member(name string) string {
	for _, m := range t.Members {
		if strings.EqualFold(m.Name, strings.TrimSpace(name)) {
			return m.Name
		}
	}
	return ""
}

// KeyHolder is the name of the member fingerprint belongs to, or "".
func (t Team) KeyHolder(fingerprint string) string {
	for _, m := range t.Members {
		if m.HasKey(fingerprint) {
			return m.Name
		}
	}
	return ""
}

// MemberNames lists the members' names in their stored order.
func (t Team) MemberNames() []string {
	names := make([]string, len(t.Members))
	for i, m := range t.Members {
		names[i] = m.Name
	}
	return names
}

// Info is what identifies a board without its contents.
type Info struct {
	ID        uint64    `json:"id"`
	TeamID    uint64    `json:"team_id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
	// RetentionDays is how long raw arena notes are kept after an arena
	// (0: DefaultRetentionDays).
	RetentionDays int `json:"retention_days,omitempty"`
}

// Board is a read-only snapshot of one board at one version. The store builds
// it once per change and shares it among every session that shows the board,
// so nothing may modify a Board after it is built.
type Board struct {
	Info
	Team Team `json:"team"`
	// Version counts the changes made to the board; it only grows.
	Version   uint64     `json:"version"`
	CheckIns  []CheckIn  `json:"checkins"`
	Successes []Success  `json:"successes"`
	Goals     []Goal     `json:"goals"`
	Actions   []Action   `json:"actions"`
	Planning  []PlanItem `json:"planning"`
	Parking   []Parking  `json:"parking"`
	// Meetings are the board's bordsessies, oldest first; the last one may
	// be running.
	Meetings []Meeting `json:"meetings,omitempty"`
	// Retros are the board's retrospectives, oldest first.
	Retros []Retro `json:"retros,omitempty"`
	// Arenas are the board's leerlingarena's, oldest first.
	Arenas []Arena `json:"arenas,omitempty"`
	// Speerpunten are the network's strategic priorities (shared by every
	// team's board), by id; PlanYears the board's plan years, oldest first.
	Speerpunten []Speerpunt `json:"speerpunten,omitempty"`
	PlanYears   []PlanYear  `json:"plan_years,omitempty"`
}

// Arena returns the arena with the given id.
func (b *Board) Arena(id uint64) (*Arena, bool) {
	for i := range b.Arenas {
		if b.Arenas[i].ID == id {
			return &b.Arenas[i], true
		}
	}
	return nil, false
}

// OpenArenas counts the arenas whose pupils have not been told yet what was
// done with their input.
func (b *Board) OpenArenas() int {
	n := 0
	for i := range b.Arenas {
		if b.Arenas[i].Open() {
			n++
		}
	}
	return n
}

// Retro returns the retrospective with the given id.
func (b *Board) Retro(id uint64) (*Retro, bool) {
	for i := range b.Retros {
		if b.Retros[i].ID == id {
			return &b.Retros[i], true
		}
	}
	return nil, false
}

// Meeting returns the running bordsessie, or nil.
func (b *Board) Meeting() *Meeting {
	if n := len(b.Meetings); n > 0 && b.Meetings[n-1].Running() {
		return &b.Meetings[n-1]
	}
	return nil
}

// Area names one of the six areas of a verbeterbord.
type Area string

// The areas in the order they stand on the board and in a bordsessie.
const (
	AreaCheckIn  Area = "checkin"
	AreaSuccess  Area = "success"
	AreaGoal     Area = "goal"
	AreaAction   Area = "action"
	AreaPlanning Area = "planning"
	AreaParking  Area = "parking"
)

// Areas lists every area in board order.
var Areas = []Area{AreaCheckIn, AreaSuccess, AreaGoal, AreaAction, AreaPlanning, AreaParking}

// Meta is what every item carries: identity, its own version for conflict
// detection, and who touched it when.
type Meta struct {
	ID        uint64    `json:"id"`
	Version   uint64    `json:"version"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedBy string    `json:"updated_by"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Item is anything that stands on a board. The store handles every kind the
// same way through this interface.
type Item interface {
	Area() Area
	Base() *Meta
	// Clean sanitizes every text field in place.
	Clean()
	// Check validates the item against its team; now is used for date rules
	// and isNew tells a new item from an edit (an edit may keep a past date).
	Check(t Team, now time.Time, isNew bool) error
	// Label is a one-line description for audit records and messages.
	Label() string
}

// Mood is a check-in mood.
type Mood string

// The three check-in moods.
const (
	MoodGood  Mood = "good"
	MoodSoSo  Mood = "soso"
	MoodNotOK Mood = "bad"
)

// Moods lists the moods from good to not good.
var Moods = []Mood{MoodGood, MoodSoSo, MoodNotOK}

// Symbol is the mood as a smiley with a text fallback shape, so the mood is
// never shown by colour alone.
func (m Mood) Symbol() string {
	switch m {
	case MoodGood:
		return ":-)"
	case MoodSoSo:
		return ":-|"
	case MoodNotOK:
		return ":-("
	}
	return "   "
}

// CheckIn is one person's mood in one ISO week.
type CheckIn struct {
	Meta
	Who  string `json:"who"`
	Week Week   `json:"week"`
	Mood Mood   `json:"mood"`
	Word string `json:"word,omitempty"`
}

// Success is something that went well.
type Success struct {
	Meta
	Text string    `json:"text"`
	Who  string    `json:"who"`
	Date time.Time `json:"date"`
}

// Status is where an action stands.
type Status string

// Action statuses, in the order the status key cycles through them.
const (
	StatusTodo    Status = "todo"
	StatusDoing   Status = "doing"
	StatusDone    Status = "done"
	StatusDropped Status = "dropped"
)

// Statuses lists the action statuses in cycle order.
var Statuses = []Status{StatusTodo, StatusDoing, StatusDone, StatusDropped}

// Next is the status after s in the cycle todo → doing → done → todo.
// Dropping is a separate, deliberate key so a quick cycle never drops work.
func (s Status) Next() Status {
	switch s {
	case StatusTodo:
		return StatusDoing
	case StatusDoing:
		return StatusDone
	}
	return StatusTodo
}

// Open reports whether work on an action with this status is still expected.
func (s Status) Open() bool { return s == StatusTodo || s == StatusDoing }

// Origin tells where an action came from.
type Origin string

// Action origins.
const (
	OriginBoard Origin = "board"
	OriginRetro Origin = "retro"
	OriginArena Origin = "arena"
	OriginDuo   Origin = "duo"
)

// Action is a verbeteractie: what, who, by when.
type Action struct {
	Meta
	What   string    `json:"what"`
	Who    string    `json:"who"`
	When   time.Time `json:"when"`
	Status Status    `json:"status"`
	GoalID uint64    `json:"goal_id,omitempty"`
	Origin Origin    `json:"origin"`
	DoneAt time.Time `json:"done_at,omitzero"`
}

// Overdue reports whether the action is still open after its day has passed.
func (a Action) Overdue(now time.Time) bool {
	return a.Status.Open() && !a.When.IsZero() && Day(a.When).Before(Day(now))
}

// PlanItem is a date on the planning: a session, a visit, a deadline.
type PlanItem struct {
	Meta
	Date time.Time `json:"date"`
	Text string    `json:"text"`
	Who  string    `json:"who,omitempty"`
}

// Parking is a topic parked for later.
type Parking struct {
	Meta
	Text string `json:"text"`
}

func (c *CheckIn) Area() Area  { return AreaCheckIn }
func (s *Success) Area() Area  { return AreaSuccess }
func (g *Goal) Area() Area     { return AreaGoal }
func (a *Action) Area() Area   { return AreaAction }
func (p *PlanItem) Area() Area { return AreaPlanning }
func (p *Parking) Area() Area  { return AreaParking }

func (c *CheckIn) Base() *Meta  { return &c.Meta }
func (s *Success) Base() *Meta  { return &s.Meta }
func (g *Goal) Base() *Meta     { return &g.Meta }
func (a *Action) Base() *Meta   { return &a.Meta }
func (p *PlanItem) Base() *Meta { return &p.Meta }
func (p *Parking) Base() *Meta  { return &p.Meta }

func (c *CheckIn) Label() string  { return c.Who + " " + string(c.Mood) }
func (s *Success) Label() string  { return s.Text }
func (g *Goal) Label() string     { return g.Title }
func (a *Action) Label() string   { return a.What }
func (p *PlanItem) Label() string { return p.Text }
func (p *Parking) Label() string  { return p.Text }

// areaList is how to reach one area's list on a board: every per-area
// operation below goes through it, so an area is added in one place.
type areaList struct {
	fresh func() Item
	count func(b *Board) int
	add   func(b *Board, it Item)
	find  func(b *Board, id uint64) Item
}

func listOf[T any, P interface {
	*T
	Item
}](list func(b *Board) *[]T) areaList {
	return areaList{
		fresh: func() Item { return P(new(T)) },
		count: func(b *Board) int { return len(*list(b)) },
		add: func(b *Board, it Item) {
			if v, ok := it.(P); ok {
				*list(b) = append(*list(b), *v)
			}
		},
		find: func(b *Board, id uint64) Item { return find[T, P](*list(b), id) },
	}
}

var areaLists = map[Area]areaList{
	AreaCheckIn:  listOf(func(b *Board) *[]CheckIn { return &b.CheckIns }),
	AreaSuccess:  listOf(func(b *Board) *[]Success { return &b.Successes }),
	AreaGoal:     listOf(func(b *Board) *[]Goal { return &b.Goals }),
	AreaAction:   listOf(func(b *Board) *[]Action { return &b.Actions }),
	AreaPlanning: listOf(func(b *Board) *[]PlanItem { return &b.Planning }),
	AreaParking:  listOf(func(b *Board) *[]Parking { return &b.Parking }),
}

// NewItem returns an empty item of the given area, for decoding.
func NewItem(a Area) Item {
	if a == AreaSpeerpunt {
		return &Speerpunt{} // the network's, on no board
	}
	if l, ok := areaLists[a]; ok {
		return l.fresh()
	}
	return nil
}

// Add appends a decoded item to the matching list of b. It is for builders
// of snapshots (the store), never for a shared snapshot.
func (b *Board) Add(it Item) {
	if it == nil {
		return
	}
	if l, ok := areaLists[it.Area()]; ok {
		l.add(b, it)
	}
}

// Count is the number of items in area a.
func (b *Board) Count(a Area) int {
	if l, ok := areaLists[a]; ok {
		return l.count(b)
	}
	return 0
}

// Goal returns the goal with the given id.
func (b *Board) Goal(id uint64) (Goal, bool) {
	for _, g := range b.Goals {
		if g.ID == id {
			return g, true
		}
	}
	return Goal{}, false
}

// Find returns a copy of the item with the given id in area a, or nil.
func (b *Board) Find(a Area, id uint64) Item {
	l, ok := areaLists[a]
	if !ok {
		return nil
	}
	it := l.find(b, id)
	if g, ok := it.(*Goal); ok {
		g.detach()
	}
	return it
}

func find[T any, P interface {
	*T
	Item
}](items []T, id uint64) Item {
	i := slices.IndexFunc(items, func(v T) bool { return P(&v).Base().ID == id })
	if i < 0 {
		return nil
	}
	c := items[i]
	return P(&c)
}

// CheckIn returns who's check-in for week w and whether there is one.
func (b *Board) CheckIn(who string, w Week) (CheckIn, bool) {
	for _, c := range b.CheckIns {
		if c.Week == w && strings.EqualFold(c.Who, who) {
			return c, true
		}
	}
	return CheckIn{}, false
}

// PickBoard finds the board called name (as SameName) among infos, or the
// only board when name is empty. When it finds none it returns the names
// there are, for the message.
func PickBoard(infos []Info, name string) (Info, []string, bool) {
	names := make([]string, len(infos))
	for i, in := range infos {
		names[i] = in.Name
		if SameName(in.Name, name) || (name == "" && len(infos) == 1) {
			return in, nil, true
		}
	}
	return Info{}, names, false
}
