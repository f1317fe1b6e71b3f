package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/cmd/commands"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

type exportOptions struct {
	out          string
	withoutNotes bool
}

// newExport is the export that ssh host export runs too (package commands),
// with what only the owner of the file may do: the whole database as JSON,
// and writing a file.
func newExport(o *options) *cobra.Command {
	e := &exportOptions{}
	cmd := commands.Export(o.read)
	markdown := cmd.RunE
	cmd.Args = cobra.NoArgs // JSON too; the shared check runs only for markdown
	cmd.Short = "write actions or a whole board as markdown, or everything as JSON / exporteer"
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		var buf bytes.Buffer
		var err error
		format, _ := cmd.Flags().GetString("format")
		switch format {
		case "json":
			err = readStore(o, func(_ *cobra.Command, s *store.Store, _ *i18n.Messages, _ []string) error {
				if e.withoutNotes {
					return s.ExportWithoutNotes(&buf)
				}
				return s.Export(&buf)
			})(cmd, args)
		case "md", "markdown", "csv": // the shared export's formats; it checks csv
			if e.withoutNotes {
				// A markdown report masks names already; leaving notes out
				// of it silently would look like an arena without answers.
				return withoutNotesIsJSON(o)
			}
			cmd.SetOut(&buf)
			err = markdown(cmd, args)
			cmd.SetOut(nil)
		default:
			return fmt.Errorf("--format: md | json | csv")
		}
		if err != nil {
			return err
		}
		if e.out == "" || e.out == "-" {
			_, err := io.Copy(cmd.OutOrStdout(), &buf)
			return err
		}
		msg, _ := o.messages()
		if err := writeFileAtomic(e.out, buf.Bytes()); err != nil {
			return errors.New(msg.FileErr(e.out, err))
		}
		fmt.Fprintf(cmd.ErrOrStderr(), msg.ExportDoneF+"\n", e.out)
		return nil
	}
	f := cmd.Flags()
	// The shared export defines --format (md, csv); the CLI adds json.
	f.Lookup("format").Usage = "md, json (the whole database, for bord import, with the raw arena notes: a backup that stays in school) or csv (with --what measurements)"
	f.BoolVar(&e.withoutNotes, "without-notes", false, "with --format json: leave out the raw arena notes, for a copy that may leave the school")
	f.StringVarP(&e.out, "output", "o", "", "file to write (default: standard output)")
	_ = cmd.MarkFlagFilename("output") // named absolutely for the owner (owner.go)
	return cmd
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

func withoutNotesIsJSON(o *options) error {
	if msg, _ := o.messages(); msg.Lang == i18n.EN {
		return fmt.Errorf("--without-notes goes with --format json; a markdown arena report masks names itself")
	}
	return fmt.Errorf("--without-notes hoort bij --format json; een markdown-arenaverslag maskeert namen zelf")
}
