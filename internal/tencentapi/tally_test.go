// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func TestATallyCountsCallsAttemptsRetriesThrottlesAndFailuresOfItsReadOnly(t *testing.T) {
	endpoint, _ := faultyServer(t, replyAPIError("RequestLimitExceeded"), replyAPIError("InternalError"), replyAPIError("InvalidParameter"))
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 3, RetryBaseDelay: time.Millisecond,
	})
	ctx, tally := tencentapi.WithTally(context.Background())
	// Throttled, then InternalError, then refused for good: one failed call of three attempts.
	if _, err := client.DescribeOrganizationMemberEmailBind(ctx, 1); err == nil {
		t.Fatal("the first call succeeded; want InvalidParameter")
	}
	if _, err := client.DescribeOrganizationMemberEmailBind(ctx, 2); err != nil {
		t.Fatal(err)
	}
	// Another read's calls count in its own tally, or none.
	if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 3); err != nil {
		t.Fatal(err)
	}
	want := tencentapi.TallyCounts{Calls: 2, Failures: 1, Attempts: 4, Retries: 2, Throttles: 1}
	if got := tally.Total(); got != want {
		t.Errorf("total %+v, want %+v", got, want)
	}
	if got := tally.Action("DescribeOrganizationMemberEmailBind"); got != want {
		t.Errorf("the action's %+v, want %+v", got, want)
	}
	if got := tally.Action("DescribeOrganizationMembers"); got != (tencentapi.TallyCounts{}) {
		t.Errorf("an action not called counts %+v", got)
	}
}
