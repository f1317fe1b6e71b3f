package i18n

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// Every message must exist in both languages, and a format string must take
// the same verbs in both, or one language shows a blank or %!d(MISSING).
// The walk reaches every string of the catalogs: fields, sub-catalogs,
// arrays, lists and maps.
func TestCatalogsComplete(t *testing.T) {
	sameCatalog(t, "", reflect.ValueOf(nl), reflect.ValueOf(en))
	if nl.AreaAction == en.AreaAction {
		t.Error("Dutch and English catalogs look the same")
	}
}

// sameCatalog checks two catalog values (a Messages, a sub-catalog, a list
// or a map in one) string by string: none empty, the same verbs, and lists
// and maps of the same length and keys.
func sameCatalog(t *testing.T, name string, a, b reflect.Value) {
	t.Helper()
	switch a.Kind() {
	case reflect.String:
		x, y := a.String(), b.String()
		if x == "" || y == "" {
			t.Errorf("%s is empty in one language: %q / %q", name, x, y)
		}
		if strings.Count(x, "%") != strings.Count(y, "%") {
			t.Errorf("%s: format verbs differ: %q vs %q", name, x, y)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if f := a.Type().Field(i); f.IsExported() {
				sameCatalog(t, strings.TrimPrefix(name+"."+f.Name, "."), a.Field(i), b.Field(i))
			}
		}
	case reflect.Array, reflect.Slice:
		if a.Len() != b.Len() || a.Len() == 0 {
			t.Errorf("%s: %d words in one language, %d in the other", name, a.Len(), b.Len())
			return
		}
		for j := range a.Len() {
			sameCatalog(t, fmt.Sprintf("%s[%d]", name, j), a.Index(j), b.Index(j))
		}
	case reflect.Map:
		if a.Len() != b.Len() || a.Len() == 0 {
			t.Errorf("%s: %d words in one language, %d in the other", name, a.Len(), b.Len())
		}
		for _, k := range a.MapKeys() {
			if !b.MapIndex(k).IsValid() {
				t.Errorf("%s[%v] is missing in one language", name, k)
				continue
			}
			sameCatalog(t, fmt.Sprintf("%s[%v]", name, k), a.MapIndex(k), b.MapIndex(k))
		}
	}
}

func TestErrWording(t *testing.T) {
	m := For(NL)
	tests := []struct {
		err  error
		want string
	}{
		{&board.ValidationError{Field: "what", Problem: board.ProblemEmpty}, "Wat mag niet leeg zijn."},
		{fmt.Errorf("wrapped: %w", &board.ValidationError{Field: "who", Problem: board.ProblemUnknownOwner, Value: "Kees"}), `"Kees" is geen lid van dit team.`},
		{&board.ConflictError{By: "Sanne", At: time.Date(2026, 11, 23, 14, 5, 0, 0, time.Local)}, "Sanne heeft dit om 14:05 al gewijzigd."},
		{board.ErrBadDate, m.ErrBadDate},
		{fmt.Errorf("x: %w", board.ErrNotFound), m.ErrGone},
		{fmt.Errorf("some internal detail"), m.ErrGeneric},
	}
	for _, tt := range tests {
		if got := m.Err(tt.err); got != tt.want {
			t.Errorf("Err(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if got := For(EN).Err(&board.ValidationError{Field: "when", Problem: board.ProblemPastDate}); got != "That date is in the past." {
		t.Errorf("English past date: %q", got)
	}
}

func TestLanguageChoice(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	if FromEnv(env(map[string]string{"LANG": "en_GB.UTF-8"})) != EN {
		t.Error("English LANG should give English")
	}
	if FromEnv(env(map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "nl_NL.UTF-8"})) != NL {
		t.Error("LC_ALL goes before LANG")
	}
	if FromEnv(env(nil)) != NL {
		t.Error("Dutch is the default")
	}
	if _, ok := Parse("fr"); ok {
		t.Error("fr is not supported")
	}
	if got := For(NL).Date(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)); got != "vr 4 dec 2026" {
		t.Errorf("Date = %q", got)
	}
}

// The retrospective's rule errors each get their own sentence in both
// languages, never the generic "something went wrong".
func TestErrWordingRetro(t *testing.T) {
	for _, l := range []Lang{NL, EN} {
		m := For(l)
		seen := map[string]bool{}
		for _, err := range []error{board.ErrPhase, board.ErrNotFacilitator, board.ErrNoVotesLeft, board.ErrNotYours} {
			got := m.Err(fmt.Errorf("store: %w", err))
			if got == m.ErrGeneric || seen[got] {
				t.Errorf("%s: Err(%v) = %q", l, err, got)
			}
			seen[got] = true
		}
	}
}

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

// A missing arena is reported as a missing arena, not a missing retro.
func TestReportNoArena(t *testing.T) {
	for _, l := range []Lang{NL, EN} {
		m := For(l)
		_, err := m.Report(&board.Board{}, "arena", "rekenen", time.Now())
		if err == nil || err.Error() != fmt.Sprintf(m.ErrNoArenaF, "rekenen") {
			t.Errorf("%s: %v", l, err)
		}
		if _, err := m.Report(&board.Board{}, "retro", "rekenen", time.Now()); err == nil || err.Error() != fmt.Sprintf(m.ErrNoRetroF, "rekenen") {
			t.Errorf("%s retro: %v", l, err)
		}
	}
}
