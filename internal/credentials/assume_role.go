// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"fmt"
	"net/url"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
)

// AssumeRole exchanges a base credential for a role's temporary one with
// STS AssumeRole.
type AssumeRole struct {
	// Base signs the AssumeRole call; STS must have been built with it, and
	// with the retry settings of the provider's reads.
	Base            *Cache
	STS             *sts.Client
	RoleArn         string
	SessionName     string
	DurationSeconds uint64
	// Policy is the JSON policy document; it is URL-encoded as the API requires.
	Policy         string
	ExternalID     string
	SourceIdentity string
	// SerialNumber and TokenCode answer a role that requires MFA. A
	// TokenCode is single-use, so the role is then assumed once per run.
	SerialNumber string
	TokenCode    string

	once singleUse
}

func (a *AssumeRole) Describe() string {
	return fmt.Sprintf("the role %s assumed with %s", a.RoleArn, a.Base.Describe())
}

// Retrieve refreshes the base credential first, outside the single-use
// guard: a base that fails has sent no code.
func (a *AssumeRole) Retrieve(ctx context.Context) (Value, error) {
	if err := a.Base.Refresh(ctx); err != nil {
		return Value{}, err
	}
	if a.TokenCode != "" {
		return a.once.do(ctx, a.Describe(), a.assume)
	}
	return a.assume(ctx)
}

func (a *AssumeRole) assume(ctx context.Context) (Value, error) {
	request := sts.NewAssumeRoleRequest()
	request.RoleArn = &a.RoleArn
	request.RoleSessionName = &a.SessionName
	duration := a.DurationSeconds
	if duration == 0 {
		duration = DefaultSessionDuration
	}
	request.DurationSeconds = &duration
	if a.Policy != "" {
		encoded := url.QueryEscape(a.Policy)
		request.Policy = &encoded
	}
	request.ExternalId = optional(a.ExternalID)
	request.SourceIdentity = optional(a.SourceIdentity)
	request.SerialNumber = optional(a.SerialNumber)
	request.TokenCode = optional(a.TokenCode)

	out, err := a.STS.AssumeRole(ctx, request)
	if err != nil {
		return Value{}, stsFailure(a.Describe(), a.STS, sts.ActionAssumeRole, err)
	}
	if out == nil {
		return temporary(a.Describe(), nil, nil)
	}
	return temporary(a.Describe(), out.Credentials, out.ExpiredTime)
}

// optional is s for a request field the API wants left out when empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
