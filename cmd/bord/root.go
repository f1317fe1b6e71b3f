package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/cmd/commands"
	"github.com/verbeterbord/bord/cmd/owner"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui"
	"github.com/verbeterbord/bord/tui/i18n"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// options are the flags every command shares.
type options struct {
	db   string
	lang string
	as   string
	// held is the file the owner holds, in the owner's process running a
	// later process's command (owner.go); heldPath is its path.
	held     *store.Store
	heldPath string
}

func (o *options) messages() (*i18n.Messages, error) {
	if o.lang == "" {
		return i18n.For(i18n.FromEnv(nil)), nil
	}
	l, ok := i18n.Parse(o.lang)
	if !ok {
		return i18n.For(i18n.FromEnv(nil)), fmt.Errorf(i18n.For(i18n.FromEnv(nil)).ErrBadLangF, o.lang)
	}
	return i18n.For(l), nil
}

// user is the display name: --as, else the login name.
func (o *options) user() string {
	// The name is shown on everyone's board and stored with every change.
	if as := board.CleanName(o.as); as != "" {
		return as
	}
	if u, err := user.Current(); err == nil && board.CleanName(u.Username) != "" {
		return board.CleanName(u.Username)
	}
	if u := board.CleanName(os.Getenv("USER")); u != "" {
		return u
	}
	return "ik"
}

// defaultDB is $XDG_DATA_HOME/bord/bord.db or ~/.local/share/bord/bord.db,
// and empty when neither can be known: a database in whatever directory
// bord happens to be started from would be found by nobody (open says to
// pass --db).
func defaultDB() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "bord", "bord.db")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "share", "bord", "bord.db")
}

// openMode says what a command may do to the database file.
type openMode int

const (
	// openRead only looks: the file is opened read-only, never created,
	// migrated or otherwise changed (export, lists, backup).
	openRead openMode = iota
	// openWrite changes an existing database; a missing file is an error,
	// so a mistyped --db never becomes a new, empty database.
	openWrite
	// openCreate may make a new database: the first start (bord, bord
	// demo, bord import, bord team add). It says so when it does.
	openCreate
)

// open opens the database, turning a locked file into a message that says
// who holds it and, for a server, how to join it instead. A new file is
// announced on stderr, so a mistyped --db shows at once.
func (o *options) open(msg *i18n.Messages, mode openMode, stderr io.Writer) (*store.Store, error) {
	if o.held != nil {
		o.db = o.heldPath // what --db said is the file anyway
		return o.held, nil
	}
	if o.db == "" {
		return nil, txtNoHome.Errorf(msg.Lang)
	}
	s, err := store.Open(o.db, store.Options{Holder: "bord", ReadOnly: mode == openRead, NoCreate: mode == openWrite})
	switch {
	case errors.Is(err, store.ErrLocked):
		h, _ := store.ReadHolder(o.db)
		h.Command = board.CleanLine(h.Command, board.MaxLine) // a file anyone could have written
		if strings.HasPrefix(h.Command, "bord serve") && h.Addr != "" {
			return nil, lockedError{fmt.Sprintf(msg.ErrLockedServeF, o.db, h.PID, port(h.Addr))}
		}
		if h.Command == "" {
			h.Command = "bord"
		}
		return nil, lockedError{fmt.Sprintf(msg.ErrLockedF, o.db, h.Command, h.PID)}
	case errors.Is(err, store.ErrNewerSchema):
		return nil, errors.New(msg.ErrNewerSchema)
	case err != nil:
		if werr := openError(msg.Lang, o.db, err); werr != nil {
			return nil, werr
		}
		if w := msg.FileProblem(o.db, err); w != "" { // no access, a full disk
			return nil, errors.New(w)
		}
		return nil, err
	}
	if s.Created() {
		fmt.Fprintf(stderr, txtCreated.In(msg.Lang)+"\n", o.db)
	}
	if mode == openRead {
		return s, nil
	}
	// Arena notes past their board's retention period go on every open,
	// and out of the file's bytes too.
	if _, err := s.ApplyRetention(); err != nil {
		s.Close()
		return nil, err
	}
	if _, err := s.CompactIfErased(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// lockedError is open's message for a file another program holds; it is
// store.ErrLocked, so a command can try the file's owner instead.
type lockedError struct{ text string }

func (e lockedError) Error() string { return e.text }
func (e lockedError) Unwrap() error { return store.ErrLocked }

func port(addr string) string {
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		return addr[i+1:]
	}
	return addr
}

func newRoot() *cobra.Command { return newRootFor(&options{}) }

// newRootFor is the command line with o: in the owner, o holds the file.
func newRootFor(o *options) *cobra.Command {
	root := &cobra.Command{
		Use:   "bord",
		Short: "Het verbeterbord in de terminal / the improvement board in your terminal",
		Long: `bord is het verbeterbord van je team in de terminal: check-in, successen, doelen,
acties, planning en parkeerplaats, voor de wekelijkse bordsessie. Terwijl bord open is
werken export, backup, team, member en invite gewoon (de open bord doet ze), en opent
'bord' in een tweede venster hetzelfde bord, live.

bord is your team's improvement board in the terminal. While bord is open, export,
backup, team, member and invite still work (the open bord does them), and 'bord' in a
second window opens the same board, live.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(o)
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&o.db, "db", defaultDB(), "database file / databasebestand (needed when HOME is not set)")
	f.StringVar(&o.lang, "lang", "", "taal / language: nl or en (default: from LANG, else nl)")
	f.StringVar(&o.as, "as", "", "display name / je naam (default: your login name)")
	imp := newImport(o)
	imp.AddCommand(newImportMeasurements(o))
	root.AddCommand(newExport(o), imp, newBackup(o), newCompact(o), newDemo(o), newVersion(),
		newServe(o), newTeam(o), newMember(o),
		// The same commands ssh host invite and whoami run (package commands).
		commands.Invite(o.write), commands.Whoami(o.read))
	return root
}

// read and write are the commands' Runners on the command line: the whole
// database, as the login (or --as) name; read opens it read-only.
func (o *options) read(cmd *cobra.Command, f func(*commands.Env) error) error {
	return readStore(o, o.env(f))(cmd, nil)
}

func (o *options) write(cmd *cobra.Command, f func(*commands.Env) error) error {
	return withStore(o, o.env(f))(cmd, nil)
}

func (o *options) env(f func(*commands.Env) error) func(*cobra.Command, *store.Store, *i18n.Messages, []string) error {
	return func(_ *cobra.Command, s *store.Store, msg *i18n.Messages, _ []string) error {
		return f(&commands.Env{View: commands.Whole(s), Who: commands.Identity{Name: o.user(), Known: true}, Msg: msg, Now: now})
	}
}

func runTUI(o *options) error {
	msg, err := o.messages()
	if err != nil {
		return err
	}
	if o.held != nil {
		// A window of its own comes with a terminal (client.go).
		return txtNeedsTerminal.Errorf(msg.Lang)
	}
	s, conn, err := o.openOrJoin(msg, os.Stderr)
	if err != nil {
		return err
	}
	if conn != nil {
		// Another bord owns the file: this window shows its board, live.
		return runClient(conn, o.user(), msg.Lang, userTerminal())
	}
	defer closeLocal(s)
	srv, stop := o.startOwner(s, nil, os.Stderr)
	defer stop()
	cfg := tui.Config{Store: s, User: o.user(), Lang: msg.Lang, AutoJoin: true}
	if srv != nil {
		// Whoever opens a second window is on the presence line, and
		// this one on theirs.
		pres, leave := srv.Join(cfg.User)
		defer leave()
		cfg.Presence = pres
	}
	m := tui.New(cfg)
	defer m.Close()
	_, err = tea.NewProgram(m).Run()
	return err
}

// openOrJoin opens the database, or, when another bord owns it, connects
// to that owner. It waits a little for an owner that just took the file
// and does not listen yet, or for a file that was busy a moment (a backup
// of another process): so two bord started at once end up one owner and
// one window on it.
func (o *options) openOrJoin(msg *i18n.Messages, stderr io.Writer) (*store.Store, net.Conn, error) {
	deadline := time.Now().Add(joinWait)
	for {
		// The owner first: opening a held file waits for its lock.
		if path, perr := owner.Socket(o.db); perr == nil && o.db != "" {
			if conn, derr := owner.Dial(path, 0); derr == nil {
				return nil, conn, nil
			}
		}
		s, err := o.open(msg, openCreate, stderr)
		if !errors.Is(err, store.ErrLocked) {
			return s, nil, err
		}
		if time.Now().After(deadline) {
			return nil, nil, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// closeLocal closes a file used by a local bord, first compacting it when
// notes were deleted in the session, so their text leaves the file when
// bord ends (bord serve does this while it runs).
func closeLocal(s *store.Store) error {
	_, cerr := s.CompactIfErased()
	if err := s.Close(); err != nil {
		return err
	}
	return cerr
}

func newVersion() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "print the version / toon de versie",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintf(cmd.OutOrStdout(), "bord %s (schema %d)\n", version, store.SchemaVersion)
		},
	}
}

func newDemo(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "create an example team and board, in --lang / maak een voorbeeldbord",
		Args:  cobra.NoArgs,
		RunE: createStore(o, func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, _ []string) error {
			info, err := s.CreateDemoIn(string(msg.Lang), o.user())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), msg.DemoDoneF+"\n", info.Name)
			return nil
		}),
	}
}

func newBackup(o *options) *cobra.Command {
	var force bool
	cmd := fileCommand("backup FILE", "write a checked copy of the database, also while bord is open / maak een gecontroleerde back-up",
		readStore(o, func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, args []string) error {
			// An existing file may be the good backup of yesterday; a
			// mistyped --db must not replace it with something else.
			if fi, err := os.Stat(args[0]); err == nil {
				if db, err := os.Stat(o.db); err == nil && os.SameFile(fi, db) {
					return txtBackupIsDB.Errorf(msg.Lang, args[0])
				}
				if !force {
					return txtBackupExists.Errorf(msg.Lang, args[0])
				}
			}
			if err := s.Backup(args[0]); err != nil {
				return errors.New(msg.FileErr(args[0], err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), msg.BackupDoneF+"\n", args[0])
			return nil
		}))
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists / overschrijf FILE als het bestaat")
	return cmd
}

func newImport(o *options) *cobra.Command {
	return fileCommand("import FILE", "load a JSON export into an empty database / laad een JSON-export",
		createStore(o, func(cmd *cobra.Command, s *store.Store, msg *i18n.Messages, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return errors.New(msg.FileErr(args[0], err))
			}
			defer f.Close()
			var de *store.DumpError
			if err := s.Import(f); errors.As(err, &de) {
				return dumpError(msg.Lang, args[0], de)
			} else if err != nil && !errors.Is(err, store.ErrNotEmpty) {
				return errors.New(msg.FileErr(args[0], err))
			} else if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), msg.ImportDoneF+"\n", args[0])
			return nil
		}))
}

// now is the export clock; a variable so golden tests can fix it.
var now = time.Now
