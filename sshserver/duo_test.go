package sshserver_test

import (
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store/storetest/storefix"
	gossh "golang.org/x/crypto/ssh"
)

// duoSchools is a server with the demo (the SWV's team, Marieke its
// member and the coordinator) and two schools, each with a board holding a
// secret, and a duo of Anna (De Linde) and Dirk (Het Anker) with a design.
type duoSchools struct {
	*env
	anna, dirk gossh.Signer
	linde      board.Info
	duoID      uint64
}

const (
	duoName     = "Rekenen bovenbouw"
	lindeSecret = "Lindegeheim77"
	ankerSecret = "Ankergeheim88"
	duoQuestion = "Wie doet mee bij de wisbordjes?"
)

func newDuoSchools(t *testing.T) *duoSchools {
	t.Helper()
	e := startServer(t, nil)
	d := &duoSchools{env: e}
	tomorrow := tomorrow()
	var teams [2]uint64
	for i, s := range []struct{ team, board, who, secret string }{
		{"De Linde", "Bord Linde", "Anna", lindeSecret}, {"Het Anker", "Bord Anker", "Dirk", ankerSecret},
	} {
		b := storefix.TeamBoard(t, e.st, "Beheer", s.team, s.board, s.who)
		teams[i] = b.TeamID
		if _, err := e.st.Add(s.who, b.ID, &board.Action{What: s.secret + " bespreken", Who: s.who, When: tomorrow}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			d.linde = b
		}
	}
	duo, err := e.st.CreateDuo("Marieke", e.teamID, duoName, []board.Partner{{Name: "Anna", TeamID: teams[0]}, {Name: "Dirk", TeamID: teams[1]}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.ChangeDuo("Anna", duo.ID, board.DuoOp{Kind: board.OpAddDesign, Design: board.DesignVersion{
		Group: "groep 6", Subject: "breuken", Goal: "breuken vergelijken", Kijkvraag: duoQuestion}}); err != nil {
		t.Fatal(err)
	}
	d.duoID = duo.ID
	d.anna, d.dirk = e.memberOf(teams[0], "Anna"), e.memberOf(teams[1], "Dirk")
	return d
}

// taal is a second duo of Marieke's team, Taal: Anna of De Linde and
// Sanne, who has no team and is still to be invited.
func (d *duoSchools) taal(t *testing.T) board.Duo {
	t.Helper()
	duo, err := d.st.CreateDuo("Marieke", d.teamID, "Taal", []board.Partner{{Name: "Anna", TeamID: d.linde.TeamID}, {Name: "Sanne"}})
	if err != nil {
		t.Fatal(err)
	}
	return duo
}

// TestDuoPartnerSeesTheDuoOnly: Dirk, of Het Anker, exports the duo he
// shares with Anna of De Linde, and reaches nothing else of De Linde: not
// its board by name, not its secret, not its team in whoami. A colleague
// of Anna who is no partner does not get the duo.
func TestDuoPartnerSeesTheDuoOnly(t *testing.T) {
	t.Parallel()
	d := newDuoSchools(t)
	out, errOut, status := d.run(t, d.dirk, "export --what duo")
	if status != 0 || !strings.Contains(out, duoName) || !strings.Contains(out, duoQuestion) {
		t.Fatalf("Dirk's duo export (%d): %q %q", status, out, errOut)
	}
	if strings.Contains(out, lindeSecret) || strings.Contains(out, "Bord Linde") {
		t.Errorf("the duo export shows De Linde's board:\n%s", out)
	}
	out, errOut, status = d.run(t, d.dirk, `export --board "Bord Linde" --what board`)
	if status == 0 || strings.Contains(out+errOut, lindeSecret) {
		t.Errorf("Dirk exported De Linde's board (%d): %q %q", status, out, errOut)
	}
	if out, _, _ := d.run(t, d.dirk, "whoami"); strings.Contains(out, "De Linde") {
		t.Errorf("Dirk's whoami names De Linde: %q", out)
	}
	// Anna's colleague at De Linde is no partner: no duo.
	els := d.memberOf(d.linde.TeamID, "Els")
	if out, errOut, status := d.run(t, els, "export --what duo"); status == 0 || strings.Contains(out, duoQuestion) {
		t.Errorf("Els, no partner, exported the duo (%d): %q %q", status, out, errOut)
	}
	// The coordinator gets it, found by the start of its name.
	if out, _, status := d.run(t, d.member("Marieke"), "export --what duo --duo reken"); status != 0 || !strings.Contains(out, duoQuestion) {
		t.Errorf("the coordinator's export (%d): %q", status, out)
	}
}

// TestDuoInviteOverSSH: the coordinator makes a code into one duo over SSH;
// the key that uses it is that duo's partner and reaches no team, no board
// and no other duo.
func TestDuoInviteOverSSH(t *testing.T) {
	t.Parallel()
	d := newDuoSchools(t)
	d.taal(t)
	if _, errOut, status := d.run(t, d.anna, "invite --duo Taal --partner Sanne"); status == 0 {
		t.Errorf("a partner made a duo invite: %q", errOut)
	}
	code, errOut, status := d.run(t, d.member("Marieke"), "invite --duo Taal --partner Sanne")
	if status != 0 {
		t.Fatalf("duo invite: %q", errOut)
	}
	sanne := newKey(t)
	if _, err := d.st.RedeemInvite(strings.Fields(code)[0], fp(sanne), "Sanne"); err != nil {
		t.Fatal(err)
	}
	out, errOut, status := d.run(t, sanne, "export --what duo")
	if status != 0 || !strings.Contains(out, "# Duo: Taal") || strings.Contains(out, duoName) {
		t.Errorf("Sanne's export (%d): %q %q", status, out, errOut)
	}
	if out, errOut, _ := d.run(t, sanne, "export --what board"); strings.Contains(out+errOut, lindeSecret) || strings.Contains(out, "Marieke") {
		t.Errorf("Sanne reached a board: %q %q", out, errOut)
	}
}

// TestDuoPartnerTerminal: in his own terminal Dirk, of Het Anker, opens
// the duo with Anna of De Linde, sees its design live as Anna changes it,
// and nothing of De Linde's board reaches his screen; his board picker
// lists only his own board.
func TestDuoPartnerTerminal(t *testing.T) {
	t.Parallel()
	d := newDuoSchools(t)
	tm := d.open(t, d.dirk)
	tm.name = "Dirk"
	tm.waitFor(ankerSecret)
	tm.send("D")
	tm.waitFor(duoName)
	tm.send("\r")
	tm.waitFor(duoQuestion)
	duo, err := d.st.Duo(d.duoID)
	if err != nil {
		t.Fatal(err)
	}
	v := duo.Designs[0].Current()
	v.Kijkvraag = "Wie kijkt terug naar het leerdoel?"
	if _, err := d.st.ChangeDuo("Anna", duo.ID, board.DuoOp{Kind: board.OpReviseDesign, ID: duo.Designs[0].ID, Design: v, Seen: 1}); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("Wie kijkt terug naar het leerdoel?")
	tm.send("\x1b")
	tm.repaint("Volgend bezoek") // the duo list again
	tm.send("\x1b")
	tm.repaint(ankerSecret) // his board
	tm.send("b")
	picker := tm.repaint("Kies een bord")
	if !strings.Contains(picker, "Bord Anker") || strings.Contains(picker, "Bord Linde") {
		t.Errorf("Dirk's picker:\n%s", picker)
	}
	for _, leak := range []string{lindeSecret, "Bord Linde"} {
		if strings.Contains(tm.text(), leak) {
			t.Errorf("De Linde's %q reached Dirk's terminal:\n%s", leak, tail(tm.text()))
		}
	}
}

// TestDuoInviteTerminal: a teacher with no team joins with the duo's code
// on the invite screen and lands on that duo, nothing else.
func TestDuoInviteTerminal(t *testing.T) {
	t.Parallel()
	d := newDuoSchools(t)
	code, _, err := d.st.CreateDuoInvite("Marieke", d.taal(t).ID, "Sanne", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	tm := d.open(t, newKey(t))
	tm.name = "Sanne"
	tm.waitFor(askInviteNL)
	tm.enterCode(code, "Sanne")
	tm.waitFor("Anna (De Linde), Sanne")
	tm.send("\r")
	tm.waitFor("Nog geen lesontwerp")
	for _, leak := range append([]string{lindeSecret, ankerSecret, duoName}, boardData...) {
		if strings.Contains(tm.text(), leak) {
			t.Errorf("%q reached the duo-only partner's terminal:\n%s", leak, tail(tm.text()))
		}
	}
}
