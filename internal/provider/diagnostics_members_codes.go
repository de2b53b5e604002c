// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

const fixListingFilter = "Correct the filter the message names: search_key, auth_name, node_id, node_name, tags or product."

// membersCodes explains DescribeOrganizationMembers' own error codes
// (organization-members.md), and the common codes that, for this action,
// can only be about its filters.
var membersCodes = map[string]explanation{
	"FailedOperation.OperateBillingPermissionErr": {
		summary: "Billing Permission Check Failed", meaning: "Tencent Cloud could not check the organization's billing permissions over its members while listing them.",
		fix: "Check in the Organization console that the calling account manages the organization; if it does, " + fixRetryLater,
	},
	"InvalidParameter": {
		summary: "Invalid Member Filter", meaning: "The API rejected a parameter of the member listing; the message below says which.", fix: fixListingFilter,
	},
	"InvalidParameterValue": {
		summary: "Invalid Member Filter", meaning: "The API rejected the value of a parameter of the member listing; the message below says which.", fix: fixListingFilter,
	},
	"ResourceNotFound.OrganizationNodeNotExist": {
		summary: "Organization Unit Not Found", meaning: "The organization has no unit with the node_id or node_name given.",
		fix: "Use the ID or name of a unit shown under Organization > Departments in the Tencent Cloud console, or remove the filter.", attribute: "node",
	},
	"ResourceNotFound.OrganizationNotExist": organizationNotExist,
	"ResourceNotFound.OrganizationServiceNotExist": {
		summary: "Trusted Service Not Found", meaning: "The organization has no trusted service with the product name given.",
		fix: "Use the short name of a trusted service enabled for the organization, or remove product when the credentials are the organization's management account.", attribute: "product",
	},
}
