package board

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// The reports are read rendered (a forge, a mail, an editor's preview), so
// a card must render as typed: no emphasis, strikethrough, link, heading,
// list, entity or HTML made from what a colleague typed. A real CommonMark
// renderer with GitHub's extensions checks it.
var renderer = goldmark.New(goldmark.WithExtensions(extension.GFM))

var tag = regexp.MustCompile(`<[^>]*>`)

// rendered is the text a reader sees of markdown md, and the HTML.
func rendered(t testing.TB, md string) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := renderer.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(html.UnescapeString(tag.ReplaceAllString(buf.String(), ""))), buf.String()
}

// typed are what people type that markdown would read as markup; the
// escapes of hostile are checked with them.
var typed = []string{
	"~~weg~~", "&lt;b&gt;", "&amp;", "&#65;", "a & b", "*schuin* en **vet**", "_schuin_", "`code`",
	"[link](http://x)", "![img](x.png)", "<b>vet</b>", "<http://x.nl>", "# kop", "## kop", "- lijst",
	"+ lijst", "* lijst", "1. eerste", "2) tweede", "2026. jaar", "> citaat", "---", "===", "***",
	"| a | b |", `\*niet\*`, `eind\`, "[ ] taak", "[x] klaar", "www.voorbeeld.nl", "a  \\", "x_y_z",
	"OPP-planning in week 36", "Ouders bellen (3x)", "100% klaar!", "\\", "<!-- -->", "&nbsp;",
	"    ingesprongen", "\ttab", "a\nb", "~~~", "```", ":smile:", "1.5 uur", "<", ">", "]", "[",
	"0\t#", "#", `\#`, "kop ##", // a heading's closing sequence
}

// mdContexts are the places a report puts user text.
var mdContexts = []string{"%s", "- %s", "# %s", "## %s", "- [ ] %s — Joost", "- %s (3)", "Periode: %s"}

func TestMarkdownRendersAsTyped(t *testing.T) {
	for _, s := range append(typed, hostile...) {
		checkRendersAsTyped(t, s)
	}
}

// A whole report of hostile texts renders with the report's own structure
// only: headings, lists, paragraphs and the task boxes, and the links GFM
// makes of a typed web address (shown as typed). No emphasis, strikethrough,
// code, quote, ordered list, image or HTML came from a text.
func TestMarkdownBoardRendersAsTyped(t *testing.T) {
	texts := append(typed, hostile...)
	for shift := range 4 { // every text in more than one field
		b := boardOf(func(i int) string { return texts[(i+shift*7)%len(texts)] })
		_, out := rendered(t, MarkdownBoard(b, Labels{}, day(2026, 11, 23)))
		for _, tg := range tag.FindAllString(out, -1) {
			name := strings.Trim(strings.Fields(tg)[0], "</>")
			switch name {
			case "h1", "h2", "h3", "p", "ul", "li", "input", "a":
			default:
				t.Errorf("the rendered board has <%s>: %s", name, out)
			}
		}
	}
}

func checkRendersAsTyped(t *testing.T, s string) {
	t.Helper()
	want := CleanLine(s, MaxText)
	if want == "" {
		return
	}
	for _, ctx := range mdContexts {
		md := strings.Replace(ctx, "%s", mdLine(s), 1)
		// The context's own markup goes; the text stays.
		bare := ctx
		for _, p := range []string{"## ", "# ", "- [ ] ", "- "} {
			bare = strings.TrimPrefix(bare, p)
		}
		wantText := strings.Replace(bare, "%s", want, 1)
		got, html := rendered(t, md)
		if got != wantText {
			t.Errorf("%q in %q: markdown %q renders as %q (%s), want %q", s, ctx, md, got, strings.TrimSpace(html), wantText)
		}
	}
}

func FuzzMarkdownRendersAsTyped(f *testing.F) {
	for _, s := range append(typed, hostile...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkRendersAsTyped(t, s) })
}
