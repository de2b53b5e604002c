// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
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

// The retry of an attempt whose connection was refused keeps its slot (see
// awaitTurn); a throttle of that retry must still drop the lane, or it
// slows nothing.
func TestAThrottledRetryOfARefusedAttemptDropsALaneLikeAnyThrottle(t *testing.T) {
	var served atomic.Int32
	var throttle sync.Map // the server's request numbers to throttle
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if _, ok := throttle.Load(served.Add(1)); ok {
			_, _ = w.Write([]byte(apiErrorBody("RequestLimitExceeded")))
			return
		}
		_, _ = w.Write([]byte(okBody))
	}))
	defer ts.Close()
	endpoint, _ := url.Parse(ts.URL)
	var refuse atomic.Int32 // the attempt to refuse, by number from 1
	transport := &refusingTransport{refuse: func(n int32) bool { return n == refuse.Load() }}
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, RateLimit: 1000, MaxRetries: 3,
		RetryBaseDelay: time.Millisecond, RetryMaxDelay: 5 * time.Millisecond, Transport: transport,
	})
	const action = "DescribeOrganizationMemberEmailBind"
	read := func() {
		if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
	}
	// Every lane answered, then the first throttle, which keeps the lanes
	// answered in the second before, and a later one, which drops one.
	var wg sync.WaitGroup
	for range tencentapi.MaxLanes {
		wg.Go(func() { _, _ = client.DescribeOrganizationMemberEmailBind(context.Background(), 1) })
	}
	wg.Wait()
	throttle.Store(served.Load()+1, true)
	read()
	throttle.Store(served.Load()+1, true)
	before := tencentapi.LaneCount(client.Client, action)
	read()
	if n := tencentapi.LaneCount(client.Client, action); n != before-1 {
		t.Fatalf("a throttle took %d lanes to %d; want one fewer", before, n)
	}
	// The next attempt is refused, and its retry, on the same slot, throttled.
	refuse.Store(transport.count.Load() + 1)
	throttle.Store(served.Load()+1, true)
	read()
	if n := tencentapi.LaneCount(client.Client, action); n != before-2 {
		t.Errorf("a throttle of a refused attempt's retry took %d lanes to %d; want one fewer", before-1, n)
	}
}
