package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/verbeterbord/bord/tui/i18n"
)

// Every key of every screen is a binding in the screen's key map, with help
// in the user's language. Screens match keys only through these maps, and
// the help line and the ? overlay are built from the same maps, so a key
// that works is always in the help.

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

func quitKey(m *i18n.Messages) key.Binding { return bind("q", m.KeyQuit, "q", "ctrl+c") }

// matchKeys match keys by their names only: the same in every language.
var (
	formKeyMap    = newFormKeys(i18n.For(i18n.EN))
	chooserKeyMap = newChooserKeys(i18n.For(i18n.EN))
)

func helpKey(m *i18n.Messages) key.Binding { return bind("?", m.KeyHelp, "?") }
func upKey(m *i18n.Messages) key.Binding   { return bind("↑/k", m.KeyMove, "up", "k") }
func downKey(m *i18n.Messages) key.Binding { return bind("↓/j", m.KeyMove, "down", "j") }

// pageKey moves a list a screenful: every list that scrolls has it (page.go).
func pageKey(m *i18n.Messages) key.Binding {
	return bind("pgup/pgdn", m.Wall.KeyPage, "pgup", "pgdown")
}

// ctrlCKey is the quit key of screens whose q means back: ctrl+c always
// quits (the shell handles it before any screen), and the help says so.
func ctrlCKey(m *i18n.Messages) key.Binding { return bind("ctrl+c", m.KeyQuit, "ctrl+c") }

// boardKeys is every key of the board screen, the bordsessie's included.
// It implements help.KeyMap for the help line and the overlay.
type boardKeys struct {
	NextArea, PrevArea, AreaN, Up, Down, FirstLast, Add, Edit, Delete, Status, Done, Drop, Goal key.Binding
	Measure, Filter, Undo, CheckIn, Boards, Retros, Arenas, Duos, Help, Quit                    key.Binding
	Page, Present, Member                                                                       key.Binding
	// Goals that steer: the goal detail and the plan view (goaldetail.go, plan.go).
	GoalDetail, Plan key.Binding
	// Bordsessie keys; the handlers live in meeting.go.
	MeetStart, MeetStep, MeetLead, MeetEnd, MeetFollow key.Binding
	// inSession is set by the board screen's Keys while a bordsessie runs.
	inSession bool
}

func newBoardKeys(m *i18n.Messages) boardKeys {
	return boardKeys{
		NextArea:  bind("tab/→", m.KeyAreas, "tab", "right", "l"),
		PrevArea:  bind("⇧tab/←", m.KeyAreas, "shift+tab", "left", "h"),
		AreaN:     bind("1–6", m.KeyAreas, "1", "2", "3", "4", "5", "6"),
		Up:        bind("↑", m.KeyMove, "up", "k"),
		Down:      bind("↓", m.KeyMove, "down", "j"),
		FirstLast: bind("home/end", m.KeyFirstLast, "home", "end"),
		Page:      pageKey(m),
		Present:   bind("p", m.Wall.KeyPresent, "p", "esc"),
		Add:       bind("a", m.KeyAdd, "a", "n", "+"),
		Edit:      bind("e/enter", m.KeyEdit, "e", "enter"),
		Delete:    bind("d/del", m.KeyDelete, "d", "delete", "backspace"),
		Status:    bind(m.KeySpace, m.KeyStatus, "space", "s"),
		Done:      bind("x", m.KeyDone, "x"),
		Drop:      bind("X", m.KeyDrop, "X"),
		Goal:      bind("g", m.KeyGoal, "g"),
		Measure:   bind("m", m.KeyMeasure, "m"),
		Filter:    bind("f", m.KeyFilter, "f"),
		Undo:      bind("u", m.KeyUndo, "u", "ctrl+z"),
		CheckIn:   bind("c", m.KeyCheckIn, "c"),
		Boards:    bind("b", m.KeyBoards, "b"),
		Retros:    bind("R", m.KeyRetros, "R"),
		Arenas:    bind("A", m.KeyArenas, "A"),
		Duos:      bind("D", m.Duo.KeyDuos, "D"),
		Member:    bind("M", m.Words.KeyMember, "M"),
		Help:      helpKey(m),
		Quit:      quitKey(m),

		GoalDetail: bind("o", m.Goals.KeyDetail, "o"),
		Plan:       bind("P", m.Goals.KeyPlan, "P"),

		MeetStart:  bind("S", m.KeyMeetStart, "S"),
		MeetStep:   bind("] [", m.KeyMeetStep, "]", "["),
		MeetLead:   bind("L", m.KeyMeetLead, "L"),
		MeetEnd:    bind("E", m.KeyMeetEnd, "E"),
		MeetFollow: bind("v", m.KeyMeetFollow, "v"),
	}
}

// ShortHelp is the always-visible help line.
func (k boardKeys) ShortHelp() []key.Binding {
	// What a newcomer needs first: a narrow terminal cuts the end of the
	// line, and ? shows every key.
	if k.inSession {
		// During a bordsessie the session's own keys come first; S would
		// only say that one is running.
		return []key.Binding{k.Help, k.MeetStep, k.Present, k.MeetFollow, k.MeetLead, k.MeetEnd, k.Quit, k.Add, k.Edit, k.NextArea, k.Status}
	}
	return []key.Binding{k.Help, k.MeetStart, k.Retros, k.Arenas, k.Plan, k.Quit, k.Add, k.Edit, k.NextArea, k.Status, k.Delete, k.Undo, k.Filter}
}

// FullHelp is the overlay shown by ?.
func (k boardKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextArea, k.PrevArea, k.AreaN, k.Up, k.Down, k.Page, k.FirstLast},
		{k.Add, k.Edit, k.Delete, k.Undo, k.CheckIn},
		{k.Status, k.Done, k.Drop, k.Goal, k.Measure, k.GoalDetail},
		{k.Filter, k.Boards, k.Retros, k.Arenas, k.Duos, k.Plan, k.Member, k.Help, k.Quit},
		{k.MeetStart, k.MeetStep, k.MeetFollow, k.MeetLead, k.MeetEnd, k.Present},
	}
}

// listKeys are the keys of a list: the board picker and the lists of
// retrospectives and leerlingarena's.
type listKeys struct {
	Up, Down, Page, Open, New, Extra, Back, Help, Quit key.Binding
	// move is ↑ and ↓ as one entry of the help line.
	move key.Binding
	// quitInLine puts the quit key on the help line (the picker's q).
	quitInLine bool
}

func (k listKeys) ShortHelp() []key.Binding {
	line := []key.Binding{k.move, k.Open, k.New, k.Extra, k.Back}
	if k.quitInLine {
		line = append(line, k.Quit)
	}
	return line
}
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Page, k.Open}, {k.New, k.Extra}, {k.Back, k.Help, k.Quit}}
}

func newListKeys(m *i18n.Messages, back ...string) listKeys {
	extra := key.NewBinding(key.WithDisabled())
	return listKeys{
		Up: upKey(m), Down: downKey(m), Page: pageKey(m),
		move:  bind("↑/↓", m.KeyPick, "up", "down"),
		Open:  bind("enter", m.KeyOpen, "enter", "space"),
		New:   bind("n", m.KeyNew, "n", "a"),
		Extra: extra,
		Back:  bind("esc", m.KeyToBoard, back...),
		Help:  helpKey(m),
		Quit:  ctrlCKey(m),
	}
}

func newPickerKeys(m *i18n.Messages) listKeys {
	k := newListKeys(m, "esc")
	k.New = bind("n", m.KeyNewBoard, "n")
	k.Extra = bind("D", m.Duo.KeyDuos, "D")
	k.Quit, k.quitInLine = quitKey(m), true
	return k
}

// welcomeKeys are the keys of the first screen of an empty store.
type welcomeKeys struct{ Demo, New, Help, Quit key.Binding }

func newWelcomeKeys(m *i18n.Messages) welcomeKeys {
	return welcomeKeys{
		Demo: bind("d", m.KeyDemo, "d", "enter"),
		New:  bind("n", m.KeyNewBoard, "n"),
		Help: helpKey(m),
		Quit: bind("q", m.KeyQuit, "q", "esc"),
	}
}

func (k welcomeKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Demo, k.New, k.Help, k.Quit} }
func (k welcomeKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// recordKeys are the keys an open retrospective and an open leerlingarena
// share (recordKey in handover.go handles them).
type recordKeys struct {
	Back, Help, Quit, Up, Down, Page, HandOver key.Binding
}

func newRecordKeys(m *i18n.Messages) recordKeys {
	return recordKeys{
		Back: bind("esc", m.KeyBack, "esc", "q"), Help: helpKey(m), Quit: ctrlCKey(m),
		Up: upKey(m), Down: downKey(m), Page: pageKey(m),
		HandOver: bind("L", m.Handover.KeyHandOver, "L"),
	}
}

// retroKeys are the keys of an open retrospective.
type retroKeys struct {
	recordKeys
	NextCol, PrevCol, Column                                                 key.Binding
	Phase, Timer, Card, Edit, Delete, Vote, Unvote, Group, Ungroup, ToAction key.Binding
	ReviewDone, ReviewOpen, ReviewDrop                                       key.Binding
}

func newRetroKeys(m *i18n.Messages) retroKeys {
	return retroKeys{
		recordKeys: newRecordKeys(m),
		NextCol:    bind("tab/→", m.KeyColumn, "tab", "right", "l"),
		PrevCol:    bind("⇧tab/←", m.KeyColumn, "shift+tab", "left", "h"),
		Column:     bind("1–9", m.KeyColumn, "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Phase:      bind("] [", m.KeyPhase, "]", "["),
		Timer:      bind("T", m.KeyTimer, "T"),
		Card:       bind("a/n", m.KeyCard, "a", "n"),
		Edit:       bind("e", m.KeyEdit, "e"),
		Delete:     bind("d/del", m.KeyDelete, "d", "delete"),
		Vote:       bind(m.KeySpace+"/+", m.KeyVote, "space", "+"),
		Unvote:     bind("-", m.KeyUnvote, "-"),
		Group:      bind("g", m.KeyGroup, "g"),
		Ungroup:    bind("G", m.KeyUngroup, "G"),
		ToAction:   bind("a", m.KeyToAction, "a"),
		ReviewDone: bind("x", m.KeyReviewDone, "x"),
		ReviewOpen: bind("o", m.KeyReviewOpen, "o"),
		ReviewDrop: bind("X", m.KeyReviewDrop, "X"),
	}
}

func (k retroKeys) ShortHelp() []key.Binding { return []key.Binding{k.Back, k.Help, k.Quit} }
func (k retroKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Page, k.NextCol, k.PrevCol, k.Column},
		{k.Card, k.Edit, k.Delete, k.Vote, k.Unvote},
		{k.Group, k.Ungroup, k.ToAction, k.ReviewDone, k.ReviewOpen, k.ReviewDrop},
		{k.Phase, k.Timer, k.HandOver, k.Back, k.Help, k.Quit},
	}
}

// arenaKeys are the keys of an open leerlingarena, by tab.
type arenaKeys struct {
	recordKeys
	TabN, NextTab, PrevTab                                              key.Binding
	Question, Bank, Delete, Order                                       key.Binding
	Capture, SaveNote, NextQuestion, PrevQuestion, StopTyping, NoteEdit key.Binding
	NewTheme, SetTheme, Idea, Rate, Promote, Report                     key.Binding
	Repeat                                                              key.Binding // recurring.go
}

func newArenaKeys(m *i18n.Messages) arenaKeys {
	return arenaKeys{
		recordKeys:   newRecordKeys(m),
		TabN:         bind("1–5", m.KeyTab, "1", "2", "3", "4", "5"),
		NextTab:      bind("tab/→", m.KeyTab, "tab", "right"),
		PrevTab:      bind("⇧tab/←", m.KeyTab, "shift+tab", "left"),
		Question:     bind("a", m.KeyQuestion, "a"),
		Bank:         bind("b", m.KeyBank, "b"),
		Delete:       bind("d/del", m.KeyDelete, "d", "delete"),
		Order:        bind("K/J", m.KeyOrder, "K", "J"),
		Capture:      bind("enter/i/a", m.KeyCapture, "enter", "i", "a"),
		SaveNote:     bind("enter", m.KeySaveNote, "enter"),
		NextQuestion: bind("pgdn", m.KeyNextQuestion, "pgdown", "ctrl+n", "down"),
		PrevQuestion: bind("pgup", m.KeyNextQuestion, "pgup", "ctrl+p", "up"),
		StopTyping:   bind("esc", m.KeyStopTyping, "esc"),
		NoteEdit:     bind("e", m.KeyEdit, "e"),
		NewTheme:     bind("n", m.KeyNewTheme, "n"),
		SetTheme:     bind("t", m.KeySetTheme, "t"),
		Idea:         bind("a", m.KeyIdea, "a"),
		Rate:         bind("e/r", m.KeyRate, "e", "r"),
		Promote:      bind("p", m.KeyPromote, "p"),
		// e is the note edit on the report-back tab too.
		Report: bind("a/enter", m.KeyReport, "a", "enter"),
		Repeat: bind("H", m.Handover.KeyRepeat, "H"),
	}
}

func (k arenaKeys) ShortHelp() []key.Binding { return []key.Binding{k.Back, k.Help, k.Quit} }

// FullHelp has a column per tab after the keys that work everywhere.
func (k arenaKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.TabN, k.NextTab, k.PrevTab, k.Up, k.Down, k.Page, k.HandOver, k.Repeat, k.Back, k.Help, k.Quit},
		{k.Question, k.Bank, k.Delete, k.Order},
		{k.Capture, k.SaveNote, k.NextQuestion, k.PrevQuestion, k.StopTyping, k.NoteEdit},
		{k.NewTheme, k.SetTheme, k.Idea, k.Rate, k.Promote, k.Report},
	}
}

// chooserKeys are the keys of a chooser overlay.
type chooserKeys struct{ Up, Down, Page, Pick, Number, Cancel key.Binding }

func newChooserKeys(m *i18n.Messages) chooserKeys {
	return chooserKeys{
		Up: upKey(m), Down: downKey(m), Page: pageKey(m),
		Pick:   bind("enter", m.KeyPick, "enter", "space"),
		Number: bind("1–9", m.KeyPick, "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Cancel: bind("esc", m.KeyCancel, "esc", "q"),
	}
}

// ShortHelp is the chooser's own key line, under its options.
func (k chooserKeys) ShortHelp() []key.Binding { return []key.Binding{k.Pick, k.Cancel} }
func (k chooserKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Page, k.Pick, k.Number, k.Cancel}}
}

// formKeys are the keys of a form overlay; all other keys are typed.
type formKeys struct{ Next, Save, Cancel, Down, Up, Tab key.Binding }

func newFormKeys(m *i18n.Messages) formKeys {
	return formKeys{
		Next:   bind("enter", m.KeyNextField, "enter"),
		Save:   bind("ctrl+s", m.KeySave, "ctrl+s"),
		Cancel: bind("esc", m.KeyCancel, "esc"),
		Down:   bind("↓", m.KeyNextField, "down"),
		Up:     bind("↑", m.KeyNextField, "up", "shift+tab"),
		Tab:    bind("tab", m.KeyNextField, "tab"),
	}
}

// ShortHelp is the form's own key line, under its fields.
func (k formKeys) ShortHelp() []key.Binding { return []key.Binding{k.Next, k.Save, k.Cancel} }
func (k formKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Down, k.Up, k.Tab, k.Save, k.Cancel}}
}

// goalKeys are the keys of the goal detail.
type goalKeys struct {
	Back, Help, Quit, Up, Down, Measure, Close, Adjust, Edit key.Binding
}

func newGoalKeys(m *i18n.Messages) goalKeys {
	return goalKeys{
		Back: bind("esc", m.KeyBack, "esc", "q"), Help: helpKey(m), Quit: ctrlCKey(m),
		Up: upKey(m), Down: downKey(m),
		Measure: bind("m", m.KeyMeasure, "m"),
		Close:   bind("c", m.Goals.KeyCloseGoal, "c"),
		Adjust:  bind("t", m.Goals.KeyAdjust, "t"),
		Edit:    bind("e", m.KeyEdit, "e"),
	}
}

func (k goalKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Back, k.Help, k.Measure, k.Close, k.Adjust, k.Edit}
}
func (k goalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Measure}, {k.Close, k.Adjust, k.Edit}, {k.Back, k.Help, k.Quit}}
}

// planKeys are the keys of the plan view.
type planKeys struct {
	Back, Help, Quit, Up, Down, Fold, Open, New, Delete, Link, Phase key.Binding
}

func newPlanKeys(m *i18n.Messages) planKeys {
	return planKeys{
		Back: bind("esc", m.KeyToBoard, "esc", "q", "P"), Help: helpKey(m), Quit: ctrlCKey(m),
		Up: upKey(m), Down: downKey(m),
		Fold:   bind("enter", m.Goals.KeyExpand, "enter", "space"),
		Open:   bind("o", m.Goals.KeyDetail, "o"),
		New:    bind("n", m.Goals.KeyNewSpeerpunt, "n", "a"),
		Delete: bind("d/del", m.KeyDelete, "d", "delete"),
		Link:   bind("l", m.Goals.KeyLink, "l"),
		Phase:  bind("F", m.Goals.KeyPhase, "F"),
	}
}

func (k planKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Back, k.Help, k.Fold, k.Open, k.New, k.Link, k.Phase}
}
func (k planKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Fold, k.Open}, {k.New, k.Delete, k.Link, k.Phase}, {k.Back, k.Help, k.Quit}}
}
