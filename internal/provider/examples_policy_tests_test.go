// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// These tests run examples/policy-tests, the policies with their own tests
// that the guide "Testing policies offline" walks through: `terraform test`
// on its world, and the OPA policy on real plans of each organization.

// A member of the compliant organization, whose email is bound.
const policyTestsCompliantMember = 100033118102

// The key pairs of the world's three organizations, as the test file gives
// them: every member bound; a member Unbound; a member whose binding Failed.
var policyTestsKeyPairs = map[string][2]string{
	"compliant": {"AKIDcompliant000000000000000000000", "compliant-test-key-not-a-real-one"},
	"unbound":   {"AKIDunbound00000000000000000000000", "unbound-test-key-not-a-real-one"},
	"failed":    {"AKIDfailed000000000000000000000000", "failed-test-key-not-a-real-one"},
}

// The run blocks of examples/policy-tests/tests/policies.tftest.hcl, one for
// each organization.
var policyTestsRuns = []string{
	"a_compliant_organization_passes_every_policy",
	"an_unbound_member_fails_the_check_and_not_the_postcondition",
	"a_failed_member_fails_the_check_and_the_postcondition",
}

// skipUnlessTheCLIHasTerraformTest skips t for Terraform before 1.6, whose
// experimental `terraform test` ignores .tftest.hcl files and passes,
// finding no test; every OpenTofu release has it.
func skipUnlessTheCLIHasTerraformTest(t *testing.T, cli string) {
	t.Helper()
	out, err := exec.Command(cli, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", cli, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	m := regexp.MustCompile(`^(Terraform|OpenTofu) v(\d+)\.(\d+)\.`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("%s version printed %q, which names no Terraform or OpenTofu version", cli, first)
	}
	major, _ := strconv.Atoi(m[2])
	minor, _ := strconv.Atoi(m[3])
	if m[1] == "Terraform" && major == 1 && minor < 6 || major == 0 {
		t.Skipf("%s is %s: terraform test with .tftest.hcl files needs Terraform 1.6 or later", cli, first)
	}
}

// policyTestsWorkspace is a workspace for the CLI under test holding the
// module's configuration mainTF (examples/policy-tests/main.tf, or a copy
// of it changed) and its test files (tests/*.tftest.hcl, by name), with the
// emulator serving world and TENCENTCLOUD_ORGANIZATION_ENDPOINT set.
func policyTestsWorkspace(t *testing.T, world emulator.World, mainTF string, testFiles map[string]string) acctest.CLIWorkspace {
	t.Helper()
	_, endpoints := acctest.ServeWorld(t, world)
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	w := acctest.NewCLIWorkspace(t, mainTF)
	if err := os.Mkdir(filepath.Join(w.Dir, "tests"), 0o700); err != nil {
		t.Fatal(err)
	}
	for name, text := range testFiles {
		acctest.WriteFile(t, filepath.Join(w.Dir, "tests", name), text)
	}
	return w
}

// eachRunInAFileOfItsOwn splits the test file testFile into one file for
// each of its run blocks, each with the provider blocks before the first
// run. terraform test skips the runs of a file that follow a failed one,
// but runs every file, so each run block's outcome shows.
func eachRunInAFileOfItsOwn(t *testing.T, testFile string) map[string]string {
	t.Helper()
	text := readExample(t, testFile)
	parts := strings.Split(text, "\nrun \"")
	header := parts[0] + "\n"
	files := map[string]string{}
	var names []string
	for _, part := range parts[1:] {
		name, _, ok := strings.Cut(part, `"`)
		if !ok {
			t.Fatalf("%s: a run block with no name", testFile)
		}
		names = append(names, name)
		files[name+".tftest.hcl"] = header + "run \"" + part
	}
	if !slices.Equal(names, policyTestsRuns) {
		t.Fatalf("%s holds the run blocks %q, not %q", testFile, names, policyTestsRuns)
	}
	return files
}

// withBindStatus is world with member uin's email binding status set to
// status, as a user would edit a copy of the world file.
func withBindStatus(t *testing.T, path string, uin int64, status string) emulator.World {
	t.Helper()
	world, err := emulator.LoadWorld(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, org := range world.Organizations {
		for j, m := range org.Members {
			if m.MemberUin != uin {
				continue
			}
			var bind map[string]any
			if err := json.Unmarshal(m.EmailBind, &bind); err != nil {
				t.Fatal(err)
			}
			bind["BindStatus"] = status
			raw, err := json.Marshal(bind)
			if err != nil {
				t.Fatal(err)
			}
			world.Organizations[i].Members[j].EmailBind = raw
			copyPath := filepath.Join(t.TempDir(), "world.json")
			data, err := json.Marshal(world)
			if err != nil {
				t.Fatal(err)
			}
			acctest.WriteFile(t, copyPath, string(data))
			changed, err := emulator.LoadWorld(copyPath)
			if err != nil {
				t.Fatal(err)
			}
			return changed
		}
	}
	t.Fatalf("%s has no member %d", path, uin)
	return emulator.World{}
}

func TestAccTheExamplePolicyTestsPassOnTheirWorldAndFailWhenACompliantMemberIsUnbound(t *testing.T) {
	skipUnlessTheCLIHasTerraformTest(t, acctest.CLIPath(t))
	const (
		worldFile = "../../examples/policy-tests/world.json"
		module    = "policy-tests/main.tf"
		testFile  = "policy-tests/tests/policies.tftest.hcl"
	)
	shipped := map[string]string{filepath.Base(testFile): readExample(t, testFile)}

	t.Run("the world as shipped", func(t *testing.T) {
		world, err := emulator.LoadWorld(worldFile)
		if err != nil {
			t.Fatal(err)
		}
		out, err := policyTestsWorkspace(t, world, readExample(t, module), shipped).Run(t, "test")
		if err != nil || !strings.Contains(out, "Success! 3 passed, 0 failed.") {
			t.Errorf("every run block must pass on the world as shipped (err %v):\n%s", err, out)
		}
	})

	t.Run("a compliant member unbound", func(t *testing.T) {
		world := withBindStatus(t, worldFile, policyTestsCompliantMember, "Unbound")
		out, err := policyTestsWorkspace(t, world, readExample(t, module), shipped).Run(t, "test")
		if err == nil {
			t.Fatalf("terraform test must fail when a member of the compliant organization is unbound:\n%s", out)
		}
		if !strings.Contains(out, `run "a_compliant_organization_passes_every_policy"... fail`) {
			t.Errorf("the compliant organization's run must fail:\n%s", out)
		}
		if !acctest.WrappedPattern(`Check block assertion failed.*Members without a bound email: 100033118102 \(bind_status is Unbound\)\.`).MatchString(out) {
			t.Errorf("the check must name the unbound member:\n%s", out)
		}
	})

	// Policies that deny the wrong statuses: the tests must catch each one,
	// since each organization holds one outcome. Each case changes one
	// condition of main.tf, as a mistaken edit would: terraform test on the
	// test file as shipped must fail, and with each run block in a file of
	// its own, the runs named must fail and every other must still pass.
	const (
		postcondition = `for m in self.members : m.email_bind.bind_status != "Failed"]`
		check         = `for m in data.tencentcloud_organization_member_email_binds.audit.members : m.email_bind.bind_status == "Success"`
	)
	for _, tc := range []struct {
		name     string
		old, new string
		failing  []string
	}{
		{
			name: "a postcondition that denies Unbound members rather than Failed ones fails the tests",
			old:  postcondition,
			new:  `for m in self.members : m.email_bind.bind_status != "Unbound"]`,
			// The postcondition fails where it must not, and passes where it must fail.
			failing: []string{policyTestsRuns[1], policyTestsRuns[2]},
		},
		{
			name: "a postcondition that denies every member not bound fails the tests",
			old:  postcondition,
			new:  `for m in self.members : m.email_bind.bind_status == "Success"]`,
			// The postcondition fails on the Unbound member, which the run does not expect.
			failing: []string{policyTestsRuns[1]},
		},
		{
			name: "a check that denies only Failed members fails the tests",
			old:  check,
			new:  `for m in data.tencentcloud_organization_member_email_binds.audit.members : m.email_bind.bind_status != "Failed"`,
			// The check passes on the Unbound member, which the run expects it to deny.
			failing: []string{policyTestsRuns[1]},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mainTF := readExample(t, module)
			if n := strings.Count(mainTF, tc.old); n != 1 {
				t.Fatalf("main.tf holds %q %d times, not once", tc.old, n)
			}
			world, err := emulator.LoadWorld(worldFile)
			if err != nil {
				t.Fatal(err)
			}
			mainTF = strings.Replace(mainTF, tc.old, tc.new, 1)
			out, err := policyTestsWorkspace(t, world, mainTF, shipped).Run(t, "test")
			if err == nil {
				t.Fatalf("terraform test must fail with the condition %s:\n%s", tc.new, out)
			}
			out, err = policyTestsWorkspace(t, world, mainTF, eachRunInAFileOfItsOwn(t, testFile)).Run(t, "test")
			if err == nil {
				t.Fatalf("terraform test of each run block alone must fail with the condition %s:\n%s", tc.new, out)
			}
			for _, run := range policyTestsRuns {
				want := "pass"
				if slices.Contains(tc.failing, run) {
					want = "fail"
				}
				if !strings.Contains(out, `run "`+run+`"... `+want) {
					t.Errorf("run %q must %s with the condition %s:\n%s", run, want, tc.new, out)
				}
			}
		})
	}
}

// TestAccTheExamplePolicyDeniesExactlyTheUnboundAndFailedMembersOfThePolicyTestsWorld
// plans examples/policy-tests/plan against each organization of the world,
// and runs the OPA tests of examples/policy-tests/policy on their JSON, as
// scripts/policy-tests.sh does.
func TestAccTheExamplePolicyDeniesExactlyTheUnboundAndFailedMembersOfThePolicyTestsWorld(t *testing.T) {
	acctest.CLIPath(t)
	world, err := emulator.LoadWorld("../../examples/policy-tests/world.json")
	if err != nil {
		t.Fatal(err)
	}
	_, endpoints := acctest.ServeWorld(t, world)
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	w := acctest.NewCLIWorkspace(t, readExample(t, "policy-tests/plan/main.tf"))
	data := t.TempDir()
	for org, keyPair := range policyTestsKeyPairs {
		t.Setenv(envvar.SecretID, keyPair[0])
		t.Setenv(envvar.SecretKey, keyPair[1])
		if out, err := w.Run(t, "plan", "-input=false", "-out=plan.tfplan"); err != nil {
			t.Fatalf("plan of the %s organization: %v\n%s", org, err, out)
		}
		planJSON, err := w.Command("show", "-json", "plan.tfplan").Output()
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(data, "plans", org)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		acctest.WriteFile(t, filepath.Join(dir, "plan.json"), string(planJSON))
	}
	out, err := exec.Command(opaBinary(t), "test", "-v",
		"../../examples/policy/member_email_bound.rego",
		"../../examples/policy-tests/policy/member_email_bound_plans_test.rego", data).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "PASS: 3/3") {
		t.Errorf("opa test (err %v):\n%s", err, out)
	}
}
