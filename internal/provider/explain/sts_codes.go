// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package explain

import (
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

const (
	fixSessionPolicy = "Correct the assume_role policy: a JSON document with \"version\": \"2.0\" and statements of effect, action and resource, " +
		"without principal, which only the role's trust policy names."
	fixSTSRetry = "Run Terraform again in a moment; if it keeps failing, contact Tencent Cloud support with the RequestId above."
	fixNewCode  = "Enter the device's current code (token_code in mfa_certification or assume_role, or " + envvar.MFATokenCode +
		" / " + envvar.AssumeRoleTokenCode + ") and run Terraform again. A code is accepted once: a code used by an earlier run, " +
		"or by another provider configuration in this run, is refused."
)

// stsCodes explains the error codes the STS SDK declares, for the actions
// that obtain credentials (AssumeRole, AssumeRoleWithWebIdentity,
// AssumeRoleWithSAML, GetSessionToken) and GetCallerIdentity. A code not
// here is looked up by its family, then among the common API 3.0 codes.
var stsCodes = NewTable(map[string]Explanation{
	"FailedOperation.CheckMFAError": {
		Meaning: "STS refused the MFA code: it is wrong, has expired, or was already used.", Fix: fixNewCode,
	},
	"FailedOperation.MFATypeNotSupported": {
		Meaning: "STS does not support the kind of MFA device serial_number names.",
		Fix:     "Bind a virtual MFA device (softToken) to the CAM user, and set serial_number to it.",
	},
	"FailedOperation.TempKeyNotAllowed": {
		Meaning: "STS refused a temporary credential where it needs a permanent API key (GetSessionToken certifies only permanent keys).",
		Fix:     "Sign with a permanent API key (secret_id and secret_key, or a profile without a token).",
	},
	"InvalidParameter.WebIdentityTokenError": {
		Meaning: "STS refused the OIDC token: it is malformed, has expired, was not issued by the identity provider provider_id names, or that provider is not trusted by the role.",
		Fix: "Check that the token file is the one the CI system or Kubernetes keeps current, that provider_id is the identity provider's name in CAM, " +
			"and that the role's trust policy names that provider and the token's audience and subject.",
	},
	"ResourceNotFound.RoleNotFound": {
		Meaning: "The role named by role_arn does not exist.",
		Fix:     "Check role_arn (or the variable it came from) against the role's resource name in the CAM console, such as qcs::cam::uin/100000000001:roleName/auditor.",
	},
	"InternalError.GetRoleError": {
		Meaning: "STS could not read the role named by role_arn.", Fix: "Check role_arn; if it is right, " + fixSTSRetry,
	},
	"InternalError.IllegalRole": {
		Meaning: "The role named by role_arn cannot be assumed this way.",
		Fix:     "Check that the role's trust policy allows this credential, identity provider or account to assume it.",
	},
	"InternalError": {Meaning: "STS failed internally.", Fix: fixSTSRetry},
	"InvalidParameter.OverLimit": {
		Meaning: "STS throttled the call: the account's requests to this STS action exceed its rate limit. The provider slowed down and retried it on the next of its lanes, until max_retries ran out.",
		Fix:     "Run Terraform again in a moment; if other tools or provider aliases obtain credentials with this account at the same time, space them out or raise max_retries.",
	},
	"InvalidParameter.OverTimeError": {
		Meaning: "The session duration is longer than STS grants.",
		Fix:     "Lower session_duration (at most 43200 seconds) or mfa_certification.duration_seconds (at most 7200 for a root account's key, 129600 for a sub-user's).",
	},
	"InvalidParameter.ParamError": {
		Meaning: "STS refused a parameter; its message below names it (for a SAML exchange, a malformed, expired or untrusted assertion; for an OIDC exchange, also a role_arn that names no role or a session_duration over 43200 seconds).",
		Fix: "Correct the argument the message names: role_arn (the role's resource name in the CAM console), session_name (2 to 128 letters, digits and =,.@_-), " +
			"session_duration (at most 43200), saml_assertion, principal_arn, external_id or source_identity.",
	},
	"InvalidParameter.PolicyTooLong": {
		Meaning: "The assume_role policy is longer than STS takes: at most 2048 characters once URL-encoded.",
		Fix:     "Shorten the policy: use wildcards in action and resource, or leave it out and rely on the role's own permissions.",
	},
	"InvalidParameter.StrategyFormatError": {
		Meaning: "The assume_role policy is not a policy document STS can read: it needs version \"2.0\" and statements of effect, action and resource.",
		Fix:     fixSessionPolicy,
	},
	"InvalidParameter.StrategyInvalid": {
		Meaning: "The assume_role policy is not valid as a session policy: a statement names a principal, or an action that is not service:Action.",
		Fix:     fixSessionPolicy,
	},
	"InvalidParameter.ResouceError": {
		Meaning: "A resource in the assume_role policy is neither * nor a resource name (qcs::service:region:account:resource).",
		Fix:     fixSessionPolicy,
	},
	"InvalidParameter.AccountNotAvaliable": {
		Meaning: "The account behind the credential cannot use STS this way.", Fix: "Check that the account is verified and not in arrears.",
	},
	"InvalidParameter.TempCodeNotAvaliable": {
		Meaning: "The temporary credential that signed the call is not valid for it.", Fix: "Sign with a permanent API key, or obtain a fresh credential.",
	},
	"InvalidParameter.AccessKeyNotSupport": {
		Meaning: "STS does not accept this kind of API key for the call.", Fix: "Use an API key of a CAM user or the root account.",
	},
	"InvalidParameter": {
		Meaning: "STS refused the request's parameters, the session policy among them; its message below says which.",
		Fix:     "Correct the assume_role policy (a JSON policy document) or the argument the message names.",
	},
	"AuthFailure.AccessKeyIllegal": {
		Meaning: "The API key that signed the STS call is disabled or invalid.", Fix: "Enable the key, or use another, in the CAM console under Access Key.",
	},
	"UnauthorizedOperation": {
		Meaning: "The identity that signed the STS call may not make it: the role's trust policy does not name it, its permissions lack sts:AssumeRole (or sts:GetSessionToken), or the role requires MFA.",
		Fix:     "Add this identity to the role's trust policy and grant it the STS action, or set serial_number and token_code for a role that requires MFA.",
	},
	"UnsupportedOperation": {
		Meaning: "STS does not support this call for this credential or account.", Fix: "Use a credential of another kind, or contact Tencent Cloud support.",
	},
})

// STSCodes explains the error codes the STS SDK declares.
func STSCodes() Table { return stsCodes }

// stsCall fills the common codes' placeholders for a call to STS.
var stsCall = Call{
	Action:   "sts:*",
	Codes:    stsCodes,
	Sources:  CredentialSources{SecretID: "the credential that signed the STS call", SecretKey: "it", SecurityToken: "it"},
	Endpoint: "STS",
}

// DescribeSTSCode says what an STS error code means and what to do.
func DescribeSTSCode(code string) string {
	exp := lookup(code, stsCall)
	return stsCall.fill(exp.Meaning) + " " + stsCall.fill(exp.Fix)
}
