// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

const (
	auditorRole = "qcs::cam::uin/100000000001:roleName/auditor"
	guardedRole = "qcs::cam::uin/100000000001:roleName/guarded"
	mfaRole     = "qcs::cam::uin/100000000001:roleName/mfa-only"
	adminMFA    = "qcs::cam:uin/100000000001::mfa/softToken"
	lonerMFA    = "qcs::cam:uin/100000000009::mfa/softToken"
)

// stsWorld is testWorld with roles to assume, a CVM instance role, and an
// MFA device for each of two accounts.
var stsWorld = strings.Replace(testWorld, `"credentials"`, `"roles": [
    {"role_arn": "`+auditorRole+`", "uin": 100000000001},
    {"role_arn": "`+guardedRole+`", "uin": 100000000001, "external_id": "ext-123"},
    {"role_arn": "`+mfaRole+`", "uin": 100000000001, "mfa_required": true}
  ],
  "cvm_roles": [{"role_name": "runner", "uin": 100000000001}],
  "mfa_devices": [
    {"serial_number": "`+adminMFA+`", "uin": 100000000001, "codes": ["111111", "222222", "444444", "555555"]},
    {"serial_number": "`+lonerMFA+`", "uin": 100000000009, "codes": ["333333"]}
  ],
  "credentials"`, 1)

// assumeRole sends AssumeRole as the SDK's STS client does, with a region.
func assumeRole(t *testing.T, baseURL string, cred *common.Credential, params any) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	return callService(t, baseURL, cred, emulator.ServiceSTS, "ap-guangzhou", "2018-08-13", "AssumeRole", params)
}

// roleCredential is the temporary credential in an AssumeRole response.
func roleCredential(resp map[string]any) *common.Credential {
	creds, _ := resp["Credentials"].(map[string]any)
	id, _ := creds["TmpSecretId"].(string)
	key, _ := creds["TmpSecretKey"].(string)
	token, _ := creds["Token"].(string)
	return common.NewTokenCredential(id, key, token)
}

func TestEachServiceAnswersOnlyAtItsOwnEndpoint(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, stsWorld)
	org, sts, metadata := endpoints.Organization, endpoints.STS, endpoints.Metadata
	assume := map[string]any{"RoleArn": auditorRole, "RoleSessionName": "swapped"}

	if _, apiErr := assumeRole(t, org, adminCred, assume); apiErr == nil || apiErr.Code != "InvalidAction" || !strings.Contains(apiErr.Message, "`AssumeRole`") {
		t.Errorf("AssumeRole at the Organization endpoint: %v, want InvalidAction naming the action", apiErr)
	}
	if _, apiErr := callService(t, sts, adminCred, emulator.ServiceOrganization, "", "2021-03-31", "DescribeOrganizationMemberEmailBind",
		map[string]any{"MemberUin": int64(100033118139)}); apiErr == nil || apiErr.Code != "InvalidAction" {
		t.Errorf("an Organization action at the STS endpoint: %v, want InvalidAction", apiErr)
	}
	if len(srv.AssumeRoleCalls()) != 0 {
		t.Errorf("a misrouted AssumeRole reached the action")
	}
	if reqs := srv.Requests(); len(reqs) != 2 || reqs[0].Service != emulator.ServiceOrganization || reqs[1].Service != emulator.ServiceSTS {
		t.Errorf("recorded %+v, want each request with the endpoint that refused it", reqs)
	}

	credentialPath := "/latest/meta-data/cam/security-credentials/runner"
	for _, base := range []string{org, sts} {
		if status, body := get(t, base+credentialPath); strings.Contains(body, "TmpSecretId") {
			t.Errorf("an API endpoint served an instance credential: %d %s", status, body)
		}
	}
	if status, body := get(t, metadata+credentialPath); status != http.StatusOK || !strings.Contains(body, "TmpSecretId") {
		t.Errorf("the metadata endpoint answered %d %s", status, body)
	}
	if _, apiErr := describe(t, metadata, adminCred, map[string]any{"MemberUin": int64(100033118139)}); apiErr == nil {
		t.Errorf("the metadata endpoint answered an API action")
	}
	if _, apiErr := assumeRole(t, sts, adminCred, assume); apiErr != nil {
		t.Errorf("AssumeRole at the STS endpoint: %v", apiErr)
	}
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u) //nolint:noctx // a test against loopback
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestHandlerRefusesAnUnknownService(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Handler served a service that does not exist")
		}
	}()
	emulator.New(emulator.World{}).Handler("cvm")
}

// unlimited is world with a rate limit no table of cases reaches.
func unlimited(world string) string {
	return strings.Replace(world, "{", `{"rate_limit": 1000,`, 1)
}

func TestAssumeRoleErrorsAreThoseTheSDKDeclares(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, unlimited(stsWorld))
	valid := func(extra map[string]any) map[string]any {
		params := map[string]any{"RoleArn": auditorRole, "RoleSessionName": "audit-run"}
		for name, value := range extra {
			params[name] = value
		}
		return params
	}
	tags := make([]map[string]string, 51)
	for i := range tags {
		tags[i] = map[string]string{"Key": fmt.Sprint("k", i), "Value": "v"}
	}
	for _, tt := range []struct {
		name   string
		params map[string]any
		code   string
	}{
		{"unknown role", valid(map[string]any{"RoleArn": "qcs::cam::uin/100000000001:roleName/nobody"}), "ResourceNotFound.RoleNotFound"},
		{"external id missing", valid(map[string]any{"RoleArn": guardedRole}), "UnauthorizedOperation"},
		{"external id wrong", valid(map[string]any{"RoleArn": guardedRole, "ExternalId": "other"}), "UnauthorizedOperation"},
		{"duration over 12 hours", valid(map[string]any{"DurationSeconds": 43201}), "InvalidParameter.OverTimeError"},
		{"duration negative", valid(map[string]any{"DurationSeconds": -1}), "InvalidParameter.ParamError"},
		{"duration fractional", valid(map[string]any{"DurationSeconds": 1.5}), "InvalidParameter.ParamError"},
		{"session name too short", valid(map[string]any{"RoleSessionName": "s"}), "InvalidParameter.ParamError"},
		{"session name with a space", valid(map[string]any{"RoleSessionName": "audit run"}), "InvalidParameter.ParamError"},
		{"session name too long", valid(map[string]any{"RoleSessionName": strings.Repeat("a", 129)}), "InvalidParameter.ParamError"},
		{"policy not JSON", valid(map[string]any{"Policy": url.QueryEscape("allow everything")}), "InvalidParameter.StrategyFormatError"},
		{"policy not URL-encoded", valid(map[string]any{"Policy": "%zz"}), "InvalidParameter.StrategyFormatError"},
		{"policy without statement", valid(map[string]any{"Policy": url.QueryEscape(`{"version":"2.0"}`)}), "InvalidParameter.StrategyFormatError"},
		{"too many tags", valid(map[string]any{"Tags": tags}), "InvalidParameter.ParamError"},
		{"MFA device of no account", valid(map[string]any{"SerialNumber": "qcs::cam:uin/1::mfa/softToken", "TokenCode": "123456"}), "FailedOperation.CheckMFAError"},
		{"MFA device without a code", valid(map[string]any{"SerialNumber": adminMFA}), "InvalidParameter.ParamError"},
		{"MFA code without a device", valid(map[string]any{"TokenCode": "111111"}), "InvalidParameter.ParamError"},
		{"MFA code wrong", valid(map[string]any{"SerialNumber": adminMFA, "TokenCode": "999999"}), "FailedOperation.CheckMFAError"},
		{"MFA device of another account", valid(map[string]any{"SerialNumber": lonerMFA, "TokenCode": "333333"}), "FailedOperation.CheckMFAError"},
		{"MFA required but not sent", valid(map[string]any{"RoleArn": mfaRole}), "UnauthorizedOperation"},
		{"role arn missing", map[string]any{"RoleSessionName": "audit-run"}, "MissingParameter"},
		{"session name missing", map[string]any{"RoleArn": auditorRole}, "MissingParameter"},
		{"unknown parameter", valid(map[string]any{"RoleName": "auditor"}), "UnknownParameter"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, apiErr := assumeRole(t, endpoints.STS, adminCred, tt.params)
			if apiErr == nil || apiErr.Code != tt.code {
				t.Fatalf("error %v, want code %s", apiErr, tt.code)
			}
			if !emulator.Declares("AssumeRole", apiErr.Code) {
				t.Errorf("code %s is not one the SDK declares for AssumeRole, nor a common one", apiErr.Code)
			}
		})
	}
}

func TestAssumeRoleNeedsARegion(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, stsWorld)
	_, apiErr := callService(t, endpoints.STS, adminCred, emulator.ServiceSTS, "", "2018-08-13", "AssumeRole",
		map[string]any{"RoleArn": auditorRole, "RoleSessionName": "audit-run"})
	if apiErr == nil || apiErr.Code != "MissingParameter" || !strings.Contains(apiErr.Message, "Region") {
		t.Errorf("AssumeRole without a region: %v, want MissingParameter naming Region", apiErr)
	}
}

func TestAssumeRoleAcceptsEveryParameterTheSDKDefines(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, stsWorld)
	policy := url.QueryEscape(`{"version":"2.0","statement":[{"effect":"allow","action":["organization:Describe*"],"resource":["*"]}]}`)
	resp, apiErr := assumeRole(t, endpoints.STS, adminCred, map[string]any{
		"RoleArn": guardedRole, "RoleSessionName": "audit.run@ci=1,x_y-z", "DurationSeconds": 43200,
		"Policy": policy, "ExternalId": "ext-123", "SourceIdentity": "100000000001",
		"Tags":         []map[string]string{{"Key": "team", "Value": "audit"}},
		"SerialNumber": adminMFA, "TokenCode": "111111",
	})
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	if _, apiErr := describe(t, endpoints.Organization, roleCredential(resp), map[string]any{"MemberUin": int64(100033118139)}); apiErr != nil {
		t.Errorf("the role's temporary credential was refused: %v", apiErr)
	}
	want := emulator.AssumeRoleCall{
		CallerSecretID: "AKIDadmin", RoleArn: guardedRole, RoleSessionName: "audit.run@ci=1,x_y-z",
		DurationSeconds: 43200, Policy: policy, ExternalID: "ext-123",
		SourceIdentity: "100000000001", SerialNumber: adminMFA,
	}
	if calls := srv.AssumeRoleCalls(); len(calls) != 1 || calls[0] != want {
		t.Errorf("AssumeRole calls %+v, want %+v", calls, want)
	}
}
