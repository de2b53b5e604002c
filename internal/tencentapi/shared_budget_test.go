// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// sharedRun is what k clients, each with its own pacer, reading through one
// budget gave.
type sharedRun struct {
	failed    int64
	elapsed   time.Duration
	finished  []time.Duration
	ok        int64
	throttled int64
}

// driveSharedBudget makes calls reads through each of k clients at once, as
// k plans sharing an account do, each from workers concurrent callers.
func driveSharedBudget(t testing.TB, srv *windowServer, k, calls, workers int) sharedRun {
	t.Helper()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	endpoint, _ := url.Parse(ts.URL)
	run := sharedRun{finished: make([]time.Duration, k)}
	var failed atomic.Int64
	var clients sync.WaitGroup
	start := time.Now()
	for i := range k {
		client := newClient(tencentapi.Config{
			Credential: common.NewCredential("AKIDtest", "key"), Endpoint: endpoint,
			RateLimit: float64(srv.limit), MaxRetries: tencentapi.DefaultMaxRetries,
		})
		clients.Go(func() {
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
			run.finished[i] = time.Since(start)
		})
	}
	clients.Wait()
	run.elapsed = time.Since(start)
	run.failed, run.ok, run.throttled = failed.Load(), srv.ok.Load(), srv.throttled.Load()
	return run
}

// BenchmarkClientsSharingOneBudget drives k clients, each making 300 reads
// from 64 callers, against a server allowing 20 in any trailing second
// with 0-30 ms of arrival jitter. It reports the wall time over the floor
// (all reads at 20 per second), throttles per successful read, and the
// spread of the clients' finishing times. Run it with
//
//	go test ./internal/tencentapi -run '^$' -bench SharingOneBudget -benchtime 1x
func BenchmarkClientsSharingOneBudget(b *testing.B) {
	for _, k := range []int{1, 3, 5} {
		b.Run(fmt.Sprintf("clients=%d", k), func(b *testing.B) {
			for b.Loop() {
				const calls = 300
				run := driveSharedBudget(b, &windowServer{limit: 20, sliding: true, jitter: 30 * time.Millisecond}, k, calls, 64)
				floor := time.Duration(k*calls) * time.Second / 20
				b.ReportMetric(run.elapsed.Seconds()/floor.Seconds(), "x_floor")
				b.ReportMetric(100*float64(run.throttled)/float64(run.ok), "throttled%")
				b.ReportMetric(float64(k*calls)/run.elapsed.Seconds(), "reads/s")
				b.ReportMetric(float64(run.failed), "failed")
				b.Logf("k=%d finished at %v of %v (floor %v)", k, run.finished, run.elapsed, floor)
			}
		})
	}
}
