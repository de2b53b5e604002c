// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// dataSourceModel is the configuration, read through the framework; state
// is built apart from it (state.go), since it holds every member.
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
