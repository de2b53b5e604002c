// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"math/rand/v2"
	"slices"
	"time"
)

// The server's answers are all a pacer learns of the clients it shares a
// budget with: a throttle drops the lane it came on, and a spell without
// one adds lanes.

// grow adds the lanes due by now, at random phases: a caller that comes
// back after a spell without requests finds every addition since made.
func (p *pacer) grow(now time.Time) {
	for p.throttledOnce && !now.Before(p.growAt) && len(p.lanes) < p.most {
		for range min(p.step, p.most-len(p.lanes)) {
			p.lanes = append(p.lanes, &lane{next: now.Add(rand.N(p.period))})
		}
		p.step *= 2
		p.growAt = p.growAt.Add(max(growWait, laneWait/time.Duration(p.step)))
	}
}

// answered tells the pacer that the server answered the request sent at
// sent without throttling it: it spent the budget.
func (p *pacer) answered(sent time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if l := p.inflight[sent]; l != nil {
		l.answered = now
	}
	delete(p.inflight, sent)
	if p.throttledOnce {
		return
	}
	n := 0
	for n < len(p.accepted) && now.Sub(p.accepted[n]) >= time.Second {
		n++
	}
	p.accepted = append(p.accepted[n:], now)
}

// forget tells the pacer that the request sent at sent got no answer from
// the server, which says nothing of its budget.
func (p *pacer) forget(sent time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.inflight, sent)
}

// throttled drops the lane of the request sent at sent, which the server
// throttled: its place went to another request.
//
// The first throttle usually ends a burst: plans that start together each
// send on every lane and fill the server's window within a fraction of a
// second, and it admits nothing more until that burst leaves it. So the
// first throttle keeps only the lanes answered in the second before, and
// nothing is sent until the oldest of those answers has left the window,
// or a second after the throttled request if there was none. Like any
// throttle it starts the laneWait before lanes are added: adding them
// sooner after the hold raised the throttles by a third.
func (p *pacer) throttled(sent time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	l := p.inflight[sent]
	delete(p.inflight, sent)
	p.growAt, p.step = now.Add(laneWait), 1
	if !p.throttledOnce {
		p.throttledOnce = true
		p.hold = p.burstEnd(now, sent)
		p.keepAnswered(now, l)
		return
	}
	if len(p.lanes) > 1 {
		p.lanes = slices.DeleteFunc(p.lanes, func(m *lane) bool { return m == l })
	}
}

// keepAnswered keeps the lanes answered in the last second but throttled,
// or one lane if none was, and moves them past the hold.
func (p *pacer) keepAnswered(now time.Time, throttled *lane) {
	var kept []*lane
	for _, l := range p.lanes {
		if l != throttled && !l.answered.IsZero() && now.Sub(l.answered) < time.Second {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		kept = []*lane{{next: p.hold}}
	}
	for _, l := range kept {
		if l.next.Before(p.hold) {
			// Whole periods, so that the lane keeps its phase.
			periods := int64(p.hold.Sub(l.next)/p.period) + 1
			l.next = l.next.Add(time.Duration(periods) * p.period)
		}
	}
	p.lanes = kept
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

// holdUntil is when requests may leave again after the first throttle.
func (p *pacer) holdUntil() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.hold
}
