// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbind

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// TimeFormatNote ends the description of every time attribute, here and
// in the members of tencentcloud_organization_member_email_binds.
const TimeFormatNote = " The format is `YYYY-MM-DD HH:MM:SS` with no time zone given; Tencent Cloud writes times in UTC+8."

func dataSourceSchema() schema.Schema {
	attributes := RecordAttributes()
	attributes["member_uin"] = schema.NumberAttribute{
		MarkdownDescription: "The UIN (account ID) of the member account to read: a whole number, at least 1. " +
			"When it is known only after apply (it comes from a resource), the read waits for apply, as for any data source.",
		Required:   true,
		Validators: []validator.Number{MemberUin},
	}
	attributes["id"] = schema.StringAttribute{
		MarkdownDescription: "The member UIN, as a string.",
		Computed:            true,
	}
	attributes["request_id"] = schema.StringAttribute{
		MarkdownDescription: "The RequestId of the API call that produced this data, which Tencent Cloud support asks for. " +
			"It changes on every read, so do not compare it across plans.",
		Computed: true,
	}
	return schema.Schema{
		MarkdownDescription: "Reads the email binding record of a member account of a Tencent Cloud Organization, " +
			"with the Organization API action `DescribeOrganizationMemberEmailBind` (version 2021-03-31). " +
			"The caller must use credentials of an account in the member's organization. " +
			"A field the API does not return is null, never an empty string or zero.",
		Attributes: attributes,
	}
}

// RecordAttributes are the action's nine output fields, shared with the
// members of tencentcloud_organization_member_email_binds.
func RecordAttributes() map[string]schema.Attribute {
	str := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	return map[string]schema.Attribute{
		"bind_id":      schema.Int64Attribute{MarkdownDescription: "The ID of the email binding record.", Computed: true},
		"apply_time":   str("When the email binding was applied for." + TimeFormatNote),
		"email":        str("The email address bound, or being bound, to the member account. It may be partly masked."),
		"phone":        str("The verification mobile number, masked by the API, such as `18***32`."),
		"bind_status":  str("The binding status: `Unbound` (not bound), `Valid` (waiting for activation), `Success` (bound successfully) or `Failed` (binding failed)."),
		"bind_time":    str("When the email was bound." + TimeFormatNote),
		"description":  str("The failure description of the binding: `success` when it succeeded, and it may be empty."),
		"phone_bind":   schema.Int64Attribute{MarkdownDescription: "Whether the verification mobile number is bound: `0` means not bound, `1` means bound.", Computed: true},
		"country_code": str("The international dialling code of the verification mobile number, such as `86`."),
	}
}
