package i18n

import (
	"reflect"
	"strings"
	"testing"
)

// The hand-over's words exist in both languages with the same verbs:
// TestCatalogsComplete looks at Messages' own strings only.
func TestHandoverCatalogComplete(t *testing.T) {
	a, b := reflect.ValueOf(nlHandover), reflect.ValueOf(enHandover)
	for i := range a.NumField() {
		name, x, y := a.Type().Field(i).Name, a.Field(i).String(), b.Field(i).String()
		if x == "" || y == "" {
			t.Errorf("%s is empty in one language", name)
		}
		if strings.Count(x, "%") != strings.Count(y, "%") {
			t.Errorf("%s: format verbs differ: %q vs %q", name, x, y)
		}
	}
	if For(NL).Handover != nlHandover || For(EN).Handover != enHandover {
		t.Error("the catalogs do not carry the hand-over's words")
	}
}
