// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// commonAPICodes are the common API 3.0 codes (../shared/spec/api-notes.md).
var commonAPICodes = []string{
	"AuthFailure.InvalidAuthorization", "AuthFailure.InvalidSecretId", "AuthFailure.MFAFailure",
	"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure",
	"AuthFailure.TokenFailure", "AuthFailure.UnauthorizedOperation", "ActionOffline", "FailedOperation",
	"InternalError", "InvalidAction", "InvalidParameter", "InvalidParameterValue", "InvalidRequest", "IpInBlacklist", "IpNotInWhitelist",
	"LimitExceeded", "MissingParameter", "NoSuchProduct", "NoSuchVersion", "RequestLimitExceeded",
	"RequestLimitExceeded.GlobalRegionUinLimitExceeded", "RequestLimitExceeded.IPLimitExceeded",
	"RequestLimitExceeded.UinLimitExceeded", "RequestSizeLimitExceeded", "ResourceInUse", "ResourceInsufficient",
	"ResourceNotFound", "ResourceUnavailable", "ResponseSizeLimitExceeded", "ServiceUnavailable",
	"UnauthorizedOperation", "UnknownParameter", "UnsupportedOperation", "UnsupportedProtocol", "UnsupportedRegion",
}

// actionCodes are each action's own codes, from its API page
// (DescribeOrganizationMemberEmailBind.txt, organization-members.md).
var actionCodes = map[string][]string{
	"DescribeOrganizationMemberEmailBind": {
		"FailedOperation.AccountAlreadyRegister", "FailedOperation.BindEmailLinkExpired", "FailedOperation.BindEmailLinkInvalid",
		"FailedOperation.EmailAlreadyUsed", "FailedOperation.EmailBindRecordInvalid", "FailedOperation.MemberBindEmailError",
		"FailedOperation.MemberBindPhoneError", "InternalError", "InvalidParameter", "InvalidParameter.CodeError",
		"InvalidParameter.CodeExpired", "InvalidParameter.InvalidEmail", "InvalidParameter.PasswordIllegal",
		"ResourceNotFound.OrganizationMemberNotExist", "ResourceNotFound.OrganizationNotExist", "ResourceNotFound.UserNotExist",
	},
	"DescribeOrganizationMembers": {
		"FailedOperation.OperateBillingPermissionErr", "InternalError", "InvalidParameter",
		"ResourceNotFound.OrganizationNodeNotExist", "ResourceNotFound.OrganizationNotExist", "ResourceNotFound.OrganizationServiceNotExist",
	},
}

var testSources = credentialSources{
	secretID: "the provider argument secret_id", secretKey: "the provider argument secret_key",
	securityToken: "the provider argument security_token",
}

// testContexts are the contexts each action's diagnostics are written in.
func testContexts() map[string]readContext {
	data := &providerData{client: organization.NewClient(tencentapi.Config{}), sources: testSources}
	return map[string]readContext{
		"DescribeOrganizationMemberEmailBind": data.emailBindContext(100033118139),
		"DescribeOrganizationMembers":         data.membersContext(organizationMemberEmailBindsModel{NodeID: numberValue(7)}),
	}
}

func TestEveryDocumentedCodeHasItsOwnExplanation(t *testing.T) {
	for action, rc := range testContexts() {
		for _, code := range append(actionCodes[action], commonAPICodes...) {
			exp, ok := rc.codes[code]
			if !ok {
				exp, ok = commonCodes[code]
			}
			if !ok {
				t.Errorf("%s: %s has no explanation of its own", action, code)
				continue
			}
			if exp.summary == "" || exp.meaning == "" || exp.fix == "" {
				t.Errorf("%s: %s: summary, meaning and fix must all be written", action, code)
			}
			d := readErrorDiagnostic(&tencentapi.Error{Code: code, Message: "the API's message", RequestID: "req-1"}, rc)
			for _, want := range []string{"Error code: " + code, "Message: the API's message", "RequestId: req-1"} {
				if !strings.Contains(d.Detail(), want) {
					t.Errorf("%s: %s: detail lacks %q:\n%s", action, code, want, d.Detail())
				}
			}
			if strings.Contains(d.Detail(), "{") {
				t.Errorf("%s: %s: detail has an unfilled placeholder:\n%s", action, code, d.Detail())
			}
			if exp.attribute != "" {
				if _, ok := rc.attributes[exp.attribute]; !ok {
					t.Errorf("%s: %s names attribute %q, which the action's context cannot place", action, code, exp.attribute)
				}
			}
		}
	}
}

func TestListingErrorsAreAttachedToTheFilterAtFault(t *testing.T) {
	data := &providerData{client: organization.NewClient(tencentapi.Config{}), sources: testSources}
	for _, tt := range []struct {
		config organizationMemberEmailBindsModel
		code   string
		want   path.Path
	}{
		{organizationMemberEmailBindsModel{NodeID: numberValue(7)}, "ResourceNotFound.OrganizationNodeNotExist", path.Root("node_id")},
		{organizationMemberEmailBindsModel{NodeID: types.NumberNull(), NodeName: types.StringValue("x")}, "ResourceNotFound.OrganizationNodeNotExist", path.Root("node_name")},
		{organizationMemberEmailBindsModel{NodeID: types.NumberNull()}, "ResourceNotFound.OrganizationServiceNotExist", path.Root("product")},
	} {
		d := readErrorDiagnostic(&tencentapi.Error{Code: tt.code, RequestID: "r"}, data.membersContext(tt.config))
		withPath, ok := d.(diag.DiagnosticWithPath)
		if !ok || !withPath.Path().Equal(tt.want) {
			t.Errorf("%s is not attached to %s: %v", tt.code, tt.want, d)
		}
	}
}

func TestSubCodesFallBackToTheirFamily(t *testing.T) {
	rc := testContexts()["DescribeOrganizationMemberEmailBind"]
	for code, summary := range map[string]string{
		"UnauthorizedOperation.NotInWhiteList": "Not Authorized",
		"RequestLimitExceeded.SomethingNew":    "API Rate Limit Exceeded",
		"AuthFailure.SomethingNew":             "Authentication Failed",
		"ResourceNotFound.SomethingNew":        "Resource Not Found",
		"CompletelyUnknown":                    "Tencent Cloud API Error",
		"FailedOperation.SomethingNew":         "Operation Failed",
		"InvalidParameterValue.SomethingNew":   "Invalid Member UIN",
		"ServiceUnavailable.SomethingNew":      "Tencent Cloud Service Unavailable",
		"ResourceUnavailable.SomethingNew":     "Resource Unavailable",
		"InternalError.SomethingNew":           "Tencent Cloud Internal Error",
		"UnsupportedOperation.SomethingNew":    "Operation Not Supported",
		"LimitExceeded.SomethingNew":           "Quota Exceeded",
		"ResourceInsufficient.SomethingNew":    "Resource Insufficient",
		"InvalidParameter.SomethingNewAndOdd":  "Invalid Member UIN",
	} {
		d := readErrorDiagnostic(&tencentapi.Error{Code: code, RequestID: "r"}, rc)
		if d.Summary() != summary {
			t.Errorf("%s: summary %q, want %q", code, d.Summary(), summary)
		}
	}
}

func TestRejectedEndpointIsNotEchoedWithItsPassword(t *testing.T) {
	t.Setenv(envvar.SecretID, "AKIDx")
	t.Setenv(envvar.SecretKey, "x")
	t.Setenv(envvar.OrganizationEndpoint, "https://admin:SuperSecret@organization.example.com/?debug=1")
	_, diags := resolveSettings(emptyProviderModel(), "test")
	if !diags.HasError() {
		t.Fatal("a URL with a query was accepted")
	}
	for _, d := range diags {
		if strings.Contains(d.Detail(), "SuperSecret") {
			t.Errorf("the diagnostic shows the password: %s", d.Detail())
		}
		if !strings.Contains(d.Detail(), "admin:xxxxx@organization.example.com") {
			t.Errorf("the diagnostic does not show the redacted URL: %s", d.Detail())
		}
	}
}

func TestEnvironmentTokenBesideAnArgumentPairIsReportedNotDropped(t *testing.T) {
	t.Setenv(envvar.SecurityToken, "env-token")
	m := emptyProviderModel()
	m.SecretID, m.SecretKey = types.StringValue("AKIDarg"), types.StringValue("arg-key")
	s, diags := resolveSettings(m, "test")
	if diags.HasError() || diags.WarningsCount() != 1 || diags.Warnings()[0].Summary() != summaryIgnoredToken {
		t.Fatalf("diagnostics %v, want one %q warning", diags, summaryIgnoredToken)
	}
	if err := s.credential.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s.credential.GetToken() != "" {
		t.Errorf("the environment token was used with the argument pair")
	}
	if strings.Contains(diagText(diags), "env-token") {
		t.Errorf("the warning shows the token")
	}
}

func emptyProviderModel() providerModel {
	return providerModel{
		SecretID: types.StringNull(), SecretKey: types.StringNull(), SecurityToken: types.StringNull(),
		Region: types.StringNull(), Protocol: types.StringNull(), Domain: types.StringNull(),
		RateLimit: types.Float64Null(), MaxRetries: types.Int64Null(), RequestTimeout: types.StringNull(),
		Profile: types.StringNull(), SharedCredentialsDir: types.StringNull(), CamRoleName: types.StringNull(),
		EnablePodOIDC:       types.BoolNull(),
		AllowedAccountIDs:   types.SetNull(types.StringType),
		ForbiddenAccountIDs: types.SetNull(types.StringType),
	}
}

func diagText(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + " " + d.Detail() + "\n")
	}
	return b.String()
}

// TestProfilesAreReadPerConfiguration resolves two provider configurations
// in one process, as aliases in one run would be, with different profiles.
func TestProfilesAreReadPerConfiguration(t *testing.T) {
	var ids []string
	for _, id := range []string{"AKIDfirst", "AKIDsecond"} {
		dir := t.TempDir()
		writeProfile(t, dir, "shared-name", `{"secretId": "`+id+`", "secretKey": "k"}`, "")
		m := emptyProviderModel()
		m.Profile, m.SharedCredentialsDir = types.StringValue("shared-name"), types.StringValue(dir)
		s, diags := resolveSettings(m, "test")
		if diags.HasError() {
			t.Fatal(diags)
		}
		if err := s.credential.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.credential.GetSecretId())
	}
	if ids[0] != "AKIDfirst" || ids[1] != "AKIDsecond" {
		t.Errorf("the configurations signed with %v, want each its own profile", ids)
	}
}

func TestRedirectDiagnosticNamesTheHostAndTheFix(t *testing.T) {
	rc := testContexts()["DescribeOrganizationMemberEmailBind"]
	d := readErrorDiagnostic(&tencentapi.Error{Code: tencentapi.CodeRedirect, HTTPStatus: 302, RedirectHost: "login.example.com:8443"}, rc)
	if d.Summary() != "API Request Redirected" {
		t.Errorf("summary %q", d.Summary())
	}
	for _, want := range []string{"HTTP 302", "the host login.example.com:8443", "never follows a redirect", "endpoints.organization"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail())
		}
	}
}

func TestAnAnswerThatCouldNotBeReadIsNotCalledUnreachable(t *testing.T) {
	rc := testContexts()["DescribeOrganizationMemberEmailBind"]
	d := readErrorDiagnostic(&tencentapi.Error{
		Code: tencentapi.CodeUnreadableResponse, Message: "the answer could not be read: Content-Encoding not support: br", HTTPStatus: 200,
	}, rc)
	if d.Summary() != "Unreadable API Response" {
		t.Errorf("summary %q", d.Summary())
	}
	for _, want := range []string{"answered DescribeOrganizationMemberEmailBind while reading member 100033118139, but the answer could not be read: " +
		"Content-Encoding not support: br", "endpoints.organization"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail())
		}
	}
}

func TestANotAuthorizedErrorNamesBothActionsOfTheWholeOrganizationRead(t *testing.T) {
	for action, rc := range testContexts() {
		for _, code := range []string{"UnauthorizedOperation", "AuthFailure.UnauthorizedOperation"} {
			detail := readErrorDiagnostic(&tencentapi.Error{Code: code, RequestID: "r"}, rc).Detail()
			for _, want := range []string{"allows organization:" + action, "organization:DescribeOrganizationMembers as well as organization:DescribeOrganizationMemberEmailBind", "CAM Permissions section", "use the management account's credentials", "set product to that service"} {
				if !strings.Contains(detail, want) {
					t.Errorf("%s %s: %q does not say %q", action, code, detail, want)
				}
			}
		}
	}
}
