// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package emailbind is the data source tencentcloud_organization_member_email_bind,
// one member's email binding, and what tencentcloud_organization_member_email_binds
// builds on: the binding record every member carries, and the validator of
// both data sources' ID arguments.
package emailbind

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
)

var _ datasource.DataSourceWithConfigure = &dataSource{}

// NewDataSource is tencentcloud_organization_member_email_bind, for the
// provider's DataSources.
func NewDataSource() datasource.DataSource {
	return &dataSource{}
}

type dataSource struct {
	client *conns.Client
}

func (d *dataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization_member_email_bind"
}

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dataSourceSchema()
}

func (d *dataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.FromConfigure(req, resp)
}

func (d *dataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !conns.Configured(d.client, &resp.Diagnostics) {
		return
	}
	var config dataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	memberUin, err := MemberUin.Int64(config.MemberUin)
	if err != nil {
		resp.Diagnostics.Append(MemberUin.Diagnostic(path.Root("member_uin"), err))
		return
	}
	ctx = tflog.SetField(ctx, "member_uin", memberUin)
	tflog.Debug(ctx, "Reading organization member email binding")

	out, err := d.client.Organization.DescribeOrganizationMemberEmailBind(ctx, memberUin)
	if err != nil {
		resp.Diagnostics.Append(explain.ReadError(err, Call(d.client, memberUin)))
		return
	}

	state, diags := stateOf(memberUin, out)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
