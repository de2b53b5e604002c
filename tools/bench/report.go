// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Targets the report checks results against. Missing one is reported but
// is not a failure: only a failed read or plan makes the bench fail.
const (
	maxFloorRatio     = 1.08
	maxListingAPITime = 2200 * time.Millisecond
	// maxPeakRSSMB is the "under 100 MB", read as decimal megabytes,
	// the stricter of the two readings.
	maxPeakRSSMB      = 100
	minReadsPerSecond = 19
	maxThrottledShare = 0.01
)

// scenario is one measured plan: what it ran, what the emulator saw, and
// what the saved plan held.
type scenario struct {
	title string
	plan  planResult
	api   apiSummary
	check verification
	floor time.Duration
}

// failedReads is how many of n members the plan did not return correctly;
// a failed plan read none of them.
func (s scenario) failedReads(n int) int {
	if s.plan.err != nil {
		return n
	}
	return n - s.check.verified
}

// report is everything `make bench` prints.
type report struct {
	cli         string
	nproc       int
	n, rate     int
	window      string
	jitter      time.Duration
	parallelism int
	// loadStart and loadEnd are the 1-minute load averages around the bench.
	loadStart, loadEnd string
	inventory          scenario // include_email_bind = true
	listing            scenario // include_email_bind = false
	count              scenario // n single data sources
	singles            []scenario
}

// failures lists why the bench failed: plans that failed and reads that
// were missing or wrong.
func (r report) failures() []string {
	var out []string
	for _, s := range []scenario{r.inventory, r.listing, r.count} {
		if s.plan.err != nil {
			out = append(out, s.title+": "+s.plan.err.Error())
		} else if s.check.problemCount > 0 {
			out = append(out, fmt.Sprintf("%s: %d of %d members not read correctly; %d problems, first: %s",
				s.title, s.failedReads(r.n), r.n, s.check.problemCount, strings.Join(s.check.problems, "; ")))
		}
	}
	for _, s := range r.singles {
		if s.plan.err != nil {
			out = append(out, s.title+": "+s.plan.err.Error())
		} else if s.api.boundSucceeded != 1 {
			out = append(out, fmt.Sprintf("%s: the emulator served %d successful reads, not 1", s.title, s.api.boundSucceeded))
		}
	}
	return out
}

func (r report) print(w io.Writer) {
	fmt.Fprintf(w, "make bench: %d members, emulator limit %d req/s per account per action (%s window, arrival jitter 0-%s), provider rate_limit default (%d/s)\n",
		r.n, r.rate, r.window, r.jitter, r.rate)
	fmt.Fprintf(w, "%s, nproc %d, terraform plan -parallelism=%d, load average %s at start, %s at end\n\n",
		r.cli, r.nproc, r.parallelism, r.loadStart, r.loadEnd)

	t := &table{}
	t.section("1. " + r.inventory.title)
	r.inventoryRows(t, r.inventory, true)
	t.row("provider peak RSS", mib(r.inventory.plan.peakRSSKiB), target(r.inventory.plan.err == nil && float64(r.inventory.plan.peakRSSKiB)*1024/1e6 < maxPeakRSSMB, "< %d MB", maxPeakRSSMB))

	t.section("2. " + r.listing.title)
	r.inventoryRows(t, r.listing, false)
	t.row("provider peak RSS", mib(r.listing.plan.peakRSSKiB), "")

	c := r.count
	t.section("3. " + c.title)
	t.row("plan wall time", seconds(c.plan.elapsed()), "")
	t.row("API time (first to last request)", seconds(c.api.apiTime), "")
	t.row(fmt.Sprintf("floor: %d reads / %d per s", r.n, r.rate), seconds(c.floor), "")
	t.row("sustained reads/s", fmt.Sprintf("%.2f (%.1f%% of %d)", c.api.perSecond, 100*c.api.perSecond/float64(r.rate), r.rate),
		target(c.api.perSecond >= minReadsPerSecond, ">= %d", minReadsPerSecond))
	t.row("data sources verified in saved plan", fmt.Sprintf("%d of %d", c.check.verified, r.n), "")
	t.row("failed reads", fmt.Sprint(c.failedReads(r.n)), target(c.failedReads(r.n) == 0, "0"))
	t.row("requests / retries / throttled", requestCounts(c.api), throttledTarget(c.api))
	if c.plan.err == nil && c.api.requests > 0 {
		t.row("before first request / after last", fmt.Sprintf("%s / %s", seconds(c.api.first.Sub(c.plan.start)), seconds(c.plan.end.Sub(c.api.last))), "")
	}
	t.row("provider peak RSS", mib(c.plan.peakRSSKiB), "")

	t.section("4. tencentcloud_organization_member_email_bind, 1 data source")
	times := make([]time.Duration, 0, len(r.singles))
	for _, s := range r.singles {
		times = append(times, s.plan.elapsed())
	}
	t.row(fmt.Sprintf("plan wall time, median of %d", len(times)), seconds(median(times)), "")
	t.row("all runs", joinSeconds(times), "")
	t.print(w)

	if failures := r.failures(); len(failures) > 0 {
		fmt.Fprintln(w, "\nFAILED:")
		for _, f := range failures {
			fmt.Fprintln(w, "  "+f)
		}
	}
}

// inventoryRows are the rows the two inventory plans share; withBindings
// says whether the plan read bindings, which the ratio target is for.
func (r report) inventoryRows(t *table, s scenario, withBindings bool) {
	t.row("plan wall time", seconds(s.plan.elapsed()), "")
	pages, targeted := listingPages(r.n), targetPages(r.n)
	measured := s.plan.err == nil && s.api.requests > 0
	apiTime := "n/a (plan failed or sent nothing)"
	if measured {
		apiTime = seconds(s.api.apiTime)
	}
	t.row("API time (first to last request)", apiTime, "")
	if withBindings {
		ratio := s.api.apiTime.Seconds() / s.floor.Seconds()
		t.row(fmt.Sprintf("floor: (%d pages + %d bindings) / %d per s, as the target counts it; the read's calls are two listings of %d pages + %d bindings = %d",
			targeted, r.n, r.rate, pages, r.n, 2*pages+r.n), seconds(s.floor), "")
		t.row("API time / floor", fmt.Sprintf("%.3f", ratio), target(measured && ratio <= maxFloorRatio, "<= %.2f", maxFloorRatio))
	} else {
		t.row(fmt.Sprintf("floor: two listings of %d pages / %d per s", pages, r.rate), seconds(s.floor), "")
		t.row("API time", apiTime, target(measured && s.api.apiTime <= maxListingAPITime, "<= %s", seconds(maxListingAPITime)))
	}
	if measured {
		t.row("before first request / after last", fmt.Sprintf("%s / %s", seconds(s.api.first.Sub(s.plan.start)), seconds(s.plan.end.Sub(s.api.last))), "")
	}
	total := "none"
	if s.check.total >= 0 {
		total = fmt.Sprint(s.check.total)
	}
	t.row("output total / members verified", fmt.Sprintf("%s / %d of %d", total, s.check.verified, r.n), "")
	t.row("failed reads", fmt.Sprint(s.failedReads(r.n)), target(s.failedReads(r.n) == 0, "0"))
	t.row("requests / retries / throttled", requestCounts(s.api), throttledTarget(s.api))
	if measured && s.api.requests > 1 {
		t.row("largest gap between requests", fmt.Sprintf("%d ms, %s in, after %s", s.api.largestGap.Milliseconds(), seconds(s.api.gapAt), s.api.gapAfter), "")
		// The client paces a little below the limit on purpose, so this
		// includes that margin, not only time lost to pauses.
		t.row(fmt.Sprintf("API time - (requests-1) x %d ms, margin incl.", time.Second.Milliseconds()/int64(r.rate)), seconds(s.api.paused), "")
	}
}

func requestCounts(s apiSummary) string {
	out := fmt.Sprintf("%d / %d / %d", s.requests, s.retries, s.throttled)
	for code, count := range s.otherErrors {
		out += fmt.Sprintf(", %d %s", count, code)
	}
	return out
}

// throttledTarget holds throttling to at most 1% of requests: pacing must
// keep the client under the limit, not lean on retries.
func throttledTarget(s apiSummary) string {
	return target(s.requests > 0 && float64(s.throttled) <= maxThrottledShare*float64(s.requests), "<= %.0f%% throttled", 100*maxThrottledShare)
}

// target shows whether a result met its target, and the target.
func target(met bool, format string, args ...any) string {
	verdict := "ok"
	if !met {
		verdict = "MISSED"
	}
	return fmt.Sprintf(format, args...) + "  " + verdict
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

// mib shows a size in KiB, as /proc gives it, in MiB and in decimal MB,
// since targets are quoted in either.
func mib(kib int) string {
	return fmt.Sprintf("%.1f MiB (%.1f MB)", float64(kib)/1024, float64(kib)*1024/1e6)
}

func joinSeconds(times []time.Duration) string {
	parts := make([]string, len(times))
	for i, d := range times {
		parts[i] = fmt.Sprintf("%.2f", d.Seconds())
	}
	return strings.Join(parts, ", ") + " s"
}

func median(times []time.Duration) time.Duration {
	if len(times) == 0 {
		return 0
	}
	sorted := slices.Clone(times)
	slices.Sort(sorted)
	return sorted[len(sorted)/2]
}

// table prints rows of measure, result and target in sections, aligned
// across all sections so that the report reads as one table.
type table struct{ rows []tableRow }

type tableRow struct {
	section string // set on a section's title row only
	cells   [3]string
}

func (t *table) section(title string) {
	t.rows = append(t.rows, tableRow{section: title}, tableRow{cells: [3]string{"Measure", "Result", "Target"}})
}

func (t *table) row(measure, result, target string) {
	t.rows = append(t.rows, tableRow{cells: [3]string{measure, result, target}})
}

func (t *table) print(w io.Writer) {
	var width [3]int
	for _, r := range t.rows {
		for i := range width {
			width[i] = max(width[i], len(r.cells[i]))
		}
	}
	rule := "  " + strings.Repeat("-", width[0]+width[1]+width[2]+6)
	for i, r := range t.rows {
		if r.section != "" {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintln(w, r.section)
			continue
		}
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("  %-*s   %-*s   %s", width[0], r.cells[0], width[1], r.cells[1], r.cells[2]), " "))
		if r.cells[0] == "Measure" {
			fmt.Fprintln(w, rule)
		}
	}
}
