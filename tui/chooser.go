package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// chooser is a small list to pick one option from: a goal, a filter.
type chooser struct {
	title   string
	options []string
	cursor  int
	pick    func(i int) tea.Cmd
	// discard marks the question whether to throw a form's text away.
	discard bool
}

// shown is how many options a chooser shows on a screen height rows high:
// the frame, the title and the key line take eight rows; a longer list
// scrolls with the cursor instead of running off the screen.
func (c *chooser) shown(height int) int { return max(min(len(c.options), height-8), 1) }

// update handles a key. done is true when the chooser closes; then pick,
// if not nil, is the user's choice, to run after the chooser is gone (it
// may open the next overlay).
func (c *chooser) update(k tea.KeyPressMsg, height int) (pick func() tea.Cmd, done bool) {
	keys := chooserKeyMap
	switch {
	case key.Matches(k, keys.Cancel):
		return nil, true
	case key.Matches(k, keys.Up):
		c.cursor = max(c.cursor-1, 0)
	case key.Matches(k, keys.Down):
		c.cursor = max(min(c.cursor+1, len(c.options)-1), 0)
	case key.Matches(k, keys.Page):
		c.cursor = paged(k, c.cursor, len(c.options), c.shown(height))
	case key.Matches(k, keys.Pick):
		// An empty chooser has nothing to pick: it only closes.
		if c.cursor < 0 || c.cursor >= len(c.options) {
			return nil, true
		}
		i := c.cursor
		return func() tea.Cmd { return c.pick(i) }, true
	case key.Matches(k, keys.Number):
		if i := int(k.String()[0] - '1'); i < len(c.options) {
			return func() tea.Cmd { return c.pick(i) }, true
		}
	}
	return nil, false
}

func (c *chooser) view(m *Common) string {
	lines := []string{m.st.title.Render(c.title), ""}
	shown := c.shown(m.height)
	start := scrollStart(c.cursor, len(c.options), shown)
	for i, o := range c.options {
		if i < start || i >= start+shown {
			continue
		}
		line := fmt.Sprintf("%d  %s", i+1, o)
		if i >= 9 {
			line = "   " + o
		}
		lines = append(lines, m.st.mark(line, i == c.cursor))
	}
	lines = append(lines, "", m.keyLine(newChooserKeys(m.msg)))
	return box(lines, min(m.width-4, 80), m.st.focusBorder)
}
