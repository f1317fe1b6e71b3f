package commands_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/cmd/commands"
	"github.com/verbeterbord/bord/tui/i18n"
)

// csvBoard has two goals called "Verzuim", under different speerpunten,
// and one goal whose title a spreadsheet would run as a formula.
func csvBoard() *board.Board {
	in := func(unit string, ms ...board.Measurement) *board.Indicator {
		return &board.Indicator{Unit: unit, Measurements: ms}
	}
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, time.UTC) }
	return &board.Board{
		Speerpunten: []board.Speerpunt{{Meta: board.Meta{ID: 1}, Title: "Thuiszitters"}, {Meta: board.Meta{ID: 2}, Title: "Basis"}},
		Goals: []board.Goal{
			{Meta: board.Meta{ID: 10}, Title: "Verzuim", SpeerpuntID: 1, Indicator: in("%", board.Measurement{Date: d(3, 1), Value: 1250.5, Who: "Anna", Note: "telling; eerste"})},
			{Meta: board.Meta{ID: 11}, Title: "Verzuim", SpeerpuntID: 2, Indicator: in("dagen")},
			{Meta: board.Meta{ID: 12}, Title: "=HYPERLINK(\"x\")", Indicator: in("", board.Measurement{Date: d(4, 2), Value: -3})},
		},
	}
}

func TestMeasurementsCSVRoundTrip(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		var buf bytes.Buffer
		if err := commands.WriteMeasurementsCSV(&buf, csvBoard(), i18n.For(lang)); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if lang == i18n.NL && !strings.Contains(out, "Thuiszitters;Verzuim;2026-03-01;1250,5;%;Anna;\"telling; eerste\"") ||
			lang == i18n.EN && !strings.Contains(out, "Thuiszitters,Verzuim,2026-03-01,1250.5,%,Anna,telling; eerste") {
			t.Errorf("%s export:\n%s", lang, out)
		}
		if !strings.Contains(out, `'=HYPERLINK`) {
			t.Errorf("%s: a formula title is not quoted for the spreadsheet:\n%s", lang, out)
		}
		rows, err := commands.ParseMeasurementsCSV(strings.NewReader(out), csvBoard())
		if err != nil {
			t.Fatalf("%s: reading the export back: %v", lang, err)
		}
		if len(rows) != 2 || rows[0].GoalID != 10 || rows[0].Measurement.Value != 1250.5 || rows[0].Line != 2 ||
			rows[1].GoalID != 12 || rows[1].Measurement.Value != -3 || rows[0].Measurement.Note != "telling; eerste" {
			t.Errorf("%s: rows %+v", lang, rows)
		}
	}
}

func TestMeasurementsCSVRefusals(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		lines     []int
		kinds     []commands.CSVProblem
		nl        string // in the Dutch message
	}{
		{"missing columns", "speerpunt;doel;waarde\nThuiszitters;Verzuim;3\n", []int{1}, []commands.CSVProblem{commands.CSVMissingColumns}, "de kolommen datum ontbreken"},
		{"decimal comma", "speerpunt,goal,date,value\nThuiszitters,Verzuim,2026-03-01,3,5\n", []int{2}, []commands.CSVProblem{commands.CSVDecimalComma}, "decimale komma"},
		{"not a number, NaN, Inf", "doel;datum;waarde\n\"Verzuim\";2026-03-01;abc\n\"'=HYPERLINK(\"\"x\"\")\";2026-03-01;NaN\n\"=HYPERLINK(\"\"x\"\")\";2026-03-01;Inf\n",
			[]int{2, 3, 4}, []commands.CSVProblem{commands.CSVTwoGoals, commands.CSVNoNumber, commands.CSVNoNumber}, `"NaN" is geen getal`},
		{"bad date, no goal, other unit", "speerpunt;doel;datum;waarde;eenheid\nThuiszitters;Verzuim;30-02-2026;3;%\n;Lezen;2026-03-01;3;\nBasis;Verzuim;2026-03-01;3;%\n",
			[]int{2, 3, 4}, []commands.CSVProblem{commands.CSVBadDate, commands.CSVNoGoal, commands.CSVOtherUnit}, `eenheid "%", het doel telt in "dagen"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows, err := commands.ParseMeasurementsCSV(strings.NewReader(c.csv), csvBoard())
			var ce *commands.CSVError
			if !errors.As(err, &ce) || rows != nil {
				t.Fatalf("rows %v, err %v", rows, err)
			}
			if len(ce.Lines) != len(c.lines) {
				t.Fatalf("problems %+v, want lines %v", ce.Lines, c.lines)
			}
			for i, le := range ce.Lines {
				if le.Line != c.lines[i] || le.Kind != c.kinds[i] {
					t.Errorf("problem %d: line %d kind %d, want line %d kind %d", i, le.Line, le.Kind, c.lines[i], c.kinds[i])
				}
			}
			if msg := commands.CSVErrorText(i18n.For(i18n.NL), err); !strings.Contains(msg, c.nl) || !strings.Contains(msg, "niets geïmporteerd") {
				t.Errorf("message:\n%s", msg)
			}
		})
	}
}

// Both decimal marks are read; a BOM and a quoted decimal comma in a
// comma-separated file are fine.
func TestMeasurementsCSVNumbers(t *testing.T) {
	in := "\xef\xbb\xbfspeerpunt,goal,date,value\nThuiszitters,Verzuim,1-3-2026,\"3,5\"\nThuiszitters,Verzuim,2026-03-02,3.5\n"
	rows, err := commands.ParseMeasurementsCSV(strings.NewReader(in), csvBoard())
	if err != nil || len(rows) != 2 || rows[0].Measurement.Value != 3.5 || rows[1].Measurement.Value != 3.5 || !rows[0].Measurement.Date.Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("rows %+v, %v", rows, err)
	}
	in = "speerpunt;doel;datum;waarde\nThuiszitters;Verzuim;2026-03-01;1.250\nThuiszitters;Verzuim;2026-03-01;3.5\n"
	if rows, err := commands.ParseMeasurementsCSV(strings.NewReader(in), csvBoard()); err != nil || rows[0].Measurement.Value != 1250 || rows[1].Measurement.Value != 3.5 {
		t.Errorf("a ;-file: %+v, %v", rows, err)
	}
}

// FuzzParseMeasurementsCSV: any file gives rows or a CSVError, never a
// panic, and every row names a goal of the board with a finite value.
func FuzzParseMeasurementsCSV(f *testing.F) {
	f.Add("speerpunt;doel;datum;waarde\nThuiszitters;Verzuim;2026-03-01;3,5\n")
	f.Add("goal,date,value\n\"=HYPERLINK(\"\"x\"\")\",1-3-2026,\"1,250.5\"\n")
	f.Add("doel;datum;waarde\n\"open\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := commands.ParseMeasurementsCSV(strings.NewReader(in), csvBoard())
		var ce *commands.CSVError
		if err != nil && (!errors.As(err, &ce) || len(ce.Lines) == 0) {
			t.Fatalf("error %v is no CSVError with lines", err)
		}
		for _, r := range rows {
			if _, ok := csvBoard().Goal(r.GoalID); !ok || !board.Finite(r.Measurement.Value) || r.Line < 2 {
				t.Fatalf("row %+v", r)
			}
		}
	})
}
