// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

// Timeouts, cancellation and pacing: what a call does with time.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
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

// arrivalServer answers every request with okBody; arrived returns when
// each request arrived, in order.
func arrivalServer(t *testing.T) (endpoint *url.URL, arrived func() []time.Time) {
	t.Helper()
	var mu sync.Mutex
	var arrivals []time.Time
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		_, _ = w.Write([]byte(okBody))
	}))
	t.Cleanup(ts.Close)
	endpoint, _ = url.Parse(ts.URL)
	return endpoint, func() []time.Time {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(arrivals)
	}
}

func TestRateLimitSpacesRequests(t *testing.T) {
	u, arrived := arrivalServer(t)
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
	arrivals := arrived()
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

// slowCredential is a temporary credential whose fetch blocks until ready
// closes, as an STS refresh can; it counts the calls that asked for it.
type slowCredential struct {
	*common.Credential
	asked atomic.Int32
	ready chan struct{}
}

func (c *slowCredential) Refresh(ctx context.Context) error {
	c.asked.Add(1)
	select {
	case <-c.ready:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// mostWithin is the largest number of sorted times that fit in one window.
func mostWithin(times []time.Time, window time.Duration) int {
	most, first := 0, 0
	for last := range times {
		for times[last].Sub(times[first]) >= window {
			first++
		}
		most = max(most, last-first+1)
	}
	return most
}

func TestCallsThatWaitedForACredentialLeaveAtTheRateLimitNotAtOnce(t *testing.T) {
	const calls = 32
	u, arrived := arrivalServer(t)
	credential := &slowCredential{Credential: common.NewTokenCredential("AKIDtmp", "k", "t"), ready: make(chan struct{})}
	client := newClient(tencentapi.Config{Credential: credential, Endpoint: u, RateLimit: 20})

	var wg sync.WaitGroup
	for range calls {
		wg.Go(func() {
			if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
				t.Error(err)
			}
		})
	}
	// The credential is ready once every call waits for it, as after a
	// refresh that took long.
	for deadline := time.Now().Add(10 * time.Second); credential.asked.Load() < calls && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	close(credential.ready)
	wg.Wait()
	arrivals := arrived()

	// Paced at 19.4/s, half a second holds at most 10 requests. Scheduling
	// on a loaded machine delays some into their successors' slots (14 seen
	// at a load of 13 on 2 cores), so the test allows twice that; bunching
	// 21 would take eleven of them delayed by a quarter second, while calls
	// that took their slots as they waited arrive all 32 at once.
	const paced, allowed = 10, 20
	most := mostWithin(arrivals, 500*time.Millisecond)
	t.Logf("%d calls arrived over %v, at most %d within 500ms and %d within 100ms",
		calls, arrivals[len(arrivals)-1].Sub(arrivals[0]), most, mostWithin(arrivals, 100*time.Millisecond))
	if most > allowed {
		t.Errorf("%d of %d calls arrived within 500ms of each other, want at most %d at rate_limit 20 (%d when paced exactly, "+
			"twice that for a loaded machine)", most, calls, allowed, paced)
	}
}

// expiringCredential hands out a new SecretId on every fetch, and the
// first credential it hands out expires before its call's turn comes.
type expiringCredential struct {
	*common.Credential
	fetches int
	checked bool
}

func (c *expiringCredential) Refresh(context.Context) error {
	c.fetches++
	c.SecretId = fmt.Sprintf("AKIDtmp%d", c.fetches)
	return nil
}

func (c *expiringCredential) Ready(context.Context) bool {
	ready := c.checked
	c.checked = true
	return ready
}

func TestACredentialThatExpiredWhileItsCallQueuedIsRenewedBeforeTheCallIsSent(t *testing.T) {
	var signedBy atomic.Value
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		signedBy.Store(r.Header.Get("Authorization"))
		_, _ = w.Write([]byte(okBody))
	}))
	defer ts.Close()
	u, _ := url.Parse(ts.URL)
	credential := &expiringCredential{Credential: common.NewTokenCredential("", "k", "t")}
	client := newClient(tencentapi.Config{Credential: credential, Endpoint: u})
	if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if auth, _ := signedBy.Load().(string); credential.fetches != 2 || !strings.Contains(auth, "Credential=AKIDtmp2/") {
		t.Errorf("%d fetches, signed %q; want the call signed with the second credential", credential.fetches, auth)
	}
}
