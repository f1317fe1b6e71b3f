package tui

import (
	"fmt"
	"testing"

	"github.com/verbeterbord/bord/tui/i18n"
)

// The plan view and the goal detail of the demo board at both sizes and in
// both languages (update with: go test ./tui -run Golden -update).

func TestGoldenPlan(t *testing.T) {
	eachGolden(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		goldenScreen(t, lang, w, h, "P", map[i18n.Lang]string{i18n.NL: "BKA-fase", i18n.EN: "BKA phase"}[lang])
	})
}

func TestGoldenGoalDetail(t *testing.T) {
	eachGolden(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		goldenScreen(t, lang, w, h, "3", "▕", "o", map[i18n.Lang]string{i18n.NL: "Metingen", i18n.EN: "Measurements"}[lang])
	})
}

func eachGolden(t *testing.T, run func(t *testing.T, lang i18n.Lang, w, h int)) {
	for _, lang := range []i18n.Lang{i18n.NL, i18n.EN} {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) { run(t, lang, size[0], size[1]) })
		}
	}
}
