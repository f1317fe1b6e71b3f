package i18n

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// The plan's errors get a sentence that says what to do, in both
// languages, also when wrapped.
func TestPlanErrors(t *testing.T) {
	for _, c := range []struct {
		err    error
		nl, en string
	}{
		{fmt.Errorf("x: %w", &board.OutsidePeriodError{Date: time.Date(2031, 1, 5, 0, 0, 0, 0, time.UTC), FromYear: 2026, ToYear: 2030}),
			"buiten de planperiode 2026–2030", "outside the speerpunt's plan period 2026–2030"},
		{&board.PhaseConflictError{Current: board.PlanYear{Year: 2026, Phase: board.BKA2, History: []board.PhaseChange{{Stamp: board.Stamp{By: "Bram"}}}}},
			"Bram zette 2026 net op BKA2", "Bram just set 2026 to BKA2"},
		{board.ErrSharedSpeerpunt, "andere teams", "Other teams"},
		{fmt.Errorf("%w: %q", board.ErrNotANumber, "abc"), "geen getal", "not a number"},
	} {
		if got := For(NL).Err(c.err); !strings.Contains(got, c.nl) {
			t.Errorf("nl %v: %q", c.err, got)
		}
		if got := For(EN).Err(c.err); !strings.Contains(got, c.en) {
			t.Errorf("en %v: %q", c.err, got)
		}
	}
}
