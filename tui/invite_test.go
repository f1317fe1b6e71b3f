package tui

import (
	"errors"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/tui/i18n"
)

// driveInvite sends msg to the invite screen and runs what follows until
// the board app takes over (its board watch is left running: the app's
// Close ends it).
func driveInvite(t *testing.T, v *Invite, msg tea.Msg) {
	t.Helper()
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		msg, queue = queue[0], queue[1:]
		_, cmd := v.Update(msg)
		if _, opened := msg.(openedMsg); opened {
			continue // the board watch blocks until a change
		}
		cmds := []tea.Cmd{cmd}
		for len(cmds) > 0 {
			c := cmds[0]
			cmds = cmds[1:]
			if c == nil {
				continue
			}
			res := make(chan tea.Msg, 1)
			go func() { res <- c() }()
			select {
			case out := <-res:
				if batch, ok := out.(tea.BatchMsg); ok {
					cmds = append(cmds, batch...)
				} else if out != nil {
					queue = append(queue, out)
				}
			case <-time.After(cmdTimeout):
				t.Fatal("a command did not return")
			}
		}
	}
}

func TestInvite(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	if _, err := s.CreateDemo("Fatima"); err != nil {
		t.Fatal(err)
	}
	var redeemed []string
	v := NewInvite(InviteConfig{
		Lang:        i18n.NL,
		Fingerprint: "SHA256:abc",
		Redeem: func(code, name string) error {
			if code != "K7QX-M2PA-9TRD" {
				return errors.New(i18n.For(i18n.NL).ErrInvite)
			}
			redeemed = append(redeemed, name)
			return nil
		},
		Next: func(name string) *Model {
			return New(Config{Store: s, User: name, Lang: i18n.NL, Now: fixedNow, AutoJoin: true})
		},
	})
	t.Cleanup(v.Close)
	plain := func() string { return ansi.Strip(v.View().Content) }
	typeText := func(s string) {
		for _, r := range s {
			driveInvite(t, v, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	driveInvite(t, v, tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContain(t, plain(), "Deze SSH-sleutel is nog niet bekend", "SHA256:abc", "Uitnodigingscode")
	mustNotContain(t, plain(), "Acties", "Fatima")

	// No name: a message on the field, nothing redeemed.
	typeText("FOUT")
	driveInvite(t, v, keyMsg("ctrl+s"))
	mustContain(t, plain(), "Je naam mag niet leeg zijn.")
	// A wrong code: the message, and the form stays.
	driveInvite(t, v, keyMsg("enter"))
	typeText("Lotte")
	driveInvite(t, v, keyMsg("enter"))
	mustContain(t, plain(), "Deze code klopt niet")
	if len(redeemed) != 0 || v.app != nil {
		t.Fatal("a wrong code was accepted")
	}
	// Every size still fits.
	for _, sz := range sizes {
		driveInvite(t, v, tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		if why := misfit(v.View().Content, sz.w, sz.h); why != "" {
			t.Errorf("%dx%d: %s", sz.w, sz.h, why)
		}
	}
	driveInvite(t, v, tea.WindowSizeMsg{Width: 140, Height: 40})

	// The right code opens the board for the new member.
	driveInvite(t, v, keyMsg("up"))
	driveInvite(t, v, keyMsg("ctrl+u"))
	typeText("K7QX-M2PA-9TRD")
	driveInvite(t, v, keyMsg("ctrl+s"))
	if len(redeemed) != 1 || redeemed[0] != "Lotte" || v.app == nil {
		t.Fatalf("redeemed %v", redeemed)
	}
	mustContain(t, plain(), "jij: Lotte", "Acties (7)", "Parkeerplaats (2)")
}

// TestInviteNoIOInUpdate: redeeming the code and making the member's app
// (which looks the key up in the store) happen in a command. Before, Next
// ran inside Update, so a slow store froze the session's screen.
func TestInviteNoIOInUpdate(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	if _, err := s.CreateDemo("Fatima"); err != nil {
		t.Fatal(err)
	}
	var updating, inUpdate atomic.Bool
	io := func() {
		if updating.Load() {
			inUpdate.Store(true)
		}
	}
	v := NewInvite(InviteConfig{
		Lang: i18n.NL, Fingerprint: "SHA256:abc",
		Redeem: func(code, name string) error { io(); return nil },
		Next: func(name string) *Model {
			io()
			return New(Config{Store: s, User: name, Lang: i18n.NL, Now: fixedNow, AutoJoin: true})
		},
	})
	t.Cleanup(v.Close)
	send := func(msg tea.Msg) tea.Cmd {
		updating.Store(true)
		defer updating.Store(false)
		_, cmd := v.Update(msg)
		return cmd
	}
	for _, r := range "K7QX" {
		send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	send(keyMsg("enter"))
	for _, r := range "Lotte" {
		send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	cmd := send(keyMsg("ctrl+s"))
	if cmd == nil {
		t.Fatal("no command to redeem the code")
	}
	send(cmd()) // the redeemedMsg, with the app made in the command
	if inUpdate.Load() {
		t.Error("Redeem or Next ran inside Update")
	}
	if v.app == nil {
		t.Fatal("the app did not take over")
	}
}
