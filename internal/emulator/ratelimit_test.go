// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// fakeClock is a Server's Now and Sleep on a clock that moves only when a
// test sets it or a request sleeps, so no rate test depends on real timing.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *fakeClock) Sleep(_ context.Context, d time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	return true
}

// startOnFakeClock serves worldJSON's Organization and STS endpoints on a
// fake clock that starts on a whole second.
func startOnFakeClock(t *testing.T, worldJSON string) (*emulator.Server, *fakeClock, acctest.Endpoints) {
	t.Helper()
	srv, endpoints := acctest.StartEmulator(t, worldJSON)
	clock := &fakeClock{now: time.Unix(time.Now().Unix(), 0)}
	srv.Now, srv.Sleep = clock.Now, clock.Sleep
	return srv, clock, endpoints
}

// accepted sends n email-bind reads with cred and counts those not
// throttled; any other error fails the test.
func accepted(t *testing.T, baseURL string, cred *common.Credential, n int) int {
	t.Helper()
	ok := 0
	for range n {
		_, apiErr := describe(t, baseURL, cred, map[string]any{"MemberUin": int64(100033118139)})
		switch {
		case apiErr == nil:
			ok++
		case apiErr.Code != "RequestLimitExceeded":
			t.Fatalf("unexpected error %v", apiErr)
		}
	}
	return ok
}

func TestSlidingWindowRefusesThe21stRequestInAnySecondAcrossASecondBoundary(t *testing.T) {
	_, clock, endpoints := startOnFakeClock(t, testWorld) // no rate_window: the default
	second := clock.Now()
	clock.Set(second.Add(900 * time.Millisecond))
	if got := accepted(t, endpoints.Organization, adminCred, 20); got != 20 {
		t.Fatalf("%d of 20 requests at t=0.9s accepted, want 20", got)
	}
	clock.Set(second.Add(1100 * time.Millisecond))
	if got := accepted(t, endpoints.Organization, adminCred, 20); got != 0 {
		t.Errorf("%d of 20 requests at t=1.1s accepted, want 0: with those at t=0.9s they are 40 within 0.2s", got)
	}
	// A full second after the first twenty, their budget is free again, and only theirs.
	clock.Set(second.Add(1900 * time.Millisecond))
	if got := accepted(t, endpoints.Organization, adminCred, 21); got != 20 {
		t.Errorf("%d of 21 requests at t=1.9s accepted, want 20", got)
	}
}

func TestFixedWindowCountsWallClockSeconds(t *testing.T) {
	_, clock, endpoints := startOnFakeClock(t, strings.Replace(testWorld, `"credentials"`, `"rate_window": "fixed", "credentials"`, 1))
	second := clock.Now()
	clock.Set(second.Add(900 * time.Millisecond))
	first := accepted(t, endpoints.Organization, adminCred, 21)
	clock.Set(second.Add(1100 * time.Millisecond))
	next := accepted(t, endpoints.Organization, adminCred, 21)
	if first != 20 || next != 20 {
		t.Errorf("accepted %d at t=0.9s and %d at t=1.1s, want 20 in each wall-clock second", first, next)
	}
}

func TestKeysAndTemporaryCredentialsOfOneAccountShareABudgetPerAction(t *testing.T) {
	world := strings.Replace(testWorld, `"credentials"`, `"rate_limit": 3,
  "roles": [{"role_arn": "qcs::cam::uin/100000000001:roleName/auditor", "uin": 100000000001}],
  "credentials"`, 1)
	_, _, endpoints := startOnFakeClock(t, world)
	org := endpoints.Organization

	if got := accepted(t, org, adminCred, 2); got != 2 {
		t.Fatalf("%d of the admin key's 2 reads accepted", got)
	}
	if got := accepted(t, org, common.NewTokenCredential("AKIDtemp", "temp-key", "temp-token"), 2); got != 1 {
		t.Errorf("another key of the same account had %d of 2 reads accepted, want 1: the account's third of 3", got)
	}
	// A temporary credential issued for a role of the account acts as the account.
	resp, apiErr := assumeRole(t, endpoints.STS, adminCred, map[string]any{
		"RoleArn": "qcs::cam::uin/100000000001:roleName/auditor", "RoleSessionName": "budget",
	})
	if apiErr != nil {
		t.Fatalf("AssumeRole, which has its own budget: %v", apiErr)
	}
	if got := accepted(t, org, roleCredential(resp), 1); got != 0 {
		t.Errorf("the role's temporary credential had a read accepted over its account's budget")
	}
	_, apiErr = describe(t, org, adminCred, map[string]any{"MemberUin": int64(100033118139)})
	if apiErr == nil || !strings.Contains(apiErr.Message, "this account (uin 100000000001)") {
		t.Errorf("throttling error %v does not name the account", apiErr)
	}
	// Other actions, and other accounts, have budgets of their own.
	if _, apiErr := call(t, org, adminCred, "2021-03-31", "DescribeOrganizationMembers", map[string]any{}); apiErr != nil {
		t.Errorf("the account's first member listing: %v", apiErr)
	}
	if _, apiErr := describe(t, org, common.NewCredential("AKIDloner", "loner-key"), map[string]any{"MemberUin": int64(100033118139)}); apiErr == nil || apiErr.Code != "ResourceNotFound.OrganizationNotExist" {
		t.Errorf("another account's first read got %v, want to reach the action", apiErr)
	}
}

func TestArrivalJitterDelaysRequestsBeforeTheLimiter(t *testing.T) {
	srv, clock, endpoints := startOnFakeClock(t, strings.Replace(testWorld, `"credentials"`, `"rate_limit": 2, "arrival_jitter": "2s", "credentials"`, 1))
	start := clock.Now()
	delays := []time.Duration{0, 0, 1500 * time.Millisecond}
	var maxima []time.Duration
	srv.Jitter = func(limit time.Duration) time.Duration {
		clock.mu.Lock()
		defer clock.mu.Unlock()
		maxima = append(maxima, limit)
		d := delays[0]
		delays = delays[1:]
		return d
	}
	// Sent at once, the third would be refused; its network delay brings it
	// to the limiter 1.5s later, when the first two are out of its window.
	if got := accepted(t, endpoints.Organization, adminCred, 3); got != 3 {
		t.Errorf("%d of 3 requests accepted, want the late third accepted too", got)
	}
	reqs := srv.Requests()
	if len(reqs) != 3 || !reqs[2].Time.Equal(start.Add(1500*time.Millisecond)) {
		t.Errorf("requests %+v, want the third to arrive at start+1.5s", reqs)
	}
	clock.mu.Lock()
	defer clock.mu.Unlock()
	if len(maxima) != 3 || maxima[0] != 2*time.Second {
		t.Errorf("jitter drawn with maxima %v, want 2s for each request", maxima)
	}
	if len(clock.slept) != 3 || clock.slept[2] != 1500*time.Millisecond {
		t.Errorf("slept %v, want each drawn delay", clock.slept)
	}
}

// A client that gives up while its request is on the way is not answered,
// and the server does not hold the request for the rest of the delay.
func TestArrivalJitterEndsWithTheClientsRequest(t *testing.T) {
	world, err := emulator.ParseWorld([]byte(strings.Replace(testWorld, `"credentials"`, `"arrival_jitter": "1h", "credentials"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	srv := emulator.New(world)
	acctest.ExpectOnlyDeclaredAnswers(t, srv)
	srv.Jitter = func(limit time.Duration) time.Duration { return limit }
	ts := httptest.NewServer(srv.Handler(emulator.ServiceOrganization))
	defer ts.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, ts.URL, strings.NewReader(`{"MemberUin": 100033118139}`))
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("response %v, error %v; want the client's deadline", resp, err)
	}
	// Close waits for every handler to return.
	closed := make(chan struct{})
	go func() { ts.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("the handler was still holding the request 10s after its client left")
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests recorded, want none: it never arrived", n)
	}
}
