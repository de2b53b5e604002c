// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"fmt"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
)

// SAML exchanges a SAML assertion for a role's temporary credential with
// STS AssumeRoleWithSAML, which is sent unsigned.
type SAML struct {
	STS             *sts.Client
	RoleArn         string
	SessionName     string
	DurationSeconds uint64
	// Assertion is the base64-encoded SAML assertion.
	Assertion string
	// PrincipalArn is the identity provider's resource name.
	PrincipalArn string
}

func (s *SAML) Describe() string {
	return fmt.Sprintf("the role %s assumed with a SAML assertion from %s", s.RoleArn, s.PrincipalArn)
}

func (s *SAML) Retrieve(ctx context.Context) (Value, error) {
	if s.Assertion == "" {
		return Value{}, &Error{Source: s.Describe(), Reason: "no SAML assertion was given"}
	}
	request := sts.NewAssumeRoleWithSAMLRequest()
	duration := s.DurationSeconds
	if duration == 0 {
		duration = DefaultSessionDuration
	}
	request.SAMLAssertion = &s.Assertion
	request.PrincipalArn = &s.PrincipalArn
	request.RoleArn = &s.RoleArn
	request.RoleSessionName = &s.SessionName
	request.DurationSeconds = &duration

	out, err := s.STS.AssumeRoleWithSAML(ctx, request)
	if err != nil {
		return Value{}, stsFailure(s.Describe(), s.STS, sts.ActionAssumeRoleWithSAML, err)
	}
	if out == nil {
		return temporary(s.Describe(), nil, nil)
	}
	return temporary(s.Describe(), out.Credentials, out.ExpiredTime)
}
