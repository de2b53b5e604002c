// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// planKey is the key plan i (0-based) signs with. Every key belongs to the
// one bench account, so the plans spend one budget, and the emulator's
// record of each request says which plan sent it.
func planKey(i int) string {
	if i == 0 {
		return secretID
	}
	return fmt.Sprintf("%s%d", secretID, i+1)
}

// withPlanKeys is world with a key of its account for each of plans.
func withPlanKeys(world emulator.World, plans int) emulator.World {
	world.Credentials = append([]emulator.Credential(nil), world.Credentials...)
	for i := 1; i < plans; i++ {
		world.Credentials = append(world.Credentials, emulator.Credential{SecretID: planKey(i), SecretKey: secretKey, Uin: adminUin})
	}
	return world
}

// calls counts one plan's binding reads, those the server accepted and
// those it throttled.
type calls struct{ ok, throttled int }

// planCalls is one plan's binding reads in the emulator's record.
type planCalls struct {
	first, last time.Time
	calls
}

// bindingTimeline is the binding reads of plans that ran at once, from the
// emulator's record: where the budget went while every plan read, and
// after the first plan had read its last binding.
type bindingTimeline struct {
	start time.Time
	plans []planCalls
	// seconds[s][i] are plan i's reads in second s after start.
	seconds [][]calls
}

func timelineOf(start time.Time, requests []emulator.Request, plans int) bindingTimeline {
	t := bindingTimeline{start: start, plans: make([]planCalls, plans)}
	index := map[string]int{}
	for i := range plans {
		index[planKey(i)] = i
	}
	for _, r := range requests {
		i, ok := index[r.SecretID]
		// Other errors fail the plan, which the report says; the timeline
		// is of the budget, which only answers and throttles show.
		if !ok || r.Action != organization.ActionDescribeOrganizationMemberEmailBind ||
			(r.ErrorCode != "" && r.ErrorCode != codeThrottled) || r.Time.Before(start) {
			continue
		}
		p := &t.plans[i]
		if p.first.IsZero() {
			p.first = r.Time
		}
		p.last = r.Time
		second := int(r.Time.Sub(start) / time.Second)
		for len(t.seconds) <= second {
			t.seconds = append(t.seconds, make([]calls, plans))
		}
		c := &t.seconds[second][i]
		if r.ErrorCode == "" {
			p.ok++
			c.ok++
		} else {
			p.throttled++
			c.throttled++
		}
	}
	return t
}

// phase is a span of the run and the binding reads accepted in it.
type phase struct {
	from, to time.Time
	accepted int
}

// rate is the accepted reads per second in the phase, or 0 for an empty one.
func (p phase) rate() float64 {
	if span := p.to.Sub(p.from).Seconds(); span > 0 {
		return float64(p.accepted) / span
	}
	return 0
}

// phases splits the run at the last plan's first binding read and the
// first plan's last one: the budget is shared by every plan between the
// two, and after the second only by the plans still reading. ok is false
// when fewer than two plans read a binding or their reads never overlapped.
func (t bindingTimeline) phases(requests []emulator.Request) (all, after phase, ok bool) {
	reading := 0
	for _, p := range t.plans {
		if p.first.IsZero() {
			continue
		}
		if reading == 0 || p.first.After(all.from) {
			all.from = p.first
		}
		if reading == 0 || p.last.Before(all.to) {
			all.to = p.last
		}
		after.to = later(after.to, p.last)
		reading++
	}
	if reading < 2 || !all.from.Before(all.to) {
		return phase{}, phase{}, false
	}
	after.from = all.to
	for _, r := range requests {
		if r.Action != organization.ActionDescribeOrganizationMemberEmailBind || r.ErrorCode != "" {
			continue
		}
		// Half-open spans, (from, to], so that n reads over n intervals
		// give the rate.
		if r.Time.After(all.from) && !r.Time.After(all.to) {
			all.accepted++
		} else if r.Time.After(after.from) && !r.Time.After(after.to) {
			after.accepted++
		}
	}
	return all, after, true
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// print writes the reads of each second, accepted/throttled for each plan
// and the accepted of all.
func (t bindingTimeline) print(w io.Writer) {
	var b strings.Builder
	b.WriteString("\nBinding reads each second since the first plan's start, accepted/throttled:\n      s")
	for i := range t.plans {
		fmt.Fprintf(&b, "  plan %-2d", i+1)
	}
	b.WriteString("  accepted\n")
	for second, row := range t.seconds {
		fmt.Fprintf(&b, "  %5d", second)
		total := 0
		for _, c := range row {
			fmt.Fprintf(&b, "  %7s", fmt.Sprintf("%d/%d", c.ok, c.throttled))
			total += c.ok
		}
		fmt.Fprintf(&b, "  %8d\n", total)
	}
	fmt.Fprint(w, b.String())
}
