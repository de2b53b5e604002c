// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Command bench measures the provider through `terraform plan` against the
// emulator enforcing the API's rate limit, and prints what `make bench`
// reports: sustained reads per second against the ceiling, retries, failed
// reads, the provider's peak RSS, and the time of a one-data-source plan.
//
//	go run ./tools/bench -terraform "$(command -v terraform)" -n 500
package main

import (
	"bytes"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

const firstUin = 300000000000

func main() {
	terraform := flag.String("terraform", os.Getenv("TERRAFORM"), "terraform or tofu binary")
	n := flag.Int("n", 500, "data sources in the large plan")
	rateLimit := flag.Int("rate", emulator.DefaultRateLimit, "the emulator's requests per second per SecretId")
	parallelism := flag.Int("parallelism", 64, "terraform -parallelism")
	flag.Parse()
	if err := run(*terraform, *n, *rateLimit, *parallelism); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(terraform string, n, rateLimit, parallelism int) error {
	if terraform == "" {
		return fmt.Errorf("set -terraform or TERRAFORM")
	}
	dir, err := os.MkdirTemp("", "tencentcloud-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	pluginDir := filepath.Join(dir, "bin")
	providerPath := filepath.Join(pluginDir, "terraform-provider-tencentcloud")
	if out, err := exec.Command("go", "build", "-o", providerPath, ".").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(dir, "cli.tfrc")
	// OpenTofu resolves "tcorg/tencentcloud" on its own registry host.
	host := "registry.terraform.io"
	if strings.HasPrefix(filepath.Base(terraform), "tofu") {
		host = "registry.opentofu.org"
	}
	if err := os.WriteFile(cliConfig, []byte(fmt.Sprintf(
		"provider_installation {\n  dev_overrides {\n    \"%s/tcorg/tencentcloud\" = %q\n  }\n  direct {}\n}\n", host, pluginDir)), 0o600); err != nil {
		return err
	}

	srv, endpoint, err := startEmulator(n, rateLimit)
	if err != nil {
		return err
	}

	large, err := plan(terraform, dir, cliConfig, providerPath, endpoint, "large", n, parallelism)
	if err != nil {
		return err
	}
	reads := summarize(srv.Requests())

	var single []time.Duration
	for range 5 {
		r, err := plan(terraform, dir, cliConfig, providerPath, endpoint, "single", 1, parallelism)
		if err != nil {
			return err
		}
		single = append(single, r.elapsed)
	}
	slices.Sort(single)

	fmt.Printf("terraform plan, %d data sources, -parallelism=%d, emulator limit %d req/s per SecretId\n", n, parallelism, rateLimit)
	fmt.Printf("  sustained reads/s        %.2f (ceiling %d, %.1f%%)\n", reads.perSecond, rateLimit, 100*reads.perSecond/float64(rateLimit))
	fmt.Printf("  successful reads         %d of %d\n", reads.succeeded, n)
	fmt.Printf("  failed reads             %d\n", n-reads.succeeded)
	fmt.Printf("  retries                  %d (%d throttled by the emulator)\n", reads.retries, reads.throttled)
	fmt.Printf("  plan wall time           %s\n", large.elapsed.Round(time.Millisecond))
	fmt.Printf("  provider peak RSS        %.1f MiB\n", float64(large.peakRSSKiB)/1024)
	fmt.Printf("terraform plan, 1 data source (median of %d)  %s\n", len(single), single[len(single)/2].Round(time.Millisecond))
	if reads.succeeded != n || !large.ok {
		return fmt.Errorf("%d of %d reads failed", n-reads.succeeded, n)
	}
	return nil
}

func startEmulator(n, rateLimit int) (*emulator.Server, string, error) {
	world := emulator.World{
		RateLimit:     rateLimit,
		Credentials:   []emulator.Credential{{SecretID: "AKIDbench", SecretKey: "bench-key", Uin: 1}},
		Organizations: []emulator.Organization{{AdminUin: 1}},
	}
	for i := range n {
		world.Organizations[0].Members = append(world.Organizations[0].Members, emulator.Member{
			MemberUin: int64(firstUin + i),
			EmailBind: []byte(fmt.Sprintf(`{"BindId": %d, "BindStatus": "Success", "Email": "member%d@example.com", "PhoneBind": 1}`, i+1, i)),
		})
	}
	if err := world.Validate(); err != nil {
		return nil, "", err
	}
	srv := emulator.New(world)
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	go func() { _ = http.Serve(listener, srv) }()
	return srv, "http://" + listener.Addr().String(), nil
}

type planResult struct {
	elapsed    time.Duration
	peakRSSKiB int
	ok         bool
}

func plan(terraform, dir, cliConfig, providerPath, endpoint, name string, n, parallelism int) (planResult, error) {
	work := filepath.Join(dir, name)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return planResult{}, err
	}
	config := fmt.Sprintf(`terraform {
  required_providers {
    tencentcloud = { source = "tcorg/tencentcloud" }
  }
}

provider "tencentcloud" {
  secret_id  = "AKIDbench"
  secret_key = "bench-key"
  endpoints {
    organization = %q
  }
}

data "tencentcloud_organization_member_email_bind" "m" {
  count      = %d
  member_uin = %d + count.index
}
`, endpoint, n, firstUin)
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(config), 0o600); err != nil {
		return planResult{}, err
	}

	cmd := exec.Command(terraform, "plan", "-input=false", "-no-color", "-parallelism="+strconv.Itoa(parallelism))
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_LOG=")
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output

	sampler := newRSSSampler(providerPath)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return planResult{}, err
	}
	err := cmd.Wait()
	elapsed := time.Since(start)
	peak := sampler.stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "terraform plan (%s) failed: %v\n%s\n", name, err, tail(output.String(), 40))
	}
	return planResult{elapsed: elapsed, peakRSSKiB: peak, ok: err == nil}, nil
}

// rssSampler polls /proc for the provider process and keeps the largest
// VmHWM (peak resident set) it reads; the last read before exit is the peak.
type rssSampler struct {
	done chan struct{}
	wg   sync.WaitGroup
	peak int
}

func newRSSSampler(binary string) *rssSampler {
	s := &rssSampler{done: make(chan struct{})}
	s.wg.Go(func() {
		ticker := time.NewTicker(20 * time.Millisecond)
		defer ticker.Stop()
		for {
			s.peak = max(s.peak, peakRSS(binary))
			select {
			case <-s.done:
				return
			case <-ticker.C:
			}
		}
	})
	return s
}

func (s *rssSampler) stop() int {
	close(s.done)
	s.wg.Wait()
	return s.peak
}

func peakRSS(binary string) int {
	entries, _ := os.ReadDir("/proc")
	peak := 0
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe"))
		if err != nil || exe != binary {
			continue
		}
		status, err := os.ReadFile(filepath.Join("/proc", e.Name(), "status"))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(status), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kib, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
				peak = max(peak, kib)
			}
		}
	}
	return peak
}

type readSummary struct {
	succeeded, retries, throttled int
	perSecond                     float64
}

// summarize reads the emulator's log of the large plan: reads are paced, so
// the sustained rate is the successful reads over the span they took.
func summarize(requests []emulator.Request) readSummary {
	var s readSummary
	var first, last time.Time
	read := map[int64]bool{}
	for _, r := range requests {
		if r.ErrorCode == "RequestLimitExceeded" {
			s.throttled++
		}
		if r.ErrorCode != "" || read[r.MemberUin] {
			continue
		}
		read[r.MemberUin] = true
		if first.IsZero() {
			first = r.Time
		}
		last = r.Time
	}
	s.succeeded = len(read)
	s.retries = len(requests) - s.succeeded
	if span := last.Sub(first).Seconds(); span > 0 {
		s.perSecond = float64(s.succeeded-1) / span
	}
	return s
}

func tail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}
