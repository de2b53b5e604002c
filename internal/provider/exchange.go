// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The credential sources that need no API key: STS exchanges an OIDC token
// or a SAML assertion, sent unsigned, for a role's temporary credential.

// envExchanges names the environment variables set that configure an
// identity exchange: an OIDC token or file, or a SAML assertion. The
// TENCENTCLOUD_ASSUME_ROLE_* variables then belong to that exchange.
func envExchanges() []string {
	var set []string
	for _, name := range []string{envvar.WebIdentityToken, envvar.WebIdentityTokenFile, envvar.SAMLAssertion} {
		if os.Getenv(name) != "" {
			set = append(set, name)
		}
	}
	return set
}

// envExchangeCredential is the exchange the environment configures, nil
// for none: the blocks' settings all fall back to their variables. An OIDC
// token and a SAML assertion at once is an error, not a choice.
func envExchangeCredential(stsConfig tencentapi.Config) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	oidc := os.Getenv(envvar.WebIdentityToken) != "" || os.Getenv(envvar.WebIdentityTokenFile) != ""
	saml := os.Getenv(envvar.SAMLAssertion) != ""
	switch {
	case oidc && saml:
		diags.AddError(summaryTwoSources, twoEnvExchangesDetail(envExchanges()))
		return nil, diags
	case oidc:
		return webIdentityCredential(webIdentityModel{}, false, stsConfig)
	case saml:
		return samlCredential(samlModel{}, stsConfig)
	}
	return nil, nil
}

func webIdentityCredential(block webIdentityModel, fromBlock bool, stsConfig tencentapi.Config) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	blockPath := path.Root("assume_role_with_web_identity")
	roleArn, roleDiags := exchangeRoleArn(block.RoleArn, block.RoleArnFile, blockPath)
	diags.Append(roleDiags...)
	token := resolveSetting(block.WebIdentityToken, blockPath.AtName("web_identity_token"), envvar.WebIdentityToken)
	tokenFile := resolveSetting(block.WebIdentityTokenFile, blockPath.AtName("web_identity_token_file"), envvar.WebIdentityTokenFile)
	if !token.isSet() && !tokenFile.isSet() {
		diags.AddAttributeError(token.path, summaryMissingExchangeSetting, missingWebIdentityTokenDetail)
	}
	duration, durationDiags := durationSetting(block.SessionDuration, blockPath.AtName("session_duration"), envvar.AssumeRoleDuration, maxSessionSeconds)
	diags.Append(durationDiags...)
	if diags.HasError() {
		return nil, diags
	}
	tokenPath, err := expandHome(tokenFile.value)
	if err != nil {
		diags.AddAttributeError(tokenFile.path, summaryMissingExchangeSetting, invalidSettingDetail(tokenFile, err))
		return nil, diags
	}
	source := &credentials.WebIdentity{
		STS:             sts.NewClient(stsConfig),
		ProviderID:      resolveSetting(block.ProviderID, blockPath.AtName("provider_id"), envvar.AssumeRoleProviderID).value,
		RoleArn:         roleArn,
		SessionName:     sessionName(block.SessionName, blockPath),
		DurationSeconds: int64(duration),
		Token:           token.value,
		TokenFile:       tokenPath,
		Description:     exchangeDescription(fromBlock, token, tokenFile),
	}
	return &baseCredential{source: source, sources: sameSource(source.Describe()), exchange: true, temporary: true}, diags
}

// podOIDCCredential is the exchange TKE configures in a pod's environment.
func podOIDCCredential(stsConfig tencentapi.Config) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	var missing []string
	for _, name := range []string{envvar.TKERegion, envvar.TKEWebIdentityTokenFile, envvar.TKEProviderID, envvar.TKERoleArn} {
		if os.Getenv(name) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		diags.AddAttributeError(path.Root("enable_pod_oidc"), summaryPodOIDCIncomplete, podOIDCIncompleteDetail(missing))
		return nil, diags
	}
	// TKE names the region the exchange is for; STS needs one.
	stsConfig.Region = os.Getenv(envvar.TKERegion)
	source := &credentials.WebIdentity{
		STS:         sts.NewClient(stsConfig),
		ProviderID:  os.Getenv(envvar.TKEProviderID),
		RoleArn:     os.Getenv(envvar.TKERoleArn),
		SessionName: defaultSessionName,
		TokenFile:   os.Getenv(envvar.TKEWebIdentityTokenFile),
		Description: "enable_pod_oidc",
	}
	// TKE's own variables configure this exchange, so TENCENTCLOUD_ASSUME_ROLE_ARN still names a role after it.
	return &baseCredential{source: source, sources: sameSource(source.Describe()), temporary: true}, diags
}

func samlCredential(block samlModel, stsConfig tencentapi.Config) (*baseCredential, diag.Diagnostics) {
	var diags diag.Diagnostics
	blockPath := path.Root("assume_role_with_saml")
	required := []setting{
		resolveSetting(block.RoleArn, blockPath.AtName("role_arn"), envvar.AssumeRoleArn),
		resolveSetting(block.SAMLAssertion, blockPath.AtName("saml_assertion"), envvar.SAMLAssertion),
		resolveSetting(block.PrincipalArn, blockPath.AtName("principal_arn"), envvar.PrincipalArn),
	}
	envVars := []string{envvar.AssumeRoleArn, envvar.SAMLAssertion, envvar.PrincipalArn}
	for i, s := range required {
		if !s.isSet() {
			diags.AddAttributeError(s.path, summaryMissingExchangeSetting, missingSAMLSettingDetail(s.path, envVars[i]))
		}
	}
	duration, durationDiags := durationSetting(block.SessionDuration, blockPath.AtName("session_duration"), envvar.AssumeRoleDuration, maxSessionSeconds)
	diags.Append(durationDiags...)
	if diags.HasError() {
		return nil, diags
	}
	source := &credentials.SAML{
		STS:             sts.NewClient(stsConfig),
		RoleArn:         required[0].value,
		SessionName:     sessionName(block.SessionName, blockPath),
		DurationSeconds: duration,
		Assertion:       required[1].value,
		PrincipalArn:    required[2].value,
	}
	return &baseCredential{source: source, sources: sameSource(source.Describe()), exchange: true, temporary: true}, diags
}

// exchangeRoleArn is role_arn, or else the content of role_arn_file.
func exchangeRoleArn(arn, arnFile types.String, blockPath path.Path) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	if s := resolveSetting(arn, blockPath.AtName("role_arn"), envvar.AssumeRoleArn); s.isSet() {
		return s.value, nil
	}
	file := resolveSetting(arnFile, blockPath.AtName("role_arn_file"), envvar.AssumeRoleArnFile)
	if !file.isSet() {
		diags.AddAttributeError(blockPath.AtName("role_arn"), summaryMissingRoleArn, missingExchangeRoleArnDetail)
		return "", diags
	}
	name, err := expandHome(file.value)
	var content []byte
	if err == nil {
		content, err = os.ReadFile(name)
	}
	value := strings.TrimSpace(string(content))
	if err == nil && value == "" {
		err = errors.New("is empty")
	}
	if err != nil {
		diags.AddAttributeError(file.path, summaryRoleArnFileUnreadable, roleArnFileDetail(file, err))
	}
	return value, diags
}

func sessionName(v types.String, blockPath path.Path) string {
	if s := resolveSetting(v, blockPath.AtName("session_name"), envvar.AssumeRoleSessionName); s.isSet() {
		return s.value
	}
	return defaultSessionName
}

// durationSetting is a lifetime in seconds from the argument, or else its
// environment variable; zero means the API's default.
func durationSetting(v types.Int64, p path.Path, envVar string, maxSeconds uint64) (uint64, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !v.IsNull() && !v.IsUnknown() {
		return uint64(v.ValueInt64()), nil
	}
	value := os.Getenv(envVar)
	if value == "" {
		return 0, nil
	}
	seconds, err := strconv.ParseUint(value, 10, 64)
	if err != nil || seconds > maxSeconds {
		s := setting{value: value, source: "the environment variable " + envVar}
		diags.AddAttributeError(p, summaryInvalidDuration,
			invalidSettingDetail(s, fmt.Errorf("must be a whole number of seconds from 0 to %d", maxSeconds)))
	}
	return seconds, diags
}

// exchangeDescription says where the exchange is configured: the block,
// or the environment variable that gave the token.
func exchangeDescription(fromBlock bool, token, tokenFile setting) string {
	switch {
	case fromBlock:
		return "assume_role_with_web_identity"
	case token.isSet():
		return token.source
	}
	return tokenFile.source
}
