package board

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The arena and bordsessie tests' fixed times, Monday 23 November 2026,
// and their team of two.
var (
	arenaDay     = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	sessionStart = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	fatimaJoost  = Team{Members: []Member{{Name: "Fatima"}, {Name: "Joost"}}}
)

func TestArenaRules(t *testing.T) {
	now, team := arenaDay, fatimaJoost
	if _, err := NewArena("", now, "groep 7", 6, "Fatima", nil, 0, team, now); err == nil {
		t.Error("an arena without a topic")
	}
	if _, err := NewArena("Uitleg", now, "groep 7", 6, "Kees", nil, 0, team, now); err == nil {
		t.Error("a discussion leader outside the team")
	}
	if _, err := NewArena("Uitleg", now, "groep 7", 0, "Fatima", nil, 0, team, now); err == nil {
		t.Error("an arena without pupils")
	}
	a, err := NewArena("Uitleg", now, "groep 7", 9, "fatima", []string{"joost", "Joost", ""}, 0, team, now)
	if err != nil {
		t.Fatal(err)
	}
	if a.Leader != "Fatima" || len(a.NoteTakers) != 1 || a.Minutes != DefaultArenaMinutes || !a.TooManyPupils() || !a.Open() {
		t.Errorf("new arena: %+v", a)
	}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddQuestion, Text: "Wat helpt jou het meest bij de uitleg?"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddQuestion, Text: "Wanneer leer je het meest?"}, now))
	q1, q2 := a.Questions[0].ID, a.Questions[1].ID
	must(t, a.Apply("Joost", ArenaOp{Kind: OpMoveQuestion, ID: q2, Delta: -1}, now))
	if a.Questions[0].ID != q2 {
		t.Error("question not moved up")
	}
	if err := a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: 99, Text: "x"}, now); err == nil {
		t.Error("a note on a question that does not exist")
	}
	if err := a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q1, Text: "x", Speaker: "Sanne"}, now); err == nil {
		t.Error("a speaker that is not L1…L8")
	}
	for _, sp := range []string{"L9", "L0", "L10"} {
		if err := a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q1, Text: "x", Speaker: sp}, now); err == nil {
			t.Errorf("speaker %s: at most %d pupils get a label", sp, MaxPupils)
		}
	}
	if !ValidSpeaker("L1") || !ValidSpeaker("L8") || ValidSpeaker("L9") {
		t.Error("ValidSpeaker is not L1…L8")
	}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q1, Text: "te snel", Speaker: "l3"}, now.Add(time.Minute)))
	must(t, a.Apply("Fatima", ArenaOp{Kind: OpAddNote, Question: q1, Text: "meer voorbeelden"}, now.Add(2*time.Minute)))
	if !a.Started.Equal(now.Add(time.Minute)) || a.Notes[0].Speaker != "L3" || len(a.NotesOf(q1)) != 2 {
		t.Errorf("notes: %+v", a)
	}
	if err := a.Apply("Fatima", ArenaOp{Kind: OpDeleteNote, ID: a.Notes[0].ID}, now); !errors.Is(err, ErrNotYours) || len(a.Notes) != 2 {
		t.Errorf("deleted someone else's note: %v", err)
	}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddTheme, Text: "Tempo van de uitleg"}, now))
	th := a.Themes[0].ID
	must(t, a.Apply("Joost", ArenaOp{Kind: OpSetTheme, ID: a.Notes[0].ID, Theme: th}, now))
	if err := a.Apply("Joost", ArenaOp{Kind: OpAddIdea, Text: "Korter uitleggen", Feasibility: 4, Impact: 2}, now); err == nil {
		t.Error("a rating above 3")
	}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddIdea, Text: "Korter uitleggen", Theme: th, Feasibility: 3, Impact: 2}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpRateIdea, ID: a.Ideas[0].ID, Feasibility: 2, Impact: 3}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpReportBack, Text: "In de klas verteld", Date: now}, now))
	if a.Open() {
		t.Error("still open after reporting back")
	}
	if err := a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q1, Text: "laat"}, now); !errors.Is(err, ErrReported) {
		t.Errorf("a note after reporting back: %v", err)
	}
}

func TestArenaExpire(t *testing.T) {
	day := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	a := &Arena{Date: day, Notes: []Note{{ID: 1, Text: "x"}}, Themes: []Theme{{ID: 2, Title: "t"}}, Ideas: []Idea{{ID: 3, Text: "i"}}}
	if a.Expire(30, day.AddDate(0, 0, 29)) {
		t.Error("expired a day early")
	}
	if !a.Expire(30, day.AddDate(0, 0, 30)) || len(a.Notes) != 0 || len(a.Themes) != 1 || len(a.Ideas) != 1 || a.NotesDeleted.IsZero() {
		t.Errorf("expire: %+v", a)
	}
	if a.Expire(30, day.AddDate(1, 0, 0)) {
		t.Error("expired twice")
	}
	b := &Arena{Date: day, Notes: []Note{{ID: 1}}}
	if b.Expire(0, day.AddDate(0, 0, DefaultRetentionDays-1)) || !b.Expire(0, day.AddDate(0, 0, DefaultRetentionDays)) {
		t.Error("the default retention period")
	}
}

func TestCheckQuestion(t *testing.T) {
	for q, want := range map[string]QuestionProblem{
		"Wat helpt jou het meest bij de uitleg?": "",
		"Vind je de uitleg goed?":                QuestionClosed,
		"Is de les leuk genoeg voor jou?":        QuestionClosed,
		"Hoe gaat het?":                          QuestionVague,
		"Do you like maths lessons?":             QuestionClosed,
		"When do you learn most, and why?":       "",
	} {
		if got := CheckQuestion(q); got != want {
			t.Errorf("CheckQuestion(%q) = %q, want %q", q, got, want)
		}
	}
}

// A note-taker deletes and edits her own notes; a note saved over the name
// guard may be fixed by anyone, so a name does not wait for its writer.
func TestArenaNoteDeleteEdit(t *testing.T) {
	now := arenaDay
	a := &Arena{Date: now, NextID: 1}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddQuestion, Text: "Wat helpt jou het meest?"}, now))
	q := a.Questions[0].ID
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "te snel"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "Sanne vindt het fijn", Flagged: true, Suspect: []string{"Sanne"}}, now))
	mine, flagged := a.Notes[0].ID, a.Notes[1].ID
	if !a.Notes[1].Flagged || len(a.Notes[1].Suspect) != 1 {
		t.Fatalf("flag not kept: %+v", a.Notes[1])
	}
	if err := a.Apply("Fatima", ArenaOp{Kind: OpEditNote, ID: mine, Text: "anders"}, now); !errors.Is(err, ErrNotYours) {
		t.Errorf("edited someone else's note: %v", err)
	}
	must(t, a.Apply("Fatima", ArenaOp{Kind: OpEditNote, ID: flagged, Text: "een leerling vindt het fijn", Speaker: "L2"}, now))
	if n := a.Notes[1]; n.Text != "een leerling vindt het fijn" || n.Speaker != "L2" || n.Flagged || n.Suspect != nil {
		t.Errorf("rephrased note: %+v", n)
	}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpDeleteNote, ID: mine}, now))
	if len(a.Notes) != 1 || a.Notes[0].ID != flagged {
		t.Errorf("delete: %+v", a.Notes)
	}
	if err := a.Apply("Joost", ArenaOp{Kind: OpDeleteNote, ID: mine}, now); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting a deleted note: %v", err)
	}
}

// Deleting a question deletes its notes: orphans would be on no screen and
// in no report, yet keep what pupils said.
func TestArenaDeleteQuestionDeletesNotes(t *testing.T) {
	now := arenaDay
	a := &Arena{Date: now, NextID: 1}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddQuestion, Text: "Wat helpt jou het meest?"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddQuestion, Text: "Wanneer leer je het meest?"}, now))
	q1, q2 := a.Questions[0].ID, a.Questions[1].ID
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q1, Text: "een"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q2, Text: "twee"}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpDeleteQuestion, ID: q1}, now))
	if len(a.Notes) != 1 || a.Notes[0].Question != q2 {
		t.Errorf("notes after deleting their question: %+v", a.Notes)
	}
}

// A note saved over the name guard is masked in the report, and only the
// suspected words: the rest of what the pupil said stays.
func TestMarkdownArenaMasksFlaggedNotes(t *testing.T) {
	now := arenaDay
	a := &Arena{Topic: "Uitleg", Date: now, Group: "groep 7", Pupils: 6, Leader: "Fatima", NextID: 1}
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddQuestion, Text: "Wat helpt jou het meest?"}, now))
	q := a.Questions[0].ID
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "Sanne en wouter vinden de uitleg van Fatima fijn", Speaker: "L2",
		Flagged: true, Suspect: []string{"Sanne", "wouter", "Fatima"}}, now))
	must(t, a.Apply("Joost", ArenaOp{Kind: OpAddNote, Question: q, Text: "vaker samenwerken"}, now))
	md := MarkdownArena(a, ArenaLabels{NameMask: "[naam]"})
	for _, name := range []string{"Sanne", "wouter", "Fatima"} {
		if strings.Contains(md, name) {
			t.Errorf("report names %s:\n%s", name, md)
		}
	}
	for _, want := range []string{`- L2: \[naam\] en \[naam\] vinden de uitleg van \[naam\] fijn`, "- vaker samenwerken"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
	if md := MarkdownArena(a, ArenaLabels{}); !strings.Contains(md, `\[…\] en`) {
		t.Errorf("no mask label: %s", md)
	}
}
