// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
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

	retryable bool
	// unsent is set when the request cannot have reached the server: no
	// connection was made, or it was never sent.
	unsent bool
	err    error
}

// Unsent reports whether the request is known not to have been acted on:
// it never reached the server, or the server refused it before acting on
// it (authentication, throttling). Only then may a request that spends a
// single-use code be sent again.
func (e *Error) Unsent() bool {
	family, _, _ := strings.Cut(e.Code, ".")
	return e.unsent || family == "AuthFailure" || throttled(e.Code) ||
		e.Code == CodeCredentialError || e.Code == CodeRequestFailed
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

// Retryable reports whether the failure was of a kind that is retried; with
// Attempts > 1 it means the retries were used up.
func (e *Error) Retryable() bool { return e.retryable }

// classify turns what the SDK returned for one attempt into an *Error.
// A sensitive client's answers carry secrets, so its errors never quote
// the SDK's reason, which may quote the answer.
func classify(err error, ex *exchange, sensitive bool) *Error {
	var redirect *redirectError
	if errors.As(err, &redirect) {
		return &Error{
			Code:         CodeRedirect,
			Message:      "the endpoint answered with an " + redirect.Error() + ", which is not followed so that no credential is sent elsewhere",
			HTTPStatus:   redirect.Status,
			RedirectHost: redirect.Host,
			err:          redirect,
		}
	}
	var sdkErr *tcerr.TencentCloudSDKError
	if !errors.As(err, &sdkErr) {
		if ex.status != 0 {
			// The SDK refused an answer that arrived, such as one in a
			// Content-Encoding it does not read; asking again gets the same.
			return unreadableResponse(ex, err, false)
		}
		return &Error{Code: CodeRequestFailed, Message: err.Error(), err: err}
	}
	switch sdkErr.Code {
	case "ClientError.NetworkError":
		cause := err
		if inner := errors.Unwrap(sdkErr); inner != nil {
			cause = inner
		}
		if ex.status != 0 {
			// The body broke off or did not decompress: a passing fault,
			// but one that came after the server answered.
			return unreadableResponse(ex, cause, !PermanentNetworkError(cause))
		}
		return &Error{Code: CodeNetworkError, Message: cause.Error(), retryable: !PermanentNetworkError(cause), unsent: dialFailed(cause), err: err}
	case "ClientError.ParseJsonError", "ClientError.HttpStatusCodeError", "ClientError.IOError":
		return unexpectedResponse(sdkErr, ex, sensitive)
	}
	// The API answers its errors with HTTP 200. Any other status comes from
	// a gateway or proxy, so the status decides, whatever error code the SDK
	// read from its body: a 502 is worth another attempt.
	if ex.status != 0 && ex.status != http.StatusOK {
		return unexpectedResponse(sdkErr, ex, sensitive)
	}
	return &Error{
		Code:       sdkErr.Code,
		Message:    sdkErr.Message,
		RequestID:  sdkErr.RequestId,
		HTTPStatus: ex.status,
		retryable:  RetryableCode(sdkErr.Code),
		err:        err,
	}
}

// unexpectedResponse explains a response the SDK could not decode. Gateway
// pages and 5xx statuses are passing conditions; a well-formed JSON
// document of the wrong shape will not improve by asking again.
func unexpectedResponse(sdkErr *tcerr.TencentCloudSDKError, ex *exchange, sensitive bool) *Error {
	if ex.status != 0 && ex.status != http.StatusOK {
		return &Error{
			Code:       CodeHTTPStatus,
			Message:    fmt.Sprintf("the endpoint answered with HTTP status %d instead of an API response", ex.status),
			HTTPStatus: ex.status,
			Body:       quote(ex.responseBody),
			retryable:  ex.status >= 500 || ex.status == 429,
			err:        sdkErr,
		}
	}
	if !json.Valid(ex.responseBody) {
		return malformedResponse(ex, "the response is not valid JSON: it is cut short or not JSON at all", true)
	}
	const wrongShape = "the response JSON does not have the documented shape"
	if sensitive {
		return malformedResponse(ex, wrongShape, false)
	}
	return malformedResponse(ex, wrongShape+": "+decoderReason(sdkErr.Message), false)
}

// decoderReason is the decoder's complaint that ends the SDK's message
// "Fail to parse json content: <body>, because: <reason>". The body may
// hold the separator too, but the decoder's reason does not, so the last
// one is the SDK's.
func decoderReason(message string) string {
	const separator = ", because: "
	if i := strings.LastIndex(message, separator); i >= 0 {
		return message[i+len(separator):]
	}
	return message
}

// unreadableResponse is an answer that arrived but could not be read. The
// server may have acted on the request, so it never counts as unsent.
func unreadableResponse(ex *exchange, cause error, retryable bool) *Error {
	// The URL the http.Client names adds nothing to the endpoint that
	// messages name already.
	var urlErr *url.Error
	if errors.As(cause, &urlErr) {
		cause = urlErr.Err
	}
	return &Error{
		Code:       CodeUnreadableResponse,
		Message:    "the answer could not be read: " + cause.Error(),
		HTTPStatus: ex.status,
		retryable:  retryable,
		err:        cause,
	}
}

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

// cancelled reports a call ended by its context; waitErr is the rate
// limiter's refusal when the context's deadline is too near to wait.
func cancelled(ctx context.Context, waitErr error) *Error {
	cause := context.Cause(ctx)
	if cause == nil {
		cause = waitErr
	}
	return &Error{Code: CodeCancelled, Message: "the call was cancelled: " + cause.Error(), err: cause}
}

func timedOut(timeout time.Duration, last *Error) *Error {
	return &Error{
		Code:       CodeTimeout,
		Message:    fmt.Sprintf("no complete response within %s", timeout),
		HTTPStatus: last.HTTPStatus,
		Timeout:    timeout,
		retryable:  true,
		err:        last,
	}
}

// dialFailed recognises a network failure before any byte of the request
// was sent: the host was not found or the connection was not made.
func dialFailed(err error) bool {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	return errors.As(err, &dnsErr) || (errors.As(err, &opErr) && opErr.Op == "dial")
}
