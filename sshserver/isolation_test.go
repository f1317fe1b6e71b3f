package sshserver_test

import (
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// A member of team A cannot see team B's board by any path: not in the
// board picker, not by naming it to export, not in whoami; and cannot add a
// board to team B by naming it. Team B's own member sees it all, which
// shows the same paths would show it if they leaked.
func TestTeamsSeeOnlyTheirOwnBoards(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	const (
		teamName  = "Kernteam Rivierenland"
		boardName = "Rivierbord"
		secret    = "Zwijgplicht42"
	)
	teamB, err := e.st.CreateTeam("Beheer", teamName, "Bea")
	if err != nil {
		t.Fatal(err)
	}
	boardB, err := e.st.CreateBoard("Beheer", teamB.ID, boardName)
	if err != nil {
		t.Fatal(err)
	}
	tomorrow := tomorrow()
	if _, err := e.st.Add("Bea", boardB.ID, &board.Action{What: secret + " bespreken", Who: "Bea", When: tomorrow}); err != nil {
		t.Fatal(err)
	}
	anna := e.member("Anna")
	bea := e.memberOf(teamB.ID, "Bea")
	leaks := []string{"Rivierenland", boardName, secret}
	assertNoLeak := func(where, s string) {
		t.Helper()
		for _, l := range leaks {
			if strings.Contains(s, l) {
				t.Errorf("%s shows team B's %q:\n%s", where, l, tail(s))
			}
		}
	}

	// Team B's member: the same screens do show B's board.
	b := e.open(t, bea)
	b.name = "Bea"
	b.waitFor(secret)
	b.send("b")
	b.waitFor("Kies een bord")
	b.waitFor("— " + boardName)
	if strings.Contains(b.text(), store.DemoBoard) {
		t.Errorf("Bea's picker shows team A's board:\n%s", tail(b.text()))
	}

	// Team A's member: the board picker lists only A's board.
	a := e.open(t, anna)
	a.name = "Anna"
	a.waitFor(demoAction)
	a.send("b")
	a.waitFor("Kies een bord")
	a.waitFor("— " + store.DemoBoard)
	assertNoLeak("Anna's terminal", a.text())

	// export by B's board name fails exactly as for a board that does not
	// exist, so it does not even tell that the name is taken.
	out, errOut, status := e.run(t, anna, "export --board "+boardName)
	if status != 1 || out != "" || !strings.Contains(errOut, "Geen bord met de naam") {
		t.Errorf("export --board %s: status %d, stdout %q, stderr %q; want status 1, no output and the no-board message", boardName, status, out, errOut)
	}
	_, errNone, _ := e.run(t, anna, "export --board Nergensbord")
	if got, want := strings.ReplaceAll(errOut, boardName, "X"), strings.ReplaceAll(errNone, "Nergensbord", "X"); got != want {
		t.Errorf("export of B's board says %q, of a board that does not exist %q", got, want)
	}
	assertNoLeak("export --board", strings.ReplaceAll(out+errOut, `"`+boardName+`"`, `"…"`))

	for _, cmd := range []string{"export", "export --what board", "whoami"} {
		out, errOut, status := e.run(t, anna, cmd)
		if status != 0 {
			t.Errorf("%s: status %d, stderr %q", cmd, status, errOut)
		}
		assertNoLeak(cmd, out+errOut)
		if cmd == "whoami" && !strings.Contains(out, "Anna — teams: "+store.DemoTeam) {
			t.Errorf("whoami: %q, want Anna in %s", out, store.DemoTeam)
		}
	}
	if out, _, _ := e.run(t, bea, "whoami"); !strings.Contains(out, "Bea — teams: "+teamName) || strings.Contains(out, store.DemoTeam) {
		t.Errorf("Bea's whoami: %q, want only %s", out, teamName)
	}

	// A new board "in" team B from Anna's picker ('n': team, board,
	// members) must not land in team B.
	a.send("n", teamName, "\r", "Indringbord", "\r", "\r")
	a.waitFor("Die naam bestaat al")
	infos, err := e.st.Boards(teamB.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].Name != boardName {
		t.Errorf("team B's boards after Anna's try: %+v", infos)
	}
	tb, err := e.st.Team(teamB.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tb.HasMember("Anna") {
		t.Errorf("Anna joined team B: %+v", tb.Members)
	}
}
