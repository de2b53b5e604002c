// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// acctest.Main, this package's TestMain, gives the tests an empty HOME of
// their own with an empty CLI configuration; the CLIs must read that one.
func TestEveryTestRunsTheCLIsWithAnEmptyCLIConfigurationOfItsOwn(t *testing.T) {
	cliConfig := os.Getenv("TF_CLI_CONFIG_FILE")
	content, err := os.ReadFile(cliConfig)
	if err != nil || filepath.Dir(cliConfig) != os.Getenv("HOME") {
		t.Fatalf("TF_CLI_CONFIG_FILE = %q (%v), want a file in the tests' own HOME %s", cliConfig, err, os.Getenv("HOME"))
	}
	for _, line := range strings.Split(string(content), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			t.Errorf("the CLI configuration holds %q, want nothing but comments", line)
		}
	}
}
