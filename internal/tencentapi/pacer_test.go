// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"math"
	"testing"
	"time"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// takeSlot waits for p's next slot and returns when it was taken.
func takeSlot(t *testing.T, p *pacer) time.Time {
	t.Helper()
	slot, err := p.wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return slot
}

// answeredTimes records n answers the server accepted within the last second.
func answeredTimes(p *pacer, n int) {
	for range n {
		p.answered()
	}
}

func TestAThrottleCutsThePaceToAShareOfWhatTheServerAcceptedInTheLastSecond(t *testing.T) {
	p := newPacer(19.4)
	answeredTimes(p, 10)
	p.throttled(time.Now())
	if pace := p.paceAt(p.cut); !near(pace, 10*cubicBeta) {
		t.Errorf("pace after the cut: %v, want %v x the 10 accepted", pace, cubicBeta)
	}
	// A client whose pace is below what the server accepted cuts its pace.
	q := newPacer(5)
	answeredTimes(q, 10)
	q.throttled(time.Now())
	if pace := q.paceAt(q.cut); !near(pace, 5*cubicBeta) {
		t.Errorf("pace after the cut: %v, want %v x the pace of 5", pace, cubicBeta)
	}
}

func TestThrottlesOfRequestsSentSoonAfterACutDoNotCutAgain(t *testing.T) {
	p := newPacer(19.4)
	answeredTimes(p, 10)
	p.throttled(time.Now())
	cut, pace := p.cut, p.paceAt(p.cut)
	p.throttled(cut.Add(cutSettle - time.Millisecond))
	if !p.cut.Equal(cut) || !near(p.paceAt(cut), pace) {
		t.Errorf("a throttle of a request sent %v after the cut cut again", cutSettle-time.Millisecond)
	}
	p.throttled(cut.Add(cutSettle))
	if p.cut.Equal(cut) {
		t.Errorf("a throttle of a request sent %v after the cut did not cut", cutSettle)
	}
}

func TestThePaceRegainsItsPeakAfterTheRecoveryTimeThenTheCeilingSoonAfter(t *testing.T) {
	p := newPacer(19.4)
	answeredTimes(p, 10)
	p.throttled(time.Now())
	cut := p.cut
	after := 10 * cubicBeta
	if pace := p.paceAt(cut.Add(recoverTime / 2)); pace <= after || pace >= 10 {
		t.Errorf("pace halfway: %v, want between the cut %v and the peak 10", pace, after)
	}
	if pace := p.paceAt(cut.Add(recoverTime)); !near(pace, 10) {
		t.Errorf("pace after %v: %v, want the peak, 10", recoverTime, pace)
	}
	// Beyond the peak the curve grows fast: 10 + 0.1 x 19.4 x 2³ > 19.4.
	if pace := p.paceAt(cut.Add(recoverTime + 2*time.Second)); pace != 19.4 {
		t.Errorf("pace 2 s beyond the peak: %v, want the ceiling, 19.4", pace)
	}
	previous := after
	for d := time.Duration(0); d < 20*time.Second; d += 10 * time.Millisecond {
		pace := p.paceAt(cut.Add(d))
		if pace > 19.4 || pace < previous {
			t.Fatalf("pace %v after the cut: %v, want it to grow from %v to at most 19.4", d, pace, previous)
		}
		previous = pace
	}
}

func TestAClientThrottledBelowItsLastPeakGivesUpMoreOfItsShare(t *testing.T) {
	p := newPacer(19.4)
	answeredTimes(p, 10)
	p.throttled(time.Now())
	p.cut = p.cut.Add(-time.Second) // the next throttle is news of the cut pace
	p.accepted = nil
	answeredTimes(p, 8)
	p.throttled(time.Now())
	if !near(p.peak, 8*(1+cubicBeta)/2) {
		t.Errorf("peak after a throttle at 8 below the peak of 10: %v, want %v", p.peak, 8*(1+cubicBeta)/2)
	}
}

func TestThrottlingThatPersistsSlowsThePaceToAFortiethOfTheCeilingAndNoLower(t *testing.T) {
	p := newPacer(20)
	for range 50 {
		p.throttled(time.Now())
		p.cut = p.cut.Add(-time.Second)
	}
	if pace := p.paceAt(p.cut); !near(pace, 0.5) {
		t.Errorf("pace after 50 throttles with nothing accepted: %v, want 20/40", pace)
	}
}

// Callers queue for their turn, so a cut applies to the very next slot, not
// after the slots that waiting callers would otherwise have reserved.
func TestWaitingCallersTakeTheirSlotsAtThePaceCutWhileTheyWaited(t *testing.T) {
	p := newPacer(100)
	slots := make(chan time.Time, 20)
	for range 20 {
		go func() {
			slot, err := p.wait(context.Background())
			if err != nil {
				t.Error(err)
			}
			slots <- slot
		}()
	}
	first := <-slots
	answeredTimes(p, 50)
	p.mu.Lock()
	p.cut = first.Add(-time.Minute) // an earlier cut, so this one holds nothing
	p.mu.Unlock()
	p.throttled(first) // 47.5 per second from now, growing back to 50 over 4 s
	// A caller may be descheduled between its slot and its send, so the
	// last slot is the latest received, not the last one.
	var last time.Time
	for range 19 {
		if slot := <-slots; slot.After(last) {
			last = slot
		}
	}
	// At the old pace the other 19 take 190 ms; one may have left before
	// the cut, and the rest go at 50 per second at most.
	if spent, least := last.Sub(first), 18*time.Second/50; spent < least {
		t.Errorf("19 waiting calls went out within %v of the cut; at 50 per second and no faster they take at least %v", spent, least)
	}
}

// At rate_limit 1 a second holds one answer at most: the accepted rate is
// measured over two slots, or every throttle would look like a client that
// got nothing and cut it to a fortieth.
func TestAThrottleAtALowRateLimitCutsFromTheRateAcceptedOverTwoSlots(t *testing.T) {
	p := newPacer(0.97)
	answeredTimes(p, 2)
	p.throttled(time.Now())
	if pace := p.paceAt(p.cut); pace < 0.9 {
		t.Errorf("pace after a throttle at rate_limit 1 with every slot accepted: %v per second, want about %v", pace, 0.97*cubicBeta)
	}
}

// A caller whose slot a cut put far away looks again as the pace grows,
// instead of holding the turn, and every caller behind it, until then.
func TestACallerWaitingForAFarSlotTakesOneAsThePaceGrowsBack(t *testing.T) {
	p := newPacer(0.97)
	first := takeSlot(t, p)
	p.throttled(first) // nothing accepted: a fortieth, a slot 41 s away
	p.mu.Lock()
	p.cut = p.cut.Add(-recoverTime) // the curve grows from now on
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	start := time.Now()
	if _, err := p.wait(ctx); err != nil {
		t.Fatalf("the next slot was not taken within 20 s (it was 41 s away at the cut pace): %v", err)
	}
	t.Logf("the next slot came %v after the cut", time.Since(start))
}

// The limiter keeps its schedule when a request leaves late, so the
// requests after it would crowd into its second: the request after n more
// leaves n intervals of the ceiling after it at the earliest.
func TestARequestThatLeftLateKeepsTheRequestsAfterItOutOfItsSecond(t *testing.T) {
	p := newPacer(10)
	// Ten requests left in the last 940 ms, the first of them 60 ms late:
	// the eleventh may leave a second after it, 60 ms from now, though the
	// limiter, which saw none of them, has a slot at once.
	now := time.Now()
	first := now.Add(-940 * time.Millisecond)
	for i := range 10 {
		p.departed.left(first.Add(time.Duration(i) * 100 * time.Millisecond))
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
		{97000, maxDepartures, 659793},
	} {
		d := newDepartures(tc.ceiling)
		if d.n != tc.n || d.span != tc.span {
			t.Errorf("ceiling %v: looks back %d requests over %v, want %d over %v", tc.ceiling, d.n, d.span, tc.n, tc.span)
		}
	}
}
