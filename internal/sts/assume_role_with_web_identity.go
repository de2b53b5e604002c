// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package sts

import (
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// AssumeRoleWithWebIdentityRequest is the action's request. It is sent
// unsigned: the OIDC token is the caller's only proof of identity.
type AssumeRoleWithWebIdentityRequest struct {
	*tchttp.BaseRequest

	// The identity provider's name in CAM, such as OIDC.
	ProviderId *string `json:"ProviderId,omitnil,omitempty" name:"ProviderId"`

	// The OIDC token the identity provider issued.
	WebIdentityToken *string `json:"WebIdentityToken,omitnil,omitempty" name:"WebIdentityToken"`

	// The role's resource name.
	RoleArn *string `json:"RoleArn,omitnil,omitempty" name:"RoleArn"`

	// A name for the session, shown in CloudAudit.
	RoleSessionName *string `json:"RoleSessionName,omitnil,omitempty" name:"RoleSessionName"`

	// Lifetime of the temporary credential in seconds, at most 43200; default 7200.
	DurationSeconds *int64 `json:"DurationSeconds,omitnil,omitempty" name:"DurationSeconds"`
}

// AssumeRoleWithWebIdentityResponseParams are the action's outputs.
type AssumeRoleWithWebIdentityResponseParams struct {
	// When the credential expires, in Unix seconds.
	ExpiredTime *int64 `json:"ExpiredTime,omitnil,omitempty" name:"ExpiredTime"`

	// The same instant in ISO 8601.
	Expiration *string `json:"Expiration,omitnil,omitempty" name:"Expiration"`

	Credentials *Credentials `json:"Credentials,omitnil,omitempty" name:"Credentials"`

	RequestId *string `json:"RequestId,omitnil,omitempty" name:"RequestId"`
}

// AssumeRoleWithWebIdentityResponse is the action's reply envelope.
type AssumeRoleWithWebIdentityResponse struct {
	*tchttp.BaseResponse
	Response *AssumeRoleWithWebIdentityResponseParams `json:"Response"`
}

// NewAssumeRoleWithWebIdentityRequest returns an unsigned request ready for
// Client.AssumeRoleWithWebIdentity.
func NewAssumeRoleWithWebIdentityRequest() *AssumeRoleWithWebIdentityRequest {
	request := &AssumeRoleWithWebIdentityRequest{BaseRequest: &tchttp.BaseRequest{}}
	request.Init().WithApiInfo(Service, APIVersion, ActionAssumeRoleWithWebIdentity)
	request.SetSkipSign(true)
	return request
}

// NewAssumeRoleWithWebIdentityResponse returns an empty reply to decode into.
func NewAssumeRoleWithWebIdentityResponse() *AssumeRoleWithWebIdentityResponse {
	return &AssumeRoleWithWebIdentityResponse{BaseResponse: &tchttp.BaseResponse{}}
}
