// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"math"
	"time"
)

// maxDepartures bounds the requests a pacer remembers. At the rates the
// API allows that is more than a second's worth; at the rates only an
// emulator allows, a second's worth would be thousands.
const maxDepartures = 64

// departures are when a pacer's last requests left, so that a request that
// left late does not let the ones after it crowd into its second. The
// limiter's slots keep their schedule when a request leaves late (a busy
// core, a pause of the process): the next requests would follow it closer
// than the pace, and the pacing margin, which absorbs network jitter, would
// be spent. Keeping every n+1 requests that leave at least n intervals of
// the ceiling apart, where n is what a second holds at the ceiling, costs
// a late request only the slots right after it.
type departures struct {
	times []time.Time // oldest first, at most n
	n     int
	span  time.Duration
}

func newDepartures(ceiling float64) departures {
	n := min(maxDepartures, max(1, int(math.Ceil(ceiling))))
	return departures{n: n, span: time.Duration(float64(n) / ceiling * float64(time.Second))}
}

// earliest is when the next request may leave: span after the one n
// requests back, or any time before n have left.
func (d *departures) earliest() time.Time {
	if len(d.times) < d.n {
		return time.Time{}
	}
	return d.times[0].Add(d.span)
}

// left records that a request left at t.
func (d *departures) left(t time.Time) {
	if len(d.times) == d.n {
		d.times = d.times[1:]
	}
	d.times = append(d.times, t)
}
