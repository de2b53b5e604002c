// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// scratchCheckout copies this checkout, without bin/ and .git, so that the
// make targets a snippet runs write their binaries there and not into the
// developer's bin/.
func scratchCheckout(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "checkout")
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, path)
		if d.IsDir() && (rel == "bin" || rel == ".git") {
			return filepath.SkipDir
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), content, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// quickStartHome is a new HOME with the example in ~/audit/main.tf, and the
// TENCENTCLOUD_* variables pointing at an emulator serving the demo world
// with its key pair, as the docs give it.
func quickStartHome(t *testing.T, example string) string {
	t.Helper()
	demoEnvironment(t)
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, "audit"), 0o700); err != nil {
		t.Fatal(err)
	}
	acctest.WriteFile(t, filepath.Join(home, "audit", "main.tf"), readExample(t, example))
	return home
}

// TestAccQuickStartWithMakeInstallAndInit runs the Quick Start without
// dev_overrides: make install into a new HOME, then init, which must find
// the installed version through the example's version constraint, and plan.
func TestAccQuickStartWithMakeInstallAndInit(t *testing.T) {
	cli := acctest.CLIPath(t)
	home := quickStartHome(t, "provider/quick_start.tf")
	out := runShellSnippet(t, docSnippet(t, "docs/index.md", "make install    # in the checkout of this repository"), scratchCheckout(t),
		"HOME="+home, "PATH="+shims(t, map[string]string{"terraform": cli})+string(os.PathListSeparator)+os.Getenv("PATH"))
	if !strings.Contains(out, "tcorg/tencentcloud v0.1.0") {
		t.Errorf("init did not install tcorg/tencentcloud v0.1.0 from the local mirror:\n%s", out)
	}
	if !strings.Contains(out, "member_email_bound = true") {
		t.Errorf("the plan does not show the Quick Start's output:\n%s", out)
	}
	if strings.Contains(out, "Provider development overrides") {
		t.Errorf("the plan used dev_overrides, not the installed provider:\n%s", out)
	}
}

// TestAccQuickStartWithDevOverridesSkipsInit runs the Quick Start with the
// dev_overrides CLI configuration the docs write, and no init.
func TestAccQuickStartWithDevOverridesSkipsInit(t *testing.T) {
	cli := acctest.CLIPath(t)
	home := quickStartHome(t, "provider/quick_start.tf")
	snippet := docSnippet(t, "docs/index.md", "make build      # in the checkout of this repository: bin/terraform-provider-tencentcloud")
	if strings.Contains(strings.SplitN(snippet, "# no terraform init", 2)[0], "terraform init") {
		t.Errorf("the dev_overrides snippet runs terraform init:\n%s", snippet)
	}
	out := runShellSnippet(t, snippet, scratchCheckout(t),
		"HOME="+home, "PATH="+shims(t, map[string]string{"terraform": cli})+string(os.PathListSeparator)+os.Getenv("PATH"))
	if !strings.Contains(out, "Provider development overrides") || !strings.Contains(out, "member_email_bound = true") {
		t.Errorf("the plan did not run the development build and show the Quick Start's output:\n%s", out)
	}
}
