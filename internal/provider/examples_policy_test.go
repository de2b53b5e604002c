// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// These tests apply the policy examples that the data source's page shows,
// as written, against the emulator; both outcomes of each check are tested
// by pointing the example at the unbound member instead.

const boundMember, unboundMember = "100033118139", "100033118140"

// exampleEnvironment points the provider's environment at a new emulator,
// each service at its own endpoint, with the admin's key.
func exampleEnvironment(t *testing.T) acctest.Endpoints {
	t.Helper()
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	t.Setenv(envvar.SecretID, "AKIDadmin")
	t.Setenv(envvar.SecretKey, "admin-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	t.Setenv(envvar.STSEndpoint, endpoints.STS)
	return endpoints
}

func dataSourceExample(t *testing.T, name string) string {
	t.Helper()
	return readExample(t, "data-sources/tencentcloud_organization_member_email_bind/"+name)
}

func TestAccExampleCheckBlock(t *testing.T) {
	exampleEnvironment(t)
	example := dataSourceExample(t, "check.tf")

	out, err := acctest.NewCLIWorkspace(t, acctest.ProviderFromEnvironment+example).Run(t, "plan", "-input=false")
	if err != nil || strings.Contains(out, "Check block assertion failed") {
		t.Errorf("with a bound member the check must pass quietly (err %v):\n%s", err, out)
	}

	out, err = acctest.NewCLIWorkspace(t, acctest.ProviderFromEnvironment+strings.ReplaceAll(example, boundMember, unboundMember)).Run(t, "plan", "-input=false")
	if err != nil {
		t.Errorf("a failed check must not fail the plan: %v\n%s", err, out)
	}
	if !acctest.WrappedPattern(`Warning: Check block assertion failed.*Member 100033118140 has no bound email: bind_status is Unbound`).MatchString(out) {
		t.Errorf("with an unbound member the check must warn:\n%s", out)
	}
}

func TestAccExamplePostcondition(t *testing.T) {
	exampleEnvironment(t)
	example := dataSourceExample(t, "postcondition.tf")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ProviderFromEnvironment + example,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_bind.payer", tfjsonpath.New("bind_status"), knownvalue.StringExact("Success")),
				},
			},
			{
				Config:      acctest.ProviderFromEnvironment + strings.ReplaceAll(example, boundMember, unboundMember),
				ExpectError: acctest.ErrorMatching("Resource postcondition failed", "The payer account 100033118140 must have a bound email"),
			},
		},
	})
}

func TestAccExampleForEachOutputs(t *testing.T) {
	exampleEnvironment(t)
	w := acctest.NewCLIWorkspace(t, acctest.ProviderFromEnvironment+dataSourceExample(t, "for_each.tf"))
	if out, err := w.Run(t, "apply", "-auto-approve", "-input=false"); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	out, err := w.Command("output", "-json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var outputs map[string]struct{ Value any }
	if err := json.Unmarshal(out, &outputs); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	wantStatus := map[string]any{boundMember: "Success", unboundMember: "Unbound"}
	if got := outputs["bind_status_by_member"].Value; !reflect.DeepEqual(got, wantStatus) {
		t.Errorf("bind_status_by_member = %v, want %v", got, wantStatus)
	}
	if got := outputs["members_without_bound_email"].Value; !reflect.DeepEqual(got, []any{unboundMember}) {
		t.Errorf("members_without_bound_email = %v, want [%s]", got, unboundMember)
	}
}

// TestAccExamplePolicyOnPlanJSON runs the OPA policy example on the JSON of
// a real plan of the for_each example, where the values must appear.
func TestAccExamplePolicyOnPlanJSON(t *testing.T) {
	exampleEnvironment(t)
	w := acctest.NewCLIWorkspace(t, acctest.ProviderFromEnvironment+dataSourceExample(t, "for_each.tf"))
	if out, err := w.Run(t, "plan", "-input=false", "-out=plan.tfplan"); err != nil {
		t.Fatalf("plan: %v\n%s", err, out)
	}
	planJSON, err := w.Command("show", "-json", "plan.tfplan").Output()
	if err != nil {
		t.Fatal(err)
	}
	planPath := filepath.Join(w.Dir, "plan.json")
	acctest.WriteFile(t, planPath, string(planJSON))

	// The path the policy reads, checked here so a failure says which part moved.
	var plan struct {
		PriorState struct {
			Values struct {
				RootModule struct {
					Resources []struct {
						Mode, Type string
						Values     map[string]any
					}
				} `json:"root_module"`
			}
		} `json:"prior_state"`
	}
	if err := json.Unmarshal(planJSON, &plan); err != nil {
		t.Fatal(err)
	}
	statuses := map[string]any{}
	for _, r := range plan.PriorState.Values.RootModule.Resources {
		if r.Mode == "data" && r.Type == "tencentcloud_organization_member_email_bind" {
			statuses[jsonNumber(r.Values["member_uin"])] = r.Values["bind_status"]
		}
	}
	if want := map[string]any{boundMember: "Success", unboundMember: "Unbound"}; !reflect.DeepEqual(statuses, want) {
		t.Fatalf("prior_state.values.root_module.resources holds %v, want %v", statuses, want)
	}

	opa := opaBinary(t)
	out, err := exec.Command(opa, "eval", "--format=json",
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
	want := []string{"member 100033118140 has no bound email (bind_status is Unbound)"}
	if got := result.Result[0].Expressions[0].Value; !reflect.DeepEqual(got, want) {
		t.Errorf("the policy denied %q, want %q", got, want)
	}
}

// opaBinary is OPA_PATH, or opa on PATH; `make test` installs it.
func opaBinary(t *testing.T) string {
	t.Helper()
	if path := os.Getenv("OPA_PATH"); path != "" {
		return path
	}
	path, err := exec.LookPath("opa")
	if err != nil {
		t.Fatal("the policy example needs OPA: run `make test`, which installs it, or set OPA_PATH")
	}
	return path
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
