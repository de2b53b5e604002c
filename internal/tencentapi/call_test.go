// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// testRequest and testResponse type one action in the SDK's generated
// style, as the product packages do, so that decoding into typed fields is
// part of what is tested.
type testRequest struct {
	*tchttp.BaseRequest
	MemberUin *int64 `json:"MemberUin,omitnil,omitempty" name:"MemberUin"`
}

type testResponse struct {
	*tchttp.BaseResponse
	Response *struct {
		BindId     *uint64 `json:"BindId,omitnil,omitempty"`
		BindStatus *string `json:"BindStatus,omitnil,omitempty"`
		RequestId  *string `json:"RequestId,omitnil,omitempty"`
	} `json:"Response"`
}

type testClient struct{ *tencentapi.Client }

func newClient(cfg tencentapi.Config) testClient {
	return testClient{tencentapi.NewClient("organization", cfg)}
}

type bindStatus struct{ BindStatus *string }

func (c testClient) DescribeOrganizationMemberEmailBind(ctx context.Context, memberUin int64) (*bindStatus, error) {
	request := &testRequest{BaseRequest: &tchttp.BaseRequest{}, MemberUin: &memberUin}
	request.Init().WithApiInfo("organization", "2021-03-31", "DescribeOrganizationMemberEmailBind")
	response := &testResponse{BaseResponse: &tchttp.BaseResponse{}}
	if err := c.Call(ctx, request, response); err != nil {
		return nil, err
	}
	return &bindStatus{BindStatus: response.Response.BindStatus}, nil
}

const okBody = `{"Response": {"BindStatus": "Success", "RequestId": "ok-request"}}`

func apiErrorBody(code string) string {
	return `{"Response": {"Error": {"Code": "` + code + `", "Message": "canned"}, "RequestId": "req-` + code + `"}}`
}

// fault answers one request badly.
type fault func(w http.ResponseWriter, r *http.Request)

func replyAPIError(code string) fault {
	return func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(apiErrorBody(code))) }
}

func replyStatus(status int, body string) fault {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

func replyBody(body string) fault {
	return func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) }
}

func resetConnection(w http.ResponseWriter, _ *http.Request) {
	hijacker, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hijacker.Hijack()
	if err != nil {
		panic(err)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// faultyServer answers its first len(faults) requests with those faults,
// then okBody, and counts requests.
func faultyServer(t *testing.T, faults ...fault) (*url.URL, *atomic.Int32) {
	t.Helper()
	var count atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(count.Add(1))
		if n <= len(faults) {
			faults[n-1](w, r)
			return
		}
		_, _ = w.Write([]byte(okBody))
	}))
	t.Cleanup(ts.Close)
	u, _ := url.Parse(ts.URL)
	return u, &count
}

func fastRetryClient(endpoint *url.URL, maxRetries int) testClient {
	return newClient(tencentapi.Config{
		Credential:     common.NewCredential("AKIDtest", "key"),
		Endpoint:       endpoint,
		MaxRetries:     maxRetries,
		RateLimit:      1000,
		RetryBaseDelay: time.Millisecond,
		RetryMaxDelay:  5 * time.Millisecond,
	})
}

func TestRetryableFailuresAreRetried(t *testing.T) {
	for name, f := range map[string]fault{
		"RequestLimitExceeded":                              replyAPIError("RequestLimitExceeded"),
		"RequestLimitExceeded.UinLimitExceeded":             replyAPIError("RequestLimitExceeded.UinLimitExceeded"),
		"RequestLimitExceeded.IPLimitExceeded":              replyAPIError("RequestLimitExceeded.IPLimitExceeded"),
		"RequestLimitExceeded.GlobalRegionUinLimitExceeded": replyAPIError("RequestLimitExceeded.GlobalRegionUinLimitExceeded"),
		"InvalidParameter.OverLimit, STS's throttle":        replyAPIError("InvalidParameter.OverLimit"),
		"InternalError":                                     replyAPIError("InternalError"),
		"ServiceUnavailable":                                replyAPIError("ServiceUnavailable"),
		"ResourceUnavailable":                               replyAPIError("ResourceUnavailable"),
		"HTTP 502 gateway page":                             replyStatus(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"),
		"HTTP 503 empty":                                    replyStatus(503, ""),
		"HTTP 502 gateway JSON":                             replyStatus(502, `{"code": 502, "codeDesc": "BadGateway", "message": "upstream failed"}`),
		"HTTP 503 with an API error body":                   replyStatus(503, apiErrorBody("AuthFailure.SignatureFailure")),
		"HTML with status 200":                              replyBody("<html>maintenance</html>"),
		"truncated JSON":                                    replyBody(okBody[:len(okBody)/2]),
		"connection reset":                                  resetConnection,
	} {
		t.Run(name, func(t *testing.T) {
			endpoint, count := faultyServer(t, f, f)
			out, err := fastRetryClient(endpoint, 2).DescribeOrganizationMemberEmailBind(context.Background(), 1)
			if err != nil {
				t.Fatalf("err = %v, want success on the third attempt", err)
			}
			if *out.BindStatus != "Success" || count.Load() != 3 {
				t.Errorf("BindStatus %v after %d requests, want Success after 3", *out.BindStatus, count.Load())
			}
		})
	}
}

func TestPermanentFailuresAreNotRetried(t *testing.T) {
	for name, f := range map[string]fault{
		"AuthFailure.SignatureFailure":                replyAPIError("AuthFailure.SignatureFailure"),
		"AuthFailure.SecretIdNotFound":                replyAPIError("AuthFailure.SecretIdNotFound"),
		"InvalidParameter":                            replyAPIError("InvalidParameter"),
		"InvalidParameterValue":                       replyAPIError("InvalidParameterValue"),
		"InvalidParameter.InvalidEmail":               replyAPIError("InvalidParameter.InvalidEmail"),
		"MissingParameter":                            replyAPIError("MissingParameter"),
		"ResourceNotFound.OrganizationMemberNotExist": replyAPIError("ResourceNotFound.OrganizationMemberNotExist"),
		"UnauthorizedOperation":                       replyAPIError("UnauthorizedOperation"),
		"InvalidAction":                               replyAPIError("InvalidAction"),
		"NoSuchVersion":                               replyAPIError("NoSuchVersion"),
		"HTTP 404 page":                               replyStatus(404, "not found"),
		"JSON of the wrong shape":                     replyBody(`{"Response": {"BindId": "one", "RequestId": "x"}}`),
		"JSON without Response":                       replyBody(`{"Result": 1}`),
	} {
		t.Run(name, func(t *testing.T) {
			endpoint, count := faultyServer(t, f, f, f)
			_, err := fastRetryClient(endpoint, 5).DescribeOrganizationMemberEmailBind(context.Background(), 1)
			var callErr *tencentapi.Error
			if !errors.As(err, &callErr) {
				t.Fatalf("err = %v, want *tencentapi.Error", err)
			}
			if count.Load() != 1 || callErr.Attempts != 1 || callErr.Retryable() {
				t.Errorf("%d requests, Attempts %d, Retryable %v; want one attempt and no retry", count.Load(), callErr.Attempts, callErr.Retryable())
			}
		})
	}
}

func TestExhaustedRetriesSayHowManyOverHowLong(t *testing.T) {
	f := replyAPIError("InternalError")
	endpoint, count := faultyServer(t, f, f, f, f, f, f)
	_, err := fastRetryClient(endpoint, 3).DescribeOrganizationMemberEmailBind(context.Background(), 1)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != "InternalError" {
		t.Fatalf("err = %v", err)
	}
	if count.Load() != 4 || callErr.Attempts != 4 || !callErr.Retryable() || callErr.Elapsed <= 0 {
		t.Errorf("%d requests, %+v; want 4 attempts, retryable, elapsed time", count.Load(), callErr)
	}
	if callErr.RequestID != "req-InternalError" {
		t.Errorf("RequestID = %q, want the last attempt's", callErr.RequestID)
	}
	if !strings.Contains(callErr.Error(), "after 4 attempts") {
		t.Errorf("Error() = %q", callErr.Error())
	}
}

func TestGatewayPageIsQuoted(t *testing.T) {
	page := "<html><body><h1>502 Bad Gateway</h1></body></html>"
	endpoint, _ := faultyServer(t, replyStatus(502, page))
	_, err := fastRetryClient(endpoint, 0).DescribeOrganizationMemberEmailBind(context.Background(), 1)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeHTTPStatus || callErr.HTTPStatus != 502 || callErr.Body != page {
		t.Fatalf("err = %+v", callErr)
	}
}
func TestAttemptsAreReported(t *testing.T) {
	endpoint, _ := faultyServer(t, replyAPIError("InternalError"))
	var mu sync.Mutex
	var attempts []tencentapi.Attempt
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("AKIDreport", "secret-key-value"), Endpoint: endpoint, MaxRetries: 1,
		RetryBaseDelay: time.Millisecond,
		OnAttempt: func(_ context.Context, a tencentapi.Attempt) {
			mu.Lock()
			attempts = append(attempts, a)
			mu.Unlock()
		},
	})
	if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 77); err != nil {
		t.Fatal(err)
	}
	if len(attempts) != 2 {
		t.Fatalf("%d attempts reported, want 2", len(attempts))
	}
	first, second := attempts[0], attempts[1]
	if first.Number != 1 || first.ErrorCode != "InternalError" || first.RequestID != "req-InternalError" ||
		first.Action != "DescribeOrganizationMemberEmailBind" || first.HTTPStatus != 200 {
		t.Errorf("first attempt %+v", first)
	}
	if second.Number != 2 || second.ErrorCode != "" || second.RequestID != "ok-request" || second.RetryIn != 0 {
		t.Errorf("second attempt %+v", second)
	}
	if string(first.RequestBody) != `{"MemberUin":77}` || !strings.Contains(string(second.ResponseBody), "ok-request") {
		t.Errorf("bodies %q / %q", first.RequestBody, second.ResponseBody)
	}
	for _, a := range attempts {
		if strings.Contains(string(a.RequestBody)+string(a.ResponseBody), "secret-key-value") {
			t.Errorf("attempt %d carries the secret key", a.Number)
		}
	}
}

// failingTransport fails every request with err before anything is sent.
type failingTransport struct{ err error }

func (t failingTransport) RoundTrip(*http.Request) (*http.Response, error) { return nil, t.err }

func TestNetworkErrorsRetriedOnlyWhenAskingAgainCanHelp(t *testing.T) {
	endpoint, _ := url.Parse("https://organization.example.test")
	for name, tc := range map[string]struct {
		err   error
		retry bool
	}{
		"connection refused":               {&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, true},
		"connection reset":                 {&net.OpError{Op: "read", Err: syscall.ECONNRESET}, true},
		"EOF":                              {io.EOF, true},
		"DNS timeout":                      {&net.DNSError{Name: "h", IsTimeout: true}, true},
		"DNS temporary":                    {&net.DNSError{Name: "h", IsTemporary: true}, true},
		"no such host":                     {&net.DNSError{Name: "h", IsNotFound: true}, false},
		"untrusted certificate":            {x509.UnknownAuthorityError{}, false},
		"certificate for a different host": {x509.HostnameError{Certificate: &x509.Certificate{}, Host: "h"}, false},
		"plain HTTP on the HTTPS port":     {tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}, false},
	} {
		t.Run(name, func(t *testing.T) {
			var attempts atomic.Int32
			client := newClient(tencentapi.Config{
				Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 2,
				RetryBaseDelay: time.Millisecond, Transport: failingTransport{tc.err},
				OnAttempt: func(context.Context, tencentapi.Attempt) { attempts.Add(1) },
			})
			_, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
			var callErr *tencentapi.Error
			if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeNetworkError {
				t.Fatalf("err = %v", err)
			}
			want := int32(1)
			if tc.retry {
				want = 3
			}
			if attempts.Load() != want {
				t.Errorf("%d attempts, want %d", attempts.Load(), want)
			}
		})
	}
}

// renewableCredential is a temporary credential that counts renewals.
type renewableCredential struct {
	*common.Credential
	renewals atomic.Int32
}

func (c *renewableCredential) Refresh(context.Context) error { return nil }
func (c *renewableCredential) Invalidate() bool {
	c.renewals.Add(1)
	return true
}

func TestRejectedTokenIsRenewedOnce(t *testing.T) {
	f := replyAPIError("AuthFailure.TokenFailure")
	endpoint, count := faultyServer(t, f)
	cred := &renewableCredential{Credential: common.NewTokenCredential("AKIDtmp", "k", "t")}
	client := newClient(tencentapi.Config{Credential: cred, Endpoint: endpoint, MaxRetries: 0})
	if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
		t.Fatalf("err = %v, want success after renewing the credential", err)
	}
	if cred.renewals.Load() != 1 || count.Load() != 2 {
		t.Errorf("%d renewals, %d requests; want 1 and 2", cred.renewals.Load(), count.Load())
	}

	endpoint, count = faultyServer(t, f, f, f)
	client = newClient(tencentapi.Config{Credential: cred, Endpoint: endpoint, MaxRetries: 5})
	if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err == nil {
		t.Fatal("a token rejected twice was accepted")
	}
	if count.Load() != 2 {
		t.Errorf("%d requests for a token rejected after renewal, want 2", count.Load())
	}
}
