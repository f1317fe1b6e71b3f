package sshserver_test

import (
	"fmt"
	"regexp"
	"testing"
)

// axisLabel is a value on a chart's value axis, as a repaint sends it.
var axisLabel = regexp.MustCompile(`([0-9]+(?:,[0-9]+)?)[┤┼]`)

// axisLabels are the labels of the value axis of the goal detail's chart,
// top to bottom: the line renderer sends a repaint as one stream of cells,
// so they are found by the axis after them.
func axisLabels(screen string) []string {
	var out []string
	for _, m := range axisLabel.FindAllStringSubmatch(screen, -1) {
		out = append(out, m[1])
	}
	return out
}

// A measurement one member adds redraws the chart and the table on
// another member's goal detail, without a key pressed there.
func TestLiveMeasurementRedrawsChart(t *testing.T) {
	t.Parallel()
	e := startServer(t, nil)
	a, b := e.join(t, "Anna"), e.join(t, "Bert")
	bd, err := e.st.Board(e.boardID)
	if err != nil {
		t.Fatal(err)
	}
	n := len(bd.Goals[0].Indicator.Measurements)
	count := func(n int) string { return fmt.Sprintf("Metingen (%d)", n) }

	// Both open the demo's first goal: 3 is the goals tab at 80x24, o
	// opens the selected goal.
	b.send("3", "o")
	b.waitFor(count(n))
	before := axisLabels(b.repaint(count(n)))
	if len(before) < 5 {
		t.Fatalf("Bert sees no chart:\n%s", tail(b.text()))
	}
	a.send("3", "o")
	a.waitFor(count(n))

	// Anna adds 28,5 today, below the streefwaarde: the value axis must
	// reach lower and the measured line goes on to today.
	a.send("m", "28,5", "\x13") // ctrl+s saves
	a.waitFor("Meting 28,5 toegevoegd")
	b.waitFor(count(n + 1))
	b.waitFor("28,5  Anna")

	after := axisLabels(b.repaint(count(n + 1)))
	if before[len(before)-1] != "30" {
		t.Fatalf("Bert's value axis before: %q, want it to end at the streefwaarde 30", before)
	}
	if last := after[len(after)-1]; last != "28,5" && last != "28" && last != "29" {
		t.Errorf("Bert's value axis after: %q, want it to reach the new low 28,5", after)
	}
}
