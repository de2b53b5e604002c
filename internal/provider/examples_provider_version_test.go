// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestEveryExampleThatRequiresTheProviderPinsTheBuiltVersion: a version
// constraint the built provider does not meet would fail `terraform init`
// after `make install`.
func TestEveryExampleThatRequiresTheProviderPinsTheBuiltVersion(t *testing.T) {
	makefile, err := os.ReadFile(filepath.Join(repoRoot, "GNUmakefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^VERSION\s*\?=\s*(\d+)\.(\d+)\.(\d+)\s*$`).FindSubmatch(makefile)
	if m == nil {
		t.Fatal("GNUmakefile sets no VERSION")
	}
	major, minor := string(m[1]), string(m[2])
	pessimistic := regexp.MustCompile(`(?m)^\s*version\s*=\s*"~> (\d+)\.(\d+)"\s*$`)
	found := 0
	for content, path := range exampleFiles(t) {
		if !strings.HasSuffix(path, ".tf") || !strings.Contains(content, "required_providers") {
			continue
		}
		found++
		v := pessimistic.FindStringSubmatch(content)
		switch {
		case v == nil:
			t.Errorf("examples/%s requires the provider without a version constraint of the form \"~> MAJOR.MINOR\"", path)
		case v[1] != major || mustAtoi(t, v[2]) > mustAtoi(t, minor) || (major == "0" && v[2] != minor):
			t.Errorf("examples/%s pins %q, which the built version %s.%s.x does not meet", path, v[0], major, minor)
		}
	}
	if found < 2 {
		t.Errorf("found %d examples with required_providers, want the Quick Start and the demo at least", found)
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
