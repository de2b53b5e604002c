// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// Every fenced code block of README.md and docs/ is either a file under
// examples/ that a named test applies, or run by a named test of
// docs_snippets_run_test.go, which reads it from the page itself; a shell
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

type snippet struct {
	page, lang, body string
	line             int
}

func (s snippet) firstLine() string {
	first, _, _ := strings.Cut(s.body, "\n")
	return first
}

// docPages are README.md and every page under docs/, relative to the repository root.
func docPages(t *testing.T) []string {
	t.Helper()
	pages := []string{"README.md"}
	err := filepath.WalkDir(filepath.Join(repoRoot, "docs"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			rel, _ := filepath.Rel(repoRoot, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

var fence = regexp.MustCompile("^(\\s*)```(\\S*)\\s*$")

// fencedBlocks returns the fenced code blocks of a page, without their
// fences.
func fencedBlocks(t *testing.T, page string) []snippet {
	t.Helper()
	content, err := os.ReadFile(filepath.Join(repoRoot, page))
	if err != nil {
		t.Fatal(err)
	}
	var blocks []snippet
	var open *snippet
	var body []string
	for i, line := range strings.Split(string(content), "\n") {
		m := fence.FindStringSubmatch(line)
		switch {
		case m != nil && open == nil:
			open = &snippet{page: page, lang: m[2], line: i + 1}
			body = nil
		case m != nil && m[2] == "":
			open.body = strings.Join(body, "\n")
			blocks = append(blocks, *open)
			open = nil
		case open != nil:
			body = append(body, line)
		}
	}
	if open != nil {
		t.Fatalf("%s:%d: a code block is never closed", page, open.line)
	}
	return blocks
}

// docSnippet is the block of page whose first line is firstLine, as the
// page shows it; a test that runs a snippet reads it here, so it runs what
// the page says.
func docSnippet(t *testing.T, page, firstLine string) string {
	t.Helper()
	for _, b := range fencedBlocks(t, page) {
		if b.firstLine() == firstLine {
			return b.body + "\n"
		}
	}
	t.Fatalf("%s has no code block starting %q", page, firstLine)
	return ""
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
				"make it a file under examples/ (tffile or codefile) with a test, or run it in docs_snippets_run_test.go",
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

// TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator loads each world
// fragment the README shows into a world, as a user would paste it.
func TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator(t *testing.T) {
	const rest = `"credentials": [{"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 100000000001}],
  "roles": [{"role_arn": "qcs::cam::uin/100000000001:roleName/auditor", "uin": 100000000001}],
  "organizations": [{"admin_uin": 100000000001, "members": [{"member_uin": 100033118140, "email_bind": {"BindStatus": "Unbound"}}]}]`
	for _, r := range snippetsRunHere {
		if r.test != "TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator" {
			continue
		}
		fragment := strings.TrimRight(strings.TrimSpace(docSnippet(t, r.page, r.firstLine)), ",")
		if _, err := emulator.ParseWorld([]byte("{" + fragment + ",\n" + rest + "}")); err != nil {
			t.Errorf("the world snippet starting %q: %v", r.firstLine, err)
		}
	}
}
