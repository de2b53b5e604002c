// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The provider's defaults for a profile, and the session name a profile's
// role is assumed with, which shows in the account's audit log.
const (
	defaultProfile              = "default"
	defaultSharedCredentialsDir = "~/.tccli"
	roleSessionName             = "tencentcloud-emulator-record"
)

// unsupportedSources are the variables of sources the provider would take
// before a key pair or a profile, or would layer on them. Recording signs
// only with a key pair or a profile, so rather than sign with another
// credential than the provider would, it refuses to run beside them.
var unsupportedSources = []string{
	envvar.WebIdentityToken, envvar.WebIdentityTokenFile, envvar.SAMLAssertion,
	envvar.TKEWebIdentityTokenFile, envvar.AssumeRoleArn, envvar.AssumeRoleArnFile,
	envvar.MFASerialNumber, envvar.MFATokenCode, envvar.CamRoleName,
}

// errNoCredential names every variable that would have given one.
var errNoCredential = fmt.Errorf("no Tencent Cloud credential: set %s and %s (and %s for a temporary key), "+
	"or %s to a tccli profile in %s (default %s); without them the profile %q is used when it exists",
	envvar.SecretID, envvar.SecretKey, envvar.SecurityToken, envvar.Profile, envvar.SharedCredentialsDir,
	defaultSharedCredentialsDir, defaultProfile)

// credential is what a recording signs with, and the region of the
// profile it came from, if any.
type credential struct {
	cache  *credentials.Cache
	region string
}

// resolveCredential takes the credential in the provider's order for what
// recording supports: a key pair in the environment, else the profile
// TENCENTCLOUD_PROFILE names (which must exist), else the default profile.
// A profile's role-arn is assumed with STS, as the provider does.
func resolveCredential(getenv Getenv, stsConfig tencentapi.Config) (credential, error) {
	for _, name := range unsupportedSources {
		if getenv(name) != "" {
			return credential{}, fmt.Errorf("%s is set, but record signs only with a key pair (%s, %s) or a tccli profile (%s): unset it",
				name, envvar.SecretID, envvar.SecretKey, envvar.Profile)
		}
	}
	id, key, token := getenv(envvar.SecretID), getenv(envvar.SecretKey), getenv(envvar.SecurityToken)
	switch {
	case id != "" && key != "":
		value := credentials.Value{SecretID: id, SecretKey: key, Token: token}
		return credential{cache: credentials.NewCache(credentials.Static{Value: value, Description: envvar.SecretID})}, nil
	case id != "":
		return credential{}, fmt.Errorf("%s is set but %s is not: set both, or neither to use a profile", envvar.SecretID, envvar.SecretKey)
	case key != "":
		return credential{}, fmt.Errorf("%s is set but %s is not: set both, or neither to use a profile", envvar.SecretKey, envvar.SecretID)
	}
	profile, err := readProfile(getenv)
	if err != nil {
		return credential{}, err
	}
	cache := credentials.NewCache(profile.Source())
	if profile.RoleArn != "" {
		stsConfig.Credential = cache
		if stsConfig.Region == "" {
			stsConfig.Region = profile.Region
		}
		cache = credentials.NewCache(&credentials.AssumeRole{
			Base: cache, STS: sts.NewClient(stsConfig), RoleArn: profile.RoleArn, SessionName: roleSessionName,
		})
	}
	return credential{cache: cache, region: profile.Region}, nil
}

// readProfile reads the profile TENCENTCLOUD_PROFILE names, or the default
// one, from TENCENTCLOUD_SHARED_CREDENTIALS_DIR or ~/.tccli.
func readProfile(getenv Getenv) (credentials.Profile, error) {
	name, named := getenv(envvar.Profile), true
	if name == "" {
		name, named = defaultProfile, false
	}
	dir := getenv(envvar.SharedCredentialsDir)
	if dir == "" {
		dir = defaultSharedCredentialsDir
	}
	if rest, ok := strings.CutPrefix(dir, "~"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return credentials.Profile{}, fmt.Errorf("cannot expand %q: %w", dir, err)
		}
		dir = filepath.Join(home, rest)
	}
	profile, err := credentials.ReadProfile(dir, name)
	switch {
	case errors.Is(err, credentials.ErrProfileNotFound) && !named:
		return profile, errNoCredential
	case errors.Is(err, credentials.ErrProfileNotFound):
		return profile, fmt.Errorf("the profile %q that %s names does not exist: %s", name, envvar.Profile, profile.CredentialPath)
	case err != nil:
		return profile, fmt.Errorf("the profile %q: %w", name, err)
	}
	return profile, nil
}
