// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package sts

import (
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// AssumeRoleRequest is the action's request, signed with the caller's credential.
type AssumeRoleRequest struct {
	*tchttp.BaseRequest

	// The role's resource name, such as qcs::cam::uin/100000000001:roleName/auditor.
	RoleArn *string `json:"RoleArn,omitnil,omitempty" name:"RoleArn"`

	// A name for the session, shown in CloudAudit.
	RoleSessionName *string `json:"RoleSessionName,omitnil,omitempty" name:"RoleSessionName"`

	// Lifetime of the temporary credential in seconds, 0 to 43200.
	DurationSeconds *uint64 `json:"DurationSeconds,omitnil,omitempty" name:"DurationSeconds"`

	// A URL-encoded policy further limiting the temporary credential.
	Policy *string `json:"Policy,omitnil,omitempty" name:"Policy"`

	// The external ID the role's trust policy may require.
	ExternalId *string `json:"ExternalId,omitnil,omitempty" name:"ExternalId"`

	// Session tags, at most 50.
	Tags []*Tag `json:"Tags,omitnil,omitempty" name:"Tags"`

	// The caller's identity (a UIN), which the role's trust policy may require.
	SourceIdentity *string `json:"SourceIdentity,omitnil,omitempty" name:"SourceIdentity"`

	// The MFA device, qcs::cam:uin/<ownerUin>::mfa/softToken, when the role requires MFA.
	SerialNumber *string `json:"SerialNumber,omitnil,omitempty" name:"SerialNumber"`

	// The device's current code, which STS accepts only once.
	TokenCode *string `json:"TokenCode,omitnil,omitempty" name:"TokenCode"`
}

// Tag is a session tag.
type Tag struct {
	Key   *string `json:"Key,omitnil,omitempty" name:"Key"`
	Value *string `json:"Value,omitnil,omitempty" name:"Value"`
}

// AssumeRoleResponseParams are the action's outputs.
type AssumeRoleResponseParams struct {
	Credentials *Credentials `json:"Credentials,omitnil,omitempty" name:"Credentials"`

	// When the credential expires, in Unix seconds.
	ExpiredTime *int64 `json:"ExpiredTime,omitnil,omitempty" name:"ExpiredTime"`

	// The same instant in ISO 8601.
	Expiration *string `json:"Expiration,omitnil,omitempty" name:"Expiration"`

	RequestId *string `json:"RequestId,omitnil,omitempty" name:"RequestId"`
}

// AssumeRoleResponse is the action's reply envelope.
type AssumeRoleResponse struct {
	*tchttp.BaseResponse
	Response *AssumeRoleResponseParams `json:"Response"`
}

// NewAssumeRoleRequest returns a request ready for Client.AssumeRole.
func NewAssumeRoleRequest() *AssumeRoleRequest {
	request := &AssumeRoleRequest{BaseRequest: &tchttp.BaseRequest{}}
	request.Init().WithApiInfo(Service, APIVersion, ActionAssumeRole)
	return request
}

// NewAssumeRoleResponse returns an empty reply to decode into.
func NewAssumeRoleResponse() *AssumeRoleResponse {
	return &AssumeRoleResponse{BaseResponse: &tchttp.BaseResponse{}}
}

// SpendsCode reports that the request carries a single-use MFA code, which
// tencentapi then does not send again after an attempt STS may have acted on.
func (r *AssumeRoleRequest) SpendsCode() bool {
	return r.TokenCode != nil && *r.TokenCode != ""
}
