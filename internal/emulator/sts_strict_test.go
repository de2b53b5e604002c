// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

const hardTokenMFA = "qcs::cam:uin/100000000001::mfa/hardToken"

// hardTokenWorld is stsWorld with a hardware MFA device of the admin's
// account, whose codes are right but of a type STS does not support.
var hardTokenWorld = unlimited(strings.Replace(stsWorld, `"mfa_devices": [`, `"mfa_devices": [
    {"serial_number": "`+hardTokenMFA+`", "uin": 100000000001, "codes": ["666666"]},`, 1))

func TestAHardTokenMFADeviceIsNotSupportedByGetSessionTokenOrAssumeRole(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, hardTokenWorld)
	sts := endpoints.STS
	device := map[string]any{"SerialNumber": hardTokenMFA, "TokenCode": "666666"}
	_, apiErr := getSessionToken(t, sts, adminCred, device)
	assertSTSError(t, apiErr, "FailedOperation.MFATypeNotSupported", "softToken")
	_, apiErr = assumeRole(t, sts, adminCred, map[string]any{
		"RoleArn": mfaRole, "RoleSessionName": "audit-run", "SerialNumber": hardTokenMFA, "TokenCode": "666666",
	})
	assertSTSError(t, apiErr, "FailedOperation.MFATypeNotSupported", "softToken")
	if n := len(srv.Issued()); n != 0 {
		t.Errorf("%d credentials were issued for a hardware MFA device", n)
	}
}

// strictCase is one AssumeRole request with a value STS refuses, and the
// code and words of its refusal.
type strictCase struct {
	name   string
	params map[string]any
	code   string
	says   string
}

func assumeRoleWith(extra map[string]any) map[string]any {
	params := map[string]any{"RoleArn": auditorRole, "RoleSessionName": "audit-run"}
	for name, value := range extra {
		params[name] = value
	}
	return params
}

func testAssumeRoleRefuses(t *testing.T, cases []strictCase) {
	t.Helper()
	srv, endpoints := acctest.StartEmulator(t, unlimited(stsWorld))
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			_, apiErr := assumeRole(t, endpoints.STS, adminCred, tt.params)
			assertSTSError(t, apiErr, tt.code, tt.says)
			if !emulator.Declares("AssumeRole", apiErr.Code) {
				t.Errorf("code %s is not one the SDK declares for AssumeRole, nor a common one", apiErr.Code)
			}
		})
	}
	if n := len(srv.Issued()); n != 0 {
		t.Errorf("%d credentials were issued for refused requests", n)
	}
}

func TestAnExternalIDOrSourceIdentitySTSWouldRefuseIsAParameterError(t *testing.T) {
	testAssumeRoleRefuses(t, []strictCase{
		{"an external ID of one character", assumeRoleWith(map[string]any{"ExternalId": "x"}), "InvalidParameter.ParamError", "ExternalId"},
		{"an external ID with a space", assumeRoleWith(map[string]any{"ExternalId": "a b!"}), "InvalidParameter.ParamError", "ExternalId"},
		{"an external ID over 128 characters", assumeRoleWith(map[string]any{"ExternalId": strings.Repeat("e", 129)}), "InvalidParameter.ParamError", "ExternalId"},
		{"a source identity that is not a UIN", assumeRoleWith(map[string]any{"SourceIdentity": "not-a-uin"}), "InvalidParameter.ParamError", "SourceIdentity"},
		{"a source identity with a leading zero", assumeRoleWith(map[string]any{"SourceIdentity": "0100000000001"}), "InvalidParameter.ParamError", "SourceIdentity"},
	})
}

// policy is a session policy document with statement, URL-encoded as
// AssumeRole takes it.
func policy(statement string) map[string]any {
	return assumeRoleWith(map[string]any{"Policy": url.QueryEscape(`{"version":"2.0","statement":[` + statement + `]}`)})
}

func TestASessionPolicySTSWouldRefuseGetsTheCodeAssumeRoleDeclares(t *testing.T) {
	const allow = `{"effect":"allow","action":["organization:Describe*"],"resource":["*"]}`
	long := strings.TrimSuffix(strings.Repeat(allow+",", 40), ",")
	testAssumeRoleRefuses(t, []strictCase{
		{"a principal", policy(`{"effect":"allow","principal":{"qcs":["qcs::cam::uin/100000000001:root"]},"action":["*"],"resource":["*"]}`),
			"InvalidParameter.StrategyInvalid", "principal"},
		{"a Principal, capitalized", policy(`{"Effect":"allow","Principal":"*","Action":"*","Resource":"*"}`), "InvalidParameter.StrategyInvalid", "principal"},
		{"a statement that is a string", policy(`"allow everything"`), "InvalidParameter.StrategyFormatError", "statement 0"},
		{"a statement of unknown fields", policy(`{"effect":"allow","verb":"*","resource":"*"}`), "InvalidParameter.StrategyFormatError", "statement 0"},
		{"an effect that is neither allow nor deny", policy(`{"effect":"permit","action":"*","resource":"*"}`), "InvalidParameter.StrategyFormatError", "effect"},
		{"no action", policy(`{"effect":"allow","resource":"*"}`), "InvalidParameter.StrategyFormatError", "action"},
		{"an action without its service", policy(`{"effect":"allow","action":"DescribeOrganization","resource":"*"}`), "InvalidParameter.StrategyInvalid", "service:Action"},
		{"no resource", policy(`{"effect":"allow","action":"*"}`), "InvalidParameter.StrategyFormatError", "resource"},
		{"a resource that is no resource name", policy(`{"effect":"allow","action":"*","resource":"everything"}`), "InvalidParameter.ResouceError", "everything"},
		{"a version other than 2.0", assumeRoleWith(map[string]any{"Policy": url.QueryEscape(`{"version":"1.0","statement":[` + allow + `]}`)}),
			"InvalidParameter.StrategyFormatError", "2.0"},
		{"a policy over 2048 characters URL-encoded", policy(long), "InvalidParameter.PolicyTooLong", "2048"},
	})
}

func TestSessionTagsSTSWouldRefuseAreParameterErrors(t *testing.T) {
	tags := func(list ...map[string]any) map[string]any { return assumeRoleWith(map[string]any{"Tags": list}) }
	testAssumeRoleRefuses(t, []strictCase{
		{"a key twice", tags(map[string]any{"Key": "team", "Value": "a"}, map[string]any{"Key": "team", "Value": "b"}), "InvalidParameter.ParamError", "twice"},
		{"a key over 128 characters", tags(map[string]any{"Key": strings.Repeat("k", 129), "Value": "v"}), "InvalidParameter.ParamError", "Key"},
		{"a value over 256 characters", tags(map[string]any{"Key": "team", "Value": strings.Repeat("v", 257)}), "InvalidParameter.ParamError", "Value"},
		{"no key", tags(map[string]any{"Value": "v"}), "InvalidParameter.ParamError", "no Key"},
		{"an empty key", tags(map[string]any{"Key": "", "Value": "v"}), "InvalidParameter.ParamError", "no Key"},
		{"no value", tags(map[string]any{"Key": "team"}), "InvalidParameter.ParamError", "no Value"},
		{"misnamed fields", tags(map[string]any{"TagKey": "team", "TagValue": "v"}), "InvalidParameter.ParamError", "TagKey"},
		{"a tag that is not an object", assumeRoleWith(map[string]any{"Tags": []string{"team=a"}}), "InvalidParameter.ParamError", "Tags[0]"},
	})
}

func TestSessionTagsAndPolicyAtTheirLimitsAreAccepted(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, unlimited(stsWorld))
	statement := `{"effect":"allow","action":["organization:Describe*"],"resource":["qcs::organization:::*"]}`
	params := policy(statement)
	params["Tags"] = []map[string]string{{"Key": strings.Repeat("k", 128), "Value": strings.Repeat("v", 256)}, {"Key": "team", "Value": ""}}
	if _, apiErr := assumeRole(t, endpoints.STS, adminCred, params); apiErr != nil {
		t.Fatal(apiErr)
	}
}
