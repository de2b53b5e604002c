// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package sts

import (
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// GetSessionTokenRequest is the action's request, signed with the key that
// the MFA code certifies.
type GetSessionTokenRequest struct {
	*tchttp.BaseRequest

	// The MFA device, qcs::cam:uin/<ownerUin>::mfa/softToken.
	SerialNumber *string `json:"SerialNumber,omitnil,omitempty" name:"SerialNumber"`

	// The device's current code, which STS accepts only once.
	TokenCode *string `json:"TokenCode,omitnil,omitempty" name:"TokenCode"`

	// Lifetime of the temporary credential in seconds; default 1800, at
	// most 7200 for a root account and 129600 for a sub-user.
	DurationSeconds *int64 `json:"DurationSeconds,omitnil,omitempty" name:"DurationSeconds"`
}

// GetSessionTokenResponseParams are the action's outputs.
type GetSessionTokenResponseParams struct {
	Credentials *Credentials `json:"Credentials,omitnil,omitempty" name:"Credentials"`

	// When the credential expires, in Unix seconds.
	ExpiredTime *int64 `json:"ExpiredTime,omitnil,omitempty" name:"ExpiredTime"`

	// The same instant in ISO 8601.
	Expiration *string `json:"Expiration,omitnil,omitempty" name:"Expiration"`

	RequestId *string `json:"RequestId,omitnil,omitempty" name:"RequestId"`
}

// GetSessionTokenResponse is the action's reply envelope.
type GetSessionTokenResponse struct {
	*tchttp.BaseResponse
	Response *GetSessionTokenResponseParams `json:"Response"`
}

// NewGetSessionTokenRequest returns a request ready for Client.GetSessionToken.
func NewGetSessionTokenRequest() *GetSessionTokenRequest {
	request := &GetSessionTokenRequest{BaseRequest: &tchttp.BaseRequest{}}
	request.Init().WithApiInfo(Service, APIVersion, ActionGetSessionToken)
	return request
}

// NewGetSessionTokenResponse returns an empty reply to decode into.
func NewGetSessionTokenResponse() *GetSessionTokenResponse {
	return &GetSessionTokenResponse{BaseResponse: &tchttp.BaseResponse{}}
}

// SpendsCode reports that the request carries a single-use MFA code, which
// tencentapi then does not send again after an attempt STS may have acted on.
func (r *GetSessionTokenRequest) SpendsCode() bool {
	return r.TokenCode != nil && *r.TokenCode != ""
}
