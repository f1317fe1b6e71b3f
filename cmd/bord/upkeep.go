package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/verbeterbord/bord/board"
	"github.com/verbeterbord/bord/store"
)

// upkeep is the housekeeping of a serving bord: arena notes past their
// retention period go at start and every hour, and when text was erased
// (a note deleted or rephrased, retention) the file is compacted at the
// next compact tick, so the text leaves the file's bytes while sessions go
// on. The ticks are channels so tests can drive them.
type upkeep struct {
	s         *store.Store
	log       *slog.Logger
	retention <-chan time.Time // every hour
	compact   <-chan time.Time // every minute
	ran       func()           // tests: called after each round
}

func (u upkeep) run(ctx context.Context) {
	u.retain()
	for {
		select {
		case <-ctx.Done():
			return
		case <-u.retention:
			u.retain()
		case <-u.compact:
			u.compactIfErased()
		}
	}
}

func (u upkeep) retain() {
	if n, err := u.s.ApplyRetention(); err != nil {
		u.log.Error("retention", "err", err.Error())
	} else if n > 0 {
		u.log.Info("retention", "arenas", n)
	}
	u.compactIfErased()
}

func (u upkeep) compactIfErased() {
	if did, err := u.s.CompactIfErased(); err != nil {
		u.log.Error("compact", "err", err.Error())
	} else if did {
		u.log.Info("compacted", "db", u.s.Path())
	}
	if u.ran != nil {
		u.ran()
	}
}

// pruneOldBackups removes the backups bord wrote in dir that are older
// than maxAge, except the newest: a backup holds the arena notes deleted
// after it was made, so with maxAge the shortest retention period no
// deleted note outlives it in a backup. The open database is never removed.
func pruneOldBackups(dir string, maxAge time.Duration, now time.Time, db string, log *slog.Logger) {
	if maxAge <= 0 {
		return
	}
	names, err := backupNames(dir, db)
	if err != nil {
		return
	}
	for i := 0; i+1 < len(names); i++ {
		stamp := strings.TrimSuffix(strings.TrimPrefix(names[i], "bord-backup-"), ".db")
		made, err := time.ParseInLocation(backupLayout, stamp, time.Local)
		if err != nil || now.Sub(made) <= maxAge {
			continue
		}
		if err := os.Remove(filepath.Join(dir, names[i])); err != nil {
			log.Warn("removing backup past retention", "path", names[i], "err", err.Error())
		}
	}
}

// shortestRetention is the shortest retention period of any board: how
// long a backup may hold deleted arena notes.
func shortestRetention(s *store.Store) time.Duration {
	days := board.DefaultRetentionDays
	if infos, err := s.Boards(0); err == nil {
		for _, in := range infos {
			if in.RetentionDays > 0 && in.RetentionDays < days {
				days = in.RetentionDays
			}
		}
	}
	return time.Duration(days) * 24 * time.Hour
}
