// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// The world file's JSON Schema is built from the World type itself, so that
// its objects, properties and types are those the loader decodes: every
// object refuses unknown properties, as the loader's decoder does. What a
// type cannot say (descriptions, required properties, limits, patterns,
// allowed values) comes from schemaRules, beside the constraints Validate
// enforces; world_schema_test.go checks that the loader refuses a world
// breaking each constraint the schema states.

// schemaDialect is the JSON Schema version the schema is written in.
const schemaDialect = "https://json-schema.org/draft/2020-12/schema"

// WorldSchemaJSON returns the world file's JSON Schema, indented with keys
// sorted, so that it prints the same every time.
func WorldSchemaJSON() []byte {
	var text bytes.Buffer
	encoder := json.NewEncoder(&text)
	encoder.SetIndent("", "  ")
	// Patterns and descriptions hold < > &, which are clearer unescaped.
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(WorldSchema()); err != nil {
		panic(fmt.Sprintf("emulator: the world schema is not JSON: %v", err))
	}
	return text.Bytes()
}

// WorldSchema returns the world file's JSON Schema (draft 2020-12) as a
// JSON value: objects are map[string]any.
func WorldSchema() map[string]any {
	b := schemaBuilder{defs: map[string]any{}}
	root := b.object(reflect.TypeFor[World]())
	root["$schema"] = schemaDialect
	root["title"] = "tencentcloud-emulator world file"
	root["$defs"] = b.defs
	return root
}

type schemaBuilder struct {
	defs map[string]any // by Go type name
}

// object is the schema of struct type t: its JSON properties, each
// described by its rule, and no other.
func (b *schemaBuilder) object(t reflect.Type) map[string]any {
	properties := map[string]any{}
	required := []string{}
	for field := range fieldsOf(t) {
		name := jsonName(field)
		rule, ok := schemaRules[t.Name()+"."+name]
		if !ok {
			panic(fmt.Sprintf("emulator: no schema rule for %s.%s", t.Name(), name))
		}
		properties[name] = b.property(field.Type, rule)
		if rule.required {
			required = append(required, name)
		}
	}
	s := map[string]any{
		"type":                 "object",
		"description":          typeDescriptions[t.Name()],
		"properties":           properties,
		"additionalProperties": false,
	}
	if len(required) > 0 {
		slices.Sort(required)
		s["required"] = required
	}
	return s
}

// fieldsOf yields the fields of struct type t that JSON decodes.
func fieldsOf(t reflect.Type) func(yield func(reflect.StructField) bool) {
	return func(yield func(reflect.StructField) bool) {
		for i := range t.NumField() {
			field := t.Field(i)
			if field.IsExported() && jsonName(field) != "-" && !yield(field) {
				return
			}
		}
	}
}

// jsonName is the property name of field, as its json tag spells it.
func jsonName(field reflect.StructField) string {
	name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
	if name == "" {
		return field.Name
	}
	return name
}

// property is the schema of a field of type t, with its rule applied.
func (b *schemaBuilder) property(t reflect.Type, rule schemaRule) map[string]any {
	var s map[string]any
	if rule.record != nil {
		s = recordSchema(*rule.record)
	} else {
		s = b.typeSchema(t)
	}
	rule.apply(s)
	return s
}

// typeSchema is the schema of a Go type; a struct is defined once in $defs
// and referred to.
func (b *schemaBuilder) typeSchema(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		return b.typeSchema(t.Elem())
	case reflect.Struct:
		if _, defined := b.defs[t.Name()]; !defined {
			b.defs[t.Name()] = nil // taken, in case t refers to itself
			b.defs[t.Name()] = b.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + t.Name()}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": b.typeSchema(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	}
	panic(fmt.Sprintf("emulator: no JSON Schema for %s", t))
}

// recordSchema is the schema of an API record the world holds as the API
// returns it: each field null or of its kind, and no other field.
func recordSchema(o objectSchema) map[string]any {
	properties := map[string]any{}
	for name, field := range o.fields {
		var s map[string]any
		switch field.kind {
		case kindString:
			s = map[string]any{"type": []string{"string", "null"}}
		case kindUint:
			s = map[string]any{"type": []string{"integer", "null"}, "minimum": 0}
		case kindInt:
			s = map[string]any{"type": []string{"integer", "null"}}
		case kindList:
			s = map[string]any{"type": []string{"array", "null"}, "items": recordSchema(*field.element)}
		}
		s["description"] = fmt.Sprintf("%s: %s, or null.", name, kindDescriptions[field.kind])
		properties[name] = s
	}
	return map[string]any{
		"type":                 []string{"object", "null"},
		"properties":           properties,
		"additionalProperties": false,
	}
}
