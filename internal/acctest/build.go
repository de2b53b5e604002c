// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	providerBuild    sync.Once
	providerBuildDir string
	providerBuildErr error
)

// BuildProvider builds the provider binary once per test process, in a
// directory that dev_overrides can point at, and returns the directory.
func BuildProvider(t *testing.T) string {
	t.Helper()
	providerBuild.Do(func() {
		// Shared by every test that needs it, so not t.TempDir; Main removes it.
		if providerBuildDir, providerBuildErr = os.MkdirTemp("", "provider-build"); providerBuildErr != nil { //nolint:usetesting
			return
		}
		providerBuildErr = buildInto(providerBuildDir)
	})
	if providerBuildErr != nil {
		t.Fatal(providerBuildErr)
	}
	return providerBuildDir
}

// buildInto builds the module's main package into dir. The module root is
// asked of go rather than taken relative to the test's package directory,
// which depends on how deep the package sits.
func buildInto(dir string) error {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %v", err)
	}
	gomodPath := strings.TrimSpace(string(gomod))
	if gomodPath == "" || gomodPath == os.DevNull {
		return fmt.Errorf("go env GOMOD: the tests run outside the provider's module")
	}
	root := filepath.Dir(gomodPath)
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-tencentcloud"), ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	return nil
}

// removeProviderBuild removes what BuildProvider built, if anything.
func removeProviderBuild() {
	if providerBuildDir != "" {
		_ = os.RemoveAll(providerBuildDir)
	}
}
