// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package sts

import (
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// AssumeRoleWithSAMLRequest is the action's request. It is sent unsigned:
// the SAML assertion is the caller's only proof of identity.
type AssumeRoleWithSAMLRequest struct {
	*tchttp.BaseRequest

	// The base64-encoded SAML assertion.
	SAMLAssertion *string `json:"SAMLAssertion,omitnil,omitempty" name:"SAMLAssertion"`

	// The identity provider's resource name.
	PrincipalArn *string `json:"PrincipalArn,omitnil,omitempty" name:"PrincipalArn"`

	// The role's resource name.
	RoleArn *string `json:"RoleArn,omitnil,omitempty" name:"RoleArn"`

	// A name for the session, shown in CloudAudit.
	RoleSessionName *string `json:"RoleSessionName,omitnil,omitempty" name:"RoleSessionName"`

	// Lifetime of the temporary credential in seconds, at most 43200; default 7200.
	DurationSeconds *uint64 `json:"DurationSeconds,omitnil,omitempty" name:"DurationSeconds"`
}

// AssumeRoleWithSAMLResponseParams are the action's outputs.
type AssumeRoleWithSAMLResponseParams struct {
	Credentials *Credentials `json:"Credentials,omitnil,omitempty" name:"Credentials"`

	// When the credential expires, in Unix seconds.
	ExpiredTime *int64 `json:"ExpiredTime,omitnil,omitempty" name:"ExpiredTime"`

	// The same instant in ISO 8601.
	Expiration *string `json:"Expiration,omitnil,omitempty" name:"Expiration"`

	RequestId *string `json:"RequestId,omitnil,omitempty" name:"RequestId"`
}

// AssumeRoleWithSAMLResponse is the action's reply envelope.
type AssumeRoleWithSAMLResponse struct {
	*tchttp.BaseResponse
	Response *AssumeRoleWithSAMLResponseParams `json:"Response"`
}

// NewAssumeRoleWithSAMLRequest returns an unsigned request ready for
// Client.AssumeRoleWithSAML.
func NewAssumeRoleWithSAMLRequest() *AssumeRoleWithSAMLRequest {
	request := &AssumeRoleWithSAMLRequest{BaseRequest: &tchttp.BaseRequest{}}
	request.Init().WithApiInfo(Service, APIVersion, ActionAssumeRoleWithSAML)
	request.SetSkipSign(true)
	return request
}

// NewAssumeRoleWithSAMLResponse returns an empty reply to decode into.
func NewAssumeRoleWithSAMLResponse() *AssumeRoleWithSAMLResponse {
	return &AssumeRoleWithSAMLResponse{BaseResponse: &tchttp.BaseResponse{}}
}
