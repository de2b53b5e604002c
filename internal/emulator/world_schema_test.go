// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// worldSchema is the printed schema as an editor reads it.
func worldSchema(t *testing.T) schemaValidator {
	t.Helper()
	schema, err := decodeJSON(WorldSchemaJSON())
	if err != nil {
		t.Fatal(err)
	}
	return schemaValidator{root: asObject(schema)}
}

// repositoryWorlds returns every JSON file of the repository whose top
// level has credentials or organizations, which makes it a world file
// (examples, test data, tools), by path from the repository's root.
func repositoryWorlds(t *testing.T) map[string][]byte {
	t.Helper()
	root := filepath.Join("..", "..")
	worlds := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entry.IsDir() && slices.Contains([]string{".git", "bin", "dist", "node_modules", ".terraform"}, entry.Name()) {
			return filepath.SkipDir
		}
		if entry.IsDir() || filepath.Ext(path) != ".json" {
			return nil
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var top map[string]json.RawMessage
		if json.Unmarshal(text, &top) == nil && (top["credentials"] != nil || top["organizations"] != nil) {
			name, _ := filepath.Rel(root, path)
			worlds[filepath.ToSlash(name)] = text
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return worlds
}

func TestEveryWorldFileOfTheRepositoryIsValidAgainstTheSchemaAndAcceptedByTheLoader(t *testing.T) {
	v := worldSchema(t)
	worlds := repositoryWorlds(t)
	for _, want := range []string{"examples/demo/world.json", "internal/emulator/testdata/nodesdk/world.json"} {
		if worlds[want] == nil {
			t.Errorf("%s was not found among the world files %v", want, slices.Sorted(maps.Keys(worlds)))
		}
	}
	worlds["fullWorld in world_schema_test.go"] = []byte(fullWorld)
	for name, text := range worlds {
		if _, err := ParseWorld(text); err != nil {
			t.Errorf("%s: the loader refuses it: %v", name, err)
		}
		instance, err := decodeJSON(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range v.validate(v.root, instance, name) {
			t.Errorf("the schema refuses %s", problem)
		}
	}
}

func TestTheSchemaUsesOnlyKeywordsTheTestsCheckAndDescribesEveryProperty(t *testing.T) {
	v := worldSchema(t)
	var check func(s map[string]any, location string, property bool)
	check = func(s map[string]any, location string, property bool) {
		for keyword, value := range s {
			if !slices.Contains(schemaKeywords, keyword) {
				t.Errorf("%s uses %s, which schemaValidator does not check", location, keyword)
			}
			switch keyword {
			case "properties", "$defs":
				for name, child := range asObject(value) {
					check(asObject(child), location+"/"+keyword+"/"+name, keyword == "properties")
				}
			case "items":
				check(asObject(value), location+"/items", false)
			}
		}
		if description, _ := s["description"].(string); description == "" && property {
			t.Errorf("%s has no description", location)
		}
	}
	check(v.root, "#", false)
}

func TestTheSchemaPrintsTheSameEveryTimeAndNamesItsDialect(t *testing.T) {
	first := WorldSchemaJSON()
	if !bytes.Equal(first, WorldSchemaJSON()) {
		t.Error("two prints of the schema differ")
	}
	if !bytes.Contains(first, []byte(`"$schema": "https://json-schema.org/draft/2020-12/schema"`)) || !bytes.HasSuffix(first, []byte("}\n")) {
		t.Errorf("schema:\n%s", first)
	}
}

func TestTheLoaderRefusesAWorldThatBreaksAnyConstraintTheSchemaStates(t *testing.T) {
	v := worldSchema(t)
	base, err := decodeJSON([]byte(fullWorld))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseWorld([]byte(fullWorld)); err != nil {
		t.Fatalf("the loader refuses fullWorld: %v", err)
	}
	broken := map[string]bool{}
	for _, m := range mutations(v, base) {
		world, _ := decodeJSON([]byte(fullWorld))
		world = m.apply(world)
		text, err := json.Marshal(world)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.validate(v.root, world, "world")) == 0 {
			t.Errorf("%s at %v: the schema accepts the world meant to break it", m.constraint, m.path)
			continue
		}
		if _, err := ParseWorld(text); err == nil {
			t.Errorf("%s at %v: the loader accepts a world that breaks it", m.constraint, m.path)
		}
		broken[m.constraint] = true
	}
	for _, constraint := range schemaConstraints(v.root, "#") {
		if !broken[constraint] {
			t.Errorf("%s: fullWorld has no value whose breaking would test it", constraint)
		}
	}
	for name, definition := range asObject(v.root["$defs"]) {
		for _, constraint := range schemaConstraints(asObject(definition), "#/$defs/"+name) {
			if !broken[constraint] {
				t.Errorf("%s: fullWorld has no value whose breaking would test it", constraint)
			}
		}
	}
}
