package tui

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// arenaScreen is one open leerlingarena: its questions, the note-taking,
// themes, ideas and the report back, one tab each.
type arenaScreen struct {
	*Common
	keys arenaKeys
	as   arenaState
}

func newArenaScreen(c *Common) *arenaScreen {
	return &arenaScreen{Common: c, keys: newArenaKeys(c.msg)}
}

func (m *arenaScreen) Title() string     { return m.msg.Arena }
func (m *arenaScreen) Keys() help.KeyMap { return m.keys }

// typing is true while the capture line has the keyboard.
func (m *arenaScreen) typing() bool { return m.as.tab == 1 && m.as.typing }

func (m *arenaScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.typing() {
			m.as.warned = ""
			var cmd tea.Cmd
			m.as.input, cmd = m.as.input.Update(msg)
			return cmd
		}
	case noteSavedMsg:
		return m.noteSaved(msg)
	case arenaOpenMsg:
		m.form = nil
		m.open(msg.id)
		return m.loadSnapshot(m.b.ID)
	}
	return nil
}

func (m *arenaScreen) changeArena(op board.ArenaOp, status string) tea.Cmd {
	boardID, id := m.b.ID, m.as.id
	return m.write(func(s Store, user string) error { _, err := s.ChangeArena(user, boardID, id, op); return err }, status)
}

// open shows arena id on its first tab.
func (m *arenaScreen) open(id uint64) {
	in := newInput("", board.MaxText)
	in.Prompt = "> "
	m.as = arenaState{id: id, input: in}
	m.screen = screenArena
}

func (m *arenaScreen) key(k tea.KeyPressMsg) tea.Cmd {
	a := m.arena()
	if a == nil {
		m.screen = screenArenas
		return nil
	}
	if m.as.tab == 1 && m.as.typing {
		return m.captureKey(a, k)
	}
	rows := m.arenaRows(a)
	sel := &m.as.sel[m.as.tab]
	row := retroRow{}
	if *sel >= 0 && *sel < len(rows) {
		row = rows[*sel]
	}
	if m.recordKey(k, m.keys.recordKeys, screenArenas, func() { m.handArena(a) }, sel, len(rows)) {
		return nil
	}
	is := func(bs ...key.Binding) bool { return key.Matches(k, bs...) }
	switch s := k.String(); {
	case is(m.keys.Repeat):
		return m.askRepeat(a)
	case is(m.keys.TabN):
		m.as.tab = int(s[0] - '1')
		// A reported-back arena takes no new notes: its capture tab
		// opens on the notes, to rephrase or delete them.
		m.as.typing = m.as.tab == 1 && a.Open()
		if m.as.typing {
			return m.as.input.Focus()
		}
	case is(m.keys.NextTab):
		m.as.tab = (m.as.tab + 1) % arenaTabs
	case is(m.keys.PrevTab):
		m.as.tab = (m.as.tab + arenaTabs - 1) % arenaTabs
	case m.as.tab == 1 && is(m.keys.Capture):
		if !a.Open() {
			m.setStatus(m.msg.ArenaClosedCapture, true)
			return nil
		}
		m.as.editing = 0
		m.as.typing = true
		return m.as.input.Focus()
	case m.as.tab == 0 && is(m.keys.Question):
		f := &form{title: m.msg.ArenaTabs[0], submit: m.guarded(board.OpAddQuestion)}
		f.add("text", m.msg.FieldQuestion, fText, m.msg.HintQuestion, "")
		return m.openForm(f, 0)
	case m.as.tab == 0 && is(m.keys.Bank):
		bank := m.msg.QuestionBank
		m.choose = &chooser{title: m.msg.QuestionBankTitle, options: bank, pick: func(i int) tea.Cmd {
			return m.changeArena(board.ArenaOp{Kind: board.OpAddQuestion, Text: bank[i]}, m.msg.Saved)
		}}
	case m.as.tab == 0 && is(m.keys.Delete) && row.card != 0:
		del := func() tea.Cmd {
			return m.changeArena(board.ArenaOp{Kind: board.OpDeleteQuestion, ID: row.card}, m.msg.Deleted)
		}
		// Its notes are deleted with it: ask first, there is no undo.
		if n := len(a.NotesOf(row.card)); n > 0 {
			m.confirm(fmt.Sprintf(m.msg.DeleteQuestionAskF, i18n.Count(n, m.msg.Words.NounNote)), del)
			return nil
		}
		return del()
	case (m.as.tab == 1 || m.as.tab == 4) && is(m.keys.Delete) && row.card != 0:
		n, _ := noteByID(a, row.card)
		text := n.Text
		if m.as.tab == 4 { // the report-back screen never shows a name
			text = board.MaskedNote(a, n, m.b.Team.MemberNames(), m.msg.NameMask)
		}
		m.confirm(fmt.Sprintf(m.msg.DeleteNoteAskF, ansi.Truncate(text, 40, "…")), func() tea.Cmd {
			return m.changeArena(board.ArenaOp{Kind: board.OpDeleteNote, ID: row.card}, m.msg.Deleted)
		})
	case (m.as.tab == 1 || m.as.tab == 4) && is(m.keys.NoteEdit) && row.card != 0:
		return m.editNote(a, row.card)
	case m.as.tab == 0 && is(m.keys.Order) && row.card != 0:
		d := -1
		if s == "J" {
			d = 1
		}
		*sel = max(min(*sel+d, len(rows)-1), 0)
		return m.changeArena(board.ArenaOp{Kind: board.OpMoveQuestion, ID: row.card, Delta: d}, m.msg.Saved)
	case m.as.tab == 2 && is(m.keys.NewTheme):
		f := &form{title: m.msg.NewTheme, submit: m.guarded(board.OpAddTheme)}
		f.add("text", m.msg.FieldTheme, fLine, "", "")
		return m.openForm(f, 0)
	case m.as.tab == 2 && is(m.keys.SetTheme) && row.card != 0:
		m.pickTheme(a, row.card)
	case m.as.tab == 3 && is(m.keys.Idea):
		return m.openForm(m.ideaForm(a, nil), 0)
	case m.as.tab == 3 && is(m.keys.Rate) && row.card != 0:
		idea, _ := a.Idea(row.card)
		return m.openForm(m.ideaForm(a, &idea), 2)
	case m.as.tab == 3 && is(m.keys.Promote) && row.card != 0:
		idea, _ := a.Idea(row.card)
		return m.toAction(idea.Action, idea.ID, idea.Text, m.msg.PromoteTitle, m.msg.AlreadyActionAsk, m.promote)
	case m.as.tab == 4 && is(m.keys.Report):
		f := &form{title: m.msg.ArenaTabs[4], submit: m.reportBack}
		f.add("date", m.msg.FieldDate, fDate, m.msg.HintDate, "")
		f.add("text", m.msg.FieldHow, fText, m.msg.HintHow, a.ReportHow)
		f.lookBack("date") // the pupils were told, or are told today
		if m.msg.Lang == "en" {
			f.fields[0].input.SetValue("today")
		} else {
			f.fields[0].input.SetValue("vandaag")
		}
		return m.openForm(f, 1)
	}
	return nil
}

// editNote puts note id in the capture line to rephrase, on the capture
// tab under its own question; it carries the version seen.
func (m *arenaScreen) editNote(a *board.Arena, id uint64) tea.Cmd {
	n, ok := noteByID(a, id)
	if !ok {
		return nil
	}
	text := n.Text
	if n.Speaker != "" {
		text = n.Speaker + ": " + text
	}
	m.as.tab, m.as.question = 1, n.Question
	m.as.editing, m.as.seen, m.as.warned, m.as.typing = n.ID, n.Version, "", true
	m.as.input.SetValue(text)
	m.as.input.CursorEnd()
	return m.as.input.Focus()
}

// captureKey handles the capture line: Enter saves the note (after the name
// guard), page keys move between questions, esc gives the keys back.
func (m *arenaScreen) captureKey(a *board.Arena, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.StopTyping):
		m.as.typing = false
		m.as.input.Blur()
		if m.as.editing != 0 { // an edit given up: the note stays as it was
			m.as.editing = 0
			m.as.input.SetValue("")
		}
		m.as.warned = ""
		m.as.sel[1] = max(len(m.arenaRows(a))-1, 0) // the newest note, most likely to fix
		return nil
	case key.Matches(k, m.keys.NextQuestion, m.keys.PrevQuestion):
		if _, i, ok := m.currentQuestion(a); ok {
			if key.Matches(k, m.keys.NextQuestion) {
				i = min(i+1, len(a.Questions)-1)
			} else {
				i = max(i-1, 0)
			}
			m.as.question = a.Questions[i].ID
		}
		return nil
	case key.Matches(k, m.keys.SaveNote):
		return m.saveNote(a)
	}
	m.as.warned = ""
	var cmd tea.Cmd
	m.as.input, cmd = m.as.input.Update(k)
	return cmd
}

// saveNote saves the capture line as a new note (or the edited one) after
// the name guard, in a command. The line is emptied at once, so what is
// typed next is the next note: every enter stores exactly what was typed
// since the one before (a line kept until the save came back merged two
// notes under fast typing). A failed save puts its text back in front.
func (m *arenaScreen) saveNote(a *board.Arena) tea.Cmd {
	text := strings.TrimSpace(m.as.input.Value())
	if text == "" {
		return nil
	}
	q, _, ok := m.question(a)
	if !ok {
		// Deleted (or moved out of reach) by a colleague: the text stays,
		// and the screen shows a question that exists; enter again saves
		// under it.
		m.as.question = 0
		m.setStatus(m.msg.ErrGone, true)
		return nil
	}
	if n := utf8.RuneCountInString(text); n > board.MaxText {
		// Refused, not cut: the line keeps all of it to shorten.
		m.setStatus(fmt.Sprintf(m.msg.ErrTooLongF, n, board.MaxText), true)
		return nil
	}
	speaker := ""
	if i := strings.Index(text, ":"); i > 0 && i <= 3 {
		if sp := strings.ToUpper(strings.TrimSpace(text[:i])); len(sp) >= 2 && sp[0] == 'L' && strings.Trim(sp[1:], "0123456789") == "" {
			if !board.ValidSpeaker(sp) {
				m.setStatus(m.msg.ErrSpeaker, true)
				return nil
			}
			speaker, text = sp, strings.TrimSpace(text[i+1:])
		}
	}
	names := board.LooksLikeName(text, m.b.Team.MemberNames())
	if !m.guard(&m.as.warned, text, func(string) {}) {
		m.as.warned = text
		return nil
	}
	op := board.ArenaOp{Kind: board.OpAddNote, Question: q.ID, Text: text, Speaker: speaker, Flagged: len(names) > 0, Suspect: names}
	if m.as.editing != 0 {
		// The version seen: a colleague's edit since is refused, not
		// silently overwritten.
		op.Kind, op.ID, op.Seen = board.OpEditNote, m.as.editing, m.as.seen
	}
	s, user, boardID, id := m.cfg.Store, m.cfg.User, m.b.ID, m.as.id
	sent := noteSavedMsg{typed: m.as.input.Value(), editing: m.as.editing, seen: m.as.seen}
	m.as.input.SetValue("")
	m.as.editing = 0
	return func() tea.Msg {
		if _, err := s.ChangeArena(user, boardID, id, op); err != nil {
			sent.err = err
		}
		return sent
	}
}

// noteSavedMsg reports a note's save; typed is the capture line as it was
// sent, to put back when the save failed.
type noteSavedMsg struct {
	typed   string
	editing uint64
	seen    uint64
	err     error
}

func (m *arenaScreen) noteSaved(msg noteSavedMsg) tea.Cmd {
	if msg.err != nil {
		// Nothing typed is lost: the failed note goes back in front of
		// what was typed since, and an edit is an edit again.
		rest := m.as.input.Value()
		m.as.input.SetValue(strings.TrimSpace(msg.typed + " " + rest))
		m.as.input.CursorEnd()
		if rest == "" {
			m.as.editing, m.as.seen = msg.editing, msg.seen
			var c *board.ConflictError
			if errors.As(msg.err, &c) {
				m.as.seen = 0 // they saw the message: enter again saves over it
			}
		}
		m.setStatus(m.msg.Err(msg.err), true)
		return nil
	}
	m.setStatus(m.msg.Saved, false)
	if m.b != nil {
		return m.loadSnapshot(m.b.ID)
	}
	return nil
}

func noteByID(a *board.Arena, id uint64) (board.Note, bool) {
	for _, n := range a.Notes {
		if n.ID == id {
			return n, true
		}
	}
	return board.Note{}, false
}
