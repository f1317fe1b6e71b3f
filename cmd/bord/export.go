package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

type exportOptions struct {
	board, what, retro, format, out string
}

func newExport(o *options) *cobra.Command {
	e := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "write actions or a whole board as markdown, or everything as JSON / exporteer",
		Args:  cobra.NoArgs,
		RunE: readStore(o, func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, _ []string) error {
			var buf bytes.Buffer
			if err := export(&buf, s, msg, e); err != nil {
				return err
			}
			if e.out == "" || e.out == "-" {
				_, err := io.Copy(cmd.OutOrStdout(), &buf)
				return err
			}
			if err := writeFileAtomic(e.out, buf.Bytes()); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), msg.ExportDoneF+"\n", e.out)
			return nil
		}),
	}
	f := cmd.Flags()
	f.StringVar(&e.board, "board", "", "board name / naam van het bord (default: the only board)")
	f.StringVar(&e.what, "what", "actions", "actions, board, session (the last bordsessie), retro or arena")
	f.StringVar(&e.retro, "topic", "", "with --what retro or arena: its topic (the start is enough); default the latest")
	f.StringVar(&e.format, "format", "md", "md or json (json: the whole database, for bord import)")
	f.StringVarP(&e.out, "output", "o", "", "file to write (default: standard output)")
	return cmd
}

// export writes what e asks for to w.
func export(w io.Writer, s *store.Store, msg *i18n.Messages, e *exportOptions) error {
	switch e.format {
	case "json":
		return s.Export(w)
	case "md", "markdown":
	default:
		return fmt.Errorf("--format: md | json")
	}
	b, err := findBoard(s, msg, e.board)
	if err != nil {
		return err
	}
	out, err := msg.Report(b, e.what, e.retro, now())
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

// findBoard picks the board by name, or the only one there is.
func findBoard(s *store.Store, msg *i18n.Messages, name string) (*board.Board, error) {
	infos, err := s.Boards(0)
	if err != nil {
		return nil, err
	}
	info, names, ok := board.PickBoard(infos, name)
	switch {
	case !ok && name == "" && len(infos) > 1:
		return nil, fmt.Errorf(msg.ErrChooseBoardF, strings.Join(names, ", "))
	case !ok:
		return nil, fmt.Errorf(msg.ErrNoBoardF, board.CleanLine(name, 60))
	}
	return s.Board(info.ID)
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it, so an interrupted export never leaves half a file under the real name.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
