// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

const (
	envProfile               = "TENCENTCLOUD_PROFILE"
	envSharedCredentialsDir  = "TENCENTCLOUD_SHARED_CREDENTIALS_DIR"
	envCamRoleName           = "TENCENTCLOUD_CAM_ROLE_NAME"
	envMetadataEndpoint      = "TENCENTCLOUD_METADATA_ENDPOINT"
	envAssumeRoleArn         = "TENCENTCLOUD_ASSUME_ROLE_ARN"
	envAssumeRoleSessionName = "TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME"
	envAssumeRoleDuration    = "TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION"
	envAssumeRoleExternalID  = "TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID"

	defaultProfile              = "default"
	defaultSharedCredentialsDir = "~/.tccli"
	defaultSessionName          = "terraform"
)

type assumeRoleModel struct {
	RoleArn         types.String `tfsdk:"role_arn"`
	SessionName     types.String `tfsdk:"session_name"`
	SessionDuration types.Int64  `tfsdk:"session_duration"`
	Policy          types.String `tfsdk:"policy"`
	ExternalID      types.String `tfsdk:"external_id"`
}

// baseCredential is the credential before any role is assumed.
type baseCredential struct {
	source  credentials.Source
	sources credentialSources
	// profile is set when the credential came from a tccli profile, whose
	// region and role-arn then apply.
	profile *credentials.Profile
}

// keyPairSettings are a SecretId, SecretKey and token from one place.
type keyPairSettings struct{ id, key, token setting }

// resolveBaseCredential takes the first source given, in the documented
// order: what the provider block names (a key pair, a profile, a CVM role)
// before what the environment or a default gives (a key pair, a profile,
// a CVM role), because explicit configuration wins over the environment.
// A half-given key pair or a lone security_token is an error rather than a
// silent fall-through, which would sign with a key the user did not mean.
func resolveBaseCredential(m providerModel) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	fromConfig := keyPairSettings{
		id:    configSetting(m.SecretID, path.Root("secret_id")),
		key:   configSetting(m.SecretKey, path.Root("secret_key")),
		token: configSetting(m.SecurityToken, path.Root("security_token")),
	}
	fromEnv := keyPairSettings{
		id:    envSetting(envSecretID, path.Root("secret_id")),
		key:   envSetting(envSecretKey, path.Root("secret_key")),
		token: envSetting(envSecurityToken, path.Root("security_token")),
	}
	if fromConfig.token.isSet() && !fromConfig.id.isSet() && !fromConfig.key.isSet() {
		diags.AddAttributeError(fromConfig.token.path, summaryLoneToken, loneTokenDetail)
		return nil, diags
	}
	for _, source := range []func() (*baseCredential, diag.Diagnostics){
		func() (*baseCredential, diag.Diagnostics) { return keyPair(fromConfig, fromEnv.token) },
		func() (*baseCredential, diag.Diagnostics) {
			return profileCredential(m, configSetting(m.Profile, path.Root("profile")), false)
		},
		func() (*baseCredential, diag.Diagnostics) {
			return cvmRole(configSetting(m.CamRoleName, path.Root("cam_role_name")))
		},
		func() (*baseCredential, diag.Diagnostics) { return keyPair(fromEnv, setting{}) },
		func() (*baseCredential, diag.Diagnostics) {
			return profileCredential(m, envSetting(envProfile, path.Root("profile")), true)
		},
		func() (*baseCredential, diag.Diagnostics) {
			return cvmRole(envSetting(envCamRoleName, path.Root("cam_role_name")))
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
		return &baseCredential{source: credentials.Static{Value: value, Description: pair.id.source}, sources: sources}, diags
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
	dir := resolveSetting(m.SharedCredentialsDir, path.Root("shared_credentials_dir"), envSharedCredentialsDir)
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
	return &baseCredential{source: source, sources: sameSource(source.Describe()), profile: &profile}, diags
}

// cvmRole is the credential of the CVM instance role named, nil for none.
func cvmRole(role setting) (*baseCredential, diag.Diagnostics) {
	if !role.isSet() {
		return nil, nil
	}
	source := credentials.NewCVMRole(role.value, os.Getenv(envMetadataEndpoint))
	return &baseCredential{source: source, sources: sameSource(source.Describe())}, nil
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

// roleToAssume is the assume_role block, its environment variables, or the
// role-arn of the profile in use, in that order.
type roleToAssume struct {
	roleArn, sessionName, policy, externalID string
	durationSeconds                          uint64
}

func resolveRoleToAssume(m providerModel, base *baseCredential) (*roleToAssume, diag.Diagnostics) {
	var diags diag.Diagnostics
	block := assumeRoleModel{
		RoleArn: types.StringNull(), SessionName: types.StringNull(), SessionDuration: types.Int64Null(),
		Policy: types.StringNull(), ExternalID: types.StringNull(),
	}
	if m.AssumeRole != nil {
		block = *m.AssumeRole
	}
	blockPath := path.Root("assume_role")
	role := &roleToAssume{
		roleArn:     resolveSetting(block.RoleArn, blockPath.AtName("role_arn"), envAssumeRoleArn).value,
		sessionName: resolveSetting(block.SessionName, blockPath.AtName("session_name"), envAssumeRoleSessionName).value,
		policy:      block.Policy.ValueString(),
		externalID:  resolveSetting(block.ExternalID, blockPath.AtName("external_id"), envAssumeRoleExternalID).value,
	}
	// A profile's role-arn applies when neither the block nor the
	// environment names a role; the block's other settings still apply to it.
	if role.roleArn == "" && base.profile != nil && base.profile.RoleArn != "" {
		role.roleArn = base.profile.RoleArn
		if role.sessionName == "" {
			role.sessionName = base.profile.RoleSessionName
		}
	}
	if role.roleArn == "" {
		if m.AssumeRole != nil {
			diags.AddAttributeError(blockPath.AtName("role_arn"), summaryMissingRoleArn, missingRoleArnDetail)
		}
		return nil, diags
	}
	if role.sessionName == "" {
		role.sessionName = defaultSessionName
	}
	switch duration := os.Getenv(envAssumeRoleDuration); {
	case !block.SessionDuration.IsNull():
		role.durationSeconds = uint64(block.SessionDuration.ValueInt64())
	case duration != "":
		seconds, err := strconv.ParseUint(duration, 10, 64)
		if err != nil || seconds > 43200 {
			s := setting{value: duration, source: "the environment variable " + envAssumeRoleDuration}
			diags.AddAttributeError(blockPath.AtName("session_duration"), summaryInvalidDuration,
				invalidSettingDetail(s, errors.New("must be a whole number of seconds from 0 to 43200")))
		}
		role.durationSeconds = seconds
	}
	return role, diags
}

// credentialCache builds the credential a provider configuration signs with:
// the base credential, wrapped in an assumed role when one is configured.
func credentialCache(base *baseCredential, role *roleToAssume, stsConfig tencentapi.Config) (*credentials.Cache, credentialSources) {
	baseCache := credentials.NewCache(base.source)
	baseCache.OnRefreshFailure = warnRefreshFailed
	if role == nil {
		return baseCache, base.sources
	}
	stsConfig.Credential = baseCache
	assumed := &credentials.AssumeRole{
		Base:            baseCache,
		STS:             sts.NewClient(stsConfig),
		RoleArn:         role.roleArn,
		SessionName:     role.sessionName,
		DurationSeconds: role.durationSeconds,
		Policy:          role.policy,
		ExternalID:      role.externalID,
	}
	cache := credentials.NewCache(assumed)
	cache.OnRefreshFailure = warnRefreshFailed
	return cache, sameSource(assumed.Describe())
}

// warnRefreshFailed logs, once per credential, that replacing a temporary
// credential failed while it is still valid: reads go on signed with it, and
// fail only if it expires before a refresh succeeds. The error names the
// source, never a secret.
func warnRefreshFailed(ctx context.Context, err error, expires time.Time) {
	tflog.Warn(ctx, "Refreshing the Tencent Cloud credential failed; reads go on with the current one until it expires", map[string]any{
		"error":   err.Error(),
		"expires": expires.UTC().Format(time.RFC3339),
	})
}
