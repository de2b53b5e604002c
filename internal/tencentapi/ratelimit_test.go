// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// windowServer answers like the API, allowing at most limit requests in
// any trailing second (sliding) or in each wall-clock second (fixed); what
// it does not allow it answers with RequestLimitExceeded, and only what it
// allows counts. Each request arrives at its limiter a random 0 to jitter
// late, as a network would deliver it.
type windowServer struct {
	limit   int
	sliding bool
	jitter  time.Duration

	mu      sync.Mutex
	allowed []time.Time // sliding: the allowed arrivals of the last second
	second  int64       // fixed: the current second and its count
	count   int
	// spent are the times of every allowed arrival, for accounting of
	// where a shared budget went unspent.
	spent []time.Time

	ok, throttled atomic.Int64
}

func (s *windowServer) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	if s.jitter > 0 {
		time.Sleep(rand.N(s.jitter))
	}
	if !s.admit(time.Now()) {
		s.throttled.Add(1)
		_, _ = w.Write([]byte(apiErrorBody("RequestLimitExceeded")))
		return
	}
	s.ok.Add(1)
	_, _ = w.Write([]byte(okBody))
}

func (s *windowServer) admit(now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	allowed := s.allows(now)
	if allowed {
		s.spent = append(s.spent, now)
	}
	return allowed
}

func (s *windowServer) allows(now time.Time) bool {
	if !s.sliding {
		if now.Unix() != s.second {
			s.second, s.count = now.Unix(), 0
		}
		s.count++
		return s.count <= s.limit
	}
	start := now.Add(-time.Second)
	kept := s.allowed[:0]
	for _, t := range s.allowed {
		if t.After(start) {
			kept = append(kept, t)
		}
	}
	s.allowed = kept
	if len(s.allowed) >= s.limit {
		return false
	}
	s.allowed = append(s.allowed, now)
	return true
}

// readRun is what driving calls through one client against a windowServer gave.
type readRun struct {
	failed    int64
	elapsed   time.Duration
	requests  int64
	throttled int64
}

// driveReads makes calls reads through one client paced for the server's
// limit, from workers concurrent callers as the whole-organization read does.
func driveReads(t testing.TB, srv *windowServer, calls, workers int) readRun {
	t.Helper()
	run := driveSharedBudget(t, srv, 1, calls, workers, startAtOnce)
	return readRun{failed: run.failed, elapsed: run.elapsed, requests: run.ok + run.throttled, throttled: run.throttled}
}

func TestPacedCallsPassASlidingWindowWithArrivalJitter(t *testing.T) {
	// A high limit keeps the test short; the pacing margin is a share of a
	// second, the same at any rate. Throttles may happen and are retried:
	// how many is for the benchmark, with no timing assertion here.
	run := driveReads(t, &windowServer{limit: 100, sliding: true, jitter: 30 * time.Millisecond}, 150, 32)
	if run.failed != 0 {
		t.Errorf("%d of 150 calls failed (%d of %d requests throttled)", run.failed, run.throttled, run.requests)
	}
}

// STS throttles AssumeRole and the two exchanges with
// InvalidParameter.OverLimit, which is throttling like the common code.
func TestAThrottleDropsALaneAndTheRetryWaitsOneSlotOfTheLanesLeftNotABackoff(t *testing.T) {
	for _, code := range []string{"RequestLimitExceeded.UinLimitExceeded", "InvalidParameter.OverLimit"} {
		t.Run(code, func(t *testing.T) { testThrottleRetriedASlotLater(t, code) })
	}
}

func testThrottleRetriedASlotLater(t *testing.T, code string) {
	f := replyAPIError(code)
	endpoint, _ := faultyServer(t, f, f, replyAPIError("InternalError"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var waits []time.Duration
	client := newClient(tencentapi.Config{
		// A high rate keeps the slots short; the lanes are a share of it.
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, RateLimit: 2000, MaxRetries: 3,
		// A backoff of up to an hour, which a throttle must not wait for.
		RetryBaseDelay: time.Hour, RetryMaxDelay: 4 * time.Hour,
		OnAttempt: func(_ context.Context, a tencentapi.Attempt) {
			waits = append(waits, a.RetryIn)
			if a.RetryIn > time.Second {
				cancel() // the test needs to see the wait, not to sit through it
			}
		},
	})
	_, _ = client.DescribeOrganizationMemberEmailBind(ctx, 1)
	if len(waits) < 3 {
		t.Fatalf("the attempts waited %v; want two throttles retried a slot later, then InternalError's backoff", waits)
	}
	// Nothing was accepted in the last second, so the first throttle keeps
	// one lane, and the second cannot drop it: at 2,000 paced at 97% a lane
	// sends every 64/1,940 s (64 lanes at most), a slot every 33.0 ms.
	slot := time.Duration(tencentapi.MaxLanes) * time.Second * 100 / 194000
	for i := range 2 {
		if waits[i] < slot-time.Millisecond || waits[i] > slot+time.Millisecond {
			t.Errorf("throttle %d: retry in %v, want one slot of the lane left, %v", i+1, waits[i], slot)
		}
	}
	// Other failures keep the backoff, here random up to 4 hours.
	if waits[2] <= 3*slot {
		t.Errorf("InternalError: retry in %v, want the backoff's", waits[2])
	}
}

// BenchmarkReadsAgainstARateLimitedServer drives 500 reads from 32 callers
// through one client at the default rate limit of 20 per second, against a
// server allowing 20 in any trailing second with 0-30 ms of arrival jitter,
// and against one allowing 20 per wall-clock second. It reports reads/s and
// the share of requests throttled; the targets are at least 19 reads/s,
// at most 1% throttled and no failed read. Run it with
//
//	go test ./internal/tencentapi -run '^$' -bench RateLimited -benchtime 1x
func BenchmarkReadsAgainstARateLimitedServer(b *testing.B) {
	for name, srv := range map[string]func() *windowServer{
		"sliding window with jitter": func() *windowServer {
			return &windowServer{limit: 20, sliding: true, jitter: 30 * time.Millisecond}
		},
		"fixed window": func() *windowServer { return &windowServer{limit: 20} },
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				run := driveReads(b, srv(), 500, 32)
				b.ReportMetric(500/run.elapsed.Seconds(), "reads/s")
				b.ReportMetric(100*float64(run.throttled)/float64(run.requests), "throttled%")
				b.ReportMetric(float64(run.failed), "failed")
			}
		})
	}
}

// A throttle at a low rate_limit leaves one lane, a slot a second or more
// apart; the retry's wait is still capped by the backoff's maximum.
func TestTheWaitBeforeAThrottledRetryIsCappedByTheBackoffMaximum(t *testing.T) {
	f := replyAPIError("RequestLimitExceeded")
	endpoint, _ := faultyServer(t, f, f)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var waits []time.Duration
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, RateLimit: 1, MaxRetries: 1,
		RetryMaxDelay: time.Second,
		OnAttempt: func(_ context.Context, a tencentapi.Attempt) {
			waits = append(waits, a.RetryIn)
			cancel() // one wait is what the test needs
		},
	})
	_, _ = client.DescribeOrganizationMemberEmailBind(ctx, 1)
	if len(waits) == 0 || waits[0] > time.Second || waits[0] <= 0 {
		t.Errorf("the throttled retry waits %v, want a slot of the lane left, at most the backoff's 1s", waits)
	}
}
