// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// gatedSource's every Retrieve waits for a verdict on gate: nil for a new
// credential that lives an hour from the fake clock, or the error to fail
// with. The clock is only moved while no fetch runs.
type gatedSource struct {
	now   *time.Time
	gate  chan error
	calls atomic.Int32
}

func (s *gatedSource) Retrieve(ctx context.Context) (Value, error) {
	n := s.calls.Add(1)
	select {
	case err := <-s.gate:
		if err != nil {
			return Value{}, err
		}
	case <-ctx.Done():
		return Value{}, fmt.Errorf("gated: %w", ctx.Err())
	}
	return Value{SecretID: fmt.Sprintf("id%d", n), SecretKey: "k", Token: "t", Expires: s.now.Add(time.Hour)}, nil
}
func (s *gatedSource) Describe() string { return "gated" }

// newGatedCache returns a cache on a fake clock whose source has given one
// hour-long credential, and the warnings the cache has reported.
func newGatedCache(t *testing.T) (*Cache, *gatedSource, *time.Time, *[]error) {
	t.Helper()
	now := time.Unix(1_700_000_000, 0)
	source := &gatedSource{now: &now, gate: make(chan error, 1)}
	cache := NewCache(source)
	cache.now = func() time.Time { return now }
	var warnings []error
	cache.OnRefreshFailure = func(_ context.Context, err error, _ time.Time) { warnings = append(warnings, err) }
	source.gate <- nil
	if err := cache.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	return cache, source, &now, &warnings
}

// settle waits for the fetch in flight, if any, to end with all it does.
func settle(c *Cache) {
	c.mu.RLock()
	f := c.inflight
	c.mu.RUnlock()
	if f != nil {
		<-f.done
	}
}

// refreshAtOnce calls Refresh and fails the test if it waits for the
// source, which holds every fetch until the test gives a verdict; the
// bound only turns a hang into a failure.
func refreshAtOnce(t *testing.T, c *Cache) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- c.Refresh(context.Background()) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Refresh of a still valid credential failed: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Refresh waited for the source although the current credential is still valid")
	}
}

func TestRefreshHappensBeforeExpiryNotAfter(t *testing.T) {
	cache, source, now, _ := newGatedCache(t)
	for range 3 {
		refreshAtOnce(t, cache)
	}
	// An hour-long credential is replaced when at most 5 minutes are left.
	*now = now.Add(54 * time.Minute)
	refreshAtOnce(t, cache)
	if n := source.calls.Load(); n != 1 {
		t.Errorf("%d fetches with 6 minutes left, want only the first", n)
	}
	*now = now.Add(2 * time.Minute)
	refreshAtOnce(t, cache)
	source.gate <- nil
	settle(cache)
	if n := source.calls.Load(); n != 2 || cache.GetSecretId() != "id2" {
		t.Errorf("%d fetches, SecretId %q with 4 minutes left; want the credential replaced", n, cache.GetSecretId())
	}
}

func TestAFailingRefreshDoesNotHoldUpRequestsWhileTheCredentialIsValid(t *testing.T) {
	cache, source, now, warnings := newGatedCache(t)
	*now = now.Add(56 * time.Minute) // due for refresh, four minutes from expiry

	// Every request goes on with the current credential at once, and only
	// one fetch runs for all of them.
	for range 20 {
		refreshAtOnce(t, cache)
	}
	if cache.GetSecretId() != "id1" {
		t.Fatalf("SecretId %q while the refresh runs, want id1", cache.GetSecretId())
	}
	source.gate <- errors.New("STS answered HTTP 502")
	settle(cache)
	if n := source.calls.Load(); n != 2 {
		t.Fatalf("%d fetches, want one refresh in the background for all 20 requests", n)
	}

	// After a failure, the next refresh starts only refreshRetryInterval later.
	*now = now.Add(refreshRetryInterval - time.Second)
	refreshAtOnce(t, cache)
	if n := source.calls.Load(); n != 2 {
		t.Errorf("%d fetches within %v of a failure, want no new one", n, refreshRetryInterval)
	}
	*now = now.Add(time.Second)
	refreshAtOnce(t, cache)
	source.gate <- errors.New("STS answered HTTP 502")
	settle(cache)
	if n := source.calls.Load(); n != 3 {
		t.Errorf("%d fetches once the retry interval passed, want 3", n)
	}
	if len(*warnings) != 1 || (*warnings)[0].Error() != "STS answered HTTP 502" {
		t.Errorf("warnings %v, want one for the credential", *warnings)
	}

	// A success ends it; the new credential's own trouble warns again.
	*now = now.Add(refreshRetryInterval)
	refreshAtOnce(t, cache)
	source.gate <- nil
	settle(cache)
	if cache.GetSecretId() != "id4" {
		t.Fatalf("SecretId %q after a successful refresh, want id4", cache.GetSecretId())
	}
	*now = now.Add(56 * time.Minute)
	refreshAtOnce(t, cache)
	source.gate <- errors.New("metadata service unavailable")
	settle(cache)
	if len(*warnings) != 2 {
		t.Errorf("warnings %v, want a second for the second credential", *warnings)
	}
}

func TestAnExpiredCredentialThatCannotBeRefreshedFailsTheCaller(t *testing.T) {
	cache, source, now, warnings := newGatedCache(t)
	*now = now.Add(61 * time.Minute)
	source.gate <- errors.New("source unavailable")
	if err := cache.Refresh(context.Background()); err == nil || err.Error() != "source unavailable" {
		t.Errorf("err = %v, want the source's failure", err)
	}
	if len(*warnings) != 0 {
		t.Errorf("warnings %v: a failure the caller is told of needs none", *warnings)
	}
}

func TestAWaiterIsNotFailedByTheCancellationOfTheCallerThatStartedTheFetch(t *testing.T) {
	cache, source, _, _ := newGatedCache(t)
	cache.Invalidate() // the API rejected the token: every caller must wait for a new one

	starter, cancel := context.WithCancel(context.Background())
	started := make(chan error, 1)
	go func() { started <- cache.Refresh(starter) }()
	for source.calls.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	waiter := make(chan error, 1)
	go func() { waiter <- cache.Refresh(context.Background()) }()
	cancel()
	if err := <-started; !errors.Is(err, context.Canceled) {
		t.Errorf("the cancelled caller got %v, want context.Canceled", err)
	}
	source.gate <- nil
	if err := <-waiter; err != nil || cache.GetSecretId() != "id2" {
		t.Errorf("the waiter got %v and SecretId %q, want the fetched credential", err, cache.GetSecretId())
	}
	if n := source.calls.Load(); n != 2 {
		t.Errorf("%d fetches, want the one the cancelled caller started", n)
	}
}

func TestReadySaysWithoutWaitingWhetherTheCredentialCanStillSign(t *testing.T) {
	cache, source, now, _ := newGatedCache(t)
	ctx := context.Background()
	if !cache.Ready(ctx) {
		t.Error("a fresh credential is not ready")
	}
	*now = now.Add(56 * time.Minute) // due for refresh, four minutes from expiry
	if !cache.Ready(ctx) {
		t.Error("a credential due for refresh is not ready")
	}
	cache.mu.RLock()
	started := cache.inflight != nil
	cache.mu.RUnlock()
	if !started {
		t.Error("Ready did not start replacing a credential due for refresh")
	}
	source.gate <- errors.New("STS answered HTTP 502")
	settle(cache)
	*now = now.Add(5 * time.Minute)
	if cache.Ready(ctx) || source.calls.Load() != 2 {
		t.Errorf("an expired credential: want it not ready and no fetch, which Refresh waits for (%d fetches)", source.calls.Load())
	}
}
