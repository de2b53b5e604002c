// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
)

// pacingMargin is the share of RateLimit the lanes send at, all of them
// together, and never exceed. Spaced at exactly the limit L per second,
// L+1 requests span exactly one second, so the least arrival jitter that
// brings the last one in early puts L+1 in some trailing second of a
// sliding window. At 97%
// they span 1/0.97 s, which absorbs about 30 ms of jitter at any rate, for
// 3% of throughput.
const pacingMargin = 0.97

// Defaults for Config's zero values.
const (
	// DefaultRateLimit is the documented limit of the Organization API's actions.
	DefaultRateLimit  = 20.0
	DefaultMaxRetries = 10
	DefaultTimeout    = 30 * time.Second
)

// Config says where and how to reach one service. Every field has a usable
// zero value; note that zero MaxRetries means no retries.
type Config struct {
	// Credential signs requests. If it also has Refresh(context.Context) error,
	// that is called before every attempt, waiting for a credential that is
	// not ready; if it also has Ready(context.Context) bool, that is asked,
	// without waiting, when the attempt's rate-limit slot comes, so that one
	// that expired meanwhile is readied again. A client without one sends
	// only requests marked SetSkipSign(true), and a client with one only others.
	Credential common.CredentialIface

	// Region is sent as X-TC-Region only when set.
	Region string

	// Scheme ("HTTPS" or "HTTP") and RootDomain build the host
	// <service>.<RootDomain> when Endpoint is nil.
	Scheme     string
	RootDomain string

	// Endpoint replaces scheme and host entirely, for emulators and private endpoints.
	Endpoint *url.URL

	// UserAgent identifies the caller in X-TC-RequestClient.
	UserAgent string

	// RateLimit is the server's limit in requests per second for each
	// action, which the client paces slightly below (pacingMargin) and
	// slower while the server throttles (see pacer, whose lanes it
	// sets); zero means DefaultRateLimit.
	RateLimit float64

	// MaxRetries is how many times a retryable failure is retried; zero disables retries.
	MaxRetries int

	// Timeout bounds one attempt; zero means DefaultTimeout.
	Timeout time.Duration

	// RetryBaseDelay and RetryMaxDelay shape the backoff: the wait before
	// retry n is random in [0, min(RetryMaxDelay, RetryBaseDelay*2^(n-1))).
	// Zero means DefaultBackoff's. A throttled request waits for the next
	// slot instead (see Call), at most RetryMaxDelay, and so does the hold
	// after an action's first throttle (see pacer.throttled).
	RetryBaseDelay time.Duration
	RetryMaxDelay  time.Duration

	// Transport carries requests; nil means DefaultTransport, which honours
	// HTTPS_PROXY, HTTP_PROXY and NO_PROXY.
	Transport http.RoundTripper

	// OnAttempt, when set, is told about every attempt, for logging.
	OnAttempt func(context.Context, Attempt)
}

// Attempt describes one HTTP exchange of a call. It holds no credential;
// what the call is about (a member, say) travels in the context.
type Attempt struct {
	Action     string
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

// Client sends one service's actions. It is safe for concurrent use; all
// calls of one action through one Client share its lanes.
type Client struct {
	sdk        *common.Client
	credential common.CredentialIface
	endpoint   string
	userAgent  string
	// pacers send each action's requests on lanes and drop one for each
	// throttle: the API's budget is per account and action.
	pacers     *pacers
	backoff    Backoff
	maxRetries int
	timeout    time.Duration
	onAttempt  func(context.Context, Attempt)
	// outage takes the endpoint for down after consecutive refused connections.
	outage *outage
	// sensitive responses carry secrets, such as STS's temporary keys: they
	// are neither quoted in errors nor handed to OnAttempt.
	sensitive bool
}

// Option adjusts a Client for its service.
type Option func(*Client)

// SensitiveResponses marks a service whose answers carry secrets.
func SensitiveResponses() Option {
	return func(c *Client) { c.sensitive = true }
}

// NewClient returns a client for service with cfg.
func NewClient(service string, cfg Config, options ...Option) *Client {
	transport := cfg.Transport
	if transport == nil {
		transport = DefaultTransport()
	}
	sdk, endpoint := newSDKClient(service, cfg, recordingTransport{base: transport})

	rateLimit := cfg.RateLimit
	if rateLimit <= 0 {
		rateLimit = DefaultRateLimit
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	backoff := DefaultBackoff
	if cfg.RetryBaseDelay > 0 {
		backoff.Base = cfg.RetryBaseDelay
	}
	if cfg.RetryMaxDelay > 0 {
		backoff.Max = cfg.RetryMaxDelay
	}
	c := &Client{
		sdk:        sdk,
		credential: cfg.Credential,
		endpoint:   endpoint,
		userAgent:  cfg.UserAgent,
		pacers:     newPacers(rateLimit*pacingMargin, backoff.Max),
		backoff:    backoff,
		maxRetries: max(cfg.MaxRetries, 0),
		timeout:    timeout,
		onAttempt:  cfg.OnAttempt,
		outage:     newOutage(),
	}
	for _, option := range options {
		option(c)
	}
	return c
}

// Endpoint is the base URL requests go to, for messages.
func (c *Client) Endpoint() string {
	return c.endpoint
}
