// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import "github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"

const (
	fixRetryLater    = "Run Terraform again in a moment; if it keeps failing, contact Tencent Cloud support with the RequestId below."
	fixReportBug     = "This is a bug in the provider; please report it with the details below."
	fixCheckEndpoint = "Check endpoints.organization (" + envvar.OrganizationEndpoint + ") and domain (" + envvar.Domain + "); without them the provider calls organization.intl.tencentcloudapi.com."
	fixCAM           = "Attach a CAM policy that allows organization:{action} to the user or role that owns the SecretId from {secret_id}. " +
		"tencentcloud_organization_member_email_binds calls organization:DescribeOrganizationMembers as well as " +
		"organization:DescribeOrganizationMemberEmailBind; the provider documentation's CAM Permissions section has a policy with every action the provider calls. " +
		"If the account is a member rather than the organization's management account, it may read only its own binding: use the management account's " +
		"credentials, or, for a trusted service's delegated administrator, set product to that service."
	meaningThrottled = "Tencent Cloud throttled the request: {action} allows 20 requests per second per account, and the provider already paces itself to rate_limit and retries throttled reads."
	fixThrottled     = "Another client is probably using the same account's budget. Lower rate_limit, raise max_retries, or run Terraform when the other client is idle."
)

// authFailureFamily explains AuthFailure sub-codes that have no entry of their own.
var authFailureFamily = explanation{
	summary: "Authentication Failed", meaning: "Tencent Cloud could not authenticate the credential whose SecretId comes from {secret_id}.",
	fix: "Check the SecretId, SecretKey and, for a temporary credential, the security token.",
}

// commonCodes explains every common API 3.0 error code (api-notes.md); an
// action's own table (diagnostics_*_codes.go) is consulted first. Entries
// also stand for their sub-codes that have none of their own.
var commonCodes = map[string]explanation{
	// Credentials and authorization.
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
		summary: "Not Authorized", meaning: "The CAM identity behind the SecretId from {secret_id} is not allowed to call organization:{action}.", fix: fixCAM,
	},
	"UnauthorizedOperation": {
		summary: "Not Authorized", meaning: "The CAM identity behind the SecretId from {secret_id} is not allowed to call organization:{action}.", fix: fixCAM,
	},
	"IpInBlacklist": {
		summary: "Caller IP Address Blocked", meaning: "This machine's IP address is on a blocklist for the account behind the SecretId from {secret_id}.",
		fix: "Run Terraform from another network, or remove the address from the account's blocklist.",
	},
	"IpNotInWhitelist": {
		summary: "Caller IP Address Not Allowed", meaning: "The account behind the SecretId from {secret_id} allows API calls only from listed IP addresses, and this machine's is not listed.",
		fix: "Run Terraform from an allowed network, or add this address to the account's allowlist.",
	},

	// The endpoint and the request.
	"ActionOffline": {summary: "API Action Offline", meaning: "{endpoint} reports that {action} has been taken offline.", fix: fixCheckEndpoint},
	"InvalidAction": {summary: "API Not Available at Endpoint", meaning: "{endpoint} does not serve the action {action}.", fix: fixCheckEndpoint},
	"NoSuchProduct": {summary: "API Not Available at Endpoint", meaning: "{endpoint} does not serve the Organization product.", fix: fixCheckEndpoint},
	"NoSuchVersion": {summary: "API Not Available at Endpoint", meaning: "{endpoint} does not serve version 2021-03-31 of the Organization API.", fix: fixCheckEndpoint},
	"UnsupportedRegion": {
		summary: "Unsupported Region", meaning: "The region sent with the request is not supported by this API.",
		fix: "{action} needs no region: unset the region argument and " + envvar.Region + ".",
	},
	"UnsupportedProtocol": {summary: "Unsupported Protocol", meaning: "{endpoint} does not accept requests over this protocol or HTTP method.", fix: "Set protocol to HTTPS, the default."},
	"InvalidParameter": {
		summary: "Invalid Parameter", meaning: "The API rejected a parameter of {action}; the message below says which.", fix: "Correct the argument the message names.",
	},
	"InvalidParameterValue": {
		summary: "Invalid Parameter Value", meaning: "The API rejected the value of a parameter of {action}; the message below says which.", fix: "Correct the argument the message names.",
	},
	"MissingParameter":          {summary: "Request Rejected", meaning: "The API reports that the request lacks a required parameter.", fix: fixReportBug},
	"UnknownParameter":          {summary: "Request Rejected", meaning: "The API reports that the request has a parameter it does not know.", fix: fixReportBug},
	"InvalidRequest":            {summary: "Request Rejected", meaning: "The API reports that the request is malformed.", fix: fixReportBug},
	"RequestSizeLimitExceeded":  {summary: "Request Too Large", meaning: "The API reports that the request exceeds its size limit.", fix: fixReportBug},
	"ResponseSizeLimitExceeded": {summary: "Response Too Large", meaning: "The API reports that the response would exceed its size limit.", fix: fixReportBug},

	// Service state and quotas.
	"InternalError":        {summary: "Tencent Cloud Internal Error", meaning: "Tencent Cloud hit an internal error while answering.", fix: fixRetryLater},
	"FailedOperation":      {summary: "Operation Failed", meaning: "Tencent Cloud could not complete the request; its message below says why.", fix: fixRetryLater},
	"LimitExceeded":        {summary: "Quota Exceeded", meaning: "An account quota was exceeded; the message below says which.", fix: "Raise the quota in the Tencent Cloud console or wait for it to reset."},
	"RequestLimitExceeded": {summary: "API Rate Limit Exceeded", meaning: meaningThrottled, fix: fixThrottled},
	"RequestLimitExceeded.GlobalRegionUinLimitExceeded": {summary: "API Rate Limit Exceeded", meaning: meaningThrottled + " The limit hit is the account's across regions.", fix: fixThrottled},
	"RequestLimitExceeded.IPLimitExceeded":              {summary: "API Rate Limit Exceeded", meaning: meaningThrottled + " The limit hit is per source IP address.", fix: "Other clients behind the same IP address share this limit. Lower rate_limit or raise max_retries."},
	"RequestLimitExceeded.UinLimitExceeded":             {summary: "API Rate Limit Exceeded", meaning: meaningThrottled + " The limit hit is per account.", fix: fixThrottled},
	"ResourceInUse":                                     {summary: "Resource In Use", meaning: "Tencent Cloud reports that a resource the request refers to is in use.", fix: fixRetryLater},
	"ResourceInsufficient":                              {summary: "Resource Insufficient", meaning: "Tencent Cloud reports that it lacks the resources to answer.", fix: fixRetryLater},
	"ResourceNotFound":                                  {summary: "Resource Not Found", meaning: "Tencent Cloud could not find a resource the request refers to; the message below says which.", fix: "Check the arguments and the credentials' organization."},
	"ResourceUnavailable":                               {summary: "Resource Unavailable", meaning: "Tencent Cloud reports that a resource the request needs is temporarily unavailable.", fix: fixRetryLater},
	"ServiceUnavailable":                                {summary: "Tencent Cloud Service Unavailable", meaning: "The Organization API is temporarily unavailable.", fix: fixRetryLater},
	"UnsupportedOperation":                              {summary: "Operation Not Supported", meaning: "Tencent Cloud does not support this operation for the calling account.", fix: "Check that the credentials belong to the organization's management account."},
}

// organizationNotExist is shared by every action that reads the caller's organization.
var organizationNotExist = explanation{
	summary: "Caller Is Not in an Organization", meaning: "The account that owns the SecretId from {secret_id} does not belong to a Tencent Cloud Organization.",
	fix: "Use credentials of the organization's management account, or of a member account with access to it.",
}
