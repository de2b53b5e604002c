// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package organization is a client for the Tencent Cloud Organization API
// (version 2021-03-31). It types the actions the provider uses, sends them
// with the SDK's common module (which signs and decodes), and adds what a
// Terraform run needs around it: a client-side rate limit, retries with
// backoff, a timeout per attempt, and errors that say what happened.
package organization

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"golang.org/x/time/rate"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The API's identity, as the SDK's generated packages name it.
const (
	Service    = "organization"
	APIVersion = "2021-03-31"

	ActionDescribeOrganizationMemberEmailBind = "DescribeOrganizationMemberEmailBind"
)

// Defaults for Config's zero values.
const (
	// DefaultRootDomain is the international site, the one the API page documents.
	DefaultRootDomain = tencentapi.DefaultRootDomain

	// DefaultRateLimit is the documented limit of DescribeOrganizationMemberEmailBind.
	DefaultRateLimit  = 20.0
	DefaultMaxRetries = 10
	DefaultTimeout    = 30 * time.Second
)

// Config says where and how to reach the API. Every field but Credential
// has a usable zero value; note that zero MaxRetries means no retries.
type Config struct {
	// Credential signs requests. If it also has Refresh(context.Context) error,
	// that is called before every attempt.
	Credential common.CredentialIface

	// Region is sent as X-TC-Region only when set; this API needs none.
	Region string

	// Scheme ("HTTPS" or "HTTP") and RootDomain build the host
	// organization.<RootDomain> when Endpoint is nil.
	Scheme     string
	RootDomain string

	// Endpoint replaces scheme and host entirely, for emulators and private endpoints.
	Endpoint *url.URL

	// UserAgent identifies the caller in X-TC-RequestClient.
	UserAgent string

	// RateLimit is the most requests per second the client starts; zero means DefaultRateLimit.
	RateLimit float64

	// MaxRetries is how many times a retryable failure is retried; zero disables retries.
	MaxRetries int

	// Timeout bounds one attempt; zero means DefaultTimeout.
	Timeout time.Duration

	// RetryBaseDelay and RetryMaxDelay shape the backoff: the wait before
	// retry n is random in [0, min(RetryMaxDelay, RetryBaseDelay*2^(n-1))).
	// Zero means 500ms and 20s.
	RetryBaseDelay time.Duration
	RetryMaxDelay  time.Duration

	// Transport carries requests; nil means tencentapi.DefaultTransport,
	// which honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY.
	Transport http.RoundTripper

	// OnAttempt, when set, is told about every attempt, for logging.
	OnAttempt func(context.Context, Attempt)
}

// Attempt describes one HTTP exchange of a call. It holds no credential.
type Attempt struct {
	Action     string
	MemberUin  int64
	Number     int
	Duration   time.Duration
	HTTPStatus int
	ErrorCode  string
	RequestID  string
	// RetryIn is the wait before the next attempt, zero when there is none.
	RetryIn      time.Duration
	RequestBody  []byte
	ResponseBody []byte
}

// Client calls the Organization API. It is safe for concurrent use; all
// calls through one Client share its rate limit.
type Client struct {
	sdk        *common.Client
	credential common.CredentialIface
	endpoint   string
	userAgent  string
	limiter    *rate.Limiter
	retry      retryPolicy
	timeout    time.Duration
	onAttempt  func(context.Context, Attempt)
}

// NewClient returns a client for cfg.
func NewClient(cfg Config) *Client {
	transport := cfg.Transport
	if transport == nil {
		transport = tencentapi.DefaultTransport()
	}
	target := tencentapi.Target{Scheme: cfg.Scheme, RootDomain: cfg.RootDomain, Endpoint: cfg.Endpoint}
	// No SDK timeout: attempts are bounded by their context instead, which
	// allows sub-second timeouts and tells a timeout apart from a cancellation.
	sdk, endpoint := tencentapi.NewSDKClient(Service, target, cfg.Region, cfg.Credential, 0, recordingTransport{base: transport})

	rateLimit := cfg.RateLimit
	if rateLimit <= 0 {
		rateLimit = DefaultRateLimit
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Client{
		sdk:        sdk,
		credential: cfg.Credential,
		endpoint:   endpoint,
		userAgent:  cfg.UserAgent,
		// A burst of one spaces requests evenly, so no one-second window,
		// however aligned, sees more than the limit.
		limiter:   rate.NewLimiter(rate.Limit(rateLimit), 1),
		retry:     newRetryPolicy(cfg.MaxRetries, cfg.RetryBaseDelay, cfg.RetryMaxDelay),
		timeout:   timeout,
		onAttempt: cfg.OnAttempt,
	}
}

// Endpoint is the base URL requests go to, for messages.
func (c *Client) Endpoint() string {
	return c.endpoint
}

// DescribeOrganizationMemberEmailBind reads a member's email binding record.
// Every failure is returned as *Error.
func (c *Client) DescribeOrganizationMemberEmailBind(ctx context.Context, memberUin int64) (*DescribeOrganizationMemberEmailBindResponseParams, error) {
	var out *DescribeOrganizationMemberEmailBindResponseParams
	err := c.call(ctx, ActionDescribeOrganizationMemberEmailBind, memberUin, func(attemptCtx context.Context) (*Error, *exchange) {
		request := NewDescribeOrganizationMemberEmailBindRequest()
		request.MemberUin = &memberUin
		response := NewDescribeOrganizationMemberEmailBindResponse()
		failure, ex := c.send(attemptCtx, request, response)
		if failure == nil && response.Response == nil {
			failure = malformedResponse(ex, "the response has no \"Response\" object", false)
		}
		if failure == nil {
			out = response.Response
			ex.requestID = stringValue(response.Response.RequestId)
		}
		return failure, ex
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func stringValue(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
