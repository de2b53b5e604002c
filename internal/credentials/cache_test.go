// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"errors"
	"testing"
	"time"
)

// clockSource returns credentials that live an hour from the fake clock,
// or fails when failing is set.
type clockSource struct {
	now     *time.Time
	fetches int
	failing bool
}

func (s *clockSource) Retrieve(context.Context) (Value, error) {
	s.fetches++
	if s.failing {
		return Value{}, errors.New("source unavailable")
	}
	return Value{SecretID: "id", SecretKey: "k", Token: "t", Expires: s.now.Add(time.Hour)}, nil
}
func (s *clockSource) Describe() string { return "clock" }

func newClockCache() (*Cache, *clockSource, *time.Time) {
	now := time.Unix(1_700_000_000, 0)
	source := &clockSource{now: &now}
	cache := NewCache(source)
	cache.now = func() time.Time { return now }
	return cache, source, &now
}

func TestRefreshHappensBeforeExpiryNotAfter(t *testing.T) {
	cache, source, now := newClockCache()
	for range 3 {
		if err := cache.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if source.fetches != 1 {
		t.Fatalf("%d fetches for a fresh credential, want 1", source.fetches)
	}
	// An hour-long credential is replaced when at most 5 minutes are left.
	*now = now.Add(54 * time.Minute)
	_ = cache.Refresh(context.Background())
	if source.fetches != 1 {
		t.Errorf("refreshed with 6 minutes left")
	}
	*now = now.Add(2 * time.Minute)
	_ = cache.Refresh(context.Background())
	if source.fetches != 2 {
		t.Errorf("not refreshed with 4 minutes left")
	}
}

func TestFailedRefreshKeepsAStillValidCredential(t *testing.T) {
	cache, source, now := newClockCache()
	if err := cache.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	source.failing = true
	*now = now.Add(58 * time.Minute) // due for refresh, not yet expired
	if err := cache.Refresh(context.Background()); err != nil {
		t.Errorf("a failed refresh of a still valid credential failed the caller: %v", err)
	}
	*now = now.Add(3 * time.Minute) // expired
	if err := cache.Refresh(context.Background()); err == nil {
		t.Error("an expired credential that cannot be refreshed was accepted")
	}
}
