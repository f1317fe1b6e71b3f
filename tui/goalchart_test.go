package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/verbeterbord/bord/tui/cellwidth"
	"github.com/verbeterbord/bord/tui/i18n"
)

func TestProgressBar(t *testing.T) {
	for _, tc := range []struct {
		p, expect float64
		want      string
	}{
		{0, -1, "▕░░░░░░░░░░▏"},
		{0.5, -1, "▕█████░░░░░▏"},
		{1.7, -1, "▕██████████▏"}, // past the target: full, never wider
		{-0.3, -1, "▕░░░░░░░░░░▏"},
		{0.2, 0.6, "▕██░░░░│░░░▏"}, // behind: the mark stands in the empty part
		{0.8, 0.6, "▕██████┃█░░▏"}, // ahead: the mark stands in the filled part
		{0.5, 1, "▕█████░░░░│▏"},
	} {
		if got := progressBar(tc.p, tc.expect, 10); got != tc.want {
			t.Errorf("progressBar(%v, %v) = %q, want %q", tc.p, tc.expect, got, tc.want)
		}
	}
}

func TestSparkline(t *testing.T) {
	for _, tc := range []struct {
		vals []float64
		w    int
		want string
	}{
		{nil, 4, ""},
		{[]float64{3}, 4, "▅"},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8}, 8, "▁▂▃▄▅▆▇█"},
		{[]float64{8, 100, 1, 8}, 2, "▁█"}, // the last w values, scaled among themselves
	} {
		if got := sparkline(tc.vals, tc.w); got != tc.want {
			t.Errorf("sparkline(%v, %d) = %q, want %q", tc.vals, tc.w, got, tc.want)
		}
	}
}

// The chart fits its box at both screen sizes, has the target line and the
// measured line apart by shape, and dates on its axis from the nulmeting to
// the target date.
func TestLineChartFitsWithDates(t *testing.T) {
	d := func(m, day int) time.Time { return time.Date(2026, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	msg := i18n.For(i18n.NL)
	m := goalView{&Common{msg: msg}}
	c := chartSpec{
		points: []point{{d(4, 9), 9.5}, {d(1, 10), 12}, {d(2, 10), 11}, {d(3, 12), 9}},
		from:   point{d(1, 10), 12}, to: point{d(7, 1), 4},
		num: m.roundedNumber, date: msg.ShortDate,
	}
	for _, size := range [][2]int{{76, 12}, {130, 28}} {
		c.w, c.h = size[0], size[1]
		lines := lineChart(c)
		if len(lines) == 0 || len(lines) > c.h {
			t.Fatalf("%dx%d: %d lines", c.w, c.h, len(lines))
		}
		plain := make([]string, len(lines))
		for i, l := range lines {
			if n := cellwidth.String(l); n > c.w {
				t.Errorf("%dx%d: line %d is %d wide: %q", c.w, c.h, i, n, ansi.Strip(l))
			}
			plain[i] = ansi.Strip(l)
		}
		all := strings.Join(plain, "\n")
		dates := plain[len(plain)-1]
		if !strings.HasPrefix(strings.TrimSpace(dates), "10 jan") || !strings.HasSuffix(dates, "1 jul") {
			t.Errorf("%dx%d: date axis %q, want 10 jan … 1 jul", c.w, c.h, dates)
		}
		if !strings.Contains(all, "····") || !strings.Contains(all, "╰") {
			t.Errorf("%dx%d: want the dotted target line and the measured line:\n%s", c.w, c.h, all)
		}
		if !strings.Contains(all, "12┼") || !strings.Contains(all, " 4┤") {
			t.Errorf("%dx%d: want the nulmeting 12 and the target 4 on the value axis:\n%s", c.w, c.h, all)
		}
	}
	c.w, c.h = 10, 3
	if lines := lineChart(c); lines != nil {
		t.Errorf("a box too small for a chart drew %q", lines)
	}
}
