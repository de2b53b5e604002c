// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// The pace adapts to throttles as CUBIC (RFC 9438) adapts a congestion
// window, which the AWS SDK's adaptive retry mode also applies to request
// rates: a throttle cuts the pace, which then grows back along a cubic
// curve, flat around the pace last throttled and steep away from it.
// Clients that share an account's budget (plans that run at once) learn of
// each other only through throttles, and settle at shares of it.
//
// Five choices differ from the AWS SDK's (β 0.7, C 0.4, a cut per
// throttle), each because the budget is a sliding window of one second; a
// simulation of plans sharing it chose the constants (see DESIGN.md):
//   - The cut is from the rate the server accepted in the last second, not
//     from the pace, so that one cut brings a client that sent far too much
//     (every plan starts at the ceiling) down to what it got.
//   - The cut is small (cubicBeta), since many clients are cut at once.
//   - A throttle of a request sent within cutSettle of the last cut does not
//     cut again: the window still holds the second before that cut.
//   - The curve regains the last peak in recoverTime whatever the pace, and
//     only then grows fast (cubicScale), so that clients probe for room
//     every few seconds at any rate_limit, yet one left alone regains the
//     whole budget within seconds.
//   - The first throttle ends a burst, so after it nothing is sent until
//     the burst has left the window (see throttled).
const (
	// cubicBeta is the share of the accepted rate kept after a throttle.
	cubicBeta = 0.95
	// recoverTime is how long the pace takes to regain its last peak.
	recoverTime = 4 * time.Second
	// cubicScale is C beyond the peak, as a share of the ceiling per cubic
	// second: at the default ceiling, 1.9 requests per second per s³, so a
	// client at a fifth of the budget regains all of it 2 s past its peak.
	cubicScale = 0.1
	// cutSettle is how long after a cut throttles are taken for news of
	// the pace before it: the window's length.
	cutSettle = time.Second
	// minShare is the least share of the ceiling the pace falls to, so
	// that throttling that persists slows a client without stopping it.
	minShare = 1.0 / 40
	// recheckPace is how often a caller waiting for a slot further away
	// looks at the pace again.
	recheckPace = 250 * time.Millisecond
)

// pacer spaces one client's requests evenly at its pace, which starts at
// the ceiling (rate_limit, less pacingMargin) and adapts to throttles.
//
// Calls wait for their turn one at a time and take a slot at the pace of
// that moment. If every caller reserved a slot with the limiter at once, as
// rate.Limiter.Wait does, a plan's 64 waiting reads would hold three
// seconds of slots at the old pace, and a cut would only take effect after
// them.
type pacer struct {
	turn    chan struct{}
	limiter *rate.Limiter
	ceiling float64

	mu sync.Mutex
	// cut is when the pace was last cut, zero until the first throttle.
	cut time.Time
	// after is the pace right after the cut, and peak the pace it regains
	// recoverTime later.
	after, peak float64
	// accepted are the times of the answers of the last span that the
	// server did not throttle, oldest first.
	accepted []time.Time
	// hold is when the first cut lets requests leave again, and maxHold
	// the longest it holds them: the server's window, or the client's
	// longest retry wait if that is shorter, as a throttled retry's is.
	hold    time.Time
	maxHold time.Duration

	// departed is read and written only by the caller holding the turn.
	departed departures
}

func newPacer(ceiling float64) *pacer {
	return &pacer{
		turn: make(chan struct{}, 1),
		// A burst of one spaces requests evenly, so no one-second window,
		// however aligned, sees more than the pace.
		limiter:  rate.NewLimiter(rate.Limit(ceiling), 1),
		ceiling:  ceiling,
		maxHold:  time.Second,
		departed: newDepartures(ceiling),
	}
}

// wait takes the next slot at the current pace and returns when it was
// taken, which the answer to the request reports back to throttled.
func (p *pacer) wait(ctx context.Context) (time.Time, error) {
	select {
	case p.turn <- struct{}{}:
	case <-ctx.Done():
		return time.Time{}, ctx.Err()
	}
	defer func() { <-p.turn }()
	// A select with both cases ready picks either: a call cancelled while
	// it queued must not take a slot.
	if err := ctx.Err(); err != nil {
		return time.Time{}, err
	}
	for {
		now := time.Now()
		// A slot reserved before the hold ends would have the next caller
		// leave right behind it, two at once.
		if hold := p.holdUntil(); hold.After(now) {
			if !Sleep(ctx, min(hold.Sub(now), recheckPace)) {
				return time.Time{}, ctx.Err()
			}
			continue
		}
		pace := p.paceAt(now)
		p.limiter.SetLimitAt(now, rate.Limit(pace))
		slot := p.limiter.ReserveN(now, 1)
		delay := max(slot.DelayFrom(now), p.departed.earliest().Sub(now))
		if delay <= recheckPace {
			if !Sleep(ctx, delay) || ctx.Err() != nil {
				slot.Cancel()
				return time.Time{}, ctx.Err()
			}
			// The first throttle may have come while this slot was
			// awaited: the request would go into the full window.
			if p.holdUntil().After(time.Now()) {
				slot.Cancel()
				continue
			}
			left := time.Now()
			p.departed.left(left)
			return left, nil
		}
		// A slow pace grows while its slot is awaited: a slot a cut put
		// 40 s away at rate_limit 1 would hold every caller that long,
		// where the curve is back at the ceiling in 6 s.
		slot.CancelAt(now)
		if !Sleep(ctx, recheckPace) {
			return time.Time{}, ctx.Err()
		}
	}
}

// answered tells the pacer that the server answered a request without
// throttling it: it spent the budget.
func (p *pacer) answered() {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	p.accepted = append(p.accepted[p.expired(now, p.span(now)):], now)
}

// throttled cuts the pace because the server throttled a request sent at
// sent, unless that was too soon after the last cut to show it.
//
// The first throttle usually ends a burst: plans that start together each
// send at the ceiling and fill the server's window within a fraction of a
// second, and it admits nothing more until that burst leaves it, so a
// request sent before then is throttled at any pace (five plans at once
// had 30 such throttles in their first seconds, a quarter of all). After
// the first cut nothing is sent until the oldest answer the server
// accepted in the second before it has left the window: the others' share
// of the burst was accepted about as early. A client that accepted none
// there (it started into a window the others had filled) waits until what
// filled it has left, a second after the request throttled. So no client
// holds for more than a second, and one that sent steadily through the
// last second holds for one interval at most.
func (p *pacer) throttled(sent time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if !p.cut.IsZero() && sent.Before(p.cut.Add(cutSettle)) {
		return
	}
	pace := p.paceLocked(now)
	span := p.span(now)
	p.accepted = p.accepted[p.expired(now, span):]
	got := min(pace, float64(len(p.accepted))/span.Seconds())
	// Fast convergence (RFC 9438, 4.7): a client throttled below its last
	// peak gives up more of its share, so that a newcomer gets room sooner.
	peak := got
	if got < p.peak {
		peak = got * (1 + cubicBeta) / 2
	}
	if p.cut.IsZero() {
		p.hold = p.burstEnd(now, sent)
	}
	p.cut = now
	p.after = max(got*cubicBeta, p.ceiling*minShare)
	p.peak = max(peak, p.after)
}

// burstEnd is when the oldest answer accepted in the second before now
// leaves the server's window, or a second after sent if none was; never
// more than maxHold from now.
func (p *pacer) burstEnd(now, sent time.Time) time.Time {
	end := sent.Add(time.Second)
	for _, at := range p.accepted {
		if now.Sub(at) < time.Second {
			end = at.Add(time.Second)
			break
		}
	}
	if limit := now.Add(p.maxHold); end.After(limit) {
		return limit
	}
	return end
}

// span is how far back the accepted rate is measured: the server's window
// of a second, or two slots at a pace too slow to send two in a second, so
// that a slow client is not taken for one that got nothing.
func (p *pacer) span(now time.Time) time.Duration {
	return max(time.Second, time.Duration(2*float64(time.Second)/p.paceLocked(now)))
}

// expired is how many of accepted are span old or older at now.
func (p *pacer) expired(now time.Time, span time.Duration) int {
	n := 0
	for n < len(p.accepted) && now.Sub(p.accepted[n]) >= span {
		n++
	}
	return n
}

// holdUntil is when requests may leave again after the first cut.
func (p *pacer) holdUntil() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.hold
}

// paceAt is the pace at now, in requests per second.
func (p *pacer) paceAt(now time.Time) float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.paceLocked(now)
}

// paceLocked is the cubic curve through after at the cut and peak
// recoverTime later: concave up to the peak, convex beyond it.
func (p *pacer) paceLocked(now time.Time) float64 {
	if p.cut.IsZero() {
		return p.ceiling
	}
	t := (now.Sub(p.cut) - recoverTime).Seconds()
	if t < 0 {
		f := t / recoverTime.Seconds()
		return p.peak + (p.peak-p.after)*f*f*f
	}
	return min(p.ceiling, p.peak+cubicScale*p.ceiling*t*t*t)
}

// interval is the spacing of requests at the current pace.
func (p *pacer) interval() time.Duration {
	return time.Duration(float64(time.Second) / p.paceAt(time.Now()))
}

// pacers are a client's pacers, one for each action it calls.
type pacers struct {
	ceiling float64
	maxHold time.Duration
	mu      sync.Mutex
	byName  map[string]*pacer
}

func newPacers(ceiling float64, maxHold time.Duration) *pacers {
	return &pacers{ceiling: ceiling, maxHold: min(maxHold, time.Second), byName: map[string]*pacer{}}
}

// of is action's pacer.
func (ps *pacers) of(action string) *pacer {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	p := ps.byName[action]
	if p == nil {
		p = newPacer(ps.ceiling)
		p.maxHold = ps.maxHold
		ps.byName[action] = p
	}
	return p
}
