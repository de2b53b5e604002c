// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
	"context"

	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// Written in the style of the SDK's generated product packages (the product
// module is not available to us), so that switching to it later is a rename.

// ActionDescribeOrganizationMemberEmailBind reads one member's email binding.
const ActionDescribeOrganizationMemberEmailBind = "DescribeOrganizationMemberEmailBind"

// CodeMemberNotExist answers a MemberUin that is not a member of the
// caller's organization, such as one that has left it.
const CodeMemberNotExist = "ResourceNotFound.OrganizationMemberNotExist"

// DescribeOrganizationMemberEmailBindRequest is the action's request; the
// embedded BaseRequest carries the service, version and action names.
type DescribeOrganizationMemberEmailBindRequest struct {
	*tchttp.BaseRequest

	// Member uin.
	MemberUin *int64 `json:"MemberUin,omitnil,omitempty" name:"MemberUin"`
}

// DescribeOrganizationMemberEmailBindResponseParams are the action's outputs.
// Every field is a pointer because the API may leave any of them out.
type DescribeOrganizationMemberEmailBindResponseParams struct {
	// Bound ID.
	BindId *uint64 `json:"BindId,omitnil,omitempty" name:"BindId"`

	// Application time, "YYYY-MM-DD HH:MM:SS".
	ApplyTime *string `json:"ApplyTime,omitnil,omitempty" name:"ApplyTime"`

	// Email address.
	Email *string `json:"Email,omitnil,omitempty" name:"Email"`

	// Verification mobile number, masked.
	Phone *string `json:"Phone,omitnil,omitempty" name:"Phone"`

	// Binding status: Unbound, Valid, Success or Failed.
	BindStatus *string `json:"BindStatus,omitnil,omitempty" name:"BindStatus"`

	// Binding time, "YYYY-MM-DD HH:MM:SS".
	BindTime *string `json:"BindTime,omitnil,omitempty" name:"BindTime"`

	// Failure description.
	Description *string `json:"Description,omitnil,omitempty" name:"Description"`

	// Verification mobile number binding status: 0 unbound, 1 bound.
	PhoneBind *uint64 `json:"PhoneBind,omitnil,omitempty" name:"PhoneBind"`

	// International area code.
	CountryCode *string `json:"CountryCode,omitnil,omitempty" name:"CountryCode"`

	// The unique request ID, returned for every request.
	RequestId *string `json:"RequestId,omitnil,omitempty" name:"RequestId"`
}

// DescribeOrganizationMemberEmailBindResponse is the action's reply envelope.
type DescribeOrganizationMemberEmailBindResponse struct {
	*tchttp.BaseResponse
	Response *DescribeOrganizationMemberEmailBindResponseParams `json:"Response"`
}

// NewDescribeOrganizationMemberEmailBindRequest returns a request ready for common.Client.Send.
func NewDescribeOrganizationMemberEmailBindRequest() *DescribeOrganizationMemberEmailBindRequest {
	request := &DescribeOrganizationMemberEmailBindRequest{BaseRequest: &tchttp.BaseRequest{}}
	request.Init().WithApiInfo(Service, APIVersion, ActionDescribeOrganizationMemberEmailBind)
	return request
}

// NewDescribeOrganizationMemberEmailBindResponse returns an empty reply to decode into.
func NewDescribeOrganizationMemberEmailBindResponse() *DescribeOrganizationMemberEmailBindResponse {
	return &DescribeOrganizationMemberEmailBindResponse{BaseResponse: &tchttp.BaseResponse{}}
}

// DescribeOrganizationMemberEmailBind reads a member's email binding record.
// Every failure is returned as *tencentapi.Error.
func (c *Client) DescribeOrganizationMemberEmailBind(ctx context.Context, memberUin int64) (*DescribeOrganizationMemberEmailBindResponseParams, error) {
	request := NewDescribeOrganizationMemberEmailBindRequest()
	request.MemberUin = &memberUin
	response := NewDescribeOrganizationMemberEmailBindResponse()
	if err := c.api.Call(ctx, request, response); err != nil {
		return nil, err
	}
	return response.Response, nil
}
