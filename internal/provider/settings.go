// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

const defaultProtocol = "HTTPS"

// settings is the provider configuration with every fallback applied.
type settings struct {
	credential *credentials.Cache
	sources    explain.CredentialSources
	endpoints  explain.EndpointSources
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
	protocol, domain := s.resolveClient(m, userAgent, &diags)
	organizationEndpoint, stsEndpoint := endpointSettings(m, &diags)
	if diags.HasError() {
		return s, diags
	}
	s.setEndpoints(protocol, domain, organizationEndpoint, stsEndpoint)
	diags.Append(s.resolveCredential(m)...)
	return s, diags
}

// resolveClient sets how the API is called: region, protocol, domain,
// pacing, retries and timeout. It returns protocol and domain, for
// messages about the endpoints built from them.
func (s *settings) resolveClient(m providerModel, userAgent string, diags *diag.Diagnostics) (protocol, domain setting) {
	s.client.UserAgent = userAgent
	s.client.OnAttempt = logAttempt
	s.client.Region = resolveSetting(m.Region, path.Root("region"), envvar.Region).value

	protocol = resolveSetting(m.Protocol, path.Root("protocol"), envvar.Protocol)
	if !protocol.isSet() {
		protocol.value = defaultProtocol
	} else if err := checkProtocol(protocol.value); err != nil {
		diags.AddAttributeError(protocol.path, summaryInvalidProtocol, invalidSettingDetail(protocol, err))
	}
	s.client.Scheme = strings.ToUpper(protocol.value)

	domain = resolveSetting(m.Domain, path.Root("domain"), envvar.Domain)
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
	return protocol, domain
}

// endpointSettings are the endpoints block's URLs, or their environment
// variables, checked as the schema checks the arguments.
func endpointSettings(m providerModel, diags *diag.Diagnostics) (organizationEndpoint, stsEndpoint setting) {
	var endpoints endpointsModel
	if m.Endpoints != nil {
		endpoints = *m.Endpoints
	}
	endpointsPath := path.Root("endpoints")
	organizationEndpoint = resolveSetting(endpoints.Organization, endpointsPath.AtName("organization"), envvar.OrganizationEndpoint)
	stsEndpoint = resolveSetting(endpoints.STS, endpointsPath.AtName("sts"), envvar.STSEndpoint)
	for _, endpoint := range []setting{organizationEndpoint, stsEndpoint} {
		if endpoint.isSet() {
			if err := checkEndpoint(endpoint.value); err != nil {
				diags.AddAttributeError(endpoint.path, summaryInvalidEndpoint, invalidSettingDetail(endpoint, err))
			}
		}
	}
	return organizationEndpoint, stsEndpoint
}

// setEndpoints points the clients at the endpoints set, or else at the
// hosts protocol and domain build, and records where each came from.
func (s *settings) setEndpoints(protocol, domain, organizationEndpoint, stsEndpoint setting) {
	s.endpoints = explain.EndpointSources{
		Organization: builtEndpointSource(protocol, domain, organizationEndpoint, envvar.OrganizationEndpoint),
		STS:          builtEndpointSource(protocol, domain, stsEndpoint, envvar.STSEndpoint),
	}
	if organizationEndpoint.isSet() {
		s.client.Endpoint, _ = url.Parse(organizationEndpoint.value)
		s.endpoints.Organization = organizationEndpoint.source
	}
	// STS is paced, retried and timed out as the reads are, with lanes of its own.
	s.sts = s.client
	s.sts.Endpoint = nil
	if stsEndpoint.isSet() {
		s.sts.Endpoint, _ = url.Parse(stsEndpoint.value)
		s.endpoints.STS = stsEndpoint.source
	}
}

// resolveCredential builds the credential both clients sign with: the
// base credential, then any MFA certification and role on it.
func (s *settings) resolveCredential(m providerModel) diag.Diagnostics {
	base, diags := resolveBaseCredential(m, s.sts)
	if base == nil {
		return diags
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
		return diags
	}
	s.credential, s.sources = credentialCache(base, mfa, role, s.sts)
	s.client.Credential = s.credential
	s.sts.Credential = s.credential
	return diags
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

// logAttempt writes one DEBUG line per API attempt, and the bodies at TRACE.
// Headers, which carry the signature and the security token, are never logged.
// What the attempt was for, such as member_uin, is already among the
// context's log fields.
func logAttempt(ctx context.Context, a tencentapi.Attempt) {
	fields := map[string]any{
		"action":      a.Action,
		"attempt":     a.Number,
		"duration_ms": a.Duration.Milliseconds(),
		"http_status": a.HTTPStatus,
		"error_code":  a.ErrorCode,
		"request_id":  a.RequestID,
	}
	if a.RetryIn > 0 {
		fields["retry_in_ms"] = a.RetryIn.Milliseconds()
	}
	tflog.Debug(ctx, "Tencent Cloud API attempt", fields)
	tflog.Trace(ctx, "Tencent Cloud API exchange", map[string]any{
		"action":        a.Action,
		"attempt":       a.Number,
		"request_body":  string(a.RequestBody),
		"response_body": string(a.ResponseBody),
	})
}
