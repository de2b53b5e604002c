// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The environment variables of the credential sources, as the official
// Tencent Cloud provider and TKE name them.
const (
	defaultProfile              = "default"
	defaultSharedCredentialsDir = "~/.tccli"
	defaultSessionName          = "terraform"

	// maxSessionSeconds is the longest role session STS grants;
	// maxMFASessionSeconds the longest MFA session (a sub-user's).
	maxSessionSeconds    = 43200
	maxMFASessionSeconds = 129600
)

// baseCredential is the credential before any MFA certification or role.
type baseCredential struct {
	source  credentials.Source
	sources credentialSources
	// profile is set when the credential came from a tccli profile, whose
	// region and role-arn then apply.
	profile *credentials.Profile
	// exchange is set when STS exchanged an OIDC token or SAML assertion for
	// it with settings that fall back to the TENCENTCLOUD_ASSUME_ROLE_*
	// variables, so those do not also name a role to assume after it.
	exchange bool
	// temporary is set when it is known to be an STS-issued credential,
	// which GetSessionToken refuses.
	temporary bool
}

// keyPairSettings are a SecretId, SecretKey and token from one place.
type keyPairSettings struct{ id, key, token setting }

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
	profile := configSetting(m.Profile, path.Root("profile"))
	camRole := configSetting(m.CamRoleName, path.Root("cam_role_name"))
	explicit := []explicitSource{
		{fromConfig.id.isSet() || fromConfig.key.isSet(), "secret_id and secret_key", path.Root("secret_id"), false,
			func() (*baseCredential, diag.Diagnostics) { return keyPair(fromConfig, fromEnv.token) }},
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
	if chosen != nil {
		if set := envExchanges(); len(set) > 0 && !chosen.exchange {
			diags.AddAttributeWarning(chosen.path, summaryExchangeEnvIgnored, exchangeEnvIgnoredDetail(chosen.name, set))
		}
		base, sourceDiags := chosen.build()
		return base, append(diags, sourceDiags...)
	}

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

// keyPair is the credential of a complete pair, nil for none; ignoredToken
// is a token elsewhere that does not go with it, which is reported.
func keyPair(pair keyPairSettings, ignoredToken setting) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	switch {
	case pair.id.isSet() && pair.key.isSet():
		sources := credentialSources{secretID: pair.id.source, secretKey: pair.key.source}
		if pair.token.isSet() {
			sources.securityToken = pair.token.source
		} else if ignoredToken.isSet() {
			diags.AddAttributeWarning(path.Root("security_token"), summaryIgnoredToken, ignoredTokenDetail)
		}
		value := credentials.Value{SecretID: pair.id.value, SecretKey: pair.key.value, Token: pair.token.value}
		return &baseCredential{source: credentials.Static{Value: value, Description: pair.id.source}, sources: sources, temporary: value.Token != ""}, diags
	case pair.id.isSet():
		diags.AddAttributeError(pair.key.path, summaryIncompleteCredential, incompleteCredentialDetail(pair.id, pair.key))
	case pair.key.isSet():
		diags.AddAttributeError(pair.id.path, summaryIncompleteCredential, incompleteCredentialDetail(pair.key, pair.id))
	}
	return nil, diags
}

// profileCredential is the credential of the tccli profile name, nil for
// none. An unset name means the default profile when orDefault is set, and
// that may be absent; a profile the user named must exist.
func profileCredential(m providerModel, name setting, orDefault bool) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	named := name.isSet()
	if !named {
		if !orDefault {
			return nil, diags
		}
		name = setting{value: defaultProfile, path: name.path}
	}
	dir := resolveSetting(m.SharedCredentialsDir, path.Root("shared_credentials_dir"), envvar.SharedCredentialsDir)
	if !dir.isSet() {
		dir.value = defaultSharedCredentialsDir
	}
	expanded, err := expandHome(dir.value)
	if err != nil {
		if named {
			diags.AddAttributeError(dir.path, summaryProfileUnreadable, profileErrorDetail(name, err))
		}
		return nil, diags
	}

	profile, err := credentials.ReadProfile(expanded, name.value)
	switch {
	case errors.Is(err, credentials.ErrProfileNotFound) && !named:
		return nil, diags
	case errors.Is(err, credentials.ErrProfileNotFound):
		diags.AddAttributeError(name.path, summaryProfileNotFound, profileNotFoundDetail(name, profile.CredentialPath))
		return nil, diags
	case err != nil:
		diags.AddAttributeError(name.path, summaryProfileUnreadable, profileErrorDetail(name, err))
		return nil, diags
	}
	source := profile.Source()
	return &baseCredential{source: source, sources: sameSource(source.Describe()), profile: &profile, temporary: profile.Token != ""}, diags
}

// cvmRole is the credential of the CVM instance role named, nil for none.
func cvmRole(role setting) (*baseCredential, diag.Diagnostics) {
	if !role.isSet() {
		return nil, nil
	}
	source := credentials.NewCVMRole(role.value, os.Getenv(envvar.MetadataEndpoint))
	return &baseCredential{source: source, sources: sameSource(source.Describe()), temporary: true}, nil
}

func expandHome(dir string) (string, error) {
	rest, ok := strings.CutPrefix(dir, "~")
	if !ok {
		return dir, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot expand %q: %w", dir, err)
	}
	return filepath.Join(home, rest), nil
}

// sameSource describes a credential whose parts all come from one place.
func sameSource(description string) credentialSources {
	return credentialSources{secretID: description, secretKey: description, securityToken: description}
}
