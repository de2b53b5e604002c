// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// The organization a whole-organization read is tested on.
const (
	InventoryAddress = "data.tencentcloud_organization_member_email_binds.all"
	// FirstInventoryUin is past 2^53, so that any float64 on the way shows.
	FirstInventoryUin int64 = 9007199254740993
	// OddMember has every listing field, odd values included; the last
	// member of the organization has none at all.
	OddMember int64 = FirstInventoryUin + 7
)

// InventoryWorld is an organization of n members, listed in reverse order
// of UIN, with every fourth member Unbound and the rest Success, members
// in unit 2001 "Finance" or 2002 "Ops", tagged env=prod or env=dev, and
// extra top-level JSON (such as faults) spliced in. The first member,
// AKIDdelegate's, is the delegated admin of the trusted service CloudAudit;
// the second, AKIDmember's, is a plain member.
func InventoryWorld(t testing.TB, n int, extra string) emulator.World {
	t.Helper()
	var members []string
	for i := n - 1; i >= 0; i-- {
		uin := FirstInventoryUin + int64(i)
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
		case uin == OddMember:
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
                     "members": [%s]}]%s}`, FirstInventoryUin, FirstInventoryUin+1, FirstInventoryUin, strings.Join(members, ",\n"), extra)
	world, err := emulator.ParseWorld([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return world
}

// InventoryConfig configures the provider with the inventory world's key
// and reads the data source with the given arguments.
func InventoryConfig(endpoint, arguments string) string {
	return ProviderBlockWith(endpoint, `secret_id = "AKIDinv"
  secret_key = "inv-key"
  max_retries = 2`) + fmt.Sprintf(`
data "tencentcloud_organization_member_email_binds" "all" {
  %s
}
`, arguments)
}

// ExpectInventory checks an attribute of the whole-organization read.
func ExpectInventory(name string, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(InventoryAddress, tfjsonpath.New(name), value)
}

// ExpectMember checks an attribute of the read's member at index.
func ExpectMember(index int, name string, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(InventoryAddress, tfjsonpath.New("members").AtSliceIndex(index).AtMapKey(name), value)
}

// Requests are the emulator's requests of one action.
func Requests(srv *emulator.Server, action string) []emulator.Request {
	var out []emulator.Request
	for _, r := range srv.Requests() {
		if r.Action == action {
			out = append(out, r)
		}
	}
	return out
}
