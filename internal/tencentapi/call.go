// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"errors"
	"fmt"
	"time"

	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// Call sends request until it succeeds, fails for good, runs out of
// retries, or ctx ends, decoding the answer into response. Every attempt
// first waits its turn (see awaitTurn). Every failure is returned as *Error.
// Once the client takes its endpoint for down (see outage), the call fails
// with CodeEndpointUnreachable, at once wherever it is waiting. A Tally in
// ctx counts the call.
func (c *Client) Call(ctx context.Context, request tchttp.Request, response tchttp.Response) error {
	tally := tallyFrom(ctx)
	tally.count(request.GetAction(), TallyCounts{Calls: 1})
	if failure := c.call(ctx, request, response, tally); failure != nil {
		tally.count(request.GetAction(), TallyCounts{Failures: 1})
		return failure
	}
	return nil
}

func (c *Client) call(ctx context.Context, request tchttp.Request, response tchttp.Response, tally *Tally) *Error {
	start := time.Now()
	if failure := c.checkSigning(request); failure != nil {
		return c.finish(failure, 0, start)
	}
	// A client that took its endpoint for down sends nothing, except one
	// probe now and then (see probeAfter), which watches no verdict.
	watch, down := c.outage.admit()
	if down != nil {
		return c.finish(endpointUnreachable(down, nil), 0, start)
	}
	// Waits end when the endpoint is taken for down; an attempt under way
	// is left to end by itself, since an answer it brings is the news that
	// the endpoint is up.
	waitCtx, stop := watching(ctx, watch)
	defer stop()
	renewed := false
	var last *Error
	var slot time.Time
	pacer := c.pacers.of(request.GetAction())
	for number := 1; ; number++ {
		var failure *Error
		if slot, failure = c.awaitTurn(waitCtx, pacer, slot, last != nil && last.refused); failure != nil {
			return c.finish(c.interrupted(ctx, failure, last), number-1, start)
		}
		failure, ex := c.attempt(ctx, request, response)
		down := c.observe(failure, ex)
		pace(pacer, slot, failure)
		tally.count(request.GetAction(), attemptCounts(number, failure))
		retry, retryIn := false, time.Duration(0)
		if failure != nil && down == nil {
			retry, retryIn, renewed = c.retryRule(request, pacer, failure, number, renewed)
		}
		c.report(ctx, request.GetAction(), number, ex.took, failure, ex, retryIn)

		switch {
		case failure == nil:
			return nil
		case down != nil:
			return c.finish(endpointUnreachable(down, failure), number, start)
		case !retry:
			return c.finish(failure, number, start)
		}
		last = failure
		if !Sleep(waitCtx, retryIn) {
			return c.finish(c.interrupted(ctx, cancelled(waitCtx, nil), last), number, start)
		}
	}
}

// pace tells the pacer how the server answered the attempt sent at slot:
// a throttle drops the lane it came on; any other answer spent the budget.
func pace(p *pacer, slot time.Time, failure *Error) {
	switch {
	case failure == nil:
		p.answered(slot)
	case failure.refused:
		// The retry keeps the slot (see awaitTurn) and is answered on it;
		// a refused attempt never retried is forgotten with the old.
	case !failure.fromAPI:
		p.forget(slot)
	case throttled(failure.Code):
		p.throttled(slot)
	default:
		p.answered(slot)
	}
}

// attempt makes one exchange under the per-attempt timeout.
func (c *Client) attempt(ctx context.Context, request tchttp.Request, response tchttp.Response) (*Error, *exchange) {
	attemptCtx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	began := time.Now()
	failure, ex := c.send(attemptCtx, request, response)
	ex.took = time.Since(began)
	if failure != nil {
		switch {
		case ctx.Err() != nil:
			failure = cancelled(ctx, nil)
		case errors.Is(attemptCtx.Err(), context.DeadlineExceeded):
			failure = timedOut(c.timeout, failure)
		}
	}
	return failure, ex
}

// observe tells the outage detector what an attempt found, and returns the
// outage if the endpoint is taken for down and the attempt got no answer.
// A timeout, or a connection that broke once made, is no news that the
// endpoint is down (a new connection was news that it is up: see connected).
func (c *Client) observe(failure *Error, ex *exchange) *Outage {
	if ex.progress.settle() {
		c.outage.ended()
	}
	switch {
	case ex.answered(failure):
		c.outage.answered()
		return nil
	case failure.refused:
		return c.outage.refused(failure.Message)
	case failure.Code == CodeCancelled:
		return nil
	}
	return c.outage.current()
}

// retryRule decides whether and when a failed attempt is retried.
func (c *Client) retryRule(request tchttp.Request, p *pacer, failure *Error, number int, renewed bool) (bool, time.Duration, bool) {
	retry := failure.retryable && number <= c.maxRetries && (!spendsCode(request) || failure.Unsent())
	switch {
	case retry && throttled(failure.Code):
		// The throttle has dropped a lane (see pacer): the retry waits one
		// slot of the lanes left, not the half second the backoff starts
		// at, at most the backoff's longest, and then queues for a slot
		// like any request.
		return true, min(p.interval(), c.backoff.Max), renewed
	case retry && failure.refused:
		// Nothing was sent; a short wait lets the outage grace end in seconds.
		return true, c.backoff.dialDelay(), renewed
	case retry:
		return true, c.backoff.Delay(number), renewed
	case !renewed && c.renewRejectedToken(failure):
		// Once per call, and at once: the next attempt signs with a new credential.
		return true, 0, true
	}
	return false, 0, renewed
}

// interrupted is the failure of a wait that ended: the call's own
// cancellation, or the verdict that the endpoint is down.
func (c *Client) interrupted(ctx context.Context, failure *Error, last *Error) *Error {
	if ctx.Err() == nil && errors.Is(failure.err, errEndpointDown) {
		return endpointUnreachable(c.outage.lastVerdict(), last)
	}
	return failure
}

func attemptCounts(number int, failure *Error) TallyCounts {
	counts := TallyCounts{Attempts: 1}
	if number > 1 {
		counts.Retries = 1
	}
	if failure != nil && failure.fromAPI && throttled(failure.Code) {
		counts.Throttles = 1
	}
	return counts
}

// awaitTurn readies the credential and then waits for a slot of the lanes,
// returning the slot's time: a slot taken before a long wait for the
// credential would pass during it, and every call that waited would then
// leave at once. A credential that expired while the call queued is readied
// once more, with a slot of its own; a second time, the server judges it.
//
// The retry of an attempt that never connected (unpaced: refused, a name
// that did not resolve, a proxy that would not connect) takes no new slot
// and keeps the last one: the rate limit is the server's budget, and that
// attempt spent none of it, so its slot is still unspent and the retry uses
// it. Each slot thus still brings at most one request to the server, which
// keeps the rate over any run; only where refusals end may a few retries
// land up to a few hundred milliseconds late, beside newer slots'
// requests, and a throttle that this causes is retried a slot later.
// Queuing them instead would make a dead endpoint's verdict wait three
// slots: 10 s at rate_limit 0.2.
func (c *Client) awaitTurn(ctx context.Context, p *pacer, last time.Time, unpaced bool) (time.Time, *Error) {
	if unpaced {
		return last, c.refreshCredential(ctx)
	}
	for again := true; ; again = false {
		if failure := c.refreshCredential(ctx); failure != nil {
			return last, failure
		}
		slot, err := p.wait(ctx)
		if err != nil {
			failure := cancelled(ctx, err)
			failure.unsent = true
			return last, failure
		}
		if r, ok := c.credential.(readier); !again || !ok || r.Ready(ctx) {
			return slot, nil
		}
	}
}

// checkSigning refuses a request the client cannot send as it asks. The
// SDK panics signing without a credential, and on an unsigned request it
// still adds the credential's token, which would hand a session token to
// an action meant for callers that have no credential at all.
func (c *Client) checkSigning(request tchttp.Request) *Error {
	switch {
	case request.GetSkipSign() && c.credential != nil:
		return &Error{Code: CodeCredentialError, unsent: true, Message: fmt.Sprintf(
			"%s is sent unsigned, but this client has a credential; send it through a client without one", request.GetAction())}
	case !request.GetSkipSign() && c.credential == nil:
		return &Error{Code: CodeCredentialError, unsent: true, Message: fmt.Sprintf(
			"%s must be signed, but this client has no credential", request.GetAction())}
	}
	return nil
}

// codeSpender is a request that carries a single-use code, such as an MFA
// code. The server accepts the code once, and an attempt that timed out or
// failed on the server's side may already have spent it: sending it again
// could only fail, blaming a code that was right.
type codeSpender interface {
	SpendsCode() bool
}

func spendsCode(request tchttp.Request) bool {
	spender, ok := request.(codeSpender)
	return ok && spender.SpendsCode()
}

func (c *Client) finish(failure *Error, attempts int, start time.Time) *Error {
	failure.Attempts = attempts
	failure.Elapsed = time.Since(start)
	return failure
}

func (c *Client) report(ctx context.Context, action string, number int, took time.Duration, failure *Error, ex *exchange, retryIn time.Duration) {
	if c.onAttempt == nil {
		return
	}
	a := Attempt{
		Action:     action,
		Number:     number,
		Duration:   took,
		HTTPStatus: ex.status,
		RequestID:  ex.requestID,
		RetryIn:    retryIn,
	}
	if !c.sensitive {
		a.RequestBody, a.ResponseBody = ex.requestBody, ex.responseBody
	}
	if failure != nil {
		a.ErrorCode = failure.Code
		if failure.RequestID != "" {
			a.RequestID = failure.RequestID
		}
	}
	c.onAttempt(ctx, a)
}

// send makes one exchange through the SDK, capturing its bodies, and
// checks that the answer is an API response.
func (c *Client) send(ctx context.Context, request tchttp.Request, response tchttp.Response) (*Error, *exchange) {
	ctx, ex := newExchange(ctx, c.outage.connected)
	err := sendOnce(ctx, c.sdk, request, response, c.userAgent)
	return classify(err, ex, c.sensitive), ex
}
