// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// actionConstants returns the values of the Action* constants declared in
// the non-test files of a package directory.
func actionConstants(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var actions []string
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						break
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && strings.HasPrefix(name.Name, "Action") && lit.Kind == token.STRING {
						value, _ := strconv.Unquote(lit.Value)
						actions = append(actions, value)
					}
				}
			}
		}
	}
	return actions
}

// TestTheCAMPolicyListsEverySignedActionTheProviderCalls reads the actions
// from the packages that call them, so a new action fails here until the
// docs' policy lists it. The identity exchanges are sent unsigned and are
// no CAM user's permission.
func TestTheCAMPolicyListsEverySignedActionTheProviderCalls(t *testing.T) {
	unsigned := []string{"sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"}
	var want []string
	for service, dir := range map[string]string{"organization": "../organization", "sts": "../sts"} {
		for _, action := range actionConstants(t, dir) {
			if name := service + ":" + action; !slices.Contains(unsigned, name) {
				want = append(want, name)
			}
		}
	}
	if len(want) < 5 {
		t.Fatalf("found only %q among the packages' Action constants", want)
	}

	raw, err := os.ReadFile(filepath.Join(repoRoot, "examples", "cam", "policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	var policy struct {
		Version   string
		Statement []struct {
			Effect   string
			Action   []string
			Resource []string
		}
	}
	if err := json.Unmarshal(raw, &policy); err != nil {
		t.Fatal(err)
	}
	if policy.Version != "2.0" {
		t.Errorf("policy version %q, want 2.0", policy.Version)
	}
	var got []string
	for _, s := range policy.Statement {
		if s.Effect != "allow" || len(s.Resource) == 0 {
			t.Errorf("statement %+v: want an allow with a resource", s)
		}
		got = append(got, s.Action...)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("the CAM policy allows %q, want exactly the signed actions the provider calls, %q", got, want)
	}
}
