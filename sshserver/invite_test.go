package sshserver_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	gossh "golang.org/x/crypto/ssh"
)

// Text on the invite screen and its answers, in Dutch (the default) and
// English. Each fits on one line of an 80-column screen, so it arrives as
// one run of text.
const (
	askInviteNL  = "Heb je een uitnodigingscode"
	askInviteEN  = "Do you have an invite code"
	badCodeNL    = "Deze code klopt niet"
	badCodeEN    = "This code is wrong"
	tooManyNL    = "Te veel pogingen"
	demoTeamText = "SWV Zuid-Holland Oost"
)

// boardData is text that only the demo board shows: none of it may reach
// a key that is not a member.
var boardData = []string{demoAction, "Koffie-afspraak", "Overzicht wachttijden", demoTeamText, store.DemoBoard, "Fatima", "Joost"}

// enterCode types an invite code and a name into the invite form: the
// code, enter to go to the name field, the name, enter to submit.
func (tm *term) enterCode(code, name string) {
	tm.t.Helper()
	tm.send(code, "\r", name, "\r")
}

// assertNoBoardData fails if any board text reached the terminal.
func (tm *term) assertNoBoardData() {
	tm.t.Helper()
	text := tm.text()
	for _, s := range boardData {
		if strings.Contains(text, s) {
			tm.t.Errorf("%s: board data %q reached a key that is not a member; the screen:\n%s", tm.name, s, tail(text))
		}
	}
}

// invite makes a code for the demo team.
func (e *env) invite(ttl time.Duration) string {
	e.t.Helper()
	code, _, err := e.st.CreateInvite("Marieke", e.teamID, ttl)
	if err != nil {
		e.t.Fatal(err)
	}
	return code
}

// assertUnknown fails if key belongs to anyone.
func (e *env) assertUnknown(t *testing.T, key gossh.Signer) {
	t.Helper()
	if id, ok := e.st.Identify(fp(key)); ok {
		t.Errorf("key %s was bound to %+v", fp(key), id)
	}
}

// An unknown key gets its fingerprint and the invite prompt, and nothing of
// any board: not by waiting, not by typing board keys, not after a wrong
// code, not on the way out.
func TestUnknownKeySeesOnlyInviteScreen(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	key := newKey(t)
	tm := e.open(t, key)
	tm.name = "unknown"
	tm.waitFor(fp(key))
	tm.waitFor(askInviteNL)
	if !strings.HasPrefix(fp(key), "SHA256:") {
		t.Fatalf("fingerprint %q is not SHA256", fp(key))
	}

	// Keys that open things on the board screen; here they only edit the
	// form. Then enter, enter: submitting without a name gets a message,
	// which shows the keys before it were all handled.
	tm.send("b", "\t", "\x1b[B", "?", "\r", "\r")
	tm.waitFor("Je naam mag niet leeg zijn")
	tm.assertNoBoardData()
	if on := e.srv.OnBoard(e.boardID); len(on) != 0 {
		t.Errorf("on the board: %v, want nobody", on)
	}

	tm.send("\x1b[A", "\x15") // up to the code field; ctrl+u clears it
	tm.enterCode("GEEN-ECHT-CODE", "Indringer")
	tm.waitFor(badCodeNL)
	tm.assertNoBoardData()

	tm.send("\x1b") // esc leaves
	if err := tm.ended(); err != nil {
		t.Errorf("leaving the invite screen: %v", err)
	}
	tm.assertNoBoardData()
	e.assertUnknown(t, key)
}

// A valid code binds the key to a new member: the board opens in the same
// session, and the next connection with that key goes straight to it.
func TestInviteCodeBindsKey(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	code := e.invite(time.Hour)
	key := newKey(t)

	tm := e.open(t, key)
	tm.name = "first"
	tm.waitFor(askInviteNL)
	tm.enterCode(code, "Noor")
	tm.waitFor(demoAction)
	tm.waitFor("jij: Noor")
	if !eventually(func() bool { return slices.Contains(e.srv.OnBoard(e.boardID), "Noor") }) {
		t.Errorf("Noor is not on the board: %v", e.srv.OnBoard(e.boardID))
	}
	id, ok := e.st.Identify(fp(key))
	if !ok || id.Name != "Noor" || !slices.Equal(id.Teams, []uint64{e.teamID}) {
		t.Fatalf("key identifies as %+v (%v), want Noor in team %d", id, ok, e.teamID)
	}

	again := e.open(t, key)
	again.name = "second"
	again.waitFor(demoAction)
	again.waitFor("jij: Noor")
	if strings.Contains(again.text(), askInviteNL) {
		t.Error("a bound key was asked for an invite code again")
	}
}

// Expired, used and made-up codes are refused with one message, in the
// client's language, and bind nothing. After a refusal the same session
// can still use a good code.
func TestBadInviteCodesRefused(t *testing.T) {
	t.Parallel()
	clk := newClock()
	e := startServerAt(t, clk, func(c *sshserver.Config) { c.InviteTries = 100 })

	expired := e.invite(time.Hour)
	used := e.invite(2 * time.Hour)
	if _, err := e.st.RedeemInvite(used, fp(newKey(t)), "Eerder"); err != nil {
		t.Fatal(err)
	}
	clk.Add(time.Hour + time.Second) // past the expired code's end
	codes := map[string]string{"expired": expired, "used": used, "garbage": "ABCD-EFGH-IJKL"}
	retry := e.invite(time.Hour)

	for _, lang := range []struct {
		name     string
		env      map[string]string
		ask, bad string
	}{
		{"nl", nil, askInviteNL, badCodeNL},
		{"en", map[string]string{"LANG": "en_US.UTF-8"}, askInviteEN, badCodeEN},
	} {
		for _, kind := range []string{"expired", "used", "garbage"} {
			t.Run(lang.name+"/"+kind, func(t *testing.T) {
				key := newKey(t)
				tm := openWith(t, e.mustDial(t, key), termOpts{env: lang.env})
				tm.name = lang.name + " " + kind
				tm.waitFor(lang.ask)
				tm.enterCode(codes[kind], "Gast "+lang.name+" "+kind)
				tm.waitFor(lang.bad)
				tm.assertNoBoardData()
				e.assertUnknown(t, key)
				if lang.name != "nl" || kind != "garbage" {
					return
				}
				// Back to the code field (up), clear it (ctrl+u), a good
				// code, enter, and enter again on the kept name.
				tm.send("\x1b[A", "\x15", retry, "\r", "\r")
				tm.waitFor(demoAction)
				if id, ok := e.st.Identify(fp(key)); !ok || id.Name != "Gast nl garbage" {
					t.Errorf("after a good code the key is %+v (%v)", id, ok)
				}
			})
		}
	}
}

// After InviteTries wrong codes from one key and address, even a valid code
// is refused with "too many attempts" and stays unused; another key from
// the same address is refused too.
func TestInviteAttemptsRateLimited(t *testing.T) {
	t.Parallel()
	e := startServer(t, func(c *sshserver.Config) {
		c.InviteTries = 2
		c.InviteRefill = time.Hour
	})
	key := newKey(t)
	try := func(key gossh.Signer, code, want string) {
		t.Helper()
		tm := e.open(t, key)
		tm.name = "code " + code
		tm.waitFor(askInviteNL)
		tm.enterCode(code, "Raad")
		tm.waitFor(want)
		tm.assertNoBoardData()
		tm.sess.Close()
	}
	try(key, "AAAA-BBBB-CCCC", badCodeNL)
	try(key, "DDDD-EEEE-FFFF", badCodeNL)

	good := e.invite(time.Hour)
	try(key, good, "Te veel pogingen. Probeer het over 60 minuten opnieuw.") // one try more per hour
	e.assertUnknown(t, key)

	other := newKey(t)
	try(other, good, tooManyNL)
	e.assertUnknown(t, other)

	// The refusals came before the store: the code is still good.
	if _, err := e.st.RedeemInvite(good, fp(newKey(t)), "Later"); err != nil {
		t.Errorf("the valid code was used up by a refused attempt: %v", err)
	}
}

// People copy their code from a mail or chat and paste it; a terminal with
// bracketed paste on (bubbletea turns it on) sends it as a paste.
func TestInviteCodeCanBePasted(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	key := newKey(t)
	tm := e.open(t, key)
	tm.waitFor(askInviteNL)
	tm.send("\x1b[200~"+e.invite(time.Hour)+"\x1b[201~", "\r", "Plakker", "\r")
	tm.waitFor(demoAction)
	if id, ok := e.st.Identify(fp(key)); !ok || id.Name != "Plakker" {
		t.Errorf("after a pasted code the key is %+v (%v)", id, ok)
	}
}
