// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// TestAccThePolicySnippetsRunAsWritten runs the plan, show and opa eval
// lines of both data source pages in a workspace holding the for_each
// example and the policy file, with an unbound member to deny.
func TestAccThePolicySnippetsRunAsWritten(t *testing.T) {
	for _, page := range []string{"docs/data-sources/organization_member_email_bind.md", "docs/data-sources/organization_member_email_binds.md"} {
		t.Run(filepath.Base(page), func(t *testing.T) {
			exampleEnvironment(t)
			w := acctest.NewCLIWorkspace(t, acctest.ProviderFromEnvironment+dataSourceExample(t, "for_each.tf"))
			acctest.WriteFile(t, filepath.Join(w.Dir, "member_email_bound.rego"), readExample(t, "policy/member_email_bound.rego"))
			path := shims(t, map[string]string{"terraform": w.Terraform, "opa": opaBinary(t)}) + string(os.PathListSeparator) + os.Getenv("PATH")
			out := runShellSnippet(t, docSnippet(t, page, "terraform plan -out=plan.tfplan"), w.Dir, "PATH="+path, "TF_CLI_CONFIG_FILE="+w.CLIConfig)
			if !strings.Contains(out, "member 100033118140 has no bound email (bind_status is Unbound)") {
				t.Errorf("opa eval did not deny the unbound member:\n%s", out)
			}
		})
	}
}

// TestAccTheTrySnippetReadsEitherStatus evaluates the try() expression of
// the plural page with and without email bindings: both find the unbound member.
func TestAccTheTrySnippetReadsEitherStatus(t *testing.T) {
	expression := strings.TrimSpace(docSnippet(t, "docs/data-sources/organization_member_email_binds.md",
		`[for m in data.tencentcloud_organization_member_email_binds.all.members : m.member_uin if try(m.email_bind.bind_status, m.bind_status) != "Success"]`))
	for _, includeEmailBind := range []string{"true", "false"} {
		t.Run("include_email_bind = "+includeEmailBind, func(t *testing.T) {
			exampleOrganizationEnvironment(t, "Unbound")
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: acctest.ProviderFromEnvironment + fmt.Sprintf(`
data "tencentcloud_organization_member_email_binds" "all" {
  include_email_bind = %s
}

output "not_bound" {
  value = %s
}
`, includeEmailBind, expression),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownOutputValue("not_bound", knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(100033118203)})),
					},
				}},
			})
		})
	}
}

// TestAccTheCIStepOfThePolicyTestingGuideRunsThePolicyTests runs the CI step
// of the guide as the page shows it, in a workspace holding
// examples/policy-tests (main.tf, tests/policies.tftest.hcl, world.json),
// with two differences: the emulator is built from this checkout rather
// than installed with `go install ...@latest`, and `terraform init` finds
// the provider built from this checkout in a filesystem mirror, with
// dev_overrides, rather than in the registry.
func TestAccTheCIStepOfThePolicyTestingGuideRunsThePolicyTests(t *testing.T) {
	cli := acctest.CLIPath(t)
	skipUnlessTheCLIHasTerraformTest(t, cli)
	const install = "go install github.com/tcorg/terraform-provider-tencentcloud/cmd/tencentcloud-emulator@latest"
	snippet := docSnippet(t, "docs/guides/testing-policies-offline.md", install)
	snippet = strings.TrimPrefix(snippet, install+"\n")

	bin := t.TempDir()
	emulatorPath := filepath.Join(bin, "tencentcloud-emulator")
	build := exec.Command("go", "build", "-o", emulatorPath, "./cmd/tencentcloud-emulator")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "tests"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"main.tf", "world.json", "tests/policies.tftest.hcl"} {
		acctest.WriteFile(t, filepath.Join(dir, file), readExample(t, "policy-tests/"+file))
	}

	host := acctest.RegistryHost(cli)
	mirror := t.TempDir()
	version := filepath.Join(mirror, host, "tcorg", "tencentcloud", "0.1.0", runtime.GOOS+"_"+runtime.GOARCH)
	if err := os.MkdirAll(version, 0o700); err != nil {
		t.Fatal(err)
	}
	provider, err := os.ReadFile(filepath.Join(acctest.BuildProvider(t), "terraform-provider-tencentcloud"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(version, "terraform-provider-tencentcloud_v0.1.0"), provider, 0o700); err != nil { //nolint:gosec // an executable
		t.Fatal(err)
	}
	cliConfig := filepath.Join(t.TempDir(), "cli.tfrc")
	acctest.WriteFile(t, cliConfig, acctest.DevOverrides(host, acctest.BuildProvider(t), mirror))

	path := bin + string(os.PathListSeparator) + shims(t, map[string]string{"terraform": cli}) + string(os.PathListSeparator) + os.Getenv("PATH")
	out := runShellSnippet(t, snippet, dir, "PATH="+path, "TF_CLI_CONFIG_FILE="+cliConfig)
	// The snippet runs the CLI as a CI job would, in colour.
	out = regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(out, "")
	if !strings.Contains(out, "Success! 3 passed, 0 failed.") {
		t.Errorf("the policy tests did not pass:\n%s", out)
	}
}
