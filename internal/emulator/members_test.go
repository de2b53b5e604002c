// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
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

func TestListingPagesThroughEveryMember(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, membersWorld(""))
	var seen []int64
	for offset := 0; offset <= 15; offset += 5 {
		p := mustList(t, endpoints.Organization, adminCred, map[string]any{"Offset": offset, "Limit": 5})
		if p.Total != "12" {
			t.Errorf("offset %d: Total = %s, want 12", offset, p.Total)
		}
		if want := min(5, max(0, 12-offset)); len(p.Items) != want {
			t.Errorf("offset %d: %d items, want %d", offset, len(p.Items), want)
		}
		seen = append(seen, p.uins()...)
	}
	if !slices.Equal(seen, allUins()) {
		t.Errorf("pages listed %v, want every member in world order %v", seen, allUins())
	}
	reqs := srv.Requests()
	if len(reqs) != 4 || reqs[2].Params["Offset"] != "10" || reqs[2].Params["Limit"] != "5" || reqs[2].SecretID != "AKIDadmin" {
		t.Errorf("recorded %+v, want the third request to carry Offset 10 and Limit 5", reqs)
	}
}

func TestListingDefaultsToTenFromTheStart(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	p := mustList(t, endpoints.Organization, adminCred, map[string]any{})
	if !slices.Equal(p.uins(), allUins()[:10]) || p.Total != "12" {
		t.Errorf("listed %v of %s, want the first 10 of 12", p.uins(), p.Total)
	}
	if p := mustList(t, endpoints.Organization, adminCred, map[string]any{"Offset": 10}); !slices.Equal(p.uins(), allUins()[10:]) {
		t.Errorf("Offset 10 listed %v, want the last 2", p.uins())
	}
}

func TestOnlyTheAdminAndATrustedServicesDelegatedAdminWithProductListTheOrganization(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	for _, tt := range []struct {
		who    string
		cred   *common.Credential
		params map[string]any
		code   string
	}{
		{"the admin", adminCred, map[string]any{"Limit": 50}, ""},
		{"the admin naming a service", adminCred, map[string]any{"Limit": 50, "Product": "Tag"}, ""},
		{"the delegated admin naming its service", delegateCred, map[string]any{"Limit": 50, "Product": "CloudAudit"}, ""},
		{"the delegated admin without Product", delegateCred, map[string]any{"Limit": 50}, "UnauthorizedOperation"},
		// An empty Product names no service, not a wildcard for any: the
		// stricter reading, since the API does not say.
		{"the delegated admin with an empty Product", delegateCred, map[string]any{"Limit": 50, "Product": ""}, "UnauthorizedOperation"},
		{"the admin with an empty Product", adminCred, map[string]any{"Limit": 50, "Product": ""}, "ResourceNotFound.OrganizationServiceNotExist"},
		{"the delegated admin naming another service", delegateCred, map[string]any{"Limit": 50, "Product": "Tag"}, "UnauthorizedOperation"},
		// Refused as any service it does not administer: the answer must not
		// tell which services the organization trusts.
		{"the delegated admin naming no trusted service", delegateCred, map[string]any{"Product": "CVM"}, "UnauthorizedOperation"},
		{"a member naming no trusted service", memberCred, map[string]any{"Product": "CVM"}, "UnauthorizedOperation"},
		{"the admin naming no trusted service", adminCred, map[string]any{"Product": "CVM"}, "ResourceNotFound.OrganizationServiceNotExist"},
		{"a member", memberCred, map[string]any{"Limit": 50}, "UnauthorizedOperation"},
		{"a member naming a service", memberCred, map[string]any{"Limit": 50, "Product": "CloudAudit"}, "UnauthorizedOperation"},
		{"a caller in no organization", lonerCred, map[string]any{}, "ResourceNotFound.OrganizationNotExist"},
	} {
		p, apiErr := listMembers(t, endpoints.Organization, tt.cred, tt.params)
		switch {
		case tt.code == "" && (apiErr != nil || p.Total != "12"):
			t.Errorf("%s: got %v with Total %s, want the 12 members", tt.who, apiErr, p.Total)
		case tt.code != "" && (apiErr == nil || apiErr.Code != tt.code || apiErr.RequestId == ""):
			t.Errorf("%s: got %v, want %s", tt.who, apiErr, tt.code)
		}
	}
}

func TestAMemberReadsOnlyItsOwnEmailBindingUnlessItIsADelegatedAdmin(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	for _, tt := range []struct {
		who  string
		cred *common.Credential
		uin  int64
		code string
	}{
		{"the admin, another member's", adminCred, uinProd, ""},
		{"a member, its own", memberCred, uinStaging, ""},
		{"a member, another member's", memberCred, uinProd, "UnauthorizedOperation"},
		{"a member, a uin outside the organization", memberCred, 100000000009, "UnauthorizedOperation"},
		{"a delegated admin, another member's", delegateCred, uinProd, ""},
		{"a caller in no organization", lonerCred, uinProd, "ResourceNotFound.OrganizationNotExist"},
	} {
		if _, code := emailBind(t, endpoints.Organization, tt.cred, tt.uin); code != tt.code {
			t.Errorf("%s: code %q, want %q", tt.who, code, tt.code)
		}
	}
}

func TestInvalidListingParametersAreRejected(t *testing.T) {
	tags := make([]map[string]any, 11)
	for i := range tags {
		tags[i] = map[string]any{"TagKey": fmt.Sprint("k", i)}
	}
	for name, tt := range map[string]struct {
		params map[string]any
		code   string
	}{
		"negative offset":           {map[string]any{"Offset": -10}, "InvalidParameter"},
		"offset not a multiple":     {map[string]any{"Offset": 3, "Limit": 5}, "InvalidParameter"},
		"offset past default":       {map[string]any{"Offset": 5}, "InvalidParameter"},
		"fractional offset":         {map[string]any{"Offset": 1.5}, "InvalidParameter"},
		"limit zero":                {map[string]any{"Limit": 0}, "InvalidParameter"},
		"limit over 50":             {map[string]any{"Limit": 51}, "InvalidParameter"},
		"negative limit":            {map[string]any{"Limit": -1}, "InvalidParameter"},
		"limit as string":           {map[string]any{"Limit": "10"}, "InvalidParameter"},
		"unknown lang":              {map[string]any{"Lang": "fr"}, "InvalidParameter"},
		"empty lang":                {map[string]any{"Lang": ""}, "InvalidParameter"},
		"search key as number":      {map[string]any{"SearchKey": uinProd}, "InvalidParameter"},
		"node id as string":         {map[string]any{"NodeId": "2001"}, "InvalidParameter"},
		"negative node id":          {map[string]any{"NodeId": -1}, "InvalidParameter"},
		"eleven tags":               {map[string]any{"Tags": tags}, "InvalidParameter"},
		"tag without key":           {map[string]any{"Tags": []map[string]any{{"TagValue": "prod"}}}, "InvalidParameter"},
		"tag with empty key":        {map[string]any{"Tags": []map[string]any{{"TagKey": ""}}}, "InvalidParameter"},
		"tag with null key":         {map[string]any{"Tags": []map[string]any{{"TagKey": nil}}}, "InvalidParameter"},
		"tag value as number":       {map[string]any{"Tags": []map[string]any{{"TagKey": "env", "TagValue": 1}}}, "InvalidParameter"},
		"tags not a list":           {map[string]any{"Tags": "env"}, "InvalidParameter"},
		"unknown tag field":         {map[string]any{"Tags": []map[string]any{{"TagKey": "env", "Value": "prod"}}}, "UnknownParameter"},
		"unknown parameter":         {map[string]any{"MemberUin": uinProd}, "UnknownParameter"},
		"unknown node id":           {map[string]any{"NodeId": 5}, "ResourceNotFound.OrganizationNodeNotExist"},
		"unknown node name":         {map[string]any{"NodeName": "Nowhere"}, "ResourceNotFound.OrganizationNodeNotExist"},
		"node name of another case": {map[string]any{"NodeName": "finance"}, "ResourceNotFound.OrganizationNodeNotExist"},
		"unknown product":           {map[string]any{"Product": "NoSuchService"}, "ResourceNotFound.OrganizationServiceNotExist"},
	} {
		t.Run(name, func(t *testing.T) {
			_, endpoints := acctest.StartEmulator(t, membersWorld(""))
			_, apiErr := listMembers(t, endpoints.Organization, adminCred, tt.params)
			if apiErr == nil || apiErr.Code != tt.code || apiErr.RequestId == "" {
				t.Fatalf("error = %v, want code %s", apiErr, tt.code)
			}
		})
	}
}

func TestValidLangAndNullParametersAreAccepted(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	for _, params := range []map[string]any{
		{"Lang": "en"},
		{"Lang": "zh"},
		{"Offset": nil, "Limit": nil, "SearchKey": nil, "NodeId": nil, "Tags": nil},
	} {
		if p := mustList(t, endpoints.Organization, adminCred, params); p.Total != "12" || len(p.Items) != 10 {
			t.Errorf("%v: %d items of %s, want 10 of 12", params, len(p.Items), p.Total)
		}
	}
}

func TestEachFilterNarrowsTheListing(t *testing.T) {
	tag := func(key string, value ...string) map[string]any {
		if len(value) == 0 {
			return map[string]any{"TagKey": key}
		}
		return map[string]any{"TagKey": key, "TagValue": value[0]}
	}
	for name, tt := range map[string]struct {
		params map[string]any
		want   []int64
	}{
		"search by name, any case":      {map[string]any{"SearchKey": "PROD"}, []int64{uinProd}},
		"search by part of a name":      {map[string]any{"SearchKey": "ber-"}, allUins()[3:]},
		"search by uin":                 {map[string]any{"SearchKey": "100033118140"}, []int64{uinStaging}},
		"search by part of a uin":       {map[string]any{"SearchKey": "10003311814"}, nil},
		"auth name, any case":           {map[string]any{"AuthName": "example"}, []int64{uinProd}},
		"auth name nobody has":          {map[string]any{"AuthName": "Acme"}, nil},
		"node id":                       {map[string]any{"NodeId": 2001}, []int64{uinProd, uinStaging}},
		"node id past 2^53":             {map[string]any{"NodeId": uint64(9007199254740993)}, []int64{uinBig}},
		"node without members":          {map[string]any{"NodeId": 4001}, nil},
		"node name":                     {map[string]any{"NodeName": "Finance"}, []int64{uinProd, uinStaging}},
		"node name only a member names": {map[string]any{"NodeName": "Research"}, []int64{uinBig}},
		"node name without members":     {map[string]any{"NodeName": "Empty unit"}, nil},
		"tag key only":                  {map[string]any{"Tags": []any{tag("team")}}, []int64{uinStaging, uinBig}},
		"tag key and value":             {map[string]any{"Tags": []any{tag("env", "prod")}}, []int64{uinProd}},
		"tag with empty value":          {map[string]any{"Tags": []any{tag("env", "")}}, []int64{uinProd, uinStaging}},
		"tags are all required":         {map[string]any{"Tags": []any{tag("env"), tag("team", "core")}}, []int64{uinStaging}},
		"tag value must match":          {map[string]any{"Tags": []any{tag("team", "edge")}}, nil},
		"known product narrows nothing": {map[string]any{"Product": "CloudAudit", "Limit": 50}, allUins()},
		"filters combine":               {map[string]any{"SearchKey": "a", "NodeName": "Finance"}, []int64{uinStaging}},
	} {
		t.Run(name, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, membersWorld(""))
			p := mustList(t, endpoints.Organization, adminCred, tt.params)
			if !slices.Equal(p.uins(), tt.want) || p.Total != fmt.Sprint(len(tt.want)) {
				t.Errorf("listed %v with Total %s, want %v", p.uins(), p.Total, tt.want)
			}
			sent := srv.Requests()[0].Params
			for name, value := range tt.params {
				raw, _ := json.Marshal(value)
				if sent[name] != string(raw) {
					t.Errorf("recorded %s = %s, want %s", name, sent[name], raw)
				}
			}
		})
	}
}

func TestListingItemsCarryTheWorldsFieldsExactly(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	decoder := json.NewDecoder(bytes.NewReader(rawResponse(t, endpoints.Organization, map[string]any{"Limit": 50})))
	decoder.UseNumber()
	var body struct{ Response struct{ Items []any } }
	if err := decoder.Decode(&body); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{
		`{"MemberUin": 100033118139, "Name": "prod", "NickName": "p", "MemberType": "Invite", "NodeId": 2001, "NodeName": "Finance",
		  "Remark": "r", "CreateTime": "2022-01-13 12:09:08", "UpdateTime": "2022-01-13 12:09:08",
		  "IsAllowQuit": "Allow", "PayUin": "100000000001", "PayName": "admin", "PermissionStatus": "Confirmed",
		  "OrgPolicyType": "Financial", "OrgPolicyName": "Finance management",
		  "OrgPermission": [{"Id": 1, "Name": "View bills"}],
		  "OrgIdentity": [{"IdentityId": 1, "IdentityAliasName": "Admin"}],
		  "Tags": [{"TagKey": "env", "TagValue": "prod"}], "BindStatus": "Success"}`,
		// Remark null stays null, fields left out stay out, BindStatus comes from email_bind.
		`{"MemberUin": 100033118140, "Name": "Staging", "NodeId": 2001, "NodeName": "Finance", "Remark": null,
		  "Tags": [{"TagKey": "env", "TagValue": "staging"}, {"TagKey": "team", "TagValue": "core"}], "BindStatus": "Unbound"}`,
		// An explicit null BindStatus is not replaced by email_bind's.
		`{"MemberUin": 100033118141, "Name": "Big node", "NodeId": 9007199254740993, "NodeName": "Research", "BindStatus": null,
		  "OrgPermission": null, "Tags": [{"TagKey": "team", "TagValue": null}, null]}`,
		// No email_bind, no BindStatus.
		`{"MemberUin": 100033118201, "Name": "member-1"}`,
	} {
		assertSameJSON(t, body.Response.Items[i], want)
	}
}

// rawResponse sends a listing request as call does and returns the body as
// the server sent it: the SDK hands over no body it cannot parse, and its
// common response passes numbers through float64.
func rawResponse(t *testing.T, baseURL string, params map[string]any) []byte {
	t.Helper()
	u, _ := url.Parse(baseURL)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.HttpProfile.Endpoint = u.Host
	capture := &capturingTransport{}
	client := common.NewCommonClient(adminCred, "", cpf).WithHttpTransport(capture)
	request := tchttp.NewCommonRequest("organization", "2021-03-31", "DescribeOrganizationMembers")
	if err := request.SetActionParameters(params); err != nil {
		t.Fatal(err)
	}
	_ = client.Send(request, tchttp.NewCommonResponse())
	return capture.body
}

type capturingTransport struct{ body []byte }

func (c *capturingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	c.body, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(c.body))
	return resp, err
}

// assertSameJSON compares a value decoded with UseNumber to JSON text,
// number by number as written, so that no integer passes through a float.
func assertSameJSON(t *testing.T, got any, want string) {
	t.Helper()
	decoder := json.NewDecoder(strings.NewReader(want))
	decoder.UseNumber()
	var wantValue any
	if err := decoder.Decode(&wantValue); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, wantValue) {
		gotJSON, _ := json.Marshal(got)
		wantJSON, _ := json.Marshal(wantValue)
		t.Errorf("got  %s\nwant %s", gotJSON, wantJSON)
	}
}
