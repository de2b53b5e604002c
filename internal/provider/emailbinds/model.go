// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
)

type dataSourceModel struct {
	SearchKey         types.String `tfsdk:"search_key"`
	AuthName          types.String `tfsdk:"auth_name"`
	NodeID            types.Number `tfsdk:"node_id"`
	NodeName          types.String `tfsdk:"node_name"`
	Tags              types.Map    `tfsdk:"tags"`
	Product           types.String `tfsdk:"product"`
	MemberUins        types.Set    `tfsdk:"member_uins"`
	BindStatus        types.Set    `tfsdk:"bind_status"`
	IncludeEmailBind  types.Bool   `tfsdk:"include_email_bind"`
	RequireMembers    types.Bool   `tfsdk:"require_members"`
	Members           types.List   `tfsdk:"members"`
	Total             types.Int64  `tfsdk:"total"`
	BindStatusCounts  types.Map    `tfsdk:"bind_status_counts"`
	ListingConsistent types.Bool   `tfsdk:"listing_consistent"`
}

// setInventory sets the computed attributes from a read: members with
// their counts, and listing_consistent, which a successful listing always
// confirms.
func (m *dataSourceModel) setInventory(ctx context.Context, inventory *organization.Inventory) diag.Diagnostics {
	var diags diag.Diagnostics
	members := make([]attr.Value, 0, len(inventory.Members))
	counts := map[string]int64{}
	for _, member := range inventory.Members {
		if status := member.BindStatus(); status != nil {
			counts[*status]++
		}
		at := path.Root("members").AtListIndex(len(members))
		members = append(members, memberValue(at, member.MemberUin, member.Listing, member.EmailBind, &diags))
	}
	var d diag.Diagnostics
	m.Members, d = types.ListValue(memberType, members)
	diags.Append(d...)
	m.Total = types.Int64Value(int64(len(members)))
	m.BindStatusCounts, d = types.MapValueFrom(ctx, types.Int64Type, counts)
	diags.Append(d...)
	m.ListingConsistent = types.BoolValue(true)
	if !m.MemberUins.IsNull() {
		m.ListingConsistent = types.BoolNull()
	}
	return diags
}

// Members are built as values of these types rather than from tagged
// structs: the framework's reflection costs several times the memory and
// CPU of the values themselves, which for a thousand members is the
// difference between a small provider process and a large one. The types
// come from the schema, so the two cannot disagree.
var (
	memberType     = objectType(memberAttributes())
	emailBindType  = objectType(emailbind.RecordAttributes())
	tagType        = objectType(tagAttributes())
	permissionType = objectType(permissionAttributes())
	identityType   = objectType(identityAttributes())
)

func objectType(attributes map[string]schema.Attribute) types.ObjectType {
	attrTypes := make(map[string]attr.Type, len(attributes))
	for name, a := range attributes {
		attrTypes[name] = a.GetType()
	}
	return types.ObjectType{AttrTypes: attrTypes}
}

// memberValue maps a member to state one field to one attribute; a field
// the API left out or set to null stays null, and so does a list. With no
// listing entry (member_uins), only member_uin and email_bind are set; with
// no record (include_email_bind = false), email_bind is null. at is the
// member's path in state, for errors.
func memberValue(at path.Path, uin int64, m *organization.OrgMember, record *organization.DescribeOrganizationMemberEmailBindResponseParams, diags *diag.Diagnostics) attr.Value {
	if m == nil {
		m = &organization.OrgMember{}
	}
	emailBind := types.ObjectNull(emailBindType.AttrTypes)
	if record != nil {
		emailBind = objectValue(emailBindType, emailbind.RecordValue(at.AtName("email_bind"), record, diags).Attributes(), diags)
	}
	return objectValue(memberType, map[string]attr.Value{
		"member_uin":        types.Int64Value(uin),
		"name":              types.StringPointerValue(m.Name),
		"nick_name":         types.StringPointerValue(m.NickName),
		"member_type":       types.StringPointerValue(m.MemberType),
		"node_id":           types.Int64PointerValue(m.NodeId),
		"node_name":         types.StringPointerValue(m.NodeName),
		"remark":            types.StringPointerValue(m.Remark),
		"create_time":       types.StringPointerValue(m.CreateTime),
		"update_time":       types.StringPointerValue(m.UpdateTime),
		"is_allow_quit":     types.StringPointerValue(m.IsAllowQuit),
		"pay_uin":           types.StringPointerValue(m.PayUin),
		"pay_name":          types.StringPointerValue(m.PayName),
		"permission_status": types.StringPointerValue(m.PermissionStatus),
		"org_policy_type":   types.StringPointerValue(m.OrgPolicyType),
		"org_policy_name":   types.StringPointerValue(m.OrgPolicyName),
		"bind_status":       types.StringPointerValue(m.BindStatus),
		"tags": listValue(tagType, m.Tags, diags, func(_ int, t *organization.Tag) map[string]attr.Value {
			return map[string]attr.Value{"key": types.StringPointerValue(t.TagKey), "value": types.StringPointerValue(t.TagValue)}
		}),
		"org_permission": listValue(permissionType, m.OrgPermission, diags, func(j int, p *organization.OrgPermission) map[string]attr.Value {
			return map[string]attr.Value{
				"id":   emailbind.Int64Value(p.Id, at.AtName("org_permission").AtListIndex(j).AtName("id"), diags),
				"name": types.StringPointerValue(p.Name),
			}
		}),
		"org_identity": listValue(identityType, m.OrgIdentity, diags, func(_ int, id *organization.MemberIdentity) map[string]attr.Value {
			return map[string]attr.Value{
				"identity_id": types.Int64PointerValue(id.IdentityId), "identity_alias_name": types.StringPointerValue(id.IdentityAliasName),
			}
		}),
		"email_bind": emailBind,
	}, diags)
}

// listValue maps an API list of objects, keeping a missing list null; a
// null element reads as an object of nulls.
func listValue[T any](elemType types.ObjectType, items []*T, diags *diag.Diagnostics, attributes func(int, *T) map[string]attr.Value) types.List {
	if items == nil {
		return types.ListNull(elemType)
	}
	elems := make([]attr.Value, len(items))
	for i, item := range items {
		if item == nil {
			item = new(T)
		}
		elems[i] = objectValue(elemType, attributes(i, item), diags)
	}
	list, d := types.ListValue(elemType, elems)
	diags.Append(d...)
	return list
}

func objectValue(t types.ObjectType, attributes map[string]attr.Value, diags *diag.Diagnostics) types.Object {
	object, d := types.ObjectValue(t.AttrTypes, attributes)
	diags.Append(d...)
	return object
}
