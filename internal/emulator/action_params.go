// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// jsonType is a parameter's type as the SDK's request model declares it.
type jsonType int

const (
	typeString  jsonType = iota // *string
	typeInt64                   // *int64
	typeUint64                  // *uint64
	typeObjects                 // []*Struct: an array of objects
)

// limitKind is what one constraint of a parameter checks.
type limitKind int

const (
	atLeast  limitKind = iota // an integer is at least n
	atMost                    // an integer is at most n
	maxRunes                  // a string has at most n characters
	maxBytes                  // a string is at most n bytes as sent
	matches                   // a string matches pattern
	oneOf                     // a string is one of values
	maxItems                  // an array has at most n items
	unique                    // no two items of an array share field's value
)

// limit is one constraint of a parameter, and the code that a value
// breaking it is answered with.
type limit struct {
	kind    limitKind
	n       int64
	pattern *regexp.Regexp
	values  []string
	field   string
	code    string
}

// param is one request parameter an action declares.
type param struct {
	name string
	typ  jsonType
	// required: absent or null is refused; so is an empty string, unless
	// allowEmpty.
	required, allowEmpty bool
	// emptyIsUnset: an empty string is taken as not sent, so its limits do
	// not apply (the optional STS strings).
	emptyIsUnset bool
	limits       []limit
	// fields are each item's fields, for typeObjects; a field of an item
	// that is not one of them is answered with unknownFieldCode.
	fields           []param
	unknownFieldCode string
}

// actionParams is the table of an action's parameters. invalidCode answers
// a value of the wrong JSON type, and an item of an array that lacks a
// required field; a top-level parameter that is missing is MissingParameter,
// one the action does not define UnknownParameter (common codes).
type actionParams struct {
	invalidCode string
	params      []param
}

// paramTables holds every served action's table: Organization's in
// action_params_org.go, STS's in action_params_sts.go.
var paramTables = map[string]actionParams{
	actionEmailBind:         emailBindParams,
	actionMembers:           membersParams,
	actionAssumeRole:        assumeRoleParams,
	actionWebIdentity:       webIdentityParams,
	actionSAML:              samlParams,
	actionGetSessionToken:   getSessionTokenParams,
	actionGetCallerIdentity: {invalidCode: "InvalidParameter"}, // declares no parameter code of its own
}

// checkParams validates params against action's table: first each sent
// parameter, in name order, is one the action defines and of its type;
// then, in the table's order, each is present if required and within its
// limits. The order makes a request with several mistakes always get the
// same error.
func checkParams(action string, params map[string]string) *apiError {
	table := paramTables[action]
	for _, name := range slices.Sorted(maps.Keys(params)) {
		i := slices.IndexFunc(table.params, func(p param) bool { return p.name == name })
		if i < 0 {
			return errorf("UnknownParameter", "The parameter `%s` is not recognized.", name)
		}
		if !table.params[i].decodes(params[name]) {
			return errorf(table.invalidCode, "The parameter `%s` must be %s, got %s.", name, table.params[i].typ, params[name])
		}
	}
	for _, p := range table.params {
		raw, sent := params[p.name]
		if apiErr := table.checkValue(p, "", p.name, raw, sent); apiErr != nil {
			return apiErr
		}
	}
	return nil
}

func (t jsonType) String() string {
	return [...]string{"a string", "an integer", "a non-negative integer", "an array of objects"}[t]
}

// decodes reports whether raw, or null, is of p's type.
func (p param) decodes(raw string) bool {
	var target any
	switch p.typ {
	case typeString:
		target = new(string)
	case typeInt64:
		target = new(int64)
	case typeUint64:
		target = new(uint64)
	case typeObjects:
		target = new([]json.RawMessage)
	}
	return json.Unmarshal([]byte(raw), target) == nil
}

// checkValue checks the value raw of p, named path, which decodes: sent
// and not null when required, then within p's limits. item names the array
// item p is a field of, or is empty for a top-level parameter.
func (t actionParams) checkValue(p param, item, path, raw string, sent bool) *apiError {
	var text string
	if p.typ == typeString {
		_ = json.Unmarshal([]byte(raw), &text)
	}
	unset := !sent || raw == "null" || text == "" && p.typ == typeString && (p.emptyIsUnset || p.required && !p.allowEmpty)
	switch {
	case unset && p.required && item != "":
		return errorf(t.invalidCode, "The parameter `%s` has no %s.", item, p.name)
	case unset && p.required:
		return errorf("MissingParameter", "The request is missing the required parameter `%s`.", path)
	case unset:
		return nil
	case p.typ == typeObjects:
		return t.checkItems(p, path, raw)
	}
	for _, l := range p.limits {
		if !l.holds(p.typ, raw, text) {
			return errorf(l.code, "The parameter `%s` %s, got %s.", path, l, raw)
		}
	}
	return nil
}

// checkItems checks an array of objects: its limits, then each item's
// fields as parameters of their own.
func (t actionParams) checkItems(p param, path, raw string) *apiError {
	var items []json.RawMessage
	_ = json.Unmarshal([]byte(raw), &items)
	objects := make([]map[string]json.RawMessage, len(items))
	for i, item := range items {
		if json.Unmarshal(item, &objects[i]) != nil {
			return errorf(t.invalidCode, "The parameter `%s[%d]` must be an object, got %s.", path, i, item)
		}
	}
	for _, l := range p.limits {
		if ok, why := l.holdsItems(objects); !ok {
			return errorf(l.code, "The parameter `%s` %s.", path, why)
		}
	}
	for i, object := range objects {
		item := fmt.Sprintf("%s[%d]", path, i)
		for _, name := range slices.Sorted(maps.Keys(object)) {
			j := slices.IndexFunc(p.fields, func(f param) bool { return f.name == name })
			if j < 0 {
				return errorf(p.unknownFieldCode, "The parameter `%s.%s` is not recognized.", item, name)
			}
			if !p.fields[j].decodes(string(object[name])) {
				return errorf(t.invalidCode, "The parameter `%s.%s` must be %s, got %s.", item, name, p.fields[j].typ, object[name])
			}
		}
		for _, f := range p.fields {
			raw, sent := object[f.name]
			if apiErr := t.checkValue(f, item, item+"."+f.name, string(raw), sent); apiErr != nil {
				return apiErr
			}
		}
	}
	return nil
}

// holds reports whether a scalar value keeps l: raw as sent, text the
// string it decodes to.
func (l limit) holds(typ jsonType, raw, text string) bool {
	switch l.kind {
	case atLeast, atMost:
		n, huge := integer(typ, raw)
		if l.kind == atLeast {
			return huge || n >= l.n
		}
		return !huge && n <= l.n
	case maxRunes:
		return int64(utf8.RuneCountInString(text)) <= l.n
	case maxBytes:
		return int64(len(text)) <= l.n
	case matches:
		return l.pattern.MatchString(text)
	case oneOf:
		return slices.Contains(l.values, text)
	}
	return true
}

// integer is raw as an int64; huge when it is an unsigned value above
// math.MaxInt64, which is above every limit.
func integer(typ jsonType, raw string) (n int64, huge bool) {
	if typ == typeUint64 {
		var u uint64
		_ = json.Unmarshal([]byte(raw), &u)
		return int64(min(u, math.MaxInt64)), u > math.MaxInt64
	}
	_ = json.Unmarshal([]byte(raw), &n)
	return n, false
}

// holdsItems reports whether an array keeps l, and if not, how it breaks it.
func (l limit) holdsItems(items []map[string]json.RawMessage) (bool, string) {
	switch l.kind {
	case maxItems:
		if int64(len(items)) > l.n {
			return false, fmt.Sprintf("takes at most %d items, got %d", l.n, len(items))
		}
	case unique:
		// Compared as decoded, so that "te\u0061m" is "team" as the API
		// reads it; a value that is not a string is compared as sent.
		seen := map[string]bool{}
		for _, item := range items {
			value, ok := item[l.field]
			if !ok || string(value) == "null" {
				continue
			}
			key := string(value)
			var text string
			if json.Unmarshal(value, &text) == nil {
				key = text
			}
			if seen[key] {
				return false, fmt.Sprintf("holds the %s %s twice", l.field, value)
			}
			seen[key] = true
		}
	}
	return true, ""
}

// String says what l requires, for a message.
func (l limit) String() string {
	switch l.kind {
	case atLeast:
		return fmt.Sprintf("must be at least %d", l.n)
	case atMost:
		return fmt.Sprintf("must be at most %d", l.n)
	case maxRunes:
		return fmt.Sprintf("must be at most %d characters", l.n)
	case maxBytes:
		return fmt.Sprintf("must be at most %d bytes", l.n)
	case matches:
		return "must match " + l.pattern.String()
	case oneOf:
		return "must be one of " + strings.Join(l.values, ", ")
	}
	return "is invalid"
}
