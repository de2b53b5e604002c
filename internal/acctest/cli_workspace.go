// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// CLIWorkspace runs the real Terraform CLI with the provider built from
// this checkout, through dev_overrides, for tests the in-process test
// server cannot stand in for.
type CLIWorkspace struct {
	// Dir holds main.tf; the CLI runs there.
	Dir string
	// Terraform is the CLI's path.
	Terraform string
	// CLIConfig is the path of the CLI configuration with the dev_overrides.
	CLIConfig string
}

// CLIPath is the CLI under test, as the test framework finds it: the one
// TF_ACC_TERRAFORM_PATH names, or terraform on PATH. It skips t unless
// TF_ACC is set, as the test framework does.
func CLIPath(t *testing.T) string {
	t.Helper()
	if os.Getenv(envAcc) == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	if path := os.Getenv(envTerraformPath); path != "" {
		return path
	}
	path, err := exec.LookPath("terraform")
	if err != nil {
		t.Fatal("no terraform binary: set TF_ACC_TERRAFORM_PATH")
	}
	return path
}

// NewCLIWorkspace writes config as main.tf in a new directory, for the CLI
// CLIPath finds.
func NewCLIWorkspace(t *testing.T, config string) CLIWorkspace {
	t.Helper()
	terraform := CLIPath(t)
	pluginDir := BuildProvider(t)
	dir := t.TempDir()
	// The host the test framework is told to use; OpenTofu needs its own.
	host := os.Getenv(envProviderHost)
	if host == "" {
		host = "registry.terraform.io"
	}
	w := CLIWorkspace{Dir: dir, Terraform: terraform, CLIConfig: filepath.Join(dir, "cli.tfrc")}
	WriteFile(t, w.CLIConfig, DevOverrides(host, pluginDir, ""))
	WriteFile(t, filepath.Join(dir, "main.tf"), config)
	return w
}

// Run runs the CLI with args and -no-color, and returns its combined output.
func (w CLIWorkspace) Run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	out, err := w.Command(append(args, "-no-color")...).CombinedOutput()
	return string(out), err
}

// Command is the CLI with args, in Dir, reading CLIConfig.
func (w CLIWorkspace) Command(args ...string) *exec.Cmd {
	cmd := exec.Command(w.Terraform, args...)
	cmd.Dir = w.Dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+w.CLIConfig, "CHECKPOINT_DISABLE=1")
	return cmd
}

// WriteFile writes content to path, failing t if it cannot.
func WriteFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
