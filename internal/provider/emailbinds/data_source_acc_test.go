// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

func TestAccInventoryReadsEveryMemberOverThreePages(t *testing.T) {
	srv, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 120, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.InventoryConfig(endpoints.Organization, ""),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectInventory("total", knownvalue.Int64Exact(120)),
				acctest.ExpectInventory("members", knownvalue.ListSizeExact(120)),
				acctest.ExpectInventory("listing_consistent", knownvalue.Bool(true)),
				acctest.ExpectInventory("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"Success": knownvalue.Int64Exact(91), "Unbound": knownvalue.Int64Exact(28),
				})),
				acctest.ExpectMember(0, "member_uin", knownvalue.Int64Exact(acctest.FirstInventoryUin)),
				acctest.ExpectMember(119, "member_uin", knownvalue.Int64Exact(acctest.FirstInventoryUin+119)),
				acctest.ExpectMember(0, "name", knownvalue.StringExact("member-0")),
				acctest.ExpectMember(0, "email_bind", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"bind_id": knownvalue.Int64Exact(1000), "bind_status": knownvalue.StringExact("Success"),
					"email": knownvalue.StringExact("m0@example.com"), "phone": knownvalue.Null(),
				})),
			},
		}},
	})
	pages := acctest.Requests(srv, "DescribeOrganizationMembers")
	if len(pages) < 3 {
		t.Fatalf("%d listing requests; want at least 3 pages", len(pages))
	}
	if pages[0].Params["Limit"] != "50" {
		t.Errorf("the first listing request has Limit %s; want pages of 50", pages[0].Params["Limit"])
	}
}

func TestAccInventoryKeepsValuesExactAndNullsNull(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 10, ""))
	const odd, empty = 7, 9 // the indexes of acctest.OddMember and of the member with no fields
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.InventoryConfig(endpoints.Organization, ""),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectMember(odd, "member_uin", knownvalue.Int64Exact(acctest.OddMember)),
				acctest.ExpectMember(odd, "node_id", knownvalue.Int64Exact(9007199254740993)),
				acctest.ExpectMember(odd, "name", knownvalue.StringExact("Odd One")),
				acctest.ExpectMember(odd, "nick_name", knownvalue.StringExact("odd")),
				acctest.ExpectMember(odd, "member_type", knownvalue.StringExact("Invite")),
				acctest.ExpectMember(odd, "node_name", knownvalue.StringExact("Big")),
				acctest.ExpectMember(odd, "remark", knownvalue.StringExact("")),
				acctest.ExpectMember(odd, "create_time", knownvalue.StringExact("2022-01-13 12:09:08")),
				acctest.ExpectMember(odd, "update_time", knownvalue.Null()),
				acctest.ExpectMember(odd, "is_allow_quit", knownvalue.StringExact("Denied")),
				acctest.ExpectMember(odd, "pay_uin", knownvalue.StringExact("100000000001")),
				acctest.ExpectMember(odd, "pay_name", knownvalue.StringExact("admin")),
				acctest.ExpectMember(odd, "permission_status", knownvalue.StringExact("Confirmed")),
				acctest.ExpectMember(odd, "org_policy_type", knownvalue.StringExact("Financial")),
				acctest.ExpectMember(odd, "org_policy_name", knownvalue.StringExact("Finance management")),
				acctest.ExpectMember(odd, "bind_status", knownvalue.StringExact("Valid")),
				acctest.ExpectMember(odd, "tags", knownvalue.ListExact([]knownvalue.Check{})),
				acctest.ExpectMember(odd, "org_permission", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(1), "name": knownvalue.StringExact("View bills")}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(2), "name": knownvalue.Null()}),
				})),
				acctest.ExpectMember(odd, "org_identity", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"identity_id": knownvalue.Int64Exact(9007199254740993), "identity_alias_name": knownvalue.StringExact("Admin"),
					}),
				})),
				// The binding's status counts, not the listing's.
				acctest.ExpectMember(odd, "email_bind", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"bind_id": knownvalue.Int64Exact(9007199254740993), "apply_time": knownvalue.Null(), "email": knownvalue.Null(),
					"phone": knownvalue.Null(), "bind_status": knownvalue.StringExact("Success"), "bind_time": knownvalue.Null(),
					"description": knownvalue.StringExact(""), "phone_bind": knownvalue.Int64Exact(0), "country_code": knownvalue.Null(),
				})),
				acctest.ExpectMember(empty, "name", knownvalue.Null()),
				acctest.ExpectMember(empty, "node_id", knownvalue.Null()),
				acctest.ExpectMember(empty, "tags", knownvalue.Null()),
				acctest.ExpectMember(empty, "org_permission", knownvalue.Null()),
				acctest.ExpectMember(empty, "bind_status", knownvalue.Null()),
				acctest.ExpectMember(empty, "email_bind", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"bind_id": knownvalue.Null(), "apply_time": knownvalue.Null(), "email": knownvalue.Null(),
					"phone": knownvalue.Null(), "bind_status": knownvalue.Null(), "bind_time": knownvalue.Null(),
					"description": knownvalue.Null(), "phone_bind": knownvalue.Null(), "country_code": knownvalue.Null(),
				})),
				acctest.ExpectMember(0, "tags", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"key": knownvalue.StringExact("env"), "value": knownvalue.StringExact("prod"),
				})})),
			},
		}},
	})
}

func TestAccInventoryOfNamedMembersSkipsTheListing(t *testing.T) {
	srv, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 10, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.InventoryConfig(endpoints.Organization, fmt.Sprintf(`member_uins = [%d, %d]`, acctest.OddMember, acctest.FirstInventoryUin+3)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectInventory("total", knownvalue.Int64Exact(2)),
				acctest.ExpectInventory("listing_consistent", knownvalue.Null()),
				acctest.ExpectMember(0, "member_uin", knownvalue.Int64Exact(acctest.FirstInventoryUin+3)),
				acctest.ExpectMember(0, "name", knownvalue.Null()),
				acctest.ExpectMember(0, "bind_status", knownvalue.Null()),
				acctest.ExpectMember(0, "email_bind", knownvalue.ObjectPartial(map[string]knownvalue.Check{"bind_status": knownvalue.StringExact("Unbound")})),
				acctest.ExpectMember(1, "member_uin", knownvalue.Int64Exact(acctest.OddMember)),
				acctest.ExpectInventory("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"Success": knownvalue.Int64Exact(1), "Unbound": knownvalue.Int64Exact(1),
				})),
			},
		}},
	})
	if n := len(acctest.Requests(srv, "DescribeOrganizationMembers")); n != 0 {
		t.Errorf("member_uins made %d listing requests, want none", n)
	}
}

func TestAccInventoryWithoutBindingsMakesOnlyListingCalls(t *testing.T) {
	srv, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 120, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.InventoryConfig(endpoints.Organization, `include_email_bind = false`),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectInventory("total", knownvalue.Int64Exact(120)),
				acctest.ExpectMember(0, "email_bind", knownvalue.Null()),
				acctest.ExpectMember(7, "bind_status", knownvalue.StringExact("Valid")),
				// From the listing: the odd member counts as Valid here.
				acctest.ExpectInventory("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"Success": knownvalue.Int64Exact(90), "Unbound": knownvalue.Int64Exact(28), "Valid": knownvalue.Int64Exact(1),
				})),
			},
		}},
	})
	if n := len(acctest.Requests(srv, "DescribeOrganizationMemberEmailBind")); n != 0 {
		t.Errorf("include_email_bind = false made %d binding calls, want none", n)
	}
}

func TestAccInventoryBindStatusFilterReadsOnlyMatchingMembers(t *testing.T) {
	srv, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 20, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// The odd member is Valid in the listing but Success in its
			// binding: read because of the listing, dropped because of the binding.
			Config: acctest.InventoryConfig(endpoints.Organization, `bind_status = ["Unbound", "Valid"]`),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectInventory("total", knownvalue.Int64Exact(3)),
				acctest.ExpectInventory("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{"Unbound": knownvalue.Int64Exact(3)})),
			},
		}},
	})
	// Members 3, 11 and 15 are Unbound, 7 is the odd member, and 19 has no
	// status in the listing, so only its binding can tell.
	binds := map[int64]bool{}
	for _, r := range acctest.Requests(srv, "DescribeOrganizationMemberEmailBind") {
		binds[r.MemberUin] = true
	}
	want := map[int64]bool{acctest.FirstInventoryUin + 3: true, acctest.FirstInventoryUin + 7: true, acctest.FirstInventoryUin + 11: true, acctest.FirstInventoryUin + 15: true, acctest.FirstInventoryUin + 19: true}
	if fmt.Sprint(binds) != fmt.Sprint(want) {
		t.Errorf("bindings read for %v, want only %v", binds, want)
	}
}
