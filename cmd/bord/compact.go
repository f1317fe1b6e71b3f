package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

// newCompact is `bord compact`: rewrite the database file so deleted text
// (arena notes deleted, rephrased or past retention) is gone from its
// bytes. bord serve does this by itself after deletions; this is for a
// file used locally. The words are here, not in i18n, because that
// catalogue belongs to package tui.
func newCompact(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "rewrite the database so deleted notes leave the file / herschrijf de database zodat verwijderde notities uit het bestand verdwijnen",
		Long: `bord compact rewrites the database into a fresh file and swaps it in, so the
text of deleted or rephrased arena notes (and notes past retention) is no
longer in the file. bord serve does this by itself a minute after a deletion.
Backups made earlier still hold the text until they are rotated out.

bord compact herschrijft de database naar een nieuw bestand, zodat de tekst van
verwijderde of aangepaste arena-notities niet meer in het bestand staat.`,
		Args: cobra.NoArgs,
		RunE: withStore(o, func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, _ []string) error {
			before := fileSize(s.Path())
			if err := s.Compact(); err != nil {
				return err
			}
			after := fileSize(s.Path())
			if msg.Lang == i18n.EN {
				fmt.Fprintf(cmd.OutOrStdout(), "Compacted %s: %d → %d bytes; deleted text is no longer in the file.\n", s.Path(), before, after)
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "%s gecompacteerd: %d → %d bytes; verwijderde tekst staat niet meer in het bestand.\n", s.Path(), before, after)
			}
			return nil
		}),
	}
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}
