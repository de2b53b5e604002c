// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

// All user-facing wording lives in this file, so that messages stay
// consistent and can be reviewed in one place.

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

const (
	summaryNoCredentials        = "No Tencent Cloud Credentials"
	summaryIncompleteCredential = "Incomplete Tencent Cloud Credential"
	summaryUnknownSetting       = "Provider Setting Not Yet Known"
	summaryInvalidProtocol      = "Invalid Protocol"
	summaryInvalidDomain        = "Invalid Domain"
	summaryInvalidEndpoint      = "Invalid Endpoint URL"
	summaryInvalidTimeout       = "Invalid Request Timeout"
	summaryUnexpectedData       = "Unexpected Provider Data"
	summaryNotConfigured        = "Provider Not Configured"
	summaryIgnoredToken         = "Security Token From Environment Ignored"
	summaryIgnoredTokenArgument = "Security Token Argument Ignored"
	summaryProfileNotFound      = "Profile Not Found"
	summaryProfileUnreadable    = "Profile Unreadable"
	summaryMissingRoleArn       = "Missing Role ARN"
	summaryInvalidDuration      = "Invalid Session Duration"
	summaryCredentialFailed     = "Cannot Obtain Tencent Cloud Credentials"
	summaryValueOutOfRange      = "API Value Out of Range"

	noCredentialsDetail = "The provider found no Tencent Cloud credential. It looks, in this order, at:\n" +
		"  1. the provider arguments secret_id and secret_key (and security_token for a temporary credential);\n" +
		"  2. the environment variables " + envSecretID + " and " + envSecretKey + " (and " + envSecurityToken + ");\n" +
		"  3. the tccli profile named by profile or " + envProfile + " (default \"default\") in shared_credentials_dir or " +
		envSharedCredentialsDir + " (default ~/.tccli);\n" +
		"  4. the CVM instance role named by cam_role_name or " + envCamRoleName + ".\n" +
		"Supply one of them. API keys are created in the Tencent Cloud console under CAM > Access Key."

	missingRoleArnDetail = "The assume_role block needs role_arn (or the environment variable " + envAssumeRoleArn + "), " +
		"the resource name of the role to assume, such as qcs::cam::uin/100000000001:roleName/auditor."
)

func incompleteCredentialDetail(given, missing setting) string {
	return fmt.Sprintf("A SecretId and SecretKey must come from the same place, but %s is set and %s is not. "+
		"Set both as provider arguments, or both as the environment variables %s and %s.",
		given.source, missing.source, envSecretID, envSecretKey)
}

func unknownSettingDetail(name string) string {
	return fmt.Sprintf("The provider argument %s depends on a value that is known only after apply, "+
		"but the provider must be configured during plan to read data sources. "+
		"Set it to a literal, a variable, or leave it unset and use its environment variable.", name)
}

const ignoredTokenDetail = "secret_id and secret_key are set as provider arguments, so the credential is taken from the provider block, " +
	"and " + envSecurityToken + " is not used with it: a token belongs to the temporary SecretId it was issued with. " +
	"If the provider arguments are a temporary credential, set security_token in the provider block too."

func profileNotFoundDetail(name setting, credentialPath string) string {
	return fmt.Sprintf("The profile %q from %s has no credential file: %s does not exist. "+
		"Create it with `tccli configure --profile %s`, or fix the profile name or shared_credentials_dir.",
		name.value, sourceOrDefault(name), credentialPath, name.value)
}

func profileErrorDetail(name setting, err error) string {
	return fmt.Sprintf("The profile %q from %s could not be used: %s. Fix the file, or choose another profile.",
		name.value, sourceOrDefault(name), err)
}

func sourceOrDefault(s setting) string {
	if s.source == "" {
		return "the default"
	}
	return s.source
}

func credentialFailedDetail(err error) string {
	return fmt.Sprintf("The provider could not get a credential from %s.", err) +
		" Fix that source, or supply a credential another way (see the provider documentation for the order in which sources are tried)."
}

const ignoredTokenArgumentDetail = "security_token is set as a provider argument, but secret_id and secret_key are not, " +
	"so the credential is taken from " + envSecretID + " and " + envSecretKey + " and the argument is not used with it: " +
	"a token belongs to the temporary SecretId it was issued with. Set all three in the same place."

const notConfiguredDetail = "The data source was read before the provider was configured. This is a bug in the provider; please report it."

func invalidSettingDetail(s setting, err error) string {
	return fmt.Sprintf("The value %q from %s %s.", redacted(s.value), s.source, err)
}

// redacted hides a password in a URL, so that a rejected endpoint setting
// is never echoed with its credentials.
func redacted(value string) string {
	if u, err := url.Parse(value); err == nil && u.User != nil {
		return u.Redacted()
	}
	return value
}

func unexpectedProviderDataDetail(data any) string {
	return fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data)
}

func valueOutOfRangeDetail(field string, value uint64) string {
	return fmt.Sprintf("The API returned %s = %d, which does not fit in a Terraform number of type Int64. "+
		"This is unexpected for this API; please report it to the provider's maintainers.", field, value)
}

// readContext is what a read diagnostic may mention. It carries where the
// credential came from, never the credential.
type readContext struct {
	memberUin int64
	sources   credentialSources
	endpoint  string
}

// explanation turns one API error code into words for a Terraform user.
// meaning and fix may use the placeholders {uin}, {secret_id}, {secret_key},
// {token} (where each part of the credential came from) and {endpoint}.
type explanation struct {
	summary string
	meaning string
	fix     string
	// onMemberUin attaches the diagnostic to member_uin, where the fix is.
	onMemberUin bool
}

const (
	fixRetryLater     = "Run Terraform again in a moment; if it keeps failing, contact Tencent Cloud support with the RequestId below."
	fixReportBug      = "This is a bug in the provider; please report it with the details below."
	fixCheckEndpoint  = "Check endpoints.organization (" + envOrganizationEndpoint + ") and domain (" + envDomain + "); without them the provider calls organization.intl.tencentcloudapi.com."
	fixCAM            = "Attach a CAM policy that allows organization:DescribeOrganizationMemberEmailBind to the user or role that owns the SecretId from {secret_id}."
	fixBindingConsole = "This describes the member's email binding, not this configuration: check the member in the Tencent Cloud Organization console."
	meaningThrottled  = "Tencent Cloud throttled the request: DescribeOrganizationMemberEmailBind allows 20 requests per second per account, and the provider already paces itself to rate_limit and retries throttled reads."
	fixThrottled      = "Another client is probably using the same account's budget. Lower rate_limit, raise max_retries, or run Terraform when the other client is idle."
)

// explanations covers every error code on the API page and every common
// API 3.0 code; explanationFamilies catches sub-codes not listed here.
var explanations = map[string]explanation{
	// The action's own codes.
	"FailedOperation.AccountAlreadyRegister": {summary: "Account Already Registered", meaning: "Tencent Cloud reports that the account has already been registered.", fix: fixBindingConsole},
	"FailedOperation.BindEmailLinkExpired":   {summary: "Email Binding Link Expired", meaning: "The member's email binding link has expired.", fix: fixBindingConsole + " A new binding link must be sent there."},
	"FailedOperation.BindEmailLinkInvalid":   {summary: "Email Binding Link Invalid", meaning: "The member's email binding link is invalid.", fix: fixBindingConsole + " A new binding link must be sent there."},
	"FailedOperation.EmailAlreadyUsed":       {summary: "Email Already Used", meaning: "The email address is already used by another account.", fix: fixBindingConsole},
	"FailedOperation.EmailBindRecordInvalid": {summary: "Email Binding Record Invalid", meaning: "The member's email binding record has become invalid.", fix: fixBindingConsole},
	"FailedOperation.MemberBindEmailError":   {summary: "Member Email Binding Failed", meaning: "Binding the member's email failed.", fix: fixBindingConsole},
	"FailedOperation.MemberBindPhoneError":   {summary: "Member Phone Binding Failed", meaning: "Binding the member's verification mobile number failed.", fix: fixBindingConsole},
	"InternalError":                          {summary: "Tencent Cloud Internal Error", meaning: "Tencent Cloud hit an internal error while answering.", fix: fixRetryLater},
	"InvalidParameter": {
		summary: "Invalid Member UIN", meaning: "The API rejected member_uin {uin} as an invalid parameter.",
		fix: "Use the numeric UIN of a member account, as shown in the Organization console.", onMemberUin: true,
	},
	"InvalidParameter.CodeError":       {summary: "Incorrect Verification Code", meaning: "Tencent Cloud reports an incorrect mobile verification code for the member's binding.", fix: fixBindingConsole},
	"InvalidParameter.CodeExpired":     {summary: "Verification Code Expired", meaning: "Tencent Cloud reports that the mobile verification code for the member's binding has expired.", fix: fixBindingConsole},
	"InvalidParameter.InvalidEmail":    {summary: "Invalid Email", meaning: "Tencent Cloud reports that the member's email address is invalid.", fix: fixBindingConsole},
	"InvalidParameter.PasswordIllegal": {summary: "Invalid Password", meaning: "Tencent Cloud reports an invalid password for the member's binding.", fix: fixBindingConsole},
	"ResourceNotFound.OrganizationMemberNotExist": {
		summary: "Organization Member Not Found", meaning: "Account {uin} is not a member of the organization that the calling account belongs to.",
		fix: "Check member_uin against the member list in the Tencent Cloud Organization console, or use credentials of the organization the member belongs to.", onMemberUin: true,
	},
	"ResourceNotFound.OrganizationNotExist": {
		summary: "Caller Is Not in an Organization", meaning: "The account that owns the SecretId from {secret_id} does not belong to a Tencent Cloud Organization.",
		fix: "Use credentials of the organization's management account, or of a member account with access to it.",
	},
	"ResourceNotFound.UserNotExist": {
		summary: "User Not Found", meaning: "Tencent Cloud has no user for account {uin}.", fix: "Check member_uin.", onMemberUin: true,
	},

	// Common codes: credentials and authorization.
	"AuthFailure.InvalidAuthorization": {
		summary: "Malformed Request Authorization", meaning: "Tencent Cloud rejected the request's Authorization header as malformed.",
		fix: "A proxy between Terraform and {endpoint} may have altered the request; if none did, please report this provider bug.",
	},
	"AuthFailure.InvalidSecretId": {
		summary: "Invalid Secret ID", meaning: "The SecretId from {secret_id} is not a valid SecretId.",
		fix: "Copy the SecretId again from the Tencent Cloud console under CAM > Access Key.",
	},
	"AuthFailure.MFAFailure": {
		summary: "MFA Check Failed", meaning: "The CAM identity behind the SecretId from {secret_id} requires multi-factor authentication for API calls.",
		fix: "Use an API key of an identity without that requirement, or a temporary credential obtained after MFA.",
	},
	"AuthFailure.SecretIdNotFound": {
		summary: "Unknown Secret ID", meaning: "The SecretId from {secret_id} does not exist, or was deleted or disabled.",
		fix: "Check it in the Tencent Cloud console under CAM > Access Key, and check that it belongs to the site you are calling (international or China, see the domain argument).",
	},
	"AuthFailure.SignatureExpire": {
		summary: "Request Signature Expired", meaning: "The request's timestamp is more than 5 minutes away from Tencent Cloud's clock.",
		fix: "Synchronize this machine's clock (for example with NTP) and run Terraform again.",
	},
	"AuthFailure.SignatureFailure": {
		summary: "Invalid Secret Key", meaning: "Tencent Cloud rejected the request signature: the SecretKey from {secret_key} does not belong to the SecretId from {secret_id}.",
		fix: "Correct the SecretKey. It is shown only once, when the API key is created in CAM > Access Key; create a new key if it is lost.",
	},
	"AuthFailure.TokenFailure": {
		summary: "Invalid Security Token", meaning: "The security token from {token} is invalid, has expired, or does not belong to the SecretId from {secret_id}.",
		fix: "Obtain a fresh temporary credential and set its SecretId, SecretKey and token together.",
	},
	"AuthFailure.UnauthorizedOperation": {
		summary: "Not Authorized", meaning: "The CAM identity behind the SecretId from {secret_id} is not allowed to call organization:DescribeOrganizationMemberEmailBind.", fix: fixCAM,
	},
	"UnauthorizedOperation": {
		summary: "Not Authorized", meaning: "The CAM identity behind the SecretId from {secret_id} is not allowed to call organization:DescribeOrganizationMemberEmailBind.", fix: fixCAM,
	},
	"IpInBlacklist": {
		summary: "Caller IP Address Blocked", meaning: "This machine's IP address is on a blocklist for the account behind the SecretId from {secret_id}.",
		fix: "Run Terraform from another network, or remove the address from the account's blocklist.",
	},
	"IpNotInWhitelist": {
		summary: "Caller IP Address Not Allowed", meaning: "The account behind the SecretId from {secret_id} allows API calls only from listed IP addresses, and this machine's is not listed.",
		fix: "Run Terraform from an allowed network, or add this address to the account's allowlist.",
	},

	// Common codes: the endpoint and the request.
	"ActionOffline": {summary: "API Action Offline", meaning: "{endpoint} reports that DescribeOrganizationMemberEmailBind has been taken offline.", fix: fixCheckEndpoint},
	"InvalidAction": {summary: "API Not Available at Endpoint", meaning: "{endpoint} does not serve the action DescribeOrganizationMemberEmailBind.", fix: fixCheckEndpoint},
	"NoSuchProduct": {summary: "API Not Available at Endpoint", meaning: "{endpoint} does not serve the Organization product.", fix: fixCheckEndpoint},
	"NoSuchVersion": {summary: "API Not Available at Endpoint", meaning: "{endpoint} does not serve version " + organization.APIVersion + " of the Organization API.", fix: fixCheckEndpoint},
	"UnsupportedRegion": {
		summary: "Unsupported Region", meaning: "The region sent with the request is not supported by this API.",
		fix: "DescribeOrganizationMemberEmailBind needs no region: unset the region argument and " + envRegion + ".",
	},
	"UnsupportedProtocol": {summary: "Unsupported Protocol", meaning: "{endpoint} does not accept requests over this protocol or HTTP method.", fix: "Set protocol to HTTPS, the default."},
	"InvalidParameterValue": {
		summary: "Invalid Member UIN", meaning: "The API rejected the value of member_uin {uin}.", fix: "Use the numeric UIN of a member account.", onMemberUin: true,
	},
	"MissingParameter":          {summary: "Request Rejected", meaning: "The API reports that the request lacks a required parameter.", fix: fixReportBug},
	"UnknownParameter":          {summary: "Request Rejected", meaning: "The API reports that the request has a parameter it does not know.", fix: fixReportBug},
	"InvalidRequest":            {summary: "Request Rejected", meaning: "The API reports that the request is malformed.", fix: fixReportBug},
	"RequestSizeLimitExceeded":  {summary: "Request Too Large", meaning: "The API reports that the request exceeds its size limit.", fix: fixReportBug},
	"ResponseSizeLimitExceeded": {summary: "Response Too Large", meaning: "The API reports that the response would exceed its size limit.", fix: fixReportBug},

	// Common codes: service state and quotas.
	"FailedOperation":      {summary: "Operation Failed", meaning: "Tencent Cloud could not complete the request; its message below says why.", fix: fixRetryLater},
	"LimitExceeded":        {summary: "Quota Exceeded", meaning: "An account quota was exceeded; the message below says which.", fix: "Raise the quota in the Tencent Cloud console or wait for it to reset."},
	"RequestLimitExceeded": {summary: "API Rate Limit Exceeded", meaning: meaningThrottled, fix: fixThrottled},
	"RequestLimitExceeded.GlobalRegionUinLimitExceeded": {summary: "API Rate Limit Exceeded", meaning: meaningThrottled + " The limit hit is the account's across regions.", fix: fixThrottled},
	"RequestLimitExceeded.IPLimitExceeded":              {summary: "API Rate Limit Exceeded", meaning: meaningThrottled + " The limit hit is per source IP address.", fix: "Other clients behind the same IP address share this limit. Lower rate_limit or raise max_retries."},
	"RequestLimitExceeded.UinLimitExceeded":             {summary: "API Rate Limit Exceeded", meaning: meaningThrottled + " The limit hit is per account.", fix: fixThrottled},
	"ResourceInUse":                                     {summary: "Resource In Use", meaning: "Tencent Cloud reports that a resource the request refers to is in use.", fix: fixRetryLater},
	"ResourceInsufficient":                              {summary: "Resource Insufficient", meaning: "Tencent Cloud reports that it lacks the resources to answer.", fix: fixRetryLater},
	"ResourceNotFound":                                  {summary: "Resource Not Found", meaning: "Tencent Cloud could not find a resource the request refers to; the message below says which.", fix: "Check member_uin and the credentials' organization.", onMemberUin: true},
	"ResourceUnavailable":                               {summary: "Resource Unavailable", meaning: "Tencent Cloud reports that a resource the request needs is temporarily unavailable.", fix: fixRetryLater},
	"ServiceUnavailable":                                {summary: "Tencent Cloud Service Unavailable", meaning: "The Organization API is temporarily unavailable.", fix: fixRetryLater},
	"UnsupportedOperation":                              {summary: "Operation Not Supported", meaning: "Tencent Cloud does not support this operation for the calling account.", fix: "Check that the credentials belong to the organization's management account."},
}

var explanationFamilies = map[string]explanation{
	"AuthFailure": {
		summary: "Authentication Failed", meaning: "Tencent Cloud could not authenticate the credential whose SecretId comes from {secret_id}.",
		fix: "Check the SecretId, SecretKey and, for a temporary credential, the security token.",
	},
	"FailedOperation":       explanations["FailedOperation"],
	"InternalError":         explanations["InternalError"],
	"InvalidParameter":      explanations["InvalidParameter"],
	"InvalidParameterValue": explanations["InvalidParameterValue"],
	"LimitExceeded":         explanations["LimitExceeded"],
	"RequestLimitExceeded":  explanations["RequestLimitExceeded"],
	"ResourceInsufficient":  explanations["ResourceInsufficient"],
	"ResourceNotFound":      explanations["ResourceNotFound"],
	"ResourceUnavailable":   explanations["ResourceUnavailable"],
	"ServiceUnavailable":    explanations["ServiceUnavailable"],
	"UnauthorizedOperation": explanations["UnauthorizedOperation"],
	"UnsupportedOperation":  explanations["UnsupportedOperation"],
}

var unknownCode = explanation{
	summary: "Tencent Cloud API Error",
	meaning: "The API returned an error this provider does not know; its message below says what happened.",
	fix:     "If the message does not say what to change, contact Tencent Cloud support with the RequestId below.",
}

// missingToken replaces AuthFailure.TokenFailure when no token was given:
// the fix is to supply one, not to refresh it.
var missingToken = explanation{
	summary: "Missing Security Token",
	meaning: "The SecretId from {secret_id} belongs to a temporary credential, which is only accepted with its security token, and none was given.",
	fix:     "Set security_token (or " + envSecurityToken + ") to the token issued with this credential, or use a permanent API key.",
}

func explain(code string, rc readContext) explanation {
	if code == "AuthFailure.TokenFailure" && rc.sources.securityToken == "" {
		return missingToken
	}
	if exp, ok := explanations[code]; ok {
		return exp
	}
	family, _, _ := strings.Cut(code, ".")
	if exp, ok := explanationFamilies[family]; ok {
		return exp
	}
	return unknownCode
}

func (rc readContext) fill(text string) string {
	return strings.NewReplacer(
		"{uin}", fmt.Sprint(rc.memberUin),
		"{secret_id}", rc.sources.secretID,
		"{secret_key}", rc.sources.secretKey,
		"{token}", rc.sources.securityToken,
		"{endpoint}", rc.endpoint,
	).Replace(text)
}

// readErrorDiagnostic explains a failed DescribeOrganizationMemberEmailBind call.
func readErrorDiagnostic(err error, rc readContext) diag.Diagnostic {
	var callErr *organization.Error
	if !errors.As(err, &callErr) {
		return diag.NewErrorDiagnostic("Tencent Cloud API Call Failed",
			fmt.Sprintf("Reading member %d from %s failed: %s. %s", rc.memberUin, rc.endpoint, err, fixReportBug))
	}

	var summary, detail string
	onMemberUin := false
	switch callErr.Code {
	case organization.CodeCancelled:
		return diag.NewErrorDiagnostic("Read Cancelled",
			fmt.Sprintf("Reading member %d was stopped before %s answered, because Terraform was interrupted or cancelled the operation.", rc.memberUin, rc.endpoint))
	case organization.CodeTimeout:
		summary = "API Request Timed Out"
		detail = fmt.Sprintf("%s did not answer within request_timeout (%s) while reading member %d. "+
			"Check the network path to the endpoint, or raise request_timeout if the endpoint is known to be slow.",
			rc.endpoint, callErr.Timeout, rc.memberUin)
	case organization.CodeNetworkError:
		summary = "Cannot Reach Tencent Cloud API"
		detail = fmt.Sprintf("The request to %s failed before an answer arrived: %s. "+
			"Check network access to the endpoint, the proxy variables HTTPS_PROXY and NO_PROXY, and endpoints.organization.",
			rc.endpoint, callErr.Message)
	case organization.CodeHTTPStatus, organization.CodeMalformedResponse:
		summary = "Unexpected API Response"
		detail = fmt.Sprintf("%s answered with something that is not a DescribeOrganizationMemberEmailBind response: %s. "+
			"If endpoints.organization points at a proxy or gateway, check it; otherwise run Terraform again.\n\nThe response began: %s",
			rc.endpoint, callErr.Message, callErr.Body)
	case organization.CodeCredentialError:
		summary = summaryCredentialFailed
		detail = credentialFailedDetail(errors.Unwrap(callErr))
	case organization.CodeRequestFailed:
		summary = "Tencent Cloud API Call Failed"
		detail = fmt.Sprintf("The request to %s could not be made: %s. %s", rc.endpoint, callErr.Message, fixReportBug)
	default:
		exp := explain(callErr.Code, rc)
		summary, onMemberUin = exp.summary, exp.onMemberUin
		detail = fmt.Sprintf("%s %s\n\nError code: %s\nMessage: %s\nRequestId: %s",
			rc.fill(exp.meaning), rc.fill(exp.fix), callErr.Code, callErr.Message, callErr.RequestID)
	}
	detail += attemptsNote(callErr)

	if onMemberUin {
		return diag.NewAttributeErrorDiagnostic(path.Root("member_uin"), summary, detail)
	}
	return diag.NewErrorDiagnostic(summary, detail)
}

// attemptsNote says how hard the provider tried, when it retried at all.
func attemptsNote(e *organization.Error) string {
	if e.Attempts <= 1 {
		return ""
	}
	note := fmt.Sprintf("\n\nThe provider gave up after %d attempts (%d retries) over %s.",
		e.Attempts, e.Attempts-1, e.Elapsed.Round(10*time.Millisecond))
	if e.Retryable() {
		note += " Raise max_retries to keep trying longer."
	}
	return note
}
