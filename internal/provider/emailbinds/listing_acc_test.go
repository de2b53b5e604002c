// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// The listing cases run through the real CLI: each is a way the listing
// could hide a member from a read that succeeds, and each must either
// return every member or fail.

// TestAccInventoryFindsAMemberShiftedAcrossAPageWithEveryFilterAndMode
// covers the change a single listing cannot see: after the first page, a
// member on it leaves and another joins further on, so Total and every
// page stay as expected, while the first member of the second page moves
// up onto the first, already read. The inventory world lists members by
// descending UIN.
func TestAccInventoryFindsAMemberShiftedAcrossAPageWithEveryFilterAndMode(t *testing.T) {
	const joiner = acctest.FirstInventoryUin + 500
	joinerListing := `{"Name": "newcomer", "NodeId": 2002, "NodeName": "Ops", "Tags": [{"TagKey": "env", "TagValue": "dev"}]}`
	for name, tt := range map[string]struct {
		arguments       string
		leaver, shifted int64
		// leaverKept is whether the filter keeps the leaver, so that a
		// warning must name it.
		leaverKept bool
	}{
		"unfiltered": {"", acctest.FirstInventoryUin + 110, acctest.FirstInventoryUin + 69, true},
		// The leaver is Unbound, so a bind_status filter never reads it:
		// nothing but a second listing shows that it left.
		"bind_status":                  {`bind_status = ["Success"]`, acctest.FirstInventoryUin + 111, acctest.FirstInventoryUin + 69, false},
		"include_email_bind = false":   {`include_email_bind = false`, acctest.FirstInventoryUin + 110, acctest.FirstInventoryUin + 69, true},
		"node_id":                      {`node_id = 2002`, acctest.FirstInventoryUin + 111, acctest.FirstInventoryUin + 17, true},
		"tags":                         {`tags = { env = "dev" }`, acctest.FirstInventoryUin + 111, acctest.FirstInventoryUin + 17, true},
		"bind_status without bindings": {"bind_status = [\"Success\"]\n  include_email_bind = false", acctest.FirstInventoryUin + 111, acctest.FirstInventoryUin + 69, false},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 120, fmt.Sprintf(`, "faults": [
			  {"kind": "member_leaves", "member_uin": %d, "after_page": 1},
			  {"kind": "member_joins", "after_page": 1, "member": {"member_uin": %d, "listing": %s, "email_bind": {"BindStatus": "Success"}}}]`,
				tt.leaver, joiner, joinerListing)))
			out, outputs, err := applyOutputs(t, inventoryOutputsWith(endpoints.Organization, tt.arguments))
			if err != nil {
				t.Fatalf("apply: %v\n%s", err, out)
			}
			uins := outputUins(outputs)
			if !slices.Contains(uins, fmt.Sprint(tt.shifted)) || !slices.Contains(uins, fmt.Sprint(joiner)) || slices.Contains(uins, fmt.Sprint(tt.leaver)) {
				t.Errorf("members %v; want %d (shifted) and %d (joined), and not %d (left)", uins, tt.shifted, joiner, tt.leaver)
			}
			if outputs["total"] != float64(len(uins)) || outputs["listing_consistent"] != true {
				t.Errorf("total %v for %d members, listing_consistent %v; want the count and true", outputs["total"], len(uins), outputs["listing_consistent"])
			}
			warned := acctest.WrappedPattern(fmt.Sprintf(`Warning: Members Left the Organization During the Read.*not in members: %d\.`, tt.leaver)).MatchString(out)
			if warned != tt.leaverKept {
				t.Errorf("a warning names the member that left: %v, want %v (whether the filter keeps it):\n%s", warned, tt.leaverKept, out)
			}
		})
	}
}

// TestAccInventoryFailsWhenTheListingCannotBeConfirmed covers listings that
// no second listing can confirm, with and without bindings: each fails,
// names what the listings held, and stores nothing.
func TestAccInventoryFailsWhenTheListingCannotBeConfirmed(t *testing.T) {
	for name, tt := range map[string]struct {
		faults, arguments string
		want              string
	}{
		"every page short of Total": {`{"kind": "listing_short"}`, "",
			`Error: Organization Listing Short of Its Total.*listing 3: Total 120, the pages read held 49 members; it stopped because the page at offset 0 ` +
				`holds 49 members where Total 120 says it must hold 50 \(RequestId [0-9a-f-]{36}\).*Every listing stopped at a page holding fewer members`},
		"every page short of Total, status only": {`{"kind": "listing_short"}`, "include_email_bind = false",
			`Error: Organization Listing Short of Its Total.*listing 3: Total 120, the pages read held 49 members`},
		"a Total the pages never reach": {`{"kind": "listing_total_bonus", "bonus": 100000}`, "",
			`Error: Organization Listing Short of Its Total.*listing 3: Total 100120, the pages read held 1[2-9][0-9] members; it stopped because the page at offset ` +
				`1[0-9][0-9] holds [0-9]+ members where Total 100120 says it must hold 50.*Every listing stopped at a page holding fewer members`},
		// 120 members and Total 100: every page up to Total is full, and
		// only the page at offset Total shows the 20 more.
		"a Total below what the pages hold": {`{"kind": "listing_total_deficit", "deficit": 20}`, "",
			`Error: Organization Listing Not Confirmed.*listing 3: Total 100, the pages read held 120 members; it stopped because the page at offset 100 ` +
				`holds 20 members where Total 100 says it must hold 0 \(RequestId [0-9a-f-]{36}\).*No two consecutive listings were both complete`},
		"a Total below what the pages hold, status only": {`{"kind": "listing_total_deficit", "deficit": 20}`, "include_email_bind = false",
			`Error: Organization Listing Not Confirmed.*listing 3: Total 100, the pages read held 120 members; it stopped because the page at offset 100 ` +
				`holds 20 members where Total 100 says it must hold 0`},
		"a member joins before every listing": {`{"kind": "member_churn", "member": {"member_uin": 9007199254741993}}`, "",
			`Error: Organization Listing Not Confirmed.*listed 3 times.*listing 1: Total 120.*listing 2: Total 121.*listing 3: Total 122.*` +
				`appeared between listings: 9007199254741993, 9007199254741994\.`},
		"a member joins before every listing, status only": {`{"kind": "member_churn", "member": {"member_uin": 9007199254741993}}`, "include_email_bind = false",
			`Error: Organization Listing Not Confirmed.*appeared between listings: 9007199254741993, 9007199254741994\.`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 120, `, "faults": [`+tt.faults+`]`))
			out, outputs, err := applyOutputs(t, inventoryOutputsWith(endpoints.Organization, tt.arguments))
			if err == nil {
				t.Fatalf("the apply succeeded on a listing that cannot be confirmed:\n%s", out)
			}
			if !acctest.WrappedPattern(tt.want).MatchString(out) {
				t.Errorf("the error does not say what the listings held:\n%s", out)
			}
			if len(outputs) != 0 {
				t.Errorf("a failed read stored outputs %v; nothing may be stored", outputs)
			}
			// Each of the three listings stops at its first short page, with
			// at most 8 pages under way: never the 2,000 pages Total promises.
			if pages := len(acctest.Requests(srv, "DescribeOrganizationMembers")); pages > 3*(3+8) {
				t.Errorf("%d listing requests; want each listing to stop at its first short page", pages)
			}
		})
	}
}

// inventoryOutputsWith is inventoryOutputs with arguments for the data source.
func inventoryOutputsWith(endpoint, arguments string) string {
	return strings.Replace(inventoryOutputs(endpoint), `data "tencentcloud_organization_member_email_binds" "all" {`,
		`data "tencentcloud_organization_member_email_binds" "all" {
  `+arguments, 1)
}

func outputUins(outputs map[string]any) []string {
	values, _ := outputs["uins"].([]any)
	uins := make([]string, len(values))
	for i, v := range values {
		uins[i] = fmt.Sprint(v)
	}
	return uins
}
