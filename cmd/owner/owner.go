// Package owner is the Unix socket through which the first bord process
// that opens a database file (its owner: a bord TUI or bord serve) serves
// later bord processes of the same user, so export, backup, team and member
// commands and a second bord window work while the file is open. bbolt
// locks the file, so only the owner can read or write it.
//
// The socket lies beside the database (bord.db → bord.db.sock), mode 0600.
// Whoever holds the database's exclusive lock is the only owner there can
// be, so it may remove a socket file it finds there: that is one a crashed
// owner left. An owner removes its socket before it lets go of the lock.
// Both ends check that the process on the other side runs as the same user,
// where the system can tell (Linux, macOS and the BSDs).
//
// What runs over the socket (SSH, package sshserver) is not this package's
// concern; it depends on nothing of bord.
package owner

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// maxSocketPath is the longest path a Unix socket may have: sun_path is
// 108 bytes on Linux and 104 on macOS and the BSDs, with a final NUL.
const maxSocketPath = 103

// ErrNotSocket: something other than a socket is where the socket goes;
// it is never removed.
var ErrNotSocket = errors.New("owner: not a socket")

// ErrNotOurs: the other end of the socket, or the socket's directory,
// belongs to another user.
var ErrNotOurs = errors.New("owner: another user's socket")

// Socket is where the owner of the database at db listens: db + ".sock"
// (db's real path, symlinks resolved), or, when that path is too long for a socket, a name made of the
// database's path in a directory of this user's under the system's
// temporary directory.
func Socket(db string) (string, error) {
	abs, err := filepath.Abs(db)
	if err != nil {
		return "", err
	}
	// One socket per file, however it is named: a path through a symlink
	// finds the owner that opened the file by its real name.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if p := abs + ".sock"; len(p) <= maxSocketPath {
		return p, nil
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(os.TempDir(), fmt.Sprintf("bord-%d", os.Getuid()), hex.EncodeToString(sum[:8])+".sock"), nil
}

// Listen makes the socket at path and listens on it. Call it only while
// holding the database's exclusive lock: an existing socket at path is
// then a stale one and is removed. Connections from another user are
// closed at once, unseen by Accept's caller.
func Listen(path string) (net.Listener, error) {
	if err := ownDir(path, true); err != nil {
		return nil, err
	}
	fi, err := os.Lstat(path)
	switch {
	case err == nil && fi.Mode().Type() != fs.ModeSocket:
		return nil, fmt.Errorf("%w: %s", ErrNotSocket, path)
	case err == nil:
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	// Removed by Close below, and only if it is still ours.
	l.SetUnlinkOnClose(false)
	fail := func(err error) (net.Listener, error) {
		l.Close()
		os.Remove(path)
		return nil, err
	}
	// Connecting needs write permission on the socket: nobody else has it.
	if err := os.Chmod(path, 0o600); err != nil {
		return fail(err)
	}
	made, err := os.Lstat(path)
	if err != nil {
		return fail(err)
	}
	return &listener{UnixListener: l, path: path, made: made, uid: os.Getuid()}, nil
}

// listener accepts only connections of its own user and removes its
// socket on Close, unless another owner's has taken its place.
type listener struct {
	*net.UnixListener
	path string
	made fs.FileInfo
	uid  int // the user allowed to connect; a field so tests can refuse

	once sync.Once
}

func (l *listener) Accept() (net.Conn, error) {
	for {
		c, err := l.UnixListener.AcceptUnix()
		if err != nil {
			return nil, err
		}
		if uid, ok, err := peerUID(c); err == nil && (!ok || uid == l.uid) {
			return c, nil
		}
		c.Close()
	}
}

func (l *listener) Close() error {
	err := l.UnixListener.Close()
	l.once.Do(func() {
		if fi, serr := os.Lstat(l.path); serr == nil && os.SameFile(fi, l.made) {
			os.Remove(l.path)
		}
	})
	return err
}

// Dial connects to the owner listening at path, waiting up to wait for it
// (an owner that just took the lock may not listen yet), and checks that
// it runs as this user.
func Dial(path string, wait time.Duration) (net.Conn, error) {
	if err := ownDir(path, false); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: path, Net: "unix"})
		if err == nil {
			uid, ok, perr := peerUID(c)
			if perr != nil || (ok && uid != os.Getuid()) {
				c.Close()
				return nil, fmt.Errorf("%w: %s", ErrNotOurs, path)
			}
			return c, nil
		}
		if time.Now().After(deadline) {
			return nil, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ownDir checks the socket's directory when it is bord's own one under the
// temporary directory (see Socket), making it if create: it must be this
// user's and closed to others, or someone could put a socket of theirs
// there. The database's own directory is the user's choice.
func ownDir(path string, create bool) error {
	dir := filepath.Dir(path)
	if dir != filepath.Join(os.TempDir(), fmt.Sprintf("bord-%d", os.Getuid())) {
		return nil
	}
	if create {
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() || fi.Mode().Perm()&0o077 != 0 || !ownedByUs(fi) {
		return fmt.Errorf("%w: %s", ErrNotOurs, dir)
	}
	return nil
}
