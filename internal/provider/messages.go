// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The provider's messages: its settings, its credential sources, MFA and
// the account guard rails. How a failed API call is worded is package
// explain's, and each data source's messages sit beside it.

const (
	summaryNoCredentials        = "No Tencent Cloud Credentials"
	summaryIncompleteCredential = "Incomplete Tencent Cloud Credential"
	summaryUnknownSetting       = "Provider Setting Not Yet Known"
	summaryInvalidProtocol      = "Invalid Protocol"
	summaryInvalidDomain        = "Invalid Domain"
	summaryInvalidEndpoint      = "Invalid Endpoint URL"
	summaryInvalidTimeout       = "Invalid Request Timeout"
	summaryIgnoredToken         = "Security Token From Environment Ignored"
	summaryLoneToken            = "Security Token Without Its Key Pair"
	summaryProfileNotFound      = "Profile Not Found"
	summaryProfileUnreadable    = "Profile Unreadable"
	summaryMissingRoleArn       = "Missing Role ARN"
	summaryInvalidDuration      = "Invalid Session Duration"
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

func rateLimitAboveAPIDetail(rateLimit float64) string {
	return fmt.Sprintf("rate_limit = %g is above %g requests per second, the documented limit per account of "+
		"DescribeOrganizationMemberEmailBind, which DescribeOrganizationMembers is taken to share. Tencent Cloud throttles "+
		"requests above it, and the provider retries each throttled one at its next slot, so a read does not get faster: "+
		"it spends retries, and fails once a request runs out of them. Set rate_limit to %g or less, unless the endpoint "+
		"is known to allow more, such as an emulator.", rateLimit, tencentapi.DefaultRateLimit, tencentapi.DefaultRateLimit)
}

const (
	summaryTwoSources             = "Two Credential Sources Given"
	summaryMissingExchangeSetting = "Missing Identity Exchange Setting"
	summaryPodOIDCIncomplete      = "TKE Pod OIDC Environment Incomplete"
	summaryRoleArnFileUnreadable  = "Role ARN File Unreadable"
	summaryIncompleteMFA          = "Incomplete MFA Setting"
	summaryMFANeedsKey            = "MFA Certification Needs a Permanent Key"
	summaryCallerIdentityFailed   = "Cannot Verify the Tencent Cloud Account"
	summaryAccountNotAllowed      = "Tencent Cloud Account Not Allowed"
	summaryAccountForbidden       = "Tencent Cloud Account Forbidden"
	summaryInvalidAccountID       = "Invalid Account ID"
	summaryExchangeEnvIgnored     = "Identity Exchange Variables Ignored"
)

func twoEnvExchangesDetail(set []string) string {
	return fmt.Sprintf("The environment sets %s: an OIDC token and a SAML assertion, each a whole credential, and the provider "+
		"takes its credential from exactly one source rather than guess which was meant. Unset the variables of the exchange "+
		"that is not meant, or name the source in the provider block.", strings.Join(set, " and "))
}

func exchangeEnvIgnoredDetail(chosen string, set []string) string {
	return fmt.Sprintf("The provider block names %s, so the identity exchange the environment configures (%s) is not used, and "+
		"neither are the %s* variables that belong to it: no role is assumed from %s. Unset those variables, or use an "+
		"assume_role block to assume a role.", chosen, strings.Join(set, ", "), envvar.AssumeRolePrefix, envvar.AssumeRoleArn)
}

func twoSourcesDetail(first, second string) string {
	return fmt.Sprintf("The provider block sets both %s and %s. Each names a whole credential, and the provider takes its credential "+
		"from exactly one source rather than guess which was meant. Remove one of them; to sign an STS call with one credential "+
		"and read with a role, use assume_role beside the source instead.", first, second)
}

const missingWebIdentityTokenDetail = "An OIDC exchange needs the token: set web_identity_token (or " + envvar.WebIdentityToken +
	"), or web_identity_token_file (or " + envvar.WebIdentityTokenFile + ") to the file the CI system or Kubernetes writes it to."

const missingExchangeRoleArnDetail = "An OIDC exchange needs the role to assume: set role_arn (or " + envvar.AssumeRoleArn +
	"), or role_arn_file (or " + envvar.AssumeRoleArnFile + "), to the resource name of a role whose trust policy names the identity " +
	"provider, such as qcs::cam::uin/100000000001:roleName/ci-reader."

func missingSAMLSettingDetail(p path.Path, envVar string) string {
	return fmt.Sprintf("A SAML exchange needs %s (or the environment variable %s), beside role_arn, saml_assertion and principal_arn. "+
		"Set it, or remove assume_role_with_saml to use another credential source.", p, envVar)
}

func podOIDCIncompleteDetail(missing []string) string {
	return fmt.Sprintf("enable_pod_oidc is true, but the environment lacks %s. TKE sets %s, %s, %s and %s in a pod whose service "+
		"account is bound to a CAM role (the pod identity webhook). Bind the pod's service account to a role, or set enable_pod_oidc "+
		"to false and use another credential source.",
		strings.Join(missing, ", "), envvar.TKERegion, envvar.TKEWebIdentityTokenFile, envvar.TKEProviderID, envvar.TKERoleArn)
}

func roleArnFileDetail(file setting, err error) string {
	return fmt.Sprintf("The role ARN file %q from %s could not be used: %s. It must hold the role's resource name, such as "+
		"qcs::cam::uin/100000000001:roleName/ci-reader. Fix the file, or set role_arn instead.", file.value, file.source, err)
}

func incompleteMFADetail(given, missing setting) string {
	return fmt.Sprintf("An MFA device and its code go together, but %s is set and %s is not. Set both, the serial number "+
		"(such as qcs::cam:uin/100000000001::mfa/softToken) and the device's current code, or neither.",
		sourceOrName(given), sourceOrName(missing))
}

const emptyMFADetail = "The mfa_certification block needs serial_number (or " + envvar.MFASerialNumber + "), the MFA device such as " +
	"qcs::cam:uin/100000000001::mfa/softToken, and token_code (or " + envvar.MFATokenCode + "), its current code. " +
	"Set both, or remove the block."

// sourceOrName names where a setting came from, or where it would go.
func sourceOrName(s setting) string {
	if s.isSet() {
		return s.source
	}
	return s.path.String()
}

func mfaNeedsKeyDetail(source string) string {
	return fmt.Sprintf("mfa_certification certifies a permanent API key with STS GetSessionToken, which refuses temporary "+
		"credentials, and the credential comes from %s, which is temporary. Use a permanent API key (secret_id and secret_key, "+
		"or a profile without a token), or remove mfa_certification and put serial_number and token_code in assume_role.", source)
}

func callerIdentityFailedDetail(err error, endpoint, source string) string {
	detail := fmt.Sprintf("allowed_account_ids or forbidden_account_ids is set, so the provider asked STS GetCallerIdentity at %s "+
		"which account the credential belongs to, and that failed: %s. No data source is read without that answer.", endpoint, err)
	var callErr *tencentapi.Error
	if errors.As(err, &callErr) && callErr.RequestID != "" {
		detail += "\n\n" + explain.DescribeSTSCode(callErr.Code)
	}
	return detail + explain.STSUnreachableNote(err, source)
}

func callerIdentityWithoutAccountDetail(endpoint string) string {
	return fmt.Sprintf("allowed_account_ids or forbidden_account_ids is set, and STS GetCallerIdentity at %s answered without an "+
		"AccountId, so the account cannot be checked and no data source is read. If endpoints.sts points at a proxy, check it; "+
		"otherwise run Terraform again.", endpoint)
}

func accountNotAllowedDetail(account, source string, allowed []string) string {
	return fmt.Sprintf("The credential from %s belongs to account %s, which is not in allowed_account_ids (%s). "+
		"No data source was read. Use a credential of an allowed account, or add %s to allowed_account_ids if it is meant to be read.",
		source, account, strings.Join(allowed, ", "), account)
}

func accountForbiddenDetail(account, source string, forbidden []string) string {
	return fmt.Sprintf("The credential from %s belongs to account %s, which forbidden_account_ids lists (%s). "+
		"No data source was read. Use a credential of another account.", source, account, strings.Join(forbidden, ", "))
}

// errAccountIDNotDigits completes "The value ... from ..." for an account ID
// that is no UIN at all, such as an ARN or an empty string.
var errAccountIDNotDigits = errors.New(`is not an account UIN: write the main account's UIN in digits alone, such as "100000000001", ` +
	`not an ARN, a name or an empty string`)

// errAccountIDNotKnown is an element of an account ID set that is null or unknown.
var errAccountIDNotKnown = errors.New("is not a known string")

// accountIDLeadingZero completes "The value ... from ..." for an ID with a
// leading zero, which the account STS names never has.
func accountIDLeadingZero(id string) error {
	fix := "remove the leading zeros"
	if uin := strings.TrimLeft(id, "0"); uin != "" {
		fix = fmt.Sprintf("write it as %q", uin)
	}
	return fmt.Errorf("has a leading zero: %s. The account is compared as text with the account STS names, "+
		"which has none, so an ID written with one matches no account and forbids nothing", fix)
}

// invalidAccountIDDetail is the configure-time check's refusal of an
// account ID that the schema should have refused already.
func invalidAccountIDDetail(attribute, value string, err error) string {
	return fmt.Sprintf("The value %s in the provider argument %s %s. No data source was read: the account guard "+
		"is not built on an ID that could match no account. Fix the value in the provider block.", value, attribute, err)
}
