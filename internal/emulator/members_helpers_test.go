// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
)

const (
	uinProd    int64 = 100033118139
	uinStaging int64 = 100033118140
	uinBig     int64 = 100033118141
	// fillers is how many plain members follow the three above.
	fillers = 9
)

// membersWorld is an organization of 12 members: three with rich listings,
// then fillers named member-1 to member-9 with uins 100033118201 onwards.
// faults is spliced in as the world's "faults" value.
func membersWorld(faults string) string {
	members := []string{
		`{"member_uin": 100033118139, "auth_name": "Example Ltd",
		  "listing": {"Name": "prod", "NickName": "p", "MemberType": "Invite", "NodeId": 2001, "NodeName": "Finance",
		    "Remark": "r", "CreateTime": "2022-01-13 12:09:08", "UpdateTime": "2022-01-13 12:09:08",
		    "IsAllowQuit": "Allow", "PayUin": "100000000001", "PayName": "admin", "PermissionStatus": "Confirmed",
		    "OrgPolicyType": "Financial", "OrgPolicyName": "Finance management",
		    "OrgPermission": [{"Id": 1, "Name": "View bills"}],
		    "OrgIdentity": [{"IdentityId": 1, "IdentityAliasName": "Admin"}],
		    "Tags": [{"TagKey": "env", "TagValue": "prod"}], "BindStatus": "Success"},
		  "email_bind": {"BindStatus": "Failed", "Email": "prod@example.com"}}`,
		`{"member_uin": 100033118140, "auth_name": "Other Corp",
		  "listing": {"Name": "Staging", "NodeId": 2001, "NodeName": "Finance", "Remark": null,
		    "Tags": [{"TagKey": "env", "TagValue": "staging"}, {"TagKey": "team", "TagValue": "core"}]},
		  "email_bind": {"BindStatus": "Unbound"}}`,
		`{"member_uin": 100033118141,
		  "listing": {"Name": "Big node", "NodeId": 9007199254740993, "NodeName": "Research", "BindStatus": null,
		    "OrgPermission": null, "Tags": [{"TagKey": "team", "TagValue": null}, null]},
		  "email_bind": {"BindStatus": "Success"}}`,
	}
	for i := 1; i <= fillers; i++ {
		members = append(members, fmt.Sprintf(`{"member_uin": %d, "listing": {"Name": "member-%d"}}`, fillerUin(i), i))
	}
	if faults == "" {
		faults = "[]"
	}
	return `{
  "credentials": [
    {"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 100000000001},
    {"secret_id": "AKIDmember", "secret_key": "member-key", "uin": 100033118140},
    {"secret_id": "AKIDloner", "secret_key": "loner-key", "uin": 100000000009},
    {"secret_id": "AKIDjoiner", "secret_key": "joiner-key", "uin": 100099000001},
    {"secret_id": "AKIDdelegate", "secret_key": "delegate-key", "uin": 100033118141}
  ],
  "organizations": [{
    "admin_uin": 100000000001,
    "nodes": [{"node_id": 2001, "name": "Finance"}, {"node_id": 4001, "name": "Empty unit"}],
    "trusted_services": ["CloudAudit", "Tag"],
    "delegated_admins": [{"product": "CloudAudit", "uin": 100033118141}],
    "members": [` + strings.Join(members, ",\n") + `]
  }],
  "faults": ` + faults + `
}`
}

func fillerUin(i int) int64 { return 100033118200 + int64(i) }

// allUins is every member of membersWorld in world order.
func allUins() []int64 {
	uins := []int64{uinProd, uinStaging, uinBig}
	for i := 1; i <= fillers; i++ {
		uins = append(uins, fillerUin(i))
	}
	return uins
}

var (
	memberCred = common.NewCredential("AKIDmember", "member-key")
	lonerCred  = common.NewCredential("AKIDloner", "loner-key")
	joinerCred = common.NewCredential("AKIDjoiner", "joiner-key")
	// delegateCred is uinBig's, the delegated admin of CloudAudit.
	delegateCred = common.NewCredential("AKIDdelegate", "delegate-key")
)

// page is a decoded DescribeOrganizationMembers response.
type page struct {
	Items []map[string]any
	Total string
}

func (p page) uins() []int64 {
	uins := make([]int64, len(p.Items))
	for i, item := range p.Items {
		n, _ := strconv.ParseInt(toString(item["MemberUin"]), 10, 64)
		uins[i] = n
	}
	return uins
}

func listMembers(t *testing.T, baseURL string, cred *common.Credential, params map[string]any) (page, *tcerr.TencentCloudSDKError) {
	t.Helper()
	resp, apiErr := call(t, baseURL, cred, "2021-03-31", "DescribeOrganizationMembers", params)
	if apiErr != nil {
		return page{}, apiErr
	}
	items, ok := resp["Items"].([]any)
	if !ok {
		t.Fatalf("Items = %#v, want an array", resp["Items"])
	}
	var p page
	for _, item := range items {
		member, ok := item.(map[string]any)
		if !ok {
			t.Fatalf("item %#v is not an object", item)
		}
		p.Items = append(p.Items, member)
	}
	p.Total = toString(resp["Total"])
	return p, nil
}

func mustList(t *testing.T, baseURL string, cred *common.Credential, params map[string]any) page {
	t.Helper()
	p, apiErr := listMembers(t, baseURL, cred, params)
	if apiErr != nil {
		t.Fatalf("DescribeOrganizationMembers %v: %v", params, apiErr)
	}
	return p
}
