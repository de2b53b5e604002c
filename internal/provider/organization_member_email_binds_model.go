// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

type organizationMemberEmailBindsModel struct {
	SearchKey         types.String  `tfsdk:"search_key"`
	AuthName          types.String  `tfsdk:"auth_name"`
	NodeID            types.Int64   `tfsdk:"node_id"`
	NodeName          types.String  `tfsdk:"node_name"`
	Tags              types.Map     `tfsdk:"tags"`
	Product           types.String  `tfsdk:"product"`
	MemberUins        types.Set     `tfsdk:"member_uins"`
	BindStatus        types.Set     `tfsdk:"bind_status"`
	IncludeEmailBind  types.Bool    `tfsdk:"include_email_bind"`
	Members           []memberModel `tfsdk:"members"`
	Total             types.Int64   `tfsdk:"total"`
	BindStatusCounts  types.Map     `tfsdk:"bind_status_counts"`
	ListingConsistent types.Bool    `tfsdk:"listing_consistent"`
}

type memberModel struct {
	MemberUin        types.Int64          `tfsdk:"member_uin"`
	Name             types.String         `tfsdk:"name"`
	NickName         types.String         `tfsdk:"nick_name"`
	MemberType       types.String         `tfsdk:"member_type"`
	NodeID           types.Int64          `tfsdk:"node_id"`
	NodeName         types.String         `tfsdk:"node_name"`
	Remark           types.String         `tfsdk:"remark"`
	CreateTime       types.String         `tfsdk:"create_time"`
	UpdateTime       types.String         `tfsdk:"update_time"`
	IsAllowQuit      types.String         `tfsdk:"is_allow_quit"`
	PayUin           types.String         `tfsdk:"pay_uin"`
	PayName          types.String         `tfsdk:"pay_name"`
	PermissionStatus types.String         `tfsdk:"permission_status"`
	OrgPolicyType    types.String         `tfsdk:"org_policy_type"`
	OrgPolicyName    types.String         `tfsdk:"org_policy_name"`
	BindStatus       types.String         `tfsdk:"bind_status"`
	Tags             []memberTagModel     `tfsdk:"tags"`
	OrgPermission    []orgPermissionModel `tfsdk:"org_permission"`
	OrgIdentity      []orgIdentityModel   `tfsdk:"org_identity"`
	EmailBind        *emailBindModel      `tfsdk:"email_bind"`
}

type memberTagModel struct {
	Key   types.String `tfsdk:"key"`
	Value types.String `tfsdk:"value"`
}

type orgPermissionModel struct {
	ID   types.Int64  `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

type orgIdentityModel struct {
	IdentityID        types.Int64  `tfsdk:"identity_id"`
	IdentityAliasName types.String `tfsdk:"identity_alias_name"`
}

// memberState maps a listed member to state one field to one attribute;
// a field the API left out or set to null stays null, and so does a list.
// With no listing entry (member_uins), only member_uin is set. at is the
// member's path in state, for errors.
func memberState(at path.Path, uin int64, m *organization.OrgMember, diags *diag.Diagnostics) memberModel {
	state := memberModel{MemberUin: types.Int64Value(uin)}
	if m == nil {
		m = &organization.OrgMember{}
	}
	state.Name = types.StringPointerValue(m.Name)
	state.NickName = types.StringPointerValue(m.NickName)
	state.MemberType = types.StringPointerValue(m.MemberType)
	state.NodeID = types.Int64PointerValue(m.NodeId)
	state.NodeName = types.StringPointerValue(m.NodeName)
	state.Remark = types.StringPointerValue(m.Remark)
	state.CreateTime = types.StringPointerValue(m.CreateTime)
	state.UpdateTime = types.StringPointerValue(m.UpdateTime)
	state.IsAllowQuit = types.StringPointerValue(m.IsAllowQuit)
	state.PayUin = types.StringPointerValue(m.PayUin)
	state.PayName = types.StringPointerValue(m.PayName)
	state.PermissionStatus = types.StringPointerValue(m.PermissionStatus)
	state.OrgPolicyType = types.StringPointerValue(m.OrgPolicyType)
	state.OrgPolicyName = types.StringPointerValue(m.OrgPolicyName)
	state.BindStatus = types.StringPointerValue(m.BindStatus)
	if m.Tags != nil {
		state.Tags = make([]memberTagModel, 0, len(m.Tags))
		for _, t := range m.Tags {
			if t == nil {
				t = &organization.Tag{}
			}
			state.Tags = append(state.Tags, memberTagModel{Key: types.StringPointerValue(t.TagKey), Value: types.StringPointerValue(t.TagValue)})
		}
	}
	if m.OrgPermission != nil {
		state.OrgPermission = make([]orgPermissionModel, 0, len(m.OrgPermission))
		for j, p := range m.OrgPermission {
			if p == nil {
				p = &organization.OrgPermission{}
			}
			id := int64Value(p.Id, at.AtName("org_permission").AtListIndex(j).AtName("id"), diags)
			state.OrgPermission = append(state.OrgPermission, orgPermissionModel{ID: id, Name: types.StringPointerValue(p.Name)})
		}
	}
	if m.OrgIdentity != nil {
		state.OrgIdentity = make([]orgIdentityModel, 0, len(m.OrgIdentity))
		for _, id := range m.OrgIdentity {
			if id == nil {
				id = &organization.MemberIdentity{}
			}
			state.OrgIdentity = append(state.OrgIdentity, orgIdentityModel{
				IdentityID: types.Int64PointerValue(id.IdentityId), IdentityAliasName: types.StringPointerValue(id.IdentityAliasName),
			})
		}
	}
	return state
}

// status is the member's binding status that counts: the binding's when read.
func (m memberModel) status() types.String {
	if m.EmailBind != nil {
		return m.EmailBind.BindStatus
	}
	return m.BindStatus
}
