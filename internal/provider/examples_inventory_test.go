// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// These tests apply the examples of tencentcloud_organization_member_email_binds
// as written, against a small organization whose third member is bound or
// not, so that both outcomes of each check are seen; and they run the OPA
// policy's own unit tests and the policy on real plans.

// exampleOrganization has three members with listing fields: the payer and
// an operations account, both bound, and a finance development account
// whose binding status is THIRD_STATUS in both its listing and its binding.
const exampleOrganization = `{
  "credentials": [{"secret_id": "AKIDaudit", "secret_key": "audit-key", "uin": 100000000001}],
  "organizations": [{"admin_uin": 100000000001, "members": [
    {"member_uin": 100033118201,
     "listing": {"Name": "payer", "NodeId": 2001, "NodeName": "Finance", "BindStatus": "Success", "MemberType": "Create",
                 "Tags": [{"TagKey": "env", "TagValue": "prod"}]},
     "email_bind": {"BindId": 1, "Email": "payer@example.com", "BindStatus": "Success", "PhoneBind": 1}},
    {"member_uin": 100033118202,
     "listing": {"Name": "ops-prod", "NodeId": 2002, "NodeName": "Ops", "BindStatus": "Success", "MemberType": "Invite",
                 "Tags": [{"TagKey": "env", "TagValue": "prod"}]},
     "email_bind": {"BindId": 2, "Email": "ops@example.com", "BindStatus": "Success", "PhoneBind": 1}},
    {"member_uin": 100033118203,
     "listing": {"Name": "finance-dev", "NodeId": 2001, "NodeName": "Finance", "BindStatus": "THIRD_STATUS", "MemberType": "Create",
                 "Tags": [{"TagKey": "env", "TagValue": "dev"}]},
     "email_bind": {"BindId": 3, "Email": "finance-dev@example.com", "BindStatus": "THIRD_STATUS", "PhoneBind": 0}}
  ]}]
}`

const exampleUnboundMember = "100033118203"

// exampleOrganizationEnvironment serves exampleOrganization with the third
// member's status and points the TENCENTCLOUD_* variables at it.
func exampleOrganizationEnvironment(t *testing.T, thirdStatus string) *emulator.Server {
	t.Helper()
	world, err := emulator.ParseWorld([]byte(strings.ReplaceAll(exampleOrganization, "THIRD_STATUS", thirdStatus)))
	if err != nil {
		t.Fatal(err)
	}
	srv, endpoints := acctest.ServeWorld(t, world)
	t.Setenv(envvar.SecretID, "AKIDaudit")
	t.Setenv(envvar.SecretKey, "audit-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	return srv
}

func inventoryExample(t *testing.T, name string) string {
	t.Helper()
	return readExample(t, "data-sources/tencentcloud_organization_member_email_binds/"+name)
}

// TestAccExamplePolicyPassesItsUnitTests runs the policy's opa tests, so
// that `make test` runs them.
func TestAccExamplePolicyPassesItsUnitTests(t *testing.T) {
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	out, err := exec.Command(opaBinary(t), "test", "-v", "../../examples/policy").CombinedOutput()
	if err != nil {
		t.Fatalf("opa test: %v\n%s", err, out)
	}
	// A test file that was not loaded would pass with nothing to run.
	passed := regexp.MustCompile(`(?m)^PASS: (\d+)/(\d+)$`).FindSubmatch(out)
	if passed == nil || string(passed[1]) != string(passed[2]) || len(passed[1]) < 2 {
		t.Errorf("want ten or more policy tests, all passing:\n%s", out)
	}
}

func TestAccExampleInventoryDataSource(t *testing.T) {
	example := acctest.ProviderFromEnvironment + inventoryExample(t, "data-source.tf")
	t.Run("one member unbound", func(t *testing.T) {
		exampleOrganizationEnvironment(t, "Unbound")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: example,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("members_without_bound_email", knownvalue.MapExact(map[string]knownvalue.Check{
						exampleUnboundMember: knownvalue.ObjectExact(map[string]knownvalue.Check{
							"name":        knownvalue.StringExact("finance-dev"),
							"node_name":   knownvalue.StringExact("Finance"),
							"bind_status": knownvalue.StringExact("Unbound"),
						}),
					})),
					statecheck.ExpectKnownOutputValue("member_count", knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownOutputValue("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
						"Success": knownvalue.Int64Exact(2), "Unbound": knownvalue.Int64Exact(1),
					})),
				},
			}},
		})
	})
	t.Run("every member bound", func(t *testing.T) {
		exampleOrganizationEnvironment(t, "Success")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: example,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("members_without_bound_email", knownvalue.MapSizeExact(0)),
					statecheck.ExpectKnownOutputValue("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
						"Success": knownvalue.Int64Exact(3),
					})),
				},
			}},
		})
	})
}

// TestAccExampleInventoryCheckBlock needs the real CLI: the test framework
// does not show check block warnings.
func TestAccExampleInventoryCheckBlock(t *testing.T) {
	example := acctest.ProviderFromEnvironment + inventoryExample(t, "check.tf")

	exampleOrganizationEnvironment(t, "Success")
	out, err := acctest.NewCLIWorkspace(t, example).Run(t, "plan", "-input=false")
	if err != nil || strings.Contains(out, "Check block assertion failed") {
		t.Errorf("with every member bound the check must pass quietly (err %v):\n%s", err, out)
	}

	exampleOrganizationEnvironment(t, "Unbound")
	out, err = acctest.NewCLIWorkspace(t, example).Run(t, "plan", "-input=false")
	if err != nil {
		t.Errorf("a failed check must not fail the plan: %v\n%s", err, out)
	}
	if !acctest.WrappedPattern(`Warning: Check block assertion failed.*Members without a bound email: 100033118203 \(bind_status is Unbound\)\.`).MatchString(out) {
		t.Errorf("with an unbound member the check must warn, naming it:\n%s", out)
	}
}

func TestAccExampleInventoryPostcondition(t *testing.T) {
	example := acctest.ProviderFromEnvironment + inventoryExample(t, "postcondition.tf")
	t.Run("every member bound", func(t *testing.T) {
		exampleOrganizationEnvironment(t, "Success")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: example,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_binds.all",
						tfjsonpath.New("total"), knownvalue.Int64Exact(3)),
				},
			}},
		})
	})
	t.Run("one member unbound", func(t *testing.T) {
		exampleOrganizationEnvironment(t, "Unbound")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:      example,
				ExpectError: acctest.ErrorMatching("Resource postcondition failed", "Every member account must have a bound email; these do not: 100033118203."),
			}},
		})
	})
}

// TestAccExampleInventoryStatusOnly expects the status-only example to
// list one unit, keep the unbound, and read no binding.
func TestAccExampleInventoryStatusOnly(t *testing.T) {
	example := acctest.ProviderFromEnvironment + inventoryExample(t, "status_only.tf")
	for _, tt := range []struct {
		thirdStatus string
		want        knownvalue.Check
	}{
		{"Unbound", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
			"member_uin":  knownvalue.Int64Exact(100033118203),
			"name":        knownvalue.StringExact("finance-dev"),
			"bind_status": knownvalue.StringExact("Unbound"),
		})})},
		{"Valid", knownvalue.ListSizeExact(1)},
		{"Failed", knownvalue.ListSizeExact(1)},
		{"Success", knownvalue.ListSizeExact(0)},
	} {
		t.Run(tt.thirdStatus, func(t *testing.T) {
			srv := exampleOrganizationEnvironment(t, tt.thirdStatus)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: example,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownOutputValue("finance_members_without_bound_email", tt.want),
					},
				}},
			})
			if binds := acctest.Requests(srv, "DescribeOrganizationMemberEmailBind"); len(binds) != 0 {
				t.Errorf("include_email_bind = false made %d binding reads, want none", len(binds))
			}
			listings := acctest.Requests(srv, "DescribeOrganizationMembers")
			if len(listings) == 0 || listings[0].Params["NodeName"] != `"Finance"` {
				t.Errorf("want listings of the Finance unit, got %+v", listings)
			}
		})
	}
}

// policyDenials plans the workspace, as a user does before applying, and
// returns what the policy example denies on the plan's JSON.
func policyDenials(t *testing.T, w acctest.CLIWorkspace) []string {
	t.Helper()
	if out, err := w.Run(t, "plan", "-input=false", "-out=plan.tfplan"); err != nil {
		t.Fatalf("plan: %v\n%s", err, out)
	}
	planJSON, err := w.Command("show", "-json", "plan.tfplan").Output()
	if err != nil {
		t.Fatal(err)
	}
	planPath := filepath.Join(w.Dir, "plan.json")
	acctest.WriteFile(t, planPath, string(planJSON))
	out, err := exec.Command(opaBinary(t), "eval", "--format=json",
		"--data", "../../examples/policy/member_email_bound.rego",
		"--input", planPath, "data.terraform.organization.deny").Output()
	if err != nil {
		t.Fatalf("opa eval: %v\n%s", err, out)
	}
	var result struct {
		Result []struct {
			Expressions []struct{ Value []string }
		}
	}
	if err := json.Unmarshal(out, &result); err != nil || len(result.Result) != 1 || len(result.Result[0].Expressions) != 1 {
		t.Fatalf("unexpected opa output: %v\n%s", err, out)
	}
	denied := result.Result[0].Expressions[0].Value
	slices.Sort(denied)
	return denied
}

// TestAccExamplePolicyFindsReadsInNestedModules makes a real plan of a
// configuration whose module calls a module that reads the organization
// with the data-source example, and one level up reads a single member:
// the policy must find both, in child_modules of child_modules.
func TestAccExamplePolicyFindsReadsInNestedModules(t *testing.T) {
	exampleOrganizationEnvironment(t, "Unbound")
	w := acctest.NewCLIWorkspace(t, acctest.ProviderFromEnvironment+`
module "org_audit" {
  source = "./modules/org_audit"
}
`)
	audit := filepath.Join(w.Dir, "modules", "org_audit")
	if err := os.MkdirAll(filepath.Join(audit, "inventory"), 0o700); err != nil {
		t.Fatal(err)
	}
	acctest.WriteFile(t, filepath.Join(audit, "main.tf"), acctest.RequiredProviders+`
module "inventory" {
  source = "./inventory"
}

data "tencentcloud_organization_member_email_bind" "finance_dev" {
  member_uin = `+exampleUnboundMember+`
}
`)
	acctest.WriteFile(t, filepath.Join(audit, "inventory", "main.tf"), acctest.RequiredProviders+inventoryExample(t, "data-source.tf"))
	// Local modules need no download, but Terraform plans only installed ones.
	if out, err := w.Run(t, "get"); err != nil {
		t.Fatalf("get: %v\n%s", err, out)
	}

	want := []string{
		"member 100033118203 has no bound email (bind_status is Unbound)",
		"member 100033118203 has no bound email (bind_status is Unbound), read by " +
			"module.org_audit.module.inventory.data.tencentcloud_organization_member_email_binds.all",
	}
	if got := policyDenials(t, w); !reflect.DeepEqual(got, want) {
		t.Errorf("the policy denied %q, want %q", got, want)
	}
}

// TestAccExamplePolicyOnACheckBlockPlan runs the policy on real plans of
// the check block example: its data source is read during plan and appears
// in resource_changes as a read as well, which must not be taken for a
// read deferred to apply.
func TestAccExamplePolicyOnACheckBlockPlan(t *testing.T) {
	example := acctest.ProviderFromEnvironment + inventoryExample(t, "check.tf")

	exampleOrganizationEnvironment(t, "Success")
	if got := policyDenials(t, acctest.NewCLIWorkspace(t, example)); len(got) != 0 {
		t.Errorf("with every member bound the policy denied %q", got)
	}

	exampleOrganizationEnvironment(t, "Valid")
	want := []string{"member 100033118203 has no bound email (bind_status is Valid), read by " +
		"data.tencentcloud_organization_member_email_binds.audit"}
	if got := policyDenials(t, acctest.NewCLIWorkspace(t, example)); !reflect.DeepEqual(got, want) {
		t.Errorf("the policy denied %q, want %q", got, want)
	}
}
