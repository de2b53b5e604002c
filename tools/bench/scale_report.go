// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Targets of the scale scenario (issue 17): the provider's cost grows
// linearly with the members, and stays small.
const (
	// maxCPUPerMemberGrowth bounds the provider's CPU per member at the
	// largest count against that at the smallest.
	maxCPUPerMemberGrowth = 1.5
	// maxScalePeakRSSMiB holds at every count, 10,000 members included.
	maxScalePeakRSSMiB = 256
	// maxAfterLastResponse is from the emulator's last request to the end
	// of the provider's Read: the conversion to state no call overlaps.
	maxAfterLastResponse = 5 * time.Second
)

type scaleReport struct {
	cli                string
	nproc, parallelism int
	loadStart, loadEnd string
	runs               []scaleRun
}

func (r scaleReport) failures() []string {
	var out []string
	for _, run := range r.runs {
		s := run.s
		if s.plan.err != nil {
			out = append(out, s.title+": "+s.plan.err.Error())
		} else if s.check.problemCount > 0 {
			out = append(out, fmt.Sprintf("%s: %d of %d members not read correctly; %d problems, first: %s",
				s.title, s.failedReads(run.n), run.n, s.check.problemCount, strings.Join(s.check.problems, "; ")))
		}
	}
	return out
}

// perMember is the provider's CPU per member of a run.
func (run scaleRun) perMember() time.Duration {
	return run.s.plan.providerCPU / time.Duration(run.n)
}

// afterLast is from the emulator's last request to the end of Read, or
// -1 when either is unknown.
func (run scaleRun) afterLast() time.Duration {
	if run.endOfRead.IsZero() || run.s.api.requests == 0 {
		return -1
	}
	return run.endOfRead.Sub(run.s.api.last)
}

func (r scaleReport) print(w io.Writer) {
	fmt.Fprintf(w, "make bench, scale: whole organization with bindings, emulator limit %d req/s, no jitter, provider rate_limit = %d\n",
		scaleEmulatorRate, scaleProviderRate)
	fmt.Fprintf(w, "%s, nproc %d, terraform plan -parallelism=%d, load average %s at start, %s at end\n\n",
		r.cli, r.nproc, r.parallelism, r.loadStart, r.loadEnd)
	fmt.Fprintln(w, "  Provider CPU is user+system of every provider process, sampled from /proc every 20 ms until it exits;")
	fmt.Fprintln(w, "  Terraform CLI CPU is terraform's rusage at exit (which includes the provider processes it waited for) less that.")
	fmt.Fprintln(w, "  Last response to end of Read is from the emulator's last request to the provider's INFO line when the state is sent.")
	fmt.Fprintln(w)

	t := &table{}
	for _, run := range r.runs {
		p := run.s.plan
		t.section(run.s.title)
		t.row("provider CPU", seconds(p.providerCPU), "")
		t.row("provider CPU per member", fmt.Sprintf("%.0f µs", float64(run.perMember().Microseconds())), "")
		t.row("provider peak RSS", mib(p.peakRSSKiB), target(p.err == nil && p.peakRSSKiB < maxScalePeakRSSMiB*1024, "< %d MiB", maxScalePeakRSSMiB))
		t.row("Terraform CLI CPU", seconds(p.treeCPU-p.providerCPU), "")
		t.row("plan wall time", seconds(p.elapsed()), "")
		after := "n/a (no state line in the log, or no request)"
		if d := run.afterLast(); d >= 0 {
			after = seconds(d)
		}
		t.row("last response to end of Read", after, target(run.afterLast() >= 0 && run.afterLast() <= maxAfterLastResponse, "<= %s", seconds(maxAfterLastResponse)))
		t.row("requests / retries / throttled", requestCounts(run.s.api), "")
		t.row("members verified in saved plan", fmt.Sprintf("%d of %d", run.s.check.verified, run.n), target(run.s.failedReads(run.n) == 0, "all"))
	}
	if len(r.runs) > 1 {
		first, last := r.runs[0], r.runs[len(r.runs)-1]
		growth := float64(last.perMember()) / float64(max(first.perMember(), 1))
		t.section("growth")
		t.row(fmt.Sprintf("CPU per member, %d / %d members", last.n, first.n), fmt.Sprintf("%.2f", growth),
			target(growth <= maxCPUPerMemberGrowth, "<= %.1f", maxCPUPerMemberGrowth))
	}
	t.print(w)
	if failures := r.failures(); len(failures) > 0 {
		fmt.Fprintln(w, "\nFAILED:")
		for _, f := range failures {
			fmt.Fprintln(w, "  "+f)
		}
	}
}
