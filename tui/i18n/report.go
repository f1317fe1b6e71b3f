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
// "actions", "board", "session" (the last bordsessie) or "retro" (the
// retrospective whose topic starts with retro, else the latest). The CLI and
// the SSH server both export through it, so the two never differ.
func (m *Messages) Report(b *board.Board, what, retro string, now time.Time) (string, error) {
	switch what {
	case "actions", "acties", "":
		return board.MarkdownActions(b, m.Labels(), now), nil
	case "board", "bord":
		return board.MarkdownBoard(b, m.Labels(), now), nil
	case "session", "sessie":
		return board.MarkdownMeeting(b, m.Labels()), nil
	case "retro":
		for i := len(b.Retros) - 1; i >= 0; i-- {
			r := &b.Retros[i]
			if retro == "" || strings.HasPrefix(strings.ToLower(r.Topic), strings.ToLower(strings.TrimSpace(retro))) {
				return board.MarkdownRetro(b, r, m.RetroLabels(r)), nil
			}
		}
		return "", fmt.Errorf(m.ErrNoRetroF, board.CleanLine(retro, 60))
	}
	return "", fmt.Errorf("%w: --what actions | board | session | retro", ErrWhat)
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
