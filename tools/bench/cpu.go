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

// cpuSampler polls /proc for processes of the provider binary and keeps
// the last user+system time read of each, summed at stop: Terraform starts
// the provider several times in one plan. A process's time between the
// last sample and its exit is not counted: at most one interval of CPU,
// 20 ms, per provider process.
type cpuSampler struct {
	binary string
	done   chan struct{}
	wg     sync.WaitGroup
	ticks  map[int]int // pid to utime+stime; written by the goroutine, read after stop
}

func newCPUSampler(binary string) *cpuSampler {
	s := &cpuSampler{binary: binary, done: make(chan struct{}), ticks: map[int]int{}}
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

// stop ends sampling and returns the CPU time of every provider process seen.
func (s *cpuSampler) stop() time.Duration {
	close(s.done)
	s.wg.Wait()
	total := 0
	for _, t := range s.ticks {
		total += t
	}
	return time.Duration(total) * time.Second / clockTicks
}

func (s *cpuSampler) sample() {
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe")); err != nil || exe != s.binary {
			continue
		}
		if t, ok := processTicks(pid); ok {
			s.ticks[pid] = max(s.ticks[pid], t)
		}
	}
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
