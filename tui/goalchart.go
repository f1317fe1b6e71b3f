package tui

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/guptarohit/asciigraph"
	"github.com/verbeterbord/bord/tui/cellwidth"
)

// The pictures of a goal's progress: a bar, a sparkline and a line chart.
// They are pure: numbers in, lines out, no board and no catalog, so the
// goal rows, the goal detail and the plan view draw them the same way and
// tests can check them without a screen.

// point is one value of an indicator at one day.
type point struct {
	at time.Time
	v  float64
}

// progressBar draws p (0..1, how far from nulmeting to streefwaarde the
// latest measurement came, already turned the right way for the goal's
// direction) in w cells. expect (0..1) is where the straight line from
// nulmeting to streefwaarde says the goal should be today; it shows as │
// in the bar so "behind" is visible without colour. expect < 0 draws no mark.
func progressBar(p, expect float64, w int) string {
	if w < 1 {
		return ""
	}
	cells := []rune(strings.Repeat("░", w))
	n := int(clamp01(p)*float64(w) + 0.5)
	for i := range n {
		cells[i] = '█'
	}
	if expect >= 0 {
		i := min(int(clamp01(expect)*float64(w)), w-1)
		if cells[i] == '█' {
			cells[i] = '┃' // reached the expected point: the mark sits in the filled part
		} else {
			cells[i] = '│'
		}
	}
	return "▕" + string(cells) + "▏"
}

func clamp01(f float64) float64 {
	if math.IsNaN(f) {
		return 0
	}
	return min(max(f, 0), 1)
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws the last w values as bars from ▁ (the lowest of them)
// to █ (the highest). Equal values draw a flat middle line, so one
// measurement still shows. Fewer values than w draw fewer cells.
func sparkline(vals []float64, w int) string {
	if w < 1 {
		return ""
	}
	if len(vals) > w {
		vals = vals[len(vals)-w:]
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	var b strings.Builder
	for _, v := range vals {
		i := len(sparks) / 2
		if hi > lo {
			i = int((v-lo)/(hi-lo)*float64(len(sparks)-1) + 0.5)
		}
		b.WriteRune(sparks[i])
	}
	return b.String()
}

// chartSpec is what the line chart of a goal draws: the measurements and
// the target line from nulmeting to streefwaarde, in a w×h box, with the
// numbers and dates worded by num and date (the user's language).
type chartSpec struct {
	points   []point // the measurements, in any order; the nulmeting is one of them
	from, to point   // the target line
	w, h     int
	num      func(f float64, prec int) string // a number with at most prec decimals
	date     func(time.Time) string
}

// targetChars draw the target line with dots, so it differs from the
// measured line by shape and not only by colour.
var targetChars = asciigraph.CreateCharSet("·")

// lineChart draws the chart as at most h lines of at most w cells: the
// value axis on the left, time on the bottom axis with dates under its
// ticks. Time runs from the earliest to the latest of the target line and
// the measurements, so a measurement after the target date still shows.
// It draws with asciigraph; the dates are spread over columns here
// because asciigraph spaces its points evenly, while measurements are not.
func lineChart(c chartSpec) []string {
	if c.w < 20 || c.h < 5 {
		return nil
	}
	t0, t1 := c.from.at, c.to.at
	for _, p := range c.points {
		t0, t1 = minTime(t0, p.at), maxTime(t1, p.at)
	}
	days := math.Max(t1.Sub(t0).Hours()/24, 1)
	// The plot is h-2 rows of values, an axis line and a line of dates; its
	// width is w less the value labels, which depend on the values, so the
	// first drawing measures them and a second one fits when it was too wide.
	cols := c.w - 8
	lines := c.plot(t0, days, cols)
	if wide := widest(lines); wide != c.w {
		if cols -= wide - c.w; cols < 4 {
			return nil
		}
		lines = c.plot(t0, days, cols)
	}
	if len(lines) > c.h {
		// asciigraph's rounding can add a row; dropping a value row keeps
		// the axis and the dates.
		lines = append(lines[:c.h-2], lines[len(lines)-2:]...)
	}
	return lines
}

// plot draws the chart cols columns wide; t0 and days span the time axis.
func (c chartSpec) plot(t0 time.Time, days float64, cols int) []string {
	col := func(t time.Time) int {
		return int(math.Round(t.Sub(t0).Hours() / 24 / days * float64(cols-1)))
	}
	measured := nanSeries(cols)
	pts := slices.Clone(c.points)
	slices.SortStableFunc(pts, func(x, y point) int { return x.at.Compare(y.at) })
	last := -1
	for _, p := range pts {
		i := col(p.at)
		measured[i] = p.v
		// Join consecutive measurements with a straight line, as a reader
		// of a chart expects.
		if last >= 0 && i > last+1 {
			for j := last + 1; j < i; j++ {
				measured[j] = measured[last] + (p.v-measured[last])*float64(j-last)/float64(i-last)
			}
		}
		last = i
	}
	target := nanSeries(cols)
	a, b := col(c.from.at), col(c.to.at)
	for j := a; j <= b; j++ {
		target[j] = c.from.v
		if b > a {
			target[j] += (c.to.v - c.from.v) * float64(j-a) / float64(b-a)
		}
	}
	ticks := max(2, min(cols/12, 8))
	// The value labels get as many decimals as the step between two rows
	// needs, not asciigraph's full float.
	lo, hi := math.Min(c.from.v, c.to.v), math.Max(c.from.v, c.to.v)
	for _, p := range pts {
		lo, hi = math.Min(lo, p.v), math.Max(hi, p.v)
	}
	prec := 0
	if step := (hi - lo) / float64(max(c.h-3, 1)); step > 0 && step < 1 {
		prec = min(int(math.Ceil(-math.Log10(step))), 3)
	}
	out := asciigraph.PlotMany([][]float64{target, measured},
		asciigraph.Height(max(c.h-3, 1)),
		asciigraph.Offset(2),
		asciigraph.SeriesChars(targetChars, asciigraph.DefaultCharSet),
		asciigraph.SeriesColors(asciigraph.DarkGray, asciigraph.Default),
		asciigraph.YAxisValueFormatter(func(f float64) string { return c.num(f, prec) }),
		asciigraph.XAxisRange(0, days),
		asciigraph.XAxisTickCount(ticks),
		asciigraph.XAxisValueFormatter(func(d float64) string {
			return c.date(t0.Add(time.Duration(d * 24 * float64(time.Hour))))
		}),
	)
	return strings.Split(out, "\n")
}

func nanSeries(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func widest(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, cellwidth.String(l))
	}
	return w
}
