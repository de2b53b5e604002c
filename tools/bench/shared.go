// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// Targets of the shared-account measurement, from the issue on plans that
// run at once: the plans together take at most this much over the floor
// that the account's budget sets, and the server throttles at most this
// share of the calls it answers successfully.
const (
	maxSharedFloorRatio   = 1.10
	maxSharedThrottleRate = 0.10
)

// sharedRun is k plans reading the whole organization at once, each with
// its own key of one account, against one emulator, so that they spend
// one account's budget.
type sharedRun struct {
	plans []scenario
	// start and end are the first plan's start and the last plan's end.
	start, end    time.Time
	ok, throttled int
	otherErrors   map[string]int
	floor         time.Duration
	timeline      bindingTimeline
	// all is while every plan read bindings, after is once the first plan
	// had read its last: the budget the plans left unspent shows in their
	// rates. phased is false when the plans' reads did not overlap.
	all, after phase
	phased     bool
}

// measureShared runs o.plans plans at once, each reading every member and
// binding, and checks each saved plan member by member.
func measureShared(o options, ws *workspace, world emulator.World) (sharedRun, error) {
	emu, err := startEmulator(withPlanKeys(world, o.plans))
	if err != nil {
		return sharedRun{}, err
	}
	defer emu.stop()
	run := sharedRun{plans: make([]scenario, o.plans), otherErrors: map[string]int{}}
	var wg sync.WaitGroup
	for i := range o.plans {
		wg.Go(func() {
			s := scenario{title: fmt.Sprintf("plan %d", i+1), check: verification{total: -1}}
			s.plan = ws.plan(fmt.Sprintf("shared-%d", i+1), sharedConfig(emu.endpoint, planKey(i)), true, false)
			if s.plan.err == nil {
				s.check = verifyInventory(s.plan.shown, o.n, true)
			}
			run.plans[i] = s
		})
	}
	wg.Wait()
	for _, s := range run.plans {
		// A plan that could not be set up never started; its error is
		// reported.
		if !s.plan.start.IsZero() && (run.start.IsZero() || s.plan.start.Before(run.start)) {
			run.start = s.plan.start
		}
		if s.plan.end.After(run.end) {
			run.end = s.plan.end
		}
	}
	requests := emu.srv.Requests()
	for _, r := range requests {
		switch r.ErrorCode {
		case "":
			run.ok++
		case codeThrottled:
			run.throttled++
		default:
			run.otherErrors[r.ErrorCode]++
		}
	}
	run.floor = floorOf(run.ok, o.rate)
	run.timeline = timelineOf(run.start, requests, o.plans)
	run.all, run.after, run.phased = run.timeline.phases(requests)
	return run, nil
}

// failures are the plans that failed or returned members wrongly.
func (s sharedRun) failures(n int) []string {
	var out []string
	for _, p := range s.plans {
		if p.plan.err != nil {
			out = append(out, p.title+": "+p.plan.err.Error())
		} else if p.check.problemCount > 0 {
			out = append(out, fmt.Sprintf("%s: %d of %d members not read correctly; first: %s", p.title, p.failedReads(n), n, p.check.problems[0]))
		}
	}
	for code, count := range s.otherErrors {
		out = append(out, fmt.Sprintf("the emulator answered %d requests with %s", count, code))
	}
	return out
}

// print reports the run; machine names the CLI and the machine's load.
func (s sharedRun) print(w io.Writer, o options, machine string) {
	fmt.Fprintf(w, "make bench: %d plans at once, each with its own key of one account, reading %d members with their bindings; emulator limit %d req/s per account per action (%s window, arrival jitter 0-%s), provider rate_limit default\n",
		o.plans, o.n, o.rate, o.window, o.jitter)
	fmt.Fprintf(w, "%s, terraform plan -parallelism=%d\n\n", machine, o.parallelism)
	t := &table{}
	t.section(fmt.Sprintf("%d plans sharing one account", o.plans))
	wall := s.end.Sub(s.start)
	ratio := wall.Seconds() / s.floor.Seconds()
	t.row("wall time, first plan's start to last plan's end", seconds(wall), "")
	t.row(fmt.Sprintf("floor: %d successful calls / %d per s", s.ok, o.rate), seconds(s.floor), "")
	t.row("wall time / floor", fmt.Sprintf("%.3f", ratio), target(len(s.failures(o.n)) == 0 && ratio <= maxSharedFloorRatio, "<= %.2f", maxSharedFloorRatio))
	share := float64(s.throttled) / float64(max(s.ok, 1))
	t.row("throttled answers / successful calls", fmt.Sprintf("%d / %d = %.1f%%", s.throttled, s.ok, 100*share),
		target(share <= maxSharedThrottleRate, "<= %.0f%%", 100*maxSharedThrottleRate))
	if s.phased {
		t.row("binding reads accepted per s while every plan read", s.phaseRow(s.all), "")
		t.row("... once the first plan had read its last", s.phaseRow(s.after), "")
	}
	for i, p := range s.plans {
		t.row(p.title+": wall time / members verified", fmt.Sprintf("%s / %d of %d", seconds(p.plan.elapsed()), p.check.verified, o.n),
			target(p.plan.err == nil && p.failedReads(o.n) == 0, "all"))
		reads := "none"
		if c := s.timeline.plans[i]; !c.first.IsZero() {
			reads = fmt.Sprintf("%s to %s, %d/%d", seconds(c.first.Sub(s.start)), seconds(c.last.Sub(s.start)), c.ok, c.throttled)
		}
		t.row(p.title+": binding reads, accepted/throttled", reads, "")
	}
	t.print(w)
	if o.timeline {
		s.timeline.print(w)
	}
	if failures := s.failures(o.n); len(failures) > 0 {
		fmt.Fprintln(w, "\nFAILED:")
		for _, f := range failures {
			fmt.Fprintln(w, "  "+f)
		}
	}
}

// phaseRow is a phase's rate and span, in seconds since the first plan's
// start.
func (s sharedRun) phaseRow(p phase) string {
	span := fmt.Sprintf("%.1f s to %.1f s", p.from.Sub(s.start).Seconds(), p.to.Sub(s.start).Seconds())
	// Over less than a second, a rate says more than the reads can.
	if p.to.Sub(p.from) < time.Second {
		return fmt.Sprintf("%d accepted (%s)", p.accepted, span)
	}
	return fmt.Sprintf("%.2f (%s)", p.rate(), span)
}
