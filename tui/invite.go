package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/tui/i18n"
)

// InviteConfig is what the screen for an unknown key needs.
type InviteConfig struct {
	Lang        i18n.Lang
	Fingerprint string
	// Redeem binds the key to a new member of the invite's team. It says
	// why not in the user's language when it fails.
	Redeem func(code, name string) error
	// Next makes the board application for the new member. It may do I/O
	// (the server looks the key up again): it runs in a command, after
	// Redeem, never in Update.
	Next func(name string) *Model
}

// Invite is the first screen of a key the server does not know: it shows the
// key's fingerprint and asks for an invite code and a name. It shows no board
// data at all. After a valid code it becomes the board application.
type Invite struct {
	cfg  InviteConfig
	msg  *i18n.Messages
	st   styles
	form *form
	app  *Model
	w, h int
	busy bool
}

type redeemedMsg struct {
	app *Model
	err error
}

// NewInvite makes the invite screen.
func NewInvite(cfg InviteConfig) *Invite {
	msg := i18n.For(cfg.Lang)
	f := &form{title: msg.InviteTitle}
	f.add("code", msg.FieldCode, fLine, msg.HintCode, "")
	f.add("name", msg.FieldName, fLine, msg.HintName, "")
	f.setFocus(0)
	return &Invite{cfg: cfg, msg: msg, st: newStyles(), form: f, w: 80, h: 24}
}

// Init starts nothing: the screen waits for the user.
func (v *Invite) Init() tea.Cmd { return nil }

// Update handles one message; after a successful code, the app's.
func (v *Invite) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if v.app != nil {
		_, cmd := v.app.Update(msg)
		return v, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		v.w, v.h = msg.Width, msg.Height
	case redeemedMsg:
		v.busy = false
		if msg.err != nil {
			v.form.err = msg.err.Error()
			return v, nil
		}
		v.app = msg.app
		_, size := v.app.Update(tea.WindowSizeMsg{Width: v.w, Height: v.h})
		return v, tea.Batch(size, v.app.Init())
	case tea.PasteMsg:
		// People copy their code from a mail or a chat message.
		cmd, _, _ := v.form.update(msg)
		return v, cmd
	case tea.KeyPressMsg:
		if key.Matches(msg, ctrlCKey(v.msg)) {
			return v, tea.Quit
		}
		cmd, submit, cancel := v.form.update(msg)
		switch {
		case cancel:
			return v, tea.Quit
		case submit && !v.busy:
			v.form.clearErrors()
			code, name := v.form.value("code"), v.form.value("name")
			if name == "" {
				v.form.field("name").err = fmt.Sprintf(v.msg.ErrEmptyF, v.msg.FieldName)
				return v, nil
			}
			v.busy = true
			redeem, next := v.cfg.Redeem, v.cfg.Next
			return v, func() tea.Msg {
				if err := redeem(code, name); err != nil {
					return redeemedMsg{err: err}
				}
				return redeemedMsg{app: next(name)}
			}
		}
		return v, cmd
	}
	return v, nil
}

// View draws the invite screen, or the app once the code was accepted.
func (v *Invite) View() tea.View {
	if v.app != nil {
		return v.app.View()
	}
	lines := []string{
		v.st.header.Render("bord"), "",
		v.msg.UnknownKey, "",
		v.msg.Fingerprint + ": " + v.st.title.Render(v.cfg.Fingerprint), "",
		v.msg.AskInvite, "",
	}
	lines = append(lines, strings.Split(v.viewForm(), "\n")...)
	view := tea.NewView(board.CleanScreen(block(lines, v.w, v.h)))
	view.AltScreen = true
	return view
}

func (v *Invite) viewForm() string {
	c := &Common{msg: v.msg, st: v.st}
	return c.viewForm(v.form, min(v.w-4, 70))
}

// Close ends the app's subscriptions, if the code was accepted.
func (v *Invite) Close() {
	if v.app != nil {
		v.app.Close()
	}
}
