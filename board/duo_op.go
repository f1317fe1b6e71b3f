package board

import (
	"slices"
	"time"
)

// DuoOp is one change to a duo, applied in one transaction by the store.
type DuoOp struct {
	Kind   DuoOpKind
	ID     uint64 // the design or visit
	Sub    uint64 // the observation or lesson in a visit
	Design DesignVersion
	Visit  Visit
	Talk   Talk
	Text   string
	// Seen is the edit count the user saw (a design's newest version, the
	// talk, an observation); a change since is refused with a
	// *ConflictError.
	Seen uint64
	// Force: delete a design a visit uses (the visit keeps a copy), or
	// plan a visit in the past. The screens ask before they set it.
	Force bool
	// Kijkvraag, Flagged and Suspect of an observation, as for an arena
	// note.
	Kijkvraag bool
	Flagged   bool
	Suspect   []string
	// Action: a lesson made an action on board Board (the store writes it,
	// origin duo).
	Action *Action
	Board  uint64
}

// DuoOpKind names a kind of DuoOp.
type DuoOpKind string

// The kinds of DuoOp.
const (
	OpAddDesign         DuoOpKind = "add_design"
	OpEditDesign        DuoOpKind = "edit_design"   // the newest version
	OpReviseDesign      DuoOpKind = "revise_design" // bijstellen: the next version
	OpDeleteDesign      DuoOpKind = "delete_design"
	OpPlanVisit         DuoOpKind = "plan_visit"
	OpObserve           DuoOpKind = "observe"
	OpEditObservation   DuoOpKind = "edit_observation"
	OpDeleteObservation DuoOpKind = "delete_observation"
	OpTalk              DuoOpKind = "talk"
	OpAddLesson         DuoOpKind = "add_lesson"
	OpLessonAction      DuoOpKind = "lesson_action"
)

// Apply applies op by partner by at now. Only partners change a duo: the
// coordinator follows it. Texts are cleaned here; the name guard is the
// screen's, because the visitor may override it.
func (d *Duo) Apply(by string, op DuoOp, now time.Time) (err error) {
	who := d.Partner(by)
	if who == "" {
		return ErrNotPartner
	}
	switch op.Kind {
	case OpAddDesign:
		op.ID, err = d.addDesign(who, op.Design, now)
	case OpEditDesign, OpReviseDesign:
		err = d.changeDesign(who, op.ID, op.Design, op.Seen, op.Kind == OpReviseDesign, now)
	case OpDeleteDesign:
		err = d.deleteDesign(op.ID, op.Seen, op.Force)
	case OpPlanVisit:
		_, err = d.planVisit(op.Visit, op.Force, now)
	default:
		err = d.applyVisit(who, op, now)
	}
	if err == nil {
		d.Version++
	}
	return err
}

// applyVisit applies the ops inside one visit.
func (d *Duo) applyVisit(who string, op DuoOp, now time.Time) error {
	v, ok := d.Visit(op.ID)
	if !ok {
		return ErrNotFound
	}
	text := CleanText(op.Text, MaxText)
	if text == "" && (op.Kind == OpObserve || op.Kind == OpEditObservation) {
		return invalid("text", ProblemEmpty)
	}
	switch op.Kind {
	case OpObserve:
		v.Observations = append(v.Observations, Observation{ID: d.next(), Text: text, Kijkvraag: op.Kijkvraag, By: who, At: now,
			Guard: Guard{Flagged: op.Flagged, Suspect: cleanSuspects(op.Flagged, op.Suspect), Version: 1, EditedBy: who, EditedAt: now}})
	case OpEditObservation, OpDeleteObservation:
		return v.fixObservation(who, op, text, now)
	case OpTalk:
		if op.Seen != v.Talk.Edits {
			return &ConflictError{By: v.Talk.By, At: v.Talk.At}
		}
		t := Talk{Designer: CleanText(op.Talk.Designer, MaxText), Saw: CleanText(op.Talk.Saw, MaxText),
			Effect: CleanText(op.Talk.Effect, MaxText), Try: CleanText(op.Talk.Try, MaxText)}
		// The feedback model's order: the designer speaks first.
		if t.Designer == "" && (t.Saw != "" || t.Effect != "" || t.Try != "") {
			return invalid("designer", ProblemEmpty)
		}
		t.Edits, t.By, t.At = v.Talk.Edits+1, who, now
		v.Talk = t
	case OpAddLesson:
		if text = CleanLine(op.Text, MaxLine); text == "" {
			return invalid("text", ProblemEmpty)
		}
		v.Lessons = append(v.Lessons, Lesson{ID: d.next(), Text: text, By: who})
	case OpLessonAction:
		i := slices.IndexFunc(v.Lessons, func(l Lesson) bool { return l.ID == op.Sub })
		if i < 0 {
			return ErrNotFound
		}
		if v.Lessons[i].Action != 0 {
			return &AlreadyActionError{ID: v.Lessons[i].Action}
		}
	default:
		return invalid("op", ProblemBadValue)
	}
	return nil
}

// SetLessonAction records the board action a lesson became.
func (d *Duo) SetLessonAction(visit, lesson, boardID, action uint64) {
	v, ok := d.Visit(visit)
	if !ok {
		return
	}
	for i := range v.Lessons {
		if v.Lessons[i].ID == lesson {
			v.Lessons[i].Board, v.Lessons[i].Action = boardID, action
		}
	}
}

// cleanSuspects cleans the words the name guard warned about; only kept
// on a flagged text.
func cleanSuspects(flagged bool, words []string) []string {
	return suspects(ArenaOp{Flagged: flagged, Suspect: words})
}

// fixObservation edits or deletes an observation: its writer's, or any
// partner's when it was flagged. An edit carries the version its editor
// saw.
func (v *Visit) fixObservation(who string, op DuoOp, text string, now time.Time) error {
	o := v.observation(op.Sub)
	switch {
	case o == nil:
		return ErrNotFound
	case op.Kind == OpEditObservation && op.Seen != o.Version:
		return &ConflictError{By: o.EditedBy, At: o.EditedAt}
	case !o.mayFix(who):
		return ErrNotYours
	case op.Kind == OpDeleteObservation:
		v.Observations = slices.DeleteFunc(v.Observations, func(x Observation) bool { return x.ID == op.Sub })
		return nil
	}
	o.Text, o.Kijkvraag, o.Flagged, o.Suspect = text, op.Kijkvraag, op.Flagged, cleanSuspects(op.Flagged, op.Suspect)
	o.Version++
	o.EditedBy, o.EditedAt = who, now
	return nil
}
