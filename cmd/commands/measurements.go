package commands

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The columns of the measurements CSV, by key; the header names them in
// the export's language, and an import accepts either language's names.
const (
	colSpeerpunt = "speerpunt"
	colGoal      = "goal"
	colDate      = "date"
	colValue     = "value"
	colUnit      = "unit"
	colWho       = "who"
	colNote      = "note"
)

var csvColumns = []string{colSpeerpunt, colGoal, colDate, colValue, colUnit, colWho, colNote}

// csvHeader is each column's name per language.
var csvHeader = map[i18n.Lang]map[string]string{
	i18n.NL: {colSpeerpunt: "speerpunt", colGoal: "doel", colDate: "datum", colValue: "waarde", colUnit: "eenheid", colWho: "wie", colNote: "notitie"},
	i18n.EN: {colSpeerpunt: "speerpunt", colGoal: "goal", colDate: "date", colValue: "value", colUnit: "unit", colWho: "who", colNote: "note"},
}

// csvDialect is how a language's spreadsheets read CSV: Dutch ones split on
// ; and take a decimal comma, English ones split on , and take a point.
func csvDialect(l i18n.Lang) (rune, board.NumberFormat) {
	if l == i18n.EN {
		return ',', board.EnglishNumbers
	}
	return ';', board.DutchNumbers
}

// MaxCSV bounds a measurements file: a school's year of figures is a few
// kilobytes, and the whole file is read before anything is written.
const MaxCSV = 8 << 20

// WriteMeasurementsCSV writes every measurement of b, one row each:
// speerpunt, goal, date, value, unit, who, note, in msg's language (header
// names, separator, decimal mark), oldest first per goal.
func WriteMeasurementsCSV(w io.Writer, b *board.Board, msg *i18n.Messages) error {
	sep, nf := csvDialect(msg.Lang)
	cw := csv.NewWriter(w)
	cw.Comma = sep
	head := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		head[i] = csvHeader[msg.Lang][c]
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for i := range b.Goals {
		g := &b.Goals[i]
		sp, _ := b.Speerpunt(g.SpeerpuntID)
		for _, m := range g.Indicator.Sorted() {
			row := []string{cell(sp.Title), cell(g.Title), m.Date.Format(time.DateOnly), plainNumber(m.Value, nf), cell(g.Indicator.Unit), cell(m.Who), cell(m.Note)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// plainNumber is v with nf's decimal mark and no thousands marks, which a
// spreadsheet could take for a decimal mark of the other language.
func plainNumber(v float64, nf board.NumberFormat) string {
	return strings.ReplaceAll(strconv.FormatFloat(v, 'f', -1, 64), ".", string(nf.Decimal))
}

// cell makes a text safe for a spreadsheet: cleaned, and a leading = + - @
// quoted with ' so it is never run as a formula. An import takes the '
// off again.
func cell(s string) string {
	s = board.CleanLine(s, board.MaxLine)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

func uncell(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}

// CSVError is what is wrong with a measurements file, by line; nothing of
// it was imported. Header is set when the columns themselves are wrong.
type CSVError struct {
	Lines []LineError
}

// LineError is one problem of one line of a CSV file.
type LineError struct {
	Line int
	Kind CSVProblem
	// Value is the offending text, Want what was expected (columns, unit).
	Value, Want string
	Err         error // the store's refusal, for KindRefused
}

// CSVProblem names a kind of LineError.
type CSVProblem int

// The problems of a measurements file.
const (
	CSVMissingColumns CSVProblem = iota // Value: the missing columns' keys (a,b), Want: the separator
	CSVColumnCount                      // Value: found, Want: expected; DecimalComma says why
	CSVDecimalComma                     // more columns than the header in a ,-file: a decimal comma
	CSVNoNumber                         // Value
	CSVBadDate                          // Value
	CSVNoGoal                           // Value: the goal's title
	CSVTwoGoals                         // Value: a title two goals share; add the speerpunt
	CSVOtherUnit                        // Value: the row's unit, Want: the goal's
	CSVUnreadable                       // Value: the CSV reader's complaint
	CSVRefused                          // Err: the store refused the row
)

func (e *CSVError) Error() string {
	return fmt.Sprintf("commands: %d bad lines in the CSV, the first line %d", len(e.Lines), e.Lines[0].Line)
}

// ParseMeasurementsCSV reads a measurements file for board b: the columns
// WriteMeasurementsCSV writes, in any order, named in Dutch or English,
// separated by ; or , (the header line tells which). goal, date and value
// are needed; speerpunt tells goals of the same title apart. Numbers take
// either decimal mark; in a ;-file a lone point before three digits groups
// thousands (1.250), in a ,-file it is a decimal point. Every bad line is
// reported; with any, no rows are returned.
func ParseMeasurementsCSV(r io.Reader, b *board.Board) ([]store.MeasurementRow, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCSV+1))
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM, as spreadsheets write
	first, _, _ := bytes.Cut(data, []byte("\n"))
	sep, nf := ',', board.EnglishNumbers
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		sep, nf = ';', board.DutchNumbers
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma, cr.FieldsPerRecord, cr.TrimLeadingSpace = sep, -1, true
	head, err := cr.Read()
	if err != nil {
		return nil, &CSVError{Lines: []LineError{{Line: 1, Kind: CSVUnreadable, Value: errText(err)}}}
	}
	cols := map[string]int{}
	for i, h := range head {
		if c, ok := columnKey(h); ok {
			cols[c] = i
		}
	}
	var missing []string
	for _, c := range []string{colGoal, colDate, colValue} {
		if _, ok := cols[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, &CSVError{Lines: []LineError{{Line: 1, Kind: CSVMissingColumns, Value: strings.Join(missing, ","), Want: string(sep)}}}
	}
	var rows []store.MeasurementRow
	var bad []LineError
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// FieldPos is only for a record read; a ParseError has its line.
			pe, ok := errors.AsType[*csv.ParseError](err)
			if !ok {
				return nil, err
			}
			bad = append(bad, LineError{Line: pe.StartLine, Kind: CSVUnreadable, Value: errText(pe.Err)})
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // an empty line
		}
		row, le := parseRow(rec, len(head), cols, b, nf, sep)
		if le != nil {
			le.Line = line
			bad = append(bad, *le)
			continue
		}
		row.Line = line
		rows = append(rows, row)
	}
	if len(data) > MaxCSV {
		bad = append(bad, LineError{Line: 0, Kind: CSVUnreadable, Value: fmt.Sprintf("> %d bytes", MaxCSV)})
	}
	if len(bad) > 0 {
		return nil, &CSVError{Lines: bad}
	}
	return rows, nil
}

// columnKey is the column a header name means, in either language.
func columnKey(h string) (string, bool) {
	h = strings.ToLower(strings.TrimSpace(h))
	for _, names := range csvHeader {
		for c, n := range names {
			if n == h {
				return c, true
			}
		}
	}
	if h == "doelstelling" {
		return colGoal, true
	}
	return "", false
}

func parseRow(rec []string, want int, cols map[string]int, b *board.Board, nf board.NumberFormat, sep rune) (store.MeasurementRow, *LineError) {
	var row store.MeasurementRow
	if len(rec) != want {
		kind := CSVColumnCount
		if sep == ',' && len(rec) > want {
			kind = CSVDecimalComma // 3,5 split in two columns
		}
		return row, &LineError{Kind: kind, Value: strconv.Itoa(len(rec)), Want: strconv.Itoa(want)}
	}
	get := func(c string) string {
		if i, ok := cols[c]; ok {
			return uncell(rec[i])
		}
		return ""
	}
	g, le := findGoal(b, get(colSpeerpunt), get(colGoal))
	if le != nil {
		return row, le
	}
	d, ok := parseCSVDate(get(colDate))
	if !ok {
		return row, &LineError{Kind: CSVBadDate, Value: board.CleanLine(get(colDate), 40)}
	}
	v, err := nf.Parse(get(colValue))
	if err != nil {
		return row, &LineError{Kind: CSVNoNumber, Value: board.CleanLine(get(colValue), 40)}
	}
	if u := get(colUnit); u != "" && g.Indicator != nil && g.Indicator.Unit != "" && !strings.EqualFold(u, g.Indicator.Unit) {
		return row, &LineError{Kind: CSVOtherUnit, Value: board.CleanLine(u, 40), Want: g.Indicator.Unit}
	}
	row.GoalID = g.ID
	row.Measurement = board.Measurement{Date: d, Value: v, Who: get(colWho), Note: get(colNote)}
	return row, nil
}

// findGoal is the goal of b titled title, under the speerpunt titled sp
// when sp is given.
func findGoal(b *board.Board, sp, title string) (*board.Goal, *LineError) {
	var found *board.Goal
	for i := range b.Goals {
		g := &b.Goals[i]
		if !strings.EqualFold(g.Title, title) {
			continue
		}
		if s, _ := b.Speerpunt(g.SpeerpuntID); sp != "" && !strings.EqualFold(s.Title, sp) {
			continue
		}
		if found != nil {
			return nil, &LineError{Kind: CSVTwoGoals, Value: board.CleanLine(title, 80)}
		}
		found = g
	}
	if found == nil {
		return nil, &LineError{Kind: CSVNoGoal, Value: board.CleanLine(title, 80)}
	}
	return found, nil
}

// parseCSVDate reads 2026-03-01, 1-3-2026 and 1/3/2026 (day first, as
// Dutch spreadsheets write).
func parseCSVDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "2-1-2006", "2/1/2006", "2.1.2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// errText is a reader's complaint as one clean line.
func errText(err error) string { return board.CleanLine(err.Error(), 120) }
