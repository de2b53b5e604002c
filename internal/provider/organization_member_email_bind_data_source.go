// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"math"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
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

type organizationMemberEmailBindModel struct {
	ID          types.String `tfsdk:"id"`
	MemberUin   types.Int64  `tfsdk:"member_uin"`
	BindID      types.Int64  `tfsdk:"bind_id"`
	ApplyTime   types.String `tfsdk:"apply_time"`
	Email       types.String `tfsdk:"email"`
	Phone       types.String `tfsdk:"phone"`
	BindStatus  types.String `tfsdk:"bind_status"`
	BindTime    types.String `tfsdk:"bind_time"`
	Description types.String `tfsdk:"description"`
	PhoneBind   types.Int64  `tfsdk:"phone_bind"`
	CountryCode types.String `tfsdk:"country_code"`
	RequestID   types.String `tfsdk:"request_id"`
}

func (d *organizationMemberEmailBindDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization_member_email_bind"
}

const timeFormatNote = " The format is `YYYY-MM-DD HH:MM:SS` with no time zone given; Tencent Cloud writes times in UTC+8."

func (d *organizationMemberEmailBindDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the email binding record of a member account of a Tencent Cloud Organization, " +
			"with the Organization API action `DescribeOrganizationMemberEmailBind` (version 2021-03-31). " +
			"The caller must use credentials of an account in the member's organization. " +
			"A field the API does not return is null, never an empty string or zero.",
		Attributes: map[string]schema.Attribute{
			"member_uin": schema.Int64Attribute{
				MarkdownDescription: "The UIN (account ID) of the member account to read. Must be at least 1. " +
					"When it is known only after apply (it comes from a resource), the read waits for apply, as for any data source.",
				Required:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "The member UIN, as a string.",
				Computed:            true,
			},
			"bind_id": schema.Int64Attribute{
				MarkdownDescription: "The ID of the email binding record.",
				Computed:            true,
			},
			"apply_time": schema.StringAttribute{
				MarkdownDescription: "When the email binding was applied for." + timeFormatNote,
				Computed:            true,
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "The email address bound, or being bound, to the member account. It may be partly masked.",
				Computed:            true,
			},
			"phone": schema.StringAttribute{
				MarkdownDescription: "The verification mobile number, masked by the API, such as `18***32`.",
				Computed:            true,
			},
			"bind_status": schema.StringAttribute{
				MarkdownDescription: "The binding status: `Unbound` (not bound), `Valid` (waiting for activation), " +
					"`Success` (bound successfully) or `Failed` (binding failed).",
				Computed: true,
			},
			"bind_time": schema.StringAttribute{
				MarkdownDescription: "When the email was bound." + timeFormatNote,
				Computed:            true,
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "The failure description of the binding: `success` when it succeeded, and it may be empty.",
				Computed:            true,
			},
			"phone_bind": schema.Int64Attribute{
				MarkdownDescription: "Whether the verification mobile number is bound: `0` means not bound, `1` means bound.",
				Computed:            true,
			},
			"country_code": schema.StringAttribute{
				MarkdownDescription: "The international dialling code of the verification mobile number, such as `86`.",
				Computed:            true,
			},
			"request_id": schema.StringAttribute{
				MarkdownDescription: "The RequestId of the API call that produced this data, which Tencent Cloud support asks for. " +
					"It changes on every read, so do not compare it across plans.",
				Computed: true,
			},
		},
	}
}

func (d *organizationMemberEmailBindDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError(summaryUnexpectedData, unexpectedProviderDataDetail(req.ProviderData))
		return
	}
	d.data = data
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

	memberUin := config.MemberUin.ValueInt64()
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

// emailBindState maps the API's output to state one field to one attribute;
// a field the API left out or set to null stays null.
func emailBindState(memberUin int64, out *organization.DescribeOrganizationMemberEmailBindResponseParams) (organizationMemberEmailBindModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	state := organizationMemberEmailBindModel{
		ID:          types.StringValue(strconv.FormatInt(memberUin, 10)),
		MemberUin:   types.Int64Value(memberUin),
		BindID:      int64Value(out.BindId, path.Root("bind_id"), &diags),
		ApplyTime:   types.StringPointerValue(out.ApplyTime),
		Email:       types.StringPointerValue(out.Email),
		Phone:       types.StringPointerValue(out.Phone),
		BindStatus:  types.StringPointerValue(out.BindStatus),
		BindTime:    types.StringPointerValue(out.BindTime),
		Description: types.StringPointerValue(out.Description),
		PhoneBind:   int64Value(out.PhoneBind, path.Root("phone_bind"), &diags),
		CountryCode: types.StringPointerValue(out.CountryCode),
		RequestID:   types.StringPointerValue(out.RequestId),
	}
	return state, diags
}

// int64Value converts an unsigned API integer, refusing to wrap one that
// Terraform's Int64 cannot hold.
func int64Value(v *uint64, at path.Path, diags *diag.Diagnostics) types.Int64 {
	if v == nil {
		return types.Int64Null()
	}
	if *v > math.MaxInt64 {
		diags.AddAttributeError(at, summaryValueOutOfRange, valueOutOfRangeDetail(at.String(), *v))
		return types.Int64Null()
	}
	return types.Int64Value(int64(*v))
}
