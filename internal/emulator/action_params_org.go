// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

// The Organization actions' parameters, from the SDK's request models
// (tencentcloud/organization/v20210331/models.go,
// DescribeOrganizationMembersRequestParams and
// DescribeOrganizationMemberEmailBindRequestParams, with their doc
// comments' ranges) and /work/shared/spec where it is more specific: the
// newer models' Tags, NodeId and NodeName. Both actions declare one code
// for a bad parameter, InvalidParameter.

// emailBindParams: MemberUin *int64, required (the API page), a UIN.
var emailBindParams = actionParams{
	invalidCode: "InvalidParameter",
	params: []param{
		{name: "MemberUin", typ: typeInt64, required: true, limits: []limit{{kind: atLeast, n: 1, code: "InvalidParameter"}}},
	},
}

// membersParams: Offset *uint64 (a multiple of Limit, checked with Limit
// in parseListingQuery), Limit *uint64 1 to 50, Lang en or zh, Tags at most
// 10 Tag{TagKey, TagValue}; the filters are free text.
var membersParams = actionParams{
	invalidCode: "InvalidParameter",
	params: []param{
		{name: "Offset", typ: typeUint64},
		{name: "Limit", typ: typeUint64, limits: []limit{
			{kind: atLeast, n: 1, code: "InvalidParameter"},
			{kind: atMost, n: maxListingLimit, code: "InvalidParameter"},
		}},
		{name: "Lang", typ: typeString, limits: []limit{{kind: oneOf, values: []string{"en", "zh"}, code: "InvalidParameter"}}},
		{name: "SearchKey", typ: typeString},
		{name: "AuthName", typ: typeString},
		{name: "Product", typ: typeString},
		{
			name: "Tags", typ: typeObjects, unknownFieldCode: "UnknownParameter",
			limits: []limit{{kind: maxItems, n: maxTagFilters, code: "InvalidParameter"}},
			fields: []param{
				{name: "TagKey", typ: typeString, required: true},
				{name: "TagValue", typ: typeString},
			},
		},
		{name: "NodeId", typ: typeUint64},
		{name: "NodeName", typ: typeString},
	},
}
