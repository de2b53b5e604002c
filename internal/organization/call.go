// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
	"context"
	"errors"
	"time"

	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

type retryPolicy struct {
	maxRetries int
	backoff    tencentapi.Backoff
}

func newRetryPolicy(maxRetries int, baseDelay, maxDelay time.Duration) retryPolicy {
	backoff := tencentapi.DefaultBackoff
	if baseDelay > 0 {
		backoff.Base = baseDelay
	}
	if maxDelay > 0 {
		backoff.Max = maxDelay
	}
	return retryPolicy{maxRetries: max(maxRetries, 0), backoff: backoff}
}

// call runs attempt until it succeeds, fails for good, runs out of retries,
// or ctx ends. Every attempt first waits its turn on the rate limiter.
func (c *Client) call(ctx context.Context, action string, memberUin int64, attempt func(context.Context) (*Error, *exchange)) error {
	start := time.Now()
	renewed := false
	for number := 1; ; number++ {
		if err := c.limiter.Wait(ctx); err != nil {
			return c.finish(cancelled(ctx, err), number-1, start)
		}
		if err := c.refreshCredential(ctx); err != nil {
			return c.finish(err, number-1, start)
		}
		attemptCtx, cancel := context.WithTimeout(ctx, c.timeout)
		began := time.Now()
		failure, ex := attempt(attemptCtx)
		if failure != nil {
			switch {
			case ctx.Err() != nil:
				failure = cancelled(ctx, nil)
			case errors.Is(attemptCtx.Err(), context.DeadlineExceeded):
				failure = timedOut(c.timeout, failure)
			}
		}
		cancel()

		retry := failure != nil && failure.retryable && number <= c.retry.maxRetries
		var retryIn time.Duration
		switch {
		case retry:
			retryIn = c.retry.backoff.Delay(number)
		case !renewed && c.renewRejectedToken(failure):
			// Once per call, and at once: the next attempt signs with a new credential.
			retry, renewed = true, true
		}
		c.report(ctx, action, memberUin, number, time.Since(began), failure, ex, retryIn)

		if failure == nil {
			return nil
		}
		if !retry {
			return c.finish(failure, number, start)
		}
		if !tencentapi.Sleep(ctx, retryIn) {
			return c.finish(cancelled(ctx, nil), number, start)
		}
	}
}

// refresher is a credential that may need fetching anew, such as a
// temporary one; it is asked before every attempt so that no request goes
// out with an expired token.
type refresher interface {
	Refresh(ctx context.Context) error
}

// invalidator is a credential that can be told its token was rejected;
// it reports whether a new one can be fetched.
type invalidator interface {
	Invalidate() bool
}

// renewRejectedToken handles a temporary credential that the API calls
// invalid although it has not expired here, as when this machine's clock is
// behind: it marks the credential for renewal and reports whether to retry.
func (c *Client) renewRejectedToken(failure *Error) bool {
	inv, ok := c.credential.(invalidator)
	if !ok || failure == nil || failure.Code != "AuthFailure.TokenFailure" {
		return false
	}
	return inv.Invalidate()
}

func (c *Client) refreshCredential(ctx context.Context) *Error {
	r, ok := c.credential.(refresher)
	if !ok {
		return nil
	}
	if err := r.Refresh(ctx); err != nil {
		if ctx.Err() != nil {
			return cancelled(ctx, err)
		}
		return &Error{Code: CodeCredentialError, Message: err.Error(), err: err}
	}
	return nil
}

func (c *Client) finish(failure *Error, attempts int, start time.Time) *Error {
	failure.Attempts = attempts
	failure.Elapsed = time.Since(start)
	return failure
}

func (c *Client) report(ctx context.Context, action string, memberUin int64, number int, took time.Duration, failure *Error, ex *exchange, retryIn time.Duration) {
	if c.onAttempt == nil {
		return
	}
	a := Attempt{
		Action:       action,
		MemberUin:    memberUin,
		Number:       number,
		Duration:     took,
		HTTPStatus:   ex.status,
		RequestID:    ex.requestID,
		RetryIn:      retryIn,
		RequestBody:  ex.requestBody,
		ResponseBody: ex.responseBody,
	}
	if failure != nil {
		a.ErrorCode = failure.Code
		if failure.RequestID != "" {
			a.RequestID = failure.RequestID
		}
	}
	c.onAttempt(ctx, a)
}

// send makes one signed exchange through the SDK, capturing its bodies.
func (c *Client) send(ctx context.Context, request tchttp.Request, response tchttp.Response) (*Error, *exchange) {
	ex := &exchange{}
	err := tencentapi.Send(context.WithValue(ctx, exchangeKey{}, ex), c.sdk, request, response, c.userAgent)
	var decodePanic *tencentapi.DecodePanic
	switch {
	case err == nil:
		return nil, ex
	case errors.As(err, &decodePanic):
		return malformedResponse(ex, decodePanic.Error(), false), ex
	}
	return classify(err, ex), ex
}
