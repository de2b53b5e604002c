// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// handlerTransport serves each request with a handler in the caller's
// goroutine, with no network: inside a synctest bubble the pacer's waits
// and the server's jitter then run on the bubble's fake clock, so that a
// minute of reads sharing a budget takes milliseconds.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

// sharedRun is what k clients, each with its own pacer, reading through one
// budget gave.
type sharedRun struct {
	failed    int64
	elapsed   time.Duration
	ok        int64
	throttled int64
	// finished are when each client read its last, and spent when the
	// server allowed each request, from the first client's start.
	finished, spent []time.Duration
}

// ratio is the wall time over the floor, all the successful calls at the
// server's limit.
func (r sharedRun) ratio(limit int) float64 {
	return r.elapsed.Seconds() / (float64(r.ok) / float64(limit))
}

// throttleShare is the throttled answers per successful call.
func (r sharedRun) throttleShare() float64 { return float64(r.throttled) / float64(r.ok) }

// unspent is how much of the budget after from and up to to went unspent,
// in seconds of the server's limit; the start's instant counts too. Over a
// short span it can be negative: a sliding window lets any second hold the
// limit, whatever the second before it held.
func (r sharedRun) unspent(from, to time.Duration, limit int) float64 {
	n := 0
	for _, at := range r.spent {
		if at <= to && (at > from || from == 0) {
			n++
		}
	}
	return (to - from).Seconds() - float64(n)/float64(limit)
}

// losses is the budget left unspent before the first client finished,
// between then and when all but one had, and while the last read alone.
// Together they are all the wall time has over the floor, the pacing
// margin included, which is most of the first.
func (r sharedRun) losses(limit int) [3]float64 {
	f := slices.Sorted(slices.Values(r.finished))
	first, penultimate, last := f[0], f[max(0, len(f)-2)], f[len(f)-1]
	return [3]float64{
		r.unspent(0, first, limit), r.unspent(first, penultimate, limit), r.unspent(penultimate, last, limit),
	}
}

// driveSharedBudget makes calls reads through each of k clients, as k plans
// sharing an account do, each from workers concurrent callers, client i
// starting after starts(i).
func driveSharedBudget(t testing.TB, srv *windowServer, k, calls, workers int, starts func(int) time.Duration) sharedRun {
	t.Helper()
	endpoint, _ := url.Parse("http://organization.test")
	var run sharedRun
	var failed atomic.Int64
	var clients sync.WaitGroup
	var mu sync.Mutex
	start := time.Now()
	for i := range k {
		client := newClient(tencentapi.Config{
			Credential: common.NewCredential("AKIDtest", "key"), Endpoint: endpoint,
			RateLimit: float64(srv.limit), MaxRetries: tencentapi.DefaultMaxRetries, Transport: handlerTransport{srv},
		})
		clients.Go(func() {
			time.Sleep(starts(i))
			var next atomic.Int64
			var wg sync.WaitGroup
			for range workers {
				wg.Go(func() {
					for next.Add(1) <= int64(calls) {
						if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
							failed.Add(1)
						}
					}
				})
			}
			wg.Wait()
			mu.Lock()
			run.finished = append(run.finished, time.Since(start))
			mu.Unlock()
		})
	}
	clients.Wait()
	run.elapsed = time.Since(start)
	run.failed, run.ok, run.throttled = failed.Load(), srv.ok.Load(), srv.throttled.Load()
	for _, at := range srv.spent {
		run.spent = append(run.spent, at.Sub(start))
	}
	return run
}

func startAtOnce(int) time.Duration { return 0 }

// staggeredStarts start clients up to 1.5 s after the first, as plans
// whose Terraform starts apart begin their bindings.
func staggeredStarts(i int) time.Duration {
	if i == 0 {
		return 0
	}
	return rand.N(1500 * time.Millisecond)
}

// togetherStarts start clients within 0.2 s of the first, as plans that
// start together begin their bindings: with their listings' first pages.
func togetherStarts(i int) time.Duration {
	if i == 0 {
		return 0
	}
	return rand.N(200 * time.Millisecond)
}

// sharedRounds drives rounds of k clients of calls reads each on a fake
// clock, against the API's budget: 20 in any trailing second, with 0-30 ms
// of arrival jitter.
func sharedRounds(t *testing.T, rounds, k, calls int, starts func(int) time.Duration) []sharedRun {
	t.Helper()
	runs := make([]sharedRun, rounds)
	for i := range runs {
		synctest.Test(t, func(t *testing.T) {
			srv := &windowServer{limit: 20, sliding: true, jitter: 30 * time.Millisecond}
			runs[i] = driveSharedBudget(t, srv, k, calls, 64, starts)
		})
	}
	return runs
}

// sharedSummary is the median and 90th percentile of rounds' wall time
// over the floor and throttle share, how many rounds met both of the
// issue's targets (1.10 times the floor, 10% throttled), and the medians
// of how far apart the clients finished and of the budget's losses.
type sharedSummary struct {
	ratio50, ratio90, throttled50, throttled90 float64
	met, failed                                int
	spread50                                   float64
	losses50                                   [3]float64
}

func summarizeShared(runs []sharedRun) sharedSummary {
	var s sharedSummary
	ratios := make([]float64, len(runs))
	shares := make([]float64, len(runs))
	spreads := make([]float64, len(runs))
	var losses [3][]float64
	for i, r := range runs {
		ratios[i], shares[i] = r.ratio(20), r.throttleShare()
		if ratios[i] <= 1.10 && shares[i] <= 0.10 {
			s.met++
		}
		s.failed += int(r.failed)
		spreads[i] = (slices.Max(r.finished) - slices.Min(r.finished)).Seconds()
		for j, l := range r.losses(20) {
			losses[j] = append(losses[j], l)
		}
	}
	at := func(values []float64, q float64) float64 {
		slices.Sort(values)
		return values[int(q*float64(len(values)-1))]
	}
	s.ratio50, s.ratio90 = at(ratios, 0.5), at(ratios, 0.9)
	s.throttled50, s.throttled90 = at(shares, 0.5), at(shares, 0.9)
	s.spread50 = at(spreads, 0.5)
	for j := range losses {
		s.losses50[j] = at(losses[j], 0.5)
	}
	return s
}

func (s sharedSummary) String() string {
	return fmt.Sprintf("wall/floor median %.3f (p90 %.3f), throttled median %.1f%% (p90 %.1f%%), "+
		"both targets met in %d; clients finished %.1f s apart, budget unspent %.2f s before the first "+
		"finished, %.2f s until one was left, %.2f s while it read alone",
		s.ratio50, s.ratio90, 100*s.throttled50, 100*s.throttled90, s.met,
		s.spread50, s.losses50[0], s.losses50[1], s.losses50[2])
}

// Plans sharing an account read at close to the budget's floor and keep
// throttles to a small share of their calls, with no read failing, and a
// plan alone reads at the ceiling. Sixty rounds on a fake clock make the
// medians steady (within about 0.01 from run to run). The bounds guard what
// the lanes give: for three and five plans starting together, medians of
// 1.06 to 1.08 times the floor with 5% and 8% throttled, both of the
// issue's targets (1.10 times, 10%) met in 52 to 58 and 47 to 57 rounds of
// 60; for plans starting up to 1.5 s apart, 1.10 times with 5% and 9.5% (a
// fixed 97% of rate_limit each gave 1.3 times and two to three throttles
// per call). -v logs each summary, with where the budget went unspent.
func TestPlansSharingABudgetReadNearItsFloorWithFewThrottles(t *testing.T) {
	for _, c := range []struct {
		k, calls   int
		starts     string
		ratio, thr float64
		met        int
	}{
		{3, 300, "together", 1.10, 0.06, 40}, {5, 200, "together", 1.10, 0.09, 40},
		{3, 300, "staggered", 1.14, 0.07, 0}, {5, 200, "staggered", 1.14, 0.11, 0},
	} {
		t.Run(fmt.Sprintf("%d plans starting %s", c.k, c.starts), func(t *testing.T) {
			starts := staggeredStarts
			if c.starts == "together" {
				starts = togetherStarts
			}
			s := summarizeShared(sharedRounds(t, 60, c.k, c.calls, starts))
			t.Log(s)
			if s.failed > 0 || s.ratio50 > c.ratio || s.throttled50 > c.thr || s.met < c.met {
				t.Errorf("%d failed reads, %v; want none failed, a median wall time at most %.2f times the floor, median throttles at most %.0f%% and both targets met in at least %d",
					s.failed, s, c.ratio, 100*c.thr, c.met)
			}
		})
	}
	t.Run("1 plan", func(t *testing.T) {
		r := sharedRounds(t, 1, 1, 1000, startAtOnce)[0]
		if perSecond := 1000 / r.elapsed.Seconds(); r.failed > 0 || perSecond < 19 || r.throttleShare() > 0.01 {
			t.Errorf("%d failed, %.2f reads/s, %d throttled; want none failed, at least 19 reads/s, at most 1%% throttled", r.failed, perSecond, r.throttled)
		}
	})
}
