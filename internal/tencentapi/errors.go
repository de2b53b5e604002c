// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Client-side error codes, in the SDK's ClientError family, for failures
// that have no API error code.
const (
	CodeNetworkError      = "ClientError.NetworkError"
	CodeTimeout           = "ClientError.Timeout"
	CodeCancelled         = "ClientError.Cancelled"
	CodeHTTPStatus        = "ClientError.HttpStatusCodeError"
	CodeMalformedResponse = "ClientError.MalformedResponse"
	// CodeUnreadableResponse is an answer that arrived but could not be
	// read, so the server may have acted on the request.
	CodeUnreadableResponse = "ClientError.UnreadableResponse"
	CodeRequestFailed      = "ClientError.RequestFailed"
	CodeCredentialError    = "ClientError.CredentialError"
	CodeRedirect           = "ClientError.Redirect"
	// CodeEndpointUnreachable is a call ended because the client took its
	// endpoint for down (see Outage); Error.Outage says why.
	CodeEndpointUnreachable = "ClientError.EndpointUnreachable"
)

// bodyQuoteLength is how much of an unexpected response an error quotes.
const bodyQuoteLength = 200

// Error is a failed call: the API's error, or what went wrong on the way.
type Error struct {
	// Code is the API error code, or one of the Code* constants.
	Code      string
	Message   string
	RequestID string

	// HTTPStatus is the status of the last response, zero when none arrived.
	HTTPStatus int
	// Body quotes the start of a response that was not the documented shape.
	Body string
	// Timeout is the per-attempt limit the last attempt ran into, if it did.
	Timeout time.Duration
	// RedirectHost is where a refused redirect pointed (CodeRedirect): the
	// host only, since the URL's query could carry secrets.
	RedirectHost string

	// Attempts made and the time from the first to the end of the last.
	Attempts int
	Elapsed  time.Duration

	// Outage is why the endpoint was taken for down (CodeEndpointUnreachable).
	Outage *Outage

	retryable bool
	// unsent is set where the failure is known not to have been acted on:
	// the request never left (no connection, no credential), or the API
	// refused it before acting (authentication, throttling). It is never
	// read from a code, since an answer can carry any code.
	unsent bool
	// fromAPI is set when Code is the API's, from an answer's Error object,
	// even one in the ClientError family that this client uses for its own.
	fromAPI bool
	// refused is a connection that was not made: refused, or a name that
	// did not resolve. Only these count toward taking the endpoint for down.
	refused bool
	err     error
}

// Unsent reports whether the request is known not to have been acted on.
// Only then may a request that spends a single-use code be sent again.
func (e *Error) Unsent() bool { return e.unsent }

// LocalCode is Code when it is one of the Code* constants, set by this
// client, and empty when Code is the API's own, so that an answer's
// "ClientError.NetworkError", say, is not taken for a network failure.
func (e *Error) LocalCode() string {
	if e.fromAPI {
		return ""
	}
	return e.Code
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", e.Code, e.Message)
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (RequestId %s)", e.RequestID)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts over %s", e.Attempts, e.Elapsed.Round(time.Millisecond))
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.err }

// NotConnected reports whether the last attempt could not connect: refused,
// or a name that did not resolve. Retrying longer seldom fixes that.
func (e *Error) NotConnected() bool { return e.refused }

// Retryable reports whether the failure was of a kind that is retried; with
// Attempts > 1 it means the retries were used up.
func (e *Error) Retryable() bool { return e.retryable }

func malformedResponse(ex *exchange, message string, retryable bool) *Error {
	return &Error{
		Code:       CodeMalformedResponse,
		Message:    message,
		HTTPStatus: ex.status,
		Body:       quote(ex.responseBody),
		retryable:  retryable,
	}
}

func quote(body []byte) string {
	s := strings.ToValidUTF8(string(body), "\uFFFD")
	if len(s) > bodyQuoteLength {
		return strings.ToValidUTF8(s[:bodyQuoteLength], "") + "…"
	}
	return s
}

// cancelled reports a call ended by its context; waitErr is the pacer's
// refusal to wait when the context ended.
func cancelled(ctx context.Context, waitErr error) *Error {
	cause := context.Cause(ctx)
	if cause == nil {
		cause = waitErr
	}
	return &Error{Code: CodeCancelled, Message: "the call was cancelled: " + cause.Error(), err: cause}
}

// timedOut reports an attempt that ran out of time; it was unsent if it
// timed out while connecting.
func timedOut(timeout time.Duration, last *Error) *Error {
	return &Error{
		Code:       CodeTimeout,
		Message:    fmt.Sprintf("no complete response within %s", timeout),
		HTTPStatus: last.HTTPStatus,
		Timeout:    timeout,
		retryable:  true,
		unsent:     last.unsent,
		err:        last,
	}
}
