package board

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func handTeam() Team {
	return Team{Members: []Member{{Name: "Sanne"}, {Name: "Joost"}, {Name: "Fatima"}}}
}

func TestRetroHandOver(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	team := handTeam()
	r, err := NewRetro("Gedrag", "", nil, time.Time{}, time.Time{}, "Sanne", now)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.ApplyIn("Joost", RetroOp{Kind: OpHandRetro, Text: "Fatima"}, team, now); !errors.Is(err, ErrNotLeader) {
		t.Fatalf("a member who does not facilitate handed over: %v", err)
	}
	var ve *ValidationError
	if err := r.ApplyIn("Sanne", RetroOp{Kind: OpHandRetro, Text: "Gast"}, team, now); !errors.As(err, &ve) || ve.Value != "Gast" {
		t.Fatalf("handed to someone outside the team: %v", err)
	}
	if err := r.ApplyIn("sanne", RetroOp{Kind: OpHandRetro, Text: "joost"}, team, now); err != nil {
		t.Fatal(err)
	}
	if r.Facilitator != "Joost" {
		t.Fatalf("facilitator %q, want Joost as the team spells it", r.Facilitator)
	}
	// Handing to oneself records nothing.
	if err := r.ApplyIn("Joost", RetroOp{Kind: OpHandRetro, Text: "Joost"}, team, now); err != nil {
		t.Fatal(err)
	}
	if got := r.Led(); !slices.Equal(got, []string{"Sanne", "Joost"}) {
		t.Fatalf("led by %v", got)
	}
	if err := r.MovePhase("Sanne", PhaseWrite, now); !errors.Is(err, ErrNotFacilitator) {
		t.Fatalf("the old facilitator still moves phases: %v", err)
	}
	md := MarkdownRetro(&Board{}, r, RetroLabels{Facilitator: "Gespreksleider"})
	if !strings.Contains(md, "Gespreksleider: Sanne → Joost") {
		t.Fatalf("report does not say who led:\n%s", md)
	}
	r.Phase = PhaseClosed
	if err := r.ApplyIn("Joost", RetroOp{Kind: OpHandRetro, Text: "Sanne"}, team, now); !errors.Is(err, ErrPhase) {
		t.Fatalf("a closed retrospective was handed over: %v", err)
	}
}

func TestArenaHandOver(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	team := handTeam()
	a, err := NewArena("Uitleg", now, "groep 7", 6, "Sanne", nil, 0, team, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.ApplyIn("Joost", ArenaOp{Kind: OpHandLead, Text: "Joost"}, team, now); !errors.Is(err, ErrNotLeader) {
		t.Fatalf("a member took the lead from a leader still in the team: %v", err)
	}
	if err := a.ApplyIn("Sanne", ArenaOp{Kind: OpHandLead, Text: "Joost"}, team, now); err != nil {
		t.Fatal(err)
	}
	// Joost leaves the team: anyone still in it may hand the role on.
	left := Team{Members: []Member{{Name: "Sanne"}, {Name: "Fatima"}}}
	if err := a.ApplyIn("Fatima", ArenaOp{Kind: OpHandLead, Text: "Fatima"}, left, now); err != nil {
		t.Fatal(err)
	}
	if got := a.Led(); !slices.Equal(got, []string{"Sanne", "Joost", "Fatima"}) {
		t.Fatalf("led by %v", got)
	}
	if err := a.Apply("Fatima", ArenaOp{Kind: OpReportBack, Text: "in de klas", Date: now}, now); err != nil {
		t.Fatal(err)
	}
	if err := a.ApplyIn("Fatima", ArenaOp{Kind: OpHandLead, Text: "Sanne"}, left, now); !errors.Is(err, ErrReported) {
		t.Fatalf("a reported-back arena was handed over: %v", err)
	}
}
