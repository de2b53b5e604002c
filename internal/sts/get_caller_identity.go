// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package sts

import (
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// GetCallerIdentityRequest is the action's request; it has no inputs, the
// signature says whose identity is asked for.
type GetCallerIdentityRequest struct {
	*tchttp.BaseRequest
}

// GetCallerIdentityResponseParams are the action's outputs.
type GetCallerIdentityResponseParams struct {
	// The caller's resource name.
	Arn *string `json:"Arn,omitnil,omitempty" name:"Arn"`

	// The main account's UIN.
	AccountId *string `json:"AccountId,omitnil,omitempty" name:"AccountId"`

	// The caller's identity: a sub-user's UIN, or the role's ID and session name.
	UserId *string `json:"UserId,omitnil,omitempty" name:"UserId"`

	// The UIN of the account that owns the key.
	PrincipalId *string `json:"PrincipalId,omitnil,omitempty" name:"PrincipalId"`

	// The kind of identity the caller is.
	Type *string `json:"Type,omitnil,omitempty" name:"Type"`

	RequestId *string `json:"RequestId,omitnil,omitempty" name:"RequestId"`
}

// GetCallerIdentityResponse is the action's reply envelope.
type GetCallerIdentityResponse struct {
	*tchttp.BaseResponse
	Response *GetCallerIdentityResponseParams `json:"Response"`
}

// NewGetCallerIdentityRequest returns a request ready for Client.GetCallerIdentity.
func NewGetCallerIdentityRequest() *GetCallerIdentityRequest {
	request := &GetCallerIdentityRequest{BaseRequest: &tchttp.BaseRequest{}}
	request.Init().WithApiInfo(Service, APIVersion, ActionGetCallerIdentity)
	return request
}

// NewGetCallerIdentityResponse returns an empty reply to decode into.
func NewGetCallerIdentityResponse() *GetCallerIdentityResponse {
	return &GetCallerIdentityResponse{BaseResponse: &tchttp.BaseResponse{}}
}
