package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// await hands the model what its parked commands bring (board notices,
// presence) until cond holds, as the runtime does without a key.
func (h *harness) await(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(cmdTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			h.t.Fatalf("%s did not happen:\n%s", what, h.plain())
		}
		for i, p := range h.pending {
			select {
			case msg := <-p:
				h.pending = append(h.pending[:i:i], h.pending[i+1:]...)
				h.handle(msg, true)
			default:
				continue
			}
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// inSession starts a bordsessie led by leader on the demo board, with a
// session of leader and one of me in one process and one Hub.
func inSession(t *testing.T, lang i18n.Lang, leader string, size ...int) (lead, other *harness, s Store, boardID uint64) {
	w, h := 80, 24
	if len(size) == 2 {
		w, h = size[0], size[1]
	}
	st := openStore(t)
	info, err := st.CreateDemo(me)
	if err != nil {
		t.Fatal(err)
	}
	hub := &Hub{}
	lead = start(t, st, Config{Lang: lang, User: leader, Presence: hub.Join(leader)}, 140, 40)
	other = start(t, st, Config{Lang: lang, User: me, Presence: hub.Join(me)}, w, h)
	if _, err := st.StartMeeting(leader, info.ID, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	other.await("the bordsessie with its leader here", func() bool {
		return other.m.b.Meeting() != nil && other.m.leaderHere(leader)
	})
	return lead, other, st, info.ID
}

// TestLeaderLeaves: the leader quits; the other session says so without a
// key, and its first key offers the role, which it then has. Locally, in
// one process: the leader quitting is leaving.
func TestLeaderLeaves(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			msg := i18n.For(lang)
			lead, other, st, id := inSession(t, lang, "Fatima")
			mustNotContain(t, other.plain(), "Fatima is weg", "Fatima has left")
			lead.press("q")
			lead.m.Close() // what the program's end does
			gone := strings.ReplaceAll(msg.Wall.LeaderGoneF, "%s", "Fatima")
			// In the bordsessie bar, which stays: the status line goes with the next key.
			other.await("the leader's leaving shown", func() bool { return strings.Contains(strings.Split(other.plain(), "\n")[1], gone) })
			sel := other.m.board.sel[board.AreaAction]
			other.press("down")
			if other.m.choose == nil || !strings.Contains(other.m.choose.title, gone) {
				t.Fatalf("the first key did not offer the role:\n%s", other.plain())
			}
			if other.m.board.sel[board.AreaAction] != sel {
				t.Error("the key that brought the offer also moved the selection")
			}
			other.press("enter")
			other.await("the role taken over", func() bool {
				b, err := st.Board(id)
				return err == nil && b.Meeting().IsLeader(me) && other.m.b.Meeting().IsLeader(me)
			})
			mustNotContain(t, other.plain(), gone)
			mustContain(t, other.plain(), strings.ReplaceAll(msg.LeaderNowF, "%s", me))
			other.press("down") // asked once: the next key is a key again
			if other.m.choose != nil {
				t.Error("asked again after taking over")
			}
		})
	}
}

// TestLeaderAwayIsNotGone: a leader who looks at a retrospective of the
// board is still here; saying no keeps the keys working; a leader never
// seen here is not called gone.
func TestLeaderAwayIsNotGone(t *testing.T) {
	lead, other, _, _ := inSession(t, i18n.NL, "Fatima")
	lead.press("R")
	other.await("the leader in the retrospectives", func() bool {
		return len(other.m.peers) == 1 && other.m.peers[0].Area == ""
	})
	if other.m.lead.gone != "" {
		t.Fatalf("a leader in the retrospectives is called gone:\n%s", other.plain())
	}
	lead.m.Close()
	other.await("the leader gone", func() bool { return other.m.lead.gone == "Fatima" })
	other.press("down")
	if other.m.choose == nil {
		t.Fatalf("no offer:\n%s", other.plain())
	}
	other.press("esc") // no, thank you
	other.press("down")
	if other.m.choose != nil {
		t.Fatal("asked twice for one departure")
	}

	// A session that never saw the leader says nothing about them.
	st := openStore(t)
	info, _ := st.CreateDemo(me)
	if _, err := st.StartMeeting("Joost", info.ID, time.Hour); err != nil {
		t.Fatal(err)
	}
	hub := &Hub{}
	alone := start(t, st, Config{Lang: i18n.NL, User: me, Presence: hub.Join(me)}, 80, 24)
	alone.press("down")
	if alone.m.choose != nil || alone.m.lead.gone != "" {
		t.Errorf("a leader never seen here is called gone:\n%s", alone.plain())
	}
}
