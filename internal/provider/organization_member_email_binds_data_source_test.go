// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

const (
	inventoryAddress = "data.tencentcloud_organization_member_email_binds.all"
	// firstInventoryUin is past 2^53, so that any float64 on the way shows.
	firstInventoryUin = 9007199254740993
	// oddMember has every listing field, odd values included; the last
	// member of the organization has none at all.
	oddMember = firstInventoryUin + 7
)

// inventoryWorld is an organization of n members, listed in reverse order
// of UIN, with every fourth member Unbound and the rest Success, members
// in unit 2001 "Finance" or 2002 "Ops", tagged env=prod or env=dev, and
// extra top-level JSON (such as faults) spliced in. The first member,
// AKIDdelegate's, is the delegated admin of the trusted service CloudAudit;
// the second, AKIDmember's, is a plain member.
func inventoryWorld(t *testing.T, n int, extra string) emulator.World {
	t.Helper()
	var members []string
	for i := n - 1; i >= 0; i-- {
		uin := int64(firstInventoryUin + i)
		status, node, env := "Success", `"NodeId": 2001, "NodeName": "Finance"`, "prod"
		if i%4 == 3 {
			status = "Unbound"
		}
		if i%2 == 1 {
			node, env = `"NodeId": 2002, "NodeName": "Ops"`, "dev"
		}
		listing := fmt.Sprintf(`{"Name": "member-%d", %s, "Tags": [{"TagKey": "env", "TagValue": %q}]}`, i, node, env)
		bind := fmt.Sprintf(`{"BindId": %d, "BindStatus": %q, "Email": "m%d@example.com", "PhoneBind": 1}`, 1000+i, status, i)
		switch {
		case uin == oddMember:
			listing = `{"Name": "Odd One", "NickName": "odd", "MemberType": "Invite", "NodeId": 9007199254740993, "NodeName": "Big",
			  "Remark": "", "CreateTime": "2022-01-13 12:09:08", "UpdateTime": null, "IsAllowQuit": "Denied",
			  "PayUin": "100000000001", "PayName": "admin", "PermissionStatus": "Confirmed", "OrgPolicyType": "Financial",
			  "OrgPolicyName": "Finance management", "OrgPermission": [{"Id": 1, "Name": "View bills"}, {"Id": 2, "Name": null}],
			  "OrgIdentity": [{"IdentityId": 9007199254740993, "IdentityAliasName": "Admin"}], "Tags": [], "BindStatus": "Valid"}`
			bind = `{"BindId": 9007199254740993, "BindStatus": "Success", "Email": null, "Description": "", "PhoneBind": 0}`
		case i == n-1:
			listing, bind = `{}`, `{}`
		}
		members = append(members, fmt.Sprintf(`{"member_uin": %d, "auth_name": "Company %d", "listing": %s, "email_bind": %s}`, uin, i%3, listing, bind))
	}
	doc := fmt.Sprintf(`{"rate_limit": 1000,
  "credentials": [{"secret_id": "AKIDinv", "secret_key": "inv-key", "uin": 1},
                  {"secret_id": "AKIDloner", "secret_key": "loner-key", "uin": 9},
                  {"secret_id": "AKIDdelegate", "secret_key": "delegate-key", "uin": %d},
                  {"secret_id": "AKIDmember", "secret_key": "member-key", "uin": %d}],
  "organizations": [{"admin_uin": 1, "nodes": [{"node_id": 3000, "name": "Empty"}], "trusted_services": ["CloudAudit"],
                     "delegated_admins": [{"product": "CloudAudit", "uin": %d}],
                     "members": [%s]}]%s}`, firstInventoryUin, firstInventoryUin+1, firstInventoryUin, strings.Join(members, ",\n"), extra)
	world, err := emulator.ParseWorld([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return world
}

// inventoryConfig configures the provider with the inventory world's key
// and reads the data source with the given arguments.
func inventoryConfig(endpoint, arguments string) string {
	return providerBlockWith(endpoint, `secret_id = "AKIDinv"
  secret_key = "inv-key"
  max_retries = 2`) + fmt.Sprintf(`
data "tencentcloud_organization_member_email_binds" "all" {
  %s
}
`, arguments)
}

func expectInventory(name string, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(inventoryAddress, tfjsonpath.New(name), value)
}

func expectMember(index int, name string, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(inventoryAddress, tfjsonpath.New("members").AtSliceIndex(index).AtMapKey(name), value)
}

// requestsOf returns the emulator's requests of one action.
func requestsOf(srv *emulator.Server, action string) []emulator.Request {
	var out []emulator.Request
	for _, r := range srv.Requests() {
		if r.Action == action {
			out = append(out, r)
		}
	}
	return out
}

func TestAccInventoryReadsEveryMemberOverThreePages(t *testing.T) {
	srv, endpoints := acctest.ServeWorld(t, inventoryWorld(t, 120, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: inventoryConfig(endpoints.Organization, ""),
			ConfigStateChecks: []statecheck.StateCheck{
				expectInventory("total", knownvalue.Int64Exact(120)),
				expectInventory("members", knownvalue.ListSizeExact(120)),
				expectInventory("listing_consistent", knownvalue.Bool(true)),
				expectInventory("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"Success": knownvalue.Int64Exact(91), "Unbound": knownvalue.Int64Exact(28),
				})),
				expectMember(0, "member_uin", knownvalue.Int64Exact(firstInventoryUin)),
				expectMember(119, "member_uin", knownvalue.Int64Exact(firstInventoryUin+119)),
				expectMember(0, "name", knownvalue.StringExact("member-0")),
				expectMember(0, "email_bind", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"bind_id": knownvalue.Int64Exact(1000), "bind_status": knownvalue.StringExact("Success"),
					"email": knownvalue.StringExact("m0@example.com"), "phone": knownvalue.Null(),
				})),
			},
		}},
	})
	pages := requestsOf(srv, "DescribeOrganizationMembers")
	if len(pages) < 3 || pages[0].Params["Limit"] != "50" {
		t.Errorf("%d listing requests, first with Limit %s; want pages of 50", len(pages), pages[0].Params["Limit"])
	}
}

func TestAccInventoryKeepsValuesExactAndNullsNull(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, inventoryWorld(t, 10, ""))
	const odd, empty = 7, 9 // the indexes of oddMember and of the member with no fields
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: inventoryConfig(endpoints.Organization, ""),
			ConfigStateChecks: []statecheck.StateCheck{
				expectMember(odd, "member_uin", knownvalue.Int64Exact(oddMember)),
				expectMember(odd, "node_id", knownvalue.Int64Exact(9007199254740993)),
				expectMember(odd, "name", knownvalue.StringExact("Odd One")),
				expectMember(odd, "nick_name", knownvalue.StringExact("odd")),
				expectMember(odd, "member_type", knownvalue.StringExact("Invite")),
				expectMember(odd, "node_name", knownvalue.StringExact("Big")),
				expectMember(odd, "remark", knownvalue.StringExact("")),
				expectMember(odd, "create_time", knownvalue.StringExact("2022-01-13 12:09:08")),
				expectMember(odd, "update_time", knownvalue.Null()),
				expectMember(odd, "is_allow_quit", knownvalue.StringExact("Denied")),
				expectMember(odd, "pay_uin", knownvalue.StringExact("100000000001")),
				expectMember(odd, "pay_name", knownvalue.StringExact("admin")),
				expectMember(odd, "permission_status", knownvalue.StringExact("Confirmed")),
				expectMember(odd, "org_policy_type", knownvalue.StringExact("Financial")),
				expectMember(odd, "org_policy_name", knownvalue.StringExact("Finance management")),
				expectMember(odd, "bind_status", knownvalue.StringExact("Valid")),
				expectMember(odd, "tags", knownvalue.ListExact([]knownvalue.Check{})),
				expectMember(odd, "org_permission", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(1), "name": knownvalue.StringExact("View bills")}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(2), "name": knownvalue.Null()}),
				})),
				expectMember(odd, "org_identity", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"identity_id": knownvalue.Int64Exact(9007199254740993), "identity_alias_name": knownvalue.StringExact("Admin"),
					}),
				})),
				// The binding's status counts, not the listing's.
				expectMember(odd, "email_bind", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"bind_id": knownvalue.Int64Exact(9007199254740993), "apply_time": knownvalue.Null(), "email": knownvalue.Null(),
					"phone": knownvalue.Null(), "bind_status": knownvalue.StringExact("Success"), "bind_time": knownvalue.Null(),
					"description": knownvalue.StringExact(""), "phone_bind": knownvalue.Int64Exact(0), "country_code": knownvalue.Null(),
				})),
				expectMember(empty, "name", knownvalue.Null()),
				expectMember(empty, "node_id", knownvalue.Null()),
				expectMember(empty, "tags", knownvalue.Null()),
				expectMember(empty, "org_permission", knownvalue.Null()),
				expectMember(empty, "bind_status", knownvalue.Null()),
				expectMember(empty, "email_bind", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"bind_id": knownvalue.Null(), "apply_time": knownvalue.Null(), "email": knownvalue.Null(),
					"phone": knownvalue.Null(), "bind_status": knownvalue.Null(), "bind_time": knownvalue.Null(),
					"description": knownvalue.Null(), "phone_bind": knownvalue.Null(), "country_code": knownvalue.Null(),
				})),
				expectMember(0, "tags", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"key": knownvalue.StringExact("env"), "value": knownvalue.StringExact("prod"),
				})})),
			},
		}},
	})
}

func TestAccInventoryOfNamedMembersSkipsTheListing(t *testing.T) {
	srv, endpoints := acctest.ServeWorld(t, inventoryWorld(t, 10, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: inventoryConfig(endpoints.Organization, fmt.Sprintf(`member_uins = [%d, %d]`, oddMember, firstInventoryUin+3)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectInventory("total", knownvalue.Int64Exact(2)),
				expectInventory("listing_consistent", knownvalue.Null()),
				expectMember(0, "member_uin", knownvalue.Int64Exact(firstInventoryUin+3)),
				expectMember(0, "name", knownvalue.Null()),
				expectMember(0, "bind_status", knownvalue.Null()),
				expectMember(0, "email_bind", knownvalue.ObjectPartial(map[string]knownvalue.Check{"bind_status": knownvalue.StringExact("Unbound")})),
				expectMember(1, "member_uin", knownvalue.Int64Exact(oddMember)),
				expectInventory("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"Success": knownvalue.Int64Exact(1), "Unbound": knownvalue.Int64Exact(1),
				})),
			},
		}},
	})
	if n := len(requestsOf(srv, "DescribeOrganizationMembers")); n != 0 {
		t.Errorf("member_uins made %d listing requests, want none", n)
	}
}

func TestAccInventoryWithoutBindingsMakesOnlyListingCalls(t *testing.T) {
	srv, endpoints := acctest.ServeWorld(t, inventoryWorld(t, 120, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: inventoryConfig(endpoints.Organization, `include_email_bind = false`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectInventory("total", knownvalue.Int64Exact(120)),
				expectMember(0, "email_bind", knownvalue.Null()),
				expectMember(7, "bind_status", knownvalue.StringExact("Valid")),
				// From the listing: the odd member counts as Valid here.
				expectInventory("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"Success": knownvalue.Int64Exact(90), "Unbound": knownvalue.Int64Exact(28), "Valid": knownvalue.Int64Exact(1),
				})),
			},
		}},
	})
	if n := len(requestsOf(srv, "DescribeOrganizationMemberEmailBind")); n != 0 {
		t.Errorf("include_email_bind = false made %d binding calls, want none", n)
	}
}

func TestAccInventoryBindStatusFilterReadsOnlyMatchingMembers(t *testing.T) {
	srv, endpoints := acctest.ServeWorld(t, inventoryWorld(t, 20, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// The odd member is Valid in the listing but Success in its
			// binding: read because of the listing, dropped because of the binding.
			Config: inventoryConfig(endpoints.Organization, `bind_status = ["Unbound", "Valid"]`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectInventory("total", knownvalue.Int64Exact(3)),
				expectInventory("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{"Unbound": knownvalue.Int64Exact(3)})),
			},
		}},
	})
	// Members 3, 11 and 15 are Unbound, 7 is the odd member, and 19 has no
	// status in the listing, so only its binding can tell.
	binds := map[int64]bool{}
	for _, r := range requestsOf(srv, "DescribeOrganizationMemberEmailBind") {
		binds[r.MemberUin] = true
	}
	want := map[int64]bool{firstInventoryUin + 3: true, firstInventoryUin + 7: true, firstInventoryUin + 11: true, firstInventoryUin + 15: true, firstInventoryUin + 19: true}
	if fmt.Sprint(binds) != fmt.Sprint(want) {
		t.Errorf("bindings read for %v, want only %v", binds, want)
	}
}
