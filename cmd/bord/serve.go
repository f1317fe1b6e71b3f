package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/sshserver"
	"github.com/verbeterbord/bord/store"
	"github.com/verbeterbord/bord/tui/i18n"
)

type serveOptions struct {
	addr        string
	maxSessions int
	idle        time.Duration
	maxSession  time.Duration
	backupDir   string
	backupEvery time.Duration
	backupKeep  int
}

func newServe(o *options) *cobra.Command {
	so := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "share the boards over SSH / deel de borden via SSH",
		Long: `bord serve shares the database over SSH: every colleague joins with
  ssh -p 2222 <this computer>
and sees the team's board, live. Add people with 'bord member add' or 'bord invite':
run as the same user with the same --db, they work while bord serve runs.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return serve(cmd, o, so)
		},
	}
	f := cmd.Flags()
	f.StringVar(&so.addr, "addr", ":2222", "address to listen on")
	f.IntVar(&so.maxSessions, "max-sessions", 100, "maximum concurrent connections")
	f.DurationVar(&so.idle, "idle", 30*time.Minute, "end a session this long after the last keypress")
	f.DurationVar(&so.maxSession, "max-session", 12*time.Hour, "maximum length of one session")
	f.StringVar(&so.backupDir, "backup-dir", "", "write a checked hot backup into this directory (also right at start)")
	f.DurationVar(&so.backupEvery, "backup-every", 24*time.Hour, "how often to back up into --backup-dir")
	f.IntVar(&so.backupKeep, "backup-keep", 14, "how many backups to keep in --backup-dir")
	return cmd
}

func serve(cmd *cobra.Command, o *options, so *serveOptions) error {
	msg, err := o.messages()
	if err != nil {
		return err
	}
	if err := so.check(msg.Lang); err != nil {
		return err
	}
	if o.held != nil {
		// Sent over the owner's socket: the file is the owner's.
		return txtServeHeld.Errorf(msg.Lang)
	}
	if o.db == "" {
		return txtNoHome.Errorf(msg.Lang)
	}
	if so.backupDir != "" {
		if err := checkBackupDir(msg.Lang, so.backupDir, o.db); err != nil {
			return err
		}
	}
	// A server never makes the database: a mistyped --db would otherwise
	// serve an empty board to everyone (make it with bord team add).
	opts := store.Options{Holder: "bord serve", Addr: so.addr, NoCreate: true}
	s, err := store.Open(o.db, opts)
	if errors.Is(err, store.ErrLocked) {
		// The same message as for the TUI. If the other program let go in
		// between, o.open succeeds: then take the file for serving after
		// all, rather than exit 0 without serving.
		var free *store.Store
		if free, err = o.open(msg, openWrite, cmd.ErrOrStderr()); err == nil {
			free.Close()
			s, err = store.Open(o.db, opts)
		}
	}
	if werr := openError(msg.Lang, o.db, err); werr != nil {
		return werr
	}
	if errors.Is(err, store.ErrNewerSchema) {
		return errors.New(msg.ErrNewerSchema)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	logger := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
	srv, err := sshserver.New(sshserver.Config{
		Store:       s,
		HostKeyPath: filepath.Join(filepath.Dir(o.db), "ssh_host_ed25519_key"),
		MaxSessions: so.maxSessions,
		Idle:        so.idle,
		MaxSession:  so.maxSession,
		Logger:      logger,
		// bord commands of this user on this computer (owner.go).
		LocalExec: ownerExec(s, o.db),
	})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", so.addr)
	if err != nil {
		return err
	}
	// Also on the file's socket, so bord member add, invite, export and
	// backup work while serving, and bord opens the served board.
	_, stopOwner := o.startOwner(s, srv, cmd.ErrOrStderr())
	defer stopOwner()
	fmt.Fprintf(cmd.OutOrStdout(), "bord serve %s · %s\nhost key %s\njoin: ssh -p %s <host>\n", version, l.Addr(), srv.HostKeyFingerprint(), port(l.Addr().String()))
	logger.Info("serving", "addr", l.Addr().String(), "db", o.db, "hostkey", srv.HostKeyFingerprint())

	ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	if so.backupDir != "" {
		go backupLoop(ctx, s, so, o.db, logger)
	}
	hourly, minutely := time.NewTicker(time.Hour), time.NewTicker(time.Minute)
	defer hourly.Stop()
	defer minutely.Stop()
	go upkeep{s: s, log: logger, retention: hourly.C, compact: minutely.C}.run(ctx)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("stopping", "sessions", srv.Sessions())
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	<-errc
	logger.Info("stopped")
	return nil
}

// check refuses flag values that cannot work, before anything starts: a
// tiny --idle used to panic at the first join, --max-sessions -1 meant no
// cap at all, and --backup-keep -1 panics at the first backup. The words are
// here, not in i18n, because that catalogue belongs to package tui.
func (so *serveOptions) check(lang i18n.Lang) error {
	bad := func(flag string, value any, nl, en string) error {
		if lang == i18n.EN {
			return fmt.Errorf("--%s %v: %s", flag, value, en)
		}
		return fmt.Errorf("--%s %v: %s", flag, value, nl)
	}
	// Under a minute, sessions would end while people are still reading.
	const atLeastNL, atLeastEN = "moet minstens 1m zijn", "must be at least 1m"
	switch {
	case so.maxSessions < 1:
		return bad("max-sessions", so.maxSessions, "moet minstens 1 zijn", "must be at least 1")
	case so.idle < time.Minute:
		return bad("idle", so.idle, atLeastNL, atLeastEN)
	case so.maxSession < time.Minute:
		return bad("max-session", so.maxSession, atLeastNL, atLeastEN)
	case so.backupDir != "" && so.backupEvery < time.Minute:
		return bad("backup-every", so.backupEvery, atLeastNL, atLeastEN)
	case so.backupDir != "" && so.backupKeep < 1:
		return bad("backup-keep", so.backupKeep, "moet minstens 1 zijn", "must be at least 1")
	}
	return nil
}

// backupPattern is the name of every backup bord serve writes. Pruning
// touches only names of exactly this shape: never the database, whatever
// it is called, and never a file someone else put there.
var backupPattern = regexp.MustCompile(`^bord-backup-[0-9]{8}-[0-9]{6}\.db$`)

const backupLayout = "20060102-150405"

// backupLoop writes a hot backup now and then every so.backupEvery, and
// keeps the newest so.backupKeep, none older than the shortest retention
// period. Names sort by time.
func backupLoop(ctx context.Context, s *store.Store, so *serveOptions, db string, log *slog.Logger) {
	tick := time.NewTicker(so.backupEvery)
	defer tick.Stop()
	for {
		path := filepath.Join(so.backupDir, "bord-backup-"+time.Now().Format(backupLayout)+".db")
		if err := s.Backup(path); err != nil {
			log.Error("backup failed", "path", path, "err", err.Error())
		} else {
			log.Info("backup", "path", path)
			pruneBackups(so.backupDir, so.backupKeep, db, log)
			pruneOldBackups(so.backupDir, shortestRetention(s), time.Now(), db, log)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// pruneBackups removes all but the newest keep backups bord wrote in dir.
// The open database is never removed, even if its name fits the pattern.
func pruneBackups(dir string, keep int, db string, log *slog.Logger) {
	names, err := backupNames(dir, db)
	if err != nil {
		log.Warn("listing backups", "dir", dir, "err", err.Error())
		return
	}
	if len(names) <= keep {
		return
	}
	for _, old := range names[:len(names)-keep] {
		if err := os.Remove(filepath.Join(dir, old)); err != nil {
			log.Warn("removing old backup", "path", old, "err", err.Error())
		}
	}
}

// backupNames lists, oldest first, the backups bord wrote in dir, leaving
// out the open database db even if its name fits the pattern.
func backupNames(dir, db string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	live, _ := os.Stat(db)
	var names []string
	for _, e := range entries {
		if !e.Type().IsRegular() || !backupPattern.MatchString(e.Name()) {
			continue
		}
		if fi, err := os.Stat(filepath.Join(dir, e.Name())); err != nil || (live != nil && os.SameFile(fi, live)) {
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

// checkBackupDir refuses, at start, a backup directory that is the
// database's own directory (backups beside the live file invite deleting
// the wrong one) or one bord cannot write to (every backup would fail,
// seen only in the log).
func checkBackupDir(lang i18n.Lang, dir, db string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return txtBackupDirNotWritable.Errorf(lang, dir, err)
	}
	bi, err := os.Stat(dir)
	if err != nil {
		return txtBackupDirNotWritable.Errorf(lang, dir, err)
	}
	absDir, _ := filepath.Abs(dir)
	absDB, _ := filepath.Abs(filepath.Dir(db))
	if di, err := os.Stat(filepath.Dir(db)); (err == nil && os.SameFile(bi, di)) || absDir == absDB {
		return txtBackupDirIsDBDir.Errorf(lang, dir)
	}
	f, err := os.CreateTemp(dir, ".bord-write-check-*")
	if err != nil {
		return txtBackupDirNotWritable.Errorf(lang, dir, err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// withStore opens an existing database for a command that changes it, and
// words errors for the user.
func withStore(o *options, run func(*cobra.Command, *store.Store, *i18n.Messages, []string) error) func(*cobra.Command, []string) error {
	return storeCommand(o, openWrite, run)
}

// readStore is withStore for a command that only reads: the file is opened
// read-only and never changes.
func readStore(o *options, run func(*cobra.Command, *store.Store, *i18n.Messages, []string) error) func(*cobra.Command, []string) error {
	return storeCommand(o, openRead, run)
}

// createStore is withStore for a command that may make the first database.
func createStore(o *options, run func(*cobra.Command, *store.Store, *i18n.Messages, []string) error) func(*cobra.Command, []string) error {
	return storeCommand(o, openCreate, run)
}

func storeCommand(o *options, mode openMode, run func(*cobra.Command, *store.Store, *i18n.Messages, []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		msg, err := o.messages()
		if err != nil {
			return err
		}
		// Another bord has the file open: it does the work. Asked first,
		// since opening a held file waits for its lock.
		if ferr := o.forward(cmd, args, msg, 0); !errors.Is(ferr, errNoOwner) {
			return ferr
		}
		s, err := o.open(msg, mode, cmd.ErrOrStderr())
		if errors.Is(err, store.ErrLocked) {
			// An owner that started just now may not listen yet.
			if ferr := o.forward(cmd, args, msg, joinWait); !errors.Is(ferr, errNoOwner) {
				return ferr
			}
		}
		if err != nil {
			return err
		}
		if o.held == nil {
			defer s.Close()
		}
		if err := run(cmd, s, msg, args); err != nil {
			var v *board.ValidationError
			switch {
			case errors.As(err, &v), errors.Is(err, board.ErrExists), errors.Is(err, board.ErrNotFound):
				return fmt.Errorf("%s (%v)", msg.Err(err), err)
			case errors.Is(err, store.ErrKeyTaken):
				return errors.New(msg.ErrKeyTaken)
			case errors.Is(err, store.ErrNotEmpty):
				return errors.New(msg.ErrNotEmpty)
			}
			if w := msg.FileProblem(o.db, err); w != "" { // a full disk, no access
				return errors.New(w)
			}
			if internal(err) { // never "store: …" to a user
				return errors.New(msg.FileErr(o.db, err))
			}
			return err
		}
		return nil
	}
}

// internal reports an error still in a package's own words ("store: …",
// "board: …"), not yet worded for the user.
func internal(err error) bool {
	for _, p := range []string{"store: ", "board: ", "i18n: ", "bbolt: "} {
		if strings.HasPrefix(err.Error(), p) {
			return true
		}
	}
	return false
}
