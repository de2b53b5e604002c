// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

var _ provider.Provider = &tencentCloudProvider{}

type tencentCloudProvider struct {
	version string
}

type providerModel struct {
	SecretID             types.String      `tfsdk:"secret_id"`
	SecretKey            types.String      `tfsdk:"secret_key"`
	SecurityToken        types.String      `tfsdk:"security_token"`
	Region               types.String      `tfsdk:"region"`
	Protocol             types.String      `tfsdk:"protocol"`
	Domain               types.String      `tfsdk:"domain"`
	RateLimit            types.Float64     `tfsdk:"rate_limit"`
	MaxRetries           types.Int64       `tfsdk:"max_retries"`
	RequestTimeout       types.String      `tfsdk:"request_timeout"`
	Profile              types.String      `tfsdk:"profile"`
	SharedCredentialsDir types.String      `tfsdk:"shared_credentials_dir"`
	CamRoleName          types.String      `tfsdk:"cam_role_name"`
	EnablePodOIDC        types.Bool        `tfsdk:"enable_pod_oidc"`
	AllowedAccountIDs    types.Set         `tfsdk:"allowed_account_ids"`
	ForbiddenAccountIDs  types.Set         `tfsdk:"forbidden_account_ids"`
	AssumeRole           *assumeRoleModel  `tfsdk:"assume_role"`
	WebIdentity          *webIdentityModel `tfsdk:"assume_role_with_web_identity"`
	SAML                 *samlModel        `tfsdk:"assume_role_with_saml"`
	MFACertification     *mfaModel         `tfsdk:"mfa_certification"`
	Endpoints            *endpointsModel   `tfsdk:"endpoints"`
}

type endpointsModel struct {
	Organization types.String `tfsdk:"organization"`
	STS          types.String `tfsdk:"sts"`
}

// providerData is what data sources receive from Configure.
type providerData struct {
	client  *organization.Client
	sources credentialSources
	// endpoints say where the Organization and STS endpoints came from.
	endpoints endpointSources
}

// configuredData is what Configure handed the data sources; nil before the
// provider is configured, as during validation.
func configuredData(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *providerData {
	if req.ProviderData == nil {
		return nil
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError(summaryUnexpectedData, unexpectedProviderDataDetail(req.ProviderData))
	}
	return data
}

// New returns a provider factory; version is set at build time.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &tencentCloudProvider{version: version}
	}
}

func (p *tencentCloudProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "tencentcloud"
	resp.Version = p.version
}

func (p *tencentCloudProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	userAgent := fmt.Sprintf("terraform-provider-tencentcloud/%s terraform/%s", p.version, req.TerraformVersion)
	s, diags := resolveSettings(config, userAgent)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Fetch now, so that a credential source that fails is one clear error
	// here rather than the same error on every read.
	if err := s.credential.Refresh(ctx); err != nil {
		resp.Diagnostics.AddError(summaryCredentialFailed, credentialFailedDetail(err, s.endpoints.sts))
		return
	}
	resp.Diagnostics.Append(checkAccount(ctx, config, s)...)
	if resp.Diagnostics.HasError() {
		return
	}

	client := organization.NewClient(s.client)
	tflog.Info(ctx, "Configured Tencent Cloud provider", map[string]any{
		"provider_version":  p.version,
		"terraform_version": req.TerraformVersion,
		"endpoint":          client.Endpoint(),
		"credential_source": s.credential.Describe(),
	})

	data := &providerData{client: client, sources: s.sources, endpoints: s.endpoints}
	resp.DataSourceData = data
}

func (p *tencentCloudProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewOrganizationMemberEmailBindDataSource,
		NewOrganizationMemberEmailBindsDataSource,
	}
}

func (p *tencentCloudProvider) Resources(context.Context) []func() resource.Resource {
	return nil
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
