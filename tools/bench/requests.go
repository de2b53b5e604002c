// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// apiSummary is what the emulator saw of one plan: every request it
// answered, throttled or not, in the order it answered them.
type apiSummary struct {
	requests int
	// apiTime is from the first request to the last; the floor is what
	// the requests would take at exactly the limit.
	first, last time.Time
	apiTime     time.Duration
	// retries are requests for something whose last request failed: a
	// member's binding or a listing page at an offset. The second listing
	// asks for every page again after a success, which is no retry.
	retries   int
	throttled int
	// otherErrors counts error codes other than throttling, which the
	// plans here should never see.
	otherErrors map[string]int
	// boundSucceeded is how many members' bindings were read successfully.
	boundSucceeded int
	// perSecond is the sustained rate of successful binding reads.
	perSecond float64
	// largestGap is the longest time between consecutive requests, and
	// gapAt where it began, from the first request: at the limit every
	// gap is one interval, so a long one shows the client waited on
	// something other than the limiter.
	largestGap time.Duration
	gapAt      time.Duration
	gapAfter   string // the action answered just before the gap
	// paused is API time beyond what pacing the requests made at the
	// limit takes, (requests-1) intervals: time lost to pauses in sending,
	// net of jitter. API time is floor + retries' intervals + paused.
	paused time.Duration
}

// codeThrottled is the emulator's answer to a request over the budget.
const codeThrottled = "RequestLimitExceeded"

// summarize reads the request log of one plan; interval is the spacing of
// requests at the limit.
func summarize(requests []emulator.Request, interval time.Duration) apiSummary {
	s := apiSummary{requests: len(requests), otherErrors: map[string]int{}}
	if len(requests) == 0 {
		return s
	}
	s.first, s.last = requests[0].Time, requests[len(requests)-1].Time
	s.apiTime = s.last.Sub(s.first)

	lastFailed := map[string]bool{}
	bound := map[int64]bool{}
	var firstBound, lastBound time.Time
	for i, r := range requests {
		key := r.Action + "/" + requestKey(r)
		if lastFailed[key] {
			s.retries++
		}
		lastFailed[key] = r.ErrorCode != ""
		switch r.ErrorCode {
		case "":
		case codeThrottled:
			s.throttled++
		default:
			s.otherErrors[r.ErrorCode]++
		}
		if i > 0 {
			gap := r.Time.Sub(requests[i-1].Time)
			if gap > s.largestGap {
				s.largestGap, s.gapAt, s.gapAfter = gap, requests[i-1].Time.Sub(s.first), requests[i-1].Action
			}
		}
		if r.Action == organization.ActionDescribeOrganizationMemberEmailBind && r.ErrorCode == "" && !bound[r.MemberUin] {
			bound[r.MemberUin] = true
			if firstBound.IsZero() {
				firstBound = r.Time
			}
			lastBound = r.Time
		}
	}
	s.paused = s.apiTime - time.Duration(len(requests)-1)*interval
	s.boundSucceeded = len(bound)
	if span := lastBound.Sub(firstBound).Seconds(); span > 0 {
		s.perSecond = float64(s.boundSucceeded-1) / span
	}
	return s
}

// requestKey is what a request asks for within its action.
func requestKey(r emulator.Request) string {
	if r.MemberUin != 0 {
		return fmt.Sprint(r.MemberUin)
	}
	return r.Params["Offset"] + "," + r.Params["Limit"]
}

// floorOf is how long count requests take at rate per second: the first
// goes at once and each later one an interval after the one before, so
// (count-1)/rate; the bench quotes the rounder count/rate, which is one
// interval more and slightly generous to the provider.
func floorOf(count, rate int) time.Duration {
	return time.Duration(float64(count) / float64(rate) * float64(time.Second))
}

// writeRequestLog writes the emulator's log of one plan as a table, for
// investigating a result: milliseconds since the first request, the gap to
// the request before, action, member or page, and error code.
func writeRequestLog(path string, requests []emulator.Request) error {
	var b strings.Builder
	b.WriteString("ms\tgap_ms\taction\tasked\terror\n")
	for i, r := range requests {
		gap := time.Duration(0)
		if i > 0 {
			gap = r.Time.Sub(requests[i-1].Time)
		}
		fmt.Fprintf(&b, "%.1f\t%.1f\t%s\t%s\t%s\n", float64(r.Time.Sub(requests[0].Time).Microseconds())/1000,
			float64(gap.Microseconds())/1000, r.Action, requestKey(r), r.ErrorCode)
	}
	return os.WriteFile(path, []byte(b.String()), 0o600)
}
