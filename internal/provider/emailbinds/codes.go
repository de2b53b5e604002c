// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
)

const fixListingFilter = "Correct the filter the message names: search_key, auth_name, node_id, node_name, tags or product."

// codes explains DescribeOrganizationMembers' own error codes
// (organization-members.md), and the common codes that, for this action,
// can only be about its filters.
var codes = explain.NewTable(map[string]explain.Explanation{
	"FailedOperation.OperateBillingPermissionErr": {
		Summary: "Billing Permission Check Failed", Meaning: "Tencent Cloud could not check the organization's billing permissions over its members while listing them.",
		Fix: "Check in the Organization console that the calling account manages the organization; if it does, " + explain.FixRetryLater,
	},
	"InvalidParameter": {
		Summary: "Invalid Member Filter", Meaning: "The API rejected a parameter of the member listing; the message below says which.", Fix: fixListingFilter,
	},
	"InvalidParameterValue": {
		Summary: "Invalid Member Filter", Meaning: "The API rejected the value of a parameter of the member listing; the message below says which.", Fix: fixListingFilter,
	},
	"ResourceNotFound.OrganizationNodeNotExist": {
		Summary: "Organization Unit Not Found", Meaning: "The organization has no unit with the node_id or node_name given.",
		Fix: "Use the ID or name of a unit shown under Organization > Departments in the Tencent Cloud console, or remove the filter.", Attribute: "node",
	},
	"ResourceNotFound.OrganizationNotExist": explain.OrganizationNotExist,
	"ResourceNotFound.OrganizationServiceNotExist": {
		Summary: "Trusted Service Not Found", Meaning: "The organization has no trusted service with the product name given.",
		Fix: "Use the short name of a trusted service enabled for the organization, or remove product when the credentials are the organization's management account.", Attribute: "product",
	},
})

// Codes explains DescribeOrganizationMembers' own error codes; the common
// codes are explain's.
func Codes() explain.Table { return codes }

// membersCall is what a diagnostic about listing the organization may
// mention; a missing unit is node_id's or node_name's fault, whichever is set.
func membersCall(p *conns.Client, config dataSourceModel) explain.Call {
	node := path.Root("node_id")
	if config.NodeID.IsNull() {
		node = path.Root("node_name")
	}
	return explain.Call{
		Action:     organization.ActionDescribeOrganizationMembers,
		Codes:      codes,
		Subject:    "the organization's member list",
		Sources:    p.Sources,
		Endpoint:   p.Organization.Endpoint(),
		Endpoints:  p.Endpoints,
		Attributes: map[string]path.Path{"node": node, "product": path.Root("product")},
	}
}

// memberBindCall is what a diagnostic about one member's binding may
// mention, in a read of many: the member came from member_uins, or else
// from the listing, and has no attribute of its own.
func memberBindCall(p *conns.Client, config dataSourceModel) func(int64) explain.Call {
	return func(memberUin int64) explain.Call {
		rc := emailbind.Call(p, memberUin)
		rc.MemberArgument, rc.Attributes = "member_uins", map[string]path.Path{"member_uin": path.Root("member_uins")}
		if config.MemberUins.IsNull() {
			rc.MemberArgument, rc.Attributes = "the member UIN the listing gave", nil
		}
		return rc
	}
}
