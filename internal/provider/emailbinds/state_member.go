// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"math"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
)

// memberState maps member i to state one field to one attribute; a field
// the API left out or set to null stays null, and so does a list. With no
// listing entry (member_uins), only member_uin and email_bind are set; with
// no record (include_email_bind = false), email_bind is null.
func memberState(i int, member *organization.InventoryMember, diags *diag.Diagnostics) tftypes.Value {
	m := member.Listing
	if m == nil {
		m = &organization.OrgMember{}
	}
	at := func(name string) path.Path { return path.Root("members").AtListIndex(i).AtName(name) }
	return tftypes.NewValue(tfTypes.member, map[string]tftypes.Value{
		"member_uin":        tftypes.NewValue(tftypes.Number, member.MemberUin),
		"name":              str(m.Name),
		"nick_name":         str(m.NickName),
		"member_type":       str(m.MemberType),
		"node_id":           int64Of(m.NodeId),
		"node_name":         str(m.NodeName),
		"remark":            str(m.Remark),
		"create_time":       str(m.CreateTime),
		"update_time":       str(m.UpdateTime),
		"is_allow_quit":     str(m.IsAllowQuit),
		"pay_uin":           str(m.PayUin),
		"pay_name":          str(m.PayName),
		"permission_status": str(m.PermissionStatus),
		"org_policy_type":   str(m.OrgPolicyType),
		"org_policy_name":   str(m.OrgPolicyName),
		"bind_status":       str(m.BindStatus),
		"tags": listState(tfTypes.tag, m.Tags, func(_ int, t *organization.Tag) map[string]tftypes.Value {
			return map[string]tftypes.Value{"key": str(t.TagKey), "value": str(t.TagValue)}
		}),
		"org_permission": listState(tfTypes.permission, m.OrgPermission, func(j int, p *organization.OrgPermission) map[string]tftypes.Value {
			id := func() path.Path { return at("org_permission").AtListIndex(j).AtName("id") }
			return map[string]tftypes.Value{"id": uint64Of(p.Id, id, diags), "name": str(p.Name)}
		}),
		"org_identity": listState(tfTypes.identity, m.OrgIdentity, func(_ int, id *organization.MemberIdentity) map[string]tftypes.Value {
			return map[string]tftypes.Value{"identity_id": int64Of(id.IdentityId), "identity_alias_name": str(id.IdentityAliasName)}
		}),
		"email_bind": emailBindState(member.EmailBind, func(name string) path.Path { return at("email_bind").AtName(name) }, diags),
	})
}

// emailBindState is a binding record as the single data source maps it
// (emailbind.RecordValue), or null without one.
func emailBindState(r *organization.DescribeOrganizationMemberEmailBindResponseParams, at func(string) path.Path, diags *diag.Diagnostics) tftypes.Value {
	if r == nil {
		return tftypes.NewValue(tfTypes.emailBind, nil)
	}
	return tftypes.NewValue(tfTypes.emailBind, map[string]tftypes.Value{
		"bind_id":      uint64Of(r.BindId, func() path.Path { return at("bind_id") }, diags),
		"apply_time":   str(r.ApplyTime),
		"email":        str(r.Email),
		"phone":        str(r.Phone),
		"bind_status":  str(r.BindStatus),
		"bind_time":    str(r.BindTime),
		"description":  str(r.Description),
		"phone_bind":   uint64Of(r.PhoneBind, func() path.Path { return at("phone_bind") }, diags),
		"country_code": str(r.CountryCode),
	})
}

// listState maps an API list of objects, keeping a missing list null; a
// null element reads as an object of nulls.
func listState[T any](elemType tftypes.Object, items []*T, attributes func(int, *T) map[string]tftypes.Value) tftypes.Value {
	listType := tftypes.List{ElementType: elemType}
	if items == nil {
		return tftypes.NewValue(listType, nil)
	}
	elems := make([]tftypes.Value, len(items))
	for i, item := range items {
		if item == nil {
			item = new(T)
		}
		elems[i] = tftypes.NewValue(elemType, attributes(i, item))
	}
	return tftypes.NewValue(listType, elems)
}

// str is a string the API may leave out or set to null, which stays null.
func str(s *string) tftypes.Value {
	if s == nil {
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, *s)
}

// int64Of is a signed API integer; null stays null.
func int64Of(n *int64) tftypes.Value {
	if n == nil {
		return tftypes.NewValue(tftypes.Number, nil)
	}
	return tftypes.NewValue(tftypes.Number, *n)
}

// uint64Of is an unsigned API integer. One that Terraform's Int64 cannot
// hold is an error, as emailbind.Int64Value makes it, and null; the path
// is only built then.
func uint64Of(n *uint64, at func() path.Path, diags *diag.Diagnostics) tftypes.Value {
	switch {
	case n == nil:
		return tftypes.NewValue(tftypes.Number, nil)
	case *n > math.MaxInt64:
		emailbind.Int64Value(n, at(), diags)
		return tftypes.NewValue(tftypes.Number, nil)
	}
	return tftypes.NewValue(tftypes.Number, int64(*n))
}
