package board

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"time"
)

// Phase is one phase of a retrospective, in the order the facilitator moves
// through them.
type Phase string

// The phases of a retrospective.
const (
	PhaseReview  Phase = "review"  // the previous retrospective's actions
	PhaseWrite   Phase = "write"   // silent writing: others' cards hidden
	PhaseReveal  Phase = "reveal"  // all cards shown
	PhaseGroup   Phase = "group"   // similar cards merged under a title
	PhaseVote    Phase = "vote"    // dot voting, votes hidden
	PhaseDiscuss Phase = "discuss" // cards by votes, in a fixed order
	PhaseActions Phase = "actions" // cards become actions on the board
	PhaseClosed  Phase = "closed"  // summary; read-only from now on
)

// Phases lists the phases in order.
var Phases = []Phase{PhaseReview, PhaseWrite, PhaseReveal, PhaseGroup, PhaseVote, PhaseDiscuss, PhaseActions, PhaseClosed}

// Format keys of the built-in retrospective formats. Their column names live
// in the message catalog; a team's own format carries its names itself.
const (
	FormatLeerKRACHT = "leerkracht" // wat ging goed / wat kan beter / verbeteracties
	FormatPlusDelta  = "plusdelta"
	FormatSSC        = "ssc" // start / stop / continue
	Format4L         = "4l"  // liked / learned / lacked / longed for
)

// Formats lists the built-in formats; the first is the default.
var Formats = []string{FormatLeerKRACHT, FormatPlusDelta, FormatSSC, Format4L}

// FormatColumns is how many columns each built-in format has.
var FormatColumns = map[string]int{FormatLeerKRACHT: 3, FormatPlusDelta: 2, FormatSSC: 3, Format4L: 4}

// Errors of a retrospective's rules.
var (
	// ErrPhase: this cannot be done in the current phase.
	ErrPhase = errors.New("board: not in this phase")
	// ErrNotFacilitator: only the facilitator may move the phases.
	ErrNotFacilitator = errors.New("board: only the facilitator may do this")
	// ErrNoVotesLeft: the vote budget is used up.
	ErrNoVotesLeft = errors.New("board: no votes left")
	// ErrNotYours: a card can only be changed by its author.
	ErrNotYours = errors.New("board: not your card")
)

// DefaultVotes is the vote budget per person.
const DefaultVotes = 3

// Retro is one retrospective on a board.
type Retro struct {
	ID          uint64    `json:"id"`
	Topic       string    `json:"topic"`
	From        time.Time `json:"from,omitzero"`
	To          time.Time `json:"to,omitzero"`
	Format      string    `json:"format"`
	Columns     []string  `json:"columns,omitempty"` // a team's own column names
	Facilitator string    `json:"facilitator"`
	// Facilitators: everyone who facilitated, in order, once it was
	// handed over (see HandOver); empty until then.
	Facilitators []string  `json:"facilitators,omitempty"`
	Phase        Phase     `json:"phase"`
	PhaseAt      time.Time `json:"phase_at"`
	// PhaseMinutes is an optional timer for the current phase (0: none).
	PhaseMinutes int       `json:"phase_minutes,omitempty"`
	Created      time.Time `json:"created"`
	Closed       time.Time `json:"closed,omitzero"`
	// Named: authors are shown after close. Authors are never shown to
	// others before close.
	Named   bool     `json:"named"`
	Votes   int      `json:"votes"` // budget per person
	Cards   []Card   `json:"cards"`
	Ballots []Ballot `json:"ballots,omitempty"`
	// Order is the discussion order, fixed when discussion starts, so
	// the list never jumps.
	Order []uint64 `json:"order,omitempty"`
	// Review holds the decisions on the previous retrospective's actions.
	Review map[uint64]Status `json:"review,omitempty"`
	// Actions are the board actions made from this retrospective.
	Actions []uint64 `json:"actions,omitempty"`
	NextID  uint64   `json:"next_id"`
}

// Card is one note in a column. A card with a Parent is grouped under that
// card; the parent's Title names the group.
type Card struct {
	ID      uint64    `json:"id"`
	Column  int       `json:"column"`
	Text    string    `json:"text"`
	Author  string    `json:"author"`
	Parent  uint64    `json:"parent,omitempty"`
	Title   string    `json:"title,omitempty"`
	Created time.Time `json:"created"`
	// Action is the board action made from this card (its group), so a
	// second promote is refused instead of making a duplicate.
	Action uint64 `json:"action,omitempty"`
	// Version counts the changes to the card's text and its group's
	// title; ChangedBy and ChangedAt say who made the last one. An edit
	// carries the version its author saw (RetroOp.Seen).
	Version   uint64    `json:"version,omitempty"`
	ChangedBy string    `json:"changed_by,omitempty"`
	ChangedAt time.Time `json:"changed_at,omitzero"`
}

// Ballot is one vote of one person on one card; several on a card are fine.
type Ballot struct {
	Voter string `json:"voter"`
	Card  uint64 `json:"card"`
}

// TimeLeft is what remains of the phase timer at now; ok is false when the
// phase has no timer.
func (r *Retro) TimeLeft(now time.Time) (left time.Duration, ok bool) {
	if r.PhaseMinutes <= 0 {
		return 0, false
	}
	return r.PhaseAt.Add(time.Duration(r.PhaseMinutes) * time.Minute).Sub(now), true
}

// Running reports whether the retrospective is still open.
func (r *Retro) Running() bool { return r.Phase != PhaseClosed }

// PhaseIndex is the position of the current phase.
func (r *Retro) PhaseIndex() int { return max(slices.Index(Phases, r.Phase), 0) }

// ColumnCount is the number of columns of the retrospective's format.
func (r *Retro) ColumnCount() int {
	if len(r.Columns) > 0 {
		return len(r.Columns)
	}
	return max(FormatColumns[r.Format], 1)
}

// NewRetro checks and fills in a new retrospective: a topic is required,
// the format must exist, defaults for the rest.
func NewRetro(topic, format string, columns []string, from, to time.Time, facilitator string, now time.Time) (*Retro, error) {
	r := &Retro{Topic: CleanLine(topic, MaxLine), Format: format, From: from, To: to, Facilitator: facilitator,
		Phase: PhaseReview, PhaseAt: now, Created: now, Votes: DefaultVotes, NextID: 1}
	if r.Topic == "" {
		return nil, invalid("topic", ProblemEmpty)
	}
	for _, c := range columns {
		if c = CleanLine(c, 40); c != "" {
			r.Columns = append(r.Columns, c)
		}
	}
	if len(r.Columns) == 0 && FormatColumns[format] == 0 {
		if format != "" {
			return nil, invalid("format", ProblemBadValue)
		}
		r.Format = FormatLeerKRACHT
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return nil, invalid("to", ProblemBadValue)
	}
	return r, nil
}

// MovePhase moves the retrospective to phase to; only the facilitator may.
// The rule, from the stored phase:
//   - back: any number of phases. Nothing is lost by going back (cards,
//     groups and votes stay), and a facilitator may need to reopen writing.
//   - forward: any number, but through every phase in between, so what
//     entering a phase does always happens: entering discussion fixes the
//     order of the cards by votes. The screen asks for one phase per key,
//     but quick presses can ask for a phase a few steps on before the
//     earlier ones are saved.
//   - closed: only from actions. Closing is for good (read-only after), so
//     it is never the end of a jump such as write → closed.
//
// Moving to the current phase changes nothing (the timer keeps running).
func (r *Retro) MovePhase(by string, to Phase, now time.Time) error {
	return r.movePhase(by, "", to, now)
}

// movePhase is MovePhase for a request made while the facilitator's screen
// stood at phase from ("": the stored phase). Requests of quick presses
// can be saved in any order; one that a later press already overtook (a
// forward request when the phase is at or past its target, a backward one
// when it is at or before it) is done already and changes nothing.
func (r *Retro) movePhase(by string, from, to Phase, now time.Time) error {
	if !strings.EqualFold(by, r.Facilitator) {
		return ErrNotFacilitator
	}
	if !r.Running() {
		return ErrPhase
	}
	if from == "" {
		from = r.Phase
	}
	fi, ti, ci := slices.Index(Phases, from), slices.Index(Phases, to), r.PhaseIndex()
	if fi < 0 || ti < 0 {
		return invalid("phase", ProblemBadValue)
	}
	if ti == ci || ti > fi && ci > ti || ti < fi && ci < ti {
		return nil
	}
	if to == PhaseClosed && from != PhaseActions {
		return ErrPhase
	}
	if ti < ci {
		r.Phase, r.PhaseAt, r.PhaseMinutes = to, now, 0
		return nil
	}
	for _, p := range Phases[ci+1 : ti+1] {
		if p == PhaseDiscuss {
			r.Order = r.ranked()
		}
		if p == PhaseClosed {
			r.Closed = now
		}
	}
	r.Phase, r.PhaseAt, r.PhaseMinutes = to, now, 0
	return nil
}

// VotesLeft is what remains of voter's budget.
func (r *Retro) VotesLeft(voter string) int {
	used := 0
	for _, b := range r.Ballots {
		if strings.EqualFold(b.Voter, voter) {
			used++
		}
	}
	return r.Votes - used
}

// VotesOf counts the votes on a card; by limits the count to one voter
// ("" counts everyone's).
func (r *Retro) VotesOf(id uint64, by string) int {
	n := 0
	for _, b := range r.Ballots {
		if b.Card == id && (by == "" || strings.EqualFold(b.Voter, by)) {
			n++
		}
	}
	return n
}

// VotesVisible reports whether everyone's votes may be shown: from the end
// of voting on.
func (r *Retro) VotesVisible() bool { return r.PhaseIndex() > slices.Index(Phases, PhaseVote) }

// CardsVisible reports whether viewer may see card c: their own always,
// others' from reveal on.
func (r *Retro) CardsVisible(c Card, viewer string) bool {
	return strings.EqualFold(c.Author, viewer) || r.PhaseIndex() >= slices.Index(Phases, PhaseReveal)
}

// AuthorVisible reports whether the author of cards is shown to viewers:
// never before close, after close only if the team chose "named".
func (r *Retro) AuthorVisible() bool { return r.Named && r.Phase == PhaseClosed }

// Roots are the cards that are not grouped under another, in column order.
func (r *Retro) Roots() []Card {
	var out []Card
	for _, c := range r.Cards {
		if c.Parent == 0 {
			out = append(out, c)
		}
	}
	return out
}

// Children are the cards grouped under root.
func (r *Retro) Children(root uint64) []Card {
	return where(r.Cards, func(c Card) bool { return c.Parent == root })
}

// where is a new slice of the elements of s that keep accepts, in order;
// nil when there are none.
func where[T any](s []T, keep func(T) bool) []T {
	var out []T
	for _, x := range s {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// Discussion is the cards in discussion order: by votes, ties by id, fixed
// when discussion began (later cards and groups at the end, in id order).
func (r *Retro) Discussion() []Card {
	order := r.Order
	if len(order) == 0 {
		order = r.ranked()
	}
	var out []Card
	seen := map[uint64]bool{}
	for _, id := range order {
		if c := r.card(id); c != nil && c.Parent == 0 && !seen[id] {
			out = append(out, *c)
			seen[id] = true
		}
	}
	for _, c := range r.Roots() {
		if !seen[c.ID] {
			out = append(out, c)
		}
	}
	return out
}

func (r *Retro) ranked() []uint64 {
	roots := r.Roots()
	slices.SortStableFunc(roots, func(a, b Card) int {
		return cmp.Or(cmp.Compare(r.VotesOf(b.ID, ""), r.VotesOf(a.ID, "")), cmp.Compare(a.ID, b.ID))
	})
	ids := make([]uint64, len(roots))
	for i, c := range roots {
		ids[i] = c.ID
	}
	return ids
}

// Card returns a card by id.
func (r *Retro) Card(id uint64) (Card, bool) {
	if c := r.card(id); c != nil {
		return *c, true
	}
	return Card{}, false
}

func (r *Retro) card(id uint64) *Card {
	for i := range r.Cards {
		if r.Cards[i].ID == id {
			return &r.Cards[i]
		}
	}
	return nil
}

// CountsByAuthor is how many cards each person wrote: what the others may
// see during silent writing, instead of the cards.
func (r *Retro) CountsByAuthor() map[string]int {
	n := map[string]int{}
	for _, c := range r.Cards {
		n[c.Author]++
	}
	return n
}

// Clone returns a deep copy, for changing a retrospective taken from a
// shared snapshot.
func (r Retro) Clone() *Retro {
	r.Columns = slices.Clone(r.Columns)
	r.Facilitators = slices.Clone(r.Facilitators)
	r.Cards = slices.Clone(r.Cards)
	r.Ballots = slices.Clone(r.Ballots)
	r.Order = slices.Clone(r.Order)
	r.Actions = slices.Clone(r.Actions)
	if r.Review != nil {
		rv := make(map[uint64]Status, len(r.Review))
		for k, v := range r.Review {
			rv[k] = v
		}
		r.Review = rv
	}
	return &r
}
