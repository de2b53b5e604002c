// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

var _ datasource.DataSourceWithConfigure = &organizationMemberEmailBindDataSource{}

func NewOrganizationMemberEmailBindDataSource() datasource.DataSource {
	return &organizationMemberEmailBindDataSource{}
}

type organizationMemberEmailBindDataSource struct {
	data *providerData
}

func (d *organizationMemberEmailBindDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization_member_email_bind"
}

func (d *organizationMemberEmailBindDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req, resp)
}

func (d *organizationMemberEmailBindDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.data == nil {
		resp.Diagnostics.AddError(summaryNotConfigured, notConfiguredDetail)
		return
	}
	var config organizationMemberEmailBindModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	memberUin, err := memberUinNumber.int64(config.MemberUin)
	if err != nil {
		resp.Diagnostics.Append(memberUinNumber.diagnostic(path.Root("member_uin"), err))
		return
	}
	ctx = tflog.SetField(ctx, "member_uin", memberUin)
	tflog.Debug(ctx, "Reading organization member email binding")

	out, err := d.data.client.DescribeOrganizationMemberEmailBind(ctx, memberUin)
	if err != nil {
		resp.Diagnostics.Append(readErrorDiagnostic(err, d.data.emailBindContext(memberUin)))
		return
	}

	state, diags := emailBindState(memberUin, out)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// emailBindContext is what a diagnostic about reading memberUin's binding may mention.
func (p *providerData) emailBindContext(memberUin int64) readContext {
	return readContext{
		action:         organization.ActionDescribeOrganizationMemberEmailBind,
		codes:          emailBindCodes,
		subject:        fmt.Sprintf("member %d", memberUin),
		memberUin:      memberUin,
		memberArgument: "member_uin",
		sources:        p.sources,
		endpoint:       p.client.Endpoint(),
		endpoints:      p.endpoints,
		attributes:     map[string]path.Path{"member_uin": path.Root("member_uin")},
	}
}
