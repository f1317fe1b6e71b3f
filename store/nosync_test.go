package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/store/storetest"
	bolt "go.etcd.io/bbolt"
)

// The kill -9 test cannot see a missing fsync (the page cache outlives the
// process), so this one looks at the handle itself: on every way Open can
// go (new file, existing, migrated, NoCreate, read-only) bbolt syncs every
// commit, and no code in the package turns that off.
func TestNeverNoSync(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	storetest.Update(t, old, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		return b.Put(keySchema, itob(1))
	})
	path := filepath.Join(dir, "bord.db")
	for _, tc := range []struct {
		name, path string
		opt        Options
	}{
		{"new", path, Options{}},
		{"existing", path, Options{}},
		{"no-create", path, Options{NoCreate: true}},
		{"read-only", path, Options{ReadOnly: true}},
		{"migrated", old, Options{}},
	} {
		s, err := Open(tc.path, tc.opt)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if s.db.db.NoSync || s.db.db.NoGrowSync {
			t.Errorf("%s: opened with NoSync=%v NoGrowSync=%v", tc.name, s.db.db.NoSync, s.db.db.NoGrowSync)
		}
		if !tc.opt.ReadOnly {
			// and the handle Compact swaps in
			if err := s.Compact(); err != nil {
				t.Fatalf("%s: Compact: %v", tc.name, err)
			}
			if s.db.db.NoSync || s.db.db.NoGrowSync {
				t.Errorf("%s: compacted with NoSync=%v NoGrowSync=%v", tc.name, s.db.db.NoSync, s.db.db.NoGrowSync)
			}
		}
		s.Close()
	}

	// A later SetNoSync or Options{NoSync: true} anywhere in the package.
	turnsOff := regexp.MustCompile(`NoSync\s*[:=]|NoGrowSync\s*[:=]`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if loc := turnsOff.FindIndex(src); loc != nil {
			t.Errorf("%s sets %s", f, src[loc[0]:loc[1]])
		}
	}
}
