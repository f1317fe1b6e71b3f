package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
)

// TestDuoWordsComplete: every step, design field and talk step has a word
// in both languages (TestCatalogsComplete checks the messages).
func TestDuoWordsComplete(t *testing.T) {
	for _, d := range []DuoMessages{For(NL).Duo, For(EN).Duo} {
		for _, s := range board.Cycle {
			if d.Steps[s] == "" {
				t.Errorf("no word for step %s", s)
			}
		}
		for _, f := range board.DesignFields {
			if d.Fields[f] == "" {
				t.Errorf("no word for field %s", f)
			}
		}
		for _, s := range board.TalkSteps {
			if d.TalkSteps[s] == "" {
				t.Errorf("no word for talk step %s", s)
			}
		}
		if _, ok := d.err(board.ErrTooFewPartners); !ok {
			t.Error("a duo of one partner has no message")
		}
	}
}

// TestDuoReportNamesNoPupil: the report masks a pupil's name in every free
// text (observation, nagesprek, lesson), and a --duo that matches nothing
// says so.
func TestDuoReportNamesNoPupil(t *testing.T) {
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	d, err := board.NewDuo("Rekenen", 1, "Carla", []board.Partner{{Name: "Anna"}, {Name: "Bram"}}, now)
	if err != nil {
		t.Fatal(err)
	}
	ops := []board.DuoOp{
		{Kind: board.OpAddDesign, Design: board.DesignVersion{Group: "groep 6", Subject: "breuken", Goal: "vergelijken", Kijkvraag: "wie doet mee?"}},
		{Kind: board.OpPlanVisit, Visit: board.Visit{At: now.Add(time.Hour), Group: "groep 6", Teacher: "Anna", Visitor: "Bram", Design: 1}},
		{Kind: board.OpObserve, ID: 2, Text: "Daarna stak Mohammed zijn vinger op"},
		{Kind: board.OpTalk, ID: 2, Talk: board.Talk{Designer: "ik wilde zien wie meedoet", Saw: "ik zag dat Sven niet meedeed"}},
		{Kind: board.OpAddLesson, ID: 2, Text: "vraag Jayden vaker"},
	}
	for _, op := range ops {
		if err := d.Apply("Bram", op, now); err != nil {
			t.Fatalf("%s: %v", op.Kind, err)
		}
	}
	out, err := For(NL).DuoReport([]board.Duo{*d}, "", now)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Mohammed", "Sven", "Jayden"} {
		if strings.Contains(out, name) {
			t.Errorf("the report names %s:\n%s", name, out)
		}
	}
	for _, want := range []string{"# Duo: Rekenen", "versie 1", "Nagesprek", "2 Wat ik zag", "Lessen", `\[naam\]`} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if _, err := For(EN).DuoReport([]board.Duo{*d}, "Taal", now); err == nil || !strings.Contains(err.Error(), "Taal") {
		t.Errorf("an unknown duo: %v", err)
	}
}
