package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// arMember is one file of an ar archive, the container of a .deb.
type arMember struct {
	name string
	data []byte
}

// readAr parses an ar archive (the common format dpkg uses): a global
// header, then per member a 60-byte header and the data, padded to an even
// length. It is written here from the format, not taken from the library
// that wrote the archive, so the two cannot share a mistake.
func readAr(b []byte) ([]arMember, error) {
	const magic = "!<arch>\n"
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, fmt.Errorf("no ar magic")
	}
	b = b[len(magic):]
	var out []arMember
	for len(b) > 0 {
		if len(b) < 60 || string(b[58:60]) != "`\n" {
			return nil, fmt.Errorf("bad ar header after %d members", len(out))
		}
		size, err := strconv.Atoi(strings.TrimSpace(string(b[48:58])))
		if err != nil || size < 0 || 60+size > len(b) {
			return nil, fmt.Errorf("bad ar size %q", b[48:58])
		}
		name := strings.TrimSuffix(strings.TrimSpace(string(b[:16])), "/")
		out = append(out, arMember{name: name, data: b[60 : 60+size]})
		b = b[60+size:]
		if size%2 == 1 && len(b) > 0 {
			b = b[1:]
		}
	}
	return out, nil
}

// tarFile is a regular file from a tar member, by its cleaned path.
type tarFile struct {
	hdr  *tar.Header
	data []byte
}

// readTar reads a control.tar.* or data.tar.* member with the decompressor
// its name says.
func readTar(m arMember) (map[string]tarFile, error) {
	var r io.Reader = bytes.NewReader(m.data)
	switch filepath.Ext(m.name) {
	case ".gz":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, err
		}
		r = zr
	case ".tar":
	default:
		return nil, fmt.Errorf("%s: a compression this test does not read", m.name)
	}
	out := map[string]tarFile{}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		out["/"+strings.TrimPrefix(filepath.Clean(h.Name), "./")] = tarFile{hdr: h, data: data}
	}
}

// controlFields parses the control file's "Key: value" lines (continuation
// lines, which start with a space, belong to the field before).
func controlFields(s string) map[string]string {
	f := map[string]string{}
	var last string
	for line := range strings.SplitSeq(s, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, " ") {
			last = k
			f[k] = strings.TrimSpace(v)
		} else if last != "" && strings.HasPrefix(line, " ") {
			f[last] += "\n" + strings.TrimSpace(line)
		}
	}
	return f
}

// TestPackage builds the real bord binary once, packages it, unpacks the
// .deb in Go and checks what an administrator's dpkg would install. The
// packager runs as its own process, as `make package` runs it: inside this
// test binary, under `make test`'s race detector, nfpm's gzip alone would
// take most of a minute.
func TestPackage(t *testing.T) {
	if testing.Short() {
		// A minute of building and gzip that guards only the packaging:
		// make package runs it before it builds the .deb, make test-long
		// with everything else.
		t.Skip("builds and packages the real binary: run by make package and make test-long")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bord")
	build := exec.Command("go", "build", "-o", dir+string(filepath.Separator), "-ldflags", "-s -w -X main.version=1.2.3",
		"github.com/verbeterbord/bord/cmd/bord", "github.com/verbeterbord/bord/cmd/bordpkg")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	pkg := exec.Command(filepath.Join(dir, "bordpkg"), "-bin", bin, "-version", "v1.2.3", "-arch", runtime.GOARCH, "-out", filepath.Join(dir, "out"))
	var stderr bytes.Buffer
	pkg.Stderr = &stderr
	out, err := pkg.Output()
	if err != nil {
		t.Fatalf("bordpkg: %v\n%s", err, stderr.Bytes())
	}
	path := strings.TrimSpace(string(out))
	if want := "bord_1.2.3_" + runtime.GOARCH + ".deb"; filepath.Base(path) != want {
		t.Errorf("package file %s, want %s", filepath.Base(path), want)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	members, err := readAr(raw)
	if err != nil {
		t.Fatal(err)
	}
	// dpkg wants exactly this order: the format version, control, data.
	if len(members) != 3 || members[0].name != "debian-binary" || string(members[0].data) != "2.0\n" ||
		!strings.HasPrefix(members[1].name, "control.tar") || !strings.HasPrefix(members[2].name, "data.tar") {
		t.Fatalf("ar members %v, want debian-binary 2.0, control.tar.*, data.tar.*", names(members))
	}
	control, err := readTar(members[1])
	if err != nil {
		t.Fatal(err)
	}
	data, err := readTar(members[2])
	if err != nil {
		t.Fatal(err)
	}

	t.Run("control", func(t *testing.T) {
		f := controlFields(string(control["/control"].data))
		want := map[string]string{"Package": "bord", "Version": "1.2.3", "Architecture": runtime.GOARCH, "Depends": "adduser", "Section": "net"}
		for k, v := range want {
			if f[k] != v {
				t.Errorf("control %s = %q, want %q", k, f[k], v)
			}
		}
		for _, k := range []string{"Maintainer", "Description", "Installed-Size"} {
			if f[k] == "" {
				t.Errorf("control has no %s", k)
			}
		}
		// md5sums lists every installed file with its digest, as dpkg --verify reads it.
		sums := string(control["/md5sums"].data)
		for _, p := range []string{binPath, unitPath} {
			line := fmt.Sprintf("%x  %s", md5.Sum(data[p].data), strings.TrimPrefix(p, "/"))
			if !strings.Contains(sums, line) {
				t.Errorf("md5sums lacks %q:\n%s", line, sums)
			}
		}
	})

	t.Run("binary", func(t *testing.T) {
		f, ok := data[binPath]
		if !ok {
			t.Fatalf("no %s in the package; data holds %v", binPath, keys(data))
		}
		if f.hdr.Typeflag != tar.TypeReg || f.hdr.Mode&0o777 != 0o755 || f.hdr.Uname != "root" {
			t.Errorf("%s: type %c mode %o owner %s, want a root-owned file 0755", binPath, f.hdr.Typeflag, f.hdr.Mode, f.hdr.Uname)
		}
		built, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.data, built) {
			t.Fatalf("%s is not the built binary (%d bytes, want %d)", binPath, len(f.data), len(built))
		}
		// The unpacked binary runs.
		unpacked := filepath.Join(dir, "unpacked-bord")
		if err := os.WriteFile(unpacked, f.data, os.FileMode(f.hdr.Mode)); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(unpacked, "version").CombinedOutput()
		if err != nil || !strings.HasPrefix(string(out), "bord 1.2.3 ") {
			t.Errorf("unpacked bord version: %q, %v", out, err)
		}
	})

	t.Run("unit", func(t *testing.T) {
		f, ok := data[unitPath]
		if !ok {
			t.Fatalf("no %s in the package", unitPath)
		}
		if src, _ := embedded("bord.service"); string(f.data) != src {
			t.Errorf("the packaged unit differs from cmd/bordpkg/bord.service")
		}
		lines := map[string]bool{}
		for l := range strings.SplitSeq(string(f.data), "\n") {
			lines[strings.TrimSpace(l)] = true
		}
		for _, l := range []string{
			"User=" + user, "Group=" + user,
			"NoNewPrivileges=true", "ProtectSystem=strict", "ProtectHome=true", "PrivateTmp=true",
			"ReadWritePaths=" + dataDir + " " + backupDir,
			"CapabilityBoundingSet=",
			"ExecStart=" + binPath + " --db " + dataDir + "/bord.db serve --addr :2222 --backup-dir " + backupDir,
			"WantedBy=multi-user.target",
		} {
			if !lines[l] {
				t.Errorf("unit lacks the line %q", l)
			}
		}
	})

	t.Run("scripts", func(t *testing.T) {
		for _, s := range []string{"postinst", "prerm", "postrm"} {
			f, ok := control["/"+s]
			if !ok {
				t.Errorf("no %s in control.tar", s)
				continue
			}
			if f.hdr.Mode&0o111 == 0 || !bytes.HasPrefix(f.data, []byte("#!/bin/sh\n")) {
				t.Errorf("%s: mode %o, want an executable /bin/sh script", s, f.hdr.Mode)
			}
			// A syntax error would leave the package half-configured.
			sh := exec.Command("sh", "-n")
			sh.Stdin = bytes.NewReader(f.data)
			if out, err := sh.CombinedOutput(); err != nil {
				t.Errorf("sh -n %s: %v\n%s", s, err, out)
			}
		}
		post := string(control["/postinst"].data)
		for _, want := range []string{
			"adduser --system --group --home " + dataDir + " --no-create-home --quiet " + user,
			"install -d -o " + user + " -g " + user + " -m 0700 " + dataDir + " " + backupDir,
		} {
			if !strings.Contains(post, want) {
				t.Errorf("postinst lacks %q", want)
			}
		}
		for _, s := range []string{"prerm", "postrm"} {
			for l := range strings.SplitSeq(string(control["/"+s].data), "\n") {
				l = strings.TrimSpace(l)
				if !strings.HasPrefix(l, "#") && (strings.Contains(l, "rm ") || strings.Contains(l, "deluser") || strings.Contains(l, "userdel")) {
					t.Errorf("%s: %q; a removal or purge must keep the boards, the backups and their owner", s, l)
				}
			}
		}
	})

	// The data and backup directories belong to the bord user, who does
	// not exist yet when dpkg unpacks: postinst makes them, not data.tar.
	for _, d := range []string{dataDir, backupDir} {
		if _, ok := data[d]; ok {
			t.Errorf("data.tar holds %s, which postinst creates for the bord user", d)
		}
	}
}

// TestDocPointsAtTheUnit: docs/operations.md shows no copy of the unit that
// could drift from the packaged one (it had one before the package); it
// names the file.
func TestDocPointsAtTheUnit(t *testing.T) {
	doc, err := os.ReadFile("../../docs/operations.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(doc, []byte("cmd/bordpkg/bord.service")) {
		t.Errorf("docs/operations.md does not say where the unit lives (cmd/bordpkg/bord.service)")
	}
	for l := range strings.SplitSeq(string(doc), "\n") {
		for _, key := range []string{"ExecStart=/", "NoNewPrivileges=", "ProtectSystem=", "ReadWritePaths="} {
			if strings.HasPrefix(l, key) {
				t.Errorf("docs/operations.md holds its own copy of the unit: %q", l)
			}
		}
	}
}

func TestBadVersionRefused(t *testing.T) {
	for _, v := range []string{"", "dev", "abc1234", "1.2 3"} {
		if _, err := writePackage(t.TempDir(), options{Binary: os.Args[0], Version: v, Arch: "amd64"}); err == nil {
			t.Errorf("version %q accepted", v)
		}
	}
}

func names(ms []arMember) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.name)
	}
	return out
}

func keys(m map[string]tarFile) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
