// Command bordpkg builds the .deb that installs `bord serve` on a Debian or
// Ubuntu server: the bord binary, its systemd unit with the hardening, and
// maintainer scripts that create the bord system user and its data and
// backup directories. `make package` builds the binary and runs it:
//
//	bordpkg -bin bin/linux-amd64/bord -version 1.2.0 -arch amd64 -out bin
//
// The unit and the scripts are the files beside this one, embedded, so the
// package and docs/operations.md point at one unit (cmd/bordpkg/bord.service).
//
// The .deb is written by github.com/goreleaser/nfpm/v2 used as a library: an
// ar archive of gzipped tars with md5sums, conffiles and exact control
// fields is easy to get subtly wrong by hand, and nfpm is what many Go
// projects ship their packages with.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	var o options
	flag.StringVar(&o.Binary, "bin", "", "the bord binary to package, built for linux and -arch")
	flag.StringVar(&o.Version, "version", "", "package version, e.g. 1.2.0 or v1.2.0 (a leading v is dropped)")
	flag.StringVar(&o.Arch, "arch", "amd64", "Go architecture of the binary (amd64, arm64, …)")
	flag.StringVar(&o.Maintainer, "maintainer", "", `the control file's Maintainer, e.g. "ICT <ict@example.nl>" (default "bord")`)
	out := flag.String("out", "bin", "directory to write the .deb to")
	flag.Parse()
	if flag.NArg() > 0 || o.Binary == "" || o.Version == "" {
		fmt.Fprintln(os.Stderr, "usage: bordpkg -bin FILE -version VERSION [-arch ARCH] [-maintainer NAME] [-out DIR]")
		os.Exit(2)
	}
	path, err := writePackage(*out, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bordpkg:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
