// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"math"
	"sync"
	"time"
)

// A client sends each action's requests on lanes. A lane sends at most one
// request a period (a second and the pacing margin, at the default
// rate_limit), always at the same phase, so a client with n lanes never has
// more than n requests in any second the server counts, and its requests
// come back for the places the server freed for them a period before. A
// throttle drops the lane it came on and nothing else: the client's other
// requests keep their places, and the place goes to whoever took it. A
// client not throttled for laneWait adds a lane, then two, four and so on,
// growWait or more apart while none is throttled. Clients that share an
// account's budget (plans that run at once) learn of each other only
// through throttles, and settle at shares of it; a client alone is never
// throttled and keeps every lane, rate_limit paced at 97%.
const (
	// laneWait is how long after its last throttle a client adds a lane.
	// An addition made while others read costs a throttle, and the room a
	// plan leaves when it finishes is idle until an addition finds it, so
	// the wait trades throttles for wall time: 2.5 s gave five plans 8% to
	// 9.4% throttled, 3 s up to 1.107 times the floor (DESIGN.md).
	laneWait = 2750 * time.Millisecond
	// growWait is the least time between additions, more than the
	// server's window, so that an addition's throttle, if any, has come.
	growWait = 1100 * time.Millisecond
	// maxLanes bounds the lanes, and so the requests a pacer remembers
	// leaving. At the rates the API allows that is more than a second's
	// worth; at the rates only an emulator allows, a second's worth would
	// be thousands.
	maxLanes = 64
	// maxInflight is how many unanswered requests a pacer keeps before
	// it forgets those over a minute old.
	maxInflight = 1024
	// recheckPace is how often a caller waiting for a slot further away
	// looks at the lanes again.
	recheckPace = 250 * time.Millisecond
)

// lane is one of a pacer's lanes.
type lane struct {
	// next is the lane's next phase, and answered when its last answer
	// that was not a throttle came.
	next, answered time.Time
}

// pacer sends one client's requests of an action on its lanes.
//
// Calls wait for their turn one at a time and take the earliest lane.
type pacer struct {
	turn   chan struct{}
	period time.Duration
	most   int

	mu    sync.Mutex
	lanes []*lane
	// throttledOnce is set at the first throttle, and hold is when the
	// first throttle lets requests leave again; maxHold is the longest it
	// holds them: the server's window, or the client's longest retry wait
	// if that is shorter, as a throttled retry's is.
	throttledOnce bool
	hold          time.Time
	maxHold       time.Duration
	// growAt is when lanes are next added, and step how many.
	growAt time.Time
	step   int
	// accepted are the times of the answers of the last second that the
	// server did not throttle, oldest first, until the first throttle.
	accepted []time.Time
	// inflight are the lanes of the requests not yet answered, by when
	// they left: an answer may come after its lane has sent again.
	inflight map[time.Time]*lane

	// departed is read and written only by the caller holding the turn.
	departed departures
}

func newPacer(ceiling float64) *pacer {
	// As many lanes as a second holds at the ceiling, so that a lane's
	// period is a second or more, up to maxLanes, where it is shorter at
	// rates only an emulator allows (and never under a microsecond).
	// The departures look back as many requests over the same span,
	// without the floor.
	most := lanesFor(ceiling, maxLanes)
	span := time.Duration(float64(most) / ceiling * float64(time.Second))
	return &pacer{
		turn:     make(chan struct{}, 1),
		period:   max(time.Microsecond, span),
		most:     most,
		maxHold:  time.Second,
		step:     1,
		inflight: map[time.Time]*lane{},
		departed: departures{n: most, span: span},
	}
}

// wait takes the earliest lane's next phase and returns when the request
// left, which the answer reports back to answered or throttled.
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
		if hold := p.holdUntil(); hold.After(now) {
			if !Sleep(ctx, min(hold.Sub(now), recheckPace)) {
				return time.Time{}, ctx.Err()
			}
			continue
		}
		l, at := p.nextLane(now)
		due := later(at, p.departed.earliest())
		delay := due.Sub(now)
		if delay > recheckPace {
			// Lanes may be added while a far phase is awaited.
			if !Sleep(ctx, recheckPace) {
				return time.Time{}, ctx.Err()
			}
			continue
		}
		if !Sleep(ctx, delay) || ctx.Err() != nil {
			return time.Time{}, ctx.Err()
		}
		if left, ok := p.take(l); ok {
			p.departed.left(left, due)
			return left, nil
		}
	}
}

// nextLane is the lane whose phase comes first, and when.
func (p *pacer) nextLane(now time.Time) (*lane, time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.open(now)
	p.grow(now)
	first := p.lanes[0]
	for _, l := range p.lanes[1:] {
		if l.next.Before(first.next) {
			first = l
		}
	}
	return first, later(first.next, now)
}

// take sends on l, unless a throttle dropped it or the first throttle's
// hold began while its phase was awaited.
func (p *pacer) take(l *lane) (time.Time, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.hold.After(now) || !p.has(l) {
		return time.Time{}, false
	}
	// The time a request left is its key in inflight, so no two may share
	// one: a coarse clock, or requests an interval of 0 ns apart at rates
	// only an emulator allows, would have a second take the first's entry.
	// take runs for the caller holding the turn, which may read departed.
	if last := p.departed.last(); !now.After(last) {
		now = last.Add(time.Nanosecond)
	}
	if len(p.inflight) > maxInflight {
		p.forgetOlder(now.Add(-time.Minute))
	}
	p.inflight[now] = l
	// A lane that sends late moves its phase to now: one period after the
	// old phase could come less than a period after this request.
	l.next = later(l.next.Add(p.period), now.Add(p.period))
	return now, true
}

// forgetOlder drops the requests sent before then from inflight: a slot
// taken but never sent (a credential that was not ready after all) has no
// answer to remove it.
func (p *pacer) forgetOlder(then time.Time) {
	for sent := range p.inflight {
		if sent.Before(then) {
			delete(p.inflight, sent)
		}
	}
}

// open lays out every lane, evenly from now, before the first request.
func (p *pacer) open(now time.Time) {
	if len(p.lanes) > 0 || p.throttledOnce {
		return
	}
	for i := range p.most {
		p.lanes = append(p.lanes, &lane{next: now.Add(p.period * time.Duration(i) / time.Duration(p.most))})
	}
}

func (p *pacer) has(l *lane) bool {
	for _, m := range p.lanes {
		if m == l {
			return true
		}
	}
	return false
}

func (p *pacer) laneCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.lanes)
}

// interval is the spacing of requests on the lanes there are.
func (p *pacer) interval() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.period / time.Duration(max(1, len(p.lanes)))
}

// lanesFor is how many requests a second holds at ceiling, rounded up,
// from 1 to most; compared as floats, since a huge ceiling overflows an int.
func lanesFor(ceiling float64, most int) int {
	return int(max(1, min(float64(most), math.Ceil(ceiling))))
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
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
