package board

import (
	"reflect"
	"strings"
	"time"
)

// Diff lists the fields in which two items of the same kind differ, by
// their JSON names ("status", "indicator.target"), leaving out the Meta
// (id, version, who and when): what a conflict box shows side by side.
func Diff(a, b Item) []string {
	va, vb := itemValue(a), itemValue(b)
	if !va.IsValid() || !vb.IsValid() || va.Type() != vb.Type() {
		return nil
	}
	var out []string
	diffValue(va, vb, "", &out)
	return out
}

func diffValue(a, b reflect.Value, prefix string, out *[]string) {
	for i := range a.NumField() {
		f := a.Type().Field(i)
		if f.Anonymous || !f.IsExported() {
			continue // Meta
		}
		name := prefix + jsonName(f)
		fa, fb := a.Field(i), b.Field(i)
		if sa, sb, ok := structs(fa, fb); ok {
			diffValue(sa, sb, name+".", out)
			continue
		}
		if !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
			*out = append(*out, name)
		}
	}
}

// Merge is a forced save after a conflict: the item as stored now (cur)
// with only the fields this person changed from the version they started
// from (base) to what they saved (mine). Fields someone else changed and
// this person left alone keep the other's value; a field both changed
// takes this person's, which is what forcing means. cur's Meta is kept.
// It returns a new item; none of the three is changed.
func Merge(base, mine, cur Item) Item {
	out := NewItem(cur.Area())
	vo, vb, vm := itemValue(out), itemValue(base), itemValue(mine)
	vo.Set(deepCopy(itemValue(cur)))
	if !vb.IsValid() || !vm.IsValid() || vb.Type() != vo.Type() || vm.Type() != vo.Type() {
		return out
	}
	mergeValue(vb, vm, vo)
	return out
}

func mergeValue(base, mine, out reflect.Value) {
	for i := range out.NumField() {
		f := out.Type().Field(i)
		if f.Anonymous || !f.IsExported() {
			continue
		}
		fb, fm, fo := base.Field(i), mine.Field(i), out.Field(i)
		if fb.Kind() == reflect.Pointer && fb.IsNil() && !fm.IsNil() && !fo.IsNil() {
			// Both sides made it since the base (an indicator I gave a goal
			// while a measurement made one): merge as from an empty one, so
			// the other side's fields (the measurements) are kept.
			fb = reflect.New(fb.Type().Elem())
		}
		if sb, sm, ok := structs(fb, fm); ok {
			if so, _, ok := structs(fo, fm); ok {
				mergeValue(sb, sm, so)
				continue
			}
		}
		if !reflect.DeepEqual(fb.Interface(), fm.Interface()) {
			fo.Set(deepCopy(fm))
		}
	}
}

// structs returns the structs two fields hold when both are (non-nil
// pointers to) plain structs — an indicator, not a time — so a merge or
// diff goes into their fields.
func structs(a, b reflect.Value) (reflect.Value, reflect.Value, bool) {
	if a.Kind() == reflect.Pointer && b.Kind() == reflect.Pointer {
		if a.IsNil() || b.IsNil() {
			return a, b, false
		}
		a, b = a.Elem(), b.Elem()
	}
	if a.Kind() != reflect.Struct || a.Type() == reflect.TypeFor[time.Time]() || a.Type() != b.Type() {
		return a, b, false
	}
	return a, b, true
}

// deepCopy copies the slices and pointers of the item's fields, so a merged
// item shares nothing with a snapshot.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Elem().Type())
		p.Elem().Set(deepCopy(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			s.Index(i).Set(deepCopy(v.Index(i)))
		}
		return s
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := range v.NumField() {
			if c.Field(i).CanSet() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	}
	return v
}

func itemValue(it Item) reflect.Value {
	if it == nil {
		return reflect.Value{}
	}
	v := reflect.ValueOf(it)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func jsonName(f reflect.StructField) string {
	if n, _, _ := strings.Cut(f.Tag.Get("json"), ","); n != "" && n != "-" {
		return n
	}
	return strings.ToLower(f.Name)
}

// People are the member names an item refers to (an action's or a goal's
// owner, a success's or a planning item's person, a check-in's author). The store
// keeps accepting a name that has left the team on an item that already
// had it, so the item can still be edited, deleted and restored.
func People(it Item) []string {
	switch v := it.(type) {
	case *Action:
		return []string{v.Who}
	case *Success:
		return []string{v.Who}
	case *PlanItem:
		return []string{v.Who}
	case *CheckIn:
		return []string{v.Who}
	case *Goal:
		return []string{v.Owner}
	}
	return nil
}

// WithPeople is t with the given names added as members where they are not
// members (any more): the team an edit of an existing item is checked
// against. t itself is not changed.
func (t Team) WithPeople(names ...string) Team {
	t.Members = append([]Member(nil), t.Members...)
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" && !t.HasMember(n) {
			t.Members = append(t.Members, Member{Name: n})
		}
	}
	return t
}

// OpenActionsOf counts the open (todo or doing) actions linked to goal: what
// a screen tells before a goal is deleted. Deleting the goal keeps its
// actions, unlinked from it; undoing the delete links them again.
func (b *Board) OpenActionsOf(goal uint64) int {
	n := 0
	for _, a := range b.Actions {
		if a.GoalID == goal && a.Status.Open() {
			n++
		}
	}
	return n
}
