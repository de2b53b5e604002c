// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// everyPage lists membersWorld in pages of 5, returning each page's members
// and Total.
func everyPage(t *testing.T, baseURL string) ([][]int64, []string) {
	t.Helper()
	var pages [][]int64
	var totals []string
	for offset := 0; offset < 15; offset += 5 {
		p, apiErr := listMembers(t, baseURL, adminCred, map[string]any{"Offset": offset, "Limit": 5})
		if apiErr != nil {
			t.Fatal(apiErr)
		}
		pages, totals = append(pages, p.uins()), append(totals, p.Total)
	}
	return pages, totals
}

func TestAShortListingLeavesTheLastMemberOffItsPagesButKeepsTotal(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "listing_short", "count": 2}]`))
	pages, totals := everyPage(t, endpoints.Organization)
	all := allUins()
	if !slices.Equal(pages[0], all[0:4]) || !slices.Equal(pages[1], all[5:9]) || !slices.Equal(pages[2], all[10:12]) {
		t.Errorf("pages %v; want the first two without their last member (count 2), the third whole", pages)
	}
	if !slices.Equal(totals, []string{"12", "12", "12"}) {
		t.Errorf("totals %v; want 12 on every page", totals)
	}
}

func TestATotalBonusClaimsMembersThePagesNeverHold(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "listing_total_bonus", "bonus": 100000}]`))
	pages, totals := everyPage(t, endpoints.Organization)
	if !slices.Equal(slices.Concat(pages...), allUins()) || !slices.Equal(totals, []string{"100012", "100012", "100012"}) {
		t.Errorf("pages %v with totals %v; want every member once and Total 100012 on every page", pages, totals)
	}
	p, _ := listMembers(t, endpoints.Organization, adminCred, map[string]any{"Offset": 50, "Limit": 50})
	if len(p.Items) != 0 || p.Total != "100012" {
		t.Errorf("a page past the members: %d items, Total %s; want an empty page with the same Total", len(p.Items), p.Total)
	}
}

func TestATotalDeficitClaimsFewerMembersThanThePagesHold(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "listing_total_deficit", "deficit": 5, "count": 3}]`))
	pages, totals := everyPage(t, endpoints.Organization)
	if !slices.Equal(slices.Concat(pages...), allUins()) || !slices.Equal(totals, []string{"7", "7", "7"}) {
		t.Errorf("pages %v with totals %v; want every member once and Total 7 on every page (count 3)", pages, totals)
	}
	p, _ := listMembers(t, endpoints.Organization, adminCred, map[string]any{"Offset": 0, "Limit": 5})
	if p.Total != "12" {
		t.Errorf("a page after the fault's count is spent says Total %s, want 12", p.Total)
	}
}

func TestATotalDeficitNeverTakesTotalBelowZero(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "listing_total_deficit", "deficit": 100000}]`))
	pages, totals := everyPage(t, endpoints.Organization)
	if !slices.Equal(slices.Concat(pages...), allUins()) || !slices.Equal(totals, []string{"0", "0", "0"}) {
		t.Errorf("pages %v with totals %v; want every member once and Total 0 on every page", pages, totals)
	}
}

func TestChurnMakesANewMemberJoinBeforeEveryListingButTheFirst(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "member_churn", "count": 2, "member": {"member_uin": 100099000001}}]`))
	var totals []string
	var lastPages [][]int64
	for range 4 {
		pages, t3 := everyPage(t, endpoints.Organization)
		totals, lastPages = append(totals, t3[0]), pages
	}
	if !slices.Equal(totals, []string{"12", "13", "14", "14"}) {
		t.Errorf("totals of four listings %v; want one more member before the second and third (count 2)", totals)
	}
	if got := slices.Concat(lastPages...); !slices.Equal(got[12:], []int64{100099000001, 100099000002}) {
		t.Errorf("the last listing ends with %v; want the joiners 100099000001 and 100099000002", got[12:])
	}
}

func TestAThrottledFaultAnswersRequestLimitExceeded(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "throttled", "action": "DescribeOrganizationMembers", "count": 1}]`))
	if code := listCode(t, endpoints.Organization, map[string]any{}); code != "RequestLimitExceeded" {
		t.Errorf("first listing: code %q, want RequestLimitExceeded", code)
	}
	if code := listCode(t, endpoints.Organization, map[string]any{}); code != "" {
		t.Errorf("second listing: code %q, want success", code)
	}
}

func TestATestCanScheduleJoinsLeavesAndFaultsBeforeAnyRequest(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, membersWorld(""))
	requests := 0
	srv.BeforeRequest = func(action string, params map[string]string) {
		requests++
		if requests != 2 {
			return
		}
		// Before the second page: the first member leaves, a new one joins
		// at the front, and this page comes back short.
		if err := srv.Leave(uinProd); err != nil {
			t.Error(err)
		}
		if err := srv.Join(100000000001, emulator.Member{MemberUin: 100099000001}, 0); err != nil {
			t.Error(err)
		}
		if err := srv.AddFault(emulator.Fault{Kind: emulator.FaultListingShort, Count: 1}); err != nil {
			t.Error(err)
		}
	}
	pages, totals := everyPage(t, endpoints.Organization)
	all := allUins()
	want := append([]int64{100099000001}, all[1:]...)
	if !slices.Equal(pages[0], all[0:5]) || !slices.Equal(pages[1], want[5:9]) || !slices.Equal(pages[2], want[10:12]) {
		t.Errorf("pages %v; want the second and third from the changed organization, the second one short", pages)
	}
	if totals[1] != "12" {
		t.Errorf("Total after one left and one joined = %s, want 12", totals[1])
	}
	for name, err := range map[string]error{
		"a membership change as a fault": srv.AddFault(emulator.Fault{Kind: emulator.FaultMemberLeaves, MemberUin: uinStaging, AfterPage: 1}),
		"a member joining twice":         srv.Join(100000000001, emulator.Member{MemberUin: uinStaging}, 0),
		"a stranger leaving":             srv.Leave(100000000009),
		"a join to no organization":      srv.Join(100000000009, emulator.Member{MemberUin: 100099000002}, 0),
	} {
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestBeforeRequestIsCalledForOneRequestAtATime(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, membersWorld(""))
	var inside, most atomic.Int32
	srv.BeforeRequest = func(string, map[string]string) {
		n := inside.Add(1)
		if n > most.Load() {
			most.Store(n)
		}
		time.Sleep(5 * time.Millisecond)
		inside.Add(-1)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { listCode(t, endpoints.Organization, map[string]any{}) })
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d BeforeRequest calls ran at once; want one at a time", most.Load())
	}
}
