package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/goreleaser/nfpm/v2"
	"github.com/goreleaser/nfpm/v2/deb"
	"github.com/goreleaser/nfpm/v2/files"
)

// The paths the package installs and creates. bord.service and postinst
// name the same ones; TestPackage checks that they agree.
const (
	binPath   = "/usr/bin/bord"
	unitPath  = "/usr/lib/systemd/system/bord.service"
	user      = "bord"
	dataDir   = "/var/lib/bord"
	backupDir = "/var/backups/bord"
)

// packaged holds the unit and the maintainer scripts. nfpm reads both from
// disk, so writePackage puts them in a temporary directory first.
//
//go:embed bord.service postinst prerm postrm
var packaged embed.FS

// options say what to package.
type options struct {
	Binary     string // path of the bord binary, built for linux/Arch
	Version    string // e.g. 1.2.0, v1.2.0 or 0.0.0-dev+git.abc1234
	Arch       string // Go architecture name; nfpm maps it to Debian's
	Maintainer string
}

// debVersion is what bordpkg accepts as a version: a Debian upstream version
// must start with a digit, and nfpm turns "-pre" into "~pre" (sorting
// before the release) and keeps "+meta".
var debVersion = regexp.MustCompile(`^v?[0-9][0-9A-Za-z.+~-]*$`)

// writePackage writes the .deb into dir under Debian's conventional name
// (bord_VERSION_ARCH.deb) and returns its path.
func writePackage(dir string, o options) (string, error) {
	if !debVersion.MatchString(o.Version) {
		return "", fmt.Errorf("version %q: it must start with a digit (or v and a digit), e.g. 1.2.0", o.Version)
	}
	if st, err := os.Stat(o.Binary); err != nil {
		return "", err
	} else if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a file", o.Binary)
	}
	tmp, err := os.MkdirTemp("", "bordpkg-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := os.CopyFS(tmp, packaged); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	// WithDefaults splits the version (v1.2.0-rc1 → 1.2.0~rc1), which the
	// file name needs too.
	info := nfpm.WithDefaults(debInfo(o, tmp))
	name := deb.Default.ConventionalFileName(info)
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	if err := deb.Default.Package(info, f); err != nil {
		f.Close()
		os.Remove(path)
		return "", fmt.Errorf("building %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", err
	}
	return path, nil
}

// debInfo describes the package; scripts is the directory holding the
// embedded files.
func debInfo(o options, scripts string) *nfpm.Info {
	at := func(name string) string { return filepath.Join(scripts, name) }
	maintainer := o.Maintainer
	if maintainer == "" {
		maintainer = "bord"
	}
	return &nfpm.Info{
		Name:        "bord",
		Arch:        o.Arch,
		Platform:    "linux",
		Version:     o.Version,
		Section:     "net",
		Priority:    "optional",
		Maintainer:  maintainer,
		Description: "verbeterbord for school teams, shared over SSH\nbord serve lets a school team work on one improvement board (goals, actions,\nbordsessies, retrospectives) from any terminal with ssh. It runs as the\nsystem user bord with its database in /var/lib/bord.",
		Overridables: nfpm.Overridables{
			// postinst creates the system user with adduser.
			Depends: []string{"adduser"},
			Contents: files.Contents{
				{Source: o.Binary, Destination: binPath, FileInfo: &files.ContentFileInfo{Mode: 0o755}},
				{Source: at("bord.service"), Destination: unitPath, FileInfo: &files.ContentFileInfo{Mode: 0o644}},
			},
			Scripts: nfpm.Scripts{
				PostInstall: at("postinst"),
				PreRemove:   at("prerm"),
				PostRemove:  at("postrm"),
			},
			Deb: nfpm.Deb{Compression: "gzip"},
		},
	}
}

// embedded returns one of the packaged files; the test compares the .deb's
// contents with them.
func embedded(name string) (string, error) {
	b, err := fs.ReadFile(packaged, name)
	return string(b), err
}
