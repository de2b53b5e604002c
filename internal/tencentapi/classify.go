// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

// How what the SDK returned for one attempt becomes an *Error.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
)

// classify turns what the SDK returned for one attempt, nil included, into
// an *Error, or nil for an API response. It is the one place where a
// sensitive client's errors are kept free of its answers, which carry
// secrets: no body, no wrapped error for errors.As to find (the SDK's
// quote the body), and only what reason allows of the text from below.
func classify(err error, ex *exchange, sensitive bool) *Error {
	failure, cause := classifyAttempt(err, ex)
	if failure == nil {
		return nil
	}
	switch text := reason(cause, sensitive); {
	case text == "":
	case failure.Message == "":
		failure.Message = text
	default:
		failure.Message += ": " + text
	}
	if failure.err == nil {
		failure.err = cause
	}
	if sensitive {
		failure.Body, failure.err = "", nil
	}
	return failure
}

// classifyAttempt returns the failure and the error whose text completes
// its message, if any.
func classifyAttempt(err error, ex *exchange) (*Error, error) {
	var (
		redirect *redirectError
		panicked *decodePanic
		sdkErr   *tcerr.TencentCloudSDKError
	)
	switch {
	case err == nil:
		return ex.checkEnvelope(), nil
	case errors.As(err, &redirect):
		return redirected(redirect), nil
	case errors.As(err, &panicked):
		return malformedResponse(ex, "the response could not be decoded", false), panicked
	case !errors.As(err, &sdkErr) && ex.status != 0:
		// The SDK refused an answer that arrived, such as one in a
		// Content-Encoding it does not read; asking again gets the same.
		return unreadableResponse(ex, false), err
	case sdkErr == nil:
		return &Error{Code: CodeRequestFailed, unsent: true, err: err}, err
	case ex.fromAnswer(sdkErr):
		return answered(sdkErr, ex), nil
	case sdkErr.Code == CodeNetworkError:
		return networkFailure(ex, sdkErr)
	case ex.status != 0 && ex.status != http.StatusOK:
		return unexpectedStatus(ex, sdkErr), nil
	case sdkErr.Code == "ClientError.ParseJsonError":
		return unexpectedJSON(ex, sdkErr)
	case ex.status != 0:
		// Any other refusal of the SDK's own (an event stream, say) came
		// after the server answered.
		failure := unreadableResponse(ex, false)
		failure.Message += " (the SDK refused it with " + sdkErr.Code + ")"
		return failure, sdkErr
	}
	return &Error{Code: CodeRequestFailed, unsent: true, err: sdkErr}, sdkErr
}

// reason is the text of what went wrong below the client. A sensitive
// client gets none of the SDK's, which quotes the answer whole (no cut of it
// can be trusted to leave the keys out), and a transport error's with every
// quoted part cut; others get the decoder's reason alone after the SDK's.
func reason(cause error, sensitive bool) string {
	var sdkErr *tcerr.TencentCloudSDKError
	var panicked *decodePanic
	switch {
	case cause == nil:
		return ""
	case errors.As(cause, &sdkErr), errors.As(cause, &panicked):
		if sensitive {
			return ""
		}
		if sdkErr != nil {
			return decoderReason(sdkErr.Message)
		}
		return fmt.Sprint(panicked.Value)
	case sensitive:
		return WithheldReason(cause)
	}
	return transportReason(cause)
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

// answered is the API's own error. The API answers its errors with HTTP
// 200; any other status comes from a gateway or proxy, so the status
// decides, whatever code its body holds: a 502 is worth another attempt.
func answered(sdkErr *tcerr.TencentCloudSDKError, ex *exchange) *Error {
	if ex.status != http.StatusOK {
		return unexpectedStatus(ex, sdkErr)
	}
	family, _, _ := strings.Cut(sdkErr.Code, ".")
	return &Error{
		Code:       sdkErr.Code,
		Message:    sdkErr.Message,
		RequestID:  sdkErr.RequestId,
		HTTPStatus: ex.status,
		retryable:  RetryableCode(sdkErr.Code),
		// Authentication and throttling are refused before the API acts.
		unsent:  family == "AuthFailure" || throttled(sdkErr.Code),
		fromAPI: true,
		err:     sdkErr,
	}
}

// fromAnswer reports whether sdkErr is the error the answer's body holds,
// rather than one of the SDK's own with the same code.
func (ex *exchange) fromAnswer(sdkErr *tcerr.TencentCloudSDKError) bool {
	var body struct {
		Response struct {
			Error struct{ Code, Message string }
		}
		Code     int    `json:"code"`
		Message  string `json:"message"`
		CodeDesc string `json:"codeDesc"`
	}
	if ex.status == 0 || json.Unmarshal(ex.responseBody, &body) != nil {
		return false
	}
	if e := body.Response.Error; e.Code != "" {
		return e.Code == sdkErr.Code && e.Message == sdkErr.Message
	}
	// The SDK also reads the older API's error format.
	return body.Code != 0 && body.CodeDesc == sdkErr.Code && body.Message == sdkErr.Message
}

// networkFailure is a request whose answer did not arrive whole. Only one
// that failed while connecting was not sent; once anything of an answer
// arrived (even one that is not HTTP), the server may have acted on it.
func networkFailure(ex *exchange, sdkErr *tcerr.TencentCloudSDKError) (*Error, error) {
	cause := errors.Unwrap(sdkErr)
	if cause == nil {
		cause = sdkErr
	}
	retryable := !PermanentNetworkError(cause) && !errors.Is(cause, errAnswerTooLarge)
	if ex.status != 0 || ex.progress.Answered() {
		return unreadableResponse(ex, retryable), cause
	}
	return &Error{Code: CodeNetworkError, retryable: retryable, unsent: ex.progress.NothingSent(cause), refused: ex.progress.neverConnected(cause), err: cause}, cause
}

// unexpectedStatus is an answer with a status other than 200, from a
// gateway or proxy: a 5xx or 429 is passing.
func unexpectedStatus(ex *exchange, sdkErr *tcerr.TencentCloudSDKError) *Error {
	return &Error{
		Code:       CodeHTTPStatus,
		Message:    fmt.Sprintf("the endpoint answered with HTTP status %d instead of an API response", ex.status),
		HTTPStatus: ex.status,
		Body:       quote(ex.responseBody),
		retryable:  ex.status >= 500 || ex.status == 429,
		err:        sdkErr,
	}
}

// unexpectedJSON explains an answer the SDK could not decode. A gateway's
// page is passing; a well-formed JSON document of the wrong shape will not
// improve by asking again. A body that ended with its connection may have
// been cut short there, which is an answer that could not be read.
func unexpectedJSON(ex *exchange, sdkErr *tcerr.TencentCloudSDKError) (*Error, error) {
	switch {
	case json.Valid(ex.responseBody):
		return malformedResponse(ex, "the response JSON does not have the documented shape", false), sdkErr
	case ex.closeDelimited:
		failure := unreadableResponse(ex, true)
		failure.Message += ": it ended when the connection closed, before it was whole JSON, so it may have been cut short"
		return failure, nil
	}
	return malformedResponse(ex, "the response is not valid JSON: it is cut short or not JSON at all", true), nil
}

// unreadableResponse is an answer that arrived, in part at least, but could
// not be read. The server may have acted on the request, so it never
// counts as unsent.
func unreadableResponse(ex *exchange, retryable bool) *Error {
	return &Error{
		Code:       CodeUnreadableResponse,
		Message:    "the answer could not be read",
		HTTPStatus: ex.status,
		retryable:  retryable,
	}
}

func redirected(redirect *redirectError) *Error {
	return &Error{
		Code:         CodeRedirect,
		Message:      "the endpoint answered with an " + redirect.Error() + ", which is not followed so that no credential is sent elsewhere",
		HTTPStatus:   redirect.Status,
		RedirectHost: redirect.Host,
		err:          redirect,
	}
}
