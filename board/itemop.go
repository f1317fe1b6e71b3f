package board

// ItemOp is one change to an item on the board, as a screen asks for it:
// the same shape as RetroOp, ArenaOp and MeetingOp, so every aggregate
// changes one way (an op, applied by the store in one transaction).
type ItemOp struct {
	Kind ItemOpKind
	// Item: the new item (Add), the edited item at the version the user
	// saw (Update, Resave, Force) or the deleted item (Restore).
	Item Item
	// Base, for Force: the item as the user started editing it; only the
	// fields they changed from it are written.
	Base Item
	// Area, ID and Seen, for Delete: the item and the version the user
	// saw; ID for Measure: the goal.
	Area Area
	ID   uint64
	Seen uint64
	// Measurement, for Measure.
	Measurement Measurement
}

// ItemOpKind names a kind of ItemOp.
type ItemOpKind string

// The kinds of ItemOp.
const (
	ItemAdd     ItemOpKind = "add"
	ItemUpdate  ItemOpKind = "update"
	ItemForce   ItemOpKind = "force"   // a forced save after a conflict
	ItemResave  ItemOpKind = "resave"  // a save after "it was deleted"
	ItemDelete  ItemOpKind = "delete"  // Area, ID, Seen
	ItemRestore ItemOpKind = "restore" // undo of a delete
	ItemMeasure ItemOpKind = "measure" // ID, Measurement; commutes
)
