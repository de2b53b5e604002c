// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
	"context"

	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// ActionDescribeOrganizationMembers lists the organization's members, one page at a time.
const ActionDescribeOrganizationMembers = "DescribeOrganizationMembers"

// MaxMembersPageSize is the largest Limit the action accepts.
const MaxMembersPageSize = 50

// MaxMemberTagFilters is how many tags the action filters by at most.
const MaxMemberTagFilters = 10

// DescribeOrganizationMembersRequest is the action's request.
type DescribeOrganizationMembersRequest struct {
	*tchttp.BaseRequest

	// Offset, a multiple of Limit; default 0.
	Offset *uint64 `json:"Offset,omitnil,omitempty" name:"Offset"`

	// Page size, 1 to 50; default 10.
	Limit *uint64 `json:"Limit,omitnil,omitempty" name:"Limit"`

	// Language: en (international site) or zh (China site).
	Lang *string `json:"Lang,omitnil,omitempty" name:"Lang"`

	// Search by member name or member UIN.
	SearchKey *string `json:"SearchKey,omitnil,omitempty" name:"SearchKey"`

	// Search by the member's verified entity name.
	AuthName *string `json:"AuthName,omitnil,omitempty" name:"AuthName"`

	// Trusted-service product short name, required of a trusted-service admin.
	Product *string `json:"Product,omitnil,omitempty" name:"Product"`

	// Member tags, at most 10.
	Tags []*Tag `json:"Tags,omitnil,omitempty" name:"Tags"`

	// Organization unit ID.
	NodeId *uint64 `json:"NodeId,omitnil,omitempty" name:"NodeId"`

	// Organization unit name.
	NodeName *string `json:"NodeName,omitnil,omitempty" name:"NodeName"`
}

// Tag is a member tag.
type Tag struct {
	TagKey   *string `json:"TagKey,omitnil,omitempty" name:"TagKey"`
	TagValue *string `json:"TagValue,omitnil,omitempty" name:"TagValue"`
}

// OrgPermission is a permission the organization holds over a member.
type OrgPermission struct {
	Id   *uint64 `json:"Id,omitnil,omitempty" name:"Id"`
	Name *string `json:"Name,omitnil,omitempty" name:"Name"`
}

// MemberIdentity is a management identity of a member.
type MemberIdentity struct {
	IdentityId        *int64  `json:"IdentityId,omitnil,omitempty" name:"IdentityId"`
	IdentityAliasName *string `json:"IdentityAliasName,omitnil,omitempty" name:"IdentityAliasName"`
}

// OrgMember is one member as the listing shows it. Every field is a pointer
// because the API may leave any of them out.
type OrgMember struct {
	// Member UIN.
	MemberUin *int64 `json:"MemberUin,omitnil,omitempty" name:"MemberUin"`

	// Member name.
	Name *string `json:"Name,omitnil,omitempty" name:"Name"`

	// Invite or Create.
	MemberType *string `json:"MemberType,omitnil,omitempty" name:"MemberType"`

	// Relationship policy type and name.
	OrgPolicyType *string `json:"OrgPolicyType,omitnil,omitempty" name:"OrgPolicyType"`
	OrgPolicyName *string `json:"OrgPolicyName,omitnil,omitempty" name:"OrgPolicyName"`

	// Permissions the organization holds over the member.
	OrgPermission []*OrgPermission `json:"OrgPermission,omitnil,omitempty" name:"OrgPermission"`

	// The organization unit the member is in.
	NodeId   *int64  `json:"NodeId,omitnil,omitempty" name:"NodeId"`
	NodeName *string `json:"NodeName,omitnil,omitempty" name:"NodeName"`

	// Remark.
	Remark *string `json:"Remark,omitnil,omitempty" name:"Remark"`

	// Creation and update times, "YYYY-MM-DD HH:MM:SS".
	CreateTime *string `json:"CreateTime,omitnil,omitempty" name:"CreateTime"`
	UpdateTime *string `json:"UpdateTime,omitnil,omitempty" name:"UpdateTime"`

	// Allow or Denied: whether the member may leave.
	IsAllowQuit *string `json:"IsAllowQuit,omitnil,omitempty" name:"IsAllowQuit"`

	// The paying account's UIN (a string here) and name.
	PayUin  *string `json:"PayUin,omitnil,omitempty" name:"PayUin"`
	PayName *string `json:"PayName,omitnil,omitempty" name:"PayName"`

	// Management identities.
	OrgIdentity []*MemberIdentity `json:"OrgIdentity,omitnil,omitempty" name:"OrgIdentity"`

	// Security information binding status: Unbound, Valid, Success or Failed.
	BindStatus *string `json:"BindStatus,omitnil,omitempty" name:"BindStatus"`

	// Confirmed or UnConfirmed.
	PermissionStatus *string `json:"PermissionStatus,omitnil,omitempty" name:"PermissionStatus"`

	// Member tags.
	Tags []*Tag `json:"Tags,omitnil,omitempty" name:"Tags"`

	// Tencent Cloud nickname.
	NickName *string `json:"NickName,omitnil,omitempty" name:"NickName"`
}

// DescribeOrganizationMembersResponseParams are the action's outputs.
type DescribeOrganizationMembersResponseParams struct {
	// The page of members.
	Items []*OrgMember `json:"Items,omitnil,omitempty" name:"Items"`

	// Members matching over all pages.
	Total *uint64 `json:"Total,omitnil,omitempty" name:"Total"`

	// The unique request ID, returned for every request.
	RequestId *string `json:"RequestId,omitnil,omitempty" name:"RequestId"`
}

// DescribeOrganizationMembersResponse is the action's reply envelope.
type DescribeOrganizationMembersResponse struct {
	*tchttp.BaseResponse
	Response *DescribeOrganizationMembersResponseParams `json:"Response"`
}

// NewDescribeOrganizationMembersRequest returns a request ready for common.Client.Send.
func NewDescribeOrganizationMembersRequest() *DescribeOrganizationMembersRequest {
	request := &DescribeOrganizationMembersRequest{BaseRequest: &tchttp.BaseRequest{}}
	request.Init().WithApiInfo(Service, APIVersion, ActionDescribeOrganizationMembers)
	return request
}

// NewDescribeOrganizationMembersResponse returns an empty reply to decode into.
func NewDescribeOrganizationMembersResponse() *DescribeOrganizationMembersResponse {
	return &DescribeOrganizationMembersResponse{BaseResponse: &tchttp.BaseResponse{}}
}

// DescribeOrganizationMembers reads one page of members. Every failure is
// returned as *tencentapi.Error.
func (c *Client) DescribeOrganizationMembers(ctx context.Context, request *DescribeOrganizationMembersRequest) (*DescribeOrganizationMembersResponseParams, error) {
	response := NewDescribeOrganizationMembersResponse()
	if err := c.api.Call(ctx, request, response); err != nil {
		return nil, err
	}
	return response.Response, nil
}
