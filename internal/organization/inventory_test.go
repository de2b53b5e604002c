// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func plainMember(uin int64) emulator.Member {
	return emulator.Member{
		MemberUin: uin,
		Listing:   []byte(fmt.Sprintf(`{"Name": "m%d"}`, uin)),
		EmailBind: []byte(fmt.Sprintf(`{"BindStatus": "Unbound", "Email": "m%d@example.com"}`, uin)),
	}
}

// emulatedOrganization serves an organization run by uin 1, with units
// 2001 and 2002 and the members given in that order, and returns a client
// for it whose retries wait at most 2 ms. Closing the server waits for the
// requests still being answered.
func emulatedOrganization(t *testing.T, members []emulator.Member, maxRetries int) (*emulator.Server, *httptest.Server, *organization.Client) {
	t.Helper()
	world, err := emulator.ParseWorld([]byte(`{"rate_limit": 1000000,
	  "credentials": [{"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 1}],
	  "organizations": [{"admin_uin": 1, "nodes": [{"node_id": 2001, "name": "n2001"}, {"node_id": 2002, "name": "n2002"}], "members": []}]}`))
	if err != nil {
		t.Fatal(err)
	}
	srv := emulator.New(world)
	acctest.ExpectOnlyDeclaredAnswers(t, srv)
	for i, m := range members {
		if err := srv.Join(1, m, i); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(srv.Handler(emulator.ServiceOrganization))
	endpoint, _ := url.Parse(ts.URL)
	client := organization.NewClient(tencentapi.Config{
		Credential: common.NewCredential("AKIDadmin", "admin-key"), Endpoint: endpoint, RateLimit: 1e6,
		MaxRetries: maxRetries, RetryBaseDelay: time.Millisecond, RetryMaxDelay: 2 * time.Millisecond, Timeout: 10 * time.Second,
	})
	return srv, ts, client
}

// organizationOf serves members 1001 to 1000+n, one after the other, and
// returns a client that reads them pageSize at a time with one worker, so
// that a test's BeforeRequest sees the requests in a fixed order.
func organizationOf(t *testing.T, n, pageSize int) (*emulator.Server, *organization.Client) {
	t.Helper()
	members := make([]emulator.Member, n)
	for i := range members {
		members[i] = plainMember(int64(1001 + i))
	}
	srv, ts, client := emulatedOrganization(t, members, 1)
	t.Cleanup(ts.Close)
	organization.SetPaging(client, pageSize, 1)
	return srv, client
}

func oneAtATime(query organization.InventoryQuery) organization.InventoryQuery {
	query.Reads.Workers = 1
	return query
}

func TestAMemberThatLeavesAndComesBackBeforeTheConfirmingListingIsRead(t *testing.T) {
	srv, client := organizationOf(t, 10, 5)
	reads := 0
	srv.BeforeRequest = func(action string, params map[string]string) {
		if action != organization.ActionDescribeOrganizationMemberEmailBind {
			return
		}
		// 1004 leaves just before its binding is read, and is back in its
		// place before the next read: both listings show it.
		switch reads++; reads {
		case 4:
			must(srv.Leave(1004))
		case 5:
			must(srv.Join(1, plainMember(1004), 3))
		}
	}
	inv, err := client.ReadInventory(context.Background(), oneAtATime(organization.InventoryQuery{EmailBinds: true}))
	if err != nil {
		t.Fatal(err)
	}
	if got := listedUins(inv); len(got) != 10 || !slices.Contains(got, 1004) || len(inv.Left) != 0 {
		t.Errorf("members %v, left %v; want all 10, 1004 among them, read again since the confirmed listing shows it", got, inv.Left)
	}
}

func TestPagesShortOnSomeListingsAreNotReportedAsMembersComingAndGoing(t *testing.T) {
	srv, client := organizationOf(t, 120, 50)
	listings := 0
	srv.BeforeRequest = func(action string, params map[string]string) {
		if action == organization.ActionDescribeOrganizationMembers && params["Offset"] == "0" {
			// The first page of the first and third listings is short.
			if listings++; listings != 2 {
				must(srv.AddFault(emulator.Fault{Kind: emulator.FaultListingShort, Count: 1}))
			}
		}
	}
	_, err := client.ReadInventory(context.Background(), organization.InventoryQuery{})
	var unconfirmed *organization.ListingUnconfirmedError
	if !errors.As(err, &unconfirmed) {
		t.Fatalf("err %v, want an unconfirmed listing", err)
	}
	if len(unconfirmed.Came) != 0 || len(unconfirmed.Went) != 0 || unconfirmed.Short() {
		t.Errorf("came %v, went %v, short %v; nobody came or went, and only two of three listings were short",
			unconfirmed.Came, unconfirmed.Went, unconfirmed.Short())
	}
}

func TestMembersOnPagesAStoppedListingNeverReadAreNotNamedAsGone(t *testing.T) {
	srv, client := organizationOf(t, 200, 50)
	listings := 0
	srv.BeforeRequest = func(action string, params map[string]string) {
		if action != organization.ActionDescribeOrganizationMembers {
			return
		}
		if params["Offset"] == "0" {
			listings++
		}
		// Someone joins before the second page of the first listing and the
		// third page of the third: each stops there, on a new Total.
		if (listings == 1 && params["Offset"] == "50") || (listings == 3 && params["Offset"] == "100") {
			must(srv.Join(1, plainMember(int64(7000+listings)), 1000))
		}
	}
	_, err := client.ReadInventory(context.Background(), organization.InventoryQuery{})
	var unconfirmed *organization.ListingUnconfirmedError
	if !errors.As(err, &unconfirmed) {
		t.Fatalf("err %v, want an unconfirmed listing", err)
	}
	if len(unconfirmed.Came) != 0 || len(unconfirmed.Went) != 0 || unconfirmed.Short() {
		t.Errorf("came %d, went %d, short %v; no two complete listings were made to compare, and no page was short",
			len(unconfirmed.Came), len(unconfirmed.Went), unconfirmed.Short())
	}
}

func TestAFailureAfterTheConfirmingListingCountsEveryBindingTheReadTried(t *testing.T) {
	srv, client := organizationOf(t, 20, 50)
	pages := 0
	srv.BeforeRequest = func(action string, _ map[string]string) {
		// A member joins before the second listing, and its read fails.
		if action == organization.ActionDescribeOrganizationMembers {
			if pages++; pages == 2 {
				must(srv.Join(1, plainMember(9001), 1000))
				must(srv.AddFault(emulator.Fault{Kind: emulator.FaultInternalError, MemberUin: 9001}))
			}
		}
	}
	_, err := client.ReadInventory(context.Background(), oneAtATime(organization.InventoryQuery{EmailBinds: true}))
	var unread *organization.MembersUnreadError
	if !errors.As(err, &unread) || len(unread.Failed) != 1 || unread.Failed[0].MemberUin != 9001 || unread.Of != 21 {
		t.Fatalf("err %v; want member 9001 of 21 unread", err)
	}
}

func TestBindingsAreReadWhileTheFirstListingIsStillBeingRead(t *testing.T) {
	srv, client := organizationOf(t, 200, 50)
	// Each page is answered 300 ms after it is asked for, so the first
	// listing's five pages take 1.5 s, while the bindings of the first
	// page's members take a few milliseconds to read.
	must(srv.AddFault(emulator.Fault{Kind: emulator.FaultDelay, Action: organization.ActionDescribeOrganizationMembers, Delay: "300ms", Count: 5}))
	var order []string
	srv.BeforeRequest = func(action string, params map[string]string) {
		order = append(order, action+" "+params["Offset"])
	}
	inv, err := client.ReadInventory(context.Background(), organization.InventoryQuery{EmailBinds: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.Members) != 200 {
		t.Fatalf("%d members, want 200", len(inv.Members))
	}
	lastPage := slices.Index(order, organization.ActionDescribeOrganizationMembers+" 200")
	firstBinding := slices.Index(order, organization.ActionDescribeOrganizationMemberEmailBind+" ")
	if firstBinding < 0 || lastPage < 0 || firstBinding > lastPage {
		t.Errorf("the first binding read is request %d and the first listing's last page request %d; want the binding first: %v",
			firstBinding, lastPage, order[:min(len(order), 12)])
	}
}

func TestAListingThatFailsAbandonsTheBindingsItsPagesStarted(t *testing.T) {
	srv, client := organizationOf(t, 200, 50)
	// Abandoned reads may still be answered after ReadInventory returns.
	var bindings atomic.Int64
	srv.BeforeRequest = func(action string, params map[string]string) {
		if action == organization.ActionDescribeOrganizationMemberEmailBind {
			bindings.Add(1)
		}
		if action == organization.ActionDescribeOrganizationMembers && params["Offset"] == "150" {
			// The page fails past the client's one retry.
			must(srv.AddFault(emulator.Fault{Kind: emulator.FaultInternalError, Action: action, Count: 1}))
		}
	}
	_, err := client.ReadInventory(context.Background(), organization.InventoryQuery{EmailBinds: true})
	var callErr *tencentapi.Error
	var unread *organization.MembersUnreadError
	if !errors.As(err, &callErr) || callErr.Code != "InternalError" || errors.As(err, &unread) {
		t.Fatalf("err %v; want the listing page's InternalError, not bindings left unread", err)
	}
	if bindings.Load() == 0 {
		t.Errorf("no binding was read before the listing failed; the test shows nothing about abandoning them")
	}
}

func TestBindingProgressSaysWhenTheListingHasHandedOverEveryMember(t *testing.T) {
	srv, client := organizationOf(t, 200, 50)
	// Pages come 300 ms apart, so reads end while later pages are awaited.
	must(srv.AddFault(emulator.Fault{Kind: emulator.FaultDelay, Action: organization.ActionDescribeOrganizationMembers, Delay: "300ms", Count: 5}))
	var reports []organization.BindProgress
	query := organization.InventoryQuery{EmailBinds: true, Reads: organization.EmailBindReads{
		Progress: func(_ context.Context, p organization.BindProgress) { reports = append(reports, p) },
	}}
	if _, err := client.ReadInventory(context.Background(), query); err != nil {
		t.Fatal(err)
	}
	early := 0
	for _, p := range reports {
		switch {
		case !p.Listed:
			early++
		case p.Total != 200:
			t.Fatalf("a report says every member is listed with a Total of %d, want 200: %+v", p.Total, p)
		}
	}
	if last := reports[len(reports)-1]; early == 0 || last != (organization.BindProgress{Done: 200, Total: 200, Listed: true}) {
		t.Errorf("%d reports before every member was listed, the last %+v; want some, and 200 of 200 listed", early, last)
	}
}
