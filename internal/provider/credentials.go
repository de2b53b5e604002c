// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// explicitSource is a credential source the provider block names.
type explicitSource struct {
	given bool
	// name is the argument or block, for messages.
	name string
	path path.Path
	// exchange is set for the blocks whose settings fall back to the
	// environment's identity exchange variables.
	exchange bool
	build    func() (*baseCredential, diag.Diagnostics)
}

// resolveBaseCredential takes the credential from the one source the
// provider block names, and without one, from the first source the
// environment or a default gives (an OIDC token, a SAML assertion, a key
// pair, a profile, a CVM role), because explicit configuration wins over
// the environment. Two sources in the provider block, a half-given key pair
// or a lone security_token is an error rather than a silent choice, which
// would sign with a credential the user did not mean.
func resolveBaseCredential(m providerModel, stsConfig tencentapi.Config) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	fromConfig := keyPairSettings{
		id:    configSetting(m.SecretID, path.Root("secret_id")),
		key:   configSetting(m.SecretKey, path.Root("secret_key")),
		token: configSetting(m.SecurityToken, path.Root("security_token")),
	}
	fromEnv := keyPairSettings{
		id:    envSetting(envvar.SecretID, path.Root("secret_id")),
		key:   envSetting(envvar.SecretKey, path.Root("secret_key")),
		token: envSetting(envvar.SecurityToken, path.Root("security_token")),
	}
	if fromConfig.token.isSet() && !fromConfig.id.isSet() && !fromConfig.key.isSet() {
		diags.AddAttributeError(fromConfig.token.path, summaryLoneToken, loneTokenDetail)
		return nil, diags
	}
	chosen, diags := chooseExplicit(explicitSources(m, fromConfig, fromEnv.token, stsConfig))
	if diags.HasError() {
		return nil, diags
	}
	if chosen != nil {
		if set := envExchanges(); len(set) > 0 && !chosen.exchange {
			diags.AddAttributeWarning(chosen.path, summaryExchangeEnvIgnored, exchangeEnvIgnoredDetail(chosen.name, set))
		}
		base, sourceDiags := chosen.build()
		return base, append(diags, sourceDiags...)
	}
	return environmentCredential(m, fromEnv, stsConfig)
}

// explicitSources are the sources the provider block can name, in the
// order a message about two of them names them.
func explicitSources(m providerModel, fromConfig keyPairSettings, envToken setting, stsConfig tencentapi.Config) []explicitSource {
	profile := configSetting(m.Profile, path.Root("profile"))
	camRole := configSetting(m.CamRoleName, path.Root("cam_role_name"))
	return []explicitSource{
		{fromConfig.id.isSet() || fromConfig.key.isSet(), "secret_id and secret_key", path.Root("secret_id"), false,
			func() (*baseCredential, diag.Diagnostics) { return keyPair(fromConfig, envToken) }},
		{profile.isSet(), "profile", profile.path, false,
			func() (*baseCredential, diag.Diagnostics) { return profileCredential(m, profile, false) }},
		{camRole.isSet(), "cam_role_name", camRole.path, false,
			func() (*baseCredential, diag.Diagnostics) { return cvmRole(camRole) }},
		{m.WebIdentity != nil, "assume_role_with_web_identity", path.Root("assume_role_with_web_identity"), true,
			func() (*baseCredential, diag.Diagnostics) {
				return webIdentityCredential(*m.WebIdentity, true, stsConfig)
			}},
		{m.EnablePodOIDC.ValueBool(), "enable_pod_oidc", path.Root("enable_pod_oidc"), false,
			func() (*baseCredential, diag.Diagnostics) { return podOIDCCredential(stsConfig) }},
		{m.SAML != nil, "assume_role_with_saml", path.Root("assume_role_with_saml"), true,
			func() (*baseCredential, diag.Diagnostics) { return samlCredential(*m.SAML, stsConfig) }},
	}
}

// chooseExplicit is the one source the provider block names, nil for
// none; two are an error naming both.
func chooseExplicit(explicit []explicitSource) (*explicitSource, diag.Diagnostics) {
	var diags diag.Diagnostics
	var chosen *explicitSource
	for i := range explicit {
		if !explicit[i].given {
			continue
		}
		if chosen != nil {
			diags.AddAttributeError(explicit[i].path, summaryTwoSources, twoSourcesDetail(chosen.name, explicit[i].name))
			return nil, diags
		}
		chosen = &explicit[i]
	}
	return chosen, diags
}

// environmentCredential is the first source the environment or a default
// gives, in the documented order, or an error naming them all.
func environmentCredential(m providerModel, fromEnv keyPairSettings, stsConfig tencentapi.Config) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	for _, source := range []func() (*baseCredential, diag.Diagnostics){
		func() (*baseCredential, diag.Diagnostics) { return envExchangeCredential(stsConfig) },
		func() (*baseCredential, diag.Diagnostics) { return keyPair(fromEnv, setting{}) },
		func() (*baseCredential, diag.Diagnostics) {
			return profileCredential(m, envSetting(envvar.Profile, path.Root("profile")), true)
		},
		func() (*baseCredential, diag.Diagnostics) {
			return cvmRole(envSetting(envvar.CamRoleName, path.Root("cam_role_name")))
		},
	} {
		base, sourceDiags := source()
		diags.Append(sourceDiags...)
		if base != nil || diags.HasError() {
			return base, diags
		}
	}
	diags.AddError(summaryNoCredentials, noCredentialsDetail)
	return nil, diags
}
