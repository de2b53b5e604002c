// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// In acctest.InventoryWorld(10), members 0, 2, 4, 6 and 8 are in Finance and
// tagged env=prod, 1, 3 and 5 in Ops with env=dev, 7 is the odd member,
// 9 has no listing fields, and auth names cycle through companies 0 to 2.

// TestAccInventoryFiltersReachTheAPI checks each listing filter end to end:
// the argument is sent as the API's parameter, and the emulator's answer,
// narrowed by it, is what state holds.
func TestAccInventoryFiltersReachTheAPI(t *testing.T) {
	tests := []struct {
		name      string
		arguments string
		param     string
		sent      string
		total     int64
	}{
		{"search by name", `search_key = "Odd"`, "SearchKey", `"Odd"`, 1},
		{"search by uin", fmt.Sprintf(`search_key = "%d"`, acctest.FirstInventoryUin+2), "SearchKey", fmt.Sprintf(`"%d"`, acctest.FirstInventoryUin+2), 1},
		{"verified company name", `auth_name = "company 1"`, "AuthName", `"company 1"`, 3},
		{"unit by id", `node_id = 2002`, "NodeId", "2002", 3},
		{"unit by name", `node_name = "Finance"`, "NodeName", `"Finance"`, 5},
		{"an empty unit", `node_id = 3000`, "NodeId", "3000", 0},
		{"tag key and value", `tags = { env = "prod" }`, "Tags", `[{"TagKey":"env","TagValue":"prod"}]`, 5},
		{"tag key alone", `tags = { env = "" }`, "Tags", `[{"TagKey":"env"}]`, 8},
		{"trusted service", `product = "CloudAudit"`, "Product", `"CloudAudit"`, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 10, ""))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:            acctest.InventoryConfig(endpoints.Organization, tt.arguments),
					ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectInventory("total", knownvalue.Int64Exact(tt.total))},
				}},
			})
			pages := acctest.Requests(srv, "DescribeOrganizationMembers")
			if len(pages) == 0 || pages[0].Params[tt.param] != tt.sent {
				t.Errorf("listing requests %v; want %s = %s", pages, tt.param, tt.sent)
			}
		})
	}
}

func TestAccInventoryFilterErrorsNameTheAttribute(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 3, ""))
	tooManyTags := "tags = {"
	for i := range 11 {
		tooManyTags += fmt.Sprintf(" k%d = \"v\",", i)
	}
	tooManyTags += " }"
	tests := []struct {
		name      string
		arguments string
		want      *regexp.Regexp
	}{
		{"unknown unit id", `node_id = 4242`, acctest.ErrorMatching("Organization Unit Not Found", "node_id", "ResourceNotFound.OrganizationNodeNotExist", "RequestId: ")},
		{"unknown unit name", `node_name = "Nowhere"`, acctest.ErrorMatching("Organization Unit Not Found", "node_name", "ResourceNotFound.OrganizationNodeNotExist")},
		{"unknown trusted service", `product = "Nothing"`, acctest.ErrorMatching("Trusted Service Not Found", "product", "ResourceNotFound.OrganizationServiceNotExist")},
		{"more than ten tags", tooManyTags, acctest.ErrorMatching("tags", "map must contain at most 10 elements")},
		{"an unknown status", `bind_status = ["Bound"]`, acctest.ErrorMatching("bind_status", `value must be one of`, "Success")},
		{"member_uins with a filter", fmt.Sprintf(`member_uins = [%d]`+"\n"+`search_key = "x"`, acctest.OddMember), acctest.ErrorMatching("Invalid Attribute Combination", "member_uins")},
		{"member_uins without bindings", fmt.Sprintf(`member_uins = [%d]`+"\n"+`include_email_bind = false`, acctest.OddMember), acctest.ErrorMatching("Nothing to Read", "include_email_bind")},
		{"a member_uin not in the organization", `member_uins = [100000000404]`, acctest.ErrorMatching("Cannot Read Every Member's Email Binding",
			"member 100000000404: ResourceNotFound.OrganizationMemberNotExist", "Organization Member Not Found", "Check member_uins against the member list")},
		{"a fraction in member_uins", `member_uins = [1.5]`, acctest.ErrorMatching("Invalid Whole Number", "member_uins must be a member account's UIN, a whole number from 1", "but it is 1.5")},
		{"a member_uin beyond int64", `member_uins = [9223372036854775808]`, acctest.ErrorMatching("Invalid Whole Number", "member_uins must be", "but it is 9223372036854775808")},
		{"a fractional unit id", `node_id = 2.5`, acctest.ErrorMatching("Invalid Whole Number", "node_id must be an organization unit's ID, a whole number from 0", "but it is 2.5")},
		{"a status in lower case", `bind_status = ["success"]`, acctest.ErrorMatching("bind_status", `value must be one of`, "Success")},
		{"an empty status set", `bind_status = []`, acctest.ErrorMatching("bind_status", "set must contain at least 1 elements")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: acctest.InventoryConfig(endpoints.Organization, tt.arguments), ExpectError: tt.want}},
			})
		})
	}
}

func TestAccInventoryOfACallerInNoOrganization(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 3, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "AKIDloner"
  secret_key = "loner-key"`) + `
data "tencentcloud_organization_member_email_binds" "all" {}
`,
			ExpectError: acctest.ErrorMatching("Caller Is Not in an Organization", "ResourceNotFound.OrganizationNotExist", "RequestId: "),
		}},
	})
}

func TestAccInventoryOfAMemberTakesBeingTheDelegatedAdminOfTheProductItNames(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 3, ""))
	member := func(secretID, secretKey, arguments string) string {
		return acctest.ProviderBlockWith(endpoints.Organization, fmt.Sprintf(`secret_id = %q
  secret_key = %q`, secretID, secretKey)) + fmt.Sprintf(`
data "tencentcloud_organization_member_email_binds" "all" {
  %s
}
`, arguments)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      member("AKIDmember", "member-key", ""),
				ExpectError: acctest.ErrorMatching("Not Authorized", "organization:DescribeOrganizationMembers", "UnauthorizedOperation", "RequestId: "),
			},
			{
				Config:      member("AKIDdelegate", "delegate-key", ""),
				ExpectError: acctest.ErrorMatching("Not Authorized", "UnauthorizedOperation", "must send its service as `Product`"),
			},
			{
				Config: member("AKIDdelegate", "delegate-key", `product = "CloudAudit"`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectInventory("total", knownvalue.Int64Exact(3)),
					acctest.ExpectMember(0, "email_bind", knownvalue.ObjectPartial(map[string]knownvalue.Check{"bind_status": knownvalue.StringExact("Success")})),
				},
			},
		},
	})
}
