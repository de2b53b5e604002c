// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"context"
	"math/rand/v2"
	"time"
)

// DefaultRateLimit is the documented limit of DescribeOrganizationMemberEmailBind,
// which the emulator also applies to every other action (STS documents 600
// for AssumeRole; the lower limit is the stricter emulation).
const DefaultRateLimit = 20

// Rate windows: how "N requests per second" is counted.
const (
	// RateWindowFixed counts requests per wall-clock second, so up to 2N can
	// be accepted within a few milliseconds across a second boundary.
	RateWindowFixed = "fixed"
	// RateWindowSliding accepts at most N in any one-second interval: the
	// strictest reading of the documented limit, and the default.
	RateWindowSliding = "sliding"
)

// DefaultRateWindow is the window of a world that names none.
const DefaultRateWindow = RateWindowSliding

// rateKey is whose budget a request spends: the API counts an account's
// calls of an action, whichever of its keys or temporary credentials signs.
type rateKey struct {
	uin    int64
	action string
}

// rateWindow is one budget's state: the current second and its count for
// the fixed window, or the arrival times of the requests accepted in the
// last second, oldest first, for the sliding one.
type rateWindow struct {
	second   int64
	count    int
	accepted []time.Time
}

// allow reports whether account uin may call action now, and if so spends
// one request of its budget. Refused requests spend nothing.
func (s *Server) allow(uin int64, action string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Read under the lock, so that arrivals are ordered as the limiter sees them.
	now := s.Now()
	key := rateKey{uin, action}
	w := s.windows[key]
	if w == nil {
		w = &rateWindow{}
		s.windows[key] = w
	}
	limit := s.world.rateLimit()
	if s.world.rateWindow() == RateWindowFixed {
		if second := now.Unix(); w.second != second {
			w.second, w.count = second, 0
		}
		if w.count >= limit {
			return false
		}
		w.count++
		return true
	}
	// An arrival a whole second ago or more is outside (now-1s, now].
	expired := 0
	for expired < len(w.accepted) && now.Sub(w.accepted[expired]) >= time.Second {
		expired++
	}
	w.accepted = w.accepted[expired:]
	if len(w.accepted) >= limit {
		return false
	}
	w.accepted = append(w.accepted, now)
	return true
}

// arrive holds a request for the network delay the world's arrival_jitter
// draws, so that requests sent in order reach the limiter reordered and
// bunched as over a real network. It reports false when ctx ends first.
func (s *Server) arrive(ctx context.Context) bool {
	jitter := s.world.arrivalJitter()
	if jitter <= 0 {
		return true
	}
	return s.Sleep(ctx, s.Jitter(jitter))
}

// sleep is Server.Sleep on the real clock.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// randomJitter is Server.Jitter: uniform from 0 to limit inclusive.
func randomJitter(limit time.Duration) time.Duration {
	return time.Duration(rand.Int64N(int64(limit) + 1))
}

// The settings below take the world by pointer: they are read while
// requests are served, and a copy of the whole world would also read its
// faults, which AddFault appends to under the server's lock.

func (w *World) rateLimit() int {
	if w.RateLimit == 0 {
		return DefaultRateLimit
	}
	return w.RateLimit
}

func (w *World) rateWindow() string {
	if w.RateWindow == "" {
		return DefaultRateWindow
	}
	return w.RateWindow
}

// arrivalJitter is the world's arrival_jitter, which Validate has checked.
func (w *World) arrivalJitter() time.Duration {
	d, _ := time.ParseDuration(w.ArrivalJitter)
	return d
}

// throttleCode is the code a throttled request of action is answered with,
// by the limiter and by the throttled fault: STS declares
// InvalidParameter.OverLimit ("Frequency limit exceeded", errors.go) for
// AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity
// (tencentcloud/sts/v20180813, client.go), and AssumeRole declares no
// RequestLimitExceeded; every other action answers the common code.
func throttleCode(action string) string {
	switch action {
	case actionAssumeRole, actionSAML, actionWebIdentity:
		return "InvalidParameter.OverLimit"
	}
	return "RequestLimitExceeded"
}
