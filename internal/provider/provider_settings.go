// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The environment variables are those of the official Tencent Cloud
// provider, so that existing setups work unchanged.
const (
	defaultProtocol = "HTTPS"
)

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

// credentialSources describes where each part of the credential came from.
type credentialSources struct {
	secretID, secretKey, securityToken string
}

// endpointSources say where each endpoint came from, for messages.
type endpointSources struct {
	organization, sts string
}

// settings is the provider configuration with every fallback applied.
type settings struct {
	credential *credentials.Cache
	sources    credentialSources
	endpoints  endpointSources
	client     tencentapi.Config
	// sts reaches STS, signed with the same credential as client.
	sts tencentapi.Config
}

// resolveSettings applies fallbacks and checks values without touching the
// network; the credential is fetched by its first Refresh.
func resolveSettings(m providerModel, userAgent string) (settings, diag.Diagnostics) {
	diags := rejectUnknown(m)
	if diags.HasError() {
		return settings{}, diags
	}

	var s settings
	s.client.UserAgent = userAgent
	s.client.OnAttempt = logAttempt
	s.client.Region = resolveSetting(m.Region, path.Root("region"), envvar.Region).value

	protocol := resolveSetting(m.Protocol, path.Root("protocol"), envvar.Protocol)
	if !protocol.isSet() {
		protocol.value = defaultProtocol
	} else if err := checkProtocol(protocol.value); err != nil {
		diags.AddAttributeError(protocol.path, summaryInvalidProtocol, invalidSettingDetail(protocol, err))
	}
	s.client.Scheme = strings.ToUpper(protocol.value)

	domain := resolveSetting(m.Domain, path.Root("domain"), envvar.Domain)
	if !domain.isSet() {
		domain.value = tencentapi.DefaultRootDomain
	} else if err := checkDomain(domain.value); err != nil {
		diags.AddAttributeError(domain.path, summaryInvalidDomain, invalidSettingDetail(domain, err))
	}
	s.client.RootDomain = domain.value

	s.client.RateLimit = tencentapi.DefaultRateLimit
	if !m.RateLimit.IsNull() {
		s.client.RateLimit = m.RateLimit.ValueFloat64()
	}
	s.client.MaxRetries = tencentapi.DefaultMaxRetries
	if !m.MaxRetries.IsNull() {
		s.client.MaxRetries = int(m.MaxRetries.ValueInt64())
	}
	s.client.Timeout = tencentapi.DefaultTimeout
	if !m.RequestTimeout.IsNull() {
		// The schema validator has already rejected what does not parse.
		s.client.Timeout, _ = time.ParseDuration(m.RequestTimeout.ValueString())
	}

	var endpoints endpointsModel
	if m.Endpoints != nil {
		endpoints = *m.Endpoints
	}
	endpointsPath := path.Root("endpoints")
	organizationEndpoint := resolveSetting(endpoints.Organization, endpointsPath.AtName("organization"), envvar.OrganizationEndpoint)
	stsEndpoint := resolveSetting(endpoints.STS, endpointsPath.AtName("sts"), envvar.STSEndpoint)
	for _, endpoint := range []setting{organizationEndpoint, stsEndpoint} {
		if endpoint.isSet() {
			if err := checkEndpoint(endpoint.value); err != nil {
				diags.AddAttributeError(endpoint.path, summaryInvalidEndpoint, invalidSettingDetail(endpoint, err))
			}
		}
	}
	if diags.HasError() {
		return s, diags
	}
	s.endpoints = endpointSources{
		organization: builtEndpointSource(protocol, domain, organizationEndpoint, envvar.OrganizationEndpoint),
		sts:          builtEndpointSource(protocol, domain, stsEndpoint, envvar.STSEndpoint),
	}
	if organizationEndpoint.isSet() {
		s.client.Endpoint, _ = url.Parse(organizationEndpoint.value)
		s.endpoints.organization = organizationEndpoint.source
	}
	// STS is paced, retried and timed out as the reads are, with its own limiter.
	s.sts = s.client
	s.sts.Endpoint = nil
	if stsEndpoint.isSet() {
		s.sts.Endpoint, _ = url.Parse(stsEndpoint.value)
		s.endpoints.sts = stsEndpoint.source
	}

	base, credentialDiags := resolveBaseCredential(m, s.sts)
	diags.Append(credentialDiags...)
	if base == nil {
		return s, diags
	}
	if s.client.Region == "" && base.profile != nil {
		s.client.Region = base.profile.Region
		s.sts.Region = base.profile.Region
	}
	mfa, mfaDiags := resolveMFASession(m, base)
	diags.Append(mfaDiags...)
	role, roleDiags := resolveRoleToAssume(m, base)
	diags.Append(roleDiags...)
	if diags.HasError() {
		return s, diags
	}
	s.credential, s.sources = credentialCache(base, mfa, role, s.sts)
	s.client.Credential = s.credential
	s.sts.Credential = s.credential
	return s, diags
}

// builtEndpointSource names where an endpoint came from that endpoint (its
// argument, with envVar behind it) does not set: protocol and domain, each
// with its source, as in "protocol (HTTPS, the default) and domain (…)".
func builtEndpointSource(protocol, domain, endpoint setting, envVar string) string {
	from := func(s setting, value string) string {
		if s.source == "" {
			return value + ", the default"
		}
		return value + ", from " + s.source
	}
	return fmt.Sprintf("protocol (%s) and domain (%s), since neither %s nor %s is set",
		from(protocol, strings.ToUpper(protocol.value)), from(domain, domain.value), endpoint.path, envVar)
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

// stringCheck adapts a check function to a schema validator so that
// configuration values and environment values are judged by the same rule.
type stringCheck struct {
	description string
	check       func(string) error
	summary     string
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(context.Context) string         { return v.description }
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

var _ validator.Float64 = rateLimitAboveAPI{}

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
