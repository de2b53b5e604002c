// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// WrongValue is a request that is valid but for one parameter, and the code
// the action's table answers it with.
type WrongValue struct {
	Name   string
	Params map[string]any
	Code   string
}

// ParamActions are the actions that have a table of parameters, sorted.
func ParamActions() []string {
	return slices.Sorted(maps.Keys(paramTables))
}

// badPattern breaks every pattern of the tables: a space and a "!".
const badPattern = "a b!"

// WrongValues returns, from action's table, a wrong value for each of its
// parameters (the wrong JSON type; missing, null or empty when required;
// each limit broken) and an unknown parameter, each in a copy of valid. An
// array of objects is broken as a whole and in each field of its first
// valid item.
func WrongValues(action string, valid map[string]any) []WrongValue {
	table := paramTables[action]
	wrongs := []WrongValue{{"an unknown parameter", with(valid, "NoSuchParameter", "x"), "UnknownParameter"}}
	for _, p := range table.params {
		for _, w := range table.wrongValues(p, "MissingParameter") {
			wrongs = append(wrongs, WrongValue{p.name + " " + w.Name, with(valid, p.name, w.Params["value"]), w.Code})
		}
		if p.typ != typeObjects {
			continue
		}
		item := firstItem(valid, p.name)
		wrongs = append(wrongs,
			WrongValue{p.name + " with an item that is not an object", with(valid, p.name, []any{"x"}), table.invalidCode},
			WrongValue{p.name + " with an unknown field", with(valid, p.name, []any{with(item, "NoSuchField", "x")}), p.unknownFieldCode})
		for _, l := range p.limits {
			wrongs = append(wrongs, WrongValue{p.name + " " + l.String(), with(valid, p.name, brokenItems(l, p, item)), l.code})
		}
		for _, f := range p.fields {
			for _, w := range table.wrongValues(f, table.invalidCode) {
				broken := with(item, f.name, w.Params["value"])
				wrongs = append(wrongs, WrongValue{p.name + "." + f.name + " " + w.Name, with(valid, p.name, []any{broken}), w.Code})
			}
		}
	}
	return wrongs
}

// absent stands for a parameter left out of a request.
type absent struct{}

// wrongValues are the wrong values of one parameter p, each as its Params'
// "value"; missingCode answers p missing.
func (t actionParams) wrongValues(p param, missingCode string) []WrongValue {
	wrongs := []WrongValue{{"of the wrong type", value([]any{12, "12", "12", "x"}[p.typ]), t.invalidCode}}
	if p.required {
		wrongs = append(wrongs, WrongValue{"missing", value(absent{}), missingCode}, WrongValue{"null", value(nil), missingCode})
		if p.typ == typeString && !p.allowEmpty {
			wrongs = append(wrongs, WrongValue{"empty", value(""), missingCode})
		}
	}
	for _, l := range p.limits {
		if v, ok := breaking(l, p.typ); ok {
			wrongs = append(wrongs, WrongValue{l.String(), value(v), l.code})
		}
	}
	return wrongs
}

func value(v any) map[string]any { return map[string]any{"value": v} }

// breaking is a scalar value that breaks l; false where none of typ can
// (a negative unsigned integer is of the wrong type, not below 0).
func breaking(l limit, typ jsonType) (any, bool) {
	switch l.kind {
	case atLeast:
		return l.n - 1, typ != typeUint64 || l.n > 0
	case atMost:
		return l.n + 1, true
	case maxRunes, maxBytes:
		return strings.Repeat("a", int(l.n)+1), true
	case matches:
		return badPattern, !l.pattern.MatchString(badPattern)
	case oneOf:
		return "not-" + l.values[0], true
	}
	return nil, false
}

// brokenItems is an array of copies of item that breaks l.
func brokenItems(l limit, p param, item map[string]any) []any {
	count := int(l.n) + 1
	if l.kind == unique {
		count = 2
	}
	items := make([]any, count)
	for i := range items {
		copied := maps.Clone(item)
		for _, other := range p.limits {
			if other.kind == unique && l.kind != unique {
				copied[other.field] = fmt.Sprintf("%v-%d", item[other.field], i)
			}
		}
		items[i] = copied
	}
	return items
}

// firstItem is the first item of the array valid holds as name.
func firstItem(valid map[string]any, name string) map[string]any {
	items, _ := valid[name].([]any)
	if len(items) == 0 {
		return map[string]any{}
	}
	item, _ := items[0].(map[string]any)
	return item
}

// with is a copy of params with name set to v, or left out for absent{}.
func with(params map[string]any, name string, v any) map[string]any {
	copied := maps.Clone(params)
	if _, ok := v.(absent); ok {
		delete(copied, name)
	} else {
		copied[name] = v
	}
	return copied
}

func TestEveryServedActionHasATableOfParameters(t *testing.T) {
	for action := range actions {
		table, ok := paramTables[action]
		if !ok || table.invalidCode == "" {
			t.Errorf("%s has no table of parameters, or no code for a value of the wrong type", action)
		}
	}
	if len(paramTables) != len(actions) {
		t.Errorf("there are %d tables for %d actions", len(paramTables), len(actions))
	}
}

func TestEveryPatternRefusesTheWrongValueTheWalkSends(t *testing.T) {
	for action, table := range paramTables {
		for _, p := range table.params {
			for _, l := range append(slices.Clone(p.limits), fieldLimits(p)...) {
				if l.kind == matches && l.pattern.MatchString(badPattern) {
					t.Errorf("%s.%s: %s matches %q, so the walk cannot break it", action, p.name, l.pattern, badPattern)
				}
			}
		}
	}
}

func fieldLimits(p param) []limit {
	var limits []limit
	for _, f := range p.fields {
		limits = append(limits, f.limits...)
	}
	return limits
}
