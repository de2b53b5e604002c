// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// pagingServer answers DescribeOrganizationMembers from members(call),
// where call counts listing requests from 1, so that a test can change the
// organization between pages.
func pagingServer(t *testing.T, members func(call int) []int64) (*organization.Client, *int) {
	t.Helper()
	var mu sync.Mutex
	calls := 0
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var params struct{ Offset, Limit int }
		_ = json.NewDecoder(r.Body).Decode(&params)
		mu.Lock()
		calls++
		call := calls
		all := members(call)
		mu.Unlock()
		items := []map[string]any{}
		for _, uin := range all[min(params.Offset, len(all)):min(params.Offset+params.Limit, len(all))] {
			items = append(items, map[string]any{"MemberUin": uin})
		}
		body, _ := json.Marshal(map[string]any{"Response": map[string]any{"Items": items, "Total": len(all), "RequestId": fmt.Sprint("r", call)}})
		_, _ = w.Write(body)
	}))
	t.Cleanup(ts.Close)
	u, _ := url.Parse(ts.URL)
	client := organization.NewClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Endpoint: u, RateLimit: 1000})
	return client, &calls
}

func uinRange(from, n int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = from + int64(i)
	}
	return out
}

func listedUins(l *organization.Listing) []int64 {
	out := make([]int64, len(l.Members))
	for i, m := range l.Members {
		out[i] = *m.MemberUin
	}
	return out
}

func TestListingReadsEveryPageOnceWhenTheOrganizationIsStill(t *testing.T) {
	// Reversed, so that sorting by member_uin is visible.
	all := uinRange(1000, 120)
	slices.Reverse(all)
	client, calls := pagingServer(t, func(int) []int64 { return all })
	listing, err := client.ListMembers(context.Background(), organization.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !listing.Consistent || listing.Relisted || *calls != 3 {
		t.Errorf("consistent %v, relisted %v after %d calls; want a consistent listing in 3 pages", listing.Consistent, listing.Relisted, *calls)
	}
	if got := listedUins(listing); !slices.Equal(got, uinRange(1000, 120)) {
		t.Errorf("listed %v, want 1000..1119 in order", got)
	}
}

func TestListingIsReadAgainWhenAMemberLeavesBetweenPages(t *testing.T) {
	all := uinRange(1000, 120)
	client, calls := pagingServer(t, func(call int) []int64 {
		if call == 1 {
			return all
		}
		return slices.Delete(slices.Clone(all), 3, 4) // 1003 left after the first page
	})
	listing, err := client.ListMembers(context.Background(), organization.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !listing.Consistent || !listing.Relisted || *calls != 6 {
		t.Errorf("consistent %v, relisted %v after %d calls; want a second, consistent listing", listing.Consistent, listing.Relisted, *calls)
	}
	if got := listedUins(listing); len(got) != 119 || slices.Contains(got, 1003) {
		t.Errorf("listed %d members (1003 among them: %v), want the 119 that stayed", len(got), slices.Contains(got, 1003))
	}
}

func TestListingThatKeepsChangingReturnsEveryoneEitherListingSaw(t *testing.T) {
	client, _ := pagingServer(t, func(call int) []int64 {
		// A new member joins at the front before every page: pages shift,
		// so one member appears twice and Total grows each time.
		return uinRange(2000-int64(call), 100+int64(call))
	})
	listing, err := client.ListMembers(context.Background(), organization.MemberFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if listing.Consistent || !listing.Relisted {
		t.Fatalf("consistent %v, relisted %v; want an inconsistent second listing", listing.Consistent, listing.Relisted)
	}
	got := listedUins(listing)
	for _, uin := range []int64{1999, 1996, 2099} {
		if !slices.Contains(got, uin) {
			t.Errorf("member %d, seen by a listing, is missing", uin)
		}
	}
	if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("members are not sorted and unique: %v", got)
	}
}

func TestAFailedPageFailsTheWholeListing(t *testing.T) {
	var mu sync.Mutex
	calls := 0
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		calls++
		n := calls
		mu.Unlock()
		if n == 1 {
			_, _ = w.Write([]byte(`{"Response": {"Items": [{"MemberUin": 1}], "Total": 200, "RequestId": "first"}}`))
			return
		}
		_, _ = w.Write([]byte(`{"Response": {"Error": {"Code": "UnauthorizedOperation", "Message": "no"}, "RequestId": "denied"}}`))
	}))
	defer ts.Close()
	u, _ := url.Parse(ts.URL)
	client := organization.NewClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Endpoint: u, RateLimit: 1000})
	listing, err := client.ListMembers(context.Background(), organization.MemberFilter{})
	var callErr *tencentapi.Error
	if listing != nil || !errors.As(err, &callErr) || callErr.Code != "UnauthorizedOperation" || callErr.RequestID != "denied" {
		t.Fatalf("listing %v, err %v; want no listing and the page's error", listing, err)
	}
}

func TestAPageWithoutMemberUinsOrTotalIsAnError(t *testing.T) {
	for name, body := range map[string]string{
		"member without MemberUin": `{"Response": {"Items": [{"Name": "x"}], "Total": 1, "RequestId": "r"}}`,
		"null member":              `{"Response": {"Items": [null], "Total": 1, "RequestId": "r"}}`,
		"no Total":                 `{"Response": {"Items": [], "RequestId": "r"}}`,
		"absurd Total":             `{"Response": {"Items": [], "Total": 18446744073709551615, "RequestId": "r"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) }))
			defer ts.Close()
			u, _ := url.Parse(ts.URL)
			client := organization.NewClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Endpoint: u})
			_, err := client.ListMembers(context.Background(), organization.MemberFilter{})
			var callErr *tencentapi.Error
			if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeMalformedResponse || callErr.RequestID != "r" {
				t.Errorf("err = %v, want a malformed-response error with the RequestId", err)
			}
		})
	}
}

func TestBindingReadsEndPromptlyWhenCancelled(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		// The server notices a client hanging up only once the body is read.
		_, _ = io.Copy(io.Discard, r.Body)
		<-r.Context().Done()
	}))
	defer ts.Close()
	u, _ := url.Parse(ts.URL)
	client := organization.NewClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Endpoint: u, RateLimit: 20})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	results := client.ReadEmailBinds(ctx, uinRange(1, 1000), organization.EmailBindReads{})
	if took := time.Since(start); took > 1300*time.Millisecond {
		t.Errorf("1000 reads returned %v after start, %v after cancellation; want within a second", took, took-300*time.Millisecond)
	}
	for _, r := range results {
		if !errors.Is(r.Err, context.Canceled) {
			t.Fatalf("member %d: err = %v, want the cancellation", r.MemberUin, r.Err)
		}
	}
}

// cancellingTransport answers with a first page of a longer listing and
// then cancels, so the cancellation falls between the first page and the rest.
type cancellingTransport struct{ cancel context.CancelFunc }

func (c cancellingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	defer c.cancel()
	body := `{"Response": {"Items": [{"MemberUin": 1}], "Total": 120, "RequestId": "first"}}`
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
}

func TestListingCancelledAfterItsFirstPageFailsCleanly(t *testing.T) {
	// Repeated, because which the workers see first, a page or the
	// cancellation, is a race.
	endpoint, _ := url.Parse("http://organization.example.test")
	for range 50 {
		ctx, cancel := context.WithCancel(context.Background())
		client := organization.NewClient(tencentapi.Config{
			Credential: common.NewCredential("a", "b"), Endpoint: endpoint, RateLimit: 1e6, Transport: cancellingTransport{cancel},
		})
		listing, err := client.ListMembers(ctx, organization.MemberFilter{})
		if listing != nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("listing %v, err %v; want no listing and the cancellation", listing, err)
		}
	}
}
