// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
	SecretID             types.String     `tfsdk:"secret_id"`
	SecretKey            types.String     `tfsdk:"secret_key"`
	SecurityToken        types.String     `tfsdk:"security_token"`
	Region               types.String     `tfsdk:"region"`
	Protocol             types.String     `tfsdk:"protocol"`
	Domain               types.String     `tfsdk:"domain"`
	RateLimit            types.Float64    `tfsdk:"rate_limit"`
	MaxRetries           types.Int64      `tfsdk:"max_retries"`
	RequestTimeout       types.String     `tfsdk:"request_timeout"`
	Profile              types.String     `tfsdk:"profile"`
	SharedCredentialsDir types.String     `tfsdk:"shared_credentials_dir"`
	CamRoleName          types.String     `tfsdk:"cam_role_name"`
	AssumeRole           *assumeRoleModel `tfsdk:"assume_role"`
	Endpoints            *endpointsModel  `tfsdk:"endpoints"`
}

type endpointsModel struct {
	Organization types.String `tfsdk:"organization"`
	STS          types.String `tfsdk:"sts"`
}

// providerData is what data sources receive from Configure.
type providerData struct {
	client  *organization.Client
	sources credentialSources
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

func (p *tencentCloudProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	endpointCheck := stringCheck{description: "must be a full http or https URL", check: checkEndpoint, summary: summaryInvalidEndpoint}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads Tencent Cloud Organization data. Credentials and endpoints can be given as arguments " +
			"or through the environment variables of the official Tencent Cloud provider.",
		Attributes: map[string]schema.Attribute{
			"secret_id": schema.StringAttribute{
				MarkdownDescription: "The SecretId of a Tencent Cloud API key. Can also be set with the `" + envSecretID + "` " +
					"environment variable. Must be given together with `secret_key`. No default; see the provider documentation for how credentials are found.",
				Optional: true,
			},
			"secret_key": schema.StringAttribute{
				MarkdownDescription: "The SecretKey of a Tencent Cloud API key. Can also be set with the `" + envSecretKey + "` " +
					"environment variable. Must be given together with `secret_id`. No default.",
				Optional:  true,
				Sensitive: true,
			},
			"security_token": schema.StringAttribute{
				MarkdownDescription: "The security token of a temporary credential, taken from the same place as `secret_id` and " +
					"`secret_key`: set here, it needs them beside it, and alone it is an error. Can also be set with the `" + envSecurityToken +
					"` environment variable beside theirs. No default: permanent API keys need none.",
				Optional:  true,
				Sensitive: true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "The region sent with each request, such as `ap-guangzhou`. Can also be set with the `" + envRegion + "` " +
					"environment variable. The Organization API needs no region, so by default none is sent, unless the credential " +
					"comes from a tccli profile whose `.configure` file names one.",
				Optional: true,
			},
			"protocol": schema.StringAttribute{
				MarkdownDescription: "The protocol used to reach the API, `HTTPS` or `HTTP`. Can also be set with the `" + envProtocol + "` " +
					"environment variable. Defaults to `HTTPS`. Ignored for endpoints set in the `endpoints` block, whose URL has its own scheme.",
				Optional:   true,
				Validators: []validator.String{stringCheck{description: "must be HTTPS or HTTP", check: checkProtocol, summary: summaryInvalidProtocol}},
			},
			"domain": schema.StringAttribute{
				MarkdownDescription: "The root domain API hosts are formed from: the Organization API is called at `organization.<domain>`. " +
					"Can also be set with the `" + envDomain + "` environment variable. Defaults to `" + tencentapi.DefaultRootDomain + "` " +
					"(the international site); use `tencentcloudapi.com` for the China site.",
				Optional:   true,
				Validators: []validator.String{stringCheck{description: "must be a root domain", check: checkDomain, summary: summaryInvalidDomain}},
			},
			"rate_limit": schema.Float64Attribute{
				MarkdownDescription: "The most requests per second this provider configuration sends to the Organization API, shared by all its reads " +
					"and by both API actions (a whole-organization read lists members and reads their bindings under this one budget). " +
					"Requests are spaced evenly at 97% of it, so that network jitter does not put one too many in any second. " +
					"Defaults to `20`, the documented limit of DescribeOrganizationMemberEmailBind. Lower it when other clients use the same account. " +
					"Each provider configuration, every `alias` included, runs in its own plugin process with its own limiter, " +
					"so aliases using the same account must split its budget: `10` in each of two aliases, say. " +
					"STS calls are paced separately at the same rate.",
				Optional:   true,
				Validators: []validator.Float64{float64validator.AtLeast(0.01)},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a read is retried after throttling (`RequestLimitExceeded`), a temporary service error " +
					"(`InternalError`, `ServiceUnavailable`, `ResourceUnavailable`), a network error, a timeout or a gateway error page. " +
					"A throttled read is retried at the next free slot of the rate limit, the others with exponential backoff and jitter. " +
					"Defaults to `10`; `0` disables retries. Errors in the request or credentials are never retried.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 100)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "How long one attempt may take, as a Go duration such as `30s` or `1m30s`. Defaults to `30s`. " +
					"Retries get a fresh timeout each.",
				Optional:   true,
				Validators: []validator.String{stringCheck{description: "must be a positive duration", check: checkDuration, summary: summaryInvalidTimeout}},
			},
			"profile": schema.StringAttribute{
				MarkdownDescription: "The tccli profile to take the credential from: `<shared_credentials_dir>/<profile>.credential`, " +
					"and when `region` is unset, the region in `<profile>.configure`. Named here, it is used unless `secret_id` and " +
					"`secret_key` are set here too, even when the environment has a key pair, and it must exist. " +
					"Can also be set with the `" + envProfile + "` environment variable; that, or else the profile `default` (which may be absent), " +
					"is used only when neither the provider block nor the environment's key pair gives a credential.",
				Optional: true,
			},
			"shared_credentials_dir": schema.StringAttribute{
				MarkdownDescription: "The directory holding tccli profiles. Can also be set with the `" + envSharedCredentialsDir + "` " +
					"environment variable. Defaults to `~/.tccli`.",
				Optional: true,
			},
			"cam_role_name": schema.StringAttribute{
				MarkdownDescription: "The CAM role bound to the CVM instance Terraform runs on; its temporary credential is fetched from the " +
					"instance metadata service and refreshed before it expires. Named here, it is used unless `secret_id` and `secret_key` " +
					"or `profile` are set here too, even when the environment has a key pair or a profile. " +
					"Can also be set with the `" + envCamRoleName + "` environment variable, the last source tried. No default.",
				Optional: true,
			},
		},
		Blocks: map[string]schema.Block{
			"assume_role": schema.SingleNestedBlock{
				MarkdownDescription: "Assume a CAM role with STS AssumeRole, signed with the credential found as above, and use the role's " +
					"temporary credential for every request; it is refreshed before it expires. " +
					"Without this block, `" + envAssumeRoleArn + "` or a profile's `role-arn` also assume a role.",
				Attributes: map[string]schema.Attribute{
					"role_arn": schema.StringAttribute{
						MarkdownDescription: "The role's resource name, such as `qcs::cam::uin/100000000001:roleName/auditor`. " +
							"Can also be set with the `" + envAssumeRoleArn + "` environment variable. Required when the block is present.",
						Optional: true,
					},
					"session_name": schema.StringAttribute{
						MarkdownDescription: "A name for the role session, shown in CloudAudit. Can also be set with the `" +
							envAssumeRoleSessionName + "` environment variable. Defaults to `terraform`.",
						Optional: true,
					},
					"session_duration": schema.Int64Attribute{
						MarkdownDescription: "How long each temporary credential lives, in seconds, from 0 to 43200; 0 means the default. " +
							"Can also be set with the `" + envAssumeRoleDuration + "` environment variable. Defaults to `7200`.",
						Optional:   true,
						Validators: []validator.Int64{int64validator.Between(0, 43200)},
					},
					"policy": schema.StringAttribute{
						MarkdownDescription: "A JSON policy document that further limits the temporary credential; the provider URL-encodes it " +
							"as the API requires. No default: the role's own permissions apply.",
						Optional: true,
					},
					"external_id": schema.StringAttribute{
						MarkdownDescription: "The external ID the role's trust policy requires, if any. Can also be set with the `" +
							envAssumeRoleExternalID + "` environment variable. No default.",
						Optional: true,
					},
				},
			},
			"endpoints": schema.SingleNestedBlock{
				MarkdownDescription: "Full URLs that replace the host derived from `protocol` and `domain`, for emulators and private endpoints.",
				Attributes: map[string]schema.Attribute{
					"organization": schema.StringAttribute{
						MarkdownDescription: "The URL of the Organization API, such as `http://127.0.0.1:8080`. Can also be set with the `" +
							envOrganizationEndpoint + "` environment variable. Defaults to `<protocol>://organization.<domain>`.",
						Optional:   true,
						Validators: []validator.String{endpointCheck},
					},
					"sts": schema.StringAttribute{
						MarkdownDescription: "The URL of the STS API, called to assume a role, such as `http://127.0.0.1:8080`. Can also be set with the `" +
							envSTSEndpoint + "` environment variable. Defaults to `<protocol>://sts.<domain>`.",
						Optional:   true,
						Validators: []validator.String{endpointCheck},
					},
				},
			},
		},
	}
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
		resp.Diagnostics.AddError(summaryCredentialFailed, credentialFailedDetail(err))
		return
	}

	client := organization.NewClient(s.client)
	tflog.Info(ctx, "Configured Tencent Cloud provider", map[string]any{
		"provider_version":  p.version,
		"terraform_version": req.TerraformVersion,
		"endpoint":          client.Endpoint(),
		"credential_source": s.credential.Describe(),
	})

	data := &providerData{client: client, sources: s.sources}
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
