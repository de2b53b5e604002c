// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

// When the endpoint is down: one client-wide verdict instead of hundreds of
// calls each backing off alone.

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// The grace before a client takes its endpoint for down. A connection that
// is refused or a name that does not resolve says nothing about the next
// request while it happens once: a proxy restarts, a load balancer swaps a
// backend, a resolver hiccups. The same failure on several attempts in a row
// across all of a client's calls, for a couple of seconds, with no answer in
// between, is no such blip; and every further retry only spends the user's
// time (at max_retries 10 the backoff is minutes per call). Both bounds must
// pass: a few attempts, so that one unlucky burst of refusals does not trip
// it, and a few seconds, so that a blip of many concurrent calls does not.
// Two seconds keeps a dead endpoint under five from the start.
const (
	outageGraceFailures = 3
	outageGraceTime     = 2 * time.Second
	// dialRetryDelay is the wait before retrying a connection that was not
	// made, plus up to half again: short, so that the grace ends in seconds,
	// and not exponential, since nothing was sent that could load a server.
	dialRetryDelay = 250 * time.Millisecond
	// probeAfter is how long after its last refused connection a client
	// that took its endpoint for down lets one call through to try again,
	// so that a later read of a long run finds an endpoint that came back.
	// Reads started before then fail at once, without being sent: a read of
	// hundreds of members would otherwise send one doomed probe per member,
	// each queued for a slot of the lanes.
	probeAfter = 5 * time.Second
)

// errEndpointDown ends the waits of pending calls when the verdict falls.
var errEndpointDown = errors.New("the endpoint was taken for down")

// Outage is why a client took its endpoint for down (CodeEndpointUnreachable).
type Outage struct {
	// Failures is how many attempts in a row, across the client's calls,
	// could not connect.
	Failures int
	// Duration is the real time from the first of them to the call's end.
	Duration time.Duration
	// LastError is the last connection failure's text.
	LastError string
}

// outage tracks a client's consecutive connection failures; any answer
// resets it. It is per client, never per process: each provider
// configuration, and STS beside the Organization API, has its own endpoint.
type outage struct {
	mu       sync.Mutex
	failures int
	first    time.Time
	last     time.Time
	lastErr  string
	down     bool
	// live is how many attempts connected and have not ended; while any
	// has, the endpoint is not taken for down (see connected).
	live int
	// probed is when the last probe was let through; a probe that never
	// reports (it timed out, say) holds the next one back only so long.
	probed time.Time
	// declared ends when the endpoint is taken for down; it is replaced
	// once an answer arrives after that.
	declared context.Context
	declare  context.CancelFunc
	// declaredAs is the verdict when it fell, for calls that learn of it
	// after an answer lifted it.
	declaredAs Outage
}

func newOutage() *outage {
	o := &outage{}
	o.declared, o.declare = context.WithCancel(context.Background())
	return o
}

// answered records an answer of any kind: the endpoint is up.
func (o *outage) answered() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.failures = 0
	if o.down {
		o.down = false
		o.declared, o.declare = context.WithCancel(context.Background())
	}
}

// connected records an attempt that connected to the endpoint. A new
// connection is proof of life, like an answer, and resets the count: it is
// judged when made, not when the attempt ends, since a healthy endpoint
// that answers slowly (seconds) would otherwise see only the refusals in
// between. A reused one is no news: the endpoint may have died since.
// Either way the endpoint is not taken for down until the attempt ends
// (ended), for its answer would be news that it is up.
func (o *outage) connected(fresh bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.live++
	if fresh && !o.down {
		o.failures = 0
	}
}

// ended records the end of an attempt that connected.
func (o *outage) ended() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.live--
}

// refused records an attempt that could not connect, and returns the
// outage once the endpoint is taken for down.
func (o *outage) refused(text string) *Outage {
	o.mu.Lock()
	defer o.mu.Unlock()
	now := time.Now()
	if o.failures == 0 {
		o.first = now
	}
	o.failures++
	o.last, o.lastErr = now, text
	if !o.down && o.live == 0 && o.failures >= outageGraceFailures && now.Sub(o.first) >= outageGraceTime {
		o.down = true
		o.declaredAs = *o.verdict(now)
		o.declare()
	}
	return o.verdict(now)
}

// verdict is the outage when the endpoint is down, else nil; o.mu is held.
func (o *outage) verdict(now time.Time) *Outage {
	if !o.down {
		return nil
	}
	return &Outage{Failures: o.failures, Duration: now.Sub(o.first), LastError: o.lastErr}
}

// admit decides how a new call goes. While the endpoint is up, it returns
// a context that ends when the endpoint is taken for down, for the call's
// waits. While it is down, the call fails at once with the outage, unless
// it is let through as the one probe, with watch nil: if that gets no
// answer, the verdict stands and ends it; if it does, the verdict is lifted.
func (o *outage) admit() (watch context.Context, down *Outage) {
	o.mu.Lock()
	defer o.mu.Unlock()
	now := time.Now()
	switch {
	case !o.down:
		return o.declared, nil
	case now.Sub(o.last) >= probeAfter && now.Sub(o.probed) >= probeAfter:
		o.probed = now
		return nil, nil
	}
	return nil, o.verdict(now)
}

// lastVerdict is the outage now, or the last one if it was lifted since.
func (o *outage) lastVerdict() *Outage {
	o.mu.Lock()
	defer o.mu.Unlock()
	if v := o.verdict(time.Now()); v != nil {
		return v
	}
	v := o.declaredAs
	return &v
}

// current is the outage if the endpoint is down now, else nil.
func (o *outage) current() *Outage {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.verdict(time.Now())
}

// watching returns ctx that also ends, with errEndpointDown as its cause,
// when watch does; stop releases it.
func watching(ctx, watch context.Context) (context.Context, func()) {
	if watch == nil {
		return ctx, func() {}
	}
	merged, cancel := context.WithCancelCause(ctx)
	unhook := context.AfterFunc(watch, func() { cancel(errEndpointDown) })
	return merged, func() { unhook(); cancel(nil) }
}

// endpointUnreachable is a call ended by the verdict. It was unsent if its
// last attempt was, or if it made none.
func endpointUnreachable(down *Outage, last *Error) *Error {
	return &Error{
		Code: CodeEndpointUnreachable,
		Message: fmt.Sprintf("the endpoint could not be connected to on %d attempts in a row over %s, so it is taken for down: %s",
			down.Failures, down.Duration.Round(time.Millisecond), down.LastError),
		Outage: down,
		unsent: last == nil || last.unsent,
		err:    last,
	}
}

// dialDelay is the wait before retrying an attempt that could not connect:
// dialRetryDelay, or the backoff's base if shorter, plus up to half again.
func (b Backoff) dialDelay() time.Duration {
	wait := min(dialRetryDelay, b.Base)
	if wait <= 0 {
		return 0
	}
	return wait + rand.N(wait/2+1)
}
