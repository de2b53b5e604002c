// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// orgWithMember is a world of one organization (admin 1, node 7) whose
// only member, uin 2, has the given listing.
func orgWithMember(listing string) string {
	return `{"organizations": [{"admin_uin": 1, "nodes": [{"node_id": 7, "name": "Unit"}],
	  "members": [{"member_uin": 2, "listing": ` + listing + `}]}]}`
}

func orgWithFaults(faults string) string {
	return `{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 2}, {"member_uin": 3}]}], "faults": ` + faults + `}`
}

func TestWorldListingMistakesAreNamedByPath(t *testing.T) {
	for name, tt := range map[string]struct{ doc, want string }{
		"listing not an object":     {orgWithMember(`[]`), `organizations[0].members[0].listing: must be an object`},
		"unknown field":             {orgWithMember(`{"Nickname": "x"}`), `listing: "Nickname" is not a field of OrgMember`},
		"member uin in the listing": {orgWithMember(`{"MemberUin": 2}`), `listing: "MemberUin" is not a field of OrgMember other than MemberUin`},
		"name as number":            {orgWithMember(`{"Name": 5}`), `listing: Name must be a string or null, got 5`},
		"pay uin as number":         {orgWithMember(`{"PayUin": 100000000001}`), `listing: PayUin must be a string`},
		"node id as string":         {orgWithMember(`{"NodeId": "7"}`), `listing: NodeId must be an integer that fits in 64 bits or null, got "7"`},
		"fractional node id":        {orgWithMember(`{"NodeId": 7.5}`), `listing: NodeId must be an integer`},
		"node id past int64":        {orgWithMember(`{"NodeId": 9223372036854775808}`), `listing: NodeId must be an integer`},
		"permissions not a list":    {orgWithMember(`{"OrgPermission": {"Id": 1}}`), `listing: OrgPermission must be an array or null`},
		"negative permission id":    {orgWithMember(`{"OrgPermission": [{"Id": -1, "Name": "x"}]}`), `listing: OrgPermission[0].Id must be a non-negative integer or null, got -1`},
		"unknown permission field":  {orgWithMember(`{"OrgPermission": [null, {"ID": 1}]}`), `listing: OrgPermission[1]: "ID" is not a field of OrgPermission`},
		"identity id as string":     {orgWithMember(`{"OrgIdentity": [{"IdentityId": "1"}]}`), `listing: OrgIdentity[0].IdentityId must be an integer`},
		"identity name as number":   {orgWithMember(`{"OrgIdentity": [{"IdentityAliasName": 1}]}`), `listing: OrgIdentity[0].IdentityAliasName must be a string`},
		"tag not an object":         {orgWithMember(`{"Tags": ["env"]}`), `listing: Tags[0] must be an object or null, got "env"`},
		"tag value as number":       {orgWithMember(`{"Tags": [{"TagKey": "env", "TagValue": 1}]}`), `listing: Tags[0].TagValue must be a string`},
		"unknown tag field":         {orgWithMember(`{"Tags": [{"Key": "env"}]}`), `listing: Tags[0]: "Key" is not a field of Tag`},
		"duplicate node": {`{"organizations": [{"admin_uin": 1, "nodes": [{"node_id": 7, "name": "a"}, {"node_id": 7, "name": "b"}]}]}`,
			`organizations[0].nodes[1]: node_id must be positive and unique`},
		"node without id":       {`{"organizations": [{"admin_uin": 1, "nodes": [{"name": "a"}]}]}`, `organizations[0].nodes[0]`},
		"node without name":     {`{"organizations": [{"admin_uin": 1, "nodes": [{"node_id": 7}]}]}`, `organizations[0].nodes[0]`},
		"empty trusted service": {`{"organizations": [{"admin_uin": 1, "trusted_services": ["CloudAudit", ""]}]}`, `organizations[0].trusted_services[1]`},
		"delegated admin of no trusted service": {`{"organizations": [{"admin_uin": 1, "trusted_services": ["CloudAudit"], "members": [{"member_uin": 2}],
			"delegated_admins": [{"product": "Tag", "uin": 2}]}]}`, `organizations[0].delegated_admins[0]: product "Tag" is not one of the organization's trusted_services`},
		"delegated admin not a member": {`{"organizations": [{"admin_uin": 1, "trusted_services": ["CloudAudit"], "members": [{"member_uin": 2}],
			"delegated_admins": [{"product": "CloudAudit", "uin": 3}]}]}`, `organizations[0].delegated_admins[0]: uin 3 is not a member`},
		"delegated admin is the admin": {`{"organizations": [{"admin_uin": 1, "trusted_services": ["CloudAudit"], "members": [{"member_uin": 1}],
			"delegated_admins": [{"product": "CloudAudit", "uin": 1}]}]}`, `organizations[0].delegated_admins[0]: uin 1 is not a member of the organization other than its admin`},
		"delegated admin twice": {`{"organizations": [{"admin_uin": 1, "trusted_services": ["CloudAudit"], "members": [{"member_uin": 2}],
			"delegated_admins": [{"product": "CloudAudit", "uin": 2}, {"product": "CloudAudit", "uin": 2}]}]}`, `organizations[0].delegated_admins[1]: appears more than once`},
		"auth name as number":    {`{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 2, "auth_name": 5}]}]}`, `invalid world JSON`},
		"unknown member key":     {`{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 2, "listings": {}}]}]}`, `invalid world JSON`},
		"email bind still known": {`{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 2, "email_bind": {"Mail": "x"}}]}]}`, `email_bind: "Mail" is not an output field of DescribeOrganizationMemberEmailBind`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := emulator.ParseWorld([]byte(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestWorldListingAcceptsNullsEverywhere(t *testing.T) {
	for _, listing := range []string{
		`null`,
		`{}`,
		`{"Name": null, "NodeId": null, "OrgPermission": null, "OrgIdentity": [null], "Tags": [{"TagKey": null, "TagValue": null}]}`,
		`{"NodeId": -9223372036854775808, "OrgPermission": [{"Id": 18446744073709551615, "Name": null}]}`,
	} {
		if _, err := emulator.ParseWorld([]byte(orgWithMember(listing))); err != nil {
			t.Errorf("listing %s: %v", listing, err)
		}
	}
}

func TestWorldFaultMistakesAreRejected(t *testing.T) {
	for name, tt := range map[string]struct{ faults, want string }{
		"unknown action":              {`[{"kind": "internal_error", "action": "DescribeNothing"}]`, `faults[0]: action "DescribeNothing" is not an action the emulator serves`},
		"member uin with the listing": {`[{"kind": "reset", "action": "DescribeOrganizationMembers", "member_uin": 2}]`, `faults[0]: member_uin matches only DescribeOrganizationMemberEmailBind requests`},
		"after page on an error":      {`[{"kind": "internal_error", "after_page": 1}]`, `faults[0]: after_page and member apply only to kinds`},
		"member on an error":          {`[{"kind": "bad_gateway", "member": {"member_uin": 9}}]`, `faults[0]: after_page and member apply only to kinds`},
		"leaves without after page":   {`[{"kind": "member_leaves", "member_uin": 2}]`, `faults[0]: kind "member_leaves" needs after_page of at least 1`},
		"leaves after page zero":      {`[{"kind": "member_leaves", "member_uin": 2, "after_page": 0}]`, `needs after_page of at least 1`},
		"negative after page":         {`[{"kind": "member_leaves", "member_uin": 2, "after_page": -1}]`, `must not be negative`},
		"leaves with count":           {`[{"kind": "member_leaves", "member_uin": 2, "after_page": 1, "count": 1}]`, `count, delay and action do not apply`},
		"leaves with delay":           {`[{"kind": "member_leaves", "member_uin": 2, "after_page": 1, "delay": "1s"}]`, `count, delay and action do not apply`},
		"leaves with action":          {`[{"kind": "member_leaves", "member_uin": 2, "after_page": 1, "action": "DescribeOrganizationMembers"}]`, `count, delay and action do not apply`},
		"leaves without member uin":   {`[{"kind": "member_leaves", "after_page": 1}]`, `member_uin 0 is not a member of any organization`},
		"the admin leaves":            {`[{"kind": "member_leaves", "member_uin": 1, "after_page": 1}]`, `member_uin 1 is not a member of any organization`},
		"a stranger leaves":           {`[{"kind": "member_leaves", "member_uin": 9, "after_page": 1}]`, `member_uin 9 is not a member`},
		"leaves twice": {`[{"kind": "member_leaves", "member_uin": 2, "after_page": 1}, {"kind": "member_leaves", "member_uin": 2, "after_page": 2}]`,
			`faults[1]: member 2 already leaves`},
		"leaves with a member":        {`[{"kind": "member_leaves", "member_uin": 2, "after_page": 1, "member": {"member_uin": 9}}]`, `takes member_uin, not member`},
		"joins without member":        {`[{"kind": "member_joins", "after_page": 1}]`, `kind "member_joins" takes member, not member_uin`},
		"joins with member uin":       {`[{"kind": "member_joins", "after_page": 1, "member_uin": 9, "member": {"member_uin": 9}}]`, `takes member, not member_uin`},
		"joins with a bad listing":    {`[{"kind": "member_joins", "after_page": 1, "member": {"member_uin": 9, "listing": {"Name": 1}}}]`, `faults[0]: member.listing: Name must be a string`},
		"joins with a bad email bind": {`[{"kind": "member_joins", "after_page": 1, "member": {"member_uin": 9, "email_bind": {"BindId": "1"}}}]`, `faults[0]: member.email_bind: BindId must be`},
		"joins without uin":           {`[{"kind": "member_joins", "after_page": 1, "member": {}}]`, `faults[0]: member.member_uin must be a positive account uin`},
		"a member joins":              {`[{"kind": "member_joins", "after_page": 1, "member": {"member_uin": 3}}]`, `uin 3 already belongs to an organization`},
		"the admin joins":             {`[{"kind": "member_joins", "after_page": 1, "member": {"member_uin": 1}}]`, `uin 1 already belongs to an organization`},
		"joins twice": {`[{"kind": "member_joins", "after_page": 1, "member": {"member_uin": 9}}, {"kind": "member_joins", "after_page": 2, "member": {"member_uin": 9}}]`,
			`faults[1]: member: uin 9 already belongs to an organization or joins by an earlier fault`},
		"joins with an unknown key":       {`[{"kind": "member_joins", "after_page": 1, "member": {"member_uin": 9, "nickname": "x"}}]`, `invalid world JSON`},
		"short listing of another action": {`[{"kind": "listing_short", "action": "AssumeRole"}]`, `action must be empty or DescribeOrganizationMembers`},
		"short listing of one member":     {`[{"kind": "listing_short", "member_uin": 2}]`, `member_uin, after_page and member do not apply to kind "listing_short"`},
		"total bonus without a bonus":     {`[{"kind": "listing_total_bonus", "count": 1}]`, `kind "listing_total_bonus" needs a positive bonus`},
		"bonus on another kind":           {`[{"kind": "listing_short", "bonus": 5}]`, `bonus applies only to kind "listing_total_bonus"`},
		"total deficit without a deficit": {`[{"kind": "listing_total_deficit", "count": 1}]`, `kind "listing_total_deficit" needs a positive deficit`},
		"deficit on another kind":         {`[{"kind": "listing_total_bonus", "bonus": 5, "deficit": 5}]`, `deficit applies only to kind "listing_total_deficit"`},
		"total deficit of a member":       {`[{"kind": "listing_total_deficit", "deficit": 5, "member_uin": 2}]`, `do not apply to kind "listing_total_deficit"`},
		"total deficit of another action": {`[{"kind": "listing_total_deficit", "deficit": 5, "action": "AssumeRole"}]`, `action must be empty or DescribeOrganizationMembers`},
		"negative deficit":                {`[{"kind": "listing_total_deficit", "deficit": -5}]`, `invalid world JSON`},
		"churn without a member":          {`[{"kind": "member_churn"}]`, `kind "member_churn" takes member`},
		"churn after a page":              {`[{"kind": "member_churn", "after_page": 2, "member": {"member_uin": 9}}]`, `do not apply to kind "member_churn"`},
		"churn of a member":               {`[{"kind": "member_churn", "member": {"member_uin": 3}}]`, `uin 3 already belongs to an organization`},
		"throttled with a delay":          {`[{"kind": "throttled", "delay": "1s"}]`, `delay applies only to kind "delay"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := emulator.ParseWorld([]byte(orgWithFaults(tt.faults)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestWorldFaultsOfEveryNewFormAreAccepted(t *testing.T) {
	faults := `[
	  {"kind": "internal_error", "action": "DescribeOrganizationMembers", "count": 1},
	  {"kind": "delay", "action": "AssumeRole", "delay": "1s"},
	  {"kind": "reset", "action": "DescribeOrganizationMemberEmailBind", "member_uin": 2},
	  {"kind": "member_leaves", "member_uin": 2, "after_page": 1},
	  {"kind": "member_joins", "after_page": 1, "member": {"member_uin": 9, "auth_name": "New Ltd", "listing": {"Name": "n"}}},
	  {"kind": "throttled", "action": "DescribeOrganizationMembers", "count": 2},
	  {"kind": "listing_short", "count": 1},
	  {"kind": "listing_total_bonus", "bonus": 100000},
	  {"kind": "listing_total_deficit", "deficit": 20, "count": 1},
	  {"kind": "member_churn", "count": 3, "member": {"member_uin": 20, "email_bind": {"BindStatus": "Unbound"}}}]`
	if _, err := emulator.ParseWorld([]byte(orgWithFaults(faults))); err != nil {
		t.Fatal(err)
	}
}
