// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package provider is the Terraform provider itself: its schema, how its
// configuration and the environment become settings and a credential (in
// the official provider's order), the account guard, and Configure, which
// hands the data sources a conns.Client. The data sources live in their own
// packages, emailbind and emailbinds, and how a failed call is worded in
// explain.
package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbinds"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
)

var _ provider.Provider = &tencentCloudProvider{}

type tencentCloudProvider struct {
	version string
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
	resp.Schema = providerSchema()
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
		resp.Diagnostics.AddError(explain.SummaryCredentialFailed, explain.CredentialFailedDetail(err, s.endpoints.STS))
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

	data := &conns.Client{Organization: client, Sources: s.sources, Endpoints: s.endpoints}
	resp.DataSourceData = data
}

func (p *tencentCloudProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		emailbind.NewDataSource,
		emailbinds.NewDataSource,
	}
}

func (p *tencentCloudProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}
