// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
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
	// MaxRetries is how many times a transient STS failure is retried.
	MaxRetries int
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
		return Value{}, a.failure(err)
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

// failure explains a failed AssumeRole. For answers the SDK could not
// decode it never uses the SDK's message, which carries the response body,
// and so possibly a temporary key and token.
func (a *AssumeRole) failure(err error) error {
	failure := &Error{Source: a.Describe(), Reason: fmt.Sprintf("STS at %s failed: %v", a.STS.Endpoint(), err)}
	var sdkErr *tcerr.TencentCloudSDKError
	if !errors.As(err, &sdkErr) {
		return failure
	}
	switch sdkErr.Code {
	case "ClientError.NetworkError":
		cause := errors.Unwrap(sdkErr)
		if cause == nil {
			cause = sdkErr
		}
		failure.Reason = fmt.Sprintf("STS at %s could not be reached: %v", a.STS.Endpoint(), cause)
	case "ClientError.HttpStatusCodeError":
		status, _, _ := strings.Cut(strings.TrimPrefix(sdkErr.Message, "Request fail with http status code: "), ",")
		failure.Reason = fmt.Sprintf("STS at %s answered HTTP %s instead of an API response", a.STS.Endpoint(), status)
	case "ClientError.ParseJsonError", "ClientError.IOError":
		_, reason, _ := strings.Cut(sdkErr.Message, "because: ")
		failure.Reason = fmt.Sprintf("STS at %s answered with something that is not an AssumeRole response (%s)", a.STS.Endpoint(), reason)
	default:
		failure.Reason = fmt.Sprintf("STS at %s refused: %s", a.STS.Endpoint(), sdkErr.Message)
		failure.Code, failure.RequestID = sdkErr.Code, sdkErr.RequestId
	}
	return failure
}

// assumeRole calls STS, retrying what the provider's reads retry, up to
// MaxRetries times with the same backoff.
func (a *AssumeRole) assumeRole(ctx context.Context, request *sts.AssumeRoleRequest) (*sts.AssumeRoleResponseParams, error) {
	for attempt := 1; ; attempt++ {
		out, err := a.STS.AssumeRole(ctx, request)
		if err == nil || attempt > a.MaxRetries || !tencentapi.Transient(err) {
			return out, err
		}
		if !tencentapi.Sleep(ctx, tencentapi.DefaultBackoff.Delay(attempt)) {
			return nil, err
		}
	}
}
