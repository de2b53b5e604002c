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

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat,
// which is 100 on every Linux the bench runs on.
const clockTicks = 100

// procSampler polls /proc every 20 ms for processes of the provider binary
// (Terraform starts it several times in one plan) and keeps, for each, the
// last VmHWM (peak resident set) and user+system time it read. Both only
// grow, so the last read before a process exits holds nearly all of it: a
// process's CPU between the last sample and its exit, at most 20 ms, is
// not counted.
type procSampler struct {
	binary string
	done   chan struct{}
	wg     sync.WaitGroup
	// Written by the sampling goroutine, read after stop.
	peakKiB int
	ticks   map[int]int // pid to utime+stime
}

func newProcSampler(binary string) *procSampler {
	s := &procSampler{binary: binary, done: make(chan struct{}), ticks: map[int]int{}}
	s.wg.Go(func() {
		ticker := time.NewTicker(20 * time.Millisecond)
		defer ticker.Stop()
		for {
			s.sample()
			select {
			case <-s.done:
				return
			case <-ticker.C:
			}
		}
	})
	return s
}

// stop ends sampling and returns the largest peak RSS of the provider
// processes seen, in KiB, and the CPU time of all of them.
func (s *procSampler) stop() (int, time.Duration) {
	close(s.done)
	s.wg.Wait()
	total := 0
	for _, t := range s.ticks {
		total += t
	}
	return s.peakKiB, time.Duration(total) * time.Second / clockTicks
}

func (s *procSampler) sample() {
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe")); err != nil || exe != s.binary {
			continue
		}
		s.peakKiB = max(s.peakKiB, peakRSS(pid))
		if t, ok := processTicks(pid); ok {
			s.ticks[pid] = max(s.ticks[pid], t)
		}
	}
}

// peakRSS is the VmHWM of pid in KiB, zero when it cannot be read.
func peakRSS(pid int) int {
	status, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return kib
		}
	}
	return 0
}

// processTicks is utime+stime of pid, its own CPU without its children's.
func processTicks(pid int) (int, bool) {
	stat, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0, false
	}
	// The command name, field 2, is in parentheses and may hold spaces;
	// utime and stime are fields 14 and 15, the 12th and 13th after it.
	end := strings.LastIndexByte(string(stat), ')')
	if end < 0 {
		return 0, false
	}
	fields := strings.Fields(string(stat[end+1:]))
	if len(fields) < 13 {
		return 0, false
	}
	utime, err1 := strconv.Atoi(fields[11])
	stime, err2 := strconv.Atoi(fields[12])
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return utime + stime, true
}
