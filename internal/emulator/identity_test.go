// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

const (
	oidcToken     = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.sig-valid"
	staleToken    = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvbGQifQ.sig-stale"
	samlProvider  = "qcs::cam::uin/100000000001:saml-provider/corp"
	samlAssertion = "PHNhbWxwOlJlc3BvbnNlPnZhbGlkPC9zYW1scDpSZXNwb25zZT4="
	staleSAML     = "PHNhbWxwOlJlc3BvbnNlPm9sZDwvc2FtbHA6UmVzcG9uc2U+"
)

// identityWorld is stsWorld with a sub-user's key, OIDC tokens and SAML
// assertions that trust the auditor role, one of each long expired.
var identityWorld = strings.Replace(stsWorld, `"credentials": [`, `"web_identity_tokens": [
    {"provider_id": "OIDC", "token": "`+oidcToken+`", "role_arns": ["`+auditorRole+`"], "expires_at": "2999-01-01T00:00:00Z"},
    {"provider_id": "OIDC", "token": "`+staleToken+`", "role_arns": ["`+auditorRole+`"], "expires_at": "2020-01-01T00:00:00Z"}
  ],
  "saml_assertions": [
    {"principal_arn": "`+samlProvider+`", "assertion": "`+samlAssertion+`", "role_arns": ["`+auditorRole+`"]},
    {"principal_arn": "`+samlProvider+`", "assertion": "`+staleSAML+`", "role_arns": ["`+auditorRole+`"], "expires_at": "2020-01-01T00:00:00Z"}
  ],
  "credentials": [
    {"secret_id": "AKIDsub", "secret_key": "sub-key", "uin": 100000000001, "sub_user": true},`, 1)

// callUnsigned sends action to STS as the SDK sends the actions that need
// no key: Authorization: SKIP, with X-TC-Token when cred has a token.
func callUnsigned(t *testing.T, baseURL string, cred common.CredentialIface, action string, params any) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	return send(t, baseURL, cred, emulator.ServiceSTS, "ap-guangzhou", "2018-08-13", action, params, true)
}

func webIdentity(extra map[string]any) map[string]any {
	params := map[string]any{"ProviderId": "OIDC", "WebIdentityToken": oidcToken, "RoleArn": auditorRole, "RoleSessionName": "ci-run"}
	for name, value := range extra {
		params[name] = value
	}
	return params
}

func saml(extra map[string]any) map[string]any {
	params := map[string]any{"SAMLAssertion": samlAssertion, "PrincipalArn": samlProvider, "RoleArn": auditorRole, "RoleSessionName": "sso-run"}
	for name, value := range extra {
		params[name] = value
	}
	return params
}

func TestAWebIdentityTokenIsExchangedUnsignedForTheRolesCredential(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorld)
	resp, apiErr := callUnsigned(t, endpoints.STS, nil, "AssumeRoleWithWebIdentity", webIdentity(nil))
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	if resp["Expiration"] == nil || resp["ExpiredTime"] == nil {
		t.Errorf("response %v lacks the expiry", resp)
	}
	role := roleCredential(resp)
	if _, apiErr := describe(t, endpoints.Organization, role, map[string]any{"MemberUin": int64(100033118139)}); apiErr != nil {
		t.Errorf("the role's temporary credential was refused: %v", apiErr)
	}
	reqs := srv.Requests()
	if !reqs[0].Unsigned || reqs[0].SecretID != "" || reqs[0].HasToken || reqs[0].Params["WebIdentityToken"] != `"`+oidcToken+`"` {
		t.Errorf("recorded %+v, want an unsigned request with the token it sent", reqs[0])
	}
	if reqs[1].Unsigned {
		t.Errorf("the signed call was recorded as unsigned")
	}
	identity, apiErr := callerIdentity(t, endpoints.STS, role)
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	if identity["AccountId"] != "100000000001" || identity["Type"] != "AssumedRole" || !strings.HasSuffix(toString(identity["Arn"]), "assumed-role/auditor/ci-run") {
		t.Errorf("the role's credential is %v", identity)
	}
}

func TestASAMLAssertionIsExchangedUnsignedForTheRolesCredential(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorld)
	resp, apiErr := callUnsigned(t, endpoints.STS, nil, "AssumeRoleWithSAML", saml(map[string]any{"DurationSeconds": 43200}))
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	if _, apiErr := describe(t, endpoints.Organization, roleCredential(resp), map[string]any{"MemberUin": int64(100033118139)}); apiErr != nil {
		t.Errorf("the role's temporary credential was refused: %v", apiErr)
	}
	if reqs := srv.Requests(); !reqs[0].Unsigned || reqs[0].Params["SAMLAssertion"] != `"`+samlAssertion+`"` {
		t.Errorf("recorded %+v, want an unsigned request with the assertion it sent", reqs[0])
	}
}

func TestAWebIdentityTokenPastItsExpiryIsRefused(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, identityWorld)
	_, apiErr := callUnsigned(t, endpoints.STS, nil, "AssumeRoleWithWebIdentity", webIdentity(map[string]any{"WebIdentityToken": staleToken}))
	if apiErr == nil || apiErr.Code != "InvalidParameter.WebIdentityTokenError" || !strings.Contains(apiErr.Message, "expired") {
		t.Errorf("an expired token: %v, want InvalidParameter.WebIdentityTokenError saying it expired", apiErr)
	}
}

func TestEveryWayAWebIdentityExchangeFailsHasItsCode(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, unlimited(identityWorld))
	for _, tt := range []struct {
		name   string
		params map[string]any
		code   string
		says   string
	}{
		{"unknown token", webIdentity(map[string]any{"WebIdentityToken": "eyJ.forged.sig"}), "InvalidParameter.WebIdentityTokenError", "unknown"},
		{"token of another provider", webIdentity(map[string]any{"ProviderId": "github"}), "InvalidParameter.WebIdentityTokenError", "unknown"},
		{"expired token", webIdentity(map[string]any{"WebIdentityToken": staleToken}), "InvalidParameter.WebIdentityTokenError", "expired"},
		{"role that does not trust the token", webIdentity(map[string]any{"RoleArn": guardedRole}), "InvalidParameter.WebIdentityTokenError", "untrusted"},
		{"unknown role", webIdentity(map[string]any{"RoleArn": "qcs::cam::uin/100000000001:roleName/nobody"}), "InvalidParameter.ParamError", "RoleArn names no role"},
		{"provider missing", webIdentity(map[string]any{"ProviderId": ""}), "MissingParameter", "ProviderId"},
		{"token missing", webIdentity(map[string]any{"WebIdentityToken": ""}), "MissingParameter", "WebIdentityToken"},
		{"role missing", webIdentity(map[string]any{"RoleArn": ""}), "MissingParameter", "RoleArn"},
		{"session name missing", webIdentity(map[string]any{"RoleSessionName": ""}), "MissingParameter", "RoleSessionName"},
		{"session name with a space", webIdentity(map[string]any{"RoleSessionName": "ci run"}), "InvalidParameter.ParamError", ""},
		{"duration over 12 hours", webIdentity(map[string]any{"DurationSeconds": 43201}), "InvalidParameter.ParamError", "43200"},
		{"duration negative", webIdentity(map[string]any{"DurationSeconds": -1}), "InvalidParameter.ParamError", ""},
		{"unknown parameter", webIdentity(map[string]any{"ExternalId": "x"}), "UnknownParameter", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, apiErr := callUnsigned(t, endpoints.STS, nil, "AssumeRoleWithWebIdentity", tt.params)
			assertSTSError(t, apiErr, tt.code, tt.says)
			if !emulator.Declares("AssumeRoleWithWebIdentity", apiErr.Code) {
				t.Errorf("code %s is not one the SDK declares for AssumeRoleWithWebIdentity, nor a common one", apiErr.Code)
			}
			if apiErr != nil && strings.Contains(apiErr.Message, "sig-") {
				t.Errorf("the message %q repeats the token", apiErr.Message)
			}
		})
	}
}

func TestEveryWayASAMLExchangeFailsHasItsCode(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, unlimited(identityWorld))
	for _, tt := range []struct {
		name   string
		params map[string]any
		code   string
		says   string
	}{
		{"assertion not base64", saml(map[string]any{"SAMLAssertion": "<samlp:Response>"}), "InvalidParameter.ParamError", "base64"},
		{"unknown assertion", saml(map[string]any{"SAMLAssertion": "Zm9yZ2Vk"}), "InvalidParameter.ParamError", "unknown"},
		{"assertion of another provider", saml(map[string]any{"PrincipalArn": "qcs::cam::uin/100000000001:saml-provider/other"}), "InvalidParameter.ParamError", "not issued"},
		{"expired assertion", saml(map[string]any{"SAMLAssertion": staleSAML}), "InvalidParameter.ParamError", "expired"},
		{"role that does not trust the assertion", saml(map[string]any{"RoleArn": guardedRole}), "InvalidParameter.ParamError", "untrusted"},
		{"unknown role", saml(map[string]any{"RoleArn": "qcs::cam::uin/100000000001:roleName/nobody"}), "ResourceNotFound.RoleNotFound", ""},
		{"assertion missing", saml(map[string]any{"SAMLAssertion": ""}), "MissingParameter", "SAMLAssertion"},
		{"provider missing", saml(map[string]any{"PrincipalArn": ""}), "MissingParameter", "PrincipalArn"},
		{"duration over 12 hours", saml(map[string]any{"DurationSeconds": 43201}), "InvalidParameter.OverTimeError", ""},
		{"duration negative", saml(map[string]any{"DurationSeconds": -1}), "InvalidParameter.ParamError", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, apiErr := callUnsigned(t, endpoints.STS, nil, "AssumeRoleWithSAML", tt.params)
			assertSTSError(t, apiErr, tt.code, tt.says)
			if apiErr != nil && strings.Contains(apiErr.Message, samlAssertion) {
				t.Errorf("the message %q repeats the assertion", apiErr.Message)
			}
		})
	}
}

// assertSTSError checks an error's code and that its message says what went
// wrong; acctest.StartEmulator checks that the action declares the code.
func assertSTSError(t *testing.T, apiErr *tcerr.TencentCloudSDKError, code, says string) {
	t.Helper()
	if apiErr == nil || apiErr.Code != code {
		t.Fatalf("error %v, want code %s", apiErr, code)
	}
	if !strings.Contains(apiErr.Message, says) {
		t.Errorf("message %q does not say %q", apiErr.Message, says)
	}
}

func TestOnlyTheIdentityExchangesMayBeSentUnsigned(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorld)
	for _, action := range []string{"AssumeRole", "GetSessionToken", "GetCallerIdentity"} {
		_, apiErr := callUnsigned(t, endpoints.STS, nil, action,
			map[string]any{"RoleArn": auditorRole, "RoleSessionName": "sneaky"})
		if apiErr == nil || apiErr.Code != "AuthFailure.InvalidAuthorization" {
			t.Errorf("unsigned %s: %v, want AuthFailure.InvalidAuthorization", action, apiErr)
		}
	}
	// The Organization endpoint is reached with a client of its own.
	u, _ := url.Parse(endpoints.Organization)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Scheme, cpf.HttpProfile.Endpoint = "HTTP", u.Host
	request := tchttp.NewCommonRequest(emulator.ServiceOrganization, "2021-03-31", "DescribeOrganizationMembers")
	request.SetSkipSign(true)
	_ = request.SetActionParameters(map[string]any{})
	err := common.NewCommonClient(nil, "", cpf).Send(request, tchttp.NewCommonResponse())
	var sdkErr *tcerr.TencentCloudSDKError
	if !errors.As(err, &sdkErr) || sdkErr.Code != "AuthFailure.InvalidAuthorization" {
		t.Errorf("unsigned DescribeOrganizationMembers: %v, want AuthFailure.InvalidAuthorization", err)
	}
	if len(srv.AssumeRoleCalls()) != 0 || len(srv.Issued()) != 0 {
		t.Errorf("an unsigned call reached an action that needs a key")
	}
	for _, req := range srv.Requests() {
		if !req.Unsigned {
			t.Errorf("request %+v not recorded as unsigned", req)
		}
	}
}

func TestAnUnsignedCallCarryingATokenIsRefused(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorld)
	leaked := common.NewTokenCredential("AKIDtemp", "temp-key", "temp-token")
	for _, action := range []string{"AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"} {
		params := webIdentity(nil)
		if action == "AssumeRoleWithSAML" {
			params = saml(nil)
		}
		_, apiErr := callUnsigned(t, endpoints.STS, leaked, action, params)
		if apiErr == nil || apiErr.Code != "AuthFailure.InvalidAuthorization" || !strings.Contains(apiErr.Message, "X-TC-Token") {
			t.Errorf("unsigned %s with a token: %v, want AuthFailure.InvalidAuthorization naming X-TC-Token", action, apiErr)
		}
	}
	if reqs := srv.Requests(); len(reqs) != 2 || !reqs[0].HasToken || len(srv.Issued()) != 0 {
		t.Errorf("recorded %+v, issued %d credentials", reqs, len(srv.Issued()))
	}
}

func TestIdentityExchangesSentSignedAreRefused(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorld)
	sts := endpoints.STS
	for _, action := range []string{"AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"} {
		params := webIdentity(nil)
		if action == "AssumeRoleWithSAML" {
			params = saml(nil)
		}
		_, apiErr := callService(t, sts, adminCred, emulator.ServiceSTS, "ap-guangzhou", "2018-08-13", action, params)
		if apiErr == nil || apiErr.Code != "AuthFailure.InvalidAuthorization" || !strings.Contains(apiErr.Message, "unsigned") {
			t.Errorf("%s signed: %v, want AuthFailure.InvalidAuthorization asking for an unsigned call", action, apiErr)
		}
	}
	if issued := srv.Issued(); len(issued) != 0 {
		t.Errorf("signed exchanges issued %d credentials", len(issued))
	}
}

func TestUnsignedCallsSpendTheBudgetOfTheRolesAccount(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, strings.Replace(identityWorld, "{", `{"rate_limit": 2,`, 1))
	sts := endpoints.STS
	for range 2 {
		if _, apiErr := callUnsigned(t, sts, nil, "AssumeRoleWithWebIdentity", webIdentity(nil)); apiErr != nil {
			t.Fatal(apiErr)
		}
	}
	_, apiErr := callUnsigned(t, sts, nil, "AssumeRoleWithWebIdentity", webIdentity(nil))
	if apiErr == nil || apiErr.Code != "InvalidParameter.OverLimit" || !strings.Contains(apiErr.Message, "uin 100000000001") {
		t.Errorf("third exchange in a second: %v, want InvalidParameter.OverLimit for uin 100000000001", apiErr)
	}
	if _, apiErr := callUnsigned(t, sts, nil, "AssumeRoleWithSAML", saml(nil)); apiErr != nil {
		t.Errorf("another action's budget was spent: %v", apiErr)
	}
	unknown := webIdentity(map[string]any{"RoleArn": "qcs::cam::uin/100000000002:roleName/nobody"})
	for range 2 {
		_, _ = callUnsigned(t, sts, nil, "AssumeRoleWithWebIdentity", unknown)
	}
	if _, apiErr := callUnsigned(t, sts, nil, "AssumeRoleWithWebIdentity", unknown); apiErr == nil || !strings.Contains(apiErr.Message, "uin 0") {
		t.Errorf("unknown roles: %v, want them counted under uin 0", apiErr)
	}
}
