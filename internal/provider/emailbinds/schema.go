// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/numbervalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
)

// bindStatuses are the values bind_status takes, in the API's spelling.
var bindStatuses = []string{"Unbound", "Valid", "Success", "Failed"}

// listingFilters are the arguments passed to DescribeOrganizationMembers,
// which member_uins, by skipping the listing, cannot be combined with.
var listingFilters = []string{"search_key", "auth_name", "node_id", "node_name", "tags", "product"}

func dataSourceSchema() schema.Schema {
	notWithMemberUins := func() []path.Expression {
		return []path.Expression{path.MatchRoot("member_uins")}
	}
	return schema.Schema{
		MarkdownDescription: "Reads every member account of the caller's Tencent Cloud Organization with its email binding, in one data source: " +
			"`DescribeOrganizationMembers` lists the members (50 a page) and `DescribeOrganizationMemberEmailBind` reads each one's binding, " +
			"concurrently and paced to the provider's `rate_limit`; the organization is listed again afterwards, and the read is trusted only " +
			"when two consecutive listings agree. The read fails closed: if any member cannot be read after retries, or the listing cannot " +
			"be confirmed, the data source fails with an error that names what is missing, and returns nothing rather than a partial list.",
		Attributes: map[string]schema.Attribute{
			"search_key": schema.StringAttribute{
				MarkdownDescription: "Lists only members whose name contains this text or whose UIN is this number. No default: every member is listed.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), stringvalidator.ConflictsWith(notWithMemberUins()...)},
			},
			"auth_name": schema.StringAttribute{
				MarkdownDescription: "Lists only members whose verified entity (company) name contains this text. No default.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), stringvalidator.ConflictsWith(notWithMemberUins()...)},
			},
			"node_id": schema.NumberAttribute{
				MarkdownDescription: "Lists only members in the organization unit (department) with this ID, a whole number. " +
					"A unit that does not exist is an error. No default.",
				Optional:   true,
				Validators: []validator.Number{emailbind.NodeID, numbervalidator.ConflictsWith(notWithMemberUins()...)},
			},
			"node_name": schema.StringAttribute{
				MarkdownDescription: "Lists only members in the organization unit (department) with this name. A unit that does not exist is an error. No default.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1), stringvalidator.ConflictsWith(notWithMemberUins()...)},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Lists only members that have every one of these tags, at most 10, as the API allows. " +
					"An empty value matches any value of the key. No default.",
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.Map{
					mapvalidator.SizeAtMost(organization.MaxMemberTagFilters),
					mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1)),
					mapvalidator.ConflictsWith(notWithMemberUins()...),
				},
			},
			"product": schema.StringAttribute{
				MarkdownDescription: "The short name of a trusted service, such as `CloudAudit`. Required by the API when the credentials belong to " +
					"the service's delegated administrator rather than the organization's management account. No default.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), stringvalidator.ConflictsWith(notWithMemberUins()...)},
			},
			"member_uins": schema.SetAttribute{
				MarkdownDescription: "Reads just these members' email bindings, without listing the organization; their listing fields are null. " +
					"Cannot be combined with the listing filters (" + codeList(listingFilters) + "). A UIN that is not a member is an error. " +
					"No default: every member the listing returns is read.",
				ElementType: types.NumberType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueNumbersAre(emailbind.MemberUin)},
			},
			"bind_status": schema.SetAttribute{
				MarkdownDescription: "Keeps only members in these binding states: " + codeList(bindStatuses) + ". It is applied to the listing's " +
					"status before any binding is read, so only matching members cost a binding call; when the binding is read, its status is " +
					"the one that counts. A member whose status the API leaves out is not kept. The values are case-sensitive, as the API spells them, " +
					"and an empty set is refused, since it would keep nobody: leave `bind_status` unset to keep members in every state. " +
					"No default: members in every state are kept.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(bindStatuses...))},
			},
			"include_email_bind": schema.BoolAttribute{
				MarkdownDescription: "Whether to read each member's email binding record into `email_bind`. Defaults to `true`. " +
					"With `false`, only the listing is read (two listings of one call per 50 members), `email_bind` is null, and statuses and counts " +
					"come from the listing's `bind_status`.",
				Optional: true,
			},
			"require_members": schema.BoolAttribute{
				MarkdownDescription: "Whether a read that finds no member is an error. Defaults to `false`: an empty result is returned, with a " +
					"warning when a filter was given, since a filter that matches nobody (a typo in a tag value, `node_id` and `node_name` naming " +
					"different units) leaves `members` empty and a policy such as `alltrue([for m in members : ...])` then passes on nothing. " +
					"Set it to `true` when the data source feeds a policy.",
				Optional: true,
			},
			"members": schema.ListNestedAttribute{
				MarkdownDescription: "The members, sorted by `member_uin`, each once.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: memberAttributes()},
			},
			"total": schema.Int64Attribute{
				MarkdownDescription: "The number of members in `members`.",
				Computed:            true,
			},
			"bind_status_counts": schema.MapAttribute{
				MarkdownDescription: "The number of members in each binding status, keyed by status (`Success`, ...): the binding's status, " +
					"or the listing's when `include_email_bind` is `false`. Members whose status the API leaves out are not counted.",
				ElementType: types.Int64Type,
				Computed:    true,
			},
			"listing_consistent": schema.BoolAttribute{
				MarkdownDescription: "Always `true` when the read lists the organization: a read succeeds only when two consecutive listings agree " +
					"on `Total` and on every member, with every page as full as `Total` says, and fails otherwise. It is kept so that policies " +
					"written for earlier versions, which had to check it, go on working; new policies need not check it. Null when `member_uins` " +
					"skips the listing.",
				Computed: true,
			},
		},
	}
}

func memberAttributes() map[string]schema.Attribute {
	str := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	return map[string]schema.Attribute{
		"member_uin":        schema.Int64Attribute{MarkdownDescription: "The member account's UIN.", Computed: true},
		"name":              str("The member's name in the organization."),
		"nick_name":         str("The member account's Tencent Cloud nickname."),
		"member_type":       str("How the member joined: `Invite` (invited) or `Create` (created by the organization)."),
		"node_id":           schema.Int64Attribute{MarkdownDescription: "The ID of the organization unit the member is in.", Computed: true},
		"node_name":         str("The name of that organization unit."),
		"remark":            str("The member's remark."),
		"create_time":       str("When the member joined." + emailbind.TimeFormatNote),
		"update_time":       str("When the member was last updated." + emailbind.TimeFormatNote),
		"is_allow_quit":     str("Whether the member may leave the organization: `Allow` or `Denied`."),
		"pay_uin":           str("The UIN of the account that pays for the member, as the API gives it (a string)."),
		"pay_name":          str("The name of that paying account."),
		"permission_status": str("Whether the member has confirmed the organization's permissions: `Confirmed` or `UnConfirmed`."),
		"org_policy_type":   str("The type of the relationship policy between the organization and the member."),
		"org_policy_name":   str("The name of that relationship policy."),
		"bind_status":       str("The binding status as the listing shows it: `Unbound`, `Valid`, `Success` or `Failed`. `email_bind.bind_status` is read later and is the one to check when present."),
		"tags": schema.ListNestedAttribute{
			MarkdownDescription: "The member's tags, in the API's order.",
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: tagAttributes()},
		},
		"org_permission": schema.ListNestedAttribute{
			MarkdownDescription: "The permissions the organization holds over the member.",
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: permissionAttributes()},
		},
		"org_identity": schema.ListNestedAttribute{
			MarkdownDescription: "The management identities the organization can use in the member account.",
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: identityAttributes()},
		},
		"email_bind": schema.SingleNestedAttribute{
			MarkdownDescription: "The member's email binding record, with the fields of the `tencentcloud_organization_member_email_bind` data source. " +
				"Null when `include_email_bind` is `false`.",
			Computed:   true,
			Attributes: emailbind.RecordAttributes(),
		},
	}
}

func tagAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"key":   schema.StringAttribute{MarkdownDescription: "The tag key.", Computed: true},
		"value": schema.StringAttribute{MarkdownDescription: "The tag value.", Computed: true},
	}
}

func permissionAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":   schema.Int64Attribute{MarkdownDescription: "The permission's ID.", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "The permission's name.", Computed: true},
	}
}

func identityAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"identity_id":         schema.Int64Attribute{MarkdownDescription: "The identity's ID.", Computed: true},
		"identity_alias_name": schema.StringAttribute{MarkdownDescription: "The identity's name.", Computed: true},
	}
}

func codeList(values []string) string {
	out := ""
	for i, v := range values {
		if i > 0 {
			out += ", "
		}
		out += "`" + v + "`"
	}
	return out
}
