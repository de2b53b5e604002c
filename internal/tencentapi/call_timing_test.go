// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

// Timeouts, cancellation and pacing: what a call does with time.

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// hangingServer never answers: each request waits until its client gives
// up or the test ends. It counts the requests.
func hangingServer(t *testing.T) (*url.URL, *atomic.Int32) {
	t.Helper()
	var count atomic.Int32
	release := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		count.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	// Cleanups run last-in first-out: release the handlers, then close.
	t.Cleanup(ts.Close)
	t.Cleanup(func() { close(release) })
	u, _ := url.Parse(ts.URL)
	return u, &count
}

func TestSlowServerTimesOutPerAttempt(t *testing.T) {
	u, count := hangingServer(t)
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: u, MaxRetries: 1,
		Timeout: 100 * time.Millisecond, RetryBaseDelay: time.Millisecond,
	})
	_, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeTimeout || callErr.Timeout != 100*time.Millisecond {
		t.Fatalf("err = %v, want a timeout naming 100ms", err)
	}
	if callErr.Attempts != 2 || count.Load() != 2 {
		t.Errorf("%d attempts, %d requests; a timeout is retried once with max_retries 1", callErr.Attempts, count.Load())
	}
}

func TestCancellationStopsBackoff(t *testing.T) {
	endpoint, _ := faultyServer(t, replyAPIError("InternalError"), replyAPIError("InternalError"))
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 10,
		// The first backoff is up to a minute; only cancellation can end it early.
		RetryBaseDelay: time.Minute, RetryMaxDelay: time.Minute,
	})
	assertCancelledPromptly(t, client)
}

func TestCancellationStopsRateLimitWait(t *testing.T) {
	endpoint, _ := faultyServer(t)
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, RateLimit: 0.01,
	})
	// The first call takes the only token; the next would wait 100 seconds.
	if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	assertCancelledPromptly(t, client)
}

func assertCancelledPromptly(t *testing.T, client testClient) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err := client.DescribeOrganizationMemberEmailBind(ctx, 1)
	elapsed := time.Since(start)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeCancelled || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want a cancellation", err)
	}
	if elapsed > time.Second {
		t.Errorf("the call returned %v after it was cancelled at 200ms", elapsed)
	}
}

func TestRateLimitSpacesRequests(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		_, _ = w.Write([]byte(okBody))
	}))
	defer ts.Close()
	u, _ := url.Parse(ts.URL)
	client := newClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Endpoint: u, RateLimit: 40})

	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	// 20 calls at 40/s with a burst of one cannot span less than 19/40 s,
	// and no second holds more than 40 of them.
	span := arrivals[len(arrivals)-1].Sub(arrivals[0])
	// Arrivals jitter with scheduling and the first call's dial; allow for it.
	if span < 400*time.Millisecond {
		t.Errorf("20 calls at 40/s arrived within %v, want about 475ms", span)
	}
}

func TestCancellationEndsTheCall(t *testing.T) {
	u, _ := hangingServer(t)

	ctx, cancel := context.WithCancel(context.Background())
	var cancelledAt atomic.Int64
	time.AfterFunc(100*time.Millisecond, func() {
		cancelledAt.Store(time.Now().UnixNano())
		cancel()
	})
	_, err := newClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Endpoint: u}).DescribeOrganizationMemberEmailBind(ctx, 1)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if took := time.Since(time.Unix(0, cancelledAt.Load())); took > time.Second {
		t.Errorf("the call returned %v after cancellation, want within a second", took)
	}
}
