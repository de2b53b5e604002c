// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

var timelineStart = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

// reads are plan's binding reads every interval from `from` to `to`
// seconds after timelineStart, answered with code.
func reads(plan int, from, to float64, every time.Duration, code string) []emulator.Request {
	var out []emulator.Request
	for at := time.Duration(from * float64(time.Second)); at <= time.Duration(to*float64(time.Second)); at += every {
		out = append(out, emulator.Request{SecretID: planKey(plan), Action: organization.ActionDescribeOrganizationMemberEmailBind,
			ErrorCode: code, Time: timelineStart.Add(at)})
	}
	return out
}

func TestPhasesSplitTheRunWhereTheFirstPlanReadsItsLast(t *testing.T) {
	requests := append(reads(0, 1, 11, 100*time.Millisecond, ""), reads(1, 2, 21, 100*time.Millisecond, "")...)
	all, after, ok := timelineOf(timelineStart, requests, 2).phases(requests)
	if !ok || !all.from.Equal(timelineStart.Add(2*time.Second)) || !all.to.Equal(timelineStart.Add(11*time.Second)) {
		t.Fatalf("all phase %v to %v (ok %t), want 2 s to 11 s", all.from.Sub(timelineStart), all.to.Sub(timelineStart), ok)
	}
	// Both plans read 10 per second between 2 s and 11 s, then one alone.
	if all.rate() < 19.9 || all.rate() > 20.1 || after.rate() < 9.9 || after.rate() > 10.1 {
		t.Errorf("rates %.2f and %.2f, want 20 while both read and 10 after", all.rate(), after.rate())
	}
}

func TestAPlanWithNoBindingReadsLeavesThePhasesOut(t *testing.T) {
	requests := reads(0, 1, 5, 100*time.Millisecond, "")
	timeline := timelineOf(timelineStart, requests, 2)
	if _, _, ok := timeline.phases(requests); ok {
		t.Error("phases are reported with one plan reading; want none")
	}
	if !timeline.plans[1].first.IsZero() {
		t.Errorf("the plan with no reads has its first read at %v", timeline.plans[1].first)
	}
}

func TestOnlyThrottlesCountAsThrottledInTheTimeline(t *testing.T) {
	requests := append(reads(0, 1, 1, time.Second, ""), reads(0, 1.5, 1.5, time.Second, codeThrottled)...)
	requests = append(requests, reads(0, 1.7, 1.7, time.Second, "InternalError")...)
	timeline := timelineOf(timelineStart, requests, 1)
	if got := timeline.plans[0].calls; got != (calls{ok: 1, throttled: 1}) {
		t.Errorf("plan counts %+v, want one accepted and one throttled, the InternalError left out", got)
	}
	if !timeline.plans[0].last.Equal(timelineStart.Add(1500 * time.Millisecond)) {
		t.Errorf("the last read is at %v, want the throttled one at 1.5 s", timeline.plans[0].last.Sub(timelineStart))
	}
}
