# bord — make targets. A fresh machine needs only Go: every tool below is
# fetched through the module proxy at a pinned version.

GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/bord
DB          ?=
FUZZTIME    ?= 10s
# The fuzzers that get a short run in `make test`, as package:Fuzzer.
FUZZ        := ./board:FuzzCleanLine ./board:FuzzCleanText ./board:FuzzCleanScreen ./board:FuzzParseDate ./board:FuzzMarkdownLine ./board:FuzzLooksLikeName

.PHONY: all build run test fuzz bench lint tmux-check replay clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/bord

## run: build and start the TUI (Dutch; LANG=en_GB.UTF-8 or ARGS="--lang en" for English)
run: build
	./$(BIN) $(if $(DB),--db $(DB)) $(ARGS)

## test: vet, every test with the race detector, and a short run of each fuzzer
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...
	@$(MAKE) --no-print-directory fuzz

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

clean:
	rm -rf bin
