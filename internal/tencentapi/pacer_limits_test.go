// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"testing"
	"testing/synctest"
	"time"
)

// At rates only an emulator allows, requests are 0 ns apart, so two could
// leave at one instant; each must still be known by its own time, or a
// throttle of one drops the other's lane and the other's drops none.
func TestTwoRequestsLeavingAtOneInstantEachDropTheirOwnLane(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(1e12 * pacingMargin)
		first := takeSlots(t, p, 64)
		answer(p, first[:63]...)
		p.throttled(first[63]) // the first throttle: 63 lanes kept
		time.Sleep(2 * time.Second)
		before := p.laneCount()
		a, b := takeSlot(t, p), takeSlot(t, p)
		if a.Equal(b) {
			t.Fatalf("two requests recorded as leaving at %v", a.Format(time.StampNano))
		}
		p.throttled(a)
		p.throttled(b)
		if n := p.laneCount(); n != before-2 {
			t.Errorf("two throttles took %d lanes to %d, want %d", before, n, before-2)
		}
	})
}

// Every rate_limit that a second holds 64 requests at gets 64 lanes; one
// too large for an int must not get one.
func TestAHugeRateLimitGetsTheMostLanesNotOne(t *testing.T) {
	for _, rate := range []float64{1e6, 1e12, 1e19, 1e300} {
		p := newPacer(rate * pacingMargin)
		if p.most != maxLanes || p.departed.n != maxLanes {
			t.Errorf("rate_limit %g: %d lanes, looks back %d requests; want %d and %d", rate, p.most, p.departed.n, maxLanes, maxLanes)
		}
	}
}
