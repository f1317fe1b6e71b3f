package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/tui/cellwidth"
)

// The drawing helpers below produce blocks of exactly the size asked for:
// every line is cut or padded to the width, and there are exactly as many
// lines as the height. That is what keeps the screen from wrapping into
// garbage at any terminal size.

// fit cuts or pads s to exactly w cells. Every line of every frame goes
// through it, so it measures with cellwidth, which counts bord's common
// lines instead of segmenting them into grapheme clusters.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := cellwidth.String(s)
	if n > w {
		s = cellwidth.Truncate(s, w, "…")
		n = cellwidth.String(s)
	}
	if n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

func padRight(s string, w int) string {
	if n := w - cellwidth.String(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// panel draws a framed block w×h with the title in the top border. A
// focused panel has a heavy frame and a marker, so focus is visible without
// colour.
func panel(title string, lines []string, w, h int, focused bool, st styles) string {
	if w < 4 || h < 2 {
		return block(nil, w, h)
	}
	bs, fr := st.border, st.frame
	tl, tr, bl, br, hz := "╭", "╮", "╰", "╯", "─"
	if focused {
		bs, fr = st.focusBorder, st.focusFrame
		tl, tr, bl, br, hz = "┏", "┓", "┗", "┛", "━"
		title = "▶ " + title
	}
	title = fit(" "+title+" ", min(cellwidth.String(title)+2, w-4))
	top := bs.Render(tl+hz) + title + bs.Render(strings.Repeat(hz, max(w-3-cellwidth.String(title), 0))+tr)
	out := make([]string, 0, h)
	out = append(out, top)
	for i := range h - 2 {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		out = append(out, fr.vt+fit(line, w-2)+fr.vt)
	}
	out = append(out, bs.Render(bl+strings.Repeat(hz, w-2)+br))
	return strings.Join(out, "\n")
}

// box frames lines in a rounded border sized to the content, at most w wide.
func box(lines []string, w int, bs paint) string {
	inner := 0
	for _, l := range lines {
		inner = max(inner, cellwidth.String(l))
	}
	inner = min(inner+2, w-2)
	out := []string{bs.Render("╭" + strings.Repeat("─", inner) + "╮")}
	for _, l := range lines {
		out = append(out, bs.Render("│")+fit(" "+l, inner)+bs.Render("│"))
	}
	out = append(out, bs.Render("╰"+strings.Repeat("─", inner)+"╯"))
	return strings.Join(out, "\n")
}

// block pads or cuts lines to exactly w×h.
func block(lines []string, w, h int) string {
	out := make([]string, h)
	for i := range h {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return strings.Join(out, "\n")
}

// stack joins lines that are each exactly w wide into exactly h lines.
func stack(lines []string, w, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", max(w, 0)))
	}
	return strings.Join(lines, "\n")
}

// overlay centres the block fg over the w×h screen bg.
func overlay(bg, fg string, w, h int) string {
	bgLines := strings.Split(bg, "\n")
	fgLines := strings.Split(fg, "\n")
	fw := 0
	for _, l := range fgLines {
		fw = max(fw, cellwidth.String(l))
	}
	x := max((w-fw)/2, 0)
	y := max((h-len(fgLines))/2, 0)
	for i, l := range fgLines {
		row := y + i
		if row >= len(bgLines) {
			break
		}
		line := bgLines[row]
		left := cellwidth.Truncate(line, x, "")
		left = padRight(left, x)
		right := ansi.TruncateLeft(line, x+cellwidth.String(l), "")
		bgLines[row] = fit(left+l+right, w)
	}
	return strings.Join(bgLines, "\n")
}
