// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"time"
)

// departures are when a pacer's last n requests left, n being the most
// lanes it may have, so that a request that left late does not let the
// ones after it crowd into its second. The lanes keep their phases when a request leaves late
// (a busy core, a pause of the process): the next requests would follow it
// closer than the lanes' spacing, and the pacing margin, which absorbs
// network jitter, would be spent. Keeping every n+1 requests that leave at
// least n intervals of the ceiling apart, where n is what a second holds at
// the ceiling, costs a late request only the slots right after it.
type departures struct {
	times []time.Time // oldest first, at most n
	n     int
	span  time.Duration
	// planned is when the last request was due to leave.
	planned time.Time
}

// last is when the last request left, zero before the first.
func (d *departures) last() time.Time {
	if len(d.times) == 0 {
		return time.Time{}
	}
	return d.times[len(d.times)-1]
}

// earliest is when the next request may leave: an interval of the ceiling
// after the last was due to, and span after the one n requests back left.
// Lanes whose phases passed while nothing was asked of them (a listing that
// confirms a read after its bindings) would otherwise all leave at once,
// and a burst queues in the process: the first of it reaches the server
// later than it left, by more than the margin allows. From when the last
// was due, not when it left: lanes laid an interval apart would otherwise
// each push the next back by the timer's lateness, which added up to 2% of
// throughput.
func (d *departures) earliest() time.Time {
	var at time.Time
	if !d.planned.IsZero() {
		at = d.planned.Add(d.span / time.Duration(d.n))
	}
	if len(d.times) == d.n {
		at = later(at, d.times[0].Add(d.span))
	}
	return at
}

// left records that a request due to leave at planned left at t.
func (d *departures) left(t, planned time.Time) {
	if len(d.times) == d.n {
		d.times = d.times[1:]
	}
	d.times = append(d.times, t)
	d.planned = planned
}
