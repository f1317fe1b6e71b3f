package board

import "testing"

func TestSameName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Team 3–4", "team 3-4", true},
		{"Team 3 — 4", "TEAM 3 - 4", true},
		{"Bovenbouw - Rekenen", "bovenbouw  ‐  rekenen ", true},
		{"Team De Regenboog", "team de regenboog", true},
		{"Groep 7 – 8", "GROEP 7—8", true},
		{"Team 3-4", "Team 34", false},
		{"Team A", "Team B", false},
	} {
		if got := SameName(c.a, c.b); got != c.same {
			t.Errorf("SameName(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
