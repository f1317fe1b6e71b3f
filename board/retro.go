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
	Phase       Phase     `json:"phase"`
	PhaseAt     time.Time `json:"phase_at"`
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

// AddCard adds a card by author. Cards may be written before the meeting
// (review phase) and during writing; after reveal only during grouping, so
// a late thought still gets in before the votes.
func (r *Retro) AddCard(author string, column int, text string, now time.Time) (Card, error) {
	switch r.Phase {
	case PhaseReview, PhaseWrite, PhaseReveal, PhaseGroup:
	default:
		return Card{}, ErrPhase
	}
	text = CleanText(text, MaxText)
	if text == "" {
		return Card{}, invalid("text", ProblemEmpty)
	}
	if column < 0 || column >= r.ColumnCount() {
		return Card{}, invalid("column", ProblemBadValue)
	}
	c := Card{ID: r.NextID, Column: column, Text: text, Author: author, Created: now, Version: 1, ChangedBy: author, ChangedAt: now}
	r.NextID++
	r.Cards = append(r.Cards, c)
	return c, nil
}

// EditCard changes the text of one's own card while cards can be added.
func (r *Retro) EditCard(by string, id uint64, text string) error {
	return r.editCard(by, id, text, 0, time.Time{})
}

// editCard is EditCard for an edit made on a screen that showed the card
// at version seen (0: not known, no check): the same author in two
// sessions must not overwrite one edit with the other unseen.
func (r *Retro) editCard(by string, id uint64, text string, seen uint64, now time.Time) error {
	c := r.card(id)
	if c == nil {
		return ErrNotFound
	}
	if !strings.EqualFold(c.Author, by) {
		return ErrNotYours
	}
	if r.Phase != PhaseReview && r.Phase != PhaseWrite {
		return ErrPhase
	}
	if seen != 0 && seen != c.Version {
		return &ConflictError{By: c.ChangedBy, At: c.ChangedAt}
	}
	if text = CleanText(text, MaxText); text == "" {
		return invalid("text", ProblemEmpty)
	}
	if text != c.Text {
		c.Text = text
		c.Version++
		c.ChangedBy, c.ChangedAt = by, now
	}
	return nil
}

// DeleteCard removes one's own card during writing.
func (r *Retro) DeleteCard(by string, id uint64) error {
	c := r.card(id)
	if c == nil {
		return ErrNotFound
	}
	if !strings.EqualFold(c.Author, by) {
		return ErrNotYours
	}
	if r.Phase != PhaseReview && r.Phase != PhaseWrite {
		return ErrPhase
	}
	r.removeCard(id)
	return nil
}

// removeCard takes card id out. When it is the first card of a group, the
// next card of the group becomes the first: it takes the title, the others
// move under it, and so do the votes, the discussion place and the action
// made from the group — otherwise every card and vote under the deleted one
// would point nowhere and vanish from every phase and export. A card
// without a group takes its votes with it: they return to the voters.
func (r *Retro) removeCard(id uint64) {
	c := r.card(id)
	if c == nil {
		return
	}
	gone := *c
	r.Cards = slices.DeleteFunc(r.Cards, func(c Card) bool { return c.ID == id })
	heir := uint64(0)
	if gone.Parent == 0 {
		for i := range r.Cards {
			if r.Cards[i].Parent != id {
				continue
			}
			if heir == 0 {
				heir = r.Cards[i].ID
				r.Cards[i].Parent, r.Cards[i].Title = 0, gone.Title
				if r.Cards[i].Action == 0 {
					r.Cards[i].Action = gone.Action
				}
				continue
			}
			r.Cards[i].Parent = heir
		}
	}
	if heir == 0 {
		r.Ballots = slices.DeleteFunc(r.Ballots, func(b Ballot) bool { return b.Card == id })
		r.Order = slices.DeleteFunc(r.Order, func(o uint64) bool { return o == id })
		return
	}
	for i := range r.Ballots {
		if r.Ballots[i].Card == id {
			r.Ballots[i].Card = heir
		}
	}
	if slices.Contains(r.Order, heir) {
		// The heir had its own place (it led a group when discussion
		// began): keep that one.
		r.Order = slices.DeleteFunc(r.Order, func(o uint64) bool { return o == id })
		return
	}
	for i := range r.Order {
		if r.Order[i] == id {
			r.Order[i] = heir
		}
	}
}

// Group puts card id (and everything under it) under card into's group,
// naming the group title. Anyone may group, during grouping. Both cards are
// resolved to their group's first card: when they are in the same group
// already only the title changes (grouping a card under its own child would
// make it its own parent, and the whole group would vanish). Votes given to
// the moved cards (voting, then back to grouping) move to the group's first
// card, where Vote puts them, so no vote is lost and budgets stay right.
func (r *Retro) Group(id, into uint64, title string) error {
	return r.group("", id, into, title, 0, time.Time{})
}

// group is Group by person by, who saw the target group's first card at
// version seen. Moving cards commutes with everything, so it needs no
// check; renaming the group does: a title typed over one a colleague set
// meanwhile is refused with a ConflictError naming them (seen 0: no
// check). An empty title keeps the group's title, so a screen that only
// moves a card sends none and never reverts a colleague's rename.
func (r *Retro) group(by string, id, into uint64, title string, seen uint64, now time.Time) error {
	if r.Phase != PhaseGroup {
		return ErrPhase
	}
	target, c := r.card(into), r.card(id)
	if target == nil || c == nil || id == into {
		return ErrNotFound
	}
	root := r.rootOf(*target)
	title = CleanLine(title, MaxLine)
	if rc := r.card(root); title != "" && title != rc.Title && seen != 0 && seen != rc.Version {
		return &ConflictError{By: rc.ChangedBy, At: rc.ChangedAt}
	}
	if root != r.rootOf(*c) {
		moved := map[uint64]bool{}
		for i := range r.Cards {
			if r.Cards[i].ID == id || r.Cards[i].Parent == id {
				moved[r.Cards[i].ID] = true
				r.Cards[i].Parent = root
				r.Cards[i].Title = ""
			}
		}
		for i := range r.Ballots {
			if moved[r.Ballots[i].Card] {
				r.Ballots[i].Card = root
			}
		}
	}
	if rc := r.card(root); title != "" && title != rc.Title {
		rc.Title = title
		rc.Version++
		rc.ChangedBy, rc.ChangedAt = by, now
	}
	return nil
}

// SetCardAction records the board action a card (its group) became.
func (r *Retro) SetCardAction(card, action uint64) {
	if c := r.card(card); c != nil {
		if c.Parent != 0 {
			c = r.card(c.Parent)
		}
		c.Action = action
	}
}

// rootOf is the id of the first card of c's group (c itself when not
// grouped). Groups are one level deep.
func (r *Retro) rootOf(c Card) uint64 {
	if c.Parent != 0 {
		return c.Parent
	}
	return c.ID
}

// Ungroup takes a card out of its group.
func (r *Retro) Ungroup(id uint64) error {
	if r.Phase != PhaseGroup {
		return ErrPhase
	}
	c := r.card(id)
	if c == nil {
		return ErrNotFound
	}
	c.Parent = 0
	return nil
}

// Vote gives (delta +1) or takes back (delta -1) one of voter's votes on a
// card or group; votes go to the group's first card.
func (r *Retro) Vote(voter string, id uint64, delta int) error {
	if r.Phase != PhaseVote {
		return ErrPhase
	}
	c := r.card(id)
	if c == nil {
		return ErrNotFound
	}
	if c.Parent != 0 {
		id = c.Parent
	}
	if delta > 0 {
		if r.VotesLeft(voter) <= 0 {
			return ErrNoVotesLeft
		}
		r.Ballots = append(r.Ballots, Ballot{Voter: voter, Card: id})
		return nil
	}
	i := slices.IndexFunc(r.Ballots, func(b Ballot) bool { return b.Card == id && strings.EqualFold(b.Voter, voter) })
	if i >= 0 {
		r.Ballots = slices.Delete(r.Ballots, i, i+1)
	}
	return nil
}

// DropVoter returns the votes of someone who left the team, while the
// retrospective runs: every vote belongs to a member. It reports whether
// there were any.
func (r *Retro) DropVoter(name string) bool {
	if !r.Running() {
		return false // a closed retrospective is history
	}
	n := len(r.Ballots)
	r.Ballots = slices.DeleteFunc(r.Ballots, func(b Ballot) bool { return strings.EqualFold(b.Voter, name) })
	return len(r.Ballots) != n
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
	var out []Card
	for _, c := range r.Cards {
		if c.Parent == root {
			out = append(out, c)
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

// RetroOp is one change to a retrospective, as a screen asks for it. The
// store applies it in one transaction; Review and MakeAction also change the
// board's actions there.
type RetroOp struct {
	Kind   RetroOpKind
	Phase  Phase
	Column int
	Text   string
	Card   uint64
	Into   uint64
	Action *Action // MakeAction: the new action; Review: the action reviewed
	Status Status  // Review: the decision
	// Seen is the version of the card (EditCard) or of the target group's
	// first card (Group with a new title) the user saw; 0 skips the check
	// (callers that predate versions).
	Seen uint64
	// Card, for MakeAction: the card (group) the action is made from; a
	// card that became an action already refuses a second one with an
	// *AlreadyActionError. 0: an action not tied to a card.
	// From (Phase ops): the phase the facilitator's screen stood at, or had
	// asked for already, when they pressed the key; see movePhase.
	From Phase
}

// RetroOpKind names a kind of RetroOp.
type RetroOpKind string

// The kinds of RetroOp.
const (
	OpPhase      RetroOpKind = "phase"
	OpAddCard    RetroOpKind = "add"
	OpEditCard   RetroOpKind = "edit"
	OpDeleteCard RetroOpKind = "delete"
	OpGroup      RetroOpKind = "group"
	OpUngroup    RetroOpKind = "ungroup"
	OpVote       RetroOpKind = "vote"
	OpUnvote     RetroOpKind = "unvote"
	OpReview     RetroOpKind = "review"
	OpMakeAction RetroOpKind = "action"
	OpTimer      RetroOpKind = "timer" // Column holds the minutes; 0 stops it
	// OpTakeOver: a member becomes the facilitator when the facilitator
	// has left the team (see ApplyIn).
	OpTakeOver RetroOpKind = "take_over"
)

// ApplyIn is Apply for a retrospective of team t, which also knows who is
// still in the team: a facilitator who left would otherwise leave the
// retrospective stuck in its phase for good, so then any member may take
// the role over. While the facilitator is in the team, only they lead.
func (r *Retro) ApplyIn(by string, op RetroOp, t Team, now time.Time) error {
	if op.Kind != OpTakeOver {
		return r.Apply(by, op, now)
	}
	if !r.Running() {
		return ErrPhase
	}
	who := t.Member(by)
	switch {
	case who == "":
		return &ValidationError{Field: "who", Problem: ProblemUnknownOwner, Value: by}
	case strings.EqualFold(who, r.Facilitator):
		return nil
	case t.HasMember(r.Facilitator):
		return ErrNotFacilitator
	}
	r.Facilitator = who
	return nil
}

// Apply applies the rules of op by person by at now. Review and MakeAction
// only check the phase here; the store does the rest.
func (r *Retro) Apply(by string, op RetroOp, now time.Time) error {
	if !r.Running() {
		return ErrPhase
	}
	switch op.Kind {
	case OpPhase:
		return r.movePhase(by, op.From, op.Phase, now)
	case OpAddCard:
		_, err := r.AddCard(by, op.Column, op.Text, now)
		return err
	case OpEditCard:
		return r.editCard(by, op.Card, op.Text, op.Seen, now)
	case OpDeleteCard:
		return r.DeleteCard(by, op.Card)
	case OpGroup:
		return r.group(by, op.Card, op.Into, op.Text, op.Seen, now)
	case OpUngroup:
		return r.Ungroup(op.Card)
	case OpVote:
		return r.Vote(by, op.Card, 1)
	case OpUnvote:
		return r.Vote(by, op.Card, -1)
	case OpReview:
		if r.Phase != PhaseReview || op.Action == nil {
			return ErrPhase
		}
		if r.Review == nil {
			r.Review = map[uint64]Status{}
		}
		r.Review[op.Action.ID] = op.Status
		return nil
	case OpMakeAction:
		if r.Phase != PhaseActions && r.Phase != PhaseDiscuss {
			return ErrPhase
		}
		if op.Action == nil {
			return invalid("action", ProblemEmpty)
		}
		if op.Card != 0 {
			c := r.card(op.Card)
			if c == nil {
				return ErrNotFound
			}
			if c.Parent != 0 {
				c = r.card(c.Parent)
			}
			if c.Action != 0 {
				return &AlreadyActionError{ID: c.Action}
			}
		}
		return nil
	case OpTimer:
		if !strings.EqualFold(by, r.Facilitator) {
			return ErrNotFacilitator
		}
		if op.Column < 0 || op.Column > 120 {
			return invalid("minutes", ProblemBadValue)
		}
		r.PhaseMinutes, r.PhaseAt = op.Column, now
		return nil
	}
	return invalid("op", ProblemBadValue)
}
