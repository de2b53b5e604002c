// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
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

var testSources = explain.CredentialSources{
	SecretID: "the provider argument secret_id", SecretKey: "the provider argument secret_key",
	SecurityToken: "the provider argument security_token",
}

// testCalls are the contexts each action's diagnostics are written in.
func testCalls() map[string]explain.Call {
	client := &conns.Client{Organization: organization.NewClient(tencentapi.Config{}), Sources: testSources}
	return map[string]explain.Call{
		"DescribeOrganizationMemberEmailBind": emailbind.Call(client, 100033118139),
		"DescribeOrganizationMembers":         membersCall(client, dataSourceModel{NodeID: emailbind.NumberValue(7)}),
	}
}

func TestEveryDocumentedCodeHasItsOwnExplanation(t *testing.T) {
	for action, rc := range testCalls() {
		for _, code := range append(actionCodes[action], commonAPICodes...) {
			exp, ok := rc.Codes.Own(code)
			if !ok {
				exp, ok = explain.CommonCodes().Own(code)
			}
			if !ok {
				t.Errorf("%s: %s has no explanation of its own", action, code)
				continue
			}
			if exp.Summary == "" || exp.Meaning == "" || exp.Fix == "" {
				t.Errorf("%s: %s: summary, meaning and fix must all be written", action, code)
			}
			d := explain.ReadError(&tencentapi.Error{Code: code, Message: "the API's message", RequestID: "req-1"}, rc)
			for _, want := range []string{"Error code: " + code, "Message: the API's message", "RequestId: req-1"} {
				if !strings.Contains(d.Detail(), want) {
					t.Errorf("%s: %s: detail lacks %q:\n%s", action, code, want, d.Detail())
				}
			}
			if strings.Contains(d.Detail(), "{") {
				t.Errorf("%s: %s: detail has an unfilled placeholder:\n%s", action, code, d.Detail())
			}
			if exp.Attribute != "" {
				if _, ok := rc.Attributes[exp.Attribute]; !ok {
					t.Errorf("%s: %s names attribute %q, which the action's context cannot place", action, code, exp.Attribute)
				}
			}
		}
	}
}

func TestListingErrorsAreAttachedToTheFilterAtFault(t *testing.T) {
	client := &conns.Client{Organization: organization.NewClient(tencentapi.Config{}), Sources: testSources}
	for _, tt := range []struct {
		config dataSourceModel
		code   string
		want   path.Path
	}{
		{dataSourceModel{NodeID: emailbind.NumberValue(7)}, "ResourceNotFound.OrganizationNodeNotExist", path.Root("node_id")},
		{dataSourceModel{NodeID: types.NumberNull(), NodeName: types.StringValue("x")}, "ResourceNotFound.OrganizationNodeNotExist", path.Root("node_name")},
		{dataSourceModel{NodeID: types.NumberNull()}, "ResourceNotFound.OrganizationServiceNotExist", path.Root("product")},
	} {
		d := explain.ReadError(&tencentapi.Error{Code: tt.code, RequestID: "r"}, membersCall(client, tt.config))
		withPath, ok := d.(diag.DiagnosticWithPath)
		if !ok || !withPath.Path().Equal(tt.want) {
			t.Errorf("%s is not attached to %s: %v", tt.code, tt.want, d)
		}
	}
}

func TestANotAuthorizedErrorNamesBothActionsOfTheWholeOrganizationRead(t *testing.T) {
	for action, rc := range testCalls() {
		for _, code := range []string{"UnauthorizedOperation", "AuthFailure.UnauthorizedOperation"} {
			detail := explain.ReadError(&tencentapi.Error{Code: code, RequestID: "r"}, rc).Detail()
			for _, want := range []string{"allows organization:" + action, "organization:DescribeOrganizationMembers as well as organization:DescribeOrganizationMemberEmailBind", "CAM Permissions section", "use the management account's credentials", "set product to that service"} {
				if !strings.Contains(detail, want) {
					t.Errorf("%s %s: %q does not say %q", action, code, detail, want)
				}
			}
		}
	}
}
