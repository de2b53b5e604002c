// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// What is built on the base credential: an MFA session, then an assumed
// role, each obtained from STS with the credential beneath it.

// roleToAssume is the assume_role block, its environment variables, or the
// role-arn of the profile in use, in that order.
type roleToAssume struct {
	roleArn, sessionName, policy, externalID string
	sourceIdentity, serialNumber, tokenCode  string
	durationSeconds                          uint64
}

// mfaSession is the mfa_certification block or its environment variables.
type mfaSession struct {
	serialNumber, tokenCode string
	durationSeconds         uint64
}

func resolveRoleToAssume(m providerModel, base *baseCredential) (*roleToAssume, diag.Diagnostics) {
	var diags diag.Diagnostics
	var block assumeRoleModel
	if m.AssumeRole != nil {
		block = *m.AssumeRole
	}
	// Beside an OIDC or SAML exchange in the environment, or after one, the
	// TENCENTCLOUD_ASSUME_ROLE_* variables are the exchange's settings:
	// only the block names a role.
	exchangeOwned := base.exchange || len(envExchanges()) > 0
	envVar := func(name string) string {
		if exchangeOwned {
			return ""
		}
		return name
	}
	fromEnv := func(v types.String, name, variable string) setting {
		return resolveSetting(v, path.Root("assume_role").AtName(name), envVar(variable))
	}
	role := &roleToAssume{
		roleArn:        fromEnv(block.RoleArn, "role_arn", envvar.AssumeRoleArn).value,
		sessionName:    fromEnv(block.SessionName, "session_name", envvar.AssumeRoleSessionName).value,
		policy:         block.Policy.ValueString(),
		externalID:     fromEnv(block.ExternalID, "external_id", envvar.AssumeRoleExternalID).value,
		sourceIdentity: fromEnv(block.SourceIdentity, "source_identity", envvar.AssumeRoleSourceIdentity).value,
	}
	serial := fromEnv(block.SerialNumber, "serial_number", envvar.AssumeRoleSerialNumber)
	code := fromEnv(block.TokenCode, "token_code", envvar.AssumeRoleTokenCode)
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
			diags.AddAttributeError(path.Root("assume_role").AtName("role_arn"), summaryMissingRoleArn, missingRoleArnDetail)
		}
		return nil, diags
	}
	if role.sessionName == "" {
		role.sessionName = defaultSessionName
	}
	diags.Append(checkMFAPair(serial, code)...)
	role.serialNumber, role.tokenCode = serial.value, code.value
	duration, durationDiags := durationSetting(block.SessionDuration, path.Root("assume_role").AtName("session_duration"),
		envVar(envvar.AssumeRoleDuration), maxSessionSeconds)
	diags.Append(durationDiags...)
	role.durationSeconds = duration
	return role, diags
}

// resolveMFASession is the MFA certification of the base key, nil for none.
func resolveMFASession(m providerModel, base *baseCredential) (*mfaSession, diag.Diagnostics) {
	var diags diag.Diagnostics
	var block mfaModel
	blockPath := path.Root("mfa_certification")
	if m.MFACertification != nil {
		block = *m.MFACertification
	} else if os.Getenv(envvar.MFASerialNumber) == "" && os.Getenv(envvar.MFATokenCode) == "" {
		return nil, nil
	}
	serial := resolveSetting(block.SerialNumber, blockPath.AtName("serial_number"), envvar.MFASerialNumber)
	code := resolveSetting(block.TokenCode, blockPath.AtName("token_code"), envvar.MFATokenCode)
	if !serial.isSet() && !code.isSet() {
		diags.AddAttributeError(blockPath.AtName("serial_number"), summaryIncompleteMFA, emptyMFADetail)
	}
	diags.Append(checkMFAPair(serial, code)...)
	if base.temporary {
		diags.AddAttributeError(blockPath, summaryMFANeedsKey, mfaNeedsKeyDetail(base.source.Describe()))
	}
	duration, durationDiags := durationSetting(block.DurationSeconds, blockPath.AtName("duration_seconds"), envvar.MFADuration, maxMFASessionSeconds)
	diags.Append(durationDiags...)
	return &mfaSession{serialNumber: serial.value, tokenCode: code.value, durationSeconds: duration}, diags
}

// checkMFAPair reports a serial number without a code, or a code without one.
func checkMFAPair(serial, code setting) diag.Diagnostics {
	var diags diag.Diagnostics
	switch {
	case serial.isSet() && !code.isSet():
		diags.AddAttributeError(code.path, summaryIncompleteMFA, incompleteMFADetail(serial, code))
	case code.isSet() && !serial.isSet():
		diags.AddAttributeError(serial.path, summaryIncompleteMFA, incompleteMFADetail(code, serial))
	}
	return diags
}

// credentialCache builds the credential a provider configuration signs
// with: the base credential, certified with MFA when configured, then
// wrapped in an assumed role when one is configured. Each layer's STS calls
// are signed with the layer beneath.
func credentialCache(base *baseCredential, mfa *mfaSession, role *roleToAssume, stsConfig tencentapi.Config) (*credentials.Cache, explain.CredentialSources) {
	cache := newCache(base.source)
	sources := base.sources
	if mfa != nil {
		stsConfig.Credential = cache
		session := &credentials.MFASession{
			Base:            cache,
			STS:             sts.NewClient(stsConfig),
			SerialNumber:    mfa.serialNumber,
			TokenCode:       mfa.tokenCode,
			DurationSeconds: int64(mfa.durationSeconds),
		}
		cache, sources = newCache(session), sameSource(session.Describe())
	}
	if role != nil {
		stsConfig.Credential = cache
		assumed := &credentials.AssumeRole{
			Base:            cache,
			STS:             sts.NewClient(stsConfig),
			RoleArn:         role.roleArn,
			SessionName:     role.sessionName,
			DurationSeconds: role.durationSeconds,
			Policy:          role.policy,
			ExternalID:      role.externalID,
			SourceIdentity:  role.sourceIdentity,
			SerialNumber:    role.serialNumber,
			TokenCode:       role.tokenCode,
		}
		cache, sources = newCache(assumed), sameSource(assumed.Describe())
	}
	return cache, sources
}

func newCache(source credentials.Source) *credentials.Cache {
	cache := credentials.NewCache(source)
	cache.OnRefreshFailure = warnRefreshFailed
	return cache
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
