// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

var (
	schedules = flag.Int("schedules", 500, "random schedules per filter and mode in TestAReadThatSucceedsHoldsEveryMemberThatStayedUnderRandomSchedules")
	seed      = flag.Uint64("seed", 20261130, "seed of the random schedules")
	only      = flag.Int("schedule", -1, "replay only this schedule")
)

// The invariant: a read that succeeds holds every member that was in the
// organization, and matched the filter, for the whole read, and no member
// that was in it at no point of the read. Members join and leave at random
// points between pages and between binding reads, a member on a page
// already read leaves while another joins further on (the shift a single
// listing cannot see), pages come back short, Totals drift, and requests
// are throttled and fail with passing errors, sometimes past the retries.
// Even schedules read with one worker for pages and one for bindings; odd
// schedules with the provider's workers (8 pages, 32 bindings at once). An
// even schedule's requests, and what the schedule does before each, follow
// from the seed and replay exactly only where no binding is read while the
// first listing's pages are: with bindings, the two interleave as the
// server answers.
func TestAReadThatSucceedsHoldsEveryMemberThatStayedUnderRandomSchedules(t *testing.T) {
	for _, m := range readModes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			outcomes := map[string]int{}
			for i := range *schedules {
				if *only >= 0 && i != *only {
					continue
				}
				outcomes[runSchedule(t, m, i)]++
				if t.Failed() {
					t.Fatalf("schedule %d failed; replay it with: go test ./internal/organization -run 'RandomSchedules/^%s$' -args -seed=%d -schedule=%d%s",
						i, strings.ReplaceAll(m.name, " ", "_"), *seed, i, map[bool]string{true: " (read concurrently: a replay may take another course)"}[i%2 == 1 || m.query.EmailBinds && m.query.MemberUins == nil])
				}
			}
			t.Logf("%d schedules: %v", *schedules, outcomes)
			// A test whose reads all fail, or never meet a shift, proves nothing.
			succeeded, shifted := outcomes["succeeded"]+outcomes["succeeded after a shift"], outcomes["succeeded after a shift"]
			if *only < 0 && (succeeded < *schedules/3 || (m.query.MemberUins == nil && shifted == 0)) {
				t.Errorf("outcomes %v: too few reads succeeded, or none after a shift, to test the invariant", outcomes)
			}
		})
	}
}

// simMember is what the schedule knows of a member, fixed for its life.
type simMember struct {
	uin         int64
	node        int64
	env, status string
	name, email string
	// listedStatus is whether the listing shows the status; else it shows null.
	listedStatus bool
}

// readMode is a filter and mode of the read: listed is what the API's own
// filters keep, keeps what the read must return.
type readMode struct {
	name   string
	query  organization.InventoryQuery
	listed func(simMember) bool
	keeps  func(simMember) bool
}

func all(simMember) bool { return true }

var readModes = []readMode{
	{"unfiltered", organization.InventoryQuery{EmailBinds: true}, all, all},
	{"bind_status", organization.InventoryQuery{EmailBinds: true, BindStatus: []string{"Success", "Valid"}}, all,
		func(m simMember) bool { return m.status == "Success" || m.status == "Valid" }},
	{"status only", organization.InventoryQuery{}, all, all},
	{"status only with bind_status", organization.InventoryQuery{BindStatus: []string{"Unbound"}}, all,
		func(m simMember) bool { return m.listedStatus && m.status == "Unbound" }},
	{"node_id", organization.InventoryQuery{EmailBinds: true, Filter: organization.MemberFilter{NodeId: ptr(uint64(2002))}},
		inNode2002, inNode2002},
	{"node_name status only", organization.InventoryQuery{Filter: organization.MemberFilter{NodeName: ptr("n2002")}}, inNode2002, inNode2002},
	{"tags status only", organization.InventoryQuery{Filter: organization.MemberFilter{Tags: []*organization.Tag{{TagKey: ptr("env"), TagValue: ptr("dev")}}}},
		isDev, isDev},
	{"search_key with bind_status", organization.InventoryQuery{EmailBinds: true, BindStatus: []string{"Failed"}, Filter: organization.MemberFilter{SearchKey: ptr("member-10")}},
		nameHas10, func(m simMember) bool { return nameHas10(m) && m.status == "Failed" }},
	{"member_uins", organization.InventoryQuery{EmailBinds: true, MemberUins: []int64{}}, all, all},
}

func inNode2002(m simMember) bool { return m.node == 2002 }
func isDev(m simMember) bool      { return m.env == "dev" }
func nameHas10(m simMember) bool  { return strings.Contains(m.name, "member-10") }

func (s *schedule) newMember() simMember {
	s.nextUin++
	m := simMember{uin: s.nextUin, node: 2001 + s.rng.Int64N(2), env: []string{"prod", "dev"}[s.rng.IntN(2)],
		status: []string{"Success", "Unbound", "Failed", "Valid"}[s.rng.IntN(4)], listedStatus: s.rng.IntN(4) > 0}
	m.name, m.email = fmt.Sprintf("member-%d", m.uin), fmt.Sprintf("m%d@example.com", m.uin)
	s.members[m.uin] = m
	return m
}

func (m simMember) emulated() emulator.Member {
	status := "null"
	if m.listedStatus {
		status = strconv.Quote(m.status)
	}
	return emulator.Member{
		MemberUin: m.uin,
		Listing: []byte(fmt.Sprintf(`{"Name": %q, "NodeId": %d, "NodeName": "n%d", "Tags": [{"TagKey": "env", "TagValue": %q}], "BindStatus": %s}`,
			m.name, m.node, m.node, m.env, status)),
		EmailBind: []byte(fmt.Sprintf(`{"BindStatus": %q, "Email": %q}`, m.status, m.email)),
	}
}

// runSchedule reads under schedule i and checks the invariant, returning
// how the read ended.
func runSchedule(t *testing.T, mode readMode, i int) string {
	s := newSchedule(mode, i)
	var members []emulator.Member
	for range s.rng.IntN(40) {
		m := s.newMember()
		s.initial[m.uin], s.current = true, append(s.current, m.uin)
		members = append(members, m.emulated())
	}
	srv, ts, client := emulatedOrganization(t, members, []int{1, 8}[s.rng.IntN(2)])
	srv.BeforeRequest = func(action string, params map[string]string) { s.before(srv, action, params) }
	query := mode.query
	if i%2 == 0 {
		organization.SetPaging(client, 2+s.rng.IntN(5), 1)
		query.Reads.Workers = 1
	} else {
		organization.SetPaging(client, 2+s.rng.IntN(5), 8)
	}
	if query.MemberUins != nil {
		query.MemberUins = append([]int64{}, s.current...)
	}
	inv, err := client.ReadInventory(context.Background(), query)
	// A read that failed may have left requests it abandoned still in the
	// schedule's hook; Close waits for them before the schedule is read.
	ts.Close()
	return s.check(t, i, inv, err)
}

// check holds a read's outcome to the invariant.
func (s *schedule) check(t *testing.T, i int, inv *organization.Inventory, err error) string {
	t.Helper()
	if err != nil {
		var unconfirmed *organization.ListingUnconfirmedError
		var unread *organization.MembersUnreadError
		var callErr *tencentapi.Error
		switch {
		case s.events == 0:
			t.Errorf("schedule %d: a read with nothing going on failed: %v", i, err)
		case errors.As(err, &unconfirmed):
			return "unconfirmed"
		case errors.As(err, &unread):
			return "bindings unread"
		case errors.As(err, &callErr):
			return "failed with " + callErr.Code
		default:
			t.Errorf("schedule %d: the read failed with an error of no known kind: %v", i, err)
		}
		return "failed"
	}
	got := map[int64]bool{}
	for j, m := range inv.Members {
		sim, known := s.members[m.MemberUin]
		switch {
		case !known:
			t.Errorf("schedule %d: member %d was never in the organization", i, m.MemberUin)
		case got[m.MemberUin] || (j > 0 && inv.Members[j-1].MemberUin > m.MemberUin):
			t.Errorf("schedule %d: members are not sorted and unique at %d", i, m.MemberUin)
		case !s.mode.keeps(sim):
			t.Errorf("schedule %d: member %d does not match the filter", i, m.MemberUin)
		case !s.sameRecords(sim, m):
			t.Errorf("schedule %d: member %d has another member's records", i, m.MemberUin)
		}
		got[m.MemberUin] = true
	}
	for uin := range s.initial {
		if sim := s.members[uin]; !s.left[uin] && s.mode.keeps(sim) && !got[uin] {
			t.Errorf("schedule %d: member %d, in the organization for the whole read, is missing (%d events)", i, uin, s.events)
		}
	}
	for _, uin := range inv.Left {
		if got[uin] || !s.left[uin] {
			t.Errorf("schedule %d: member %d is reported as left, but it is kept (%v) or never left (%v)", i, uin, got[uin], !s.left[uin])
		}
	}
	if s.shifts > 0 {
		return "succeeded after a shift"
	}
	return "succeeded"
}

func (s *schedule) sameRecords(sim simMember, m organization.InventoryMember) bool {
	if s.mode.query.MemberUins == nil && (m.Listing == nil || *m.Listing.Name != sim.name) {
		return false
	}
	return !s.mode.query.EmailBinds || *m.EmailBind.Email == sim.email
}
