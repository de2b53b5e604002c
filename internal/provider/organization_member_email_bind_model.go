// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"math"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

type organizationMemberEmailBindModel struct {
	ID        types.String `tfsdk:"id"`
	MemberUin types.Number `tfsdk:"member_uin"`
	emailBindModel
	RequestID types.String `tfsdk:"request_id"`
}

// emailBindModel is the action's nine output fields, which the members of
// tencentcloud_organization_member_email_binds carry too.
type emailBindModel struct {
	BindID      types.Int64  `tfsdk:"bind_id"`
	ApplyTime   types.String `tfsdk:"apply_time"`
	Email       types.String `tfsdk:"email"`
	Phone       types.String `tfsdk:"phone"`
	BindStatus  types.String `tfsdk:"bind_status"`
	BindTime    types.String `tfsdk:"bind_time"`
	Description types.String `tfsdk:"description"`
	PhoneBind   types.Int64  `tfsdk:"phone_bind"`
	CountryCode types.String `tfsdk:"country_code"`
}

// emailBindState maps the API's output to the data source's state.
func emailBindState(memberUin int64, out *organization.DescribeOrganizationMemberEmailBindResponseParams) (organizationMemberEmailBindModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	state := organizationMemberEmailBindModel{
		ID:             types.StringValue(strconv.FormatInt(memberUin, 10)),
		MemberUin:      numberValue(memberUin),
		emailBindModel: emailBindRecord(path.Empty(), out, &diags),
		RequestID:      types.StringPointerValue(out.RequestId),
	}
	return state, diags
}

// emailBindRecord maps a binding record one field to one attribute; a
// field the API left out or set to null stays null. at is where the record
// sits in state, for errors.
func emailBindRecord(at path.Path, out *organization.DescribeOrganizationMemberEmailBindResponseParams, diags *diag.Diagnostics) emailBindModel {
	return emailBindModel{
		BindID:      int64Value(out.BindId, at.AtName("bind_id"), diags),
		ApplyTime:   types.StringPointerValue(out.ApplyTime),
		Email:       types.StringPointerValue(out.Email),
		Phone:       types.StringPointerValue(out.Phone),
		BindStatus:  types.StringPointerValue(out.BindStatus),
		BindTime:    types.StringPointerValue(out.BindTime),
		Description: types.StringPointerValue(out.Description),
		PhoneBind:   int64Value(out.PhoneBind, at.AtName("phone_bind"), diags),
		CountryCode: types.StringPointerValue(out.CountryCode),
	}
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
