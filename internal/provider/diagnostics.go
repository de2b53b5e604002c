// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

// All user-facing wording lives in this file, so that messages stay
// consistent and can be reviewed in one place.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

const (
	summaryNoCredentials        = "No Tencent Cloud Credentials"
	summaryIncompleteCredential = "Incomplete Tencent Cloud Credential"
	summaryUnknownSetting       = "Provider Setting Not Yet Known"
	summaryInvalidProtocol      = "Invalid Protocol"
	summaryInvalidDomain        = "Invalid Domain"
	summaryInvalidEndpoint      = "Invalid Endpoint URL"
	summaryUnexpectedData       = "Unexpected Provider Data"
	summaryValueOutOfRange      = "API Value Out of Range"

	noCredentialsDetail = "The provider found no Tencent Cloud credential. Supply a SecretId and SecretKey in one of these ways:\n" +
		"  - the provider arguments secret_id and secret_key (and security_token for a temporary credential);\n" +
		"  - the environment variables " + envSecretID + " and " + envSecretKey + " (and " + envSecurityToken + ").\n" +
		"API keys are created in the Tencent Cloud console under CAM > Access Key."
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

func invalidSettingDetail(s setting, err error) string {
	return fmt.Sprintf("The value %q from %s %s.", s.value, s.source, err)
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

const camAction = "organization:DescribeOrganizationMemberEmailBind"

// explanation turns one API error code into words for a Terraform user.
type explanation struct {
	summary string
	detail  func(rc readContext) string
	// onMemberUin attaches the diagnostic to member_uin, where the fix is.
	onMemberUin bool
}

func fixed(detail string) func(readContext) string {
	return func(readContext) string { return detail }
}

// explanations is keyed by exact error code; explanationFamilies by the
// part before the first dot, for sub-codes not listed exactly.
var explanations = map[string]explanation{
	"ResourceNotFound.OrganizationMemberNotExist": {
		summary: "Organization Member Not Found",
		detail: func(rc readContext) string {
			return fmt.Sprintf("Account %d is not a member of the organization that the calling account belongs to. "+
				"Check member_uin against the member list in the Tencent Cloud Organization console, "+
				"or use credentials of the organization the member belongs to.", rc.memberUin)
		},
		onMemberUin: true,
	},
	"ResourceNotFound.OrganizationNotExist": {
		summary: "Caller Is Not in an Organization",
		detail: func(rc readContext) string {
			return fmt.Sprintf("The account that owns the SecretId from %s does not belong to a Tencent Cloud Organization. "+
				"Use credentials of the organization's management account (or a member account with access to it).", rc.sources.secretID)
		},
	},
	"ResourceNotFound.UserNotExist": {
		summary: "User Not Found",
		detail: func(rc readContext) string {
			return fmt.Sprintf("Tencent Cloud has no user for account %d. Check member_uin.", rc.memberUin)
		},
		onMemberUin: true,
	},
	"AuthFailure.SignatureFailure": {
		summary: "Invalid Secret Key",
		detail: func(rc readContext) string {
			return fmt.Sprintf("Tencent Cloud rejected the request signature: the SecretKey from %s does not belong to the SecretId from %s. "+
				"Correct the SecretKey (it is shown only once, when the API key is created in CAM > Access Key).",
				rc.sources.secretKey, rc.sources.secretID)
		},
	},
	"AuthFailure.SecretIdNotFound": {
		summary: "Unknown Secret ID",
		detail: func(rc readContext) string {
			return fmt.Sprintf("The SecretId from %s does not exist, or was deleted or disabled. "+
				"Check it in the Tencent Cloud console under CAM > Access Key, and check that it belongs to the site "+
				"you are calling (international or China, see the domain argument).", rc.sources.secretID)
		},
	},
	"AuthFailure.SignatureExpire": {
		summary: "Request Signature Expired",
		detail: fixed("The request's timestamp is more than 5 minutes away from Tencent Cloud's clock. " +
			"Synchronize this machine's clock (for example with NTP) and run Terraform again."),
	},
	"AuthFailure.TokenFailure": {
		summary: "Invalid Security Token",
		detail: func(rc readContext) string {
			if rc.sources.securityToken == "" {
				return fmt.Sprintf("The SecretId from %s is a temporary credential and needs its security token, but none was given. "+
					"Set security_token or %s, or use a permanent API key.", rc.sources.secretID, envSecurityToken)
			}
			return fmt.Sprintf("The security token from %s is invalid, has expired, or does not belong to the SecretId from %s. "+
				"Obtain a fresh temporary credential and set its SecretId, SecretKey and token together.",
				rc.sources.securityToken, rc.sources.secretID)
		},
	},
	"AuthFailure.InvalidAuthorization": {
		summary: "Malformed Request Authorization",
		detail: fixed("Tencent Cloud rejected the request's Authorization header as malformed. " +
			"A proxy between Terraform and the endpoint may have altered the request; if none did, please report this provider bug."),
	},
	"AuthFailure.MFAFailure": {
		summary: "MFA Check Failed",
		detail: func(rc readContext) string {
			return fmt.Sprintf("The CAM identity behind the SecretId from %s requires multi-factor authentication for API calls. "+
				"Use an API key of an identity without that requirement, or a temporary credential obtained after MFA.", rc.sources.secretID)
		},
	},
	"AuthFailure.UnauthorizedOperation": {summary: "Not Authorized", detail: unauthorizedDetail},
	"UnauthorizedOperation":             {summary: "Not Authorized", detail: unauthorizedDetail},
	"InvalidAction":                     {summary: "API Not Available at Endpoint", detail: wrongEndpointDetail},
	"NoSuchVersion":                     {summary: "API Not Available at Endpoint", detail: wrongEndpointDetail},
	"NoSuchProduct":                     {summary: "API Not Available at Endpoint", detail: wrongEndpointDetail},
	"ActionOffline":                     {summary: "API Not Available at Endpoint", detail: wrongEndpointDetail},
	"IpInBlacklist":                     {summary: "Caller IP Address Not Allowed", detail: ipDetail},
	"IpNotInWhitelist":                  {summary: "Caller IP Address Not Allowed", detail: ipDetail},
	"UnsupportedRegion": {
		summary: "Unsupported Region",
		detail: fixed("The region sent with the request is not supported by this API. " +
			"DescribeOrganizationMemberEmailBind needs no region: unset the region argument and " + envRegion + "."),
	},
	"UnsupportedProtocol": {
		summary: "Unsupported Protocol",
		detail:  fixed("The endpoint does not accept this protocol. Set protocol to HTTPS (the default)."),
	},
}

var explanationFamilies = map[string]explanation{
	"AuthFailure": {
		summary: "Authentication Failed",
		detail: func(rc readContext) string {
			return fmt.Sprintf("Tencent Cloud could not authenticate the credential whose SecretId comes from %s. "+
				"Check the SecretId, SecretKey and, for temporary credentials, the security token.", rc.sources.secretID)
		},
	},
	"RequestLimitExceeded": {
		summary: "API Rate Limit Exceeded",
		detail: fixed("Tencent Cloud throttled the request: DescribeOrganizationMemberEmailBind allows 20 requests per second per account. " +
			"Run Terraform again, or lower -parallelism for configurations that read many members."),
	},
	"InternalError":       {summary: "Tencent Cloud Service Error", detail: transientDetail},
	"ServiceUnavailable":  {summary: "Tencent Cloud Service Unavailable", detail: transientDetail},
	"ResourceUnavailable": {summary: "Tencent Cloud Resource Unavailable", detail: transientDetail},
	"InvalidParameter": {
		summary: "Request Rejected",
		detail: func(rc readContext) string {
			return fmt.Sprintf("The API rejected the request for member_uin %d as invalid. Check member_uin; if it is a valid member UIN, please report this provider bug.", rc.memberUin)
		},
		onMemberUin: true,
	},
	"InvalidParameterValue": {
		summary: "Request Rejected",
		detail: func(rc readContext) string {
			return fmt.Sprintf("The API rejected member_uin %d as an invalid value. Check member_uin.", rc.memberUin)
		},
		onMemberUin: true,
	},
	"MissingParameter":     {summary: "Request Rejected", detail: providerBugDetail},
	"UnknownParameter":     {summary: "Request Rejected", detail: providerBugDetail},
	"InvalidRequest":       {summary: "Request Rejected", detail: providerBugDetail},
	"UnsupportedOperation": {summary: "Operation Not Supported", detail: fixed("Tencent Cloud does not support this operation for the calling account.")},
	"FailedOperation": {
		summary: "Operation Failed",
		detail:  fixed("Tencent Cloud could not complete the request; the message below says why."),
	},
	"LimitExceeded": {summary: "Quota Exceeded", detail: fixed("An account quota was exceeded; the message below says which.")},
	"ResourceNotFound": {
		summary: "Resource Not Found",
		detail:  fixed("Tencent Cloud could not find a resource the request refers to; the message below says which."),
	},
}

func unauthorizedDetail(rc readContext) string {
	return fmt.Sprintf("The CAM identity behind the SecretId from %s is not allowed to call %s. "+
		"Attach a CAM policy that allows %s to that user or role.", rc.sources.secretID, camAction, camAction)
}

func wrongEndpointDetail(rc readContext) string {
	return fmt.Sprintf("The endpoint %s does not serve the Organization API action DescribeOrganizationMemberEmailBind, version %s. "+
		"Check endpoints.organization (%s) and domain (%s).", rc.endpoint, organization.APIVersion, envOrganizationEndpoint, envDomain)
}

func ipDetail(rc readContext) string {
	return fmt.Sprintf("The account behind the SecretId from %s restricts API calls by source IP address, and this machine's address is not allowed. "+
		"Run Terraform from an allowed network or update the account's IP allowlist.", rc.sources.secretID)
}

func transientDetail(readContext) string {
	return "Tencent Cloud reported a temporary failure on its side. Run Terraform again in a moment; " +
		"if it persists, contact Tencent Cloud support with the RequestId below."
}

func providerBugDetail(readContext) string {
	return "The API rejected the shape of the request the provider sent. Please report this provider bug with the details below."
}

// readErrorDiagnostic explains a failed DescribeOrganizationMemberEmailBind call.
func readErrorDiagnostic(err error, rc readContext) diag.Diagnostic {
	var sdkErr *tcerr.TencentCloudSDKError
	switch {
	case errors.Is(err, context.Canceled):
		return diag.NewErrorDiagnostic("Read Cancelled",
			fmt.Sprintf("Reading member %d was cancelled before %s answered.", rc.memberUin, rc.endpoint))
	case isTimeout(err):
		return diag.NewErrorDiagnostic("API Request Timed Out",
			fmt.Sprintf("%s did not answer in time while reading member %d. Check the network path to the endpoint and run Terraform again.\n\n%s",
				rc.endpoint, rc.memberUin, errorCause(err)))
	case !errors.As(err, &sdkErr):
		return diag.NewErrorDiagnostic("Tencent Cloud API Call Failed", fmt.Sprintf("Reading member %d from %s failed: %s", rc.memberUin, rc.endpoint, err))
	case strings.HasPrefix(sdkErr.Code, "ClientError."):
		return clientErrorDiagnostic(sdkErr, rc)
	}

	exp, ok := explanations[sdkErr.Code]
	if !ok {
		family, _, _ := strings.Cut(sdkErr.Code, ".")
		exp, ok = explanationFamilies[family]
	}
	if !ok {
		exp = explanation{summary: "Tencent Cloud API Error", detail: fixed("The API returned an error this provider does not know; the message below says what happened.")}
	}
	detail := fmt.Sprintf("%s\n\nError code: %s\nMessage: %s\nRequestId: %s", exp.detail(rc), sdkErr.Code, sdkErr.Message, sdkErr.RequestId)
	if exp.onMemberUin {
		return diag.NewAttributeErrorDiagnostic(path.Root("member_uin"), exp.summary, detail)
	}
	return diag.NewErrorDiagnostic(exp.summary, detail)
}

func clientErrorDiagnostic(sdkErr *tcerr.TencentCloudSDKError, rc readContext) diag.Diagnostic {
	switch sdkErr.Code {
	case "ClientError.NetworkError":
		return diag.NewErrorDiagnostic("Cannot Reach Tencent Cloud API",
			fmt.Sprintf("The request to %s failed before an answer arrived: %s. "+
				"Check network access to the endpoint, the proxy variables HTTPS_PROXY and NO_PROXY, and endpoints.organization.",
				rc.endpoint, errorCause(sdkErr)))
	case "ClientError.CredentialError":
		return diag.NewErrorDiagnostic(summaryNoCredentials, noCredentialsDetail)
	}
	return diag.NewErrorDiagnostic("Unexpected API Response",
		fmt.Sprintf("%s answered with something that is not a DescribeOrganizationMemberEmailBind response. "+
			"If endpoints.organization points at a proxy or gateway, check it; otherwise run Terraform again.\n\nError code: %s\nDetail: %s",
			rc.endpoint, sdkErr.Code, truncate(sdkErr.Message, 300)))
}

func isTimeout(err error) bool {
	var netErr net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout())
}

// errorCause is the innermost useful error text, without the SDK's wrapper.
func errorCause(err error) string {
	if cause := errors.Unwrap(err); cause != nil {
		return cause.Error()
	}
	return err.Error()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
