// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

// All user-facing wording lives in this file, so that messages stay
// consistent and can be reviewed in one place.

import (
	"fmt"
	"net/url"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
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
	summaryLoneToken            = "Security Token Without Its Key Pair"
	summaryProfileNotFound      = "Profile Not Found"
	summaryProfileUnreadable    = "Profile Unreadable"
	summaryMissingRoleArn       = "Missing Role ARN"
	summaryInvalidDuration      = "Invalid Session Duration"
	summaryCredentialFailed     = "Cannot Obtain Tencent Cloud Credentials"
	summaryValueOutOfRange      = "API Value Out of Range"
	summaryInvalidWholeNumber   = "Invalid Whole Number"
	summaryRateLimitAboveAPI    = "Rate Limit Above the API's Limit"

	noCredentialsDetail = "The provider found no Tencent Cloud credential. It takes the one source the provider block names: " +
		"secret_id and secret_key (with security_token for a temporary credential), profile, cam_role_name, " +
		"assume_role_with_web_identity, enable_pod_oidc or assume_role_with_saml. Without one, it looks at the environment, in this order:\n" +
		"  1. an OIDC token in " + envvar.WebIdentityToken + " or a file named by " + envvar.WebIdentityTokenFile + ";\n" +
		"  2. a SAML assertion in " + envvar.SAMLAssertion + ";\n" +
		"  3. the environment variables " + envvar.SecretID + " and " + envvar.SecretKey + " (and " + envvar.SecurityToken + ");\n" +
		"  4. the tccli profile named by " + envvar.Profile + " (default \"default\") in shared_credentials_dir or " +
		envvar.SharedCredentialsDir + " (default ~/.tccli);\n" +
		"  5. the CVM instance role named by " + envvar.CamRoleName + ".\n" +
		"Supply one of them. API keys are created in the Tencent Cloud console under CAM > Access Key."

	missingRoleArnDetail = "The assume_role block needs role_arn (or the environment variable " + envvar.AssumeRoleArn + "), " +
		"the resource name of the role to assume, such as qcs::cam::uin/100000000001:roleName/auditor."
)

func incompleteCredentialDetail(given, missing setting) string {
	return fmt.Sprintf("A SecretId and SecretKey must come from the same place, but %s is set and %s is not. "+
		"Set both as provider arguments, or both as the environment variables %s and %s.",
		given.source, missing.source, envvar.SecretID, envvar.SecretKey)
}

func unknownSettingDetail(name string) string {
	fix := "Set it to a literal, a variable, or leave it unset and use its environment variable."
	switch name {
	case "allowed_account_ids":
		fix = "Set it to literals or variables. It has no environment variable, and leaving it unset would let this " +
			"configuration read any account."
	case "forbidden_account_ids":
		fix = "Set it to literals or variables. It has no environment variable, and leaving it unset would forbid no account."
	case "rate_limit", "max_retries", "request_timeout":
		fix = "Set it to a literal or a variable, or leave it unset for its default. It has no environment variable."
	}
	return fmt.Sprintf("The provider argument %s depends on a value that is known only after apply, "+
		"but the provider must be configured during plan to read data sources. %s", name, fix)
}

const ignoredTokenDetail = "secret_id and secret_key are set as provider arguments, so the credential is taken from the provider block, " +
	"and " + envvar.SecurityToken + " is not used with it: a token belongs to the temporary SecretId it was issued with. " +
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

const loneTokenDetail = "security_token is set as a provider argument, but secret_id and secret_key are not. " +
	"A security token is only valid with the temporary SecretId and SecretKey it was issued with, so it cannot be used alone, " +
	"and the credential would otherwise come from another source without it. " +
	"Set secret_id and secret_key in the provider block beside it, or remove it and set " + envvar.SecurityToken +
	" beside " + envvar.SecretID + " and " + envvar.SecretKey + " instead."

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

func rateLimitAboveAPIDetail(rateLimit float64) string {
	return fmt.Sprintf("rate_limit = %g is above %g requests per second, the documented limit per account of "+
		"DescribeOrganizationMemberEmailBind, which DescribeOrganizationMembers is taken to share. Tencent Cloud throttles "+
		"requests above it, and the provider retries each throttled one at its next slot, so a read does not get faster: "+
		"it spends retries, and fails once a request runs out of them. Set rate_limit to %g or less, unless the endpoint "+
		"is known to allow more, such as an emulator.", rateLimit, tencentapi.DefaultRateLimit, tencentapi.DefaultRateLimit)
}

func valueOutOfRangeDetail(field string, value uint64) string {
	return fmt.Sprintf("The API returned %s = %d, which does not fit in a Terraform number of type Int64. "+
		"This is unexpected for this API; please report it to the provider's maintainers.", field, value)
}
