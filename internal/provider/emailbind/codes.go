// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbind

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
)

const fixBindingConsole = "This describes the member's email binding, not this configuration: check the member in the Tencent Cloud Organization console."

// codes explains DescribeOrganizationMemberEmailBind's own error
// codes (its API page), and the common codes that, for this action, can
// only be about the member asked for ({member_argument}).
var codes = explain.NewTable(map[string]explain.Explanation{
	"FailedOperation.AccountAlreadyRegister": {Summary: "Account Already Registered", Meaning: "Tencent Cloud reports that the account has already been registered.", Fix: fixBindingConsole},
	"FailedOperation.BindEmailLinkExpired":   {Summary: "Email Binding Link Expired", Meaning: "The member's email binding link has expired.", Fix: fixBindingConsole + " A new binding link must be sent there."},
	"FailedOperation.BindEmailLinkInvalid":   {Summary: "Email Binding Link Invalid", Meaning: "The member's email binding link is invalid.", Fix: fixBindingConsole + " A new binding link must be sent there."},
	"FailedOperation.EmailAlreadyUsed":       {Summary: "Email Already Used", Meaning: "The email address is already used by another account.", Fix: fixBindingConsole},
	"FailedOperation.EmailBindRecordInvalid": {Summary: "Email Binding Record Invalid", Meaning: "The member's email binding record has become invalid.", Fix: fixBindingConsole},
	"FailedOperation.MemberBindEmailError":   {Summary: "Member Email Binding Failed", Meaning: "Binding the member's email failed.", Fix: fixBindingConsole},
	"FailedOperation.MemberBindPhoneError":   {Summary: "Member Phone Binding Failed", Meaning: "Binding the member's verification mobile number failed.", Fix: fixBindingConsole},
	"InvalidParameter": {
		Summary: "Invalid Member UIN", Meaning: "The API rejected {member_argument} {uin} as an invalid parameter.",
		Fix: "Use the numeric UIN of a member account, as shown in the Organization console.", Attribute: "member_uin",
	},
	"InvalidParameter.CodeError":       {Summary: "Incorrect Verification Code", Meaning: "Tencent Cloud reports an incorrect mobile verification code for the member's binding.", Fix: fixBindingConsole},
	"InvalidParameter.CodeExpired":     {Summary: "Verification Code Expired", Meaning: "Tencent Cloud reports that the mobile verification code for the member's binding has expired.", Fix: fixBindingConsole},
	"InvalidParameter.InvalidEmail":    {Summary: "Invalid Email", Meaning: "Tencent Cloud reports that the member's email address is invalid.", Fix: fixBindingConsole},
	"InvalidParameter.PasswordIllegal": {Summary: "Invalid Password", Meaning: "Tencent Cloud reports an invalid password for the member's binding.", Fix: fixBindingConsole},
	"InvalidParameterValue": {
		Summary: "Invalid Member UIN", Meaning: "The API rejected the value of {member_argument} {uin}.", Fix: "Use the numeric UIN of a member account.", Attribute: "member_uin",
	},
	"ResourceNotFound": {
		Summary: "Resource Not Found", Meaning: "Tencent Cloud could not find a resource the request refers to; the message below says which.",
		Fix: "Check {member_argument} and the credentials' organization.", Attribute: "member_uin",
	},
	"ResourceNotFound.OrganizationMemberNotExist": {
		Summary: "Organization Member Not Found", Meaning: "Account {uin} is not a member of the organization that the calling account belongs to.",
		Fix:       "Check {member_argument} against the member list in the Tencent Cloud Organization console, or use credentials of the organization the member belongs to.",
		Attribute: "member_uin",
	},
	"ResourceNotFound.OrganizationNotExist": explain.OrganizationNotExist,
	"ResourceNotFound.UserNotExist": {
		Summary: "User Not Found", Meaning: "Tencent Cloud has no user for account {uin}.", Fix: "Check {member_argument}.", Attribute: "member_uin",
	},
})

// Codes explains DescribeOrganizationMemberEmailBind's own error codes; the common
// codes are explain's.
func Codes() explain.Table { return codes }

// Call is what a diagnostic about reading memberUin's binding with c
// may mention.
func Call(c *conns.Client, memberUin int64) explain.Call {
	return explain.Call{
		Action:         organization.ActionDescribeOrganizationMemberEmailBind,
		Codes:          codes,
		Subject:        fmt.Sprintf("member %d", memberUin),
		MemberUin:      memberUin,
		MemberArgument: "member_uin",
		Sources:        c.Sources,
		Endpoint:       c.Organization.Endpoint(),
		Endpoints:      c.Endpoints,
		Attributes:     map[string]path.Path{"member_uin": path.Root("member_uin")},
	}
}
