// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

// What Main keeps of the caller's environment: Go's caches, and nothing
// the provider or the CLIs would read.

import (
	"os"
	"path/filepath"
)

// isolateHome points HOME at a new empty directory, which it returns, with
// an empty CLI configuration in it, so that a developer's ~/.tccli profiles
// are not found.
func isolateHome() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	// Go's caches stay where they were: BuildProvider builds with them.
	for name, value := range map[string]string{"GOCACHE": filepath.Join(cache, "go-build"), "GOPATH": filepath.Join(home, "go")} {
		if os.Getenv(name) == "" {
			if err := os.Setenv(name, value); err != nil {
				return "", err
			}
		}
	}
	emptyHome, err := os.MkdirTemp("", "provider-test-home")
	if err != nil {
		return "", err
	}
	if err := os.Setenv("HOME", emptyHome); err != nil {
		return "", err
	}
	return emptyHome, isolateCLIConfig(emptyHome)
}

// isolateCLIConfig points TF_CLI_CONFIG_FILE at an empty file in home, for
// every test, not just those make runs: the caller's could change how
// providers are installed, and one naming a missing file makes OpenTofu
// 1.12 print a warning in its version output that terraform-plugin-testing
// cannot parse, failing every acceptance test in the package.
func isolateCLIConfig(home string) error {
	cliConfig := filepath.Join(home, "empty.tfrc")
	if err := os.WriteFile(cliConfig, []byte("# Empty: the tests' CLIs read no CLI configuration of the caller.\n"), 0o600); err != nil {
		return err
	}
	return os.Setenv("TF_CLI_CONFIG_FILE", cliConfig)
}
