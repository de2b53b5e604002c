// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"testing"
	"testing/synctest"
	"time"
)

// takeSlot waits for p's next slot and returns when it was taken.
func takeSlot(t *testing.T, p *pacer) time.Time {
	t.Helper()
	slot, err := p.wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return slot
}

// takeSlots takes n slots of p and returns when each left.
func takeSlots(t *testing.T, p *pacer, n int) []time.Time {
	t.Helper()
	var sent []time.Time
	for range n {
		sent = append(sent, takeSlot(t, p))
	}
	return sent
}

// answer has the server accept the requests sent at each of sent.
func answer(p *pacer, sent ...time.Time) {
	for _, s := range sent {
		p.answered(s)
	}
}

// lanesNow is how many lanes p has once the additions due by now are made.
func lanesNow(p *pacer) int {
	p.nextLane(time.Now())
	return p.laneCount()
}

// phases are p's lanes' next phases, by lane.
func phases(p *pacer) map[*lane]time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[*lane]time.Time{}
	for _, l := range p.lanes {
		out[l] = l.next
	}
	return out
}

func TestAPacerHasALaneForEachRequestASecondHoldsAtTheCeiling(t *testing.T) {
	for _, tc := range []struct {
		ceiling float64
		lanes   int
		period  time.Duration
	}{
		{19.4, 20, 1030927835},
		{0.485, 1, 2061855670},
		{97000, maxLanes, 659793},
	} {
		if p := newPacer(tc.ceiling); p.most != tc.lanes || p.period != tc.period {
			t.Errorf("ceiling %v: %d lanes of %v, want %d of %v", tc.ceiling, p.most, p.period, tc.lanes, tc.period)
		}
	}
}

func TestAPacerNeverThrottledSpacesItsRequestsEvenlyAtTheCeiling(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(19.4)
		last := takeSlot(t, p)
		for i := range 60 {
			slot := takeSlot(t, p)
			if gap, want := slot.Sub(last), time.Second*100/1940; gap < want-time.Millisecond || gap > want+time.Millisecond {
				t.Fatalf("request %d left %v after the one before, want %v", i+2, gap, want)
			}
			last = slot
		}
	})
}

// A throttle means another client took the place the request came for:
// the lane it came on is dropped, and every other request keeps its place.
func TestAThrottleDropsTheLaneItCameOnAndNoOtherPhaseMoves(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(19.4)
		// The first throttle, out of the way, keeps the 19 lanes answered.
		first := takeSlots(t, p, 20)
		answer(p, first[:19]...)
		p.throttled(first[19])
		if n := p.laneCount(); n != 19 {
			t.Fatalf("the first throttle kept %d lanes, want the 19 answered in the second before", n)
		}
		sent := takeSlots(t, p, 19)
		answer(p, sent[:3]...)
		answer(p, sent[4:]...)
		p.mu.Lock()
		dropped := p.inflight[sent[3]]
		p.mu.Unlock()
		before := phases(p)
		p.throttled(sent[3])
		after := phases(p)
		if _, kept := after[dropped]; kept || len(after) != 18 {
			t.Fatalf("%d lanes after a throttle (the throttled one kept: %t), want 18 without it", len(after), kept)
		}
		for l, next := range after {
			if !before[l].Equal(next) {
				t.Errorf("a lane's phase moved by %v", next.Sub(before[l]))
			}
		}
	})
}

// An answer may come after its lane has sent again: the throttle still
// drops the lane it came on.
func TestAThrottleAnsweredAfterItsLaneSentAgainDropsThatLane(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(1.94) // two lanes
		p.throttled(takeSlot(t, p))
		time.Sleep(10 * time.Second) // both lanes back
		late := takeSlot(t, p)
		takeSlots(t, p, 3) // every lane has sent since
		p.throttled(late)
		if n := p.laneCount(); n != 1 {
			t.Errorf("%d lanes after a throttle answered a period late, want 1", n)
		}
	})
}

// Room shows only as the absence of throttles: after laneWait without one
// a lane is added, then two and four, growWait or more apart, until a
// throttle starts the count again.
func TestAPacerNotThrottledAddsOneLaneThenTwoThenFour(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(19.4)
		p.throttled(takeSlot(t, p)) // the first keeps one lane: nothing was answered
		p.throttled(takeSlot(t, p)) // a later one starts the count, and leaves the last lane
		start := time.Now()
		const off = 100 * time.Millisecond
		two := laneWait + max(growWait, laneWait/2) // the second addition
		for _, step := range []struct {
			at    time.Duration
			lanes int
		}{
			{laneWait - off, 1}, {laneWait + off, 2}, {two - off, 2}, {two + off, 4},
			{two + growWait - off, 4}, {two + growWait + off, 8},
		} {
			time.Sleep(time.Until(start.Add(step.at)))
			if n := lanesNow(p); n != step.lanes {
				t.Fatalf("%v after the throttle: %d lanes, want %d", step.at, n, step.lanes)
			}
		}
		p.throttled(takeSlot(t, p))
		time.Sleep(laneWait + off)
		if n := lanesNow(p); n != 8 {
			t.Errorf("%v after a later throttle: %d lanes, want 7 plus one added", laneWait+off, n)
		}
	})
}

// The first throttle, like any, starts the wait for a lane: lanes that
// came back sooner after a burst would raise the throttles.
func TestAfterTheFirstThrottleLanesAreAddedOnlyLaneWaitLater(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(19.4)
		p.throttled(takeSlot(t, p)) // nothing answered: one lane, held for a second
		start := time.Now()
		time.Sleep(time.Until(start.Add(laneWait - 10*time.Millisecond)))
		if n := lanesNow(p); n != 1 {
			t.Fatalf("%d lanes just before laneWait after the first throttle, want 1", n)
		}
		time.Sleep(20 * time.Millisecond)
		if n := lanesNow(p); n != 2 {
			t.Errorf("%d lanes laneWait after the first throttle, want 2", n)
		}
	})
}

func TestAPacerKeepsOneLaneHoweverOftenThrottledAndNoMoreThanTheCeilingHolds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(4.85) // five lanes
		for range 10 {
			p.throttled(takeSlot(t, p))
		}
		if n := p.laneCount(); n != 1 {
			t.Errorf("%d lanes after ten throttles, want one", n)
		}
		time.Sleep(20 * time.Second)
		if n := lanesNow(p); n != 5 {
			t.Errorf("%d lanes after 20 s without a throttle, want the five the ceiling holds", n)
		}
	})
}

// The lanes keep their phases when a request leaves late, so the
// requests after it would crowd into its second: the request after n more
// leaves n intervals of the ceiling after it at the earliest.
func TestARequestThatLeftLateKeepsTheRequestsAfterItOutOfItsSecond(t *testing.T) {
	p := newPacer(10)
	// Ten requests left in the last 940 ms, the first of them 60 ms late:
	// the eleventh may leave a second after it, 60 ms from now, though a
	// lane is free at once.
	now := time.Now()
	first := now.Add(-940 * time.Millisecond)
	for i := range 10 {
		sent := first.Add(time.Duration(i) * 100 * time.Millisecond)
		p.departed.left(sent, sent)
	}
	left := takeSlot(t, p)
	if gap := left.Sub(first); gap < time.Second {
		t.Errorf("the eleventh request left %v after the first of the ten before it; want a second at least", gap)
	}
}

// What a second holds at the ceiling bounds how many requests back the
// pacer looks, so that every run of n+1 requests spans n intervals.
func TestThePacerLooksBackWhatASecondHoldsAtTheCeiling(t *testing.T) {
	for _, tc := range []struct {
		ceiling float64
		n       int
		span    time.Duration
	}{
		{19.4, 20, 1030927835},
		{0.97, 1, 1030927835},
		{0.485, 1, 2061855670},
		{97000, maxLanes, 659793},
	} {
		d := newPacer(tc.ceiling).departed
		if d.n != tc.n || d.span != tc.span {
			t.Errorf("ceiling %v: looks back %d requests over %v, want %d over %v", tc.ceiling, d.n, d.span, tc.n, tc.span)
		}
	}
}

// A lane that sends late must not send again a period after the phase it
// missed, less than a period after this request.
func TestALaneThatSendsLateSendsItsNextAFullPeriodLater(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// One lane left of the twenty a ceiling of 19.4 holds, so that the
		// departures of twenty do not space its requests, and no more added.
		p := newPacer(19.4)
		p.throttledOnce, p.growAt = true, time.Now().Add(time.Hour)
		p.lanes = []*lane{{next: time.Now()}}
		takeSlot(t, p)
		time.Sleep(1500 * time.Millisecond)
		late := takeSlot(t, p)
		if next := takeSlot(t, p); next.Sub(late) < p.period {
			t.Errorf("the lane sent again %v after a late request, want a period, %v", next.Sub(late), p.period)
		}
	})
}

// At rates only an emulator allows the period floors at a microsecond,
// and the first throttle's hold is reached by arithmetic, not a loop.
func TestAHugeRateLimitNeitherHangsNorSpinsAtTheFirstThrottle(t *testing.T) {
	p := newPacer(1e12)
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.throttled(takeSlot(t, p))
		takeSlot(t, p)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a throttle at rate_limit 1e12 did not let a request leave within 5 s")
	}
	if p.period != time.Microsecond {
		t.Errorf("period %v at rate_limit 1e12, want the floor of a microsecond", p.period)
	}
}

// Lanes whose phases passed while nothing was asked of them (a listing
// that confirms a read after its bindings) leave an interval of the
// ceiling apart, not at once: a burst would queue in the process and
// reach the server bunched closer than its window allows.
func TestLanesIdleForAWhileLeaveAnIntervalApartNotAllAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(19.4)
		takeSlots(t, p, 25)
		time.Sleep(10 * time.Second)
		sent := takeSlots(t, p, 25)
		interval := time.Second * 100 / 1940
		for i := 1; i < len(sent); i++ {
			if gap := sent[i].Sub(sent[i-1]); gap < interval-time.Microsecond {
				t.Fatalf("request %d left %v after the one before, want at least %v", i, gap, interval)
			}
		}
	})
}

// A request that leaves late does not push the next back: the interval
// counts from when it was due. Lanes laid an interval apart otherwise lost
// the timer's lateness at every request, 2% of throughput on the real clock.
func TestTheNextRequestIsDueAnIntervalAfterTheLastWasDueNotAfterItLeft(t *testing.T) {
	p := newPacer(19.4)
	due := time.Now()
	p.departed.left(due.Add(5*time.Millisecond), due)
	interval := time.Second * 100 / 1940
	if got := p.departed.earliest(); !got.Equal(due.Add(interval)) {
		t.Errorf("the next may leave %v after the last was due, want %v", got.Sub(due), interval)
	}
}
