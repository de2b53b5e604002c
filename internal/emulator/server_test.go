// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

const testWorld = `{
  "credentials": [
    {"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 100000000001},
    {"secret_id": "AKIDtemp", "secret_key": "temp-key", "token": "temp-token", "uin": 100000000001},
    {"secret_id": "AKIDloner", "secret_key": "loner-key", "uin": 100000000009}
  ],
  "organizations": [{
    "admin_uin": 100000000001,
    "members": [
      {"member_uin": 100033118139, "email_bind": {
        "BindId": 1234567, "ApplyTime": "2022-01-13 12:09:08", "Email": "123@qq.com",
        "Phone": "18***32", "BindStatus": "Success", "BindTime": "2022-01-13 18:09:08",
        "Description": "success", "PhoneBind": 0, "CountryCode": "86"}},
      {"member_uin": 100033118140, "email_bind": {"BindStatus": "Unbound", "Email": null}}
    ]
  }]
}`

// call sends one Organization action with the SDK's generic client, as any
// Tencent Cloud client would, and returns the decoded Response object or the API error.
func call(t *testing.T, baseURL string, cred *common.Credential, version, action string, params any) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	return callService(t, baseURL, cred, emulator.ServiceOrganization, "", version, action, params)
}

// callService is call for any service, in region when it is not empty.
func callService(t *testing.T, baseURL string, cred *common.Credential, service, region, version, action string, params any) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	return send(t, baseURL, cred, service, region, version, action, params, false)
}

// send sends action through the SDK, signed with cred or, with skipSign,
// as the SDK sends the actions that need no key.
func send(t *testing.T, baseURL string, cred common.CredentialIface, service, region, version, action string, params any, skipSign bool) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	u, _ := url.Parse(baseURL)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.HttpProfile.Endpoint = u.Host
	client := common.NewCommonClient(cred, region, cpf)
	request := tchttp.NewCommonRequest(service, version, action)
	request.SetSkipSign(skipSign)
	if err := request.SetActionParameters(params); err != nil {
		t.Fatal(err)
	}
	response := tchttp.NewCommonResponse()
	err := client.Send(request, response)
	var sdkErr *tcerr.TencentCloudSDKError
	if errors.As(err, &sdkErr) {
		return nil, sdkErr
	}
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	return decodeResponse(t, response.GetBody()), nil
}

// decodeResponse is the Response object of an answer, numbers kept exact.
func decodeResponse(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var decoded struct{ Response map[string]any }
	decoder := json.NewDecoder(strings.NewReader(string(body)))
	decoder.UseNumber()
	if err := decoder.Decode(&decoded); err != nil {
		t.Fatal(err)
	}
	return decoded.Response
}

var adminCred = common.NewCredential("AKIDadmin", "admin-key")

func describe(t *testing.T, baseURL string, cred *common.Credential, params any) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	return call(t, baseURL, cred, "2021-03-31", "DescribeOrganizationMemberEmailBind", params)
}

func TestBoundMemberIsServedExactly(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, testWorld)
	resp, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118139)})
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	want := map[string]string{
		"BindId": "1234567", "ApplyTime": "2022-01-13 12:09:08", "Email": "123@qq.com",
		"Phone": "18***32", "BindStatus": "Success", "BindTime": "2022-01-13 18:09:08",
		"Description": "success", "PhoneBind": "0", "CountryCode": "86",
	}
	for field, value := range want {
		if got := toString(resp[field]); got != value {
			t.Errorf("%s = %q, want %q", field, got, value)
		}
	}
	if id, _ := resp["RequestId"].(string); len(id) != 36 {
		t.Errorf("RequestId = %q, want a UUID", resp["RequestId"])
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || reqs[0].SecretID != "AKIDadmin" || reqs[0].MemberUin != 100033118139 || reqs[0].ErrorCode != "" {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestFieldsLeftOutOrNullStaySo(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, testWorld)
	resp, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118140)})
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	if v, present := resp["Email"]; !present || v != nil {
		t.Errorf("Email = %v (present %v), want an explicit null", v, present)
	}
	if _, present := resp["BindId"]; present {
		t.Errorf("BindId is present, want it left out")
	}
	if resp["BindStatus"] != "Unbound" {
		t.Errorf("BindStatus = %v", resp["BindStatus"])
	}
}

func TestErrorCodes(t *testing.T) {
	tests := []struct {
		name    string
		cred    *common.Credential
		version string
		action  string
		params  any
		code    string
	}{
		{"unknown action", adminCred, "2021-03-31", "DescribeNothing", map[string]any{"MemberUin": 1}, "InvalidAction"},
		{"wrong version", adminCred, "2018-12-25", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": 1}, "NoSuchVersion"},
		{"unknown secret id", common.NewCredential("AKIDnobody", "x"), "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": int64(100033118139)}, "AuthFailure.SecretIdNotFound"},
		{"wrong secret key", common.NewCredential("AKIDadmin", "wrong"), "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": int64(100033118139)}, "AuthFailure.SignatureFailure"},
		{"temporary key without token", common.NewCredential("AKIDtemp", "temp-key"), "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": int64(100033118139)}, "AuthFailure.TokenFailure"},
		{"temporary key with wrong token", common.NewTokenCredential("AKIDtemp", "temp-key", "other"), "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": int64(100033118139)}, "AuthFailure.TokenFailure"},
		{"permanent key with a token", common.NewTokenCredential("AKIDadmin", "admin-key", "temp-token"), "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": int64(100033118139)}, "AuthFailure.TokenFailure"},
		{"missing member uin", adminCred, "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{}, "MissingParameter"},
		{"member uin as string", adminCred, "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": "100033118139"}, "InvalidParameter"},
		{"member uin zero", adminCred, "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": 0}, "InvalidParameter"},
		{"member uin fractional", adminCred, "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": 1.5}, "InvalidParameter"},
		{"unknown parameter", adminCred, "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": 1, "Limit": 1}, "UnknownParameter"},
		{"member not in organization", adminCred, "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": int64(100000000002)}, "ResourceNotFound.OrganizationMemberNotExist"},
		{"caller without organization", common.NewCredential("AKIDloner", "loner-key"), "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": int64(100033118139)}, "ResourceNotFound.OrganizationNotExist"},
	}
	_, endpoints := acctest.StartEmulator(t, testWorld)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, apiErr := call(t, endpoints.Organization, tt.cred, tt.version, tt.action, tt.params)
			if apiErr == nil || apiErr.Code != tt.code {
				t.Fatalf("error = %v, want code %s", apiErr, tt.code)
			}
			if apiErr.RequestId == "" {
				t.Errorf("error has no RequestId")
			}
		})
	}
}

func TestARegionIsOptionalForOrganizationButMustBeATencentCloudRegionWhenSent(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, testWorld)
	for _, tt := range []struct {
		service, region, code string
	}{
		{emulator.ServiceOrganization, "", ""},
		{emulator.ServiceOrganization, "ap-guangzhou", ""},
		{emulator.ServiceOrganization, "sa-saopaulo", ""},
		{emulator.ServiceOrganization, "ap-atlantis", "UnsupportedRegion"},
		{emulator.ServiceOrganization, "us-east-1", "UnsupportedRegion"},
		{emulator.ServiceOrganization, "AP-GUANGZHOU", "UnsupportedRegion"},
		{emulator.ServiceSTS, "na-siliconvalley", ""},
		{emulator.ServiceSTS, "ap-atlantis", "UnsupportedRegion"},
	} {
		action, version, params := "DescribeOrganizationMemberEmailBind", "2021-03-31", map[string]any{"MemberUin": int64(100033118139)}
		if tt.service == emulator.ServiceSTS {
			action, version, params = "GetCallerIdentity", "2018-08-13", map[string]any{}
		}
		_, apiErr := callService(t, endpoints.Of(tt.service), adminCred, tt.service, tt.region, version, action, params)
		code := ""
		if apiErr != nil {
			code = apiErr.Code
		}
		if code != tt.code {
			t.Errorf("%s in region %q: %v, want code %q", action, tt.region, apiErr, tt.code)
		}
	}
}

func TestTemporaryCredentialWithItsToken(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, testWorld)
	_, apiErr := describe(t, endpoints.Organization, common.NewTokenCredential("AKIDtemp", "temp-key", "temp-token"), map[string]any{"MemberUin": int64(100033118139)})
	if apiErr != nil {
		t.Fatal(apiErr)
	}
}

func TestClockSkew(t *testing.T) {
	world, _ := emulator.ParseWorld([]byte(testWorld))
	for _, tt := range []struct {
		skew time.Duration
		code string
	}{
		{4 * time.Minute, ""},
		{-4 * time.Minute, ""},
		{6 * time.Minute, "AuthFailure.SignatureExpire"},
		{-6 * time.Minute, "AuthFailure.SignatureExpire"},
	} {
		srv, endpoints := acctest.ServeWorld(t, world)
		srv.Now = func() time.Time { return time.Now().Add(tt.skew) }
		_, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118139)})
		code := ""
		if apiErr != nil {
			code = apiErr.Code
		}
		if code != tt.code {
			t.Errorf("skew %v: code %q, want %q", tt.skew, code, tt.code)
		}
	}
}

func TestMalformedAuthorization(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, testWorld)
	for _, header := range []string{"", "Basic dXNlcjpwYXNz", "TC3-HMAC-SHA256 Credential=AKIDadmin"} {
		req, _ := http.NewRequest(http.MethodPost, endpoints.Organization, strings.NewReader(`{"MemberUin":1}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-TC-Action", "DescribeOrganizationMemberEmailBind")
		req.Header.Set("X-TC-Version", "2021-03-31")
		req.Header.Set("X-TC-Timestamp", strconv.FormatInt(time.Now().Unix(), 10))
		if header != "" {
			req.Header.Set("Authorization", header)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Response struct {
				Error     struct{ Code string }
				RequestId string
			}
		}
		_ = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || body.Response.Error.Code != "AuthFailure.InvalidAuthorization" || body.Response.RequestId == "" {
			t.Errorf("Authorization %q: status %d, body %+v", header, resp.StatusCode, body)
		}
	}
}

func TestParseWorldRejectsMistakes(t *testing.T) {
	for name, doc := range map[string]string{
		"unknown top-level key":     `{"credential": []}`,
		"missing secret key":        `{"credentials": [{"secret_id": "a", "uin": 1}]}`,
		"duplicate secret id":       `{"credentials": [{"secret_id": "a", "secret_key": "b", "uin": 1}, {"secret_id": "a", "secret_key": "c", "uin": 2}]}`,
		"unknown output field":      `{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 2, "email_bind": {"Mail": "x"}}]}]}`,
		"string bind id":            `{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 2, "email_bind": {"BindId": "1"}}]}]}`,
		"negative phone bind":       `{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 2, "email_bind": {"PhoneBind": -1}}]}]}`,
		"member in two orgs":        `{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 3}]}, {"admin_uin": 2, "members": [{"member_uin": 3}]}]}`,
		"non-positive admin uin":    `{"organizations": [{"admin_uin": 0}]}`,
		"admin of two orgs":         `{"organizations": [{"admin_uin": 1}, {"admin_uin": 1}]}`,
		"admin is another's member": `{"organizations": [{"admin_uin": 1, "members": [{"member_uin": 2}]}, {"admin_uin": 2}]}`,
		"unknown fault kind":        `{"faults": [{"kind": "explode"}]}`,
		"delay without duration":    `{"faults": [{"kind": "delay"}]}`,
		"unknown rate window":       `{"rate_window": "rolling"}`,
		"negative arrival jitter":   `{"arrival_jitter": "-1ms"}`,
		"arrival jitter not a time": `{"arrival_jitter": "30"}`,
	} {
		if _, err := emulator.ParseWorld([]byte(doc)); err == nil {
			t.Errorf("%s: ParseWorld accepted %s", name, doc)
		}
	}
}

func toString(v any) string {
	switch v := v.(type) {
	case json.Number:
		return v.String()
	case string:
		return v
	}
	return ""
}

// GET requests carry parameters in the query string, which TC3 signs as the
// canonical query; the SDK's typed requests can be sent that way.
func TestGETRequestsAreServed(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, testWorld)
	u, _ := url.Parse(endpoints.Organization)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.HttpProfile.Endpoint = u.Host
	cpf.HttpProfile.ReqMethod = http.MethodGet
	client := &common.Client{}
	client.Init("").WithCredential(adminCred).WithProfile(cpf)

	request := organization.NewDescribeOrganizationMemberEmailBindRequest()
	uin := int64(100033118139)
	request.MemberUin = &uin
	response := organization.NewDescribeOrganizationMemberEmailBindResponse()
	if err := client.Send(request, response); err != nil {
		t.Fatal(err)
	}
	if response.Response.Email == nil || *response.Response.Email != "123@qq.com" {
		t.Fatalf("Email = %v", response.Response.Email)
	}
}

func TestFaultsAreInjectedInOrderAndCounted(t *testing.T) {
	world := strings.Replace(testWorld, `"credentials"`, `"faults": [
    {"kind": "internal_error", "count": 2},
    {"kind": "bad_gateway", "count": 1, "member_uin": 100033118140}
  ], "credentials"`, 1)
	srv, endpoints := acctest.StartEmulator(t, world)
	for i, want := range []string{"InternalError", "InternalError", ""} {
		_, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118139)})
		got := ""
		if apiErr != nil {
			got = apiErr.Code
		}
		if got != want {
			t.Errorf("call %d: code %q, want %q", i+1, got, want)
		}
	}
	// The member-specific fault applies only to its member.
	_, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118140)})
	if apiErr == nil || apiErr.Code != "ClientError.HttpStatusCodeError" && apiErr.Code != "ClientError.ParseJsonError" {
		t.Errorf("member 100033118140 got %v, want the 502 page", apiErr)
	}
	if _, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118140)}); apiErr != nil {
		t.Errorf("the fault was used up, but the next call failed: %v", apiErr)
	}
	if n := len(srv.Requests()); n != 5 {
		t.Errorf("recorded %d requests, want 5", n)
	}
}

func TestEachFaultKindFailsAsItShould(t *testing.T) {
	for kind, wantCode := range map[string]string{
		emulator.FaultInternalError: "InternalError",
		emulator.FaultBadGateway:    tencentapi.CodeHTTPStatus,
		emulator.FaultMalformedJSON: tencentapi.CodeMalformedResponse,
		emulator.FaultTruncatedJSON: tencentapi.CodeMalformedResponse,
		emulator.FaultReset:         tencentapi.CodeNetworkError,
	} {
		t.Run(kind, func(t *testing.T) {
			_, endpoints := acctest.StartEmulator(t, strings.Replace(testWorld, `"credentials"`, `"faults": [{"kind": "`+kind+`"}], "credentials"`, 1))
			_, err := newOrganizationClient(endpoints.Organization, 0).DescribeOrganizationMemberEmailBind(context.Background(), 100033118139)
			var callErr *tencentapi.Error
			if !errors.As(err, &callErr) || callErr.Code != wantCode {
				t.Fatalf("err = %v, want code %s", err, wantCode)
			}
		})
	}
}

func TestDelayFaultHoldsTheAnswer(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, strings.Replace(testWorld, `"credentials"`, `"faults": [{"kind": "delay", "delay": "300ms", "count": 1}], "credentials"`, 1))
	start := time.Now()
	if _, err := newOrganizationClient(endpoints.Organization, 0).DescribeOrganizationMemberEmailBind(context.Background(), 100033118139); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed < 300*time.Millisecond {
		t.Errorf("answered after %v, want the 300ms delay", elapsed)
	}
}

func newOrganizationClient(baseURL string, maxRetries int) *organization.Client {
	u, _ := url.Parse(baseURL)
	return organization.NewClient(tencentapi.Config{
		Credential: adminCred, Endpoint: u, MaxRetries: maxRetries, RateLimit: 1000,
	})
}
