// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

// A GET request carries its parameters in the query, flat: a string as its
// text, a number as its digits, and an array of objects as one name per
// field, `Tags.0.TagKey=env`. The parameter tables read JSON, so the query
// is turned into the JSON the same request would have sent as a POST body,
// using the action's table for which values are strings.

import (
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// queryParams is query as JSON values by parameter name. A name the action
// does not define keeps its text, for checkParams to refuse.
func queryParams(query url.Values, action string) map[string]string {
	table := paramTables[action]
	params := map[string]string{}
	items := map[string]map[int]map[string]json.RawMessage{}
	for name, values := range query {
		value := values[0]
		base, rest, dotted := strings.Cut(name, ".")
		p, known := table.param(base)
		switch {
		case !known:
			params[name] = value
		case dotted && p.typ == typeObjects:
			index, field, ok := strings.Cut(rest, ".")
			i, err := strconv.Atoi(index)
			f, fieldKnown := p.field(field)
			if !ok || err != nil || i < 0 {
				params[name] = value
				continue
			}
			if items[base] == nil {
				items[base] = map[int]map[string]json.RawMessage{}
			}
			if items[base][i] == nil {
				items[base][i] = map[string]json.RawMessage{}
			}
			// A field the table does not know is quoted, so that its name,
			// not its value, is what gets refused.
			items[base][i][field] = json.RawMessage(queryValue(value, !fieldKnown || f.typ == typeString))
		case dotted:
			params[name] = value
		default:
			params[name] = queryValue(value, p.typ == typeString)
		}
	}
	for base, byIndex := range items {
		params[base] = itemsJSON(byIndex)
	}
	return params
}

// queryValue is a query value as JSON: quoted for a string parameter,
// else as sent, which a number is already.
func queryValue(value string, isString bool) string {
	if !isString {
		return value
	}
	quoted, _ := json.Marshal(value)
	return string(quoted)
}

// itemsJSON is an array of the items given by index. Indices must run
// from 0 without a gap, as the SDK writes them; otherwise the array is not
// JSON, and the parameter's type check refuses it.
func itemsJSON(byIndex map[int]map[string]json.RawMessage) string {
	indices := slices.Sorted(func(yield func(int) bool) {
		for i := range byIndex {
			if !yield(i) {
				return
			}
		}
	})
	list := make([]map[string]json.RawMessage, 0, len(indices))
	for n, i := range indices {
		if i != n {
			return "gap in the array's indices"
		}
		list = append(list, byIndex[i])
	}
	b, _ := json.Marshal(list)
	return string(b)
}

// param is the table's parameter named name.
func (t actionParams) param(name string) (param, bool) {
	i := slices.IndexFunc(t.params, func(p param) bool { return p.name == name })
	if i < 0 {
		return param{}, false
	}
	return t.params[i], true
}

// field is the item field named name of an array parameter.
func (p param) field(name string) (param, bool) {
	i := slices.IndexFunc(p.fields, func(f param) bool { return f.name == name })
	if i < 0 {
		return param{}, false
	}
	return p.fields[i], true
}
