// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// Default lifetimes STS gives a temporary credential when asked for none.
const (
	DefaultSessionDuration    = 7200
	DefaultMFASessionDuration = 1800
)

// temporary is the credential in an STS exchange's answer.
func temporary(source string, credentials *sts.Credentials, expiredTime *int64) (Value, error) {
	if credentials == nil || credentials.TmpSecretId == nil || credentials.TmpSecretKey == nil ||
		credentials.Token == nil || expiredTime == nil {
		return Value{}, &Error{Source: source, Reason: "STS answered without a complete temporary credential"}
	}
	return Value{
		SecretID:  *credentials.TmpSecretId,
		SecretKey: *credentials.TmpSecretKey,
		Token:     *credentials.Token,
		Expires:   time.Unix(*expiredTime, 0),
	}, nil
}

// stsFailure explains a failed STS action for the source that called it.
// The STS client never quotes a response body, which could hold a
// temporary key and token, and tencentapi never quotes a request's.
func stsFailure(source string, client *sts.Client, action string, err error) error {
	endpoint := client.Endpoint()
	failure := &Error{Source: source, Reason: fmt.Sprintf("STS at %s failed: %v", endpoint, err), Err: err}
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) {
		return failure
	}
	switch callErr.LocalCode() {
	case tencentapi.CodeNetworkError:
		failure.Reason = fmt.Sprintf("STS at %s could not be reached: %s", endpoint, callErr.Message)
		if !callErr.Unsent() {
			failure.Reason = fmt.Sprintf("the connection to STS at %s broke before STS answered: %s", endpoint, callErr.Message)
		}
	case tencentapi.CodeEndpointUnreachable:
		failure.Reason = fmt.Sprintf("STS at %s could not be reached: %s", endpoint, callErr.Message)
		// The verdict's message says how long it was tried.
		return failure
	case tencentapi.CodeTimeout:
		failure.Reason = fmt.Sprintf("STS at %s did not answer within %s", endpoint, callErr.Timeout)
	case tencentapi.CodeHTTPStatus:
		failure.Reason = fmt.Sprintf("STS at %s answered HTTP %d instead of an API response", endpoint, callErr.HTTPStatus)
	case tencentapi.CodeRedirect:
		failure.Reason = fmt.Sprintf("STS at %s: %s", endpoint, callErr.Message)
	case tencentapi.CodeUnreadableResponse:
		failure.Reason = fmt.Sprintf("STS at %s answered %s, but %s", endpoint, action, callErr.Message)
	case tencentapi.CodeMalformedResponse:
		failure.Reason = fmt.Sprintf("STS at %s answered with something that is not %s %s response (%s)", endpoint, article(action), action, callErr.Message)
	case tencentapi.CodeCancelled:
		failure.Reason = fmt.Sprintf("the call to STS at %s was cancelled before STS answered: %s", endpoint, callErr.Message)
		if callErr.Unsent() {
			failure.Reason = fmt.Sprintf("STS at %s was not asked: %s", endpoint, callErr.Message)
		}
	case tencentapi.CodeCredentialError, tencentapi.CodeRequestFailed:
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

// article is the indefinite article for an action's name: an AssumeRole, a
// GetSessionToken.
func article(action string) string {
	if strings.ContainsAny(action[:1], "AEIOU") {
		return "an"
	}
	return "a"
}
