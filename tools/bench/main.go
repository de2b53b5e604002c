// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Command bench measures the provider through `terraform plan` against the
// emulator enforcing the API's rate limit, on an organization of n members,
// and prints what `make bench` reports:
//
//  1. tencentcloud_organization_member_email_binds reading every member and
//     binding: plan time, API time against the floor the rate limit sets,
//     failed reads, retries, throttling, and the provider's peak RSS;
//  2. the same with include_email_bind = false, which reads only the listing;
//  3. the n members read by n single data sources through count;
//  4. the time of a one-data-source plan.
//
// With -scale, it measures instead the provider's own cost as the
// organization grows, with the API out of the way (scale.go). With -plans
// K, it runs instead K plans at once, each reading every member and
// binding with its own key of one account, so that they share the
// account's budget, and reports their wall time against the floor that
// budget sets for all their calls, the throttles, and where the budget
// went (shared.go, timeline.go).
//
// Every large plan is saved and checked member by member through
// `terraform show -json`; a failed plan or a member not read makes the
// command exit non-zero.
//
//	go run ./tools/bench -terraform "$(command -v terraform)" -n 1000
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

type options struct {
	terraform   string
	n           int
	rate        int
	parallelism int
	singles     int
	plans       int
	window      string
	jitter      time.Duration
	timeout     time.Duration
	keep        bool
	timeline    bool
	providerLog string
	scale       string
}

func main() {
	var o options
	flag.StringVar(&o.terraform, "terraform", os.Getenv("TERRAFORM"), "terraform or tofu binary")
	flag.IntVar(&o.n, "n", 1000, "members in the organization, and data sources in the count plan")
	flag.IntVar(&o.rate, "rate", emulator.DefaultRateLimit, "the emulator's requests per second per account per action")
	flag.IntVar(&o.parallelism, "parallelism", 64, "terraform -parallelism")
	flag.IntVar(&o.singles, "singles", 5, "one-data-source plans to take the median of")
	flag.IntVar(&o.plans, "plans", 0, "when set, only run this many whole-organization plans at once, each with its own key of one account, which share the account's budget")
	flag.StringVar(&o.window, "window", emulator.RateWindowSliding, "the emulator's rate window: sliding or fixed")
	flag.DurationVar(&o.jitter, "jitter", 30*time.Millisecond, "the emulator's arrival jitter: each request reaches its limiter late by a random 0 to this")
	flag.DurationVar(&o.timeout, "timeout", 15*time.Minute, "the longest one terraform command may run")
	flag.BoolVar(&o.timeline, "timeline", false, "with -plans, also print each plan's binding reads, accepted and throttled, second by second")
	flag.BoolVar(&o.keep, "keep", false, "keep the work directory (configurations, saved plans, logs) and print its path")
	flag.StringVar(&o.providerLog, "provider-log", "", "TF_LOG_PROVIDER level to log each plan at, into provider.log in its directory (implies -keep; slows the plans)")
	flag.StringVar(&o.scale, "scale", "", "instead, the scale scenario at these member counts, such as 1000,3000,10000 (scale.go)")
	flag.Parse()
	failed, err := run(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	if failed {
		os.Exit(1)
	}
}

// run measures and reports; it returns whether any plan or read failed,
// and an error only when the bench itself could not run.
func run(o options) (bool, error) {
	if o.terraform == "" {
		return false, fmt.Errorf("set -terraform or TERRAFORM")
	}
	if o.scale != "" {
		ns, err := parseScale(o.scale)
		if err != nil {
			return false, err
		}
		return runScale(o, ns)
	}
	if o.n < 1 || o.rate < 1 || o.singles < 1 {
		return false, fmt.Errorf("-n, -rate and -singles must be at least 1")
	}
	ws, cleanup, err := newWorkspace(o)
	if err != nil {
		return false, err
	}
	defer cleanup()
	world, err := benchWorld(o.n, o.rate, o.window, o.jitter)
	if err != nil {
		return false, err
	}
	if o.plans > 0 {
		load := loadAverage()
		shared, err := measureShared(o, ws, world)
		if err != nil {
			return false, err
		}
		shared.print(os.Stdout, o, fmt.Sprintf("%s, nproc %d, load average %s at start, %s at end", ws.version(), runtime.NumCPU(), load, loadAverage()))
		return len(shared.failures(o.n)) > 0, nil
	}

	r := report{cli: ws.version(), nproc: runtime.NumCPU(), n: o.n, rate: o.rate, window: o.window, jitter: o.jitter, parallelism: o.parallelism, loadStart: loadAverage()}
	if err := r.measureAll(o, ws, world); err != nil {
		return false, err
	}
	r.loadEnd = loadAverage()
	r.print(os.Stdout)
	return len(r.failures()) > 0, nil
}

// measure runs one plan against a fresh emulator. arg is passed to config
// (include_email_bind for the inventory); a non-nil verify saves the plan
// and checks what it read.
func measure(ws *workspace, world emulator.World, interval time.Duration, name string,
	config func(endpoint string, arg bool) string, arg bool, verify func([]byte) verification,
) (scenario, error) {
	emu, err := startEmulator(world)
	if err != nil {
		return scenario{}, err
	}
	defer emu.stop()
	s := scenario{plan: ws.plan(name, config(emu.endpoint, arg), verify != nil, true), check: verification{total: -1}}
	requests := emu.srv.Requests()
	s.api = summarize(requests, interval)
	if ws.keep {
		if err := writeRequestLog(filepath.Join(ws.dir, name, "requests.tsv"), requests); err != nil {
			return scenario{}, err
		}
	}
	if verify != nil && s.plan.err == nil {
		s.check = verify(s.plan.shown)
	}
	return s, nil
}

// newWorkspace builds the provider into a temporary directory and writes
// the CLI configuration that makes Terraform use it.
func newWorkspace(o options) (*workspace, func(), error) {
	dir, err := os.MkdirTemp("", "tencentcloud-bench")
	if err != nil {
		return nil, nil, err
	}
	// The RSS sampler compares /proc/<pid>/exe, which is the resolved path.
	if dir, err = filepath.EvalSymlinks(dir); err != nil {
		return nil, nil, err
	}
	pluginDir := filepath.Join(dir, "bin")
	ws := &workspace{
		terraform:    o.terraform,
		dir:          dir,
		cliConfig:    filepath.Join(dir, "cli.tfrc"),
		providerPath: filepath.Join(pluginDir, "terraform-provider-tencentcloud"),
		parallelism:  o.parallelism,
		timeout:      o.timeout,
		providerLog:  o.providerLog,
		keep:         o.keep || o.providerLog != "",
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	if ws.keep {
		cleanup = func() { fmt.Fprintln(os.Stderr, "bench: work directory kept:", dir) }
	}
	if out, err := exec.Command("go", "build", "-o", ws.providerPath, ".").CombinedOutput(); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("go build: %v\n%s", err, out)
	}
	cliConfig := acctest.DevOverrides(acctest.RegistryHost(o.terraform), pluginDir, "")
	if err := os.WriteFile(ws.cliConfig, []byte(cliConfig), 0o600); err != nil {
		cleanup()
		return nil, nil, err
	}
	return ws, cleanup, nil
}

// loadAverage is the 1-minute load average, which says whether other work
// shared the CPUs with the plans and skewed their times.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if fields := strings.Fields(string(data)); err == nil && len(fields) > 0 {
		return fields[0]
	}
	return "unknown"
}

// measureAll runs the four measurements in turn: the whole organization
// with and without bindings, the same reads through count, and single reads.
func (r *report) measureAll(o options, ws *workspace, world emulator.World) error {
	interval := time.Second / time.Duration(o.rate)
	pages := listingPages(o.n)
	step := func(format string, args ...any) { fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...) }

	step("1/4 inventory of %d members with their bindings (about %.0f s)", o.n, floorOf(2*pages+o.n, o.rate).Seconds())
	var err error
	r.inventory, err = measure(ws, world, interval, "inventory", inventoryConfig, true, func(shown []byte) verification {
		return verifyInventory(shown, o.n, true)
	})
	if err != nil {
		return err
	}
	r.inventory.title = "tencentcloud_organization_member_email_binds, include_email_bind = true (1 instance)"
	r.inventory.floor = floorOf(targetPages(o.n)+o.n, o.rate)

	step("2/4 inventory of %d members, listing only", o.n)
	r.listing, err = measure(ws, world, interval, "listing", inventoryConfig, false, func(shown []byte) verification {
		return verifyInventory(shown, o.n, false)
	})
	if err != nil {
		return err
	}
	r.listing.title = "tencentcloud_organization_member_email_binds, include_email_bind = false (1 instance)"
	r.listing.floor = floorOf(2*pages, o.rate)

	step("3/4 %d single data sources through count (about %.0f s of reads)", o.n, floorOf(o.n, o.rate).Seconds())
	countOf := func(endpoint string, _ bool) string { return countConfig(endpoint, o.n) }
	r.count, err = measure(ws, world, interval, "count", countOf, true, func(shown []byte) verification {
		return verifyCount(shown, o.n)
	})
	if err != nil {
		return err
	}
	r.count.title = fmt.Sprintf("tencentcloud_organization_member_email_bind, %d instances through count", o.n)
	r.count.floor = floorOf(o.n, o.rate)

	step("4/4 one data source, plans: %d", o.singles)
	singleOf := func(endpoint string, _ bool) string { return countConfig(endpoint, 1) }
	for i := range o.singles {
		s, err := measure(ws, world, interval, fmt.Sprintf("single-%d", i+1), singleOf, false, nil)
		if err != nil {
			return err
		}
		s.title = fmt.Sprintf("one data source, run %d", i+1)
		r.singles = append(r.singles, s)
	}
	return nil
}
