// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package explain

import (
	"strings"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

const (
	FixRetryLater    = "Run Terraform again in a moment; if it keeps failing, contact Tencent Cloud support with the RequestId below."
	fixReportBug     = "This is a bug in the provider; please report it with the details below."
	fixCheckEndpoint = "Check endpoints.organization (" + envvar.OrganizationEndpoint + ") and domain (" + envvar.Domain + "); without them the provider calls organization.intl.tencentcloudapi.com."
	fixCAM           = "Attach a CAM policy that allows organization:{action} to the user or role that owns the SecretId from {secret_id}. " +
		"tencentcloud_organization_member_email_binds calls organization:DescribeOrganizationMembers as well as " +
		"organization:DescribeOrganizationMemberEmailBind; the provider documentation's CAM Permissions section has a policy with every action the provider calls. " +
		"If the account is a member rather than the organization's management account, it may read only its own binding: use the management account's " +
		"credentials, or, for a trusted service's delegated administrator, set product to that service."
	meaningThrottled = "Tencent Cloud throttled the request: {action} allows 20 requests per second per account, and the provider already paces itself below rate_limit, slows down when throttled and retries throttled reads."
	fixThrottled     = "Another client that does not slow down when throttled is probably using the same account's budget. Lower rate_limit, raise max_retries, or run Terraform when the other client is idle."
)

// authFailureFamily explains AuthFailure sub-codes that have no entry of their own.
var authFailureFamily = Explanation{
	Summary: "Authentication Failed", Meaning: "Tencent Cloud could not authenticate the credential whose SecretId comes from {secret_id}.",
	Fix: "Check the SecretId, SecretKey and, for a temporary credential, the security token.",
}

// commonCodes explains every common API 3.0 error code (api-notes.md); an
// action's own table (Call.Codes, beside each data source) is consulted first. Entries
// also stand for their sub-codes that have none of their own.
var commonCodes = NewTable(map[string]Explanation{
	// Credentials and authorization.
	"AuthFailure.InvalidAuthorization": {
		Summary: "Malformed Request Authorization", Meaning: "Tencent Cloud rejected the request's Authorization header as malformed.",
		Fix: "A proxy between Terraform and {endpoint} may have altered the request; if none did, please report this provider bug.",
	},
	"AuthFailure.InvalidSecretId": {
		Summary: "Invalid Secret ID", Meaning: "The SecretId from {secret_id} is not a valid SecretId.",
		Fix: "Copy the SecretId again from the Tencent Cloud console under CAM > Access Key.",
	},
	"AuthFailure.MFAFailure": {
		Summary: "MFA Check Failed", Meaning: "The CAM identity behind the SecretId from {secret_id} requires multi-factor authentication for API calls.",
		Fix: "Use an API key of an identity without that requirement, or a temporary credential obtained after MFA.",
	},
	"AuthFailure.SecretIdNotFound": {
		Summary: "Unknown Secret ID", Meaning: "The SecretId from {secret_id} does not exist, or was deleted or disabled.",
		Fix: "Check it in the Tencent Cloud console under CAM > Access Key, and check that it belongs to the site you are calling (international or China, see the domain argument).",
	},
	"AuthFailure.SignatureExpire": {
		Summary: "Request Signature Expired", Meaning: "The request's timestamp is more than 5 minutes away from Tencent Cloud's clock.",
		Fix: "Synchronize this machine's clock (for example with NTP) and run Terraform again.",
	},
	"AuthFailure.SignatureFailure": {
		Summary: "Invalid Secret Key", Meaning: "Tencent Cloud rejected the request signature: the SecretKey from {secret_key} does not belong to the SecretId from {secret_id}.",
		Fix: "Correct the SecretKey. It is shown only once, when the API key is created in CAM > Access Key; create a new key if it is lost.",
	},
	"AuthFailure.TokenFailure": {
		Summary: "Invalid Security Token", Meaning: "The security token from {token} is invalid, has expired, or does not belong to the SecretId from {secret_id}.",
		Fix: "Obtain a fresh temporary credential and set its SecretId, SecretKey and token together.",
	},
	"AuthFailure.UnauthorizedOperation": {
		Summary: "Not Authorized", Meaning: "The CAM identity behind the SecretId from {secret_id} is not allowed to call organization:{action}.", Fix: fixCAM,
	},
	"UnauthorizedOperation": {
		Summary: "Not Authorized", Meaning: "The CAM identity behind the SecretId from {secret_id} is not allowed to call organization:{action}.", Fix: fixCAM,
	},
	"IpInBlacklist": {
		Summary: "Caller IP Address Blocked", Meaning: "This machine's IP address is on a blocklist for the account behind the SecretId from {secret_id}.",
		Fix: "Run Terraform from another network, or remove the address from the account's blocklist.",
	},
	"IpNotInWhitelist": {
		Summary: "Caller IP Address Not Allowed", Meaning: "The account behind the SecretId from {secret_id} allows API calls only from listed IP addresses, and this machine's is not listed.",
		Fix: "Run Terraform from an allowed network, or add this address to the account's allowlist.",
	},

	// The endpoint and the request.
	"ActionOffline": {Summary: "API Action Offline", Meaning: "{endpoint} reports that {action} has been taken offline.", Fix: fixCheckEndpoint},
	"InvalidAction": {Summary: "API Not Available at Endpoint", Meaning: "{endpoint} does not serve the action {action}.", Fix: fixCheckEndpoint},
	"NoSuchProduct": {Summary: "API Not Available at Endpoint", Meaning: "{endpoint} does not serve the Organization product.", Fix: fixCheckEndpoint},
	"NoSuchVersion": {Summary: "API Not Available at Endpoint", Meaning: "{endpoint} does not serve version 2021-03-31 of the Organization API.", Fix: fixCheckEndpoint},
	"UnsupportedRegion": {
		Summary: "Unsupported Region", Meaning: "The region sent with the request is not supported by this API.",
		Fix: "{action} needs no region: unset the region argument and " + envvar.Region + ".",
	},
	"UnsupportedProtocol": {Summary: "Unsupported Protocol", Meaning: "{endpoint} does not accept requests over this protocol or HTTP method.", Fix: "Set protocol to HTTPS, the default."},
	"InvalidParameter": {
		Summary: "Invalid Parameter", Meaning: "The API rejected a parameter of {action}; the message below says which.", Fix: "Correct the argument the message names.",
	},
	"InvalidParameterValue": {
		Summary: "Invalid Parameter Value", Meaning: "The API rejected the value of a parameter of {action}; the message below says which.", Fix: "Correct the argument the message names.",
	},
	"MissingParameter":          {Summary: "Request Rejected", Meaning: "The API reports that the request lacks a required parameter.", Fix: fixReportBug},
	"UnknownParameter":          {Summary: "Request Rejected", Meaning: "The API reports that the request has a parameter it does not know.", Fix: fixReportBug},
	"InvalidRequest":            {Summary: "Request Rejected", Meaning: "The API reports that the request is malformed.", Fix: fixReportBug},
	"RequestSizeLimitExceeded":  {Summary: "Request Too Large", Meaning: "The API reports that the request exceeds its size limit.", Fix: fixReportBug},
	"ResponseSizeLimitExceeded": {Summary: "Response Too Large", Meaning: "The API reports that the response would exceed its size limit.", Fix: fixReportBug},

	// Service state and quotas.
	"InternalError":        {Summary: "Tencent Cloud Internal Error", Meaning: "Tencent Cloud hit an internal error while answering.", Fix: FixRetryLater},
	"FailedOperation":      {Summary: "Operation Failed", Meaning: "Tencent Cloud could not complete the request; its message below says why.", Fix: FixRetryLater},
	"LimitExceeded":        {Summary: "Quota Exceeded", Meaning: "An account quota was exceeded; the message below says which.", Fix: "Raise the quota in the Tencent Cloud console or wait for it to reset."},
	"RequestLimitExceeded": {Summary: "API Rate Limit Exceeded", Meaning: meaningThrottled, Fix: fixThrottled},
	"RequestLimitExceeded.GlobalRegionUinLimitExceeded": {Summary: "API Rate Limit Exceeded", Meaning: meaningThrottled + " The limit hit is the account's across regions.", Fix: fixThrottled},
	"RequestLimitExceeded.IPLimitExceeded":              {Summary: "API Rate Limit Exceeded", Meaning: meaningThrottled + " The limit hit is per source IP address.", Fix: "Other clients behind the same IP address share this limit. Lower rate_limit or raise max_retries."},
	"RequestLimitExceeded.UinLimitExceeded":             {Summary: "API Rate Limit Exceeded", Meaning: meaningThrottled + " The limit hit is per account.", Fix: fixThrottled},
	"ResourceInUse":                                     {Summary: "Resource In Use", Meaning: "Tencent Cloud reports that a resource the request refers to is in use.", Fix: FixRetryLater},
	"ResourceInsufficient":                              {Summary: "Resource Insufficient", Meaning: "Tencent Cloud reports that it lacks the resources to answer.", Fix: FixRetryLater},
	"ResourceNotFound":                                  {Summary: "Resource Not Found", Meaning: "Tencent Cloud could not find a resource the request refers to; the message below says which.", Fix: "Check the arguments and the credentials' organization."},
	"ResourceUnavailable":                               {Summary: "Resource Unavailable", Meaning: "Tencent Cloud reports that a resource the request needs is temporarily unavailable.", Fix: FixRetryLater},
	"ServiceUnavailable":                                {Summary: "Tencent Cloud Service Unavailable", Meaning: "The Organization API is temporarily unavailable.", Fix: FixRetryLater},
	"UnsupportedOperation":                              {Summary: "Operation Not Supported", Meaning: "Tencent Cloud does not support this operation for the calling account.", Fix: "Check that the credentials belong to the organization's management account."},
})

// CommonCodes explains every common API 3.0 error code.
func CommonCodes() Table { return commonCodes }

// OrganizationNotExist is shared by every action that reads the caller's organization.
var OrganizationNotExist = Explanation{
	Summary: "Caller Is Not in an Organization", Meaning: "The account that owns the SecretId from {secret_id} does not belong to a Tencent Cloud Organization.",
	Fix: "Use credentials of the organization's management account, or of a member account with access to it.",
}

var unknownCode = Explanation{
	Summary: "Tencent Cloud API Error",
	Meaning: "The API returned an error this provider does not know; its message below says what happened.",
	Fix:     "If the message does not say what to change, contact Tencent Cloud support with the RequestId below.",
}

// missingToken replaces AuthFailure.TokenFailure when no token was given:
// the fix is to supply one, not to refresh it.
var missingToken = Explanation{
	Summary: "Missing Security Token",
	Meaning: "The SecretId from {secret_id} belongs to a temporary credential, which is only accepted with its security token, and none was given.",
	Fix:     "Set security_token (or " + envvar.SecurityToken + ") to the token issued with this credential, or use a permanent API key.",
}

// lookup looks a code up in the action's own table, then the common one,
// then by its family (the part before the first dot) in both.
func lookup(code string, rc Call) Explanation {
	if code == "AuthFailure.TokenFailure" && rc.Sources.SecurityToken == "" {
		return missingToken
	}
	family, _, _ := strings.Cut(code, ".")
	for _, key := range []string{code, family} {
		if exp, ok := rc.Codes.Own(key); ok {
			return exp
		}
		if exp, ok := commonCodes.Own(key); ok {
			return exp
		}
	}
	if family == "AuthFailure" {
		return authFailureFamily
	}
	return unknownCode
}
