package commands

import (
	"errors"
	"fmt"
	"strings"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

var csvTexts = map[CSVProblem]Text{
	CSVMissingColumns: {"de kolommen %[1]s ontbreken. Zet op de eerste regel de namen van de kolommen, bijvoorbeeld: %[2]s",
		"the columns %[1]s are missing. Put the names of the columns on the first line, for example: %[2]s"},
	CSVColumnCount: {"%[1]s kolommen, de eerste regel noemt er %[2]s. Geef elke regel evenveel kolommen als de kop",
		"%[1]s columns, the first line names %[2]s. Give every line as many columns as the header"},
	CSVDecimalComma: {"%[1]s kolommen, de kop noemt er %[2]s: staat er een decimale komma in een bestand dat met komma's scheidt? Schrijf 3.5, zet het getal tussen \"aanhalingstekens\" of scheid de kolommen met ;",
		"%[1]s columns, the header names %[2]s: is there a decimal comma in a comma-separated file? Write 3.5, put the number in \"quotes\" or separate the columns with ;"},
	CSVNoNumber:   {"%q is geen getal. Schrijf bijvoorbeeld 3,5 of 1250", "%q is not a number. Write for example 3.5 or 1250"},
	CSVBadDate:    {"%q is geen datum. Schrijf 2026-03-01 of 1-3-2026", "%q is not a date. Write 2026-03-01 or 1-3-2026"},
	CSVNoGoal:     {"geen doel %q op dit bord. Controleer de titel (of kies een ander bord met --board)", "no goal %q on this board. Check the title (or choose another board with --board)"},
	CSVTwoGoals:   {"twee doelen heten %q. Vul de kolom speerpunt in", "two goals are called %q. Fill in the speerpunt column"},
	CSVOtherUnit:  {"eenheid %q, het doel telt in %q. Reken om of laat de eenheid leeg", "unit %q, the goal counts in %q. Convert, or leave the unit empty"},
	CSVUnreadable: {"onleesbaar (%s). Sla het bestand op als CSV", "unreadable (%s). Save the file as CSV"},
}

var (
	txtCSVLine     = Text{"regel %d: ", "line %d: "}
	txtNothingDone = Text{"Er is niets geïmporteerd; verbeter het bestand en probeer opnieuw.", "Nothing was imported; correct the file and try again."}
	txtImportedF   = Text{"%d metingen geïmporteerd uit %s.", "%d measurements imported from %s."}
	txtNoCSVWhat   = Text{"--format csv hoort bij --what measurements", "--format csv goes with --what measurements"}
)

// CSVErrorText words a refused measurements import: one line per problem,
// then that nothing was imported.
func CSVErrorText(msg *i18n.Messages, err error) string {
	var lines []LineError
	if ce, ok := errors.AsType[*CSVError](err); ok {
		lines = ce.Lines
	}
	if ie, ok := errors.AsType[*store.ImportError](err); ok {
		for _, r := range ie.Rows {
			lines = append(lines, LineError{Line: r.Line, Kind: CSVRefused, Err: r.Err})
		}
	}
	var sb strings.Builder
	for _, le := range lines {
		if le.Line > 0 {
			fmt.Fprintf(&sb, txtCSVLine.In(msg.Lang), le.Line)
		}
		sb.WriteString(lineText(msg, le) + "\n")
	}
	sb.WriteString(txtNothingDone.In(msg.Lang))
	return sb.String()
}

func lineText(msg *i18n.Messages, le LineError) string {
	if le.Kind == CSVRefused {
		return msg.Err(le.Err)
	}
	t := csvTexts[le.Kind].In(msg.Lang)
	names := csvHeader[msg.Lang]
	if names == nil {
		names = csvHeader[i18n.NL]
	}
	switch le.Kind {
	case CSVMissingColumns:
		missing := strings.Split(le.Value, ",")
		for i, c := range missing {
			missing[i] = names[c]
		}
		head := make([]string, 6)
		for i, c := range csvColumns[:6] {
			head[i] = names[c]
		}
		return fmt.Sprintf(t, strings.Join(missing, ", "), strings.Join(head, le.Want))
	case CSVColumnCount, CSVDecimalComma, CSVOtherUnit:
		return fmt.Sprintf(t, le.Value, le.Want)
	}
	return fmt.Sprintf(t, le.Value)
}

// ImportedText says how many measurements came in from file.
func ImportedText(msg *i18n.Messages, n int, file string) string {
	return fmt.Sprintf(txtImportedF.In(msg.Lang), n, board.CleanLine(file, 200))
}

// checkFormat refuses a --format the shared export does not write: csv is
// for the measurements only (which are always CSV), md for the rest.
func checkFormat(env *Env, format, what string) error {
	switch format {
	case "csv":
		if what != "measurements" && what != "metingen" {
			return errors.New(txtNoCSVWhat.In(env.Msg.Lang))
		}
	case "md", "markdown", "":
	default:
		return fmt.Errorf("--format %s: md | csv", board.CleanLine(format, 20))
	}
	return nil
}
