package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Paging: PgUp and PgDn move the selection of any list that scrolls by
// what it shows at once, so a long list is crossed in a few presses
// (issue 14). One row of the old page stays in view, as in a pager, so
// the eye keeps its place.

// paged is sel moved a page of page rows up (pgup) or down in n rows.
func paged(k tea.KeyPressMsg, sel, n, page int) int {
	step := max(page-1, 1)
	if k.String() == "pgup" {
		return max(sel-step, 0)
	}
	return max(min(sel+step, n-1), 0)
}

// moveSel moves the selection *sel over n rows for the up, down and page
// keys, a page being rows high, and reports whether k was one of them.
func moveSel(k tea.KeyPressMsg, up, down, pg key.Binding, sel *int, n, rows int) bool {
	switch {
	case key.Matches(k, up):
		*sel = max(*sel-1, 0)
	case key.Matches(k, down):
		*sel = max(min(*sel+1, n-1), 0)
	case key.Matches(k, pg):
		*sel = paged(k, *sel, n, rows)
	default:
		return false
	}
	return true
}

// listPage is the rows a full-screen list shows: the body without its
// title and the blank line under it.
func (m *Common) listPage() int { return max(m.bodyHeight()-2, 1) }

// panelPage is the rows a panel below a header shows on the retrospective
// and leerlingarena screens: the body without its title, tabs or bar and
// the panel's frame. Close enough for a page: those screens' panels fill
// the body below at most four lines of their own.
func (m *Common) panelPage() int { return max(m.bodyHeight()-6, 1) }
