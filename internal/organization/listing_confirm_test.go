// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// Listings that no second listing can confirm, and listings that lie.

func TestAnOrganizationThatChangesAfterEveryListingFailsTheRead(t *testing.T) {
	client, calls := pagingServer(t, func(call int) []int64 {
		// A new member joins before every listing (each starts at call
		// 1, 4, 7 with 3 pages), so no two listings agree.
		listing := int64((call - 1) / 3)
		return append(uinRange(1000, 120), 5000+listing)[1:]
	})
	inv, err := listingOnly(context.Background(), client)
	var unconfirmed *organization.ListingUnconfirmedError
	if inv != nil || !errors.As(err, &unconfirmed) {
		t.Fatalf("inventory %v, err %v; want no inventory and an unconfirmed listing", inv, err)
	}
	if len(unconfirmed.Listings) != 3 || *calls != 9 || unconfirmed.Short() {
		t.Errorf("%d listings after %d calls, short %v; want 3 listings of 3 pages, not short", len(unconfirmed.Listings), *calls, unconfirmed.Short())
	}
	if !slices.Equal(unconfirmed.Came, []int64{5001, 5002}) || !slices.Equal(unconfirmed.Went, []int64{5000, 5001}) {
		t.Errorf("came %v, went %v; want 5001 and 5002 came, 5000 and 5001 went", unconfirmed.Came, unconfirmed.Went)
	}
	if want := "no two consecutive of 3 listings agreed: 2 members came and 2 went between complete listings"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestAListingShortOfItsTotalOnEveryTryFailsSayingHowShort(t *testing.T) {
	all := uinRange(1000, 120)
	client, _ := pageServer(t, func(_, offset, limit int) ([]int64, int) {
		// 1060 is never shown, but Total counts it.
		page := all[min(offset, 120):min(offset+limit, 120)]
		return slices.DeleteFunc(slices.Clone(page), func(uin int64) bool { return uin == 1060 }), 120
	})
	inv, err := listingOnly(context.Background(), client)
	var unconfirmed *organization.ListingUnconfirmedError
	if inv != nil || !errors.As(err, &unconfirmed) || !unconfirmed.Short() {
		t.Fatalf("inventory %v, err %v; want no inventory and a listing short of its Total", inv, err)
	}
	last := unconfirmed.Listings[2]
	// The page at offset 100 may be under way when the short one is seen.
	if last.Total != 120 || (last.Held != 99 && last.Held != 119) || !last.Short || !strings.Contains(last.Problem, "offset 50 holds 49 members") {
		t.Errorf("last listing %+v; want Total 120, 99 or 119 held, and the short page at offset 50 named", last)
	}
	if len(unconfirmed.Came) != 0 || len(unconfirmed.Went) != 0 {
		t.Errorf("came %v, went %v; nobody came or went", unconfirmed.Came, unconfirmed.Went)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("Total promised 120 members, the page at offset 50 holds 49 members where Total 120 says it must hold 50, and the pages read held %d", last.Held)) {
		t.Errorf("error %q does not say how short the listing fell", err)
	}
}

func TestATotalThePagesNeverReachCostsAFewPagesAndFails(t *testing.T) {
	for name, held := range map[string]int{"pages that hold 120": 120, "pages that are all empty": 0} {
		t.Run(name, func(t *testing.T) {
			all := uinRange(1000, int64(held))
			client, calls := pageServer(t, func(_, offset, limit int) ([]int64, int) {
				return all[min(offset, held):min(offset+limit, held)], 100_120
			})
			inv, err := listingOnly(context.Background(), client)
			var unconfirmed *organization.ListingUnconfirmedError
			if inv != nil || !errors.As(err, &unconfirmed) || !unconfirmed.Short() {
				t.Fatalf("inventory %v, err %v; want no inventory and a listing short of its Total", inv, err)
			}
			// Each listing stops at its first short page; the workers have
			// at most 8 pages under way when it is seen.
			if *calls > 3*(held/50+1+8) {
				t.Errorf("%d listing calls for three listings of %d members; want each to stop at its first short page", *calls, held)
			}
		})
	}
}

func TestATotalBelowWhatThePagesHoldFailsTheRead(t *testing.T) {
	// 120 members, and every page says Total is 100 or 110. At 100 every
	// page Total accounts for is full: only the page at offset 100, which
	// Total says must be empty, shows the 20 more members.
	for _, claimed := range []int{100, 110} {
		for _, binds := range []bool{false, true} {
			t.Run(fmt.Sprintf("Total=%d bindings=%v", claimed, binds), func(t *testing.T) {
				srv, client := organizationOf(t, 120, 50)
				must(srv.AddFault(emulator.Fault{Kind: emulator.FaultListingTotalDeficit, Deficit: uint64(120 - claimed)}))
				pages, reads := 0, 0
				srv.BeforeRequest = func(action string, _ map[string]string) {
					switch action {
					case organization.ActionDescribeOrganizationMembers:
						pages++
					case organization.ActionDescribeOrganizationMemberEmailBind:
						reads++
					}
				}
				inv, err := client.ReadInventory(context.Background(), oneAtATime(organization.InventoryQuery{EmailBinds: binds}))
				var unconfirmed *organization.ListingUnconfirmedError
				if inv != nil || !errors.As(err, &unconfirmed) {
					t.Fatalf("inventory of %d members, err %v; want no inventory and an unconfirmed listing", len(listedUins(inv)), err)
				}
				want := fmt.Sprintf("the page at offset 100 holds 20 members where Total %d says it must hold %d", claimed, claimed-100)
				for i, l := range unconfirmed.Listings {
					if l.Problem != want || l.Short {
						t.Errorf("listing %d: problem %q, short %v; want %q, not short", i+1, l.Problem, l.Short, want)
					}
				}
				if want := "listing 3 stopped because " + want + " (RequestId "; !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not name the over-full page: want %q", err, want)
				}
				// Three listings of three pages; the bindings the first listing showed.
				if pages != 9 || reads > 120 {
					t.Errorf("%d listing calls and %d binding reads; want 9 and at most 120", pages, reads)
				}
			})
		}
	}
}

func TestAnUnconfirmedReadThatNobodyCameToOrLeftNamesThePagesAtFault(t *testing.T) {
	all := uinRange(1000, 120)
	client, _ := pageServer(t, func(call, offset, limit int) ([]int64, int) {
		page := all[min(offset, 120):min(offset+limit, 120)]
		// The first page of the first listing (call 1) and of the third
		// (call 5, after listings of one and three pages) is short.
		if call == 1 || call == 5 {
			page = page[1:]
		}
		return page, 120
	})
	_, err := listingOnly(context.Background(), client)
	want := "no two consecutive of 3 listings were both complete, and no member came or went between complete listings: " +
		"listing 1 stopped because the page at offset 0 holds 49 members where Total 120 says it must hold 50 (RequestId r1); " +
		"listing 3 stopped because the page at offset 0 holds 49 members where Total 120 says it must hold 50 (RequestId r5)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v;\nwant %s", err, want)
	}
}
