// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

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
// points between pages and between binding reads, pages come back short,
// Totals drift, requests are throttled and fail with passing errors. Each
// schedule is replayable: one worker reads pages and bindings, so the
// requests, and what the schedule does before each, follow from the seed.
func TestAReadThatSucceedsHoldsEveryMemberThatStayedUnderRandomSchedules(t *testing.T) {
	for _, m := range readModes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			outcomes := map[string]int{}
			for i := range *schedules {
				if *only >= 0 && i != *only {
					continue
				}
				outcome := runSchedule(t, m, i)
				outcomes[outcome]++
				if t.Failed() {
					t.Fatalf("schedule %d failed; replay it with: go test ./internal/organization -run 'RandomSchedules/^%s$' -args -seed=%d -schedule=%d",
						i, strings.ReplaceAll(m.name, " ", "_"), *seed, i)
				}
			}
			t.Logf("%d schedules: %v", *schedules, outcomes)
			// A test whose reads all fail would prove nothing.
			if *only < 0 && outcomes["succeeded"] < *schedules/3 {
				t.Errorf("only %d of %d schedules succeeded; the schedules are too harsh to test the invariant", outcomes["succeeded"], *schedules)
			}
		})
	}
}

// simMember is what the schedule knows of a member, fixed for its life.
type simMember struct {
	uin          int64
	node         int64
	env, status  string
	name, email  string
	listedStatus bool
}

// readMode is a filter and mode of the read, and which members it keeps.
type readMode struct {
	name  string
	query organization.InventoryQuery
	keeps func(simMember) bool
}

var readModes = []readMode{
	{"unfiltered", organization.InventoryQuery{EmailBinds: true}, func(simMember) bool { return true }},
	{"bind_status", organization.InventoryQuery{EmailBinds: true, BindStatus: []string{"Success", "Valid"}},
		func(m simMember) bool { return m.status == "Success" || m.status == "Valid" }},
	{"status only", organization.InventoryQuery{}, func(simMember) bool { return true }},
	{"status only with bind_status", organization.InventoryQuery{BindStatus: []string{"Unbound"}},
		func(m simMember) bool { return m.status == "Unbound" }},
	{"node_id", organization.InventoryQuery{EmailBinds: true, Filter: organization.MemberFilter{NodeId: ptr(uint64(2002))}},
		func(m simMember) bool { return m.node == 2002 }},
	{"tags status only", organization.InventoryQuery{Filter: organization.MemberFilter{Tags: []*organization.Tag{{TagKey: ptr("env"), TagValue: ptr("dev")}}}},
		func(m simMember) bool { return m.env == "dev" }},
}

// schedule is one random run: the organization's members over time.
type schedule struct {
	rng       *rand.Rand
	intensity float64
	mu        sync.Mutex
	members   map[int64]simMember // everyone who was ever a member
	initial   map[int64]bool
	current   []int64 // listing order
	left      map[int64]bool
	nextUin   int64
	events    int
}

func (s *schedule) newMember() simMember {
	s.nextUin++
	m := simMember{uin: s.nextUin, node: 2001 + s.rng.Int64N(2), env: []string{"prod", "dev"}[s.rng.IntN(2)],
		status: []string{"Success", "Unbound", "Failed", "Valid"}[s.rng.IntN(4)], listedStatus: s.rng.IntN(3) > 0}
	m.name, m.email = fmt.Sprintf("member-%d", m.uin), fmt.Sprintf("m%d@example.com", m.uin)
	s.members[m.uin] = m
	return m
}

func (m simMember) emulated() emulator.Member {
	status := ""
	if m.listedStatus {
		status = fmt.Sprintf(`, "BindStatus": %q`, m.status)
	}
	return emulator.Member{
		MemberUin: m.uin,
		Listing: []byte(fmt.Sprintf(`{"Name": %q, "NodeId": %d, "NodeName": "n%d", "Tags": [{"TagKey": "env", "TagValue": %q}]%s}`,
			m.name, m.node, m.node, m.env, status)),
		EmailBind: []byte(fmt.Sprintf(`{"BindStatus": %q, "Email": %q}`, m.status, m.email)),
	}
}

// before runs before each request: with chances scaled by the schedule's
// intensity, members join at random places and leave, independently, so
// that a leave and a join can fall between the same two pages and keep
// Total; and this request may get a fault.
func (s *schedule) before(srv *emulator.Server, action string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	roll := func(p float64) bool { return s.rng.Float64() < p*s.intensity }
	for range 2 {
		if roll(0.08) {
			s.join(srv)
		}
		if roll(0.08) && len(s.current) > 0 {
			s.leave(srv)
		}
	}
	var fault *emulator.Fault
	switch {
	case roll(0.03) && action == organization.ActionDescribeOrganizationMembers:
		fault = &emulator.Fault{Kind: emulator.FaultListingShort, Count: 1}
	case roll(0.02) && action == organization.ActionDescribeOrganizationMembers:
		fault = &emulator.Fault{Kind: emulator.FaultListingTotalBonus, Count: 1, Bonus: 1 + s.rng.Uint64N(1000)}
	case roll(0.04):
		fault = &emulator.Fault{Kind: emulator.FaultThrottled, Action: action, Count: 1}
	case roll(0.03):
		fault = &emulator.Fault{Kind: emulator.FaultInternalError, Action: action, Count: 1}
	}
	if fault != nil {
		s.events++
		must(srv.AddFault(*fault))
	}
}

func (s *schedule) join(srv *emulator.Server) {
	m := s.newMember()
	at := s.rng.IntN(len(s.current) + 1)
	s.current = slices.Insert(s.current, at, m.uin)
	s.events++
	must(srv.Join(1, m.emulated(), at))
}

func (s *schedule) leave(srv *emulator.Server) {
	at := s.rng.IntN(len(s.current))
	uin := s.current[at]
	s.current = slices.Delete(s.current, at, at+1)
	s.left[uin] = true
	s.events++
	must(srv.Leave(uin))
}

// must stops a schedule the emulator refuses: the schedule itself is wrong.
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// runSchedule reads under schedule i and checks the invariant, returning
// how the read ended.
func runSchedule(t *testing.T, mode readMode, i int) string {
	s := &schedule{rng: rand.New(rand.NewPCG(*seed, uint64(i))), members: map[int64]simMember{}, initial: map[int64]bool{},
		left: map[int64]bool{}, nextUin: 1000}
	s.intensity = []float64{0, 0.3, 1}[s.rng.IntN(3)]
	var members []string
	for range s.rng.IntN(25) {
		m := s.newMember()
		s.initial[m.uin], s.current = true, append(s.current, m.uin)
		e := m.emulated()
		members = append(members, fmt.Sprintf(`{"member_uin": %d, "listing": %s, "email_bind": %s}`, e.MemberUin, e.Listing, e.EmailBind))
	}
	world, err := emulator.ParseWorld([]byte(`{"rate_limit": 1000000,
	  "credentials": [{"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 1}],
	  "organizations": [{"admin_uin": 1, "nodes": [{"node_id": 2001, "name": "n2001"}, {"node_id": 2002, "name": "n2002"}],
	    "members": [` + strings.Join(members, ",") + `]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	srv := emulator.New(world)
	srv.BeforeRequest = func(action string, _ map[string]string) { s.before(srv, action) }
	ts := httptest.NewServer(srv.Handler(emulator.ServiceOrganization))
	defer ts.Close()
	endpoint, _ := url.Parse(ts.URL)
	client := organization.NewClient(tencentapi.Config{
		Credential: common.NewCredential("AKIDadmin", "admin-key"), Endpoint: endpoint, RateLimit: 1e6,
		MaxRetries: 8, RetryBaseDelay: time.Millisecond, RetryMaxDelay: 2 * time.Millisecond, Timeout: 10 * time.Second,
	})
	organization.SetPaging(client, 2+s.rng.IntN(4), 1)
	query := mode.query
	query.Reads.Workers = 1
	inv, err := client.ReadInventory(context.Background(), query)
	return s.check(t, mode, i, inv, err)
}

// check holds a read's outcome to the invariant.
func (s *schedule) check(t *testing.T, mode readMode, i int, inv *organization.Inventory, err error) string {
	t.Helper()
	if err != nil {
		var unconfirmed *organization.ListingUnconfirmedError
		var callErr *tencentapi.Error
		switch {
		case s.events == 0:
			t.Errorf("schedule %d: a read with nothing going on failed: %v", i, err)
		case errors.As(err, &unconfirmed):
			return "unconfirmed"
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
		case !mode.keeps(sim):
			t.Errorf("schedule %d: member %d does not match the filter", i, m.MemberUin)
		case m.Listing == nil || *m.Listing.Name != sim.name || (mode.query.EmailBinds && *m.EmailBind.Email != sim.email):
			t.Errorf("schedule %d: member %d has another member's records", i, m.MemberUin)
		}
		got[m.MemberUin] = true
	}
	for uin := range s.initial {
		if sim := s.members[uin]; !s.left[uin] && mode.keeps(sim) && !got[uin] {
			t.Errorf("schedule %d: member %d, in the organization for the whole read, is missing (%d events)", i, uin, s.events)
		}
	}
	for _, uin := range inv.Left {
		if got[uin] {
			t.Errorf("schedule %d: member %d is both kept and reported as left", i, uin)
		}
	}
	return "succeeded"
}
