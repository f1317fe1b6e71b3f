package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/cmd/commands"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// newImportMeasurements is `bord import measurements FILE.csv`: the columns
// `bord export --what measurements --format csv` writes, read into one
// board in one transaction; every bad line is named and then nothing is
// imported.
func newImportMeasurements(o *options) *cobra.Command {
	var boardName string
	cmd := fileCommand("measurements FILE.csv", "add measurements from a CSV file (speerpunt, goal, date, value, unit, who) / importeer metingen",
		withStore(o, func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, args []string) error {
			infos, err := s.Boards(0)
			if err != nil {
				return err
			}
			info, names, ok := board.PickBoard(infos, boardName)
			if !ok {
				return fmt.Errorf(msg.ErrChooseBoardF, strings.Join(names, ", "))
			}
			b, err := s.Board(info.ID)
			if err != nil {
				return err
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			rows, err := commands.ParseMeasurementsCSV(f, b)
			if err == nil {
				_, err = s.ImportMeasurements(o.user(), info.ID, rows)
			}
			var ce *commands.CSVError
			var ie *store.ImportError
			if errors.As(err, &ce) || errors.As(err, &ie) {
				return errors.New(commands.CSVErrorText(msg, err))
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), commands.ImportedText(msg, len(rows), args[0]))
			return nil
		}))
	cmd.Flags().StringVar(&boardName, "board", "", "board name / naam van het bord (default: the only board)")
	return cmd
}
