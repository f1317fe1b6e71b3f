package i18n

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
)

// ErrWhat: the report asked for does not exist.
var ErrWhat = errors.New("i18n: unknown report")

// Report renders one of the markdown reports of a board in this language:
// "actions", "board", "session" (the last bordsessie), "retro" or "arena"
// (the one whose topic starts with topic, else the latest). The CLI and
// the SSH server both export through it, so the two never differ.
func (m *Messages) Report(b *board.Board, what, topic string, now time.Time) (string, error) {
	switch what {
	case "actions", "acties", "":
		return board.MarkdownActions(b, m.Labels(), now), nil
	case "board", "bord":
		return board.MarkdownBoard(b, m.Labels(), now), nil
	case "session", "sessie":
		return board.MarkdownMeeting(b, m.Labels()), nil
	case "arena":
		for i := len(b.Arenas) - 1; i >= 0; i-- {
			a := &b.Arenas[i]
			if topic == "" || strings.HasPrefix(strings.ToLower(a.Topic), strings.ToLower(strings.TrimSpace(topic))) {
				// The team's names are always masked, also a member who
				// neither led nor took notes.
				l := m.ArenaLabels()
				l.Members = b.Team.MemberNames()
				return board.MarkdownArena(a, l), nil
			}
		}
		return "", fmt.Errorf(m.ErrNoArenaF, board.CleanLine(topic, 60))
	case "retro":
		for i := len(b.Retros) - 1; i >= 0; i-- {
			r := &b.Retros[i]
			if topic == "" || strings.HasPrefix(strings.ToLower(r.Topic), strings.ToLower(strings.TrimSpace(topic))) {
				return board.MarkdownRetro(b, r, m.RetroLabels(r)), nil
			}
		}
		return "", fmt.Errorf(m.ErrNoRetroF, board.CleanLine(topic, 60))
	}
	return "", &whatError{fmt.Sprintf(m.Words.ReportWhatF, board.CleanLine(what, 40))}
}

// whatError is ErrWhat worded for the user: its text is the whole message,
// with no internal prefix.
type whatError struct{ msg string }

func (e *whatError) Error() string { return e.msg }
func (e *whatError) Unwrap() error { return ErrWhat }

// ArenaLabels returns the words of an arena report.
func (m *Messages) ArenaLabels() board.ArenaLabels {
	return board.ArenaLabels{
		Arena: m.Arena, Group: m.FieldGroup, Questions: m.ArenaTabs[0], Themes: m.ArenaTabs[2], Ideas: m.ArenaTabs[3],
		NoTheme: m.NoTheme, Feasibility: m.Feasibility, Impact: m.Impact, ReportedBack: m.ArenaTabs[4],
		Open: m.ReportBackTodo, Nothing: m.MdNothing, NotesDeleted: m.NotesDeletedShort, NameMask: m.NameMask,
	}
}

// RetroLabels returns the words of a retrospective report.
func (m *Messages) RetroLabels(r *board.Retro) board.RetroLabels {
	cols := r.Columns
	if len(cols) == 0 {
		cols = m.FormatColumns[r.Format]
	}
	phase := m.Phases[r.PhaseIndex()]
	return board.RetroLabels{
		Retro: m.Retro, Period: m.Period, Phase: m.Phase, Facilitator: m.Facilitator, Actions: m.AreaAction,
		Review: m.Phases[0], Nothing: m.MdNothing, Columns: cols, PhaseName: phase,
		Statuses: map[board.Status]string{board.StatusTodo: m.StillOpen, board.StatusDoing: m.StatusDoing,
			board.StatusDone: m.StatusDone, board.StatusDropped: m.StatusDropped},
	}
}
