// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every fenced code block of README.md and docs/ is either a file under
// examples/ that a named test applies, or run by a named test of a
// docs_snippets_*_test.go file, which reads it from the page itself; a shell
// block may instead be listed in snippetsNotRun with the reason it cannot
// run here. A block that is none of these fails
// TestEverySnippetInTheDocsIsRunByATest, so a snippet added to a page
// without a test, or changed away from its example file, is caught.

const repoRoot = "../.."

// appliedExamples maps each file under examples/ to the tests that apply
// it (or, for the policy, evaluate it) as written.
var appliedExamples = map[string][]string{
	"provider/provider.tf":           {"TestAccExampleProviderFromEnvironment"},
	"provider/quick_start.tf":        {"TestAccExampleQuickStart", "TestAccQuickStartWithMakeInstallAndInit", "TestAccQuickStartWithDevOverridesSkipsInit"},
	"provider/assume_role.tf":        {"TestAccExampleProviderAssumeRole"},
	"provider/web_identity.tf":       {"TestAccExampleProviderWebIdentity"},
	"provider/pod_oidc.tf":           {"TestAccExampleProviderPodOIDC"},
	"provider/saml.tf":               {"TestAccExampleProviderSAML"},
	"provider/mfa.tf":                {"TestAccExampleProviderMFA"},
	"provider/emulator.tf":           {"TestAccExampleProviderEmulatorEndpoints", "TestAccTheEmulatorCommandInTheEmulatorExampleStarts"},
	"provider/rate_limit_aliases.tf": {"TestAccExampleRateLimitAliasesReadWithTheirOwnProfiles"},
	"cam/policy.json":                {"TestTheCAMPolicyListsEverySignedActionTheProviderCalls"},
	"data-sources/tencentcloud_organization_member_email_bind/data-source.tf":      {"TestAccExampleDataSource"},
	"data-sources/tencentcloud_organization_member_email_bind/check.tf":            {"TestAccExampleCheckBlock"},
	"data-sources/tencentcloud_organization_member_email_bind/postcondition.tf":    {"TestAccExamplePostcondition"},
	"data-sources/tencentcloud_organization_member_email_bind/for_each.tf":         {"TestAccExampleForEachOutputs", "TestAccExamplePolicyOnPlanJSON"},
	"data-sources/tencentcloud_organization_member_email_binds/data-source.tf":     {"TestAccExampleInventoryDataSource"},
	"data-sources/tencentcloud_organization_member_email_binds/check.tf":           {"TestAccExampleInventoryCheckBlock", "TestAccExampleInventoryChecksFailOnAnEmptyOrganization"},
	"data-sources/tencentcloud_organization_member_email_binds/postcondition.tf":   {"TestAccExampleInventoryPostcondition", "TestAccExampleInventoryChecksFailOnAnEmptyOrganization"},
	"data-sources/tencentcloud_organization_member_email_binds/status_only.tf":     {"TestAccExampleInventoryStatusOnly"},
	"data-sources/tencentcloud_organization_member_email_binds/compact_check.tf":   {"TestAccExampleCompactCheckWarnsOnCounts", "TestAccExampleCompactCheckPlanStaysShortForALargeOrganization"},
	"data-sources/tencentcloud_organization_member_email_binds/check_not_bound.tf": {"TestAccExampleCheckNotBoundNamesOnlyTheUnbound"},
	"policy/member_email_bound.rego":                                               {"TestAccExamplePolicyOnPlanJSON", "TestAccExamplePolicyPassesItsUnitTests"},
	"policy/member_email_bound_test.rego":                                          {"TestAccExamplePolicyPassesItsUnitTests"},
	"demo/main.tf":                                                                 {"TestAccExampleDemo"},
	"demo/world.json":                                                              {"TestAccExampleDemo"},
	"policy-tests/main.tf":                                                         {"TestAccTheExamplePolicyTestsPassOnTheirWorldAndFailWhenACompliantMemberIsUnbound"},
	"policy-tests/tests/policies.tftest.hcl":                                       {"TestAccTheExamplePolicyTestsPassOnTheirWorldAndFailWhenACompliantMemberIsUnbound"},
	"policy-tests/world.json":                                                      {"TestAccTheExamplePolicyTestsPassOnTheirWorldAndFailWhenACompliantMemberIsUnbound", "TestAccTheExamplePolicyDeniesExactlyTheUnboundAndFailedMembersOfThePolicyTestsWorld"},
	"policy-tests/plan/main.tf":                                                    {"TestAccTheExamplePolicyDeniesExactlyTheUnboundAndFailedMembersOfThePolicyTestsWorld"},
	"policy-tests/policy/member_email_bound_plans_test.rego":                       {"TestAccTheExamplePolicyDeniesExactlyTheUnboundAndFailedMembersOfThePolicyTestsWorld"},
}

// snippetsRunHere are the blocks that are not example files, each named by
// its page and its first line, with the test that reads it from the page
// and runs it.
var snippetsRunHere = []struct{ page, firstLine, test string }{
	{"README.md", "# Every member of the organization with its email binding, in one read.", "TestAccREADMEWhatItDoesSnippetApplies"},
	{"README.md", "go run ./cmd/tencentcloud-emulator --listen 127.0.0.1:0 --world examples/demo/world.json", "TestAccEmulatorSnippetsServeTheQuickStart"},
	{"README.md", `"web_identity_tokens": [{"provider_id": "github", "token": "eyJ...", "role_arns": ["qcs::cam::uin/100000000001:roleName/auditor"], "expires_at": "2030-01-01T00:00:00Z"}],`, "TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator"},
	{"README.md", `"rate_limit": 20, "rate_window": "sliding", "arrival_jitter": "30ms"`, "TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator"},
	{"README.md", `"faults": [`, "TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator"},
	{"docs/index.md", "make install    # in the checkout of this repository", "TestAccQuickStartWithMakeInstallAndInit"},
	{"docs/index.md", "make build      # in the checkout of this repository: bin/terraform-provider-tencentcloud", "TestAccQuickStartWithDevOverridesSkipsInit"},
	{"docs/index.md", "# from a checkout of the provider's repository", "TestAccEmulatorSnippetsServeTheQuickStart"},
	{"docs/data-sources/organization_member_email_bind.md", "terraform plan -out=plan.tfplan", "TestAccThePolicySnippetsRunAsWritten"},
	{"docs/data-sources/organization_member_email_binds.md", "terraform plan -out=plan.tfplan", "TestAccThePolicySnippetsRunAsWritten"},
	{"docs/guides/testing-policies-offline.md", "go install github.com/tcorg/terraform-provider-tencentcloud/cmd/tencentcloud-emulator@latest", "TestAccTheCIStepOfThePolicyTestingGuideRunsThePolicyTests"},
	{"docs/data-sources/organization_member_email_binds.md", "[for m in data.tencentcloud_organization_member_email_binds.all.members : m.member_uin if try(m.email_bind.bind_status, m.bind_status) != \"Success\"]", "TestAccTheTrySnippetReadsEitherStatus"},
}

// snippetsNotRun are shell blocks no test runs, with why. Keep it short.
var snippetsNotRun = []struct{ page, firstLine, reason string }{
	{"README.md", "make demo   # builds the provider, starts the emulator, runs terraform init and apply on examples/demo",
		"`make test` is what runs this test, and `make demo` writes the provider into the checkout's bin/; CI runs both (.ci/run), " +
			"and TestAccExampleDemo applies examples/demo as `make demo` does"},
	{"docs/guides/testing-policies-offline.md", "export TENCENTCLOUD_SECRET_ID=AKID...   # a key of the organization's admin account",
		"recording reads a real organization with real credentials, and the tests never leave the machine; " +
			"the world it writes is what examples/policy-tests/world.json stands in for"},
	{"README.md", "go install github.com/tcorg/terraform-provider-tencentcloud/cmd/tencentcloud-emulator@latest",
		"it installs a release and records a real organization with real credentials; TestAccSnapshotReadsAsTheOrganizationItWasRecordedFrom " +
			"runs record against the emulator, and the guide's CI step, which waits on --ready-file, runs in TestAccTheCIStepOfThePolicyTestingGuideRunsThePolicyTests"},
}

// exampleFiles maps each file's content (without trailing newlines) to its
// path under examples/.
func exampleFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	root := filepath.Join(repoRoot, "examples")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[strings.TrimRight(string(content), "\n")] = filepath.ToSlash(rel)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// providerSources are the Go files of the provider and its data source
// packages: the test files when tests is set, the others otherwise.
func providerSources(t *testing.T, tests bool) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && strings.HasSuffix(path, "_test.go") == tests {
			paths = append(paths, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// testFunctionSources maps each test function of the provider and its
// data source packages to its source.
func testFunctionSources(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	paths := providerSources(t, true)
	funcs := map[string]string{}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil {
				funcs[fn.Name.Name] = string(src[fset.Position(fn.Pos()).Offset:fset.Position(fn.End()).Offset])
			}
		}
	}
	return funcs
}

func TestEverySnippetInTheDocsIsRunByATest(t *testing.T) {
	examples := exampleFiles(t)
	tests := testFunctionSources(t)
	runHere := map[[2]string]bool{}
	for _, r := range snippetsRunHere {
		if _, ok := tests[r.test]; !ok {
			t.Errorf("%s: the snippet starting %q names %s, which does not exist", r.page, r.firstLine, r.test)
		}
		runHere[[2]string{r.page, r.firstLine}] = false
	}
	notRun := map[[2]string]bool{}
	for _, r := range snippetsNotRun {
		notRun[[2]string{r.page, r.firstLine}] = false
	}

	for _, page := range docPages(t) {
		for _, b := range fencedBlocks(t, page) {
			key := [2]string{page, b.firstLine()}
			if path, ok := examples[strings.TrimRight(b.body, "\n")]; ok {
				if len(appliedExamples[path]) == 0 {
					t.Errorf("%s:%d: the %s block is examples/%s, which no test in appliedExamples applies", page, b.line, b.lang, path)
				}
				continue
			}
			if _, ok := runHere[key]; ok {
				runHere[key] = true
				continue
			}
			if _, ok := notRun[key]; ok && b.lang == "shell" {
				notRun[key] = true
				continue
			}
			t.Errorf("%s:%d: the %s block starting %q is neither an example file that a test applies nor run by a test: "+
				"make it a file under examples/ (tffile or codefile) with a test, or run it from a docs_snippets_*_test.go file",
				page, b.line, b.lang, b.firstLine())
		}
	}
	for key, seen := range runHere {
		if !seen {
			t.Errorf("snippetsRunHere lists %s %q, which no page has any longer", key[0], key[1])
		}
	}
	for key, seen := range notRun {
		if !seen {
			t.Errorf("snippetsNotRun lists %s %q, which no page has any longer", key[0], key[1])
		}
	}
}

// TestEveryExampleFileIsAppliedByANamedTest checks the mapping itself: each
// file under examples/ is listed, and each test it names exists and reads it.
func TestEveryExampleFileIsAppliedByANamedTest(t *testing.T) {
	tests := testFunctionSources(t)
	listed := map[string]bool{}
	for _, path := range exampleFiles(t) {
		listed[path] = true
		names := appliedExamples[path]
		if len(names) == 0 {
			t.Errorf("examples/%s is applied by no test listed in appliedExamples", path)
		}
		for _, name := range names {
			src, ok := tests[name]
			if !ok {
				t.Errorf("examples/%s: the test %s does not exist", path, name)
				continue
			}
			if !strings.Contains(src, filepath.Base(path)) && !strings.Contains(src, "examples/"+filepath.Dir(path)) {
				t.Errorf("examples/%s: %s does not mention it", path, name)
			}
		}
	}
	for path := range appliedExamples {
		if !listed[path] {
			t.Errorf("appliedExamples lists examples/%s, which does not exist", path)
		}
	}
}
