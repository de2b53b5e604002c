// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// schemaKeywords are the JSON Schema keywords schemaValidator understands,
// the only ones the world schema may use: an unknown keyword would be a
// constraint the tests silently skip.
var schemaKeywords = []string{
	"$schema", "$defs", "$ref", "title", "description", "format", // annotations and structure
	"type", "properties", "additionalProperties", "required", "items",
	"enum", "minimum", "minLength", "minItems", "uniqueItems", "pattern",
}

// decodeJSON decodes text with exact numbers, as a validator must read both
// the schema and the instance.
func decodeJSON(text []byte) (any, error) {
	decoder := json.NewDecoder(bytes.NewReader(text))
	decoder.UseNumber()
	var v any
	err := decoder.Decode(&v)
	return v, err
}

// schemaValidator checks an instance against a draft 2020-12 schema using
// no keyword but schemaKeywords, with $ref only to "#/$defs/NAME".
type schemaValidator struct {
	root map[string]any
}

// resolve follows s's $ref, returning the schema it names and its location.
func (v schemaValidator) resolve(s map[string]any, location string) (map[string]any, string) {
	ref, ok := s["$ref"].(string)
	if !ok {
		return s, location
	}
	name, _ := strings.CutPrefix(ref, "#/$defs/")
	return asObject(asObject(v.root["$defs"])[name]), ref
}

// validate returns every way instance, at path, breaks schema s.
func (v schemaValidator) validate(s map[string]any, instance any, path string) []string {
	s, _ = v.resolve(s, "")
	var problems []string
	fail := func(format string, args ...any) {
		problems = append(problems, path+": "+fmt.Sprintf(format, args...))
	}
	if types, ok := s["type"]; ok && !slices.Contains(typeNames(types), jsonTypeOf(instance)) {
		fail("is %s, not %v", jsonTypeOf(instance), types)
		return problems
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, instance) {
		fail("%v is not one of %v", instance, enum)
	}
	switch value := instance.(type) {
	case json.Number:
		if minimum, ok := s["minimum"].(json.Number); ok && compareNumbers(value, minimum) < 0 {
			fail("%s is below %s", value, minimum)
		}
	case string:
		if n, ok := s["minLength"].(json.Number); ok {
			if least, _ := n.Int64(); int64(utf8.RuneCountInString(value)) < least {
				fail("is shorter than %s", n)
			}
		}
		if pattern, ok := s["pattern"].(string); ok && !regexp.MustCompile(pattern).MatchString(value) {
			fail("%q does not match %s", value, pattern)
		}
	case []any:
		problems = append(problems, v.validateArray(s, value, path)...)
	case map[string]any:
		problems = append(problems, v.validateObject(s, value, path)...)
	}
	return problems
}

func (v schemaValidator) validateArray(s map[string]any, items []any, path string) []string {
	var problems []string
	if n, ok := s["minItems"].(json.Number); ok {
		if least, _ := n.Int64(); int64(len(items)) < least {
			problems = append(problems, fmt.Sprintf("%s: has fewer than %s items", path, n))
		}
	}
	if s["uniqueItems"] == true {
		seen := map[string]bool{}
		for _, item := range items {
			text, _ := json.Marshal(item)
			if seen[string(text)] {
				problems = append(problems, fmt.Sprintf("%s: holds %s twice", path, text))
			}
			seen[string(text)] = true
		}
	}
	if itemSchema, ok := s["items"].(map[string]any); ok {
		for i, item := range items {
			problems = append(problems, v.validate(itemSchema, item, fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	return problems
}

func (v schemaValidator) validateObject(s map[string]any, object map[string]any, path string) []string {
	var problems []string
	required, _ := s["required"].([]any)
	for _, name := range required {
		if _, ok := object[name.(string)]; !ok {
			problems = append(problems, fmt.Sprintf("%s: lacks %s", path, name))
		}
	}
	properties, _ := s["properties"].(map[string]any)
	for name, value := range object {
		propertySchema, known := properties[name].(map[string]any)
		if !known {
			if s["additionalProperties"] == false {
				problems = append(problems, fmt.Sprintf("%s: has %q, which the schema does not allow", path, name))
			}
			continue
		}
		problems = append(problems, v.validate(propertySchema, value, path+"."+name)...)
	}
	return problems
}

// typeNames is a type keyword's value as a list.
func typeNames(types any) []string {
	if name, ok := types.(string); ok {
		return []string{name}
	}
	var names []string
	for _, name := range asList(types) {
		names = append(names, asString(name))
	}
	return names
}

// jsonTypeOf names the JSON type of a decoded value; a number with no
// fractional part is an integer, as draft 2020-12 says.
func jsonTypeOf(v any) string {
	switch value := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case json.Number:
		if f, ok := new(big.Float).SetString(value.String()); ok && f.IsInt() {
			return "integer"
		}
		return "number"
	}
	panic(fmt.Sprintf("no JSON type for %T", v))
}

func compareNumbers(a, b json.Number) int {
	x, _ := new(big.Float).SetString(a.String())
	y, _ := new(big.Float).SetString(b.String())
	return x.Cmp(y)
}

// asObject, asList, asString and asInt read a decoded JSON value as what
// the schema says it is, or give the zero value, which fails the test that
// reads it.
func asObject(v any) map[string]any {
	object, _ := v.(map[string]any)
	return object
}

func asList(v any) []any {
	list, _ := v.([]any)
	return list
}

func asString(v any) string {
	text, _ := v.(string)
	return text
}

func asInt(v any) int64 {
	number, _ := v.(json.Number)
	n, _ := number.Int64()
	return n
}
