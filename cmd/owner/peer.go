//go:build linux || darwin || freebsd

package owner

import "net"

// peerUID is the user id of the process at the other end of c; ok is
// false where the system cannot tell (peer_other.go).
func peerUID(c *net.UnixConn) (uid int, ok bool, err error) {
	raw, err := c.SyscallConn()
	if err != nil {
		return 0, false, err
	}
	var serr error
	if err := raw.Control(func(fd uintptr) { uid, serr = socketPeerUID(int(fd)) }); err != nil {
		return 0, false, err
	}
	if serr != nil {
		return 0, false, serr
	}
	return uid, true, nil
}
