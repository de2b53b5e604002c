// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// maxResponseBytes bounds what is read of a response; the largest replies,
// pages of 50 organization members, are tens of kilobytes.
const maxResponseBytes = 1 << 20

// errAnswerTooLarge is an answer longer than maxResponseBytes, which is
// refused whole: cut at the limit, it would read as JSON cut short.
var errAnswerTooLarge = errors.New("the answer is longer than 1 MiB, more than any API response")

// exchange is what one attempt sent and received, captured below the SDK
// so that errors can quote bodies and logs can show them. Headers, which
// carry the signature and token, are never captured.
type exchange struct {
	status       int
	requestBody  []byte
	responseBody []byte
	requestID    string
	// progress is how far the request got, for failures before an answer.
	progress *Progress
	// closeDelimited is an HTTP/1 body without a length, which ends when
	// the connection closes, so one cut short looks complete.
	closeDelimited bool
	// took is how long the attempt took.
	took time.Duration
}

// answered reports whether anything came back from the endpoint for an
// attempt that ended with failure (nil for success): the endpoint is up.
func (ex *exchange) answered(failure *Error) bool {
	return failure == nil || ex.status != 0 || ex.progress.Answered() || failure.fromAPI ||
		failure.HTTPStatus != 0 || failure.Code == CodeRedirect
}

// newExchange returns an exchange and ctx with it and its progress hooks;
// onConnected, if set, is told of the request's first connection.
func newExchange(ctx context.Context, onConnected func(fresh bool)) (context.Context, *exchange) {
	ex := &exchange{}
	ctx, ex.progress = traceProgress(ctx, onConnected)
	return context.WithValue(ctx, exchangeKey{}, ex), ex
}

type exchangeKey struct{}

type recordingTransport struct {
	base http.RoundTripper
}

// redirectError is a 3xx answer, which is never followed: the SDK's
// http.Client would follow it to any host, https to http included, with the
// X-TC-Token and signature headers, and take the other host's answer as the
// API's. Returning an error from RoundTrip is what stops the client.
type redirectError struct {
	Status int
	// Host is the Location's host; never the whole URL, whose query could
	// carry secrets. Empty when the answer had no usable Location.
	Host string
}

func (e *redirectError) Error() string {
	if e.Host == "" {
		return fmt.Sprintf("HTTP %d redirect without a usable Location", e.Status)
	}
	return fmt.Sprintf("HTTP %d redirect to the host %s", e.Status, e.Host)
}

func (t recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ex, _ := req.Context().Value(exchangeKey{}).(*exchange)
	if ex == nil {
		return refuseRedirect(t.base.RoundTrip(req))
	}
	req = req.Clone(req.Context())
	// Asked for by name, gzip is left for readAnswer to decode, which caps
	// the compressed answer as well as the decoded one; Go's transparent
	// decoding would read an endless compressed stream until the timeout.
	req.Header.Set("Accept-Encoding", "gzip")
	if req.Body != nil && req.Body != http.NoBody {
		body, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		ex.requestBody = body
		req.Body = io.NopCloser(bytes.NewReader(body))
		// Without GetBody, Go's HTTP/2 client cannot send the body again by
		// itself after a stream reset; only Call retries, and Call knows
		// whether the request carries a single-use code.
		req.GetBody = nil
	}
	resp, err := refuseRedirect(t.base.RoundTrip(req))
	if err != nil {
		return nil, err
	}
	ex.status = resp.StatusCode
	ex.closeDelimited = resp.ProtoMajor == 1 && resp.ContentLength < 0 && len(resp.TransferEncoding) == 0 && !resp.Uncompressed
	// Reading here turns a connection dropped mid-body into a network
	// error, which is retried, rather than a parse error, which is not.
	body, err := readAnswer(resp)
	if err != nil {
		return nil, err
	}
	ex.responseBody = body
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// readAnswer reads a response's body whole, undoing a Content-Encoding that
// Go's transport left in place, so that one that does not decode is an
// answer that could not be read, not JSON that is not valid; and HTTP's
// "deflate" is zlib-wrapped, which the SDK, reading raw DEFLATE, cannot
// read (raw DEFLATE is still read, as the SDK did).
func readAnswer(resp *http.Response) ([]byte, error) {
	body, err := readAtMost(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	var decoder io.Reader
	switch resp.Header.Get("Content-Encoding") {
	case "gzip":
		decoder, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		decoder, err = zlib.NewReader(bytes.NewReader(body))
		if errors.Is(err, zlib.ErrHeader) {
			decoder, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		return body, nil
	}
	if err != nil {
		return nil, err
	}
	resp.Header.Del("Content-Encoding")
	return readAtMost(decoder)
}

// readAtMost reads r whole, or fails if it holds more than maxResponseBytes.
func readAtMost(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, maxResponseBytes+1))
	if err == nil && len(body) > maxResponseBytes {
		err = errAnswerTooLarge
	}
	return body, err
}

// refuseRedirect turns a 3xx response into a *redirectError, so that the
// http.Client above returns it instead of sending the request elsewhere.
func refuseRedirect(resp *http.Response, err error) (*http.Response, error) {
	if err != nil || resp.StatusCode < 300 || resp.StatusCode > 399 {
		return resp, err
	}
	_ = resp.Body.Close()
	redirect := &redirectError{Status: resp.StatusCode}
	if location, err := resp.Location(); err == nil {
		redirect.Host = location.Host
	}
	return nil, redirect
}

// checkEnvelope reports an answer the SDK decoded without complaint that
// still is no API response: the SDK accepts a body without a "Response"
// object, and every typed field would then read as null, which for a
// policy check would look like data. It also keeps the RequestId for logs.
func (ex *exchange) checkEnvelope() *Error {
	var envelope struct {
		Response *struct {
			RequestID *string `json:"RequestId"`
		}
	}
	if json.Unmarshal(ex.responseBody, &envelope) != nil || envelope.Response == nil {
		return malformedResponse(ex, "the response has no \"Response\" object", false)
	}
	if envelope.Response.RequestID != nil {
		ex.requestID = *envelope.Response.RequestID
	}
	return nil
}
