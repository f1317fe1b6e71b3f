package i18n

import (
	"reflect"
	"strings"
	"testing"
)

// The hand-over's words exist in both languages with the same verbs:
// TestCatalogsComplete looks at Messages' own strings only.
func TestHandoverCatalogComplete(t *testing.T) {
	words := func(m HandoverMessages) map[string]string {
		out := map[string]string{}
		v := reflect.ValueOf(m)
		for _, f := range reflect.VisibleFields(v.Type()) {
			out[f.Name] = v.FieldByIndex(f.Index).String()
		}
		return out
	}
	nlW, enW := words(For(NL).Handover), words(For(EN).Handover)
	for name, x := range nlW {
		if y := enW[name]; x == "" || y == "" || strings.Count(x, "%") != strings.Count(y, "%") {
			t.Errorf("%s: %q / %q (empty, or format verbs differ)", name, x, y)
		}
	}
}
