// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
)

// DefaultSessionDuration is STS's default lifetime for a temporary credential.
const DefaultSessionDuration = 7200

// AssumeRole exchanges a base credential for a role's temporary one with
// STS AssumeRole.
type AssumeRole struct {
	// Base signs the AssumeRole call; STS must have been built with it.
	Base            *Cache
	STS             *sts.Client
	RoleArn         string
	SessionName     string
	DurationSeconds uint64
	// Policy is the JSON policy document; it is URL-encoded as the API requires.
	Policy     string
	ExternalID string
}

func (a *AssumeRole) Describe() string {
	return fmt.Sprintf("the role %s assumed with %s", a.RoleArn, a.Base.Describe())
}

func (a *AssumeRole) Retrieve(ctx context.Context) (Value, error) {
	if err := a.Base.Refresh(ctx); err != nil {
		return Value{}, err
	}
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
	if a.ExternalID != "" {
		request.ExternalId = &a.ExternalID
	}

	out, err := a.assumeRole(ctx, request)
	if err != nil {
		failure := &Error{Source: a.Describe(), Reason: fmt.Sprintf("STS at %s refused: %v", a.STS.Endpoint(), err)}
		var sdkErr *tcerr.TencentCloudSDKError
		if errors.As(err, &sdkErr) {
			failure.Reason = fmt.Sprintf("STS at %s refused: %s", a.STS.Endpoint(), sdkErr.Message)
			failure.Code, failure.RequestID = sdkErr.Code, sdkErr.RequestId
		}
		return Value{}, failure
	}
	if out == nil || out.Credentials == nil || out.Credentials.TmpSecretId == nil || out.Credentials.TmpSecretKey == nil ||
		out.Credentials.Token == nil || out.ExpiredTime == nil {
		return Value{}, &Error{Source: a.Describe(), Reason: "STS answered without a complete temporary credential"}
	}
	return Value{
		SecretID:  *out.Credentials.TmpSecretId,
		SecretKey: *out.Credentials.TmpSecretKey,
		Token:     *out.Credentials.Token,
		Expires:   time.Unix(*out.ExpiredTime, 0),
	}, nil
}

// stsAttempts bounds AssumeRole calls: throttling and temporary failures of
// STS are retried, like the provider's own reads, so that they do not fail
// a run.
const stsAttempts = 4

func (a *AssumeRole) assumeRole(ctx context.Context, request *sts.AssumeRoleRequest) (*sts.AssumeRoleResponseParams, error) {
	for attempt := 1; ; attempt++ {
		out, err := a.STS.AssumeRole(ctx, request)
		if err == nil || attempt == stsAttempts || !transient(err) {
			return out, err
		}
		delay := rand.N(time.Duration(250<<attempt) * time.Millisecond)
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return nil, err
		}
	}
}

func transient(err error) bool {
	var sdkErr *tcerr.TencentCloudSDKError
	if !errors.As(err, &sdkErr) {
		return false
	}
	family, _, _ := strings.Cut(sdkErr.Code, ".")
	switch family {
	case "RequestLimitExceeded", "InternalError", "ServiceUnavailable", "ResourceUnavailable":
		return true
	}
	return sdkErr.Code == "ClientError.NetworkError"
}
