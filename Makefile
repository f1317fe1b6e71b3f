# bord — make targets. A fresh machine needs only Go: every tool below is
# fetched through the module proxy at a pinned version.

GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/bord
DB          ?=
# A count, not a duration: with a duration, go1.26's fuzz coordinator can
# report "context deadline exceeded" at the end on a busy machine without any
# failing input (golang/go#75804, fixed in go1.27). A count has no deadline.
# 50000 inputs each in make test (the seed corpora run with the tests too);
# make test-long gives each fuzzer 300000.
FUZZTIME    ?= 50000x
# The fuzzers that get a short run in `make test`, as package:Fuzzer.
FUZZ        := ./cmd/commands:FuzzParseMeasurementsCSV ./board:FuzzParseNumber ./board:FuzzCleanLine ./board:FuzzCleanText ./board:FuzzCleanScreen ./board:FuzzParseDate ./board:FuzzMarkdownLine ./board:FuzzLooksLikeName

# The package version: a commit tagged vX.Y.Z is release X.Y.Z; any other
# commit is 0.0.0~dev+git.<hash>, which sorts before every release.
VERSION     ?= $(or $(shell git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null),0.0.0-dev+git.$(or $(shell git rev-parse --short HEAD 2>/dev/null),unknown))
ARCH        ?= $(shell $(GO) env GOARCH)
MAINTAINER  ?=

.PHONY: all build run test test-long fuzz bench lint tmux-check replay package clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/bord

## run: build and start the TUI (Dutch; LANG=en_GB.UTF-8 or ARGS="--lang en" for English)
run: build
	./$(BIN) $(if $(DB),--db $(DB)) $(ARGS)

## test: vet, every test with the race detector (-short: the real-terminal replay and tmux
## check, which have targets of their own, the .deb build, which make package runs, and 6
## instead of 20 kill -9 rounds stay out), and a short run of each fuzzer; ~3 min on 2 cores
test:
	$(GO) vet ./...
	$(GO) test -race -short -count=1 ./...
	@$(MAKE) --no-print-directory fuzz

## test-long: everything make test leaves out or shortens, before a release
test-long:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=300000x

fuzz:
	@set -e; for f in $(FUZZ); do \
		pkg=$${f%%:*}; name=$${f##*:}; \
		echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
		$(GO) test -run='^$$' -fuzz="^$$name$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s $$pkg; \
	done

## bench: every benchmark, then the SSH load tool (loopback only), printed
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=1 ./...
	$(GO) run ./cmd/bordload -n 10,100,300 -baseline
	$(GO) run ./cmd/bordload -n 100 -size 140x40

## lint: staticcheck at a pinned version
lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

## tmux-check: start `make run` in tmux and check that the board shows
tmux-check:
	$(GO) test -count=1 -run '^TestMakeRunInTmux$$' -v ./cmd/bord

## replay: a whole bordsessie and retrospective typed into the real TUI in tmux
replay:
	$(GO) test -count=1 -run '^TestReplayMeetingAndRetro$$' -v ./cmd/bord

## package: bin/bord_VERSION_ARCH.deb for `bord serve` on Debian/Ubuntu (ARCH=arm64 for another
## machine): a static linux binary, the systemd unit, the bord user and its directories
package:
	$(GO) test -count=1 -run '^TestPackage$$' ./cmd/bordpkg
	CGO_ENABLED=0 GOOS=linux GOARCH=$(ARCH) $(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o bin/linux-$(ARCH)/bord ./cmd/bord
	$(GO) run ./cmd/bordpkg -bin bin/linux-$(ARCH)/bord -version "$(VERSION)" -arch $(ARCH) $(if $(MAINTAINER),-maintainer "$(MAINTAINER)") -out bin

clean:
	rm -rf bin
