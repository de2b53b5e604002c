// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// The schema of the credential sources that STS exchanges, and of the
// account guard rails. Argument names are the official provider's.

const explicitSourceNote = "No other credential source may be set in the provider block beside it."

func assumeRoleBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "Assume a CAM role with STS AssumeRole, signed with the credential found as above (after `mfa_certification`, " +
			"when that is set), and use the role's temporary credential for every request; it is refreshed before it expires, unless " +
			"`token_code` is set. Without this block, `" + envvar.AssumeRoleArn + "` or a profile's `role-arn` also assume a role, except " +
			"when the credential comes from `assume_role_with_web_identity` or `assume_role_with_saml`, whose settings those variables are.",
		Attributes: map[string]schema.Attribute{
			"role_arn": schema.StringAttribute{
				MarkdownDescription: "The role's resource name, such as `qcs::cam::uin/100000000001:roleName/auditor`. " +
					"Can also be set with the `" + envvar.AssumeRoleArn + "` environment variable. Required when the block is present.",
				Optional: true,
			},
			"session_name":     sessionNameAttribute(),
			"session_duration": sessionDurationAttribute(),
			"policy": schema.StringAttribute{
				MarkdownDescription: "A JSON policy document that further limits the temporary credential; the provider URL-encodes it " +
					"as the API requires. No default: the role's own permissions apply.",
				Optional: true,
			},
			"external_id": schema.StringAttribute{
				MarkdownDescription: "The external ID the role's trust policy requires, if any. Can also be set with the `" +
					envvar.AssumeRoleExternalID + "` environment variable. No default.",
				Optional: true,
				Validators: []validator.String{stringvalidator.RegexMatches(externalIDPattern,
					"must be 2 to 128 letters, digits and _+=,.@:/- characters, as STS requires")},
			},
			"source_identity": schema.StringAttribute{
				MarkdownDescription: "The UIN of the identity behind the call, recorded with the role session. Can also be set with the `" +
					envvar.AssumeRoleSourceIdentity + "` environment variable. No default.",
				Optional: true,
				Validators: []validator.String{stringvalidator.RegexMatches(accountUIN,
					"must be a UIN, such as 100000000001: digits, without a leading zero")},
			},
			"serial_number": schema.StringAttribute{
				MarkdownDescription: "The MFA device, such as `qcs::cam:uin/100000000001::mfa/softToken`, for a role whose trust policy " +
					"requires MFA. Can also be set with the `" + envvar.AssumeRoleSerialNumber + "` environment variable. " +
					"Must be given together with `token_code`. No default.",
				Optional: true,
			},
			"token_code": schema.StringAttribute{
				MarkdownDescription: "The current code of the MFA device `serial_number`. A code is single-use, so the role's credential " +
					"is requested once per run and used until it expires; a run longer than `session_duration` then fails with an error " +
					"that asks for a new code. Can also be set with the `" + envvar.AssumeRoleTokenCode + "` environment variable. No default.",
				Optional:  true,
				Sensitive: true,
			},
		},
	}
}

func webIdentityBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "Take the credential from an OIDC token, as CI systems (GitHub Actions, GitLab) and Kubernetes issue them: " +
			"STS AssumeRoleWithWebIdentity exchanges the token for the role's temporary credential, without any API key, and is " +
			"called again before the credential expires. " + explicitSourceNote,
		Attributes: map[string]schema.Attribute{
			"provider_id": schema.StringAttribute{
				MarkdownDescription: "The name of the OIDC identity provider in CAM. Can also be set with the `" + envvar.AssumeRoleProviderID +
					"` environment variable. Defaults to `OIDC`.",
				Optional: true,
			},
			"role_arn": schema.StringAttribute{
				MarkdownDescription: "The resource name of the role that trusts the identity provider. Can also be set with the `" +
					envvar.AssumeRoleArn + "` environment variable. This or `role_arn_file` is required.",
				Optional: true,
			},
			"role_arn_file": schema.StringAttribute{
				MarkdownDescription: "A file holding the role's resource name, used when `role_arn` is not set. Can also be set with the `" +
					envvar.AssumeRoleArnFile + "` environment variable. No default.",
				Optional: true,
			},
			"session_name":     sessionNameAttribute(),
			"session_duration": sessionDurationAttribute(),
			"web_identity_token": schema.StringAttribute{
				MarkdownDescription: "The OIDC token. Can also be set with the `" + envvar.WebIdentityToken + "` environment variable. " +
					"Wins over `web_identity_token_file`. This or `web_identity_token_file` is required.",
				Optional:  true,
				Sensitive: true,
			},
			"web_identity_token_file": schema.StringAttribute{
				MarkdownDescription: "A file holding the OIDC token, read again for every exchange because platforms rotate it during a run: " +
					"either JSON with the key `web_identity_token`, as the official provider reads it, or the bare token, as Kubernetes " +
					"writes it. Can also be set with the `" + envvar.WebIdentityTokenFile + "` environment variable. No default.",
				Optional: true,
			},
		},
	}
}

func samlBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "Take the credential from a SAML assertion of an enterprise identity provider: STS AssumeRoleWithSAML " +
			"exchanges it for the role's temporary credential, without any API key. An assertion is short-lived, so a run that " +
			"outlives the credential fails asking for a new assertion. " + explicitSourceNote,
		Attributes: map[string]schema.Attribute{
			"role_arn": schema.StringAttribute{
				MarkdownDescription: "The resource name of the role that trusts the SAML identity provider. Can also be set with the `" +
					envvar.AssumeRoleArn + "` environment variable. Required.",
				Optional: true,
			},
			"session_name":     sessionNameAttribute(),
			"session_duration": sessionDurationAttribute(),
			"saml_assertion": schema.StringAttribute{
				MarkdownDescription: "The base64-encoded SAML assertion. Can also be set with the `" + envvar.SAMLAssertion +
					"` environment variable. Required.",
				Optional:  true,
				Sensitive: true,
			},
			"principal_arn": schema.StringAttribute{
				MarkdownDescription: "The resource name of the SAML identity provider in CAM, such as " +
					"`qcs::cam::uin/100000000001:saml-provider/corp`. Can also be set with the `" + envvar.PrincipalArn +
					"` environment variable. Required.",
				Optional: true,
			},
		},
	}
}

func mfaCertificationBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "Certify the API key found as above with an MFA code: STS GetSessionToken exchanges it for a session " +
			"credential, which signs every request (and the `assume_role` call, when there is one). A code is single-use, so the " +
			"session credential is requested once per run and used until it expires; a run longer than `duration_seconds` then " +
			"fails with an error that asks for a new code. Needs a permanent API key: STS refuses temporary credentials here.",
		Attributes: map[string]schema.Attribute{
			"serial_number": schema.StringAttribute{
				MarkdownDescription: "The MFA device, such as `qcs::cam:uin/100000000001::mfa/softToken`. Can also be set with the `" +
					envvar.MFASerialNumber + "` environment variable. Required.",
				Optional: true,
			},
			"token_code": schema.StringAttribute{
				MarkdownDescription: "The device's current code. Can also be set with the `" + envvar.MFATokenCode +
					"` environment variable. Required.",
				Optional:  true,
				Sensitive: true,
			},
			"duration_seconds": schema.Int64Attribute{
				MarkdownDescription: "How long the session credential lives, in seconds: at most 7200 for a root account's key and " +
					"129600 for a sub-user's; 0 means the default. Can also be set with the `" + envvar.MFADuration + "` environment variable. Defaults to `1800`.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, maxMFASessionSeconds)},
			},
		},
	}
}

func sessionNameAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "A name for the role session, shown in CloudAudit. Can also be set with the `" +
			envvar.AssumeRoleSessionName + "` environment variable. Defaults to `terraform`.",
		Optional: true,
	}
}

func sessionDurationAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: "How long each temporary credential lives, in seconds, from 0 to 43200; 0 means the default. " +
			"Can also be set with the `" + envvar.AssumeRoleDuration + "` environment variable. Defaults to `7200`.",
		Optional:   true,
		Validators: []validator.Int64{int64validator.Between(0, maxSessionSeconds)},
	}
}

func enablePodOIDCAttribute() schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "Take the credential from the TKE pod's OIDC identity: the environment variables `" + envvar.TKERegion + "`, `" +
			envvar.TKEWebIdentityTokenFile + "`, `" + envvar.TKEProviderID + "` and `" + envvar.TKERoleArn + "`, which TKE sets for a pod whose " +
			"service account is bound to a CAM role, configure the same exchange as `assume_role_with_web_identity`, and the token " +
			"file is read again for every exchange. All four must be set. " + explicitSourceNote + " Defaults to `false`.",
		Optional: true,
	}
}

// externalIDPattern is ExternalId as STS takes it: 2 to 128 characters of
// [\w+=,.@:/-].
var externalIDPattern = regexp.MustCompile(`^[\w+=,.@:/-]{2,128}$`)

// accountIDRule is how the attributes' descriptions state accountUIN.
const accountIDRule = "Each is an account UIN written as digits without a leading zero (`^[1-9][0-9]*$`), such as " +
	"`\"100000000001\"`, because it is compared as text with the account STS names."

func allowedAccountIDsAttribute() schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: "The only accounts (main account UINs) this configuration may read. The provider asks STS GetCallerIdentity " +
			"which account the credential belongs to, once, when it is configured, and fails before any data source is read if the " +
			"account is not listed. " + accountIDRule + " Conflicts with `forbidden_account_ids`. No default: any account.",
		ElementType: types.StringType,
		Optional:    true,
		Validators:  accountIDsValidators("forbidden_account_ids"),
	}
}

func forbiddenAccountIDsAttribute() schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: "Accounts (main account UINs) this configuration must never read. The provider asks STS GetCallerIdentity " +
			"which account the credential belongs to, once, when it is configured, and fails before any data source is read if the " +
			"account is listed. " + accountIDRule + " Conflicts with `allowed_account_ids`. No default.",
		ElementType: types.StringType,
		Optional:    true,
		Validators:  accountIDsValidators("allowed_account_ids"),
	}
}

func accountIDsValidators(conflicting string) []validator.Set {
	return []validator.Set{
		setvalidator.SizeAtLeast(1),
		setvalidator.ConflictsWith(path.MatchRoot(conflicting)),
		setvalidator.ValueStringsAre(stringCheck{description: "must be an account UIN, digits without a leading zero",
			check: checkAccountID, summary: summaryInvalidAccountID}),
	}
}
