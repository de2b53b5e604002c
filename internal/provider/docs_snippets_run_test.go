// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// These tests run the snippets of README.md and docs/ that are not example
// files, as the pages show them (docSnippet reads them from the page), and
// the examples the docs added for them.

func TestAccREADMEWhatItDoesSnippetApplies(t *testing.T) {
	demoEnvironment(t)
	config := acctest.ProviderFromEnvironment + docSnippet(t, "README.md", "# Every member of the organization with its email binding, in one read.")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_bind.m", tfjsonpath.New("bind_status"), knownvalue.StringExact("Success")),
				statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_binds.all", tfjsonpath.New("total"), knownvalue.Int64Exact(3)),
			},
		}},
	})
}

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

// startDocumentedEmulator runs the emulator command a page shows, and
// returns the URLs it prints: the Organization URL, then sts: and metadata:.
func startDocumentedEmulator(t *testing.T, command string) []string {
	t.Helper()
	fields := strings.Fields(command)
	if len(fields) < 3 || fields[0] != "go" || fields[1] != "run" {
		t.Fatalf("not a go run command: %q", command)
	}
	cmd := exec.Command("go", fields[1:]...)
	cmd.Dir = repoRoot
	// go run starts the emulator as its child: a group of their own lets
	// the cleanup stop both.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
	lines := make(chan string)
	go func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			lines <- scanner.Text()
		}
		close(lines)
	}()
	var urls []string
	deadline := time.After(3 * time.Minute)
	for len(urls) < 3 {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("%q exited before printing its URLs: %v\n%s", command, cmd.Wait(), stderr.String())
			}
			_, url, found := strings.Cut(line, ": ")
			if !found {
				url = line
			}
			urls = append(urls, url)
		case <-deadline:
			t.Fatalf("%q printed no URLs within 3 minutes:\n%s", command, stderr.String())
		}
	}
	return urls
}

// TestAccEmulatorSnippetsServeTheQuickStart runs the emulator snippets of
// the README and the provider page line by line: the go run command, then
// each export with the URLs it printed in place of PORT1 to PORT3. The
// Quick Start must then plan against it with nothing else set.
func TestAccEmulatorSnippetsServeTheQuickStart(t *testing.T) {
	for _, page := range []struct{ name, firstLine string }{
		{"README.md", "go run ./cmd/tencentcloud-emulator --listen 127.0.0.1:0 --world examples/demo/world.json"},
		{"docs/index.md", "# from a checkout of the provider's repository"},
	} {
		t.Run(page.name, func(t *testing.T) {
			acctest.CLIPath(t)
			for _, name := range []string{envvar.SecretID, envvar.SecretKey, envvar.OrganizationEndpoint, envvar.STSEndpoint} {
				t.Setenv(name, "")
			}
			var urls []string
			exported := map[string]bool{}
			for _, line := range strings.Split(docSnippet(t, page.name, page.firstLine), "\n") {
				line, _, _ = strings.Cut(line, "#")
				line = strings.TrimSpace(line)
				switch {
				case line == "":
				case strings.HasPrefix(line, "go run "):
					urls = startDocumentedEmulator(t, line)
				case strings.HasPrefix(line, "export "):
					name, value, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
					if !ok || urls == nil {
						t.Fatalf("%s: cannot run %q", page.name, line)
					}
					for i, url := range urls {
						value = strings.ReplaceAll(value, fmt.Sprintf("http://127.0.0.1:PORT%d", i+1), url)
					}
					if strings.Contains(value, "PORT") {
						t.Fatalf("%s: %q names a port the emulator did not print", page.name, line)
					}
					t.Setenv(name, value)
					exported[name] = true
				default:
					t.Fatalf("%s: the emulator snippet has a line this test cannot run: %q", page.name, line)
				}
			}
			for _, name := range []string{envvar.OrganizationEndpoint, envvar.SecretID, envvar.SecretKey} {
				if !exported[name] {
					t.Errorf("%s: the emulator snippet does not export %s", page.name, name)
				}
			}
			out, err := acctest.NewCLIWorkspace(t, readExample(t, "provider/quick_start.tf")).Run(t, "plan", "-input=false")
			if err != nil || !strings.Contains(out, "member_email_bound = true") {
				t.Errorf("%s: the Quick Start did not plan against the documented emulator (err %v):\n%s", page.name, err, out)
			}
		})
	}
}

// TestAccTheEmulatorCommandInTheEmulatorExampleStarts runs the command in
// the comment of examples/provider/emulator.tf, on free ports instead of
// 8080 and 8081, which another process may hold.
func TestAccTheEmulatorCommandInTheEmulatorExampleStarts(t *testing.T) {
	acctest.CLIPath(t)
	var command string
	for _, line := range strings.Split(readExample(t, "provider/emulator.tf"), "\n") {
		if _, rest, ok := strings.Cut(line, "#   go run "); ok {
			command = "go run " + rest
		}
	}
	if command == "" {
		t.Fatal("examples/provider/emulator.tf shows no emulator command")
	}
	command = strings.NewReplacer("127.0.0.1:8080", "127.0.0.1:0", "127.0.0.1:8081", "127.0.0.1:0").Replace(command)
	if urls := startDocumentedEmulator(t, command); !strings.HasPrefix(urls[0], "http://127.0.0.1:") {
		t.Errorf("the emulator printed %q", urls)
	}
}

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

// emptyOrganizationEnvironment serves an organization without members.
func emptyOrganizationEnvironment(t *testing.T) {
	t.Helper()
	world, err := emulator.ParseWorld([]byte(`{
  "credentials": [{"secret_id": "AKIDaudit", "secret_key": "audit-key", "uin": 100000000001}],
  "organizations": [{"admin_uin": 100000000001, "members": []}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	_, endpoints := acctest.ServeWorld(t, world)
	t.Setenv(envvar.SecretID, "AKIDaudit")
	t.Setenv(envvar.SecretKey, "audit-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
}

// TestAccExampleInventoryChecksFailOnAnEmptyOrganization: alltrue([]) is
// true, so without length > 0 (the check) or require_members (the
// postcondition) they would pass on a read of nobody.
func TestAccExampleInventoryChecksFailOnAnEmptyOrganization(t *testing.T) {
	t.Run("check.tf", func(t *testing.T) {
		emptyOrganizationEnvironment(t)
		out, err := acctest.NewCLIWorkspace(t, acctest.ProviderFromEnvironment+inventoryExample(t, "check.tf")).Run(t, "plan", "-input=false")
		if err != nil || !acctest.WrappedPattern(`Warning: Check block assertion failed.*No member was read, so no member was checked`).MatchString(out) {
			t.Errorf("the check must warn when no member was read (err %v):\n%s", err, out)
		}
	})
	t.Run("postcondition.tf", func(t *testing.T) {
		emptyOrganizationEnvironment(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:      acctest.ProviderFromEnvironment + inventoryExample(t, "postcondition.tf"),
				ExpectError: acctest.ErrorMatching("No Members Found", "require_members", "The organization's listing holds no member", "require_members = true makes this an error"),
			}},
		})
	})
}

func TestAccExampleCompactCheckWarnsOnCounts(t *testing.T) {
	example := acctest.ProviderFromEnvironment + inventoryExample(t, "compact_check.tf")
	for _, tt := range []struct {
		name  string
		setup func(t *testing.T)
		want  string
	}{
		{"every member bound", func(t *testing.T) { exampleOrganizationEnvironment(t, "Success") }, ""},
		{"one member unbound", func(t *testing.T) { exampleOrganizationEnvironment(t, "Unbound") },
			`Warning: Check block assertion failed.*1 of 3 members have no bound email: {"Success":2,"Unbound":1}\.`},
		{"no member", emptyOrganizationEnvironment, `Warning: Check block assertion failed.*0 of 0 members have no bound email`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup(t)
			out, err := acctest.NewCLIWorkspace(t, example).Run(t, "plan", "-input=false")
			if err != nil {
				t.Fatalf("a failed check must not fail the plan: %v\n%s", err, out)
			}
			if tt.want == "" && strings.Contains(out, "Check block assertion failed") {
				t.Errorf("with every member bound the check must pass quietly:\n%s", out)
			}
			if tt.want != "" && !acctest.WrappedPattern(tt.want).MatchString(out) {
				t.Errorf("want a warning matching %q:\n%s", tt.want, out)
			}
		})
	}
}

// TestAccExampleCompactCheckPlanStaysShortForALargeOrganization plans the
// compact check on 200 members, as the docs measured it, and expects a
// plan output of a few lines, whatever the organization's size.
func TestAccExampleCompactCheckPlanStaysShortForALargeOrganization(t *testing.T) {
	world := emulator.World{
		RateLimit:     1000,
		Credentials:   []emulator.Credential{{SecretID: "AKIDaudit", SecretKey: "audit-key", Uin: 100000000001}},
		Organizations: []emulator.Organization{{AdminUin: 100000000001}},
	}
	for i := range 200 {
		status := "Success"
		if i < 5 {
			status = "Unbound"
		}
		world.Organizations[0].Members = append(world.Organizations[0].Members, emulator.Member{
			MemberUin: 300000000000 + int64(i),
			Listing: []byte(fmt.Sprintf(`{"Name": "member-%d", "NodeId": 2001, "NodeName": "Finance", "BindStatus": %q,
			  "Tags": [{"TagKey": "env", "TagValue": "prod"}], "OrgPermission": [{"Id": 1, "Name": "View bills"}]}`, i, status)),
			EmailBind: []byte(fmt.Sprintf(`{"BindId": %d, "Email": "member%d@example.com", "BindStatus": %q, "PhoneBind": 1}`, i+1, i, status)),
		})
	}
	if err := world.Validate(); err != nil {
		t.Fatal(err)
	}
	_, endpoints := acctest.ServeWorld(t, world)
	t.Setenv(envvar.SecretID, "AKIDaudit")
	t.Setenv(envvar.SecretKey, "audit-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)

	out, err := acctest.NewCLIWorkspace(t, acctest.ProviderFromEnvironment+inventoryExample(t, "compact_check.tf")).Run(t, "plan", "-input=false")
	if err != nil || !strings.Contains(out, "5 of 200 members have no bound email") {
		t.Fatalf("want the check to warn about 5 of 200 members (err %v):\n%s", err, out)
	}
	if lines := strings.Count(out, "\n"); lines > 40 {
		t.Errorf("the compact check printed %d lines for 200 members, want at most 40:\n%s", lines, out)
	}
}

func TestAccExampleCheckNotBoundNamesOnlyTheUnbound(t *testing.T) {
	example := acctest.ProviderFromEnvironment + inventoryExample(t, "check_not_bound.tf")

	exampleOrganizationEnvironment(t, "Success")
	out, err := acctest.NewCLIWorkspace(t, example).Run(t, "plan", "-input=false")
	if err != nil || strings.Contains(out, "Check block assertion failed") {
		t.Errorf("with every member bound the check must pass quietly (err %v):\n%s", err, out)
	}

	srv := exampleOrganizationEnvironment(t, "Valid")
	out, err = acctest.NewCLIWorkspace(t, example).Run(t, "plan", "-input=false")
	if err != nil || !acctest.WrappedPattern(`Warning: Check block assertion failed.*Members without a bound email: 100033118203 \(Valid\)\.`).MatchString(out) {
		t.Errorf("with a member waiting for activation the check must warn, naming it (err %v):\n%s", err, out)
	}
	if strings.Contains(out, "100033118201") || strings.Contains(out, "100033118202") {
		t.Errorf("the plan shows bound members:\n%s", out)
	}
	if binds := acctest.Requests(srv, "DescribeOrganizationMemberEmailBind"); len(binds) != 0 {
		t.Errorf("the check read %d bindings, want none", len(binds))
	}
}

// TestAccExampleRateLimitAliasesReadWithTheirOwnProfiles applies the two
// aliases of the rate limit section, each reading a member through its own
// provider process, with the profile they name.
func TestAccExampleRateLimitAliasesReadWithTheirOwnProfiles(t *testing.T) {
	srv := exampleEnvironmentFromProfile(t, "management")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.RequiredProviders + readExample(t, "provider/rate_limit_aliases.tf") + `
data "tencentcloud_organization_member_email_bind" "audit" {
  provider   = tencentcloud.audit
  member_uin = 100033118139
}

data "tencentcloud_organization_member_email_bind" "report" {
  provider   = tencentcloud.report
  member_uin = 100033118140
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_bind.audit", tfjsonpath.New("bind_status"), knownvalue.StringExact("Success")),
				statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_bind.report", tfjsonpath.New("bind_status"), knownvalue.StringExact("Unbound")),
			},
		}},
	})
	for _, r := range srv.Requests() {
		if r.SecretID != "AKIDadmin" {
			t.Errorf("a request was signed by %q, want the profile's AKIDadmin", r.SecretID)
		}
	}
}

// exampleEnvironmentFromProfile serves acctest.World with the admin's key in
// a tccli profile of that name, and no key pair in the environment.
func exampleEnvironmentFromProfile(t *testing.T, profile string) *emulator.Server {
	t.Helper()
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	dir := t.TempDir()
	writeProfile(t, dir, profile, `{"secretId": "AKIDadmin", "secretKey": "admin-key"}`, "")
	t.Setenv(envvar.SharedCredentialsDir, dir)
	t.Setenv(envvar.SecretID, "")
	t.Setenv(envvar.SecretKey, "")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	return srv
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
