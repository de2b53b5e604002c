// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization_test

import (
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// schedule is one random run of TestAReadThatSucceedsHoldsEveryMemberThatStayedUnderRandomSchedules:
// the organization's members over time, and what happens before each request.
type schedule struct {
	rng       *rand.Rand
	mode      readMode
	intensity float64
	members   map[int64]simMember // everyone who was ever a member
	initial   map[int64]bool
	current   []int64 // listing order
	left      map[int64]bool
	nextUin   int64
	// events counts changes and faults; shifts the leave-and-join pairs
	// between two pages of a listing that keep its Total.
	events, shifts int
}

func newSchedule(mode readMode, i int) *schedule {
	s := &schedule{rng: rand.New(rand.NewPCG(*seed, uint64(i))), mode: mode, members: map[int64]simMember{},
		initial: map[int64]bool{}, left: map[int64]bool{}, nextUin: 1000}
	s.intensity = []float64{0, 0.3, 1}[s.rng.IntN(3)]
	return s
}

// before runs before each request: with chances scaled by the schedule's
// intensity, a shift, members joining at random places and leaving, and a
// fault for this request.
func (s *schedule) before(srv *emulator.Server, action string, params map[string]string) {
	roll := func(p float64) bool { return s.rng.Float64() < p*s.intensity }
	if offset, _ := strconv.Atoi(params["Offset"]); offset > 0 && roll(0.15) {
		s.shift(srv, offset)
	}
	for range 2 {
		if roll(0.06) {
			s.join(srv, s.newMember(), s.rng.IntN(len(s.current)+1))
		}
		if roll(0.06) && len(s.current) > 0 {
			s.leave(srv, s.rng.IntN(len(s.current)))
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

// shift makes a member the listing has already paged past leave, and a new
// one that the listing's filter shows join after the page asked for now:
// Total stays, and the first member of this page moves onto the last one.
func (s *schedule) shift(srv *emulator.Server, offset int) {
	var listed []int // positions in s.current of the members the listing shows
	for at, uin := range s.current {
		if s.mode.listed(s.members[uin]) {
			listed = append(listed, at)
		}
	}
	if offset > len(listed) {
		return
	}
	s.leave(srv, listed[s.rng.IntN(offset)])
	m := s.newMember()
	for !s.mode.listed(m) {
		delete(s.members, m.uin)
		m = s.newMember()
	}
	s.join(srv, m, len(s.current))
	s.shifts++
}

func (s *schedule) join(srv *emulator.Server, m simMember, at int) {
	s.current = slices.Insert(s.current, at, m.uin)
	s.events++
	must(srv.Join(1, m.emulated(), at))
}

func (s *schedule) leave(srv *emulator.Server, at int) {
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
