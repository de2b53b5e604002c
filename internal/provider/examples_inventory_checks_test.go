// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

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
