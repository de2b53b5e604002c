// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// These tests run the snippets of README.md and docs/ that are not example
// files, as the pages show them (docSnippet reads them from the page), and
// the examples the docs added for them.

// shims is a directory for PATH holding each named command as a link to
// its binary, so that a snippet's `terraform` runs the CLI under test.
func shims(t *testing.T, commands map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, target := range commands {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runShellSnippet runs a shell snippet with bash, stopping at its first
// failing command, in dir with env added to the test's environment.
func runShellSnippet(t *testing.T, body, dir string, env ...string) string {
	t.Helper()
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", body)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1"}, env...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the snippet failed: %v\n--- snippet\n%s--- output\n%s", err, body, out)
	}
	return string(out)
}

// demoEnvironment points the TENCENTCLOUD_* variables at an emulator
// serving the demo world, with the key pair the docs give for it.
func demoEnvironment(t *testing.T) {
	t.Helper()
	world, err := emulator.LoadWorld("../../examples/demo/world.json")
	if err != nil {
		t.Fatal(err)
	}
	_, endpoints := acctest.ServeWorld(t, world)
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	t.Setenv(envvar.SecretID, "AKIDdemo00000000000000000000000000")
	t.Setenv(envvar.SecretKey, "demo-secret-key-not-a-real-one")
}
