// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func providerSchema() schema.Schema {
	endpointCheck := stringCheck{description: "must be a full http or https URL", check: checkEndpoint, summary: summaryInvalidEndpoint}
	return schema.Schema{
		MarkdownDescription: "Reads Tencent Cloud Organization data. Credentials and endpoints can be given as arguments " +
			"or through the environment variables of the official Tencent Cloud provider.",
		Attributes: map[string]schema.Attribute{
			"secret_id": schema.StringAttribute{
				MarkdownDescription: "The SecretId of a Tencent Cloud API key. Can also be set with the `" + envvar.SecretID + "` " +
					"environment variable. Must be given together with `secret_key`, and not beside another credential source in the provider block. " +
					"No default; see the provider documentation for the order in which credential sources are tried.",
				Optional: true,
			},
			"secret_key": schema.StringAttribute{
				MarkdownDescription: "The SecretKey of a Tencent Cloud API key. Can also be set with the `" + envvar.SecretKey + "` " +
					"environment variable. Must be given together with `secret_id`. No default.",
				Optional:  true,
				Sensitive: true,
			},
			"security_token": schema.StringAttribute{
				MarkdownDescription: "The security token of a temporary credential, taken from the same place as `secret_id` and " +
					"`secret_key`: set here, it needs them beside it, and alone it is an error. Can also be set with the `" + envvar.SecurityToken +
					"` environment variable beside theirs. No default: permanent API keys need none.",
				Optional:  true,
				Sensitive: true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "The region sent with each request, such as `ap-guangzhou`. Can also be set with the `" + envvar.Region + "` " +
					"environment variable. The Organization API needs no region, so by default none is sent, unless the credential " +
					"comes from a tccli profile whose `.configure` file names one.",
				Optional: true,
			},
			"protocol": schema.StringAttribute{
				MarkdownDescription: "The protocol used to reach the API, `HTTPS` or `HTTP`. Can also be set with the `" + envvar.Protocol + "` " +
					"environment variable. Defaults to `HTTPS`. Ignored for endpoints set in the `endpoints` block, whose URL has its own scheme.",
				Optional:   true,
				Validators: []validator.String{stringCheck{description: "must be HTTPS or HTTP", check: checkProtocol, summary: summaryInvalidProtocol}},
			},
			"domain": schema.StringAttribute{
				MarkdownDescription: "The root domain API hosts are formed from: the Organization API is called at `organization.<domain>`. " +
					"Can also be set with the `" + envvar.Domain + "` environment variable. Defaults to `" + tencentapi.DefaultRootDomain + "` " +
					"(the international site); use `tencentcloudapi.com` for the China site.",
				Optional:   true,
				Validators: []validator.String{stringCheck{description: "must be a root domain", check: checkDomain, summary: summaryInvalidDomain}},
			},
			"rate_limit": schema.Float64Attribute{
				MarkdownDescription: "The most requests per second this provider configuration sends to each action of the Organization API, " +
					"as Tencent Cloud counts them: per account and action. All its reads share it. Requests start spaced evenly at 97% of it, " +
					"so that network jitter does not put one too many in any second, and slow down when Tencent Cloud throttles them: " +
					"runs, pipelines and `alias`es that use the same account each pace themselves and settle at shares of its budget, " +
					"with no setting, and a run alone goes back up to this ceiling within seconds. Defaults to `20`, the documented limit. " +
					"Lower it to cap this configuration's share, for example to leave room for other tools that use the account. " +
					"STS calls are paced separately in the same way. Must be at least `0.01`; a value above `20` is accepted, for emulators " +
					"and endpoints known to allow more, with a warning, since Tencent Cloud throttles what exceeds its limit.",
				Optional:   true,
				Validators: []validator.Float64{float64validator.AtLeast(0.01), rateLimitAboveAPI{}},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a read is retried after throttling (`RequestLimitExceeded`), a temporary service error " +
					"(`InternalError`, `ServiceUnavailable`, `ResourceUnavailable`), a network error, a timeout or a gateway error page. " +
					"A throttled read is retried on the next of the lanes the throttle left (see `rate_limit`), the others with exponential backoff and jitter. " +
					"Defaults to `10`; from `0`, which disables retries, to `100`. Errors in the request or credentials are never retried, " +
					"and neither is an endpoint that refuses every connection: the read fails within seconds instead.",
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
					"and when `region` is unset, the region in `<profile>.configure`. Named here, it is the credential source even when the " +
					"environment has a key pair, it must exist, and no other credential source may be set in the provider block. " +
					"Can also be set with the `" + envvar.Profile + "` environment variable; that, or else the profile `default` (which may be absent), " +
					"is used only when neither the provider block nor the environment's key pair gives a credential.",
				Optional: true,
			},
			"shared_credentials_dir": schema.StringAttribute{
				MarkdownDescription: "The directory holding tccli profiles. Can also be set with the `" + envvar.SharedCredentialsDir + "` " +
					"environment variable. Defaults to `~/.tccli`.",
				Optional: true,
			},
			"cam_role_name": schema.StringAttribute{
				MarkdownDescription: "The CAM role bound to the CVM instance Terraform runs on; its temporary credential is fetched from the " +
					"instance metadata service and refreshed before it expires. Named here, it is the credential source even when the " +
					"environment has a key pair or a profile, and no other credential source may be set in the provider block. " +
					"Can also be set with the `" + envvar.CamRoleName + "` environment variable, the last source tried. No default.",
				Optional: true,
			},
			"enable_pod_oidc":       enablePodOIDCAttribute(),
			"allowed_account_ids":   allowedAccountIDsAttribute(),
			"forbidden_account_ids": forbiddenAccountIDsAttribute(),
		},
		Blocks: map[string]schema.Block{
			"assume_role":                   assumeRoleBlock(),
			"assume_role_with_web_identity": webIdentityBlock(),
			"assume_role_with_saml":         samlBlock(),
			"mfa_certification":             mfaCertificationBlock(),
			"endpoints": schema.SingleNestedBlock{
				MarkdownDescription: "Full URLs that replace the host derived from `protocol` and `domain`, for emulators and private endpoints.",
				Attributes: map[string]schema.Attribute{
					"organization": schema.StringAttribute{
						MarkdownDescription: "The URL of the Organization API, such as `http://127.0.0.1:8080`. Can also be set with the `" +
							envvar.OrganizationEndpoint + "` environment variable. Defaults to `<protocol>://organization.<domain>`.",
						Optional:   true,
						Validators: []validator.String{endpointCheck},
					},
					"sts": schema.StringAttribute{
						MarkdownDescription: "The URL of the STS API, called to assume a role, such as `http://127.0.0.1:8080`. Can also be set with the `" +
							envvar.STSEndpoint + "` environment variable. Defaults to `<protocol>://sts.<domain>`.",
						Optional:   true,
						Validators: []validator.String{endpointCheck},
					},
				},
			},
		},
	}
}
