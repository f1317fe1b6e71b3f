package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	gossh "golang.org/x/crypto/ssh"
)

// The commands a team lead uses to get people in: a team with a board, a
// member with a key, an invite code that works once.
func TestTeamMemberInviteCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bord.db")
	if _, _, err := run(t, "--db", db, "team", "add", "Team De Regenboog", "--member", "Fatima,Joost"); err != nil {
		t.Fatal(err)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	sshPub, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sshPub))) + " sanne@laptop"
	if _, _, err := run(t, "--db", db, "member", "add", "Sanne", "--team", "team de regenboog", "--key", line); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "--db", db, "member", "list")
	if err != nil {
		t.Fatal(err)
	}
	fp := sshserver.Fingerprint(sshPub)
	if !strings.Contains(out, "Sanne "+fp) || !strings.Contains(out, "Fatima") {
		t.Errorf("member list:\n%s", out)
	}
	if _, _, err := run(t, "--db", db, "member", "add", "Kees", "--team", "Team De Regenboog", "--key", "ssh-ed25519 nonsense"); err == nil {
		t.Error("a broken key was accepted")
	}
	if _, _, err := run(t, "--db", db, "--lang", "en", "member", "add", "Piet", "--team", "Team De Regenboog", "--key", line); err == nil || !strings.Contains(err.Error(), "belongs to someone else") {
		t.Errorf("one key, two people: %v", err)
	}
	out, _, err = run(t, "--db", db, "invite", "--team", "Team De Regenboog", "--ttl", "1h")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}`).FindString(out)
	if code == "" {
		t.Fatalf("no code in %q", out)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.RedeemInvite(strings.ToLower(code), "SHA256:nieuw", "Ahmed"); err != nil {
		t.Fatalf("redeem: %v", err)
	}
	if _, err := s.RedeemInvite(code, "SHA256:ander", "Ingrid"); err == nil {
		t.Error("an invite code worked twice")
	}
	id, ok := s.Identify("SHA256:nieuw")
	if !ok || id.Name != "Ahmed" || len(id.Teams) != 1 {
		t.Errorf("identity after invite: %+v %v", id, ok)
	}
}

// whoami and invite are the commands ssh host CMD runs too (package
// commands): on the command line they reach every team in the file; with
// one team invite needs no --team, and words after a command are refused.
func TestSharedCommandsLocally(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bord.db")
	if _, _, err := run(t, "--db", db, "team", "add", "Team De Regenboog"); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "--db", db, "--as", "Tester", "whoami")
	if err != nil || !strings.Contains(out, "Tester — teams: Team De Regenboog") {
		t.Errorf("whoami: %q %v", out, err)
	}
	out, _, err = run(t, "--db", db, "--lang", "en", "invite", "--ttl", "1h")
	if err != nil || !regexp.MustCompile(`^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}\n\(Team De Regenboog, valid until `).MatchString(out) {
		t.Errorf("invite without --team, one team: %q %v", out, err)
	}
	if _, _, err := run(t, "--db", db, "invite", "--ttl", "1000h"); err == nil || !strings.Contains(err.Error(), "720h") {
		t.Errorf("invite --ttl 1000h: %v", err)
	}
	if _, _, err := run(t, "--db", db, "team", "add", "Tweede team"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "--db", db, "invite"); err == nil || !strings.Contains(err.Error(), "Tweede team") {
		t.Errorf("invite without --team, two teams: %v; want the choice", err)
	}
	if out, _, err := run(t, "--db", db, "export", "extra"); err == nil || out != "" {
		t.Errorf("export extra: %q %v; want refused", out, err)
	}
}
