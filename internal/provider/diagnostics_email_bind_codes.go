// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

const fixBindingConsole = "This describes the member's email binding, not this configuration: check the member in the Tencent Cloud Organization console."

// emailBindCodes explains DescribeOrganizationMemberEmailBind's own error
// codes (its API page), and the common codes that, for this action, can
// only be about the member asked for ({member_argument}).
var emailBindCodes = map[string]explanation{
	"FailedOperation.AccountAlreadyRegister": {summary: "Account Already Registered", meaning: "Tencent Cloud reports that the account has already been registered.", fix: fixBindingConsole},
	"FailedOperation.BindEmailLinkExpired":   {summary: "Email Binding Link Expired", meaning: "The member's email binding link has expired.", fix: fixBindingConsole + " A new binding link must be sent there."},
	"FailedOperation.BindEmailLinkInvalid":   {summary: "Email Binding Link Invalid", meaning: "The member's email binding link is invalid.", fix: fixBindingConsole + " A new binding link must be sent there."},
	"FailedOperation.EmailAlreadyUsed":       {summary: "Email Already Used", meaning: "The email address is already used by another account.", fix: fixBindingConsole},
	"FailedOperation.EmailBindRecordInvalid": {summary: "Email Binding Record Invalid", meaning: "The member's email binding record has become invalid.", fix: fixBindingConsole},
	"FailedOperation.MemberBindEmailError":   {summary: "Member Email Binding Failed", meaning: "Binding the member's email failed.", fix: fixBindingConsole},
	"FailedOperation.MemberBindPhoneError":   {summary: "Member Phone Binding Failed", meaning: "Binding the member's verification mobile number failed.", fix: fixBindingConsole},
	"InvalidParameter": {
		summary: "Invalid Member UIN", meaning: "The API rejected {member_argument} {uin} as an invalid parameter.",
		fix: "Use the numeric UIN of a member account, as shown in the Organization console.", attribute: "member_uin",
	},
	"InvalidParameter.CodeError":       {summary: "Incorrect Verification Code", meaning: "Tencent Cloud reports an incorrect mobile verification code for the member's binding.", fix: fixBindingConsole},
	"InvalidParameter.CodeExpired":     {summary: "Verification Code Expired", meaning: "Tencent Cloud reports that the mobile verification code for the member's binding has expired.", fix: fixBindingConsole},
	"InvalidParameter.InvalidEmail":    {summary: "Invalid Email", meaning: "Tencent Cloud reports that the member's email address is invalid.", fix: fixBindingConsole},
	"InvalidParameter.PasswordIllegal": {summary: "Invalid Password", meaning: "Tencent Cloud reports an invalid password for the member's binding.", fix: fixBindingConsole},
	"InvalidParameterValue": {
		summary: "Invalid Member UIN", meaning: "The API rejected the value of {member_argument} {uin}.", fix: "Use the numeric UIN of a member account.", attribute: "member_uin",
	},
	"ResourceNotFound": {
		summary: "Resource Not Found", meaning: "Tencent Cloud could not find a resource the request refers to; the message below says which.",
		fix: "Check {member_argument} and the credentials' organization.", attribute: "member_uin",
	},
	"ResourceNotFound.OrganizationMemberNotExist": {
		summary: "Organization Member Not Found", meaning: "Account {uin} is not a member of the organization that the calling account belongs to.",
		fix:       "Check {member_argument} against the member list in the Tencent Cloud Organization console, or use credentials of the organization the member belongs to.",
		attribute: "member_uin",
	},
	"ResourceNotFound.OrganizationNotExist": organizationNotExist,
	"ResourceNotFound.UserNotExist": {
		summary: "User Not Found", meaning: "Tencent Cloud has no user for account {uin}.", fix: "Check {member_argument}.", attribute: "member_uin",
	},
}
