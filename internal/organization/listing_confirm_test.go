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
