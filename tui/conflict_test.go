package tui

import (
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The conflict box names every field in which the stored version differs
// from the user's, in their language (issue 13): here the text Bert
// typed, and the status and owner Fatima changed meanwhile (and with
// the status, the day it was done).
func TestConflictShowsEveryField(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.NL, "Verschilt van jouw versie: wat, wie, status, afgerond op."},
		{i18n.EN, "Differs from your version: what, who, status, done on."},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			bert, a, info := editing(t, tt.lang, "Checklist")
			bert.fill("what", "Checklist aanvraag, korter")
			theirs := a
			theirs.Status = board.StatusDone
			theirs.Who = "Joost"
			if theirs.Who == a.Who {
				theirs.Who = "Sanne"
			}
			if _, err := bert.s.Update("Fatima", info.ID, &theirs); err != nil {
				t.Fatal(err)
			}
			bert.awaitChange()
			bert.press("ctrl+s")
			if bert.m.form == nil || bert.m.form.err == "" {
				t.Fatalf("no conflict shown\n%s", bert.plain())
			}
			mustContain(t, bert.plain(), tt.want)
		})
	}
}
