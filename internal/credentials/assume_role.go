// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// DefaultSessionDuration is STS's default lifetime for a temporary credential.
const DefaultSessionDuration = 7200

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

	out, err := a.STS.AssumeRole(ctx, request)
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

// failure explains a failed AssumeRole. The STS client never quotes a
// response body, which could hold a temporary key and token.
func (a *AssumeRole) failure(err error) error {
	endpoint := a.STS.Endpoint()
	failure := &Error{Source: a.Describe(), Reason: fmt.Sprintf("STS at %s failed: %v", endpoint, err), Err: err}
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) {
		return failure
	}
	switch callErr.Code {
	case tencentapi.CodeNetworkError:
		failure.Reason = fmt.Sprintf("STS at %s could not be reached: %s", endpoint, callErr.Message)
	case tencentapi.CodeTimeout:
		failure.Reason = fmt.Sprintf("STS at %s did not answer within %s", endpoint, callErr.Timeout)
	case tencentapi.CodeHTTPStatus:
		failure.Reason = fmt.Sprintf("STS at %s answered HTTP %d instead of an API response", endpoint, callErr.HTTPStatus)
	case tencentapi.CodeRedirect:
		failure.Reason = fmt.Sprintf("STS at %s: %s", endpoint, callErr.Message)
	case tencentapi.CodeMalformedResponse:
		failure.Reason = fmt.Sprintf("STS at %s answered with something that is not an AssumeRole response (%s)", endpoint, callErr.Message)
	case tencentapi.CodeCancelled, tencentapi.CodeCredentialError, tencentapi.CodeRequestFailed:
		failure.Reason = fmt.Sprintf("STS at %s was not asked: %s", endpoint, callErr.Message)
	default:
		failure.Reason = fmt.Sprintf("STS at %s refused: %s", endpoint, callErr.Message)
		failure.Code, failure.RequestID = callErr.Code, callErr.RequestID
	}
	if callErr.Attempts > 1 {
		failure.Reason += fmt.Sprintf(", after %d attempts over %s", callErr.Attempts, callErr.Elapsed.Round(time.Millisecond))
	}
	return failure
}
