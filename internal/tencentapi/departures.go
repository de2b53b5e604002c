// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"time"
)

// maxDepartures bounds the requests a pacer remembers. At the rates the
// API allows that is more than a second's worth; at the rates only an
// emulator allows, a second's worth would be thousands.
const maxDepartures = 64

// departures are when a pacer's last requests left, so that a request that
// left late does not let the ones after it crowd into its second. The
// lanes keep their phases when a request leaves late (a busy core, a pause
// of the process): the next requests would follow it closer than the
// lanes' spacing, and the pacing margin, which absorbs network jitter,
// would be spent. Keeping every n+1 requests that leave at least n intervals of
// the ceiling apart, where n is what a second holds at the ceiling, costs
// a late request only the slots right after it.
type departures struct {
	times []time.Time // oldest first, at most n
	n     int
	span  time.Duration
}

func newDepartures(ceiling float64) departures {
	n := lanesFor(ceiling, maxDepartures)
	return departures{n: n, span: time.Duration(float64(n) / ceiling * float64(time.Second))}
}

// earliest is when the next request may leave: half an interval of the
// ceiling after the last, and span after the one n requests back. Lanes
// whose phases passed while nothing was asked of them (a listing that
// confirms a read after its bindings) would otherwise all leave at once,
// and a burst queues in the process: the first of it reaches the server
// later than it left, by more than the margin allows. Half an interval,
// not a whole one: lanes laid an interval apart would then each push the
// next back by the timer's lateness, which added up to 2% of throughput.
func (d *departures) earliest() time.Time {
	var at time.Time
	if k := len(d.times); k > 0 {
		at = d.times[k-1].Add(d.span / time.Duration(2*d.n))
	}
	if len(d.times) == d.n {
		at = later(at, d.times[0].Add(d.span))
	}
	return at
}

// left records that a request left at t.
func (d *departures) left(t time.Time) {
	if len(d.times) == d.n {
		d.times = d.times[1:]
	}
	d.times = append(d.times, t)
}
