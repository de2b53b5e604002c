// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package sts

import (
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// Written in the style of the SDK's generated sts package, which is not
// available to us, for the one action the provider needs.

// AssumeRoleRequest is the action's request.
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
}

// Credentials is a temporary credential.
type Credentials struct {
	Token        *string `json:"Token,omitnil,omitempty" name:"Token"`
	TmpSecretId  *string `json:"TmpSecretId,omitnil,omitempty" name:"TmpSecretId"`
	TmpSecretKey *string `json:"TmpSecretKey,omitnil,omitempty" name:"TmpSecretKey"`
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

// NewAssumeRoleRequest returns a request ready for common.Client.Send.
func NewAssumeRoleRequest() *AssumeRoleRequest {
	request := &AssumeRoleRequest{BaseRequest: &tchttp.BaseRequest{}}
	request.Init().WithApiInfo(Service, APIVersion, ActionAssumeRole)
	return request
}

// NewAssumeRoleResponse returns an empty reply to decode into.
func NewAssumeRoleResponse() *AssumeRoleResponse {
	return &AssumeRoleResponse{BaseResponse: &tchttp.BaseResponse{}}
}
