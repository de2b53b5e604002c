// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbind

import (
	"math"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

type dataSourceModel struct {
	ID        types.String `tfsdk:"id"`
	MemberUin types.Number `tfsdk:"member_uin"`
	Record
	RequestID types.String `tfsdk:"request_id"`
}

// Record is the action's nine output fields, which the members of
// tencentcloud_organization_member_email_binds carry too.
type Record struct {
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

func (m Record) Attributes() map[string]attr.Value {
	return map[string]attr.Value{
		"bind_id": m.BindID, "apply_time": m.ApplyTime, "email": m.Email, "phone": m.Phone, "bind_status": m.BindStatus,
		"bind_time": m.BindTime, "description": m.Description, "phone_bind": m.PhoneBind, "country_code": m.CountryCode,
	}
}

// stateOf maps the API's output to the data source's state.
func stateOf(memberUin int64, out *organization.DescribeOrganizationMemberEmailBindResponseParams) (dataSourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	state := dataSourceModel{
		ID:        types.StringValue(strconv.FormatInt(memberUin, 10)),
		MemberUin: NumberValue(memberUin),
		Record:    RecordValue(path.Empty(), out, &diags),
		RequestID: types.StringPointerValue(out.RequestId),
	}
	return state, diags
}

// RecordValue maps a binding record one field to one attribute; a
// field the API left out or set to null stays null. at is where the record
// sits in state, for errors.
func RecordValue(at path.Path, out *organization.DescribeOrganizationMemberEmailBindResponseParams, diags *diag.Diagnostics) Record {
	return Record{
		BindID:      Int64Value(out.BindId, at.AtName("bind_id"), diags),
		ApplyTime:   types.StringPointerValue(out.ApplyTime),
		Email:       types.StringPointerValue(out.Email),
		Phone:       types.StringPointerValue(out.Phone),
		BindStatus:  types.StringPointerValue(out.BindStatus),
		BindTime:    types.StringPointerValue(out.BindTime),
		Description: types.StringPointerValue(out.Description),
		PhoneBind:   Int64Value(out.PhoneBind, at.AtName("phone_bind"), diags),
		CountryCode: types.StringPointerValue(out.CountryCode),
	}
}

// Int64Value converts an unsigned API integer, refusing to wrap one that
// Terraform's Int64 cannot hold.
func Int64Value(v *uint64, at path.Path, diags *diag.Diagnostics) types.Int64 {
	if v == nil {
		return types.Int64Null()
	}
	if *v > math.MaxInt64 {
		diags.AddAttributeError(at, summaryValueOutOfRange, valueOutOfRangeDetail(at.String(), *v))
		return types.Int64Null()
	}
	return types.Int64Value(int64(*v))
}
