// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import "slices"

// pageServed counts a DescribeOrganizationMembers page answered from org and
// makes the members join or leave that faults schedule after it. The caller
// holds s.mu, so the page it answers reflects the organization from before.
func (s *Server) pageServed(org *Organization) {
	s.pagesServed++
	for _, f := range s.world.Faults {
		if f.AfterPage != s.pagesServed {
			continue
		}
		switch f.Kind {
		case FaultMemberLeaves:
			s.leave(f.MemberUin)
		case FaultMemberJoins:
			s.join(org, *f.Member, len(org.Members))
		}
	}
}

// listingStarts counts a listing (a request at Offset 0) and, before every
// one but the first, makes the joins member_churn schedules. The caller
// holds s.mu.
func (s *Server) listingStarts(org *Organization) {
	s.listingsStarted++
	if s.listingsStarted == 1 {
		return
	}
	for i, f := range s.world.Faults {
		if f.Kind != FaultMemberChurn || !s.useFault(i) {
			continue
		}
		m := *f.Member
		for s.orgOfUin[m.MemberUin] != nil {
			m.MemberUin++
		}
		s.join(org, m, len(org.Members))
	}
}

// join adds m to org at position at of its listing order. The caller holds s.mu.
func (s *Server) join(org *Organization, m Member, at int) {
	org.Members = slices.Insert(org.Members, min(at, len(org.Members)), m)
	s.orgOfUin[m.MemberUin] = org
}

// leave removes uin from its organization's members; an admin stays its
// organization's caller. The caller holds s.mu.
func (s *Server) leave(uin int64) {
	from := s.orgOfUin[uin]
	if from == nil {
		return
	}
	from.Members = slices.DeleteFunc(from.Members, func(m Member) bool { return m.MemberUin == uin })
	if uin != from.AdminUin {
		delete(s.orgOfUin, uin)
	}
}
