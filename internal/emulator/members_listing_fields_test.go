// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

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
