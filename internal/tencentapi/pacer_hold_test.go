// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"testing"
	"time"
)

// acceptedAt sets the answers the server accepted to those at times.
func acceptedAt(p *pacer, times ...time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.accepted = times
}

// Plans that start together fill the window within a fraction of a second
// and nothing is admitted until that burst leaves it, so after the first
// throttle the pacer sends nothing until then, whatever its lanes.
func TestAfterTheFirstThrottleNothingLeavesUntilTheBurstBeforeItHasLeftTheWindow(t *testing.T) {
	p := newPacer(19.4)
	burst := time.Now().Add(-500 * time.Millisecond)
	acceptedAt(p, burst.Add(-2*time.Second), burst, burst.Add(10*time.Millisecond))
	p.throttled(time.Now())
	left := takeSlot(t, p)
	if out := burst.Add(time.Second); left.Before(out) {
		t.Errorf("a request left %v before the burst accepted at %v left the window", out.Sub(left), burst.Format("15:04:05.000"))
	}
}

// A client that starts into a window the others have filled has no answer
// to date the burst by: it waits until what filled the window has left.
func TestAFirstThrottleBeforeAnyAnswerHoldsRequestsASecondFromTheThrottledOne(t *testing.T) {
	p := newPacer(19.4)
	sent := time.Now().Add(-500 * time.Millisecond)
	p.throttled(sent)
	left := takeSlot(t, p)
	if out := sent.Add(time.Second); left.Before(out) {
		t.Errorf("a request left %v before the window the throttled request met had emptied", out.Sub(left))
	}
}

// Callers that queued before the first throttle wait for the hold too.
func TestCallersWaitingAtTheFirstThrottleLeaveOnlyAfterTheHold(t *testing.T) {
	p := newPacer(100)
	acceptedAt(p, time.Now().Add(-900*time.Millisecond), time.Now())
	p.throttled(time.Now())
	hold := p.holdUntil()
	slots := make(chan time.Time, 5)
	for range 5 {
		go func() {
			slot, err := p.wait(context.Background())
			if err != nil {
				t.Error(err)
			}
			slots <- slot
		}()
	}
	for range 5 {
		if slot := <-slots; slot.Before(hold) {
			t.Errorf("a waiting caller left %v before the hold ended", hold.Sub(slot))
		}
	}
}

// Only the first throttle ends a burst: a later one holds nothing.
func TestALaterThrottleHoldsNothing(t *testing.T) {
	p := newPacer(19.4)
	p.throttled(time.Now())
	hold := p.holdUntil()
	p.throttled(takeSlot(t, p))
	if !p.holdUntil().Equal(hold) {
		t.Errorf("a later throttle moved the hold by %v", p.holdUntil().Sub(hold))
	}
}

// A client that was sending steadily when first throttled holds its
// requests for one interval at most: its oldest answer of the last second
// is about a second old.
func TestAFirstThrottleOfASteadyClientHoldsItsRequestsOneIntervalAtMost(t *testing.T) {
	p := newPacer(19.4)
	now := time.Now()
	interval := time.Second * 100 / 1940
	var times []time.Time
	for at := now.Add(-time.Second + interval/2); !at.After(now); at = at.Add(interval) {
		times = append(times, at)
	}
	acceptedAt(p, times...)
	p.throttled(now)
	if held := p.holdUntil().Sub(now); held <= 0 || held > interval {
		t.Errorf("a steady client's first throttle held its requests for %v; want more than none and at most an interval, %v", held, interval)
	}
}

// The hold dates the burst by the answers of the server's last second
// only, whatever the spacing of the lanes.
func TestAFirstThrottleAtALowRateLimitDatesTheBurstByTheLastSecondOnly(t *testing.T) {
	p := newPacer(0.97)
	now := time.Now()
	acceptedAt(p, now.Add(-1500*time.Millisecond), now.Add(-500*time.Millisecond))
	p.throttled(now)
	if held, want := p.holdUntil().Sub(now), 500*time.Millisecond; held < want-time.Millisecond || held > want+time.Millisecond {
		t.Errorf("held for %v, want %v: until the answer of the last second leaves the window", held, want)
	}
}

// A caller already waiting for its slot when the first throttle comes
// waits for the hold too, instead of leaving into the full window.
func TestACallerAwaitingItsSlotWhenTheFirstThrottleComesWaitsForTheHold(t *testing.T) {
	p := newPacer(4.85) // five lanes: a slot 206 ms away is awaited, not rechecked
	first := takeSlot(t, p)
	done := make(chan time.Time)
	go func() {
		left, err := p.wait(context.Background())
		if err != nil {
			t.Error(err)
		}
		done <- left
	}()
	time.Sleep(50 * time.Millisecond)
	p.throttled(first)
	if left, hold := <-done, p.holdUntil(); left.Before(hold) {
		t.Errorf("a request left %v before the hold ended", hold.Sub(left))
	}
}

// The hold is a second at most, whatever time the throttled request says
// it was sent.
func TestTheHoldLastsASecondAtMostWhateverTheThrottledRequestSays(t *testing.T) {
	p := newPacer(19.4)
	now := time.Now()
	p.throttled(now.Add(time.Hour))
	if held := p.holdUntil().Sub(now); held > time.Second+100*time.Millisecond {
		t.Errorf("a throttle of a request dated an hour ahead held requests for %v", held)
	}
}

// A client told to wait at most RetryMaxDelay for a throttled retry holds
// no longer than that either.
func TestTheHoldLastsNoLongerThanTheClientsLongestRetryWait(t *testing.T) {
	p := newPacers(19.4, 5*time.Millisecond).of("DescribeOrganizationMembers")
	now := time.Now()
	p.throttled(now)
	if held := p.holdUntil().Sub(now); held > 50*time.Millisecond {
		t.Errorf("held for %v with a longest retry wait of 5ms", held)
	}
	if q := newPacers(19.4, time.Minute).of("DescribeOrganizationMembers"); q.maxHold != time.Second {
		t.Errorf("with a longest retry wait of a minute the hold may last %v, want the window's second", q.maxHold)
	}
}
