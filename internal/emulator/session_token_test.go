// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

var subUserCred = common.NewCredential("AKIDsub", "sub-key")

func getSessionToken(t *testing.T, baseURL string, cred *common.Credential, params any) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	return callService(t, baseURL, cred, emulator.ServiceSTS, "ap-guangzhou", "2018-08-13", "GetSessionToken", params)
}

func callerIdentity(t *testing.T, baseURL string, cred *common.Credential) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	return callService(t, baseURL, cred, emulator.ServiceSTS, "ap-guangzhou", "2018-08-13", "GetCallerIdentity", map[string]any{})
}

func lifetime(t *testing.T, resp map[string]any) time.Duration {
	t.Helper()
	number, ok := resp["ExpiredTime"].(json.Number)
	if !ok {
		t.Fatalf("ExpiredTime is %v, not a number", resp["ExpiredTime"])
	}
	expiredTime, err := number.Int64()
	if err != nil {
		t.Fatal(err)
	}
	return time.Until(time.Unix(expiredTime, 0)).Round(time.Minute)
}

func TestGetSessionTokenCertifiesAPermanentKeyWithAnMFACode(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, identityWorld)
	resp, apiErr := getSessionToken(t, endpoints.STS, adminCred, map[string]any{"SerialNumber": adminMFA, "TokenCode": "111111"})
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	if got := lifetime(t, resp); got != 30*time.Minute {
		t.Errorf("the session lasts %s, want the default 30m", got)
	}
	session := roleCredential(resp)
	if _, apiErr := describe(t, endpoints.Organization, session, map[string]any{"MemberUin": int64(100033118139)}); apiErr != nil {
		t.Errorf("the session credential was refused: %v", apiErr)
	}
	identity, apiErr := callerIdentity(t, endpoints.STS, session)
	if apiErr != nil || identity["AccountId"] != "100000000001" || identity["Type"] != "CAMUser" {
		t.Errorf("the session credential is %v, %v; want the account's user", identity, apiErr)
	}
}

func TestEveryWayGetSessionTokenFailsHasItsCode(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, unlimited(identityWorld))
	sts := endpoints.STS
	issued, apiErr := assumeRole(t, sts, adminCred, map[string]any{"RoleArn": auditorRole, "RoleSessionName": "audit-run"})
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	mfa := func(code string, extra map[string]any) map[string]any {
		params := map[string]any{"SerialNumber": adminMFA, "TokenCode": code}
		for name, value := range extra {
			params[name] = value
		}
		return params
	}
	for _, tt := range []struct {
		name   string
		cred   *common.Credential
		params map[string]any
		code   string
	}{
		{"a temporary key of the world", common.NewTokenCredential("AKIDtemp", "temp-key", "temp-token"), mfa("111111", nil), "FailedOperation.TempKeyNotAllowed"},
		{"an issued temporary credential", roleCredential(issued), mfa("111111", nil), "FailedOperation.TempKeyNotAllowed"},
		{"a wrong code", adminCred, mfa("999999", nil), "FailedOperation.CheckMFAError"},
		{"another account's device", adminCred, map[string]any{"SerialNumber": lonerMFA, "TokenCode": "333333"}, "FailedOperation.CheckMFAError"},
		{"an unknown device", adminCred, mfa("111111", map[string]any{"SerialNumber": "qcs::cam:uin/100000000003::mfa/softToken"}), "FailedOperation.CheckMFAError"},
		{"a root key over 2 hours", adminCred, mfa("111111", map[string]any{"DurationSeconds": 7201}), "InvalidParameter.OverTimeError"},
		{"a sub-user over 36 hours", subUserCred, mfa("111111", map[string]any{"DurationSeconds": 129601}), "InvalidParameter.OverTimeError"},
		{"a negative duration", adminCred, mfa("111111", map[string]any{"DurationSeconds": -1}), "InvalidParameter.ParamError"},
		{"no serial number", adminCred, map[string]any{"TokenCode": "111111"}, "MissingParameter"},
		{"no code", adminCred, map[string]any{"SerialNumber": adminMFA}, "MissingParameter"},
		{"an unknown parameter", adminCred, mfa("111111", map[string]any{"RoleArn": auditorRole}), "UnknownParameter"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, apiErr := getSessionToken(t, sts, tt.cred, tt.params)
			assertSTSError(t, apiErr, tt.code, "")
		})
	}
	// None of the failures used the code up.
	if _, apiErr := getSessionToken(t, sts, adminCred, mfa("111111", nil)); apiErr != nil {
		t.Errorf("the code was used up by a failed call: %v", apiErr)
	}
	if len(srv.Issued()) != 2 {
		t.Errorf("issued %d credentials, want the role's and the session's", len(srv.Issued()))
	}
}

func TestASubUsersSessionMayLast36Hours(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, identityWorld)
	resp, apiErr := getSessionToken(t, endpoints.STS, subUserCred, map[string]any{"SerialNumber": adminMFA, "TokenCode": "111111", "DurationSeconds": 129600})
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	if got := lifetime(t, resp); got != 36*time.Hour {
		t.Errorf("the session lasts %s, want 36h", got)
	}
}

func TestGetSessionTokenNeedsARegion(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, identityWorld)
	_, apiErr := callService(t, endpoints.STS, adminCred, emulator.ServiceSTS, "", "2018-08-13", "GetSessionToken",
		map[string]any{"SerialNumber": adminMFA, "TokenCode": "111111"})
	if apiErr == nil || apiErr.Code != "MissingParameter" || !strings.Contains(apiErr.Message, "Region") {
		t.Errorf("GetSessionToken without a region: %v, want MissingParameter naming Region", apiErr)
	}
}

func TestAnMFACodeIsAcceptedOnceAcrossActions(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorld)
	sts := endpoints.STS
	assume := func(code string) *tcerr.TencentCloudSDKError {
		_, apiErr := assumeRole(t, sts, adminCred, map[string]any{
			"RoleArn": auditorRole, "RoleSessionName": "audit-run", "SerialNumber": adminMFA, "TokenCode": code,
		})
		return apiErr
	}
	session := func(code string) *tcerr.TencentCloudSDKError {
		_, apiErr := getSessionToken(t, sts, adminCred, map[string]any{"SerialNumber": adminMFA, "TokenCode": code})
		return apiErr
	}
	for _, tt := range []struct {
		name          string
		first, second func(string) *tcerr.TencentCloudSDKError
		code          string
	}{
		{"GetSessionToken then AssumeRole", session, assume, "222222"},
		{"AssumeRole then GetSessionToken", assume, session, "444444"},
		{"GetSessionToken twice", session, session, "555555"},
	} {
		if apiErr := tt.first(tt.code); apiErr != nil {
			t.Fatalf("%s: first use: %v", tt.name, apiErr)
		}
		if apiErr := tt.second(tt.code); apiErr == nil || apiErr.Code != "FailedOperation.CheckMFAError" {
			t.Errorf("%s: second use: %v, want FailedOperation.CheckMFAError", tt.name, apiErr)
		}
	}
	for _, call := range srv.AssumeRoleCalls() {
		if call.SerialNumber != adminMFA || strings.Contains(fmt.Sprintf("%+v", call), "444444") {
			t.Errorf("AssumeRole call %+v, want the device recorded and the code not", call)
		}
	}
}

func TestARoleThatRequiresMFAIsAssumedOnlyWithAValidCode(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, identityWorld)
	sts := endpoints.STS
	_, apiErr := assumeRole(t, sts, adminCred, map[string]any{"RoleArn": mfaRole, "RoleSessionName": "audit-run"})
	if apiErr == nil || apiErr.Code != "UnauthorizedOperation" || !strings.Contains(apiErr.Message, "requires MFA") {
		t.Errorf("without MFA: %v, want UnauthorizedOperation saying the role requires MFA", apiErr)
	}
	withCode := map[string]any{"RoleArn": mfaRole, "RoleSessionName": "audit-run", "SerialNumber": adminMFA, "TokenCode": "999999"}
	if _, apiErr := assumeRole(t, sts, adminCred, withCode); apiErr == nil || apiErr.Code != "FailedOperation.CheckMFAError" {
		t.Errorf("with a wrong code: %v, want FailedOperation.CheckMFAError", apiErr)
	}
	withCode["TokenCode"] = "111111"
	if _, apiErr := assumeRole(t, sts, adminCred, withCode); apiErr != nil {
		t.Errorf("with a valid code: %v", apiErr)
	}
}

func TestGetCallerIdentityNamesAPermanentKeysAccountAndNoSecret(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorld)
	resp, apiErr := callerIdentity(t, endpoints.STS, common.NewCredential("AKIDloner", "loner-key"))
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	want := map[string]string{"AccountId": "100000000009", "UserId": "100000000009", "PrincipalId": "100000000009", "Type": "CAMUser"}
	for name, value := range want {
		if resp[name] != value {
			t.Errorf("%s = %v, want %s", name, resp[name], value)
		}
	}
	if arn := toString(resp["Arn"]); !strings.Contains(arn, "100000000009") {
		t.Errorf("Arn %q does not name the account", arn)
	}
	for _, value := range resp {
		if text := toString(value); strings.Contains(text, "loner-key") || strings.Contains(text, "AKIDloner") {
			t.Errorf("the response holds the key: %v", resp)
		}
	}
	if _, apiErr := callService(t, endpoints.STS, adminCred, emulator.ServiceSTS, "", "2018-08-13", "GetCallerIdentity", map[string]any{}); apiErr == nil || apiErr.Code != "MissingParameter" {
		t.Errorf("without a region: %v, want MissingParameter, as the API page lists Region as required", apiErr)
	}
	if reqs := srv.Requests(); reqs[0].SecretID != "AKIDloner" {
		t.Errorf("recorded %+v", reqs[0])
	}
}

func TestLogLinesNeverShowATokenAnAssertionOrAnMFACode(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorld)
	var logged strings.Builder
	srv.Logf = func(format string, args ...any) { fmt.Fprintf(&logged, format+"\n", args...) }
	sts := endpoints.STS
	_, _ = callUnsigned(t, sts, nil, "AssumeRoleWithWebIdentity", webIdentity(nil))
	_, _ = callUnsigned(t, sts, nil, "AssumeRoleWithSAML", saml(nil))
	_, _ = getSessionToken(t, sts, adminCred, map[string]any{"SerialNumber": adminMFA, "TokenCode": "111111"})
	_, _ = assumeRole(t, sts, adminCred, map[string]any{"RoleArn": auditorRole, "RoleSessionName": "audit-run", "SerialNumber": adminMFA, "TokenCode": "999999"})
	for _, secret := range []string{oidcToken, samlAssertion, "111111", "999999"} {
		if strings.Contains(logged.String(), secret) {
			t.Errorf("the log shows %q:\n%s", secret, logged.String())
		}
	}
	if !strings.Contains(logged.String(), "RoleSessionName=") || strings.Count(logged.String(), "<redacted>") != 4 {
		t.Errorf("the log lines lack their parameters:\n%s", logged.String())
	}
}
