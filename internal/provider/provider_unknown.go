// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// rejectUnknown fails configuration that depends on values known only after
// apply: a data source read during plan cannot wait for them.
func rejectUnknown(m providerModel) diag.Diagnostics {
	var diags diag.Diagnostics
	attrs := map[string]attr.Value{
		"secret_id": m.SecretID, "secret_key": m.SecretKey, "security_token": m.SecurityToken,
		"region": m.Region, "protocol": m.Protocol, "domain": m.Domain,
		"rate_limit": m.RateLimit, "max_retries": m.MaxRetries, "request_timeout": m.RequestTimeout,
		"profile": m.Profile, "shared_credentials_dir": m.SharedCredentialsDir, "cam_role_name": m.CamRoleName,
		"enable_pod_oidc": m.EnablePodOIDC, "allowed_account_ids": m.AllowedAccountIDs, "forbidden_account_ids": m.ForbiddenAccountIDs,
	}
	for name, v := range attrs {
		if hasUnknown(v) {
			diags.AddAttributeError(path.Root(name), summaryUnknownSetting, unknownSettingDetail(name))
		}
	}
	for block, values := range blockValues(m) {
		for name, v := range values {
			if v.IsUnknown() {
				diags.AddAttributeError(path.Root(block).AtName(name), summaryUnknownSetting, unknownSettingDetail(block+"."+name))
			}
		}
	}
	if m.Endpoints != nil {
		for name, v := range map[string]types.String{"organization": m.Endpoints.Organization, "sts": m.Endpoints.STS} {
			if v.IsUnknown() {
				diags.AddAttributeError(path.Root("endpoints").AtName(name), summaryUnknownSetting, unknownSettingDetail("endpoints."+name))
			}
		}
	}
	return diags
}

// hasUnknown reports a value, or an element of a set, known only after apply.
func hasUnknown(v attr.Value) bool {
	if set, ok := v.(types.Set); ok && !set.IsUnknown() {
		return slices.ContainsFunc(set.Elements(), attr.Value.IsUnknown)
	}
	return v.IsUnknown()
}

// blockValues are the arguments of each credential block that is present.
func blockValues(m providerModel) map[string]map[string]attr.Value {
	blocks := map[string]map[string]attr.Value{}
	if b := m.AssumeRole; b != nil {
		blocks["assume_role"] = map[string]attr.Value{
			"role_arn": b.RoleArn, "session_name": b.SessionName, "session_duration": b.SessionDuration, "policy": b.Policy,
			"external_id": b.ExternalID, "source_identity": b.SourceIdentity, "serial_number": b.SerialNumber, "token_code": b.TokenCode,
		}
	}
	if b := m.WebIdentity; b != nil {
		blocks["assume_role_with_web_identity"] = map[string]attr.Value{
			"provider_id": b.ProviderID, "role_arn": b.RoleArn, "role_arn_file": b.RoleArnFile, "session_name": b.SessionName,
			"session_duration": b.SessionDuration, "web_identity_token": b.WebIdentityToken, "web_identity_token_file": b.WebIdentityTokenFile,
		}
	}
	if b := m.SAML; b != nil {
		blocks["assume_role_with_saml"] = map[string]attr.Value{
			"role_arn": b.RoleArn, "session_name": b.SessionName, "session_duration": b.SessionDuration,
			"saml_assertion": b.SAMLAssertion, "principal_arn": b.PrincipalArn,
		}
	}
	if b := m.MFACertification; b != nil {
		blocks["mfa_certification"] = map[string]attr.Value{
			"serial_number": b.SerialNumber, "token_code": b.TokenCode, "duration_seconds": b.DurationSeconds,
		}
	}
	return blocks
}
