// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbinds"
)

// inventoryOutputs is an inventory read with outputs a test can inspect
// through the real CLI.
func inventoryOutputs(endpoint string) string {
	return acctest.InventoryConfig(endpoint, "") + `
output "total" {
  value = data.tencentcloud_organization_member_email_binds.all.total
}

output "uins" {
  value = [for m in data.tencentcloud_organization_member_email_binds.all.members : tostring(m.member_uin)]
}

output "listing_consistent" {
  value = data.tencentcloud_organization_member_email_binds.all.listing_consistent
}
`
}

// applyOutputs applies config with the real CLI and returns its output
// and the outputs it stored.
func applyOutputs(t *testing.T, config string) (string, map[string]any, error) {
	t.Helper()
	w := acctest.NewCLIWorkspace(t, config)
	out, err := w.Run(t, "apply", "-auto-approve", "-input=false")
	raw, outputErr := w.Command("output", "-json").Output()
	if outputErr != nil {
		t.Fatalf("terraform output: %v", outputErr)
	}
	var outputs map[string]struct{ Value any }
	if err := json.Unmarshal(raw, &outputs); err != nil {
		t.Fatalf("%v\n%s", err, raw)
	}
	values := map[string]any{}
	for name, o := range outputs {
		values[name] = o.Value
	}
	return out, values, err
}

func TestAccInventoryFailsClosedWhenAMemberCannotBeRead(t *testing.T) {
	const broken = acctest.FirstInventoryUin + 42
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 120, fmt.Sprintf(`, "faults": [{"kind": "internal_error", "member_uin": %d}]`, broken)))
	out, outputs, err := applyOutputs(t, inventoryOutputs(endpoints.Organization))
	if err == nil {
		t.Fatalf("the apply succeeded with a member that cannot be read:\n%s", out)
	}
	want := acctest.WrappedPattern(fmt.Sprintf(`Error: Cannot Read Every Member's Email Binding.*1 of 120 members could not be read.*`+
		`member %d: InternalError, RequestId [0-9a-f-]{36}, after 3 attempts.*Tencent Cloud Internal Error`, broken))
	if !want.MatchString(out) {
		t.Errorf("the error does not name the member, its code and RequestId:\n%s", out)
	}
	if len(outputs) != 0 {
		t.Errorf("a failed read stored outputs %v; nothing may be stored", outputs)
	}
}

func TestAccInventoryNamesTwentyFailedMembersAndCountsTheRest(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 25, `, "faults": [{"kind": "bad_gateway", "action": "DescribeOrganizationMemberEmailBind"}]`))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.InventoryConfig(endpoints.Organization, ""),
			ExpectError: regexp.MustCompile(`(?s)25 of 25 members could not be read.*` + strings.Repeat(`member \d+: ClientError.HttpStatusCodeError, RequestId none \(no API response\), after 3 attempts.*`, 20) +
				`and 5 more members.*HTTP status 502`),
		}},
	})
}

func TestAccInventoryDropsAMemberThatLeftWithAWarning(t *testing.T) {
	const leaver = acctest.FirstInventoryUin + 5
	// The listing's third and last page is served, then the member leaves:
	// the listing is consistent, but the binding read finds it gone.
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 120, fmt.Sprintf(`, "faults": [{"kind": "member_leaves", "member_uin": %d, "after_page": 3}]`, leaver)))
	out, outputs, err := applyOutputs(t, inventoryOutputs(endpoints.Organization))
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if !acctest.WrappedPattern(fmt.Sprintf(`Warning: Members Left the Organization During the Read.*not in members: %d\.`, leaver)).MatchString(out) {
		t.Errorf("no warning names the member that left:\n%s", out)
	}
	uins, _ := outputs["uins"].([]any)
	if outputs["total"] != float64(119) || len(uins) != 119 || strings.Contains(fmt.Sprint(uins), fmt.Sprint(leaver)) {
		t.Errorf("total %v with %d members; want the 119 that stayed", outputs["total"], len(uins))
	}
}

func TestAccInventoryReadsAMemberThatJoinsDuringPaging(t *testing.T) {
	const joiner = acctest.FirstInventoryUin + 500
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 120, fmt.Sprintf(`, "faults": [{"kind": "member_joins", "after_page": 1,
	  "member": {"member_uin": %d, "listing": {"Name": "newcomer"}, "email_bind": {"BindStatus": "Unbound"}}}]`, joiner)))
	logPath := filepath.Join(t.TempDir(), "info.log")
	t.Setenv("TF_LOG", "INFO")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.InventoryConfig(endpoints.Organization, ""),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectInventory("total", knownvalue.Int64Exact(121)),
				acctest.ExpectInventory("listing_consistent", knownvalue.Bool(true)),
				acctest.ExpectMember(120, "member_uin", knownvalue.Int64Exact(joiner)),
				acctest.ExpectMember(120, "name", knownvalue.StringExact("newcomer")),
			},
		}},
	})
	// The first listing saw Total change, so two more had to agree. The
	// framework reads the data source more than once, so the emulator's
	// record of listings cannot tell one read's third listing from the
	// next read's first; the provider's own count can.
	logs, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	third := false
	for _, line := range logFields(string(logs), emailbinds.LogListed) {
		third = third || line["listing"] == "3"
	}
	if !third {
		t.Errorf("no read listed the organization a third time; the first listing, which saw Total change, was not confirmed by two more")
	}
}

// TestAccInventoryReportsProgressAtInfo reads 40 members at INFO and
// expects a progress line at least every tenth of the way.
func TestAccInventoryReportsProgressAtInfo(t *testing.T) {
	reported := map[string]bool{}
	for _, line := range logFields(inventoryInfoLog(t, 40, "", nil), emailbinds.LogBindingProgress) {
		if line["total"] == "40" {
			reported[line["done"]] = true
		}
	}
	for done := 4; done <= 40; done += 4 {
		if !reported[fmt.Sprint(done)] {
			t.Errorf("no progress line at %d of 40 (reported: %v)", done, reported)
		}
	}
}
