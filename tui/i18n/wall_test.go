package i18n

import (
	"reflect"
	"strings"
	"testing"
)

// TestWallCatalogComplete: every word of the board on the wall is there in
// both languages, with the same format verbs.
func TestWallCatalogComplete(t *testing.T) {
	a, b := reflect.ValueOf(For(NL).Wall), reflect.ValueOf(For(EN).Wall)
	for i := range a.NumField() {
		name, x, y := a.Type().Field(i).Name, a.Field(i).String(), b.Field(i).String()
		if x == "" || y == "" || x == y {
			t.Errorf("%s: %q / %q", name, x, y)
		}
		if strings.Count(x, "%") != strings.Count(y, "%") {
			t.Errorf("%s: format verbs differ: %q vs %q", name, x, y)
		}
	}
}
