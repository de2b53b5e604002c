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
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
)

// The defaults of the credential sources, and the longest sessions STS
// grants.
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
	sources explain.CredentialSources
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

// keyPair is the credential of a complete pair, nil for none; ignoredToken
// is a token elsewhere that does not go with it, which is reported.
func keyPair(pair keyPairSettings, ignoredToken setting) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	switch {
	case pair.id.isSet() && pair.key.isSet():
		sources := explain.CredentialSources{SecretID: pair.id.source, SecretKey: pair.key.source}
		if pair.token.isSet() {
			sources.SecurityToken = pair.token.source
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
func sameSource(description string) explain.CredentialSources {
	return explain.CredentialSources{SecretID: description, SecretKey: description, SecurityToken: description}
}
