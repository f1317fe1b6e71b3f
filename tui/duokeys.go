package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/verbeterbord/bord/tui/i18n"
)

// duoKeys are the keys of an open duo. Which are on depends on the tab
// (setTab), so the help line shows only what works there.
type duoKeys struct {
	TabN, NextTab, Up, Down, Page, New, Edit, Revise, Version, Compare, Delete key.Binding
	Capture, Talk, Lesson, ToAction, Back, Help, Quit                          key.Binding
	// While the capture line has the keyboard.
	Save, Kijkvraag, StopTyping key.Binding
}

func newDuoKeys(m *i18n.Messages) duoKeys {
	d := &m.Duo
	return duoKeys{
		TabN:       bind("1–3", m.KeyAreas, "1", "2", "3"),
		NextTab:    bind("tab", m.KeyAreas, "tab", "shift+tab"),
		Up:         upKey(m),
		Down:       downKey(m),
		Page:       pageKey(m),
		New:        bind("n", d.KeyNewDesign, "n", "a"),
		Edit:       bind("e", m.KeyEdit, "e"),
		Revise:     bind("b", d.KeyRevise, "b"),
		Version:    bind("v", d.KeyVersion, "v"),
		Compare:    bind("c", d.KeyCompare, "c"),
		Delete:     bind("d", m.KeyDelete, "d", "delete"),
		Capture:    bind("enter", d.KeyCapture, "enter"),
		Talk:       bind("g", d.KeyTalk, "g"),
		Lesson:     bind("l", d.KeyLesson, "l"),
		ToAction:   bind("p", d.KeyToAction, "p"),
		Back:       bind("esc", d.KeyOverview, "esc", "q"),
		Help:       helpKey(m),
		Quit:       ctrlCKey(m),
		Save:       bind("enter", m.KeySave, "enter"),
		Kijkvraag:  bind("tab", d.KeyKijkvraag, "tab"),
		StopTyping: bind("esc", m.KeyStopTyping, "esc"),
	}
}

// setTab turns on the keys of tab (0 design, 1 visits, 2 nagesprek) and of
// the capture line when typing.
func (k *duoKeys) setTab(tab int, typing bool) {
	on := map[*key.Binding]bool{
		&k.Revise: tab != 1, &k.Version: tab == 0, &k.Compare: tab == 0, &k.Delete: tab == 0,
		&k.Edit: tab != 1, &k.Capture: tab == 1, &k.Talk: tab != 0, &k.Lesson: tab == 2, &k.ToAction: tab == 2,
	}
	for b, v := range on {
		b.SetEnabled(v && !typing)
	}
	for _, b := range []*key.Binding{&k.TabN, &k.NextTab, &k.Up, &k.Down, &k.Page, &k.New, &k.Back} {
		b.SetEnabled(!typing)
	}
	for _, b := range []*key.Binding{&k.Save, &k.Kijkvraag, &k.StopTyping} {
		b.SetEnabled(typing)
	}
}

func (k duoKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Save, k.Kijkvraag, k.StopTyping, k.TabN, k.New, k.Edit, k.Revise, k.Version, k.Compare,
		k.Capture, k.Talk, k.Lesson, k.ToAction, k.Back}
}

func (k duoKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.TabN, k.NextTab, k.Up, k.Down, k.Page},
		{k.New, k.Edit, k.Revise, k.Version, k.Compare, k.Delete},
		{k.Capture, k.Save, k.Kijkvraag, k.StopTyping},
		{k.Talk, k.Lesson, k.ToAction, k.Back, k.Help, k.Quit},
	}
}
