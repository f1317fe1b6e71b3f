package store_test

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/verbeterbord/bord/board"
)

// The randomized model tests run random sequences of operations by several
// members, each working from the board as they last saw it, against the
// real store, and check the invariants after every step. A failure prints
// its seed; replay it with
//
//	go test -run TestModelItems ./store -seed=N      (or BORD_MODEL_SEED=N)
//
// BORD_MODEL_LONG=1 runs 30 random seeds with ten times longer sequences
// (about a minute per aggregate; give -timeout 30m with -race).
var modelSeedFlag = flag.Uint64("seed", 0, "replay the model tests with this seed")

// model is one run of a model test.
type model struct {
	t    *testing.T
	f    *fixture
	rng  *rand.Rand
	seed uint64
	step int
	ops  []string // the last operations, for the failure message
}

// runModel runs fn for each seed: a few fixed ones in a normal run, the one
// asked for when replaying, many random ones when long.
func runModel(t *testing.T, steps int, fn func(m *model, steps int)) {
	seeds := []uint64{1, 2, 3}
	if env := os.Getenv("BORD_MODEL_SEED"); env != "" {
		n, err := strconv.ParseUint(env, 10, 64)
		if err != nil {
			t.Fatalf("BORD_MODEL_SEED=%q: %v", env, err)
		}
		*modelSeedFlag = n
	}
	switch {
	case *modelSeedFlag != 0:
		seeds, steps = []uint64{*modelSeedFlag}, steps*10
	case os.Getenv("BORD_MODEL_LONG") != "":
		seeds, steps = nil, steps*10
		for range 30 {
			seeds = append(seeds, rand.Uint64()|1)
		}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			m := &model{t: t, f: newFixture(t), rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), seed: seed}
			fn(m, steps)
		})
	}
}

// did records an operation and its outcome.
func (m *model) did(format string, args ...any) {
	m.ops = append(m.ops, fmt.Sprintf("%4d ", m.step)+fmt.Sprintf(format, args...))
	if len(m.ops) > 25 {
		m.ops = m.ops[1:]
	}
}

func (m *model) fail(format string, args ...any) {
	m.t.Helper()
	m.t.Fatalf("seed %d, step %d: %s\nlast operations:\n%s\nreplay: go test -run '%s' ./store -seed=%d",
		m.seed, m.step, fmt.Sprintf(format, args...), strings.Join(m.ops, "\n"), strings.Split(m.t.Name(), "/")[0], m.seed)
}

// pick returns a random element of xs; ok is false when xs is empty.
func pick[T any](m *model, xs []T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	return xs[m.rng.IntN(len(xs))], true
}

// oneOf runs one of the weighted choices.
func (m *model) oneOf(choices ...weighted) {
	total := 0
	for _, c := range choices {
		total += c.w
	}
	n := m.rng.IntN(total)
	for _, c := range choices {
		if n < c.w {
			c.fn()
			return
		}
		n -= c.w
	}
}

type weighted struct {
	w  int
	fn func()
}

// allowed fails the run unless err is nil or one of the errors the
// operation may meet when others changed the board meanwhile.
func (m *model) allowed(what string, err error, ok ...error) {
	m.t.Helper()
	if err == nil {
		return
	}
	for _, e := range ok {
		if errors.Is(err, e) {
			return
		}
	}
	m.fail("%s: unexpected %v", what, err)
}

func (m *model) snap() *board.Board {
	m.t.Helper()
	b, err := m.f.s.Board(m.f.board.ID)
	if err != nil {
		m.fail("snapshot: %v", err)
	}
	return b
}

// errValidation matches any *board.ValidationError in allowed.
var errValidation = errors.New("validation")

func isValidation(err error) bool { _, ok := board.AsValidation(err); return ok }

// only returns err unless it is a validation error (then errValidation),
// so allowed can accept "refused as invalid" for inputs made from a stale
// view.
func only(err error) error {
	if isValidation(err) {
		return errValidation
	}
	return err
}
