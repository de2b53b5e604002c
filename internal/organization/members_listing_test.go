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
	return pageServer(t, func(call, offset, limit int) ([]int64, int) {
		all := members(call)
		return all[min(offset, len(all)):min(offset+limit, len(all))], len(all)
	})
}

// pageServer answers each DescribeOrganizationMembers request with the
// members and Total that page returns, so that a test can make pages lie.
func pageServer(t *testing.T, page func(call, offset, limit int) (items []int64, total int)) (*organization.Client, *int) {
	t.Helper()
	var mu sync.Mutex
	calls := 0
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var params struct{ Offset, Limit int }
		_ = json.NewDecoder(r.Body).Decode(&params)
		mu.Lock()
		calls++
		call := calls
		uins, total := page(call, params.Offset, params.Limit)
		mu.Unlock()
		items := []map[string]any{}
		for _, uin := range uins {
			items = append(items, map[string]any{"MemberUin": uin})
		}
		body, _ := json.Marshal(map[string]any{"Response": map[string]any{"Items": items, "Total": total, "RequestId": fmt.Sprint("r", call)}})
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

func listedUins(inv *organization.Inventory) []int64 {
	out := make([]int64, len(inv.Members))
	for i, m := range inv.Members {
		out[i] = m.MemberUin
	}
	return out
}

// listingOnly reads the organization without bindings: only the listings.
func listingOnly(ctx context.Context, client *organization.Client) (*organization.Inventory, error) {
	return client.ReadInventory(ctx, organization.InventoryQuery{})
}

func TestAStillOrganizationIsConfirmedByTwoListingsOfEveryPage(t *testing.T) {
	// Reversed, so that sorting by member_uin is visible.
	all := uinRange(1000, 120)
	slices.Reverse(all)
	client, calls := pagingServer(t, func(int) []int64 { return all })
	inv, err := listingOnly(context.Background(), client)
	if err != nil {
		t.Fatal(err)
	}
	if *calls != 6 || len(inv.Left) != 0 {
		t.Errorf("%d calls, left %v; want two listings of 3 pages and nobody left", *calls, inv.Left)
	}
	if got := listedUins(inv); !slices.Equal(got, uinRange(1000, 120)) {
		t.Errorf("listed %v, want 1000..1119 in order", got)
	}
}

func TestAListingReadsThePageAtOffsetTotalOnlyWhenTotalIsAWholeNumberOfPages(t *testing.T) {
	// The page at offset Total must be empty; it is one more page only
	// when Total is a multiple of 50, since otherwise it is the last page.
	for n, perListing := range map[int64]int{0: 1, 49: 1, 50: 2, 100: 3, 120: 3, 1000: 21} {
		all := uinRange(1000, n)
		client, calls := pagingServer(t, func(int) []int64 { return all })
		inv, err := listingOnly(context.Background(), client)
		if err != nil || len(inv.Members) != int(n) || *calls != 2*perListing {
			t.Errorf("%d members: %d calls, err %v; want all of them in two listings of %d pages", n, *calls, err, perListing)
		}
	}
}

func TestAMemberThatLeavesBetweenPagesIsDroppedAndNamed(t *testing.T) {
	all := uinRange(1000, 120)
	client, _ := pagingServer(t, func(call int) []int64 {
		if call == 1 {
			return all
		}
		return slices.Delete(slices.Clone(all), 3, 4) // 1003 left after the first page
	})
	inv, err := listingOnly(context.Background(), client)
	if err != nil {
		t.Fatal(err)
	}
	if got := listedUins(inv); len(got) != 119 || slices.Contains(got, 1003) {
		t.Errorf("listed %d members (1003 among them: %v), want the 119 that stayed", len(got), slices.Contains(got, 1003))
	}
	if !slices.Equal(inv.Left, []int64{1003}) {
		t.Errorf("left = %v, want [1003]", inv.Left)
	}
}

func TestAShiftThatKeepsTotalAndPageSizesCannotHideAMember(t *testing.T) {
	// After the first page, 1003 (on it) leaves and 9999 joins at the end:
	// Total and every page's size stay, and 1050 moves up onto the first
	// page, already read. The first listing looks complete without 1050.
	all := uinRange(1000, 120)
	shifted := append(slices.Delete(slices.Clone(all), 3, 4), 9999)
	client, calls := pagingServer(t, func(call int) []int64 {
		if call == 1 {
			return all
		}
		return shifted
	})
	inv, err := listingOnly(context.Background(), client)
	if err != nil {
		t.Fatal(err)
	}
	got := listedUins(inv)
	if !slices.Contains(got, 1050) || !slices.Contains(got, 9999) || slices.Contains(got, 1003) || len(got) != 120 {
		t.Errorf("listed %d members, 1050 %v, 9999 %v, 1003 %v; want the 120 of the confirmed listing",
			len(got), slices.Contains(got, 1050), slices.Contains(got, 9999), slices.Contains(got, 1003))
	}
	if !slices.Equal(inv.Left, []int64{1003}) || *calls != 9 {
		t.Errorf("left %v after %d calls; want 1003 named, after three listings", inv.Left, *calls)
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
	inv, err := listingOnly(context.Background(), client)
	var callErr *tencentapi.Error
	if inv != nil || !errors.As(err, &callErr) || callErr.Code != "UnauthorizedOperation" || callErr.RequestID != "denied" {
		t.Fatalf("inventory %v, err %v; want none and the page's error", inv, err)
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
			_, err := listingOnly(context.Background(), client)
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
		inv, err := listingOnly(ctx, client)
		if inv != nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("inventory %v, err %v; want none and the cancellation", inv, err)
		}
	}
}
