package board

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// fill puts an escape sequence into every string of v (through slices,
// pointers and nested structs), with two of each slice element.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		// Named string types (a phase, a status) are values checked
		// against their list, not free text.
		if v.Type() == reflect.TypeFor[string]() {
			v.SetString("x\x1b[2Jy")
		}
	case reflect.Pointer:
		if v.Type().Elem().Kind() == reflect.Struct && v.Type().Elem().Name() != "Time" {
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem())
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i))
		}
	case reflect.Struct:
		if v.Type().Name() == "Time" {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

// Every text of a retrospective, an arena and a bordsessie is cleaned by
// its Clean, also a field added later: the test fills all of them.
func TestCleanAggregates(t *testing.T) {
	for _, v := range []interface{ Clean() }{&Retro{}, &Arena{}, &Meeting{}} {
		fill(reflect.ValueOf(v).Elem())
		v.Clean()
		data, _ := json.Marshal(v)
		if strings.Contains(string(data), `\u001b`) {
			t.Errorf("%T keeps an escape after Clean: %s", v, data)
		}
	}
}
