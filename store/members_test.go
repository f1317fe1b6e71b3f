package store_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/store"
)

// An expired code is refused and deleted: with the clock turned back it
// still does not work. (The delete used to be rolled back with the error.)
func TestInviteExpiredIsDeleted(t *testing.T) {
	f := newFixture(t)
	code, _, err := f.s.CreateInvite("Anna", f.team.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	f.clk.Add(2 * time.Hour)
	if _, err := f.s.RedeemInvite(code, "SHA256:laat", "Laat"); !errors.Is(err, store.ErrInvite) {
		t.Fatalf("expired code: %v, want ErrInvite", err)
	}
	f.clk.Add(-2 * time.Hour)
	if _, err := f.s.RedeemInvite(code, "SHA256:laat", "Laat"); !errors.Is(err, store.ErrInvite) {
		t.Fatalf("the expired code was kept: redeeming it in its hour again gave %v, want ErrInvite", err)
	}
	if _, ok := f.s.Identify("SHA256:laat"); ok {
		t.Error("the key joined with an expired code")
	}
}

// A valid code works once.
func TestInviteOnce(t *testing.T) {
	f := newFixture(t)
	code, _, err := f.s.CreateInvite("Anna", f.team.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.RedeemInvite(strings.ToLower(code), "SHA256:nieuw", "Nieuw"); err != nil {
		t.Fatalf("redeem: %v", err)
	}
	if id, ok := f.s.Identify("SHA256:nieuw"); !ok || len(id.Teams) != 1 || id.Teams[0] != f.team.ID {
		t.Errorf("Identify after redeem: %+v %v", id, ok)
	}
	if _, err := f.s.RedeemInvite(code, "SHA256:ander", "Ander"); !errors.Is(err, store.ErrInvite) {
		t.Errorf("second use: %v, want ErrInvite", err)
	}
}

// Only a hash of a code is stored: the file holds no form of the code
// itself, so a copy of the database cannot be used to join.
func TestInviteCodeNotInFile(t *testing.T) {
	f := newFixture(t)
	var codes []string
	for range 5 {
		code, _, err := f.s.CreateInvite("Anna", f.team.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, code)
	}
	data, err := os.ReadFile(f.path) // bbolt has written every commit
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range codes {
		bare := strings.ReplaceAll(code, "-", "")
		for _, form := range []string{code, bare, strings.ToLower(bare), bare[:8], bare[4:]} {
			if bytes.Contains(data, []byte(form)) {
				t.Errorf("the database file contains %q of code %s", form, code)
			}
		}
	}
}
