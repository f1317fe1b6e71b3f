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
func TestCatalogsComplete(t *testing.T) {
	sameCatalog(t, "", reflect.ValueOf(nl), reflect.ValueOf(en))
	if nl.AreaAction == en.AreaAction {
		t.Error("Dutch and English catalogs look the same")
	}
}

// sameCatalog checks two catalogs field by field, and the sub-catalogs
// (Words and the like) within them.
func sameCatalog(t *testing.T, prefix string, a, b reflect.Value) {
	t.Helper()
	typ := a.Type()
	for i := range typ.NumField() {
		name := prefix + typ.Field(i).Name
		if a.Field(i).Kind() == reflect.Struct {
			sameCatalog(t, name+".", a.Field(i), b.Field(i))
			continue
		}
		for _, v := range []reflect.Value{a.Field(i), b.Field(i)} {
			switch v.Kind() {
			case reflect.String:
				if v.String() == "" {
					t.Errorf("%s is empty in one language", name)
				}
			case reflect.Array:
				for j := range v.Len() {
					if v.Index(j).String() == "" {
						t.Errorf("%s[%d] is empty", name, j)
					}
				}
			}
		}
		if a.Field(i).Kind() == reflect.String && strings.Count(a.Field(i).String(), "%") != strings.Count(b.Field(i).String(), "%") {
			t.Errorf("%s: format verbs differ: %q vs %q", name, a.Field(i).String(), b.Field(i).String())
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
