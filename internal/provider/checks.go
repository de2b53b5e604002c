// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func checkProtocol(s string) error {
	switch strings.ToUpper(s) {
	case "HTTPS", "HTTP":
		return nil
	}
	return errors.New("must be HTTPS or HTTP")
}

func checkDomain(s string) error {
	if strings.Contains(s, "://") || strings.ContainsAny(s, "/?# ") {
		return errors.New("must be a root domain such as intl.tencentcloudapi.com, without scheme or path; " +
			"to point at a full URL use the endpoints block")
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" {
			return errors.New("must be a root domain such as intl.tencentcloudapi.com")
		}
	}
	return nil
}

func checkDuration(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return errors.New("must be a positive duration such as 30s or 1m30s")
	}
	return nil
}

func checkEndpoint(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("must be a full URL with scheme and host, such as https://organization.tencentcloudapi.com or http://127.0.0.1:8080")
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return errors.New("must not contain credentials, a query or a fragment")
	}
	return nil
}

// accountUIN is what an account ID looks like: a main account's UIN, as
// STS writes it. IDs are compared as text, so one written with a leading
// zero would match no account and forbid nothing.
var accountUIN = regexp.MustCompile(`^[1-9][0-9]*$`)

// checkAccountID refuses what is not an account ID as STS writes it
// (accountUIN), saying what is wrong with it.
func checkAccountID(id string) error {
	switch {
	case id == "" || strings.Trim(id, "0123456789") != "":
		return errAccountIDNotDigits
	case !accountUIN.MatchString(id):
		return accountIDLeadingZero(id)
	}
	return nil
}

// stringCheck adapts a check function to a schema validator so that
// configuration values and environment values are judged by the same rule.
type stringCheck struct {
	description string
	check       func(string) error
	summary     string
}

var _ validator.String = stringCheck{}

var _ validator.Float64 = rateLimitAboveAPI{}

func (v stringCheck) Description(context.Context) string { return v.description }

func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, invalidSettingDetail(configSetting(req.ConfigValue, req.Path), err))
	}
}

// rateLimitAboveAPI warns about a rate_limit the API will throttle. It is
// not an error, because an emulator or a private endpoint may allow more.
type rateLimitAboveAPI struct{}

func (rateLimitAboveAPI) Description(context.Context) string {
	return fmt.Sprintf("warns above %g, the API's documented limit", tencentapi.DefaultRateLimit)
}

func (v rateLimitAboveAPI) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (rateLimitAboveAPI) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueFloat64() <= tencentapi.DefaultRateLimit {
		return
	}
	resp.Diagnostics.AddAttributeWarning(req.Path, summaryRateLimitAboveAPI, rateLimitAboveAPIDetail(req.ConfigValue.ValueFloat64()))
}

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
