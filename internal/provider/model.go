// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type providerModel struct {
	SecretID             types.String      `tfsdk:"secret_id"`
	SecretKey            types.String      `tfsdk:"secret_key"`
	SecurityToken        types.String      `tfsdk:"security_token"`
	Region               types.String      `tfsdk:"region"`
	Protocol             types.String      `tfsdk:"protocol"`
	Domain               types.String      `tfsdk:"domain"`
	RateLimit            types.Float64     `tfsdk:"rate_limit"`
	MaxRetries           types.Int64       `tfsdk:"max_retries"`
	RequestTimeout       types.String      `tfsdk:"request_timeout"`
	Profile              types.String      `tfsdk:"profile"`
	SharedCredentialsDir types.String      `tfsdk:"shared_credentials_dir"`
	CamRoleName          types.String      `tfsdk:"cam_role_name"`
	EnablePodOIDC        types.Bool        `tfsdk:"enable_pod_oidc"`
	AllowedAccountIDs    types.Set         `tfsdk:"allowed_account_ids"`
	ForbiddenAccountIDs  types.Set         `tfsdk:"forbidden_account_ids"`
	AssumeRole           *assumeRoleModel  `tfsdk:"assume_role"`
	WebIdentity          *webIdentityModel `tfsdk:"assume_role_with_web_identity"`
	SAML                 *samlModel        `tfsdk:"assume_role_with_saml"`
	MFACertification     *mfaModel         `tfsdk:"mfa_certification"`
	Endpoints            *endpointsModel   `tfsdk:"endpoints"`
}

type endpointsModel struct {
	Organization types.String `tfsdk:"organization"`
	STS          types.String `tfsdk:"sts"`
}

type assumeRoleModel struct {
	RoleArn         types.String `tfsdk:"role_arn"`
	SessionName     types.String `tfsdk:"session_name"`
	SessionDuration types.Int64  `tfsdk:"session_duration"`
	Policy          types.String `tfsdk:"policy"`
	ExternalID      types.String `tfsdk:"external_id"`
	SourceIdentity  types.String `tfsdk:"source_identity"`
	SerialNumber    types.String `tfsdk:"serial_number"`
	TokenCode       types.String `tfsdk:"token_code"`
}

type webIdentityModel struct {
	ProviderID           types.String `tfsdk:"provider_id"`
	RoleArn              types.String `tfsdk:"role_arn"`
	RoleArnFile          types.String `tfsdk:"role_arn_file"`
	SessionName          types.String `tfsdk:"session_name"`
	SessionDuration      types.Int64  `tfsdk:"session_duration"`
	WebIdentityToken     types.String `tfsdk:"web_identity_token"`
	WebIdentityTokenFile types.String `tfsdk:"web_identity_token_file"`
}

type samlModel struct {
	RoleArn         types.String `tfsdk:"role_arn"`
	SessionName     types.String `tfsdk:"session_name"`
	SessionDuration types.Int64  `tfsdk:"session_duration"`
	SAMLAssertion   types.String `tfsdk:"saml_assertion"`
	PrincipalArn    types.String `tfsdk:"principal_arn"`
}

type mfaModel struct {
	SerialNumber    types.String `tfsdk:"serial_number"`
	TokenCode       types.String `tfsdk:"token_code"`
	DurationSeconds types.Int64  `tfsdk:"duration_seconds"`
}

// setting is one provider argument after falling back to its environment
// variable. source says where the value came from, for messages; it never
// holds the value itself.
type setting struct {
	value  string
	source string
	path   path.Path
}

func (s setting) isSet() bool { return s.value != "" }

func resolveSetting(v types.String, attr path.Path, envVar string) setting {
	for _, s := range []setting{configSetting(v, attr), envSetting(envVar, attr)} {
		if s.isSet() {
			return s
		}
	}
	return setting{path: attr}
}

// configSetting is an argument as configured; its source is named even
// when it is unset, for messages about a missing half of a pair.
func configSetting(v types.String, attr path.Path) setting {
	s := setting{source: fmt.Sprintf("the provider argument %s", attr), path: attr}
	if !v.IsNull() && !v.IsUnknown() {
		s.value = v.ValueString()
	}
	return s
}

func envSetting(envVar string, attr path.Path) setting {
	return setting{value: os.Getenv(envVar), source: "the environment variable " + envVar, path: attr}
}
