// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// rssSampler polls /proc for processes of the provider binary and keeps the
// largest VmHWM (peak resident set) it reads. VmHWM only grows, so the last
// read before a process exits holds its peak; Terraform starts the provider
// several times in one plan, and the largest of them is the one reported.
type rssSampler struct {
	done chan struct{}
	wg   sync.WaitGroup
	peak int // KiB; written by the sampling goroutine, read after stop
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

// stop ends sampling and returns the peak in KiB.
func (s *rssSampler) stop() int {
	close(s.done)
	s.wg.Wait()
	return s.peak
}

// peakRSS is the largest VmHWM, in KiB, of the running processes whose
// executable is binary.
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
		for line := range strings.SplitSeq(string(status), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kib, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
				peak = max(peak, kib)
			}
		}
	}
	return peak
}
