// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// maxResponseBytes bounds what is read of a response; the largest replies,
// pages of 50 organization members, are tens of kilobytes.
const maxResponseBytes = 1 << 20

// exchange is what one attempt sent and received, captured below the SDK
// so that errors can quote bodies and logs can show them. Headers, which
// carry the signature and token, are never captured.
type exchange struct {
	status       int
	requestBody  []byte
	responseBody []byte
	requestID    string
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
	if req.Body != nil && req.Body != http.NoBody {
		body, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		ex.requestBody = body
		req = req.Clone(req.Context())
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	resp, err := refuseRedirect(t.base.RoundTrip(req))
	if err != nil {
		return nil, err
	}
	ex.status = resp.StatusCode
	// Reading here turns a connection dropped mid-body into a network
	// error, which is retried, rather than a parse error, which is not.
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	ex.responseBody = body
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
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
