// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/encodedstate"
)

// The scale scenario takes the API out of the measurement: the emulator
// allows far more than the provider can send and the provider is
// configured to send as fast as it can, so what grows with the member
// count is the provider's and Terraform's own work.
const (
	scaleEmulatorRate = 1_000_000
	scaleProviderRate = 100_000
)

// scaleRun is one plan of the scale scenario.
type scaleRun struct {
	n int
	s scenario
	// endOfRead is when the provider logged that state was written; zero
	// when the line was not found.
	endOfRead time.Time
}

// parseScale reads -scale, a comma-separated list of member counts.
func parseScale(list string) ([]int, error) {
	var ns []int
	for field := range strings.SplitSeq(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-scale: %q is not a member count", field)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// runScale measures a whole-organization plan at each member count and
// reports; it returns whether any plan or read failed.
func runScale(o options, ns []int) (bool, error) {
	ws, cleanup, err := newWorkspace(o)
	if err != nil {
		return false, err
	}
	defer cleanup()
	// The end of Read is read from the provider's INFO log: about twenty
	// lines a plan, whatever the member count, so it costs nothing
	// measurable. The CLI logs nothing, as TF_LOG stays unset.
	// -provider-log may ask for more, to investigate.
	if ws.providerLog == "" {
		ws.providerLog = "INFO"
	}
	r := scaleReport{cli: ws.version(), nproc: runtime.NumCPU(), parallelism: o.parallelism, loadStart: loadAverage()}
	for i, n := range ns {
		fmt.Fprintf(os.Stderr, "bench: scale %d/%d, inventory of %d members, API unlimited\n", i+1, len(ns), n)
		world, err := benchWorld(n, scaleEmulatorRate, emulator.RateWindowFixed, 0)
		if err != nil {
			return false, err
		}
		name := fmt.Sprintf("scale-%d", n)
		s, err := measure(ws, world, time.Second/scaleEmulatorRate, name, scaleConfig, true, func(shown []byte) verification {
			return verifyInventory(shown, n, true)
		})
		if err != nil {
			return false, err
		}
		s.title = fmt.Sprintf("%d members", n)
		run := scaleRun{n: n, s: s}
		run.endOfRead, _ = stateSentAt(filepath.Join(ws.dir, name, "provider.log"))
		r.runs = append(r.runs, run)
	}
	r.loadEnd = loadAverage()
	r.print(os.Stdout)
	return len(r.failures()) > 0, nil
}

// scaleConfig is inventoryConfig with the provider's rate_limit raised
// far above the API's, which the provider accepts with a warning.
func scaleConfig(endpoint string, includeEmailBind bool) string {
	config := inventoryConfig(endpoint, includeEmailBind)
	return strings.Replace(config, "  endpoints {", fmt.Sprintf("  rate_limit = %d\n  endpoints {", scaleProviderRate), 1)
}

// stateSentAt is the time of the provider's last "state sent" line
// in a log Terraform wrote with TF_LOG_PATH: the provider's own timestamp
// field, which Terraform keeps beside its own time of relaying the line.
func stateSentAt(logPath string) (time.Time, error) {
	f, err := os.Open(logPath)
	if err != nil {
		return time.Time{}, err
	}
	defer func() { _ = f.Close() }()
	var at time.Time
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for scanner.Scan() {
		line := scanner.Text()
		if !strings.Contains(line, encodedstate.LogStateSent) {
			continue
		}
		if t, ok := logTimestamp(line); ok {
			at = t
		}
	}
	if at.IsZero() {
		return at, fmt.Errorf("%s: no %q line", logPath, encodedstate.LogStateSent)
	}
	return at, scanner.Err()
}

// logTimestamp is a relayed line's timestamp=... field, else the time
// Terraform starts the line with.
func logTimestamp(line string) (time.Time, bool) {
	if _, rest, ok := strings.Cut(line, "timestamp="); ok {
		value, _, _ := strings.Cut(rest, " ")
		if t, err := time.Parse(time.RFC3339Nano, strings.Trim(value, `"`)); err == nil {
			return t, true
		}
	}
	first, _, _ := strings.Cut(line, " ")
	t, err := time.Parse(time.RFC3339Nano, first)
	return t, err == nil
}
