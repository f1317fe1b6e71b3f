package tui

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/verbeterbord/bord/tui/i18n"
)

// The golden files hold the final screen of a real bubbletea program (run by
// teatest) on the demo board, downsampled to the Ascii profile the program
// runs with: no colours, only bold and reverse, which carry focus and
// selection. Update them with: go test ./tui -run Golden -update

func TestGoldenBoardNL80x24(t *testing.T)  { goldenScreen(t, i18n.NL, 80, 24) }
func TestGoldenBoardNL140x40(t *testing.T) { goldenScreen(t, i18n.NL, 140, 40) }
func TestGoldenBoardEN80x24(t *testing.T)  { goldenScreen(t, i18n.EN, 80, 24) }
func TestGoldenBoardEN140x40(t *testing.T) { goldenScreen(t, i18n.EN, 140, 40) }

func TestGoldenActionFormNL80x24(t *testing.T) {
	goldenScreen(t, i18n.NL, 80, 24, "a", "nieuw")
}

// goldenScreen runs the program on the demo board at w×h, presses each key
// and waits for the text after it, quits and compares the final view.
func goldenScreen(t *testing.T, lang i18n.Lang, w, h int, keysAndWaits ...string) {
	t.Parallel()
	s := openStore(t)
	if _, err := s.CreateDemo(me); err != nil {
		t.Fatal(err)
	}
	m := New(Config{Store: s, User: me, Lang: lang, Now: fixedNow})
	t.Cleanup(m.Close)
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))

	parking := map[i18n.Lang]string{i18n.NL: "Parkeerplaats", i18n.EN: "Parking"}[lang]
	waitOutput(t, tm, parking)
	for i := 0; i+1 < len(keysAndWaits); i += 2 {
		tm.Send(keyMsg(keysAndWaits[i]))
		waitOutput(t, tm, keysAndWaits[i+1])
	}
	tm.Send(keyMsg("ctrl+c"))
	final, ok := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if !ok {
		t.Fatal("final model is not a *Model")
	}
	screen := ascii(t, final.View().Content)
	golden.RequireEqual(t, []byte(screen))
}

// waitOutput waits until the program has written text.
func waitOutput(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

var sgr = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// ascii downsamples a view to the Ascii profile and checks that no colour is
// left: only resets, bold, faint, italic, underline and reverse.
func ascii(t *testing.T, view string) string {
	t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.Ascii}
	if _, err := io.WriteString(w, view); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, m := range sgr.FindAllStringSubmatch(out, -1) {
		for _, p := range strings.Split(m[1], ";") {
			switch p {
			case "", "0", "1", "2", "3", "4", "7", "22", "23", "24", "27":
			default:
				t.Errorf("colour left in the Ascii view: %q", m[0])
			}
		}
	}
	if strings.Count(out, "\n") != strings.Count(view, "\n") {
		t.Error("downsampling changed the lines")
	}
	return out
}
